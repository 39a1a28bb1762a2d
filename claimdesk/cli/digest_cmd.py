"""`claimdesk digest`: what changed for followed items (or everything) since a date or the last digest."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from enum import Enum
from typing import Annotated, Optional

import typer

from claimdesk.cli.app import EXIT_OK, DbOption, app
from claimdesk.cli.edge import open_store_for
from claimdesk.cli.follow_cmd import TokenOption, follower_of
from claimdesk.report.digest import build_digest, digest_text
from claimdesk.store.changes import get_mark, set_mark

EXIT_CHANGED = 10  # done, and something changed (DESIGN.md): for cron and CI-style alerting
CLI_READER = "cli"


class DigestFormat(str, Enum):
    text = "text"
    json = "json"


def parse_since(value: str) -> datetime:
    """A date (midnight UTC) or an ISO date and time (UTC unless it says otherwise)."""
    try:
        if len(value) == 10:
            return datetime.combine(date.fromisoformat(value), time(), tzinfo=timezone.utc)
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][+HH:MM], got {value!r}",
                                 param_hint="--since") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


@app.command("digest")
def digest_command(
    since: Annotated[Optional[str], typer.Option("--since", metavar="DATE", show_default=False,
                     help="Changes corroboration recorded on or after this day (YYYY-MM-DD, from 00:00 UTC) or moment (ISO 8601).")] = None,
    since_last: Annotated[bool, typer.Option("--since-last", help="Changes since the last `digest --since-last` (the default); the first one reports every change recorded. Moves the mark.")] = False,
    everything: Annotated[bool, typer.Option("--all", help="Every story's changes, not only the followed ones.")] = False,
    output_format: Annotated[DigestFormat, typer.Option("--format", help="text for people, json for scripts.")] = DigestFormat.text,
    db: DbOption = None,
    token: TokenOption = None,
) -> None:
    """List what changed for followed stories, actors, places and search terms (for every story
    when nothing is followed, or with --all): new stories, new independent origins, new
    contradictions, denials and status changes, as corroboration recorded them.

    Exit codes: 0 nothing changed; 10 something changed (the digest lists it); 2 bad usage;
    3 could not run. So `claimdesk digest --since-last --format json > new.json || alert` runs from cron.

    Example:

        claimdesk follow term Donetsk && claimdesk corroborate && claimdesk digest --since 2024-10-17
    """
    if since is not None and since_last:
        raise typer.BadParameter("give --since DATE or --since-last, not both", param_hint="--since")
    moment = parse_since(since) if since is not None else None
    store = open_store_for(db, must_exist=True)
    # with a token: that user's follows and the desk's, and a --since-last mark of their own
    user = follower_of(store, token) if token else None
    reader = f"{CLI_READER}:{user}" if user else CLI_READER
    after = 0 if moment is not None else (get_mark(store, reader) or 0)
    result = build_digest(store, since=moment, after_change=after, everything=everything, follower=user)
    if output_format is DigestFormat.json:
        typer.echo(result.model_dump_json(indent=1))
    else:
        typer.echo(digest_text(result), nl=False)
    if moment is None:
        set_mark(store, reader, result.last_change)
    raise typer.Exit(EXIT_CHANGED if result.changed else EXIT_OK)
