"""Readers for the annotated development corpora (ECB+, GVC, PAC, news pages) used by the benches
and tests; they live here, beside the benches, not in the `claimdesk` package users install.

They turn a corpus' own format into claimdesk `Document` records plus the gold labels that go with
them; they never copy the texts anywhere.
"""

import os
from pathlib import Path

_REPO = Path(__file__).resolve().parent.parent.parent


def shared_dir() -> Path:
    """The shared data folder: $CLAIMDESK_SHARED, else ../shared beside the repository."""
    return Path(os.environ.get("CLAIMDESK_SHARED", _REPO.parent / "shared"))


def corpus_dir() -> Path:
    """The development corpus: $CLAIMDESK_CORPUS, else the shared folder's corpus/."""
    return Path(os.environ.get("CLAIMDESK_CORPUS", shared_dir() / "corpus"))
