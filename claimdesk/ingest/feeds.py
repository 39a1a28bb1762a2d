"""RSS 2.0 and Atom feeds (feedparser): one Document per entry that carries text, a LinkOnly per
entry that carries only a link (claimdesk works offline and never fetches it)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Optional

import feedparser

from claimdesk.ingest.html import html_to_text
from claimdesk.ingest.metadata import clean, domain_of, language_code, parse_date
from claimdesk.ingest.options import IngestOptions
from claimdesk.models import Document, LinkOnly, Rejected, RejectedInput

FeedRecord = Document | LinkOnly | RejectedInput


def read_feed(path: Path, options: IngestOptions) -> Iterator[FeedRecord]:
    source = str(path)
    # A stream, not bytes or str: feedparser treats a string that looks like a URL as one to fetch.
    parsed = feedparser.parse(io.BytesIO(path.read_bytes()))
    if not parsed.entries:
        if parsed.bozo:
            raise Rejected(source, f"malformed feed: {parsed.get('bozo_exception')}")
        if not parsed.version:
            raise Rejected(source, "not an RSS or Atom feed")
        raise Rejected(source, "the feed has no entries")
    feed = parsed.feed
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry_record(entry, number, source, feed, options)


def _entry_record(entry: Any, number: int, source: str, feed: Any, options: IngestOptions) -> FeedRecord:
    entry_source = f"{source}#{clean(entry.get('id')) or clean(entry.get('link')) or number}"
    url = clean(entry.get("link"))
    title = clean(entry.get("title"))
    outlet = domain_of(url) or domain_of(feed.get("link")) or clean(feed.get("title")) or options.outlet
    published = parse_date(entry.get("published_parsed") or entry.get("updated_parsed")) or options.published
    text = _entry_text(entry)
    if text:
        return Document.from_text(
            text, source=entry_source, format="feed", url=url, title=title, outlet=outlet,
            author=clean(entry.get("author")), published=published,
            language=language_code(entry.get("language") or feed.get("language")),
        )
    if url:
        return LinkOnly(source=entry_source, url=url, title=title, outlet=outlet, published=published)
    return RejectedInput(source=entry_source, reason="feed entry has neither text nor a link")


def _entry_text(entry: Any) -> str:
    """The fullest text of an entry: its content (content:encoded, Atom content), else its summary."""
    candidates: list[tuple[Optional[str], Optional[str]]] = [
        (c.get("value"), c.get("type")) for c in entry.get("content", [])
    ]
    detail = entry.get("summary_detail") or {}
    candidates.append((entry.get("summary"), detail.get("type")))
    for value, mime in candidates:
        if not value or not value.strip():
            continue
        text = value.strip() if mime == "text/plain" else html_to_text(value)
        if text:
            return text
    return ""
