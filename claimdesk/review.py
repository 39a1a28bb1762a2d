"""Corrections a person makes to the machine's stories, each appended to the review log.

    from claimdesk.review import merge, move, set_status, add_note
    merge(store, ["story-a", "story-b"], user="ana", note="one strike, two wordings")
    move(store, "claim-id", to=None, user="ana")            # out into a story of its own
    set_status(store, "story-a", "denied", reason="the ministry's statement", user="ana")

Every action pins the claims of the stories it touches to them (`claimdesk.corroborate.pins`), so
later `corroborate` runs, incremental or `--full`, keep it; the story then counts as reviewed by
`user` now, and new evidence arriving later flags it "changed since review". The CLI
(`claimdesk review`) and the web UI both call these.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Optional

from claimdesk.corroborate.pins import apply_reviews, evidence_snapshot, sync_reviews
from claimdesk.models import ReviewEntry
from claimdesk.models import STORY_STATUSES as STATUSES
from claimdesk.store import Store
from claimdesk.store import reviews
from claimdesk.store.reviews import MAX_NOTE, ReviewError, ReviewState

MACHINE = "machine"  # `set_status(..., MACHINE)`: give the status back to the machine

__all__ = ["MACHINE", "ReviewError", "add_note", "describe", "mark_reviewed", "merge", "move", "set_status"]


def _summary(conn, story_ids: Sequence[str]) -> dict[str, dict]:  # noqa: ANN001
    rows = reviews.story_evidence(conn, story_ids)
    claims = reviews.claims_of_stories(conn, story_ids)
    return {s: {"status": rows[s].status, "independent_sources": rows[s].independent_sources,
                "mentions": claims.get(s, [])} for s in story_ids if s in rows}


def _need_stories(conn, story_ids: Sequence[str]) -> None:  # noqa: ANN001
    missing = [s for s in story_ids if s not in reviews.existing_stories(conn, story_ids)]
    if missing:
        raise ReviewError(f"no such story: {', '.join(missing)}")


def _note(text: str, name: str = "note") -> str:
    text = (text or "").strip()
    if len(text) > MAX_NOTE:
        raise ReviewError(f"expected a {name} of at most {MAX_NOTE} characters, got {len(text)}")
    return text


def _entry(store: Store, log_id: int) -> ReviewEntry:
    return reviews.log_entry(store, log_id)


def _reviewed(store: Store, story_ids: Sequence[str], user: str, note: Optional[str] = None,
              status: Optional[str] = None, reason: Optional[str] = None, set_status_too: bool = False) -> None:
    """After an action: the machine's view of these stories read, then each counts as reviewed by
    `user` now, with what it shows now as the evidence later changes are measured against."""
    apply_reviews(store)
    sync_reviews(store, story_ids=story_ids)
    with store.engine.begin() as conn:
        states = reviews.review_states(conn, story_ids)
        rows = reviews.story_evidence(conn, story_ids)
        for sid in story_ids:
            row = rows.get(sid)
            if row is None:
                continue
            old = states.get(sid)
            machine = old.machine_status if old and old.machine_status else row.status
            snapshot = evidence_snapshot(row)
            snapshot["machine_status"] = machine
            st = ReviewState(
                story_id=sid, status=old.status if old else None, reason=old.reason if old else "",
                note=old.note if old else "", user=user, at=datetime.now(timezone.utc), machine_status=machine,
                baseline=snapshot, changes=[], synced_row_at=row.updated_at)
            if note is not None:
                st.note = note
            if set_status_too:
                st.status, st.reason = status, reason or ""
            reviews.save_state(conn, st)
            reviews.set_story_status(conn, sid, st.status or machine)


def merge(store: Store, story_ids: Sequence[str], user: str, note: str = "") -> ReviewEntry:
    """Merge stories into the first one: one fact told as several stories."""
    ids = list(dict.fromkeys(story_ids))
    if len(ids) < 2:
        raise ReviewError(f"expected two or more different stories to merge, got {len(ids)}")
    note = _note(note)
    target = ids[0]
    with store.engine.begin() as conn:
        _need_stories(conn, ids)
        before = _summary(conn, ids)
        claims = [c for s in ids for c in before[s]["mentions"]]
        after = {"story": target, "mentions": len(claims)}
        log_id = reviews.append_log(conn, user, "merge", target, ids, {"stories": before}, after, note)
        reviews.pin(conn, claims, target, log_id)
        for other in ids[1:]:
            reviews.move_state(conn, other, target)
    _reviewed(store, [target], user, note=note or None)
    return _entry(store, log_id)


def _new_story_id(claim_id: str) -> str:
    return hashlib.sha256(f"story:review:{claim_id}:{time.time_ns()}".encode()).hexdigest()[:32]


def move(store: Store, claim_id: str, to: Optional[str], user: str, note: str = "") -> ReviewEntry:
    """Move a mention (by its claim id) to story `to`, or out into a story of its own (`to` None)."""
    note = _note(note)
    with store.engine.begin() as conn:
        source = reviews.story_of_claims(conn, [claim_id]).get(claim_id)
        if source is None:
            raise ReviewError(f"no story has a mention with claim id {claim_id!r}")
        if to is not None:
            _need_stories(conn, [to])
            if to == source:
                raise ReviewError(f"the mention is in story {to} already")
        target = to or _new_story_id(claim_id)
        touched = [source] + ([to] if to else [])
        before = _summary(conn, touched)
        stay = [c for c in before[source]["mentions"] if c != claim_id]
        joined = (before[to]["mentions"] if to else []) + [claim_id]
        log_id = reviews.append_log(
            conn, user, "move", target, [source, target], {"story": source, "stories": before},
            {"story": target, "new_story": to is None, "mentions": len(joined)}, note, claim_id=claim_id)
        reviews.pin(conn, stay, source, log_id)
        reviews.pin(conn, joined, target, log_id)
    _reviewed(store, [s for s in (source, target)], user, note=note or None)
    return _entry(store, log_id)


def set_status(store: Store, story_id: str, status: str, reason: str, user: str) -> ReviewEntry:
    """Override the story's status (or give it back: `status` "machine"); a reason is required."""
    if status not in (*STATUSES, MACHINE):
        raise ReviewError(f"expected a status of {', '.join((*STATUSES, MACHINE))}, got {status!r}")
    reason = _note(reason, "reason")
    if not reason:
        raise ReviewError("expected a reason for the status (--reason TEXT)")
    with store.engine.begin() as conn:
        _need_stories(conn, [story_id])
        before = _summary(conn, [story_id])[story_id]
        old = reviews.review_states(conn, [story_id]).get(story_id)
        was = {"status": before["status"], "set_by_reviewer": bool(old and old.status),
               "machine_status": old.machine_status if old and old.machine_status else before["status"]}
        after = {"status": None if status == MACHINE else status, "reason": reason}
        log_id = reviews.append_log(conn, user, "status", story_id, [story_id], was, after, reason)
        reviews.pin(conn, before["mentions"], story_id, log_id)
    _reviewed(store, [story_id], user, status=None if status == MACHINE else status, reason=reason, set_status_too=True)
    return _entry(store, log_id)


