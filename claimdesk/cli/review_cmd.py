"""`claimdesk users …` (who may write) and `claimdesk review …` (corrections and the review log)."""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from claimdesk.cli.app import DbOption, app
from claimdesk.cli.edge import open_store_for
from claimdesk.cli.terminal import safe_text
from claimdesk.cli.users import refuse, user_of
from claimdesk.store import Store

users_app = typer.Typer(
    help="People who may correct stories, each with a token of their own (stored hashed).\n\n"
         "Example:\n\n  claimdesk users add ana",
    no_args_is_help=True, rich_markup_mode="markdown")
review_app = typer.Typer(
    help="Correct the machine's stories: merge, move a mention, override a status, add a note; "
         "each correction is appended to the review log and survives later `corroborate` runs.\n\n"
         "Example:\n\n  export CLAIMDESK_TOKEN=…   # from `claimdesk users add ana`\n\n"
         "  claimdesk review merge 46bec5c6 7338173f --note 'one desertion report'\n\n"
         "  claimdesk review status 46bec5c6 denied --reason 'the ministry denies it'\n\n"
         "  claimdesk review log 46bec5c6",
    no_args_is_help=True, rich_markup_mode="markdown")
app.add_typer(users_app, name="users")
app.add_typer(review_app, name="review")

TokenOption = Annotated[Optional[str], typer.Option(
    "--token", envvar="CLAIMDESK_TOKEN", show_default=False,
    help="Your token from `claimdesk users add` (or $CLAIMDESK_TOKEN). Every correction is logged under its user.")]
NoteOption = Annotated[str, typer.Option("--note", help="Why: kept with the log entry.")]


class LogFormat(str, Enum):
    text = "text"
    json = "json"


def _user(store: Store, token: Optional[str]) -> str:
    return user_of(store, token, "a correction needs your token: --token T or $CLAIMDESK_TOKEN")


def _id(store: Store, kind: str, given: str) -> str:
    from claimdesk.store.reviews import ReviewError, resolve_id

    try:
        return resolve_id(store, kind, given)
    except ReviewError as e:
        refuse(str(e))


def _run(action):  # noqa: ANN001, ANN202
    from claimdesk.store.reviews import ReviewError

    try:
        entry = action()
    except ReviewError as e:
        refuse(str(e))
    from claimdesk.review import describe

    typer.echo(f"#{entry.id} {safe_text(entry.user)} {entry.action}: {safe_text(describe(entry))}")
    typer.echo(f"story {entry.story}")
    return entry


@users_app.command("add")
def users_add(name: Annotated[str, typer.Argument(help="The user's name, as the review log shows it.")],
              db: DbOption = None) -> None:
    """Add a user and print their token, once, as the last line (only its hash is stored).

    Example:

        claimdesk users add ana --db sqlite:///newsroom.sqlite
    """
    from claimdesk.store.reviews import ReviewError, add_user

    store = open_store_for(db, must_exist=True)
    try:
        token = add_user(store, name)
    except ReviewError as e:
        refuse(str(e))
    typer.echo(f"user {safe_text(name)} added; their token (shown this once, keep it secret):", err=True)
    typer.echo(token)


@users_app.command("list")
def users_list(db: DbOption = None) -> None:
    """The users who may write, with when each was added (tokens are never shown again).

    Example:

        claimdesk users list
    """
    from claimdesk.store.reviews import list_users

    for user in list_users(open_store_for(db, must_exist=True)):
        typer.echo(f"{safe_text(user.name)}\t{user.created_at:%Y-%m-%d %H:%M}")


