"""Dates, places and quantities found once per document, attached to the claims whose span holds them.

The finders are `claimdesk.language.dates.find_dates`, `places.find_places` and `quantities.find_quantities`; an error
in one of them is an error of the extraction (the pipeline records it as `extraction_failed`),
never a document silently without dates or places.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from claimdesk.extraction.places import find_places
from claimdesk.extraction.quantities import find_quantities
from claimdesk.ingest.metadata import page_date
from claimdesk.language.dates import find_dates
from claimdesk.models import Document, Place, Quantity, Span, When


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

    def setting_in(self, span: Span) -> tuple[list[When], list[Place]]:
        """Every date and every place inside `span`: the time and places a stretch of words sets."""
        self.in_span(span)  # builds the index
        assert self._index is not None
        return self._index["dates"].inside(span), self._index["places"].inside(span)


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


def publication_date(doc: Document) -> Optional[date]:
    """The document's date, else the one its page states (URL, "Published:" line, dateline,
    title): "on February 26" then still resolves for a page that came without metadata."""
    if doc.published is not None:
        return doc.published
    return page_date(doc.text, doc.title, doc.url or doc.source)


def find_all(doc: Document, spacy_doc=None) -> Found:  # noqa: ANN001
    return Found(dates=find_dates(doc.text, publication_date(doc)),
                 places=find_places(doc.text, spacy_doc=spacy_doc),
                 quantities=find_quantities(doc.text))