def add_note(store: Store, story_id: str, note: str, user: str, action: str = "note") -> ReviewEntry:
    """Add a note to a story (the latest note is the story's review note)."""
    note = _note(note)
    if not note and action == "note":
        raise ReviewError("expected a note, got an empty one")
    with store.engine.begin() as conn:
        _need_stories(conn, [story_id])
        old = reviews.review_states(conn, [story_id]).get(story_id)
        before = {"note": old.note if old else ""}
        log_id = reviews.append_log(conn, user, action, story_id, [story_id], before, {"note": note}, note)
        reviews.pin(conn, _summary(conn, [story_id])[story_id]["mentions"], story_id, log_id)
    _reviewed(store, [story_id], user, note=note if note or action == "note" else None)
    return _entry(store, log_id)


def mark_reviewed(store: Store, story_id: str, user: str, note: str = "") -> ReviewEntry:
    """The web UI's "Mark reviewed": a note that may be empty."""
    return add_note(store, story_id, note, user, action="reviewed")


def _short(story_id: str) -> str:
    return story_id[:12]


def describe(entry: ReviewEntry) -> str:
    """An entry's before -> after in one line, for people (the log's JSON keeps it all)."""
    b, a = entry.before, entry.after
    if entry.action == "merge":
        parts = [f"{_short(s)} ({len(v.get('mentions', []))} mentions, {v.get('status')})"
                 for s, v in b.get("stories", {}).items()]
        return f"stories {', '.join(parts)} -> {_short(a.get('story', entry.story))} ({a.get('mentions')} mentions)"
    if entry.action == "move":
        where = "a new story " + _short(a.get("story", "")) if a.get("new_story") else "story " + _short(a.get("story", ""))
        return f"mention {_short(entry.claim or '')}: story {_short(b.get('story', ''))} -> {where}"
    if entry.action == "status":
        after = a.get("status") or f"the machine's ({b.get('machine_status')})"
        return f"status {b.get('status')} -> {after}"
    return f"note {b.get('note', '')!r} -> {a.get('note', '')!r}"
