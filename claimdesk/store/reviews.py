"""The analyst's desk in the store: users and their hashed tokens, the append-only review log,
mentions pinned to a story by a reviewer, and each reviewed story's current review.

Only rows here; what a correction means (which stories it rewrites, what counts as new evidence)
is `claimdesk.review` and `claimdesk.corroborate.pins`.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Optional

from sqlalchemy import Connection, delete, func, select, update

from claimdesk.models import ReviewEntry, StoryReview
from claimdesk.store import schema
from claimdesk.store.database import Store

MAX_NOTE = 2000
MAX_NAME = 100
USER_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,99}")
CHUNK = 500


class ReviewError(ValueError):
    """A correction that cannot be made as asked (no such story, a bad name, …)."""


def _now() -> datetime:
    return datetime.now(timezone.utc)


# -- users -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class User:
    name: str
    created_at: datetime


def hash_token(token: str) -> str:
    # Tokens are 256 random bits, so a plain SHA-256 is as strong as a slow password hash here.
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def add_user(store: Store, name: str) -> str:
    """Create user `name`; return their new token (shown once, stored only as a hash)."""
    if not USER_NAME.fullmatch(name or ""):
        raise ReviewError(f"expected a user name of letters, digits, '.', '_', '@' or '-' (at most {MAX_NAME}), got {name!r}")
    token = secrets.token_urlsafe(32)
    u = schema.users
    with store.engine.begin() as conn:
        if conn.scalar(select(u.c.id).where(u.c.name == name)) is not None:
            raise ReviewError(f"a user named {name!r} exists already")
        conn.execute(u.insert().values(name=name, token_hash=hash_token(token), created_at=_now()))
    return token


def list_users(store: Store) -> list[User]:
    u = schema.users.c
    with store.engine.connect() as conn:
        return [User(r[0], r[1]) for r in conn.execute(select(u.name, u.created_at).order_by(u.name))]


def has_users(store: Store) -> bool:
    with store.engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(schema.users)) > 0


def user_for_token(store: Store, token: Optional[str]) -> Optional[str]:
    """The name of the user whose token this is, or None."""
    if not token:
        return None
    wanted = hash_token(token)
    u = schema.users.c
    with store.engine.connect() as conn:
        row = conn.execute(select(u.name, u.token_hash).where(u.token_hash == wanted)).first()
    return row[0] if row is not None and secrets.compare_digest(row[1], wanted) else None


# -- the log -----------------------------------------------------------------------------------


def append_log(conn: Connection, user: str, action: str, story_id: str, stories: Iterable[str],
               before: dict[str, Any], after: dict[str, Any], note: str = "", claim_id: Optional[str] = None) -> int:
    """Append one entry; return its id. There is no function that changes or removes one."""
    result = conn.execute(schema.review_log.insert().values(
        at=_now(), user_name=user, action=action, story_id=story_id, claim_id=claim_id,
        before=before, after=after, note=note[:MAX_NOTE]))
    log_id = int(result.inserted_primary_key[0])
    involved = sorted({story_id, *stories})
    conn.execute(schema.review_log_stories.insert(), [{"log_id": log_id, "story_id": s} for s in involved])
    return log_id


def _entries(conn: Connection, query) -> list[ReviewEntry]:  # noqa: ANN001
    rows = conn.execute(query).mappings().all()
    ids = [r["id"] for r in rows]
    stories: dict[int, list[str]] = {}
    ls = schema.review_log_stories.c
    for i in range(0, len(ids), CHUNK):
        for log_id, story in conn.execute(select(ls.log_id, ls.story_id).where(ls.log_id.in_(ids[i:i + CHUNK]))
                                          .order_by(ls.log_id, ls.story_id)):
            stories.setdefault(log_id, []).append(story)
    return [ReviewEntry(id=r["id"], at=_aware(r["at"]), user=r["user_name"], action=r["action"], story=r["story_id"],
                        claim=r["claim_id"], stories=stories.get(r["id"], []), before=r["before"], after=r["after"],
                        note=r["note"]) for r in rows]


def log_entries(store: Store, story_id: Optional[str] = None, limit: Optional[int] = None) -> list[ReviewEntry]:
    """The log, oldest first: all of it, or the entries concerning one story."""
    log = schema.review_log
    query = select(log).order_by(log.c.id)
    if story_id is not None:
        ls = schema.review_log_stories.c
        query = query.where(log.c.id.in_(select(ls.log_id).where(ls.story_id == story_id)))
    if limit is not None:
        query = query.order_by(None).order_by(log.c.id.desc()).limit(limit)
    with store.engine.connect() as conn:
        entries = _entries(conn, query)
    return sorted(entries, key=lambda e: e.id)


def log_entry(store: Store, log_id: int) -> ReviewEntry:
    with store.engine.connect() as conn:
        return _entries(conn, select(schema.review_log).where(schema.review_log.c.id == log_id))[0]


def merged_into(store: Store, story_id: str) -> Optional[str]:
    """The story a merge folded `story_id` into, if one did (the latest such merge)."""
    log, ls = schema.review_log.c, schema.review_log_stories.c
    query = (select(log.story_id).where(log.action == "merge", log.story_id != story_id,
                                        log.id.in_(select(ls.log_id).where(ls.story_id == story_id)))
             .order_by(log.id.desc()).limit(1))
    with store.engine.connect() as conn:
        return conn.scalar(query)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)  # SQLite keeps no zone


# -- pins --------------------------------------------------------------------------------------


def pin(conn: Connection, claim_ids: Iterable[str], story_id: str, log_id: int) -> None:
    """Pin these claims to `story_id` (a claim is pinned to one story at a time)."""
    ids = sorted(set(claim_ids))
    rp = schema.review_pins
    for i in range(0, len(ids), CHUNK):
        conn.execute(delete(rp).where(rp.c.claim_id.in_(ids[i:i + CHUNK])))
    if ids:
        conn.execute(rp.insert(), [{"claim_id": c, "story_id": story_id, "log_id": log_id} for c in ids])


def pins(conn: Connection) -> dict[str, str]:
    """claim id -> the story it is pinned to."""
    rp = schema.review_pins.c
    return dict(conn.execute(select(rp.claim_id, rp.story_id)).all())


def pinned_story_ids(conn: Connection) -> set[str]:
    return set(conn.scalars(select(schema.review_pins.c.story_id).distinct()))


# -- stories and mentions, as corrections read and rewrite them -------------------------------


def story_of_claims(conn: Connection, claim_ids: Iterable[str]) -> dict[str, str]:
    ids = sorted(set(claim_ids))
    sm = schema.story_mentions.c
    out: dict[str, str] = {}
    for i in range(0, len(ids), CHUNK):
        out.update(conn.execute(select(sm.claim_id, sm.story_id).where(sm.claim_id.in_(ids[i:i + CHUNK]))).all())
    return out


def claims_of_stories(conn: Connection, story_ids: Iterable[str]) -> dict[str, list[str]]:
    """story id -> the claim ids of its mentions (stories without any are left out)."""
    ids = sorted(set(story_ids))
    sm = schema.story_mentions.c
    out: dict[str, list[str]] = {}
    for i in range(0, len(ids), CHUNK):
        for story, claim in conn.execute(select(sm.story_id, sm.claim_id).where(sm.story_id.in_(ids[i:i + CHUNK]))
                                         .order_by(sm.story_id, sm.claim_id)):
            out.setdefault(story, []).append(claim)
    return out


def resolve_id(store: Store, kind: str, given: str) -> str:
    """A story or claim id from its full form or a unique prefix of six characters or more."""
    table = {"story": schema.stories, "claim": schema.claims}[kind]
    if len(given) < 6 or len(given) > 64:
        raise ReviewError(f"expected a {kind} id or a prefix of at least 6 characters, got {given!r}")
    upper = given[:-1] + chr(ord(given[-1]) + 1)  # ids from `given` up to the next prefix: the index serves it
    with store.engine.connect() as conn:
        found = list(conn.scalars(select(table.c.id).where(table.c.id >= given, table.c.id < upper).limit(2)))
    if given in found:
        return given
    if not found:
        raise ReviewError(f"no {kind} with id {given!r}")
    if len(found) > 1:
        raise ReviewError(f"more than one {kind} id starts with {given!r}: give more of it")
    return found[0]


def existing_stories(conn: Connection, story_ids: Iterable[str]) -> set[str]:
    ids = sorted(set(story_ids))
    st = schema.stories.c
    out: set[str] = set()
    for i in range(0, len(ids), CHUNK):
        out.update(conn.scalars(select(st.id).where(st.id.in_(ids[i:i + CHUNK]))))
    return out


def existing_claims(conn: Connection, claim_ids: Iterable[str]) -> set[str]:
    ids = sorted(set(claim_ids))
    c = schema.claims.c
    out: set[str] = set()
    for i in range(0, len(ids), CHUNK):
        out.update(conn.scalars(select(c.id).where(c.id.in_(ids[i:i + CHUNK]))))
    return out


def copies_of(conn: Connection, document_ids: Iterable[str]) -> dict[str, str]:
    """document id -> the document it copies, for those of `document_ids` that are copies."""
    ids = sorted(set(document_ids))
    dc = schema.document_copies.c
    out: dict[str, str] = {}
    for i in range(0, len(ids), CHUNK):
        out.update(conn.execute(select(dc.document_id, dc.copy_of).where(dc.document_id.in_(ids[i:i + CHUNK]))).all())
    return out


def remove_stories(conn: Connection, story_ids: Iterable[str]) -> None:
    """Drop stories a correction emptied, with their drafts; a story they continued is one no longer."""
    ids = sorted(set(story_ids))
    sm, st = schema.story_mentions, schema.story_state
    for i in range(0, len(ids), CHUNK):
        part = ids[i:i + CHUNK]
        conn.execute(delete(sm).where(sm.c.story_id.in_(part)))
        conn.execute(delete(schema.stories).where(schema.stories.c.id.in_(part)))
        conn.execute(delete(st).where(st.c.story_id.in_(part)))
        conn.execute(update(st).where(st.c.continued_by.in_(part)).values(continued_by=None))


@dataclass(frozen=True)
class StoryEvidence:
    """What a story's row says about its evidence, as the machine last wrote it."""

    id: str
    status: str
    independent_sources: int
    contradictions: list[dict]
    updated_at: datetime


