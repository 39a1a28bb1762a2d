"""`claimdesk corroborate`: group stored claims into stories and give each story its status."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from claimdesk.cli.app import DbOption, QuietOption, app
from claimdesk.cli.terminal import safe_text
from claimdesk.cli.edge import open_store_for


@app.command("corroborate")
def corroborate_command(
    db: DbOption = None,
    full: Annotated[bool, typer.Option("--full", help="Forget earlier results and corroborate every document again: the stories of one pass, which incremental runs out of publication order can miss (docs/incremental-corroboration.md).")] = False,
    quiet: QuietOption = False,
) -> None:
    """Find copies among stored documents, group their claims into stories across outlets, and mark
    each story corroborated, single_source, contested or denied. Only documents not corroborated
    yet are processed, and only the stories they join are rewritten (use --full to redo all).

    Example:

        claimdesk ingest ../shared/samples/ && claimdesk corroborate --db sqlite:///claimdesk.sqlite
    """
    from claimdesk.corroborate import corroborate  # scikit-learn loads only when this command runs

    store = open_store_for(db, must_exist=True)  # a mistyped --db has nothing to corroborate
    if quiet:
        corroborate(store, incremental=not full)
        return
    console = Console(stderr=True)
    with Progress(TextColumn("corroborating"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True) as bar:
        task = bar.add_task("documents", total=None)
        report = corroborate(store, incremental=not full,
                             on_total=lambda n: bar.update(task, total=n),
                             progress=lambda n: bar.advance(task, n))
    out = Console()
    table = Table(title=f"corroborated {report.documents} new documents ({report.copies} copies)")
    table.add_column("status")
    table.add_column("stories in store", justify="right")
    for status, count in store.counts_by("stories", "status"):
        table.add_row(safe_text(status, markup=True), str(count))
    out.print(table)
    out.print(f"{report.stories_written} stories written in {report.clusters_touched} event clusters")
