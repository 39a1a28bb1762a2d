"""Extract check-worthy claims from a document.

    from claimdesk.extract import extract
    claims = extract(document)          # also: claimdesk.extract(document)

The extractor is chosen by name (`get_extractor("spacy")`); each claim records which one made it.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable, Iterator

from claimdesk.extract.base import DEFAULT, Extractor, available, get_extractor, register
from claimdesk.models import Claim, Document


def _spacy() -> Extractor:
    from claimdesk.extract.spacy_extractor import SpacyExtractor

    return SpacyExtractor()


register("spacy", _spacy)


def extract(document: Document, extractor: str = DEFAULT) -> list[Claim]:
    """The claims of one document, in text order."""
    return get_extractor(extractor).extract(document)


def extract_many(documents: Iterable[Document], extractor: str = DEFAULT) -> Iterator[list[Claim]]:
    """The claims of each document, in input order, parsed in batches."""
    return get_extractor(extractor).extract_many(documents)


class _CallableModule(types.ModuleType):
    """Lets `claimdesk.extract(doc)` work although `claimdesk.extract` is this package."""

    def __call__(self, document: Document, extractor: str = DEFAULT) -> list[Claim]:
        return extract(document, extractor)


sys.modules[__name__].__class__ = _CallableModule

__all__ = ["Extractor", "available", "extract", "extract_many", "get_extractor", "register"]