def story_evidence(conn: Connection, story_ids: Iterable[str]) -> dict[str, StoryEvidence]:
    ids = sorted(set(story_ids))
    st = schema.stories.c
    out: dict[str, StoryEvidence] = {}
    for i in range(0, len(ids), CHUNK):
        for r in conn.execute(select(st.id, st.status, st.independent_sources, st.contradictions, st.updated_at)
                              .where(st.id.in_(ids[i:i + CHUNK]))):
            out[r[0]] = StoryEvidence(r[0], r[1], r[2], list(r[3] or []), r[4])
    return out


def set_story_status(conn: Connection, story_id: str, status: str) -> None:
    """The reviewer's status into the story row (its updated_at stays: it marks machine writes)."""
    conn.execute(update(schema.stories).where(schema.stories.c.id == story_id).values(status=status))


# -- the current review of each story ---------------------------------------------------------


@dataclass
class ReviewState:
    story_id: str
    status: Optional[str]
    reason: str
    note: str
    user: str
    at: datetime
    machine_status: Optional[str]
    baseline: dict[str, Any]
    changes: list[str]
    synced_row_at: Optional[datetime]

    def public(self) -> StoryReview:
        return StoryReview(status=self.status, by=self.user, at=_aware(self.at), note=self.note, reason=self.reason,
                           machine_status=self.machine_status, changed_since_review=bool(self.changes),
                           changes=list(self.changes))


