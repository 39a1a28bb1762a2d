"""Reviewers' corrections applied after grouping, so they survive every later corroboration.

Stories are the machine's: `corroborate --full` forgets them and groups every claim again, and an
incremental run adds claims to them. A correction is therefore kept as constraints on claims, which
are stable (a claim's id is its document and span), never on the machine's story rows:

- every claim of a story a reviewer merged, moved a mention into or out of, overrode or annotated is
  *pinned* to that story's id (`review_pins`), which so becomes a stable key;
- after grouping (`apply_reviews`, the end of each `corroborate` run), a pinned claim the machine put
  elsewhere is taken back to its pinned story; a machine story holding pinned claims is dissolved
  into the pinned stories, its other claims following the pin most of its pinned claims hold (new
  evidence joins the reviewed story it was grouped with); stories emptied are dropped;
- a reviewer's status is written over the machine's in the story row, and the machine's own is kept
  in the story's review state. Each time the machine rewrites a reviewed story, its evidence is
  compared with what it was at the last review: a new independent source, a new contradiction or
  denial, or another machine status flag the story "changed since review" (`changes`) until someone
  reviews it again.

An incremental run only adds claims, so it finds every pinned claim in place and the work is one
query over the pins. See docs/review.md.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Optional

from claimdesk.corroborate.copies import order_key
from claimdesk.corroborate.engine import _evidence, _story, draft_of, stored_draft
from claimdesk.corroborate.contradictions import is_denial
from claimdesk.corroborate.grouping import draft_from_claims, story_id
from claimdesk.corroborate.vectors import Weights
from claimdesk.store import Store
from claimdesk.store import corroboration as state
from claimdesk.store import reviews
from claimdesk.store.stories import StoryMention, add_mentions, load_origins, write_story_rows


@dataclass
class PinReport:
    stories_rewritten: list[str] = field(default_factory=list)
    stories_removed: list[str] = field(default_factory=list)
    flagged: list[str] = field(default_factory=list)  # reviewed stories that newly changed since review


def apply_reviews(store: Store) -> PinReport:
    """Put pinned claims back in their stories, then the reviewers' statuses over the machine's."""
    report = PinReport()
    restore_pins(store, report)
    sync_reviews(store, report)
    return report


def restore_pins(store: Store, report: Optional[PinReport] = None) -> PinReport:
    report = report or PinReport()
    with store.engine.begin() as conn:
        pinned = reviews.pins(conn)
        if not pinned:
            return report
        where = reviews.story_of_claims(conn, pinned)
        present = reviews.existing_claims(conn, pinned)
        violating = {c for c in present if where.get(c) != pinned[c]}
        if not violating:
            return report
        keys = set(pinned.values())
        affected = {where[c] for c in violating if c in where} | {pinned[c] for c in violating}
        members = reviews.claims_of_stories(conn, affected)
        rebuilt = {pinned[c] for c in violating} | (affected & keys)
        target: dict[str, list[str]] = {k: [] for k in sorted(rebuilt)}
        for c in sorted(present):
            if pinned[c] in target:
                target[pinned[c]].append(c)
        for story, claims in sorted(members.items()):
            free = [c for c in claims if c not in pinned]
            if not free:
                continue
            if story in target:  # new evidence that joined a reviewed story stays in it
                target[story].extend(free)
                continue
            votes = Counter(pinned[c] for c in claims if c in pinned)
            follow = min(votes, key=lambda k: (-votes[k], k))
            target[follow].extend(free)
        written = {k: cs for k, cs in target.items() if cs}
        removed = sorted(affected - set(written))
        _rewrite(conn, store, written, set(removed))
        reviews.remove_stories(conn, removed)
        report.stories_rewritten += sorted(written)
        report.stories_removed += removed
    return report


def _rewrite(conn, store: Store, membership: dict[str, list[str]], removed: set[str]) -> None:  # noqa: ANN001
    """Story rows, drafts and mentions of the pinned stories, from their claims."""
    claims = state.claims_by_id(conn, {c for cs in membership.values() for c in cs})
    doc_ids = {c.document_id for c in claims.values()}
    copy_of = reviews.copies_of(conn, doc_ids)
    docs = state.document_headers(store, doc_ids | set(copy_of.values()))
    origins = load_origins(conn, doc_ids)
    weights = Weights.from_bytes(state.get_meta(store, "df"))
    old = {k: draft_of(v) for k, v in state.load_drafts(conn, membership).items()}
    drafts, stories, mentions = [], [], []
    for key in sorted(membership):
        cs = sorted((claims[c] for c in membership[key] if c in claims),
                    key=lambda c: (order_key(docs[c.document_id]), c.span[0], c.id))
        if not cs:
            continue
        draft = draft_from_claims(key, cs, weights)
        before = old.get(key)
        lead = _kept_lead(key, cs, before)
        if lead is not None:
            draft.lead_claim = lead
        if before is not None and before.continued_by and before.continued_by not in removed:
            draft.continued_by = before.continued_by
        drafts.append(draft)
        stories.append(_story(draft, _evidence(cs, docs, copy_of, origins), docs))
        mentions += [StoryMention(c.id, key, c.document_id, copy_of.get(c.document_id)) for c in cs]
    state.save_drafts(conn, [stored_draft(d) for d in drafts])
    write_story_rows(conn, stories)
    # mentions leave the stories being dropped before those rows go (remove_stories), and join
    # the rewritten ones, whose rows now exist
    add_mentions(conn, mentions)


def _kept_lead(key: str, claims: list, before) -> Optional[object]:  # noqa: ANN001
    """The story's lead stays what it was (a merge into A keeps A's wording and what new claims are
    compared with): its stored draft's lead, else the claim whose id the story id was made from."""
    by_id = {c.id: c for c in claims}
    if before is not None:
        try:
            lead_id = before.lead.id
        except AssertionError:
            lead_id = None
        if lead_id in by_id and not is_denial(by_id[lead_id]):
            return by_id[lead_id]
    return next((c for c in claims if story_id(c.id) == key and not is_denial(c)), None)


