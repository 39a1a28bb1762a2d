"""Shared by the ECB+ tests: the bench module that scores grouping, and cheap stand-in claims."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from claimdesk.models import Claim, Document

REPO = Path(__file__).resolve().parent.parent


def eval_ecbplus() -> ModuleType:
    """bench/eval_ecbplus.py, so the tests score exactly as the benchmark does."""
    spec = importlib.util.spec_from_file_location("eval_ecbplus", REPO / "bench" / "eval_ecbplus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def line_claims(doc: Document, min_words: int = 5) -> list[Claim]:
    """One claim per line of `min_words` words or more: grouping tested without the spaCy extractor."""
    out, start = [], 0
    for line in doc.text.split("\n"):
        end = start + len(line)
        if len(line.split()) >= min_words:
            out.append(Claim(id=Claim.make_id(doc.id, (start, end)), document_id=doc.id, text=line,
                             span=(start, end), line=doc.line_of(start)))
        start = end + 1
    return out
