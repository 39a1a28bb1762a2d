"""What each page shows, built from the store: the pages and the JSON API both call these."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from markupsafe import Markup

from claimdesk.models import Claim, Document, Finding, Mention, Story
from claimdesk.report.bounds import MAX_DIGITS, MAX_MIN_SOURCES, MAX_PAGE
from claimdesk.report.safe import context_window, highlight
from claimdesk.store import Store
from claimdesk.store.stories import BadFilter, StoryFilter, story_of_claims

PAGE_SIZE = 50
_DIGITS = re.compile(r"[0-9]+")
MAX_MENTIONS_SHOWN = 200


def parse_filter(params: dict[str, str]) -> StoryFilter:
    """A StoryFilter from query parameters as a form sends them (empty means no filter)."""
    return StoryFilter.checked(
        status=params.get("status") or None, event_type=params.get("event_type") or None,
        since=params.get("since") or None, until=params.get("until") or None,
        min_sources=parse_count("min_sources", params.get("min_sources"), 1, MAX_MIN_SOURCES),
        place=(params.get("place") or "").strip()[:200] or None, search=(params.get("q") or "").strip()[:200] or None)


def parse_count(name: str, value: Optional[str], low: int, high: int) -> Optional[int]:
    """A whole number from `low` to `high` written in ASCII digits, or None when `value` is empty.

    Every number read from a query string by hand (page, min_sources) goes through here, so none
    reaches the database out of range (SQLite takes 64 bits) or fails to convert (`"²".isdigit()`
    is true, `int("²")` fails). The API's typed limit and offset take their bounds from the same
    module (claimdesk.report.bounds).
    """
    if value is None or not value.strip():
        return None
    digits = value.strip()
    if not _DIGITS.fullmatch(digits) or len(digits.lstrip("0")) > MAX_DIGITS or not low <= int(digits) <= high:
        raise BadFilter(name, f"expected a whole number from {low} to {high:,}, got {value[:40]!r}")
    return int(digits)


def parse_page(value: Optional[str]) -> int:
    page = parse_count("page", value, 1, MAX_PAGE)
    return 1 if page is None else page


@dataclass
class MentionView:
    mention: Mention
    document: Optional[Document]
    passage: Markup
    line: Optional[int]


def mention_views(store: Store, story: Story) -> list[MentionView]:
    """Each mention with the passage around it, the claim span (and its source, when known) marked."""
    views: list[MentionView] = []
    documents: dict[str, Optional[Document]] = {}
    for mention in story.mentions[:MAX_MENTIONS_SHOWN]:
        if mention.document not in documents:
            documents[mention.document] = store.get_document(mention.document)
        doc = documents[mention.document]
        if doc is None:
            views.append(MentionView(mention, None, highlight(mention.text, [(0, len(mention.text), "claim focus")]), None))
            continue
        start, end = context_window(doc.text, mention.span)
        spans = [(mention.span[0], mention.span[1], "claim focus")]
        source_span = mention.attribution.source_span
        if source_span and not (source_span[0] < mention.span[1] and source_span[1] > mention.span[0]):
            spans.append((source_span[0], source_span[1], "source"))
        prefix = "… " if start > 0 else ""
        suffix = " …" if end < len(doc.text) else ""
        passage = Markup(prefix) + highlight(doc.text, spans, start, end) + Markup(suffix)
        views.append(MentionView(mention, doc, passage, doc.line_of(mention.span[0])))
    return views


@dataclass
class LineView:
    number: int
    html: Markup
    flagged: bool


@dataclass
class DocumentView:
    document: Document
    lines: list[LineView]
    findings: list[Finding]
    claims: list[Claim]
    story_of_claim: dict[str, str] = field(default_factory=dict)
    sources: list[dict] = field(default_factory=list)


def document_view(store: Store, document_id: str) -> Optional[DocumentView]:
    doc = store.get_document(document_id)
    if doc is None:
        return None
    findings, claims = store.findings_for(doc.id), store.claims_for(doc.id)
    flagged_lines = {n for f in findings for n in range(f.line, f.end_line + 1)}
    starts = doc.lines
    ordered = sorted(claims, key=lambda c: c.span)
    lines, first = [], 0
    if len(starts) > 1 and starts[-1] == len(doc.text):
        starts = starts[:-1]  # a final newline does not start a line worth showing
    for number, start in enumerate(starts, 1):
        end = starts[number] - 1 if number < len(starts) else max(start, len(doc.text.rstrip("\n")))
        while first < len(ordered) and ordered[first].span[1] <= start:
            first += 1
        spans = [(s, e, "furniture") for s, e in doc.furniture if s < end and e > start]
        for claim in ordered[first:]:
            if claim.span[0] >= end:
                break
            spans.append((claim.span[0], claim.span[1], "claim"))
        lines.append(LineView(number, highlight(doc.text, spans, start, end), number in flagged_lines))
    return DocumentView(doc, lines, findings, claims, story_of_claims(store, [doc.id]), store.document_sources(doc.id))


def filter_query(flt: StoryFilter, page: Optional[int] = None) -> dict[str, str]:
    """Query parameters that reproduce `flt` (for pager links)."""
    params = {
        "status": flt.status, "event_type": flt.event_type, "q": flt.search, "place": flt.place,
        "since": flt.since.isoformat() if flt.since else None, "until": flt.until.isoformat() if flt.until else None,
        "min_sources": str(flt.min_sources) if flt.min_sources else None, "page": str(page) if page else None,
    }
    return {k: v for k, v in params.items() if v}
