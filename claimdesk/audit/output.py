"""The audit of one document as DESIGN.md's JSON object, or as readable text."""

from __future__ import annotations

from typing import Any, Optional

from claimdesk.models import Claim, Document, Finding

QUOTE_SHOWN = 160


def document_dict(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id, "source": doc.source, "url": doc.url, "title": doc.title, "outlet": doc.outlet,
        "published": doc.published.isoformat() if doc.published else None,
        "furniture": [list(span) for span in doc.furniture],
    }


def finding_dict(f: Finding) -> dict[str, Any]:
    related = None
    if f.related is not None:
        related = {"line": f.related.line, "end_line": f.related.end_line}
        if f.related.span is not None:
            related["span"] = list(f.related.span)
    return {"kind": f.kind, "severity": f.severity, "line": f.line, "end_line": f.end_line,
            "span": list(f.span), "related": related, "quote": f.quote, "message": f.message}


def claim_dict(c: Claim) -> dict[str, Any]:
    data = c.model_dump(mode="json", exclude={"document_id"})
    data["span"] = list(c.span)
    return data


def audit_dict(doc: Document, findings: list[Finding], claims: list[Claim]) -> dict[str, Any]:
    return {"document": document_dict(doc), "findings": [finding_dict(f) for f in findings],
            "claims": [claim_dict(c) for c in claims]}


def audit_text(doc: Document, findings: list[Finding], claims: Optional[list[Claim]]) -> str:
    """A plain report: who, then `line N[-M] severity kind: message` and the quote; then claims.

    `claims` None means extraction was skipped.
    """
    head = doc.title or doc.source
    meta = [doc.source] if doc.title else []
    if doc.outlet:
        meta.append(doc.outlet)
    meta.append(f"published {doc.published.isoformat()}" if doc.published else "no publication date")
    lines = [f"== {head}", f"   {' · '.join(meta)}"]
    if not findings:
        lines.append("   no findings")
    for f in findings:
        where = f"line {f.line}" if f.end_line == f.line else f"line {f.line}-{f.end_line}"
        lines.append(f"{where} {f.severity} {f.kind}: {f.message}")
        quote = " ".join(f.quote.split())
        if len(quote) > QUOTE_SHOWN:
            quote = quote[:QUOTE_SHOWN - 1] + "…"
        lines.append(f"    “{quote}”")
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    summary = f"{len(findings)} findings ({counts['error']} errors, {counts['warning']} warnings, {counts['info']} info)"
    summary += "; claims skipped (--no-claims)" if claims is None else f"; {len(claims)} claims"
    lines.append(summary)
    return "\n".join(lines)
