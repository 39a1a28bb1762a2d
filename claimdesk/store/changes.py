"""The story-event log: what each corroboration run changed about each story it wrote.

Corroboration hands over one `StorySnapshot` per story it writes; `record` compares each with the
snapshot the story had before (table story_snapshots), appends the differences to story_changes as
`StoryChange` rows, and keeps the new snapshot. Nothing in story_changes is ever rewritten, so
"what changed since" is a range query on it (`changes_since`).

    run = begin_run(store, full=False)
    with store.engine.begin() as conn:
        record(conn, run, [StorySnapshot.of(story, {"outlet:reuters.com": "Reuters"})])
    end_run(store, run, documents=12)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Literal, Optional

from pydantic import BaseModel
from sqlalchemy import Connection, delete, func, select, update


from claimdesk.store import schema
from claimdesk.store.database import Store
from claimdesk.store.snapshots import StorySnapshot

ChangeKind = Literal["new_story", "status_changed", "new_origin", "new_contradiction", "new_denial"]
CHANGE_KINDS: tuple[str, ...] = ChangeKind.__args__  # type: ignore[attr-defined]


class StoryChange(BaseModel):
    """One difference a corroboration run made to a story."""

    id: int = 0
    run: int
    at: datetime
    story_id: str
    kind: ChangeKind
    before: Optional[str] = None
    after: Optional[str] = None
    detail: str


def diff(before: Optional[StorySnapshot], after: StorySnapshot, run: int, at: datetime) -> list[StoryChange]:
    """The changes from `before` (None: a story not seen before) to `after`."""
    out: list[StoryChange] = []

    def add(kind: str, detail: str, old: Optional[str] = None, new: Optional[str] = None) -> None:
        out.append(StoryChange(run=run, at=at, story_id=after.story_id, kind=kind, before=old, after=new, detail=detail))

    if before is None:
        add("new_story", f"{after.independent_sources} independent source(s)", None, after.status)
    else:
        if before.status != after.status:
            add("status_changed", f"{before.status} → {after.status}", before.status, after.status)
        if before.sources is None:
            if after.independent_sources > before.independent_sources:
                add("new_origin", f"independent sources {before.independent_sources} → {after.independent_sources}",
                    str(before.independent_sources), str(after.independent_sources))
        else:
            known = {key for key, _ in before.sources}
            for key, name in after.sources or ():
                if key in known:
                    continue
                add("new_origin", f"{name} (independent sources {before.independent_sources} → "
                                  f"{after.independent_sources})",
                    str(before.independent_sources), str(after.independent_sources))
    known = {k for k, _, _ in before.contradictions} if before else set()
    for key, kind, detail in after.contradictions:
        if key not in known:
            add("new_denial" if kind == "denial" else "new_contradiction",
                detail if kind == "denial" else f"{kind}: {detail}", None, kind)
    return out


def begin_run(store: Store, full: bool) -> int:
    with store.engine.begin() as conn:
        return conn.execute(schema.corroboration_runs.insert().values(
            started_at=datetime.now(timezone.utc), full=full, documents=0)).inserted_primary_key[0]


def end_run(store: Store, run: int, documents: int) -> None:
    r = schema.corroboration_runs
    with store.engine.begin() as conn:
        conn.execute(update(r).where(r.c.id == run).values(finished_at=datetime.now(timezone.utc), documents=documents))


def record(conn: Connection, run: int, snapshots: Sequence[StorySnapshot], chunk: int = 500) -> list[StoryChange]:
    """Append what changed since each story's last snapshot and keep the new snapshots, inside the
    caller's transaction (the batch that writes the stories)."""
    at = datetime.now(timezone.utc)
    ss = schema.story_snapshots
    ids = [s.story_id for s in snapshots]
    old: dict[str, StorySnapshot] = {}
    for i in range(0, len(ids), chunk):
        for row in conn.execute(select(ss).where(ss.c.story_id.in_(ids[i:i + chunk]))).mappings():
            old[row["story_id"]] = StorySnapshot.from_row(row)
    changes = [c for s in snapshots for c in diff(old.get(s.story_id), s, run, at)]
    changed = [s for s in snapshots if old.get(s.story_id) != s]
    for i in range(0, len(changed), chunk):
        conn.execute(delete(ss).where(ss.c.story_id.in_([s.story_id for s in changed[i:i + chunk]])))
    if changed:
        conn.execute(ss.insert(), [s.row(run) for s in changed])
    if changes:
        conn.execute(schema.story_changes.insert(), [c.model_dump(exclude={"id", "run"}) | {"run_id": c.run}
                                                      for c in changes])
    return changes


def _change(row) -> StoryChange:  # noqa: ANN001
    at = row["at"] if row["at"].tzinfo else row["at"].replace(tzinfo=timezone.utc)
    return StoryChange(id=row["id"], run=row["run_id"], at=at, story_id=row["story_id"], kind=row["kind"],
                       before=row["before"], after=row["after"], detail=row["detail"])


def changes_since(store: Store, since: Optional[datetime] = None, after_id: int = 0,
                  story_ids: Optional[Iterable[str]] = None) -> list[StoryChange]:
    """Changes recorded at or after `since` and with an id above `after_id`, oldest first."""
    c = schema.story_changes.c
    query = select(schema.story_changes).where(c.id > after_id)
    if since is not None:
        query = query.where(c.at >= since)
    if story_ids is not None:
        query = query.where(c.story_id.in_(sorted(set(story_ids))))
    with store.engine.connect() as conn:
        return [_change(r) for r in conn.execute(query.order_by(c.id)).mappings()]


def last_change_id(store: Store) -> int:
    with store.engine.connect() as conn:
        return conn.scalar(select(func.max(schema.story_changes.c.id))) or 0


@dataclass(frozen=True)
class Run:
    id: int
    started_at: datetime
    finished_at: Optional[datetime]
    full: bool
    documents: int


def recent_runs(store: Store, limit: int = 10) -> list[Run]:
    r = schema.corroboration_runs.c
    with store.engine.connect() as conn:
        rows = conn.execute(select(schema.corroboration_runs).order_by(r.id.desc()).limit(limit)).mappings().all()
    return [Run(x["id"], _utc(x["started_at"]), _utc(x["finished_at"]), x["full"], x["documents"]) for x in rows]


def _utc(value: Optional[datetime]) -> Optional[datetime]:
    return value.replace(tzinfo=timezone.utc) if value is not None and value.tzinfo is None else value


def get_mark(store: Store, reader: str) -> Optional[int]:
    """The last change id the reader's `--since-last` digest reported (None: never ran)."""
    m = schema.digest_marks.c
    with store.engine.connect() as conn:
        return conn.scalar(select(m.last_change_id).where(m.reader == reader))


def set_mark(store: Store, reader: str, change_id: int) -> None:
    m = schema.digest_marks
    with store.engine.begin() as conn:
        conn.execute(delete(m).where(m.c.reader == reader))
        conn.execute(m.insert().values(reader=reader, last_change_id=change_id, at=datetime.now(timezone.utc)))


__all__ = ["CHANGE_KINDS", "Run", "StoryChange", "StorySnapshot", "begin_run", "changes_since", "diff", "end_run",
           "get_mark", "last_change_id", "record", "recent_runs", "set_mark"]
