"""Reading and writing stories (groups of claims across documents) and document copies.

Corroboration writes them; the ledger, the report and the web UI read them. A story's mentions are
rebuilt from its claims and their documents at read time, so the evidence shown is always the
stored words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from typing import Optional

from sqlalchemy import Connection, String, bindparam, cast, delete, false, func, select, update

from claimdesk.models import (
    EVENT_TYPES, STORY_STATUSES, Attribution, Mention, MentionOrigin, Origin, Story, StoryReview,
)
from claimdesk.store import schema
from claimdesk.store.codec import origin_from_row, origin_row, story_from_row, story_row
from claimdesk.store.database import Store
from claimdesk.store.reviews import review_map
from claimdesk.store.search import matching_stories, place_condition


class BadFilter(ValueError):
    """A filter value out of its domain; `field` names the filter, `reason` says what was expected."""

    def __init__(self, field: str, reason: str):
        super().__init__(f"{field}: {reason}")
        self.field, self.reason = field, reason


@dataclass(frozen=True)
class StoryFilter:
    status: Optional[str] = None
    event_type: Optional[str] = None
    since: Optional[date] = None
    until: Optional[date] = None
    min_sources: Optional[int] = None
    place: Optional[str] = None  # a place name contains it, or a place's country code is it
    search: Optional[str] = None  # words, all present (claimdesk.store.search); results ranked by relevance

    @classmethod
    def checked(cls, status: Optional[str] = None, event_type: Optional[str] = None, since: Optional[str] = None,
                until: Optional[str] = None, min_sources: Optional[int] = None, place: Optional[str] = None,
                search: Optional[str] = None) -> StoryFilter:
        """A filter from values as a user typed them (None: no filter), each checked against its
        domain; the ledger command and the web UI both build their filters here.

        >>> StoryFilter.checked(status="contested", since="2024-10-01").since
        datetime.date(2024, 10, 1)
        >>> StoryFilter.checked(event_type="rumour")  # doctest: +IGNORE_EXCEPTION_DETAIL
        Traceback (most recent call last):
        BadFilter: event_type: expected one of deployment, desertion, …, got 'rumour'
        """
        return cls(status=_one_of("status", status, STORY_STATUSES),
                   event_type=_one_of("event_type", event_type, EVENT_TYPES),
                   since=_day("since", since), until=_day("until", until),
                   min_sources=min_sources, place=place, search=search)


def _one_of(field: str, value: Optional[str], allowed: tuple[str, ...]) -> Optional[str]:
    if value is not None and value not in allowed:
        raise BadFilter(field, f"expected one of {', '.join(allowed)}, got {value!r}")
    return value


def _day(field: str, value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadFilter(field, f"expected a date YYYY-MM-DD, got {value!r}") from None


@dataclass(frozen=True)
class DocumentCopy:
    """A document found to copy an earlier one (`copy_of`, the earliest of its group of copies)."""

    document_id: str
    copy_of: str
    similarity: float


@dataclass(frozen=True)
class StoryMention:
    """A claim placed in a story; `copy_of` the original its document copies, if any."""

    claim_id: str
    story_id: str
    document_id: str
    copy_of: Optional[str] = None


def save_stories(store: Store, stories: Iterable[Story]) -> int:
    """Insert or replace stories with their mentions; a claim belongs to one story at a time."""
    count = 0
    now = datetime.now(timezone.utc)
    with store.engine.begin() as conn:
        for story in stories:
            conn.execute(delete(schema.story_mentions).where(schema.story_mentions.c.story_id == story.id))
            conn.execute(delete(schema.stories).where(schema.stories.c.id == story.id))
            claim_ids = [m.claim for m in story.mentions]
            if claim_ids:
                conn.execute(delete(schema.story_mentions).where(schema.story_mentions.c.claim_id.in_(claim_ids)))
            conn.execute(schema.stories.insert(), [story_row(story, now)])
            if story.mentions:
                conn.execute(schema.story_mentions.insert(), [
                    {"claim_id": m.claim, "story_id": story.id, "document_id": m.document, "copy_of": m.copy_of}
                    for m in story.mentions
                ])
            count += 1
    return count


def save_copies(store: Store, copies: Iterable[DocumentCopy]) -> None:
    """Record copies, replacing earlier verdicts for those documents."""
    with store.engine.begin() as conn:
        write_copies(conn, copies)


def write_copies(conn: Connection, copies: Iterable[DocumentCopy], chunk: int = 500) -> None:
    """`save_copies` inside the caller's transaction."""
    rows = [{"document_id": c.document_id, "copy_of": c.copy_of, "similarity": c.similarity} for c in copies]
    for i in range(0, len(rows), chunk):
        conn.execute(delete(schema.document_copies).where(
            schema.document_copies.c.document_id.in_([r["document_id"] for r in rows[i:i + chunk]])))
    if rows:
        conn.execute(schema.document_copies.insert(), rows)


