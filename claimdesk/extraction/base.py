"""The extractor interface and the registry that picks one by name.

Any extractor (the spaCy one here, an LLM behind a local endpoint later) turns documents into
claims; nothing downstream knows which one ran, except through `Claim.extractor`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, runtime_checkable

from claimdesk.models import Claim, Document, Finding

# The most of one document an extractor parses: about 15 long articles. Past it, claims come from
# the first part only and the document gets a `too_long_to_extract` finding, so one book-length
# text costs a bounded time instead of stalling its batch (parsing is near-linear, but a 10 MB
# text would still take most of an hour and gigabytes of memory).
EXTRACT_MAX_CHARS = 100_000


def extraction_limit(text: str) -> int:
    """How many leading characters of `text` are parsed: all, or up to the last line break (else
    sentence end, else space) before EXTRACT_MAX_CHARS, so no sentence is cut in half."""
    limit = EXTRACT_MAX_CHARS
    if len(text) <= limit:
        return len(text)
    floor = limit * 9 // 10
    for mark in ("\n", ". ", " "):
        cut = text.rfind(mark, floor, limit)
        if cut > 0:
            return cut + len(mark)
    return limit


def too_long_finding(doc: Document) -> Finding | None:
    """The finding that says claims were extracted from the first part of `doc` only, or None."""
    parsed = extraction_limit(doc.text)
    if parsed >= len(doc.text):
        return None
    line = doc.line_of(parsed)
    return Finding(
        kind="too_long_to_extract", severity="warning", line=line, end_line=doc.line_of(len(doc.text)),
        span=(parsed, len(doc.text)), quote="",
        message=f"too long to extract fully: claims come from the first {parsed:,} of {len(doc.text):,} "
                f"characters (up to line {line}); the per-document limit is {EXTRACT_MAX_CHARS:,}",
    )


@runtime_checkable
class Extractor(Protocol):
    name: str
    version: str

    def extract(self, doc: Document) -> list[Claim]: ...

    def extract_many(self, docs: Iterable[Document]) -> Iterator[list[Claim]]:
        """Claims of each document, in input order (batched where the extractor can)."""
        ...


_FACTORIES: dict[str, Callable[[], Extractor]] = {}
_INSTANCES: dict[str, Extractor] = {}

DEFAULT = "spacy"


def register(name: str, factory: Callable[[], Extractor]) -> None:
    _FACTORIES[name] = factory


def available() -> list[str]:
    return sorted(_FACTORIES)


def get_extractor(name: str = DEFAULT) -> Extractor:
    """The extractor registered as `name`, built once.

    >>> get_extractor("spacy").name
    'claimdesk.spacy'
    """
    if name not in _FACTORIES:
        raise ValueError(f"expected one of {available()}, got extractor {name!r}")
    if name not in _INSTANCES:
        _INSTANCES[name] = _FACTORIES[name]()
    return _INSTANCES[name]
