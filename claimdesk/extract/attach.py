"""Dates, places and quantities found once per document, attached to the claims whose span holds them.

The finders (time.py, places.py, quantities.py) are separate modules; any one that is not there
yet simply attaches nothing.
"""

from __future__ import annotations

import bisect
import inspect
import logging
from dataclasses import dataclass, field
from typing import Callable, Optional

from claimdesk.models import Document, Place, Quantity, Span, When

log = logging.getLogger(__name__)


def _optional(module: str, name: str) -> Optional[Callable]:
    try:
        mod = __import__(f"claimdesk.extract.{module}", fromlist=[name])
    except ImportError:
        return None
    return getattr(mod, name, None)


@dataclass
class Found:
    dates: list[When] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    _index: Optional[dict[str, _SpanIndex]] = field(default=None, repr=False, compare=False)

    def in_span(self, span: Span) -> tuple[Optional[When], list[Place], list[Quantity]]:
        """The first date, the places (each name once) and the quantities inside `span`, in the
        finders' order. Looked up by bisecting spans sorted once per document, so attaching to
        every claim costs O(claims x log(finds) + matches), not O(claims x finds)."""
        if self._index is None:
            self._index = {name: _SpanIndex(getattr(self, name)) for name in ("dates", "places", "quantities")}
        dates = self._index["dates"].inside(span)
        when = dates[0] if dates else None
        places, names = [], set()
        for p in self._index["places"].inside(span):
            if p.name not in names:
                names.add(p.name)
                places.append(p)
        return when, places, self._index["quantities"].inside(span)


class _SpanIndex:
    """Records with spans, sorted by start, answering "which lie inside [start, end)" in input order."""

    def __init__(self, records: list) -> None:  # noqa: ANN001
        order = sorted((r.span[0], i) for i, r in enumerate(records) if r.span is not None)
        self._starts = [start for start, _ in order]
        self._positions = [i for _, i in order]
        self._records = records

    def inside(self, span: Span) -> list:
        lo = bisect.bisect_left(self._starts, span[0])
        hi = bisect.bisect_right(self._starts, span[1])
        hits = sorted(i for i in self._positions[lo:hi] if self._records[i].span[1] <= span[1])
        return [self._records[i] for i in hits]


def _call(fn: Callable, *args, **kwargs):
    """Pass only the keyword arguments the finder accepts (their signatures may grow)."""
    params = inspect.signature(fn).parameters
    if not any(p.kind == p.VAR_KEYWORD for p in params.values()):
        kwargs = {k: v for k, v in kwargs.items() if k in params}
    return fn(*args, **kwargs)


def publication_date(doc: Document):
    """The document's date, else the one its page states (URL, "Published:" line, dateline,
    title): "on February 26" then still resolves for a page that came without metadata."""
    if doc.published is not None:
        return doc.published
    from claimdesk.ingest.metadata import page_date

    return page_date(doc.text, doc.title, doc.url or doc.source)


def find_all(doc: Document, spacy_doc=None) -> Found:
    found = Found()
    calls = {
        "dates": ("time", "find_dates", (doc.text, publication_date(doc)), {}),
        "places": ("places", "find_places", (doc.text,), {"doc": spacy_doc, "spacy_doc": spacy_doc}),
        "quantities": ("quantities", "find_quantities", (doc.text,), {}),
    }
    for attr, (module, name, args, kwargs) in calls.items():
        fn = _optional(module, name)
        if fn is None:
            continue
        try:
            setattr(found, attr, list(_call(fn, *args, **kwargs)))
        except Exception:  # a finder's bug must not lose the document's claims
            log.exception("%s.%s failed for %s", module, name, doc.source)
    return found