def add_mentions(conn: Connection, mentions: Iterable[StoryMention]) -> None:
    """New mentions; a claim that was in another story moves."""
    rows = [{"claim_id": m.claim_id, "story_id": m.story_id, "document_id": m.document_id, "copy_of": m.copy_of}
            for m in mentions]
    sm = schema.story_mentions
    for i in range(0, len(rows), 500):
        conn.execute(delete(sm).where(sm.c.claim_id.in_([r["claim_id"] for r in rows[i:i + 500]])))
    if rows:
        conn.execute(sm.insert(), rows)


def set_mention_copies(conn: Connection, copy_of: dict[str, str]) -> None:
    """Point the mentions of these documents at the original they copy."""
    sm = schema.story_mentions
    for doc, root in sorted(copy_of.items()):
        conn.execute(update(sm).where(sm.c.document_id == doc).values(copy_of=root))


def write_origins(conn: Connection, origins: dict[str, list[Origin]], chunk: int = 500) -> None:
    """Replace the stored origins of these documents (an empty list: the document's own words)."""
    do = schema.document_origins
    ids = sorted(origins)
    for i in range(0, len(ids), chunk):
        conn.execute(delete(do).where(do.c.document_id.in_(ids[i:i + chunk])))
    rows = [origin_row(doc, k, o) for doc in ids for k, o in enumerate(origins[doc])]
    if rows:
        conn.execute(do.insert(), rows)


def load_origins(conn: Connection, document_ids: Iterable[str], chunk: int = 500) -> dict[str, list[Origin]]:
    """document id -> its stored origins (documents with none are left out)."""
    do = schema.document_origins.c
    ids = sorted(set(document_ids))
    out: dict[str, list[Origin]] = {}
    for i in range(0, len(ids), chunk):
        _collect_origins(out, conn.execute(select(schema.document_origins).where(do.document_id.in_(ids[i:i + chunk]))
                                           .order_by(do.document_id, do.seq)).mappings())
    return out


def all_origins(store: Store) -> dict[str, list[Origin]]:
    """Every stored origin, by document id (in id order)."""
    do = schema.document_origins.c
    out: dict[str, list[Origin]] = {}
    with store.engine.connect() as conn:
        _collect_origins(out, conn.execute(select(schema.document_origins).order_by(do.document_id, do.seq)).mappings())
    return out


def _collect_origins(out: dict[str, list[Origin]], rows) -> None:  # noqa: ANN001
    for r in rows:
        out.setdefault(r["document_id"], []).append(origin_from_row(r))


def origin_of(origins: list[Origin], span: tuple[int, int]) -> Optional[Origin]:
    """The origin covering a claim at `span`, if any (the first stored wins)."""
    return next((o for o in origins if o.covers(span)), None)


def write_story_rows(conn: Connection, stories: list[Story], chunk: int = 500) -> int:
    """Insert or update the story rows only (their mentions are written by `add_mentions`)."""
    now = datetime.now(timezone.utc)
    st = schema.stories
    ids = [s.id for s in stories]
    stored: set[str] = set()
    for i in range(0, len(ids), chunk):
        stored.update(conn.scalars(select(st.c.id).where(st.c.id.in_(ids[i:i + chunk]))))
    rows = [story_row(s, now) for s in stories]
    old = [{"b_" + k: v for k, v in r.items()} for r in rows if r["id"] in stored]
    if old:
        values = {k: bindparam("b_" + k) for k in rows[0] if k != "id"}
        conn.execute(update(st).where(st.c.id == bindparam("b_id")).values(values), old)
    new = [r for r in rows if r["id"] not in stored]
    if new:
        conn.execute(st.insert(), new)
    return len(stories)


