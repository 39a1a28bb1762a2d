"""`claimdesk follow`: follow a story, an actor, a place or a search term; list and stop following."""

from __future__ import annotations

import json
from typing import Annotated, Optional

import typer

from claimdesk.cli.app import DbOption, app
from claimdesk.cli.edge import open_store_for
from claimdesk.cli.terminal import safe_text
from claimdesk.cli.users import user_of
from claimdesk.store import Store
from claimdesk.store.follows import FOLLOW_KINDS, follow, follows, unfollow
from claimdesk.store.reviews import has_users

follow_app = typer.Typer(
    help=("Follow stories, actors, places or search terms: `claimdesk digest` then reports what changed "
          "for them.\n\nExample:\n\n  claimdesk follow term Donetsk && claimdesk follow actor Kremlin && claimdesk digest"),
    no_args_is_help=True, rich_markup_mode="markdown")
app.add_typer(follow_app, name="follow")

TokenOption = Annotated[Optional[str], typer.Option(
    "--token", envvar="CLAIMDESK_TOKEN", show_default=False,
    help="Your token from `claimdesk users add` (or $CLAIMDESK_TOKEN): once users exist, a follow is "
         "its user's and needs it; before, follows belong to the whole desk.")]


def follower_of(store: Store, token: Optional[str]) -> str:
    """Whose follow this is: the user whose token is given, or the whole desk ("") while no user
    exists (whoever runs the CLI then holds the database file anyway). Exit 2 for a missing or
    unknown token once users exist."""
    if not has_users(store):
        return ""
    return user_of(store, token, "follows are per user once users exist: --token T or $CLAIMDESK_TOKEN")


def _add(kind: str, value: str, db: Optional[str], token: Optional[str]) -> None:
    store = open_store_for(db, must_exist=kind == "story")
    try:
        f = follow(store, kind, value, follower_of(store, token))
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint=kind.upper()) from None
    typer.echo(f"following {f.kind} {safe_text(f.value)}")


@follow_app.command("story")
def follow_story(story_id: Annotated[str, typer.Argument(metavar="ID", help="A story id, or a unique prefix of 6+ characters (from `claimdesk ledger` or the web UI).")],
                 db: DbOption = None, token: TokenOption = None) -> None:
    """Follow one story: its status changes, new independent origins, contradictions and denials.

    Example:

        claimdesk follow story 46bec5c6
    """
    _add("story", story_id, db, token)


@follow_app.command("actor")
def follow_actor(name: Annotated[str, typer.Argument(metavar="NAME", help="An actor as claims name it, e.g. 'Kremlin' or 'North Korean soldiers' (whole words, any case).")],
                 db: DbOption = None, token: TokenOption = None) -> None:
    """Follow every story with a claim naming this actor.

    Example:

        claimdesk follow actor Kremlin
    """
    _add("actor", name, db, token)


@follow_app.command("place")
def follow_place(name: Annotated[str, typer.Argument(metavar="NAME", help="A place name, e.g. 'Donetsk' (whole words, any case).")],
                 db: DbOption = None, token: TokenOption = None) -> None:
    """Follow every story placed at this place.

    Example:

        claimdesk follow place Kursk
    """
    _add("place", name, db, token)


@follow_app.command("term")
def follow_term(text: Annotated[str, typer.Argument(metavar="TEXT", help="Words to look for in a story's claims (whole words, any case).")],
                db: DbOption = None, token: TokenOption = None) -> None:
    """Follow every story whose claims use these words, including stories that appear later.

    Example:

        claimdesk follow term "missile strike"
    """
    _add("term", text, db, token)


@follow_app.command("list")
def follow_list(db: DbOption = None,
                json_output: Annotated[bool, typer.Option("--json", help="One JSON list for scripts.")] = False) -> None:
    """List what is followed, oldest first.

    Example:

        claimdesk follow list --json
    """
    found = follows(open_store_for(db, must_exist=True))
    if json_output:
        typer.echo(json.dumps([f.model_dump(mode="json") for f in found], ensure_ascii=False))
        return
    for f in found:
        typer.echo(f"{f.kind}\t{safe_text(f.value)}" + (f"\t{safe_text(f.follower)}" if f.follower else ""))
    if not found:
        typer.echo("nothing followed: `claimdesk digest` reports every change", err=True)


@follow_app.command("remove")
def follow_remove(kind: Annotated[str, typer.Argument(metavar="KIND", help="story, actor, place or term")],
                  value: Annotated[str, typer.Argument(metavar="VALUE")],
                  db: DbOption = None, token: TokenOption = None) -> None:
    """Stop following. Exit code 1 when it was not followed.

    Example:

        claimdesk follow remove term Donetsk
    """
    if kind not in FOLLOW_KINDS:
        raise typer.BadParameter(f"expected one of {', '.join(FOLLOW_KINDS)}, got {kind!r}", param_hint="KIND")
    store = open_store_for(db, must_exist=True)
    try:
        gone = unfollow(store, kind, value, follower_of(store, token))
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="VALUE") from None
    if not gone:
        typer.echo(f"not following {kind} {safe_text(value)}", err=True)
        raise typer.Exit(1)
    typer.echo(f"stopped following {kind} {safe_text(value)}")
