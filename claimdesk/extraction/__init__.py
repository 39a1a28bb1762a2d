"""Extract check-worthy claims from a document.

    from claimdesk.extraction import extract
    claims = extract(document)          # also: claimdesk.extract(document)

(The package is `extraction`, not `extract`, so that `claimdesk.extract` can be a plain function.)

The extractor is chosen by name (`get_extractor("spacy")`); each claim records which one made it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from claimdesk.extraction.base import DEFAULT, Extractor, available, get_extractor, register
from claimdesk.models import Claim, Document


def _spacy() -> Extractor:
    from claimdesk.extraction.spacy_extractor import SpacyExtractor

    return SpacyExtractor()


register("spacy", _spacy)


def extract(document: Document, extractor: str = DEFAULT) -> list[Claim]:
    """The claims of one document, in text order."""
    return get_extractor(extractor).extract(document)


def extract_many(documents: Iterable[Document], extractor: str = DEFAULT) -> Iterator[list[Claim]]:
    """The claims of each document, in input order, parsed in batches."""
    return get_extractor(extractor).extract_many(documents)


__all__ = ["Extractor", "available", "extract", "extract_many", "get_extractor", "register"]