def copies(store: Store) -> dict[str, str]:
    with store.engine.connect() as conn:
        return {r[0]: r[1] for r in conn.execute(
            select(schema.document_copies.c.document_id, schema.document_copies.c.copy_of))}


def _filtered(query, flt: StoryFilter, dialect: str):  # noqa: ANN001
    """`query` narrowed to the stories `flt` selects; with a search, joined to the matches'
    `relevance` (returned second, or None)."""
    s = schema.stories.c
    if flt.status:
        query = query.where(s.status == flt.status)
    if flt.event_type:
        query = query.where(s.event_type == flt.event_type)
    if flt.since:
        query = query.where(s.first_seen >= flt.since)
    if flt.until:
        query = query.where(s.first_seen <= flt.until)
    if flt.min_sources:
        query = query.where(s.independent_sources >= flt.min_sources)
    if flt.place:
        query = query.where(place_condition(flt.place))
    matched = None
    if flt.search is not None:
        matched = matching_stories(dialect, flt.search)
        query = query.where(false()) if matched is None else query.join(matched, matched.c.story_id == s.id)
    return query, matched


def count_stories(store: Store, flt: StoryFilter = StoryFilter()) -> int:
    query, _ = _filtered(select(func.count()).select_from(schema.stories), flt, store.engine.dialect.name)
    with store.engine.connect() as conn:
        return conn.scalar(query) or 0


def iter_stories(
    store: Store, flt: StoryFilter = StoryFilter(), limit: Optional[int] = None, offset: int = 0,
    with_mentions: bool = True,
) -> Iterator[Story]:
    """Stories matching `flt`: with a search, the most relevant first; then most independent sources
    first, then the most informative, then earliest first."""
    s = schema.stories.c
    query, matched = _filtered(select(schema.stories), flt, store.engine.dialect.name)
    # (first_seen IS NULL, first_seen) is "nulls last" in a form that index ix_stories_rank_informative
    # (migration 8) serves on SQLite and PostgreSQL alike, so a page needs no sort.
    ranking = [s.independent_sources.desc(), s.informativeness.desc(), s.first_seen.is_(None), s.first_seen.asc(), s.id]
    query = query.order_by(*([matched.c.relevance.desc()] if matched is not None else []), *ranking)
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    with store.engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
        mentions = _mentions_for(conn, [r["id"] for r in rows]) if with_mentions else {}
        reviewed = review_map(conn, [r["id"] for r in rows])
    for row in rows:
        yield story_from_row(row, mentions.get(row["id"], []), reviewed.get(row["id"]))


def search_stories(
    store: Store, query: str, limit: int = 50, offset: int = 0, flt: StoryFilter = StoryFilter(),
    with_mentions: bool = True,
) -> list[Story]:
    """Stories whose text has every word of `query` (as word starts), the most relevant first, within
    the other conditions of `flt`. SQLite FTS5 or PostgreSQL tsvector; see claimdesk.store.search."""
    return list(iter_stories(store, replace(flt, search=query), limit=limit, offset=offset,
                             with_mentions=with_mentions))


def iter_placed_stories(store: Store, flt: StoryFilter = StoryFilter(), chunk: int = 2000) -> Iterator[Story]:
    """Stories matching `flt` that name a place, in ranking order, read without their mentions and
    contradictions (what a map needs): a third of the rows and a fraction of the work of `iter_stories`."""
    s = schema.stories.c
    query, _ = _filtered(select(s.id, s.text, s.event_type, s.status, s.independent_sources, s.informativeness,
                             s.first_seen, s.when, s.places), flt, store.engine.dialect.name)
    query = query.where(cast(s.places, String) != "[]").order_by(
        s.independent_sources.desc(), s.informativeness.desc(), s.first_seen.is_(None), s.first_seen.asc(), s.id)
    offset = 0
    while True:
        with store.engine.connect() as conn:
            rows = conn.execute(query.limit(chunk).offset(offset)).mappings().all()
        for row in rows:
            yield story_from_row({**row, "contradictions": []}, [])
        if len(rows) < chunk:
            return
        offset += chunk


def get_story(store: Store, story_id: str) -> Optional[Story]:
    with store.engine.connect() as conn:
        row = conn.execute(select(schema.stories).where(schema.stories.c.id == story_id)).mappings().first()
        if row is None:
            return None
        mentions = _mentions_for(conn, [story_id])
        reviewed = review_map(conn, [story_id])
    return story_from_row(row, mentions.get(story_id, []), reviewed.get(story_id))


