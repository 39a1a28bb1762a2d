"""Dates, places and quantities found once per document, attached to the claims whose span holds them.

The finders (time.py, places.py, quantities.py) are separate modules; any one that is not there
yet simply attaches nothing.
"""

from __future__ import annotations

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

    def in_span(self, span: Span) -> tuple[Optional[When], list[Place], list[Quantity]]:
        inside = lambda r: r.span is not None and span[0] <= r.span[0] and r.span[1] <= span[1]  # noqa: E731
        when = next((d for d in self.dates if inside(d)), None)
        places, names = [], set()
        for p in self.places:
            if inside(p) and p.name not in names:
                names.add(p.name)
                places.append(p)
        return when, places, [q for q in self.quantities if inside(q)]


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
