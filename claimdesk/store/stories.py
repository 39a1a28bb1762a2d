"""Reading and writing stories (groups of claims across documents) and document copies.

Corroboration writes them; the ledger, the report and the web UI read them. A story's mentions are
rebuilt from its claims and their documents at read time, so the evidence shown is always the
stored words.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Optional

from sqlalchemy import Connection, bindparam, delete, func, select, update

from claimdesk.models import Attribution, Contradiction, Mention, MentionOrigin, Origin, Place, Story, When
from claimdesk.store import schema
from claimdesk.store.database import Store


@dataclass(frozen=True)
class StoryFilter:
    status: Optional[str] = None
    event_type: Optional[str] = None
    since: Optional[date] = None
    until: Optional[date] = None
    min_sources: Optional[int] = None
    place: Optional[str] = None
    search: Optional[str] = None


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
            conn.execute(schema.stories.insert(), [_story_row(story, now)])
            if story.mentions:
                conn.execute(schema.story_mentions.insert(), [
                    {"claim_id": m.claim, "story_id": story.id, "document_id": m.document, "copy_of": m.copy_of}
                    for m in story.mentions
                ])
            count += 1
    return count


def delete_stories(store: Store, story_ids: Iterable[str]) -> None:
    ids = list(story_ids)
    if not ids:
        return
    with store.engine.begin() as conn:
        conn.execute(delete(schema.story_mentions).where(schema.story_mentions.c.story_id.in_(ids)))
        conn.execute(delete(schema.stories).where(schema.stories.c.id.in_(ids)))


def save_copies(store: Store, copies: Iterable[tuple[str, str, float]]) -> None:
    """Record (document_id, copy_of, similarity) rows, replacing earlier verdicts for those documents."""
    with store.engine.begin() as conn:
        write_copies(conn, copies)


def write_copies(conn: Connection, copies: Iterable[tuple[str, str, float]], chunk: int = 500) -> None:
    """`save_copies` inside the caller's transaction."""
    rows = [{"document_id": d, "copy_of": c, "similarity": s} for d, c, s in copies]
    for i in range(0, len(rows), chunk):
        conn.execute(delete(schema.document_copies).where(
            schema.document_copies.c.document_id.in_([r["document_id"] for r in rows[i:i + chunk]])))
    if rows:
        conn.execute(schema.document_copies.insert(), rows)


def add_mentions(conn: Connection, mentions: Iterable[tuple[str, str, str, Optional[str]]]) -> None:
    """New (claim_id, story_id, document_id, copy_of) rows; a claim that was in another story moves."""
    rows = [{"claim_id": c, "story_id": s, "document_id": d, "copy_of": o} for c, s, d, o in mentions]
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
    rows = [{"document_id": doc, "seq": k, "outlet": o.outlet[:300], "outlet_key": o.key[:300], "why": o.why,
             "span_start": o.span[0] if o.span else None, "span_end": o.span[1] if o.span else None,
             "source_document": o.document}
            for doc in ids for k, o in enumerate(origins[doc])]
    if rows:
        conn.execute(do.insert(), rows)


def load_origins(conn: Connection, document_ids: Iterable[str], chunk: int = 500) -> dict[str, list[Origin]]:
    """document id -> its stored origins (documents with none are left out)."""
    do = schema.document_origins.c
    ids = sorted(set(document_ids))
    out: dict[str, list[Origin]] = {}
    for i in range(0, len(ids), chunk):
        rows = conn.execute(select(schema.document_origins).where(do.document_id.in_(ids[i:i + chunk]))
                            .order_by(do.document_id, do.seq)).mappings()
        for r in rows:
            span = (r["span_start"], r["span_end"]) if r["span_start"] is not None else None
            out.setdefault(r["document_id"], []).append(Origin(
                outlet=r["outlet"], key=r["outlet_key"], why=r["why"], span=span, document=r["source_document"]))
    return out


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
    rows = [_story_row(s, now) for s in stories]
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


