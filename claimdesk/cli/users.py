"""Who is writing, for the commands that write (`review`, `follow`, `digest --token`): a token
becomes its user's name, or the command stops with exit code 2 and one line saying why."""

from __future__ import annotations

from typing import NoReturn, Optional

import typer

from claimdesk.cli.app import EXIT_USAGE
from claimdesk.cli.terminal import safe_text
from claimdesk.store import Store
from claimdesk.store.reviews import has_users, user_for_token


def refuse(message: str) -> NoReturn:
    typer.echo(f"claimdesk: {safe_text(message)}", err=True)
    raise typer.Exit(EXIT_USAGE)


def user_of(store: Store, token: Optional[str], without_token: str) -> str:
    """The name of the user whose token this is; `without_token` is what to say when none is given."""
    if not has_users(store):
        refuse("read-only: no user exists yet; `claimdesk users add NAME` prints a token")
    if not token:
        refuse(without_token)
    name = user_for_token(store, token)
    if name is None:
        refuse("that token is no user's (`claimdesk users list` shows who exists)")
    return name