def _state(row) -> ReviewState:  # noqa: ANN001
    return ReviewState(row["story_id"], row["status"], row["reason"], row["note"], row["user_name"], row["at"],
                       row["machine_status"], dict(row["baseline"] or {}), list(row["changes"] or []),
                       row["synced_row_at"])


def review_states(conn: Connection, story_ids: Optional[Iterable[str]] = None) -> dict[str, ReviewState]:
    """story id -> its review state: of these stories, or of every reviewed story."""
    rs = schema.review_state
    if story_ids is None:
        return {r["story_id"]: _state(r) for r in conn.execute(select(rs)).mappings()}
    ids = sorted(set(story_ids))
    out: dict[str, ReviewState] = {}
    for i in range(0, len(ids), CHUNK):
        for r in conn.execute(select(rs).where(rs.c.story_id.in_(ids[i:i + CHUNK]))).mappings():
            out[r["story_id"]] = _state(r)
    return out


def save_state(conn: Connection, state: ReviewState) -> None:
    rs = schema.review_state
    conn.execute(delete(rs).where(rs.c.story_id == state.story_id))
    conn.execute(rs.insert().values(
        story_id=state.story_id, status=state.status, reason=state.reason[:MAX_NOTE], note=state.note[:MAX_NOTE],
        user_name=state.user, at=state.at, machine_status=state.machine_status, baseline=state.baseline,
        changes=state.changes, synced_row_at=state.synced_row_at))


def move_state(conn: Connection, from_story: str, to_story: str) -> None:
    """A merged-away story's review is kept under the story it was merged into, unless that has one."""
    rs = schema.review_state
    if conn.scalar(select(rs.c.story_id).where(rs.c.story_id == to_story)) is None:
        conn.execute(update(rs).where(rs.c.story_id == from_story).values(story_id=to_story))
    else:
        conn.execute(delete(rs).where(rs.c.story_id == from_story))


def review_map(conn: Connection, story_ids: Iterable[str]) -> dict[str, StoryReview]:
    """story id -> its review, for the stories that have one (one query per 500 stories)."""
    ids = list(story_ids)
    return {i: s.public() for i, s in review_states(conn, ids).items()} if ids else {}


def reviews_for(store: Store, story_ids: Iterable[str]) -> dict[str, StoryReview]:
    """story id -> its review, for the exports, the API and the pages."""
    with store.engine.connect() as conn:
        return review_map(conn, story_ids)


def get_review(store: Store, story_id: str) -> Optional[StoryReview]:
    return reviews_for(store, [story_id]).get(story_id)


def reviewed_ids(store: Store, story_ids: list[str]) -> set[str]:
    return set(reviews_for(store, story_ids)) if story_ids else set()
