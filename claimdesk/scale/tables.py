"""The Parquet tables the batch job writes and `load` reads, and records <-> their rows.

Columns mirror the store's tables (`claimdesk.store.schema`); nested parts of a record
(attribution, when, places, quantities, related, contradictions) are JSON text, as in the store.
Row converters are plain Python so they run in the executors and in `load` alike.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Optional

from claimdesk.models import (
    Attribution, Claim, Contradiction, Document, Finding, Origin, Place, Quantity, Related, RejectedInput,
    Story, When,
)

TABLES = ("documents", "sources", "findings", "claims", "copies", "stories", "story_mentions", "rejected")

# (column, Spark SQL type) in row order.
DOCUMENT_COLUMNS = [
    ("id", "string"), ("source", "string"), ("format", "string"), ("outlet", "string"), ("url", "string"),
    ("title", "string"), ("author", "string"), ("published", "date"), ("language", "string"),
    ("text", "string"), ("ingested_at", "timestamp"), ("furniture", "string"),
]
FINDING_COLUMNS = [
    ("document_id", "string"), ("kind", "string"), ("severity", "string"), ("line", "int"),
    ("end_line", "int"), ("span_start", "int"), ("span_end", "int"), ("quote", "string"),
    ("message", "string"), ("related", "string"),
]
CLAIM_COLUMNS = [
    ("id", "string"), ("document_id", "string"), ("text", "string"), ("span_start", "int"),
    ("span_end", "int"), ("line", "int"), ("event_type", "string"), ("actors", "array<string>"),
    ("attribution", "string"), ("hedges", "array<string>"), ("polarity", "string"), ("when", "string"),
    ("places", "string"), ("quantities", "string"), ("checkworthiness", "double"), ("extractor", "string"),
]
STORY_COLUMNS = [
    ("id", "string"), ("text", "string"), ("event_type", "string"), ("status", "string"),
    ("independent_sources", "int"), ("first_seen", "date"), ("when", "string"), ("places", "string"),
    ("contradictions", "string"),
]
MENTION_COLUMNS = [("story_id", "string"), ("claim_id", "string"), ("document_id", "string"), ("copy_of", "string")]
# Written beside the stories; not in TABLES, so batch outputs made before it still load.
ORIGINS = "document_origins"
ORIGIN_COLUMNS = [
    ("document_id", "string"), ("seq", "int"), ("outlet", "string"), ("outlet_key", "string"), ("why", "string"),
    ("span_start", "int"), ("span_end", "int"), ("source_document", "string"),
]


def ddl(columns: list[tuple[str, str]]) -> str:
    """A Spark DDL schema string, e.g. "`id` string, `line` int"."""
    return ", ".join(f"`{name}` {kind}" for name, kind in columns)


def _json(value: Any) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, list):
        return json.dumps([v.model_dump(mode="json") for v in value], ensure_ascii=False)
    return json.dumps(value.model_dump(mode="json"), ensure_ascii=False)


def _loads(value: Optional[str]) -> Any:
    return json.loads(value) if value is not None else None


# -- records -> rows (executors) -------------------------------------------------------------------

def document_row(doc: Document) -> tuple:
    return (doc.id, doc.source, doc.format, doc.outlet, doc.url, doc.title, doc.author, doc.published,
            doc.language, doc.text, doc.ingested_at, json.dumps([list(span) for span in doc.furniture]))


def finding_row(document_id: str, f: Finding) -> tuple:
    return (document_id, f.kind, f.severity, f.line, f.end_line, f.span[0], f.span[1], f.quote, f.message,
            _json(f.related))


def claim_row(c: Claim) -> tuple:
    return (c.id, c.document_id, c.text, c.span[0], c.span[1], c.line, c.event_type, list(c.actors),
            _json(c.attribution), list(c.hedges), c.polarity, _json(c.when), _json(c.places),
            _json(c.quantities), float(c.checkworthiness), c.extractor)


def story_row(s: Story) -> tuple:
    return (s.id, s.text, s.event_type, s.status, s.independent_sources, s.first_seen, _json(s.when),
            _json(s.places), _json(s.contradictions))


def origin_row(document_id: str, seq: int, o: Origin) -> tuple:
    return (document_id, seq, o.outlet[:300], o.key[:300], o.why, o.span[0] if o.span else None,
            o.span[1] if o.span else None, o.document)


# -- rows -> records (load) ------------------------------------------------------------------------

def _aware(value: datetime) -> datetime:
    from datetime import timezone

    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def document_from(row: dict[str, Any]) -> Document:
    fields = {name: row[name] for name, _ in DOCUMENT_COLUMNS if name != "furniture"}
    fields["ingested_at"] = _aware(fields["ingested_at"])
    doc = Document(**fields)
    doc.furniture = [(s, e) for s, e in (_loads(row.get("furniture")) or ())]
    return doc


def finding_from(row: dict[str, Any]) -> Finding:
    related = _loads(row["related"])
    return Finding(
        kind=row["kind"], severity=row["severity"], line=row["line"], end_line=row["end_line"],
        span=(row["span_start"], row["span_end"]), quote=row["quote"], message=row["message"],
        related=Related(**related) if related else None,
    )


def claim_from(row: dict[str, Any]) -> Claim:
    when = _loads(row["when"])
    return Claim(
        id=row["id"], document_id=row["document_id"], text=row["text"],
        span=(row["span_start"], row["span_end"]), line=row["line"], event_type=row["event_type"],
        actors=list(row["actors"] or []), attribution=Attribution(**_loads(row["attribution"])),
        hedges=list(row["hedges"] or []), polarity=row["polarity"], when=When(**when) if when else None,
        places=[Place(**p) for p in _loads(row["places"])],
        quantities=[Quantity(**q) for q in _loads(row["quantities"])],
        checkworthiness=row["checkworthiness"], extractor=row["extractor"],
    )


def story_from(row: dict[str, Any], mentions: list) -> Story:
    when = _loads(row["when"])
    return Story(
        id=row["id"], text=row["text"], event_type=row["event_type"], status=row["status"],
        independent_sources=row["independent_sources"], first_seen=row["first_seen"],
        when=When(**when) if when else None, places=[Place(**p) for p in _loads(row["places"])],
        contradictions=[Contradiction(**c) for c in _loads(row["contradictions"])], mentions=mentions,
    )


def rejected_from(row: dict[str, Any]) -> RejectedInput:
    return RejectedInput(source=row["source"], reason=row["reason"], at=_aware(row["at"]))
