"""`claimdesk ingest`: read files of every format into the store, auditing and extracting claims."""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from claimdesk.cli.app import (
    AsOfOption, EXIT_OK, EXIT_SOME_REJECTED, DbOption, InputPaths, QuietOption, WorkersOption, app, parse_published,
)
from claimdesk.ingest import IngestOptions, Skipped, iter_input_files
from claimdesk.models import RejectedInput
from claimdesk.pipeline import ingest
from claimdesk.cli.edge import open_store_for, shown_url
from claimdesk.cli.terminal import safe_text

stderr = Console(stderr=True)


@app.command("ingest")
def ingest_command(
    paths: InputPaths,
    db: DbOption = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for inputs whose metadata has none.")] = None,
    outlet: Annotated[Optional[str], typer.Option(help="Outlet name for inputs whose metadata names none (e.g. plain text files).")] = None,
    as_of: AsOfOption = None,
    no_claims: Annotated[bool, typer.Option("--no-claims", help="Store documents and audit findings only; skip claim extraction (much faster).")] = False,
    quiet: QuietOption = False,
    workers: WorkersOption = None,
) -> None:
    """Ingest news into the store: main text, title, outlet and date; audit findings; claims.

    Ingesting the same thing twice changes nothing (documents are keyed by their text). A broken
    input is named on stderr with its reason and kept in the `rejected` table; the rest goes on.

    Example:

        claimdesk ingest ../shared/samples/ feeds/today.xml --published 2024-10-16

    Exit codes: 0 all ingested; 1 done, but some inputs were rejected; 2 bad usage; 3 could not
    run (database unreachable or corrupt).
    """
    options = IngestOptions(published=parse_published(published), outlet=outlet, as_of=parse_published(as_of, "--as-of"))
    store = open_store_for(db)
    total = sum(1 for _ in iter_input_files(list(paths)))  # for the progress bar; ingest walks again

    def show_rejected(rejected: RejectedInput) -> None:
        stderr.print(f"rejected: {safe_text(rejected.source)}: {safe_text(rejected.reason)}", markup=False, highlight=False,
                     soft_wrap=True)

    def show_skipped(skipped: Skipped) -> None:
        stderr.print(f"skipped: {safe_text(str(skipped.path))}: {safe_text(skipped.reason)}", markup=False, highlight=False, soft_wrap=True)

    with Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=stderr, disable=quiet, transient=True,
    ) as progress:
        task = progress.add_task("ingesting", total=total)
        report = ingest(
            paths, store, options, with_claims=not no_claims,
            on_file=lambda _f: progress.advance(task), on_rejected=show_rejected, workers=workers,
            on_skipped=show_skipped,
        )
    if not quiet:
        Console().print(
            f"{report.files} files: {report.documents_new} new documents, {report.documents_seen} already stored, "
            f"{report.links} link-only entries, {len(report.rejected)} rejected, {len(report.skipped)} skipped  "
            f"({safe_text(shown_url(store.url), markup=True)})",
            highlight=False,
        )
    if report.furniture_claims_kept:
        stderr.print(f"{report.furniture_claims_kept} claims of earlier documents now lie in lines their outlet "
                     "repeats on other pages (site furniture) but are already in stories: run "
                     "`claimdesk corroborate --full` to take them out", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(EXIT_SOME_REJECTED if report.rejected else EXIT_OK)


__all__ = ["ingest_command"]
