"""The typer application and the options several commands share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(
    name="claimdesk",
    help=(
        "Sift reported facts: ingest news, audit articles, extract claims and corroborate them "
        "across independent outlets. Everything runs offline.\n\n"
        "Example:\n\n"
        "  claimdesk ingest ../shared/samples/ && claimdesk corroborate && claimdesk ledger --format csv"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
)

DbOption = Annotated[
    Optional[str],
    typer.Option("--db", help="Database URL (sqlite:///FILE or postgresql://…). Default: $CLAIMDESK_DB, else sqlite:///claimdesk.sqlite.",
                 show_default=False),
]
InputPaths = Annotated[list[Path], typer.Argument(
    help="Files or folders: .txt, .html, .xml/.rss/.atom, .warc(.gz), .jsonl, .json (news-please pages).",
    show_default=False)]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary; errors still go to stderr.")]

EXIT_OK = 0
EXIT_SOME_REJECTED = 1
EXIT_USAGE = 2
EXIT_COULD_NOT_RUN = 3  # database missing, unreachable or corrupt; internal error (see claimdesk.cli.edge)


@dataclass
class RunSettings:
    """Options given before the command, for every command."""

    debug: bool = False


settings = RunSettings()


@app.callback()
def global_options(
    debug: Annotated[bool, typer.Option("--debug", "-v", help="When a command cannot run, print the full traceback after the one-line reason.")] = False,
) -> None:
    """Sift reported facts."""
    settings.debug = debug


def parse_published(value: Optional[str], option: str = "--published") -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected a date as YYYY-MM-DD, got {value!r}", param_hint=option)


AsOfOption = Annotated[
    Optional[str],
    typer.Option("--as-of", show_default=False,
                 help="The day (YYYY-MM-DD) the pages are read as of (default: today): a page's metadata date over 400 days "
                      "after it is taken for a typo or an announced event, not a publication date. Name it when replaying "
                      "an archive or a test set dated ahead of the calendar."),
]

WorkersOption = Annotated[
    Optional[int],
    typer.Option("--workers", min=1, show_default=False,
                 help="Processes that audit and extract claims (default: every core). Output is the same for any number."),
]