def evidence_snapshot(row: reviews.StoryEvidence) -> dict:
    """What a reviewer saw: against it, later evidence is new."""
    return {"machine_status": row.status, "independent_sources": row.independent_sources,
            "contradictions": [[c["kind"], sorted(c.get("mentions", []))] for c in row.contradictions]}


def changes_since(baseline: dict, row: reviews.StoryEvidence) -> list[str]:
    """New evidence in `row` (the machine's latest) against what the reviewer saw."""
    if not baseline:
        return []
    out = []
    before = baseline.get("independent_sources")
    if before is not None and row.independent_sources > before:
        out.append(f"new independent source: {before} -> {row.independent_sources}")
    seen = {(k, tuple(m)) for k, m in baseline.get("contradictions", [])}
    for c in row.contradictions:
        if (c["kind"], tuple(sorted(c.get("mentions", [])))) in seen:
            continue
        out.append(("new denial: " if c["kind"] == "denial" else f"new {c['kind']} contradiction: ") + c["detail"])
    was = baseline.get("machine_status")
    if was and row.status != was:
        out.append(f"machine status now {row.status} (was {was})")
    return out


def _same_time(a: Optional[datetime], b: Optional[datetime]) -> bool:
    if a is None or b is None:
        return False
    aware = lambda t: t if t.tzinfo else t.replace(tzinfo=timezone.utc)  # noqa: E731  (SQLite keeps no zone)
    return aware(a) == aware(b)


def sync_reviews(store: Store, report: Optional[PinReport] = None, story_ids: Optional[Iterable[str]] = None) -> PinReport:
    """For each reviewed story the machine rewrote since: keep its status as the machine's, flag
    new evidence, and put the reviewer's status back over it."""
    report = report or PinReport()
    with store.engine.begin() as conn:
        states = reviews.review_states(conn, story_ids)
        rows = reviews.story_evidence(conn, states)
        for sid, st in sorted(states.items()):
            row = rows.get(sid)
            if row is None or _same_time(row.updated_at, st.synced_row_at):
                continue
            had = bool(st.changes)
            st.machine_status = row.status
            st.changes = changes_since(st.baseline, row)
            st.synced_row_at = row.updated_at
            reviews.save_state(conn, st)
            if st.status and row.status != st.status:
                reviews.set_story_status(conn, sid, st.status)
            if st.changes and not had:
                report.flagged.append(sid)
    return report
