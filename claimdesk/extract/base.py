"""The extractor interface and the registry that picks one by name.

Any extractor (the spaCy one here, an LLM behind a local endpoint later) turns documents into
claims; nothing downstream knows which one ran, except through `Claim.extractor`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, runtime_checkable

from claimdesk.models import Claim, Document


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
