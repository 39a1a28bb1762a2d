"""`claimdesk stats`: what the store holds, per outlet and format, and what was rejected."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from claimdesk.cli.app import DbOption, app
from claimdesk.cli.edge import open_store_for, shown_url
from claimdesk.cli.terminal import safe_text


@app.command("stats")
def stats_command(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
) -> None:
    """Counts of documents, claims, findings and stories; documents per outlet and per format;
    rejected inputs with their reasons.

    Example:

        claimdesk stats --db sqlite:///newsroom.sqlite
    """
    store = open_store_for(db, must_exist=True)
    figures = {
        "documents": store.count("documents"),
        "sources": store.count("document_sources"),
        "claims": store.count("claims"),
        "findings": store.count("findings"),
        "stories": store.count("stories"),
        "links": store.count("links"),
        "rejected": store.count("rejected"),
        "by_outlet": store.counts_by("documents", "outlet"),
        "by_format": store.counts_by("documents", "format"),
        "findings_by_kind": store.counts_by("findings", "kind"),
        "stories_by_status": store.counts_by("stories", "status"),
        "rejected_inputs": [(r.source, r.reason) for r in store.rejected_inputs()],
    }
    if as_json:
        typer.echo(json.dumps(figures, indent=2, default=str))
        return
    console = Console()
    totals = Table(title="claimdesk store", caption=safe_text(shown_url(store.url), markup=True), show_header=False, min_width=48)
    for key in ("documents", "sources", "claims", "findings", "stories", "links", "rejected"):
        totals.add_row(key, str(figures[key]))
    console.print(totals)
    for key, title in (("by_outlet", "documents per outlet"), ("by_format", "documents per format"),
                       ("findings_by_kind", "audit findings per kind"), ("stories_by_status", "stories per status")):
        if figures[key]:
            table = Table(title=title, min_width=48)
            table.add_column(title.split(" per ")[1])
            table.add_column("count", justify="right")
            for name, count in figures[key]:
                table.add_row(safe_text(name, markup=True) if name else "(unknown)", str(count))
            console.print(table)
    if figures["rejected_inputs"]:
        table = Table(title="rejected inputs", min_width=48)
        table.add_column("source")
        table.add_column("reason")
        for source, reason in figures["rejected_inputs"]:
            table.add_row(safe_text(source, markup=True), safe_text(reason, markup=True))
        console.print(table)
