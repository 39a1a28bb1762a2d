"""The edge of the command line: where any failure becomes one line on stderr and an exit code.

Exit codes (README, DESIGN.md): 0 done; 1 done, but some inputs were rejected; 2 bad usage (click
and typer give it); 3 could not run: the database is missing, unreachable or corrupt, a file could
not be written, or an internal error. A failure prints one line naming the cause; the traceback
follows only with `claimdesk --debug` (or `-v`). Commands never catch errors for this themselves.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import Optional

import typer
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from claimdesk.cli.app import EXIT_COULD_NOT_RUN, app, settings
from claimdesk.cli.terminal import safe_text
from claimdesk.store import Store, default_db_url, open_store


class CouldNotRun(Exception):
    """A command cannot do its work for a reason the user can act on (no such database, …)."""


def shown_url(url: str) -> str:
    """A database URL fit to print: its password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _sqlite_file(url: str) -> Optional[Path]:
    """The file a sqlite URL names, or None (another backend, or an in-memory database)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    if parsed.database.startswith("file:") or parsed.query.get("mode") == "memory":
        return None
    return Path(parsed.database)


def open_store_for(db: Optional[str], must_exist: bool = False) -> Store:
    """The store at `db` (or the default). With `must_exist` (commands that only read), a SQLite
    file that is not there is an error rather than a new, empty store: a mistyped `--db` must
    not answer "nothing here" with exit 0."""
    url = db or default_db_url()
    path = _sqlite_file(url)
    if must_exist and path is not None and not path.exists():
        raise CouldNotRun(f"no database at {path} ({shown_url(url)}): check --db or $CLAIMDESK_DB; "
                          f"`claimdesk ingest` makes one")
    try:
        return open_store(url)
    except ValueError as e:  # an unknown URL scheme: the user's mistake
        raise typer.BadParameter(str(e), param_hint="--db") from None
    except SQLAlchemyError as e:
        raise CouldNotRun(f"cannot open the database {shown_url(url)}: {_database_reason(e)}") from e


def _database_reason(error: SQLAlchemyError) -> str:
    cause = error.orig if isinstance(error, DBAPIError) and error.orig is not None else error
    lines = [line.strip() for line in str(cause).splitlines() if line.strip()]
    return lines[0] if lines else type(cause).__name__


def failure_line(error: BaseException) -> str:
    """The one line that says why a command could not run."""
    if isinstance(error, CouldNotRun):
        reason = str(error)
    elif isinstance(error, SQLAlchemyError):
        reason = f"database error: {_database_reason(error)}"
    elif isinstance(error, OSError) and error.filename is not None:
        reason = f"{error.strerror or type(error).__name__}: {error.filename}"
    else:
        reason = f"internal error: {type(error).__name__}: {error}"
    hint = "" if settings.debug else " (claimdesk --debug COMMAND … shows the traceback)"
    return "claimdesk: could not run: " + safe_text(" ".join(reason.split())) + hint


def main(argv: Optional[list[str]] = None) -> None:
    """Run the command line; turn any failure into one line on stderr and exit code 3."""
    try:
        app(args=argv, prog_name="claimdesk")
    except SystemExit:
        raise
    except Exception as error:  # noqa: BLE001  (this is the one place that catches everything)
        print(failure_line(error), file=sys.stderr)
        if settings.debug:
            traceback.print_exception(error, file=sys.stderr)
        sys.exit(EXIT_COULD_NOT_RUN)


__all__ = ["CouldNotRun", "failure_line", "main", "open_store_for", "shown_url"]
