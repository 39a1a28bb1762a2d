"""Which stories a person has marked reviewed: the web UI's only write."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Optional

from sqlalchemy import delete, select

from claimdesk.store import Store
from claimdesk.store.migrations import story_reviews

MAX_NOTE = 2000


def get_review(store: Store, story_id: str) -> Optional[dict]:
    with store.engine.connect() as conn:
        row = conn.execute(select(story_reviews).where(story_reviews.c.story_id == story_id)).mappings().first()
    return dict(row) if row else None


def reviewed_ids(store: Store, story_ids: list[str]) -> set[str]:
    if not story_ids:
        return set()
    with store.engine.connect() as conn:
        return set(conn.scalars(select(story_reviews.c.story_id).where(story_reviews.c.story_id.in_(story_ids))))


def mark_reviewed(store: Store, story_id: str, note: str = "") -> dict:
    row = {"story_id": story_id, "reviewed_at": datetime.now(timezone.utc), "note": note[:MAX_NOTE]}
    with store.engine.begin() as conn:
        conn.execute(delete(story_reviews).where(story_reviews.c.story_id == story_id))
        conn.execute(story_reviews.insert(), [row])
    return row
