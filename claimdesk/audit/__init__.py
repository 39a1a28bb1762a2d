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
# What the readers and the pipeline note about a document itself (characters removed, bytes
# replaced, text too long or a stage that failed) sits beside the checks' findings.
KINDS = tuple(check.KIND for check in CHECKS)
INPUT_KINDS = ("control_characters", "invalid_encoding", "too_long_to_extract", "audit_failed", "extraction_failed")
ALL_KINDS = KINDS + INPUT_KINDS


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
    # a finding on site furniture ("[Get In Touch]" as an editor's query, a repeated menu as a
    # duplicated passage) is not the article's; the checks that read paragraphs never see it.
    # A media slot left empty ("(Screenshot)") is the draft's own leftover wherever it sits: a
    # one-word line looks like a credit, but no site prints it. An AI-use disclosure is about how
    # this article was made, and it sits where furniture does (a "Disclaimer:" footer).
    findings = [f for f in findings if not document.in_furniture(f.span) or _media_slot(f)
                or f.kind == ai_disclosure.KIND]
    findings.extend(document.notes)  # what the reader found: characters removed, bytes replaced
    findings.sort(key=lambda f: (f.span[0], f.span[1], f.kind))
    return findings


def _media_slot(finding: Finding) -> bool:
    return finding.kind == placeholders.KIND and finding.message.endswith(f"({placeholders.MEDIA})")


__all__ = ["audit", "KINDS", "INPUT_KINDS", "ALL_KINDS", "CHECKS"]
