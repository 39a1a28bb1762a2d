"""The range of every number a person may give a listing, on the command line or in the web UI.

Outside these, a filter or a page is refused as bad input (exit 2, HTTP 400/422) before it reaches
the database, where a number past 64 bits would fail as an internal error. Generous: no real
store holds a story with a million independent outlets or a billion stories.
"""

from __future__ import annotations

MAX_MIN_SOURCES = 1_000_000  # --min-sources / min_sources
MAX_PAGE = 10_000_000  # the web UI's page number (50 stories a page)
MAX_ROWS = 1_000_000_000  # the API's offset; report --max-stories / --max-documents
MAX_DIGITS = 12  # longer numerals are refused before they are converted

__all__ = ["MAX_DIGITS", "MAX_MIN_SOURCES", "MAX_ROWS", "MAX_PAGE"]
