"""`claimdesk ledger` (stories as JSON, CSV, ClaimReview or GeoJSON) and `claimdesk report`
(one self-contained HTML file)."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Iterator, Optional, TextIO

import typer

from claimdesk.cli.app import DbOption, QuietOption, app
from claimdesk.cli.edge import open_store_for
from claimdesk.cli.terminal import safe_text
from claimdesk.report.bounds import MAX_MIN_SOURCES, MAX_ROWS
from claimdesk.report.claimreview import write_claimreview
from claimdesk.report.csv_export import write_csv
from claimdesk.report.geojson_export import write_geojson
from claimdesk.report.ledger_json import write_json
from claimdesk.report.static_html import write_report
from claimdesk.store.stories import BadFilter, StoryFilter


class LedgerFormat(str, Enum):
    json = "json"
    csv = "csv"
    claimreview = "claimreview"
    geojson = "geojson"


_OPTION_OF = {"status": "--status", "event_type": "--event-type", "since": "--since", "until": "--until"}


@contextmanager
def _output(out: Optional[Path]) -> Iterator[TextIO]:
    if out is None:
        yield sys.stdout
        return
    with out.open("w", encoding="utf-8", newline="") as handle:
        yield handle


@app.command("ledger")
def ledger_command(
    db: DbOption = None,
    fmt: Annotated[LedgerFormat, typer.Option("--format", "-f", help="json (DESIGN.md shape), csv (one row per story), claimreview (schema.org JSON-LD) or geojson (located stories).")] = LedgerFormat.json,
    status: Annotated[Optional[str], typer.Option(help="Only stories with this status: corroborated, single_source, contested, denied.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Only stories first seen on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Only stories first seen on or before this date (YYYY-MM-DD).")] = None,
    place: Annotated[Optional[str], typer.Option(help="Only stories with a place whose name contains this text, or whose country code is it (case-insensitive).")] = None,
    search: Annotated[Optional[str], typer.Option(help="Only stories whose text has every word of this (word starts, any case), the most relevant first.")] = None,
    event_type: Annotated[Optional[str], typer.Option("--event-type", help="Only stories of this event type.")] = None,
    min_sources: Annotated[Optional[int], typer.Option("--min-sources", min=1, max=MAX_MIN_SOURCES, help="Only stories with at least N independent sources.")] = None,
    base_url: Annotated[Optional[str], typer.Option("--base-url", help="claimreview: where `claimdesk serve` is published; each review gets url BASE/stories/ID.")] = None,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write here instead of standard output.")] = None,
    quiet: QuietOption = False,
) -> None:
    """Export the story ledger, streamed so any number of stories fits in memory.

    Example:

        claimdesk ledger --format csv --status contested --since 2024-10-01 --out contested.csv

        claimdesk ledger --format geojson --min-sources 2 > stories.geojson

    Exit codes: 0 done; 2 bad usage; 3 could not run (no database at --db, or unreadable).
    """
    try:
        flt = StoryFilter.checked(status=status, event_type=event_type, since=since, until=until,
                                  min_sources=min_sources, place=place,
                                  search=search.strip()[:200] if search and search.strip() else None)
    except BadFilter as e:
        raise typer.BadParameter(e.reason, param_hint=_OPTION_OF[e.field]) from None
    store = open_store_for(db, must_exist=True)
    writers = {LedgerFormat.json: write_json, LedgerFormat.csv: write_csv, LedgerFormat.geojson: write_geojson}
    with _output(out) as handle:
        if fmt is LedgerFormat.claimreview:
            count = write_claimreview(store, handle, flt, base_url=base_url)
        else:
            count = writers[fmt](store, handle, flt)
    if not quiet and out is not None:
        typer.echo(f"{count} {'features' if fmt is LedgerFormat.geojson else 'stories'} written to {safe_text(out)}", err=True)


@app.command("report")
def report_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")],
    db: DbOption = None,
    max_stories: Annotated[int, typer.Option("--max-stories", min=1, max=MAX_ROWS, help="List at most this many stories (best-sourced first); counts, timeline and map cover all.")] = 1000,
    max_documents: Annotated[int, typer.Option("--max-documents", min=1, max=MAX_ROWS, help="List the audit findings of at most this many articles.")] = 500,
    quiet: QuietOption = False,
) -> None:
    """Write one self-contained HTML report (inline CSS, JS and SVG map; opens offline): stories and
    their statuses, a timeline, a map and the audit findings per article.

    Example:

        claimdesk report --db sqlite:///newsroom.sqlite --out report.html
    """
    store = open_store_for(db, must_exist=True)
    with out.open("w", encoding="utf-8") as handle:
        shown = write_report(store, handle, max_stories=max_stories, max_documents=max_documents)
    if not quiet:
        typer.echo(f"report with {shown} stories written to {safe_text(out)}", err=True)
