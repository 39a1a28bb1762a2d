"""What people follow: a story by id, or every story that names an actor, a place or a search term.

    follow(store, "term", "drone")          # idempotent: following twice keeps one row
    [f.value for f in follows(store)]       # ['drone']
    unfollow(store, "term", "drone")

Which stories a follow covers is decided when a digest is made (`claimdesk.report.digest`), so a
story that appears tomorrow and names a followed actor is covered without anyone touching it.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Literal, Optional

from pydantic import BaseModel
from sqlalchemy import delete, select

from claimdesk.store import schema
from claimdesk.store.database import Store

FollowKind = Literal["story", "actor", "place", "term"]
FOLLOW_KINDS: tuple[str, ...] = FollowKind.__args__  # type: ignore[attr-defined]
MAX_VALUE = 300
MIN_STORY_PREFIX = 6


class Follow(BaseModel):
    kind: FollowKind
    value: str
    follower: str = ""
    created_at: Optional[datetime] = None

    @property
    def label(self) -> str:
        return f"{self.kind} {self.value}"


class NoSuchStory(ValueError):
    pass


def resolve_story(store: Store, value: str) -> str:
    """The story id `value` names: the whole id, or a prefix of at least six characters that only
    one story has (ids are long; people copy the start of one from the ledger)."""
    s = schema.stories.c
    value = value.strip().lower()
    with store.engine.connect() as conn:
        if conn.scalar(select(s.id).where(s.id == value)):
            return value
        if len(value) >= MIN_STORY_PREFIX:
            found = list(conn.scalars(select(s.id).where(s.id.startswith(value, autoescape=True)).limit(2)))
            if len(found) == 1:
                return found[0]
            if found:
                raise NoSuchStory(f"expected one story id, got a prefix {value!r} that several stories share")
    raise NoSuchStory(f"expected the id of a stored story (or a unique prefix of {MIN_STORY_PREFIX}+ characters), "
                      f"got {value!r}")


def _clean(kind: str, value: str) -> str:
    if kind not in FOLLOW_KINDS:
        raise ValueError(f"expected one of {', '.join(FOLLOW_KINDS)}, got {kind!r}")
    value = " ".join(value.split())
    if not value:
        raise ValueError(f"expected a {kind} to follow, got nothing")
    if len(value) > MAX_VALUE:
        raise ValueError(f"expected at most {MAX_VALUE} characters, got {len(value)}")
    return value


def follow(store: Store, kind: str, value: str, follower: str = "") -> Follow:
    """Follow `value` (a story's id must name a stored story). Following it again changes nothing."""
    value = _clean(kind, value)
    if kind == "story":
        value = resolve_story(store, value)
    f = schema.follows
    with store.engine.begin() as conn:
        row = conn.execute(select(f).where(f.c.follower == follower, f.c.kind == kind, f.c.value == value)).mappings().first()
        if row is None:
            now = datetime.now(timezone.utc)
            conn.execute(f.insert().values(follower=follower, kind=kind, value=value, created_at=now))
            return Follow(kind=kind, value=value, follower=follower, created_at=now)
    return _follow(row)


def _follow(row) -> Follow:  # noqa: ANN001
    at = row["created_at"]
    return Follow(kind=row["kind"], value=row["value"], follower=row["follower"],
                  created_at=at.replace(tzinfo=timezone.utc) if at is not None and at.tzinfo is None else at)


def unfollow(store: Store, kind: str, value: str, follower: str = "") -> bool:
    """Stop following; False when it was not followed."""
    value = _clean(kind, value)
    f = schema.follows
    with store.engine.begin() as conn:
        gone = conn.execute(delete(f).where(f.c.follower == follower, f.c.kind == kind, f.c.value == value)).rowcount
        if not gone and kind == "story":
            gone = conn.execute(delete(f).where(f.c.follower == follower, f.c.kind == kind,
                                                f.c.value.startswith(value.lower(), autoescape=True))).rowcount
    return bool(gone)


def follows(store: Store, follower: Optional[str] = None) -> list[Follow]:
    """Everything followed (by one follower, when given), in the order it was followed."""
    f = schema.follows
    query = select(f).order_by(f.c.id)
    if follower is not None:
        query = query.where(f.c.follower == follower)
    with store.engine.connect() as conn:
        return [_follow(r) for r in conn.execute(query).mappings()]


__all__ = ["FOLLOW_KINDS", "Follow", "FollowKind", "NoSuchStory", "StoryFacts", "follow", "follows", "resolve_story",
           "story_facts", "unfollow"]


class StoryFacts:
    """What follows are matched against: a story's row and the words, actors and places of its claims."""

    def __init__(self, row: Optional[dict]):
        self.row = row
        self.texts: list[str] = [row["text"]] if row else []
        self.actors: list[str] = []
        self.places: list[str] = [p.get("name", "") for p in (row["places"] if row else []) or []]


def story_facts(store: Store, story_ids: list[str], with_claims: bool, chunk: int = 500) -> dict[str, StoryFacts]:
    """Each story's row and, with `with_claims`, the texts, actors and places of its claims."""
    st, sm, c = schema.stories.c, schema.story_mentions.c, schema.claims.c
    out: dict[str, StoryFacts] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(story_ids), chunk):
            part = story_ids[i:i + chunk]
            for row in conn.execute(select(schema.stories).where(st.id.in_(part))).mappings():
                out[row["id"]] = StoryFacts(dict(row))
            if not with_claims:
                continue
            for sid, text, actors, places in conn.execute(
                    select(sm.story_id, c.text, c.actors, c.places).join(schema.claims, c.id == sm.claim_id)
                    .where(sm.story_id.in_(part))):
                facts = out.setdefault(sid, StoryFacts(None))
                facts.texts.append(text)
                facts.actors.extend(actors or [])
                facts.places.extend(p.get("name", "") for p in places or [])
    return out
