"""The one options object that travels through every ingest reader."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional


@dataclass(frozen=True)
class IngestOptions:
    """How inputs are read.

    - `published`: the publication date of documents whose own metadata has none. A record's own
      date (HTML metadata, feed entry, JSON field) always wins; this only fills the gap. With
      neither, a date the page states about itself is taken (a dated URL path, a dateline, a
      "Published:" line: `metadata.page_date`), else the date stays None: claimdesk never guesses one.
    - `max_bytes`: the largest input read into memory. A whole-file format (text, HTML, feed, JSON) over
      it is rejected from its size alone, without being read. WARC and JSON Lines files are
      streamed record by record, so there the limit applies to each record (line), not the file:
      a 1 GB crawl is fine, a single 1 GB record is not.
    - `outlet`: the outlet of documents whose metadata names none (no site name, no URL), before a
      site name closing the page's title (`html.title_site_name`); like `published`, it fills gaps and never overrides.
    - `as_of`: the day the pages are read as of (None: today). A page's metadata date more than
      `html.FUTURE_DAYS` after it is a typo or an announced event, not a publication date; replaying
      an archive, or a test set written with dates ahead of the calendar, names its own day.

    >>> IngestOptions(published=date(2024, 10, 16)).max_bytes
    52428800
    """

    published: Optional[date] = None
    max_bytes: int = 50 * 1024 * 1024
    outlet: Optional[str] = None
    as_of: Optional[date] = None

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise ValueError(f"expected max_bytes > 0, got {self.max_bytes}")