def story_ids_for_document(store: Store, document_id: str) -> list[str]:
    with store.engine.connect() as conn:
        return list(conn.scalars(select(schema.story_mentions.c.story_id).distinct()
                                 .where(schema.story_mentions.c.document_id == document_id)))


def story_of_claims(store: Store, document_ids: Iterable[str]) -> dict[str, str]:
    """claim id -> story id, for the stored claims of `document_ids` that belong to a story."""
    ids = list(document_ids)
    sm = schema.story_mentions.c
    out: dict[str, str] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(ids), 500):
            out.update(conn.execute(select(sm.claim_id, sm.story_id).where(sm.document_id.in_(ids[i:i + 500]))).all())
    return out


@dataclass(frozen=True)
class DayStatusCount:
    """How many stories of one status were first seen on one day (`day` None: undated)."""

    day: Optional[date]
    status: str
    count: int


def counts_by_day_and_status(store: Store) -> list[DayStatusCount]:
    s = schema.stories.c
    with store.engine.connect() as conn:
        rows = conn.execute(select(s.first_seen, s.status, func.count()).group_by(s.first_seen, s.status)).all()
    return [DayStatusCount(day, status, n) for day, status, n in rows]


def actors_of_claims(store: Store, claim_ids: list[str]) -> dict[str, list[str]]:
    """The actors of each claim, read in one query (a story carries no actors of its own)."""
    if not claim_ids:
        return {}
    c = schema.claims.c
    with store.engine.connect() as conn:
        return {r[0]: list(r[1] or []) for r in conn.execute(select(c.id, c.actors).where(c.id.in_(claim_ids)))}


def _mentions_for(conn, story_ids: list[str]) -> dict[str, list[Mention]]:  # noqa: ANN001
    if not story_ids:
        return {}
    sm, c, d = schema.story_mentions.c, schema.claims.c, schema.documents.c
    rows = conn.execute(
        select(sm.story_id, sm.copy_of, c.id, c.document_id, c.text, c.span_start, c.span_end,
               c.attribution, c.hedges, c.polarity, d.outlet, d.url, d.published)
        .join(schema.claims, schema.claims.c.id == sm.claim_id)
        .join(schema.documents, schema.documents.c.id == sm.document_id)
        .where(sm.story_id.in_(story_ids))
        # span_end and id too: two claims can start at one place, and the backends break ties differently
        .order_by(d.published.asc().nulls_last(), c.document_id, c.span_start, c.span_end, c.id)
    ).mappings().all()
    origins = load_origins(conn, {r["document_id"] for r in rows})
    out: dict[str, list[Mention]] = {}
    for r in rows:
        origin = origin_of(origins.get(r["document_id"], []), (r["span_start"], r["span_end"]))
        out.setdefault(r["story_id"], []).append(Mention(
            claim=r["id"], document=r["document_id"], outlet=r["outlet"], url=r["url"],
            published=r["published"], span=(r["span_start"], r["span_end"]), text=r["text"],
            attribution=Attribution(**r["attribution"]), hedges=r["hedges"], polarity=r["polarity"],
            copy_of=r["copy_of"], origin=MentionOrigin(outlet=origin.outlet, why=origin.why) if origin else None,
        ))
    return out


@dataclass(frozen=True)
class PublicationDates:
    """How many stored documents carry a date, the latest date, and the earliest few in order."""

    dated: int
    last: Optional[date]
    earliest: list[date]


def earliest_publications(store: Store, how_many: Callable[[int], int]) -> PublicationDates:
    """The earliest `how_many(dated)` publication dates of the stored documents (what the timeline
    needs to tell a few background pages from the period the documents cover)."""
    d = schema.documents.c
    with store.engine.connect() as conn:
        dated = conn.scalar(select(func.count()).select_from(schema.documents).where(d.published.is_not(None))) or 0
        if not dated:
            return PublicationDates(0, None, [])
        last = conn.scalar(select(func.max(d.published)))
        earliest = list(conn.scalars(select(d.published).where(d.published.is_not(None)).order_by(d.published)
                                     .limit(how_many(dated))))
    return PublicationDates(dated, last, earliest)
