"""The Parquet tables the batch job writes and `load` reads, and records <-> their rows.

Columns mirror the store's tables (`claimdesk.store.schema`) and records go through the store's
codec (`claimdesk.store.codec`); the nested parts of a record (attribution, when, places,
quantities, related, contradictions, furniture) are JSON text here. Row converters are plain Python
so they run in the executors and in `load` alike.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from claimdesk.models import Claim, Document, Finding, Origin, RejectedInput, Story
from claimdesk.store import codec

TABLES = ("documents", "sources", "findings", "claims", "copies", "stories", "story_mentions", "rejected")

# (column, Spark SQL type) in row order.
DOCUMENT_COLUMNS = [
    ("id", "string"), ("source", "string"), ("format", "string"), ("outlet", "string"), ("url", "string"),
    ("title", "string"), ("author", "string"), ("published", "date"), ("language", "string"),
    ("text", "string"), ("ingested_at", "timestamp"), ("furniture", "string"),
    ("times", "string"),
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
    ("setting", "string"),
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


def _cells(row: dict[str, Any], columns: list[tuple[str, str]]) -> tuple:
    return tuple(json.dumps(row[name], ensure_ascii=False) if name in codec.JSON_COLUMNS and row[name] is not None
                 else row[name] for name, _ in columns)


def _fields(row: dict[str, Any]) -> dict[str, Any]:
    return {name: json.loads(value) if name in codec.JSON_COLUMNS and value is not None else value
            for name, value in row.items()}


# -- records -> rows (executors) -------------------------------------------------------------------

def document_row(doc: Document) -> tuple:
    return _cells(codec.document_row(doc), DOCUMENT_COLUMNS)


def finding_row(document_id: str, f: Finding) -> tuple:
    return _cells(codec.finding_row(document_id, f), FINDING_COLUMNS)


def claim_row(c: Claim) -> tuple:
    return _cells(codec.claim_row(c), CLAIM_COLUMNS)


def story_row(s: Story) -> tuple:
    return _cells(codec.story_row(s, updated_at=datetime.now(timezone.utc)), STORY_COLUMNS)


def origin_row(document_id: str, seq: int, o: Origin) -> tuple:
    return _cells(codec.origin_row(document_id, seq, o), ORIGIN_COLUMNS)


# -- rows -> records (load) ------------------------------------------------------------------------

def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def document_from(row: dict[str, Any]) -> Document:
    fields = _fields(row)
    fields["ingested_at"] = _aware(fields["ingested_at"])
    return codec.document_from_row(fields)


def finding_from(row: dict[str, Any]) -> Finding:
    return codec.finding_from_row(_fields(row))


def claim_from(row: dict[str, Any]) -> Claim:
    return codec.claim_from_row(_fields(row))


def story_from(row: dict[str, Any], mentions: list) -> Story:
    return codec.story_from_row(_fields(row), mentions)


def origin_from(row: dict[str, Any]) -> Origin:
    return codec.origin_from_row(row)


def rejected_from(row: dict[str, Any]) -> RejectedInput:
    return RejectedInput(source=row["source"], reason=row["reason"], at=_aware(row["at"]))
