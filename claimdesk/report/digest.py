"""The digest: what changed since a moment, for the followed stories, actors, places and search
terms (or for everything), grouped by story, most serious change first.

    digest = build_digest(store, since=datetime(2024, 10, 17, tzinfo=timezone.utc))
    digest.changed          # True when any change was recorded
    print(digest_text(digest))

Changes come from the story-event log that corroboration writes (`claimdesk.store.changes`); which
stories a follow covers is decided here, from the stories' stored claims, so a story that appeared
after the follow was made is covered too.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, timezone
from typing import Literal, Optional

from pydantic import BaseModel, Field

from claimdesk.report.plain_text import visible_controls
from claimdesk.store import Store
from claimdesk.store.changes import CHANGE_KINDS, StoryChange, changes_since
from claimdesk.store.follows import Follow, StoryFacts, story_facts
from claimdesk.store.follows import follows as stored_follows

# how a story's changes are ordered, and its place in the digest: the most serious first
SEVERITY = {"new_denial": 0, "new_contradiction": 1, "status_changed": 2, "new_origin": 3, "new_story": 4}
KIND_LABELS = {"new_denial": "denials", "new_contradiction": "new contradictions", "status_changed": "status changes",
               "new_origin": "new independent origins", "new_story": "new stories"}
KIND_SINGULAR = {"new_denial": "denial", "new_contradiction": "new contradiction", "status_changed": "status changed",
                 "new_origin": "new independent origin", "new_story": "new story"}


class DigestStory(BaseModel):
    id: str
    text: str
    status: Optional[str] = Field(description="the story's status now; null when a later run regrouped it away")
    event_type: Optional[str] = None
    independent_sources: Optional[int] = None
    first_seen: Optional[date] = None
    followed_as: list[str] = Field(default_factory=list, description="the follows that cover it, e.g. 'term Donetsk'")
    changes: list[StoryChange]


class Digest(BaseModel):
    made_at: datetime
    since: Optional[datetime] = Field(description="changes recorded at or after this moment (null: since the mark)")
    after_change: int = Field(description="changes with an id above this one (the --since-last mark)")
    last_change: int = Field(description="the id of the newest change reported (the next --since-last mark)")
    scope: Literal["followed", "everything"]
    follows: list[Follow]
    counts: dict[str, int]
    stories: list[DigestStory]

    @property
    def changed(self) -> bool:
        return bool(self.stories)


def _words(value: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(value) + r"(?!\w)", re.IGNORECASE)


def _covers(f: Follow, story_id: str, facts: StoryFacts) -> bool:
    if f.kind == "story":
        return story_id == f.value
    pattern = _words(f.value)
    values = {"term": facts.texts, "actor": facts.actors, "place": facts.places}[f.kind]
    return any(pattern.search(v) for v in values)


def build_digest(store: Store, since: Optional[datetime] = None, after_change: int = 0,
                 everything: bool = False, follower: Optional[str] = None) -> Digest:
    """The changes recorded since `since` (and after change id `after_change`) to the followed
    stories, or to every story when `everything` is set or nothing is followed."""
    # a user's digest: their follows and the whole desk's ("")
    followed = [f for f in stored_follows(store) if follower is None or f.follower in ("", follower)]
    scope = "everything" if everything or not followed else "followed"
    recorded = changes_since(store, since, after_change)
    by_story: dict[str, list[StoryChange]] = {}
    for change in recorded:
        by_story.setdefault(change.story_id, []).append(change)
    facts = story_facts(store, sorted(by_story), with_claims=any(f.kind != "story" for f in followed))
    stories: list[DigestStory] = []
    for sid, story_changes in by_story.items():
        fact = facts.get(sid) or StoryFacts(None)
        covering = [f.label for f in followed if _covers(f, sid, fact)]
        if scope == "followed" and not covering:
            continue
        row = fact.row
        story_changes.sort(key=lambda ch: (SEVERITY[ch.kind], ch.id))
        stories.append(DigestStory(
            id=sid, text=row["text"] if row else next((ch.detail for ch in story_changes), ""),
            status=row["status"] if row else None, event_type=row["event_type"] if row else None,
            independent_sources=row["independent_sources"] if row else None,
            first_seen=row["first_seen"] if row else None, followed_as=covering, changes=story_changes))
    stories.sort(key=lambda s: (min(SEVERITY[ch.kind] for ch in s.changes), -(s.independent_sources or 0), s.id))
    counts = Counter(ch.kind for s in stories for ch in s.changes)
    return Digest(made_at=datetime.now(timezone.utc), since=since, after_change=after_change,
                  last_change=max((ch.id for ch in recorded), default=after_change), scope=scope,
                  follows=followed, counts={k: counts.get(k, 0) for k in CHANGE_KINDS}, stories=stories)


def _when(value: datetime) -> str:
    return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def digest_text(digest: Digest) -> str:
    """The digest as a person reads it in a terminal or an e-mail (article text shown, never acted on)."""
    if digest.since is not None:
        window = f"since {_when(digest.since)}"
    elif digest.after_change:
        window = f"since the last digest (change #{digest.after_change})"
    else:
        window = "since the first corroboration"
    scope = ("for everything" if digest.scope == "everything"
             else "for " + ", ".join(visible_controls(f.label) for f in digest.follows))
    n = sum(digest.counts.values())
    lines = [f"{n} change{'s' if n != 1 else ''} in {len(digest.stories)} "
             f"stor{'ies' if len(digest.stories) != 1 else 'y'} {window}, {scope}"]
    if not digest.stories:
        return "\n".join(lines) + "\n"
    lines.append("  " + " · ".join(f"{KIND_LABELS[k]} {digest.counts[k]}" for k in SEVERITY))
    for s in digest.stories:
        lines.append("")
        lines.append(f"[{s.status or 'regrouped'}] {visible_controls(s.text)}")
        meta = [f"story {s.id}"]
        if s.independent_sources is not None:
            meta.append(f"{s.independent_sources} independent source(s)")
        if s.followed_as:
            meta.append("followed as " + ", ".join(visible_controls(f) for f in s.followed_as))
        lines.append("  " + " · ".join(meta))
        for ch in s.changes:
            detail = f"{ch.after}, {ch.detail}" if ch.kind == "new_story" else ch.detail
            lines.append(f"  {_when(ch.at)}  {KIND_SINGULAR[ch.kind]}: {visible_controls(detail)}")
    return "\n".join(lines) + "\n"


__all__ = ["Digest", "DigestStory", "build_digest", "digest_text"]
