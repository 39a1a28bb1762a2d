"""Audit one document: what an editor must fix before anyone trusts it."""

from claimdesk.models import Document, Finding


def audit(document: Document) -> list[Finding]:
    raise NotImplementedError("audit is being built (issue 3)")
