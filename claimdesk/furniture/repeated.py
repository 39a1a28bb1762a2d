"""Repetition across pages of one outlet: the evidence a single page cannot give.

The store counts, per outlet, the pages that print each line (by key). For a batch of new pages,
a line is *repeated* when the stored pages plus the batch's own reach REPEATED_PAGES. A page's
furniture is a function of its text and of which of its lines are repeated, so the result does
not depend on ingest order: when a later page brings a line to the bar, the earlier pages that
print it are decided again (`pipeline.ingest` does that right after storing the batch).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Protocol

from claimdesk.furniture import REPEATED_PAGES, mark, outlet_key
from claimdesk.furniture.lines import lines_of
from claimdesk.models import Document


class LineCounts(Protocol):
    def outlet_line_pages(self, outlet: str, line_keys: Iterable[str]) -> dict[str, int]: ...


def page_keys(doc: Document) -> set[str]:
    return {line.key for line in lines_of(doc.text)}


def mark_batch(docs: list[Document], store: LineCounts) -> dict[str, set[str]]:
    """Set the furniture of each new page in `docs` (distinct, none stored yet) from its shape
    and from repetition; return page id -> keys of its lines taken as repeated."""
    keys = {d.id: page_keys(d) for d in docs}
    by_outlet: dict[str, list[Document]] = {}
    for d in docs:
        outlet = outlet_key(d.outlet)
        if outlet:
            by_outlet.setdefault(outlet, []).append(d)
    repeated: dict[str, set[str]] = {d.id: set() for d in docs}
    for outlet, pages in by_outlet.items():
        in_batch = Counter(k for d in pages for k in keys[d.id])
        stored = store.outlet_line_pages(outlet, in_batch)
        for d in pages:
            repeated[d.id] = {k for k in keys[d.id] if in_batch[k] + stored.get(k, 0) >= REPEATED_PAGES}
    for d in docs:
        mark(d, repeated[d.id])
    return repeated


def repeated_keys_of(doc: Document, store: LineCounts) -> set[str]:
    """The keys of a stored page's lines that its outlet prints on REPEATED_PAGES pages."""
    outlet = outlet_key(doc.outlet)
    if not outlet:
        return set()
    counts = store.outlet_line_pages(outlet, page_keys(doc))
    return {k for k, n in counts.items() if n >= REPEATED_PAGES}
