"""`claimdesk audit`: what an editor must fix in each article, as text, JSON Lines or HTML."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from claimdesk.audit.output import audit_dict, audit_text
from claimdesk.cli.app import (
    EXIT_OK, EXIT_SOME_REJECTED, AsOfOption, InputPaths, WorkersOption, app, parse_published,
)
from claimdesk.cli.terminal import safe_text
from claimdesk.ingest import IngestOptions
from claimdesk.report.plain_text import json_text
from claimdesk.models import RejectedInput
from claimdesk.pipeline import audit_inputs


class Format(str, Enum):
    text = "text"
    json = "json"
    html = "html"


@app.command("audit")
def audit_command(
    paths: InputPaths,
    published: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for inputs whose metadata has none; weekdays are checked against it.")] = None,
    no_claims: Annotated[bool, typer.Option("--no-claims", help="Audit only; skip claim extraction (much faster).")] = False,
    format: Annotated[Format, typer.Option("--format", help="text (readable), json (one object per document: JSON Lines), html (self-contained page).")] = Format.text,
    workers: WorkersOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Audit articles: duplicated passages, placeholders, AI disclosure, weekday mismatches,
    inconsistent durations, conflicting numbers, certainty escalation; plus the claims in each.

    Line numbers count lines of each document's own main text (for .txt, the file's lines).
    Nothing is stored.

    Example:

        claimdesk audit ../shared/samples/sofrep-north-korean-deserters.txt --published 2024-10-16

        claimdesk audit feed.xml --no-claims --format html > audit.html

    Exit codes: 0 audited (findings are not errors); 1 some inputs were rejected; 2 bad usage;
    3 could not run.
    """
    options = IngestOptions(published=parse_published(published), as_of=parse_published(as_of, "--as-of"))
    rejected = 0
    pages = []
    first = True
    for item in audit_inputs(paths, options, with_claims=not no_claims, workers=workers,
                             on_skipped=lambda s: print(f"skipped: {safe_text(str(s.path))}: {safe_text(s.reason)}", file=sys.stderr)):
        if isinstance(item, RejectedInput):
            rejected += 1
            print(f"{safe_text(item.source)}: {safe_text(item.reason)}", file=sys.stderr)
            continue
        claims = None if no_claims else item.claims
        if format is Format.json:
            print(json_text(audit_dict(item.document, item.findings, item.claims)))
        elif format is Format.text:
            print(("" if first else "\n") + safe_text(audit_text(item.document, item.findings, claims), keep_layout=True))
        else:
            pages.append((item.document, item.findings, claims))
        first = False
    if format is Format.html:
        from claimdesk.report.audit_html import render

        sys.stdout.write(render(pages))
    raise typer.Exit(EXIT_SOME_REJECTED if rejected else EXIT_OK)


__all__ = ["audit_command"]