@review_app.command("merge")
def review_merge(
    stories: Annotated[list[str], typer.Argument(help="Two or more story ids (or unique prefixes of 6+ characters); the others are merged into the first.")],
    token: TokenOption = None, note: NoteOption = "", db: DbOption = None,
) -> None:
    """Merge stories that tell one fact: their mentions join the first story, for good.

    Example:

        claimdesk review merge 46bec5c6830ffcab2c62eaf4c0bf6625 7338173617a4bc312d2fb38000b3d32c --note 'one report'
    """
    from claimdesk.review import merge

    store = open_store_for(db, must_exist=True)
    user = _user(store, token)
    _run(lambda: merge(store, [_id(store, "story", s) for s in stories], user, note))


@review_app.command("move")
def review_move(
    claim: Annotated[str, typer.Argument(help="The mention's claim id (the ledger's mentions, the story page).")],
    to: Annotated[Optional[str], typer.Option("--to", help="The story it belongs to.")] = None,
    new: Annotated[bool, typer.Option("--new", help="Out into a story of its own.")] = False,
    token: TokenOption = None, note: NoteOption = "", db: DbOption = None,
) -> None:
    """Move a mention to another story (--to STORY) or out into a story of its own (--new).

    Example:

        claimdesk review move 3f2a9c… --new --note 'another strike, same town'

        claimdesk review move 3f2a9c… --to 46bec5c6830ffcab2c62eaf4c0bf6625
    """
    from claimdesk.review import move

    if (to is None) == (not new) or (to is not None and new):
        raise typer.BadParameter("expected exactly one of --to STORY or --new", param_hint="--to/--new")
    store = open_store_for(db, must_exist=True)
    user = _user(store, token)
    _run(lambda: move(store, _id(store, "claim", claim), to and _id(store, "story", to), user, note))


@review_app.command("status")
def review_status(
    story: Annotated[str, typer.Argument(help="The story id.")],
    status: Annotated[str, typer.Argument(help="corroborated, single_source, contested, denied, or machine (give it back).")],
    reason: Annotated[str, typer.Option("--reason", help="Why (required): shown with the status and in ClaimReview.")],
    token: TokenOption = None, db: DbOption = None,
) -> None:
    """Override a story's status; the machine's stays beside it, and new evidence flags the story
    "changed since review".

    Example:

        claimdesk review status 46bec5c6830ffcab2c62eaf4c0bf6625 denied --reason 'the ministry denies it'
    """
    from claimdesk.review import set_status

    store = open_store_for(db, must_exist=True)
    user = _user(store, token)
    _run(lambda: set_status(store, _id(store, "story", story), status, reason, user))


@review_app.command("note")
def review_note(
    story: Annotated[str, typer.Argument(help="The story id.")],
    text: Annotated[str, typer.Argument(help="The note.")],
    token: TokenOption = None, db: DbOption = None,
) -> None:
    """Add a note to a story (it counts as reviewing it).

    Example:

        claimdesk review note 46bec5c6830ffcab2c62eaf4c0bf6625 'called the regional office: no answer yet'
    """
    from claimdesk.review import add_note

    store = open_store_for(db, must_exist=True)
    user = _user(store, token)
    _run(lambda: add_note(store, _id(store, "story", story), text, user))


@review_app.command("log")
def review_log(
    story: Annotated[Optional[str], typer.Argument(help="Only the entries concerning this story.")] = None,
    fmt: Annotated[LogFormat, typer.Option("--format", "-f", help="text for people, json for scripts (every field).")] = LogFormat.text,
    db: DbOption = None,
) -> None:
    """The review log, oldest first: who did what, when, and what it was before and after.

    Example:

        claimdesk review log --format json > review-log.json
    """
    from claimdesk.review import describe
    from claimdesk.store.reviews import log_entries

    store = open_store_for(db, must_exist=True)
    entries = log_entries(store, _id(store, "story", story) if story else None)
    if fmt is LogFormat.json:
        json.dump([e.model_dump(mode="json") for e in entries], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    for e in entries:
        line = f"#{e.id} {e.at:%Y-%m-%d %H:%M} {e.user} {e.action} {e.story[:12]}: {describe(e)}"
        typer.echo(safe_text(line + (f" | {e.note}" if e.note else "")))
