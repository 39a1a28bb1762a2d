"""What a corroboration run saw of each story (`StorySnapshot`), and the snapshots of stories stored
before the story-event log existed (migration 11). Apart from `changes` so that the migrations,
which the store's database module runs, need not import it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Optional

from sqlalchemy import Connection, select

from claimdesk.models import Contradiction, Story
from claimdesk.store import schema


def contradiction_key(c: Contradiction) -> str:
    # the kind and the disagreeing mentions: the wording of `detail` may change as a story grows
    return c.kind + "|" + ",".join(sorted(c.mentions))


@dataclass(frozen=True)
class StorySnapshot:
    """What a run saw of a story: enough to tell what the next run changes."""

    story_id: str
    status: str
    independent_sources: int
    # (source key, outlet name) of each independent source, sorted; None: not known (a story
    # snapshotted from its stored row)
    sources: Optional[tuple[tuple[str, str], ...]]
    contradictions: tuple[tuple[str, str, str], ...]  # (key, kind, detail), sorted by key

    @classmethod
    def of(cls, story: Story, sources: dict[str, str]) -> StorySnapshot:
        """The snapshot of a story as corroboration just computed it, with the independent sources
        it counted (`corroborate.status.independent_source_keys`) by key, each with its outlet name."""
        return cls(story.id, story.status, story.independent_sources, tuple(sorted(sources.items())),
                   _contradictions(story.contradictions))

    def row(self, run: Optional[int]) -> dict:
        return {"story_id": self.story_id, "status": self.status, "independent_sources": self.independent_sources,
                "sources": dict(self.sources) if self.sources is not None else None,
                "contradictions": [{"key": k, "kind": kind, "detail": d} for k, kind, d in self.contradictions],
                "run_id": run}

    @classmethod
    def from_row(cls, row) -> StorySnapshot:  # noqa: ANN001
        return cls(row["story_id"], row["status"], row["independent_sources"],
                   tuple(sorted(row["sources"].items())) if row["sources"] is not None else None,
                   tuple((c["key"], c["kind"], c["detail"]) for c in row["contradictions"] or []))


def _contradictions(contradictions: Sequence[Contradiction]) -> tuple[tuple[str, str, str], ...]:
    return tuple(sorted({contradiction_key(c): (contradiction_key(c), c.kind, c.detail) for c in contradictions}.values()))


def snapshot_stored_stories(conn: Connection, batch: int = 2000) -> None:
    """Snapshots of the stories already stored, from their rows (for migration 11): the first run
    after it reports what changes from there, not every story as new."""
    st = schema.stories.c
    last = ""
    while True:
        rows = conn.execute(select(st.id, st.status, st.independent_sources, st.contradictions)
                            .where(st.id > last).order_by(st.id).limit(batch)).mappings().all()
        if not rows:
            return
        snaps = [StorySnapshot(r["id"], r["status"], r["independent_sources"], None,
                               _contradictions([Contradiction.model_validate(c) for c in r["contradictions"] or []]))
                 for r in rows]
        conn.execute(schema.story_snapshots.insert(), [s.row(None) for s in snaps])
        last = rows[-1]["id"]
