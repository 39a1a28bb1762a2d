"""claimdesk: sift reported facts from rumour, copies and contradictions.

The pipeline: ingest -> Document; audit -> Finding*; extract -> Claim*; corroborate -> Story*.

    import claimdesk
    claims = claimdesk.extract(document)     # the same as claimdesk.extraction.extract
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimdesk.models import Claim, Document

__version__ = "0.1.0"


def extract(document: Document, extractor: str = "spacy") -> list[Claim]:
    """The claims of one document, in text order (`claimdesk.extraction.extract`)."""
    # imported on the first call, so `import claimdesk` stays free of spaCy until claims are wanted
    from claimdesk.extraction import extract as extract_claims

    return extract_claims(document, extractor)
