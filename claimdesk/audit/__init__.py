"""Audit one document: what an editor must fix before anyone trusts it.

`audit(document)` runs every check (one module each) and returns their findings in text order.
It uses regular expressions and cheap sentence splitting only, so it runs at ingest speed on
any text; claim extraction (spaCy) is a separate stage.
"""

from __future__ import annotations

from claimdesk.audit import (
    ai_disclosure, certainty, dates, duplicates, durations, numbers, placeholders,
)
from claimdesk.audit.context import AuditContext
from claimdesk.models import Document, Finding

CHECKS = (duplicates, placeholders, ai_disclosure, dates, durations, numbers, certainty)
KINDS = tuple(check.KIND for check in CHECKS)


def audit(document: Document) -> list[Finding]:
    """Every finding in `document`, sorted by position.

    >>> doc = Document.from_text("Published TK.\\n", source="draft.txt")
    >>> [(f.kind, f.line, f.quote) for f in audit(doc)]
    [('placeholder', 1, 'TK')]
    """
    if not document.text.strip():
        return list(document.notes)
    ctx = AuditContext(document)
    findings: list[Finding] = []
    for check in CHECKS:
        findings.extend(check.check(ctx))
    findings.extend(document.notes)  # what the reader found: characters removed, bytes replaced
    findings.sort(key=lambda f: (f.span[0], f.span[1], f.kind))
    return findings


__all__ = ["audit", "KINDS", "CHECKS"]