def _filtered(query, flt: StoryFilter):  # noqa: ANN001
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
    if flt.search:
        query = query.where(func.lower(s.text).contains(flt.search.lower()))
    if flt.place:
        # places is JSON; a text match on its serialised form is portable across SQLite and PostgreSQL.
        from sqlalchemy import String, cast
        query = query.where(func.lower(cast(s.places, String)).contains(flt.place.lower()))
    return query


def count_stories(store: Store, flt: StoryFilter = StoryFilter()) -> int:
    with store.engine.connect() as conn:
        return conn.scalar(_filtered(select(func.count()).select_from(schema.stories), flt)) or 0


def iter_stories(
    store: Store, flt: StoryFilter = StoryFilter(), limit: Optional[int] = None, offset: int = 0,
    with_mentions: bool = True,
) -> Iterator[Story]:
    """Stories matching `flt`, most independent sources first, then the most informative, then earliest first."""
    s = schema.stories.c
    # (first_seen IS NULL, first_seen) is "nulls last" in a form that index ix_stories_rank_informative
    # (migration 8) serves on SQLite and PostgreSQL alike, so a page needs no sort.
    query = _filtered(select(schema.stories), flt).order_by(
        s.independent_sources.desc(), s.informativeness.desc(), s.first_seen.is_(None), s.first_seen.asc(), s.id)
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    with store.engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
        mentions = _mentions_for(conn, [r["id"] for r in rows]) if with_mentions else {}
    for row in rows:
        yield _story_from_row(row, mentions.get(row["id"], []))


def iter_placed_stories(store: Store, flt: StoryFilter = StoryFilter(), chunk: int = 2000) -> Iterator[Story]:
    """Stories matching `flt` that name a place, in ranking order, read without their mentions and
    contradictions (what a map needs): a third of the rows and a fraction of the work of `iter_stories`."""
    from sqlalchemy import String, cast

    s = schema.stories.c
    query = _filtered(select(s.id, s.text, s.event_type, s.status, s.independent_sources, s.informativeness,
                             s.first_seen, s.when, s.places), flt).where(cast(s.places, String) != "[]").order_by(
        s.independent_sources.desc(), s.informativeness.desc(), s.first_seen.is_(None), s.first_seen.asc(), s.id)
    offset = 0
    while True:
        with store.engine.connect() as conn:
            rows = conn.execute(query.limit(chunk).offset(offset)).mappings().all()
        for row in rows:
            yield _story_from_row({**row, "contradictions": []}, [])
        if len(rows) < chunk:
            return
        offset += chunk


def get_story(store: Store, story_id: str) -> Optional[Story]:
    with store.engine.connect() as conn:
        row = conn.execute(select(schema.stories).where(schema.stories.c.id == story_id)).mappings().first()
        if row is None:
            return None
        mentions = _mentions_for(conn, [story_id])
    return _story_from_row(row, mentions.get(story_id, []))


def story_ids_for_document(store: Store, document_id: str) -> list[str]:
    with store.engine.connect() as conn:
        return list(conn.scalars(select(schema.story_mentions.c.story_id).distinct()
                                 .where(schema.story_mentions.c.document_id == document_id)))


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
        .order_by(d.published.asc().nulls_last(), c.document_id, c.span_start)
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


def _story_from_row(row, mentions: list[Mention]) -> Story:  # noqa: ANN001
    return Story(
        id=row["id"], text=row["text"], event_type=row["event_type"], status=row["status"],
        independent_sources=row["independent_sources"], informativeness=row.get("informativeness") or 0.0,
        first_seen=row["first_seen"], when=When(**row["when"]) if row["when"] else None,
        places=[Place(**p) for p in row["places"]],
        mentions=mentions,
        contradictions=[Contradiction(**c) for c in row["contradictions"]],
    )


def _story_row(story: Story, updated_at: datetime) -> dict:
    return {
        "id": story.id, "text": story.text, "event_type": story.event_type, "status": story.status,
        "independent_sources": story.independent_sources, "informativeness": story.informativeness,
        "first_seen": story.first_seen, "when": story.when.model_dump() if story.when else None,
        "places": [p.model_dump() for p in story.places],
        "contradictions": [c.model_dump() for c in story.contradictions],
        "updated_at": updated_at,
    }
