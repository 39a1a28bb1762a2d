"""Records <-> table rows: the one place that knows which record field goes in which column.

A row here is a dict of column name -> value, nested parts of a record (attribution, when, places,
quantities, related, contradictions) as plain JSON-ready dicts and lists. The store writes these
dicts as they are; the Spark tables (`claimdesk.scale.tables`) turn the nested parts into JSON text.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Optional

from claimdesk.models import (
    Attribution, Claim, Contradiction, Document, Finding, Mention, Origin, Place, Quantity, Related, Story, StoryReview, TimedPost, When,
)

# Columns holding a nested part of a record (JSON in the store; JSON text in the Spark tables).
JSON_COLUMNS = frozenset({"furniture", "times", "related", "attribution", "when", "places", "quantities", "contradictions",
                          "setting"})
DOCUMENT_FIELDS = ("id", "source", "format", "outlet", "url", "title", "author", "published", "language", "text",
                   "ingested_at")


def document_row(doc: Document) -> dict[str, Any]:
    row = {name: getattr(doc, name) for name in DOCUMENT_FIELDS}
    row["furniture"] = [list(span) for span in doc.furniture]
    row["times"] = times_json(doc)
    row["site"] = doc.site
    return row


def times_json(doc: Document) -> Optional[dict[str, Any]]:
    if doc.published_at is None and not doc.posts:
        return None
    return {"published_at": doc.published_at.isoformat() if doc.published_at else None,
            "posts": [[p.span[0], p.span[1], p.at.isoformat()] for p in doc.posts]}


def document_from_row(row: Mapping[str, Any]) -> Document:
    doc = Document(**{k: row[k] for k in DOCUMENT_FIELDS}, site=row.get("site"))
    doc.furniture = [(s, e) for s, e in (row.get("furniture") or ())]
    set_times(doc, row.get("times"))
    return doc


def set_times(doc: Document, times: Optional[Mapping[str, Any]]) -> None:
    """`doc`'s published time and live posts from a `times` cell (None: a page that gives none)."""
    if not times:
        return
    doc.published_at = datetime.fromisoformat(times["published_at"]) if times.get("published_at") else None
    doc.posts = [TimedPost(span=(s, e), at=datetime.fromisoformat(at)) for s, e, at in times.get("posts") or ()]


def finding_row(document_id: str, f: Finding) -> dict[str, Any]:
    return {
        "document_id": document_id, "kind": f.kind, "severity": f.severity, "line": f.line,
        "end_line": f.end_line, "span_start": f.span[0], "span_end": f.span[1], "quote": f.quote,
        "message": f.message, "related": f.related.model_dump() if f.related else None,
    }


def finding_from_row(row: Mapping[str, Any]) -> Finding:
    return Finding(
        kind=row["kind"], severity=row["severity"], line=row["line"], end_line=row["end_line"],
        span=(row["span_start"], row["span_end"]), quote=row["quote"], message=row["message"],
        related=Related(**row["related"]) if row["related"] else None,
    )


def claim_row(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id, "document_id": c.document_id, "text": c.text, "span_start": c.span[0],
        "span_end": c.span[1], "line": c.line, "event_type": c.event_type, "actors": list(c.actors),
        "attribution": c.attribution.model_dump(), "hedges": list(c.hedges), "polarity": c.polarity,
        "when": c.when.model_dump() if c.when else None,
        "places": [p.model_dump() for p in c.places],
        "quantities": [q.model_dump() for q in c.quantities],
        "checkworthiness": float(c.checkworthiness), "extractor": c.extractor,
        "setting": [p.model_dump() for p in c.setting],
    }


def claim_from_row(row: Mapping[str, Any]) -> Claim:
    return Claim(
        id=row["id"], document_id=row["document_id"], text=row["text"],
        span=(row["span_start"], row["span_end"]), line=row["line"], event_type=row["event_type"],
        actors=list(row["actors"] or []), attribution=Attribution(**row["attribution"]),
        hedges=list(row["hedges"] or []), polarity=row["polarity"],
        when=When(**row["when"]) if row["when"] else None,
        places=[Place(**p) for p in row["places"]], quantities=[Quantity(**q) for q in row["quantities"]],
        checkworthiness=row["checkworthiness"], extractor=row["extractor"],
        setting=[Place(**p) for p in row.get("setting") or []],
    )


def story_row(story: Story, updated_at: datetime) -> dict[str, Any]:
    return {
        "id": story.id, "text": story.text, "event_type": story.event_type, "status": story.status,
        "independent_sources": story.independent_sources, "informativeness": story.informativeness,
        "first_seen": story.first_seen, "when": story.when.model_dump() if story.when else None,
        "places": [p.model_dump() for p in story.places],
        "contradictions": [c.model_dump() for c in story.contradictions],
        "updated_at": updated_at,
    }


def story_from_row(row: Mapping[str, Any], mentions: list[Mention], review: Optional[StoryReview] = None) -> Story:
    return Story(
        id=row["id"], text=row["text"], event_type=row["event_type"], status=row["status"],
        independent_sources=row["independent_sources"], informativeness=row.get("informativeness") or 0.0,
        first_seen=row["first_seen"], when=When(**row["when"]) if row["when"] else None,
        places=[Place(**p) for p in row["places"]],
        mentions=mentions,
        contradictions=[Contradiction(**c) for c in row["contradictions"]],
        review=review,
    )


def origin_row(document_id: str, seq: int, o: Origin) -> dict[str, Any]:
    return {"document_id": document_id, "seq": seq, "outlet": o.outlet[:300], "outlet_key": o.key[:300], "why": o.why,
            "span_start": o.span[0] if o.span else None, "span_end": o.span[1] if o.span else None,
            "source_document": o.document}


def origin_from_row(row: Mapping[str, Any]) -> Origin:
    span = (row["span_start"], row["span_end"]) if row["span_start"] is not None else None
    return Origin(outlet=row["outlet"], key=row["outlet_key"], why=row["why"], span=span, document=row["source_document"])
