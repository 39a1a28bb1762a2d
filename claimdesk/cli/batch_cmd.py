"""`claimdesk batch` (the Spark job, writing Parquet tables) and `claimdesk load` (tables -> store)."""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from claimdesk.cli.app import (
    EXIT_COULD_NOT_RUN, EXIT_OK, EXIT_SOME_REJECTED, EXIT_USAGE, AsOfOption, DbOption, InputPaths, QuietOption, WorkersOption, app,
    parse_published,
)
from claimdesk.cli.edge import open_store_for, shown_url
from claimdesk.cli.terminal import safe_text

@app.command("batch")
def batch_command(
    paths: InputPaths,
    out: Annotated[Path, typer.Option("--out", help="Folder for the Parquet tables (each table's folder is replaced).", show_default=False)],
    engine: Annotated[str, typer.Option("--engine", help="Batch engine; only `spark` exists.")] = "spark",
    master: Annotated[Optional[str], typer.Option("--master", show_default=False, help="Spark master: local[N], spark://HOST:7077, yarn, k8s://… (default: local[WORKERS])")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for inputs whose metadata has none.")] = None,
    no_claims: Annotated[bool, typer.Option("--no-claims", help="Documents, findings and copies only; skip claim extraction.")] = False,
    files_per_task: Annotated[int, typer.Option(help="Input files per Spark task; use 1 for WARC files, which hold thousands of articles each.", min=1)] = 16,
    conf: Annotated[Optional[list[str]], typer.Option("--conf", help="Extra Spark setting KEY=VALUE (repeatable).")] = None,
    quiet: QuietOption = False,
    workers: WorkersOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Run ingest -> audit -> extract -> copies -> stories on Spark and write Parquet tables
    (documents, sources, findings, claims, copies, stories, story_mentions, rejected) under --out.

    Input paths must be readable by every executor under the same name (a shared file system on
    a cluster). `claimdesk load` puts the tables into a store.

    Example:

        claimdesk batch --engine spark --master local[2] ../shared/corpus/polnear/train/text --out batch-out/

        claimdesk load batch-out/ --db postgresql://claimdesk@db/claimdesk

    Exit codes: 0 done; 1 done, but some inputs were rejected; 2 bad usage; 3 could not run.
    """
    if engine != "spark":
        typer.echo(f"expected --engine spark, got {engine!r}", err=True)
        raise typer.Exit(EXIT_USAGE)
    extra = {}
    for item in conf or []:
        key, sep, value = item.partition("=")
        if not sep or not key:
            typer.echo(f"expected --conf KEY=VALUE, got {item!r}", err=True)
            raise typer.Exit(EXIT_USAGE)
        extra[key] = value
    if find_spec("pyspark") is None:  # an optional extra: `make run` does not install it
        typer.echo("claimdesk batch needs PySpark: pip install 'claimdesk[spark]' (or requirements-test.lock)", err=True)
        raise typer.Exit(EXIT_COULD_NOT_RUN)
    from claimdesk.scale import BatchSettings, run_batch  # pyspark loads only for this command
    from claimdesk.workers import checked_workers

    if master is None:
        master = f"local[{checked_workers(workers)}]"

    settings = BatchSettings(master=master, with_claims=not no_claims, published=parse_published(published),
                             as_of=parse_published(as_of, "--as-of"), files_per_task=files_per_task, spark_conf=extra)
    summary = run_batch(paths, out, settings)
    for source, reason in summary.rejected:
        typer.echo(f"rejected: {safe_text(source)}: {safe_text(reason)}", err=True)  # one line each, never wrapped
    if not quiet:
        Console().print(
            f"{summary.files} files: {summary.documents} documents, {summary.findings} findings, "
            f"{summary.claims} claims, {summary.copies} copies, {summary.stories} stories, "
            f"{len(summary.rejected)} rejected in {summary.seconds:.1f} s  ({safe_text(out, markup=True)})", highlight=False)
    raise typer.Exit(EXIT_SOME_REJECTED if summary.rejected else EXIT_OK)


@app.command("load")
def load_command(
    out: Annotated[Path, typer.Argument(help="A folder written by `claimdesk batch --out`.", show_default=False)],
    db: DbOption = None,
    quiet: QuietOption = False,
) -> None:
    """Load the Parquet tables of `claimdesk batch` into a store (SQLite or PostgreSQL).

    Documents already in the store are kept as they are (their extra sources are recorded), so
    loading twice changes nothing.

    Example:

        claimdesk load batch-out/ --db postgresql://claimdesk@localhost/claimdesk
    """
    from claimdesk.scale import load_tables
    store = open_store_for(db)
    try:
        summary = load_tables(out, store)
    except FileNotFoundError as e:
        typer.echo(safe_text(e), err=True)
        raise typer.Exit(EXIT_USAGE)
    if not quiet:
        Console().print(
            f"{summary.documents_new} new documents, {summary.documents_seen} already stored, "
            f"{summary.claims} claims, {summary.copies} copies, {summary.stories} stories, "
            f"{summary.rejected} rejected inputs  ({safe_text(shown_url(store.url), markup=True)})", highlight=False)
