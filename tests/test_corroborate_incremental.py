"""Incremental corroboration gives the stories a full run gives, every claim is in one story whose
row matches its mentions, long stories hand over to a continuation, and results do not depend on
the hash seed."""

from __future__ import annotations

import importlib.util
import os
import random
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from claimdesk.corroborate import corroborate, grouping
from claimdesk.corroborate.engine import _stories, draft_of
from claimdesk.store import corroboration as state
from claimdesk.store import schema
from claimdesk.corroborate.grouping import StoryGrouper
from claimdesk.corroborate.vectors import Weights
from claimdesk.models import Claim, Document
from claimdesk.store import Store
from claimdesk.store.stories import copies, iter_stories
from system_programs import shared_files

REPO = Path(__file__).resolve().parent.parent
CHUNK = 16


def _republish(text: str, seed: int) -> str:
    spec = importlib.util.spec_from_file_location("eval_syndication", REPO / "bench" / "eval_syndication.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.republish(text, random.Random(seed))


def _sentence_claims(doc: Document) -> list[Claim]:
    out, start = [], 0
    for line in doc.text.split("\n"):
        end = start + len(line)
        if line.strip():
            out.append(Claim(id=Claim.make_id(doc.id, (start, end)), document_id=doc.id, text=line,
                             span=(start, end), line=doc.line_of(start)))
        start = end + 1
    return out


def _slice(corpus_dir: Path) -> list[Document]:
    """PolNeAR articles of one busy month (several outlets on the same events) and a few republished
    copies, in publication order, each ingested after the one before."""
    paths = sorted(shared_files(corpus_dir / "polnear" / "train" / "text", "*_2016-03-*.txt", 40),
                   key=lambda p: (p.stem.split("_")[1], p.name))[:40]
    t0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
    docs = []
    for i, p in enumerate(paths):
        outlet, day, _ = p.stem.split("_", 2)
        published = date.fromisoformat(day)
        text = p.read_text(encoding="utf-8")
        docs.append(Document.from_text(text, source=str(p), outlet=outlet, published=published))
        if i % 5 == 2:  # a copy the next day, from another outlet
            docs.append(Document.from_text(_republish(text, i), source=f"copy-{i}", outlet=f"reprint-{i % 3}",
                                           published=published + timedelta(days=1)))
    docs.sort(key=lambda d: (d.published, d.source))
    return [d.model_copy(update={"ingested_at": t0 + timedelta(seconds=i)}) for i, d in enumerate(docs)]


def _snapshot(store: Store) -> list[tuple]:
    return sorted((s.id, s.text, s.status, s.independent_sources, s.first_seen,
                   tuple(sorted((m.claim, m.copy_of) for m in s.mentions)),
                   tuple((c.kind, c.detail, tuple(c.mentions)) for c in s.contradictions))
                  for s in iter_stories(store))


@pytest.mark.slow
def test_incremental_runs_give_the_stories_of_a_full_run(corpus_dir, tmp_path):
    docs = _slice(corpus_dir)
    assert len(docs) >= 45
    store = Store(f"sqlite:///{tmp_path / 'incremental.sqlite'}")
    runs = []
    for start in range(0, len(docs), CHUNK):
        for d in docs[start:start + CHUNK]:
            store.add_document(d, claims=_sentence_claims(d))
        runs.append(corroborate(store, batch_size=CHUNK).documents)
    assert runs == [len(docs[i:i + CHUNK]) for i in range(0, len(docs), CHUNK)]
    incremental = _snapshot(store)
    assert copies(store)  # the slice has copies, and they count
    assert any(s[3] >= 2 for s in incremental)  # and stories told by several outlets

    corroborate(store, incremental=False, batch_size=CHUNK)
    assert _snapshot(store) == incremental


def test_every_claim_is_placed_once_and_story_rows_match_their_mentions(corpus_dir, tmp_path):
    docs = _slice(corpus_dir)[:30]
    store = Store(f"sqlite:///{tmp_path / 'placed.sqlite'}")
    for d in docs:
        store.add_document(d, claims=_sentence_claims(d))
    corroborate(store, batch_size=12)
    stories = {s.id: s for s in iter_stories(store)}
    mentions = [m.claim for s in stories.values() for m in s.mentions]
    assert len(mentions) == len(set(mentions))
    assert all(s.mentions for s in stories.values())
    # rebuilt from their stored mentions now, the story rows come out as written
    with store.engine.connect() as conn:
        drafts = {i: draft_of(d) for i, d in state.load_drafts(conn, sorted(stories)).items()}
        assert set(drafts) == set(stories)
        assert all(drafts[i].mentions == len(stories[i].mentions) for i in stories)
        for d in drafts.values():
            d.claims = []
        rebuilt = _stories(conn, store, [drafts[i] for i in sorted(stories)], copies(store))
    for s in rebuilt:
        stored = stories[s.id]
        assert (s.status, s.independent_sources, s.first_seen, s.text, s.contradictions) == \
            (stored.status, stored.independent_sources, stored.first_seen, stored.text, stored.contradictions)


def _claim(doc: str, text: str) -> Claim:
    return Claim(id=Claim.make_id(doc, (0, len(text))), document_id=doc, text=text, span=(0, len(text)), line=1)


def test_a_full_story_hands_over_to_its_continuation(monkeypatch):
    monkeypatch.setattr(grouping, "MAX_MENTIONS", 3)
    text = "Rescue teams pulled fourteen survivors from the collapsed Kathmandu hotel on Tuesday"
    claims = [_claim(f"d{i}", text + "." * (i % 2)) for i in range(7)]
    grouper = StoryGrouper(Weights())
    stories = grouper.add(claims[:5])
    first, second = stories
    assert [len(s.claims) for s in stories] == [3, 2]
    assert first.continued_by == second.id
    # a later batch, from stored drafts: the full story's claims go on to its continuation
    later = StoryGrouper(Weights(), [first, second])
    for s in later.stories:
        s.stored, s.claims, s.touched = len(s.claims), [], False
    assert [s.id for s in later.add(claims[5:6])] == [second.id]
    assert second.mentions == 3 and second.continued_by is None
    # the continuation is full in turn: the next claim opens a third story
    assert [s.id for s in later.add(claims[6:])] == [second.id, grouping.story_id(claims[6].id)]
    assert second.continued_by == grouping.story_id(claims[6].id) and len(later.stories) == 3


_DIGEST = """
import hashlib, json, sys
from claimdesk.corroborate import corroborate
from claimdesk.store import Store
from claimdesk.store.stories import iter_stories
store = Store(sys.argv[1])
corroborate(store, incremental=False, batch_size=int(sys.argv[2]))
rows = sorted([s.id, s.status, s.independent_sources, sorted(m.claim for m in s.mentions),
               [c.model_dump() for c in s.contradictions]] for s in iter_stories(store))
print(hashlib.sha256(json.dumps(rows, default=str).encode()).hexdigest())
"""


@pytest.mark.slow
def test_stories_do_not_depend_on_the_hash_seed(corpus_dir, tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'seed.sqlite'}")
    for d in _slice(corpus_dir):
        store.add_document(d, claims=_sentence_claims(d))
    store.close()
    digests = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", _DIGEST, f"sqlite:///{tmp_path / 'seed.sqlite'}", str(CHUNK)],
                             capture_output=True, text=True, check=True, env=env, cwd=REPO)
        digests.add(out.stdout.strip())
    assert len(digests) == 1


@pytest.mark.postgres
def test_postgresql_and_sqlite_give_the_same_stories_incrementally(corpus_dir, tmp_path, fresh_postgres_url):
    docs = _slice(corpus_dir)[:32]
    snapshots = []
    for url in (f"sqlite:///{tmp_path / 'same.sqlite'}", fresh_postgres_url):
        store = Store(url)
        for start in range(0, len(docs), CHUNK):
            for d in docs[start:start + CHUNK]:
                store.add_document(d, claims=_sentence_claims(d))
            corroborate(store, batch_size=CHUNK)
        snapshots.append(_snapshot(store))
        store.close()
    assert snapshots[0] and snapshots[0] == snapshots[1]


def test_stories_stored_without_drafts_get_one_rebuilt_from_their_claims(corpus_dir, tmp_path):
    """A store corroborated before drafts were kept (or filled by `claimdesk load`) goes on incrementally."""
    docs = _slice(corpus_dir)[:32]
    store = Store(f"sqlite:///{tmp_path / 'old.sqlite'}")
    for d in docs[:CHUNK]:
        store.add_document(d, claims=_sentence_claims(d))
    corroborate(store, batch_size=CHUNK)
    before = {s.id: {m.claim for m in s.mentions} for s in iter_stories(store)}
    with store.engine.begin() as conn:
        conn.execute(schema.story_state.delete())
    for d in docs[CHUNK:]:
        store.add_document(d, claims=_sentence_claims(d))
    corroborate(store, batch_size=CHUNK)
    after = {s.id: {m.claim for m in s.mentions} for s in iter_stories(store)}
    assert all(before[i] <= after[i] for i in before)  # no mention lost
    grown = [i for i in before if after[i] != before[i]]
    assert grown
    with store.engine.connect() as conn:
        drafts = state.load_drafts(conn, grown)
    assert set(drafts) == set(grown) and all(drafts[i].mentions == len(after[i]) for i in grown)


def test_the_parts_memo_changes_no_story(corpus_dir, tmp_path, monkeypatch):
    # a lead's parts are kept across batches (`grouping.PartsMemo`) only to save their reading: with every
    # entry dropped at once (a memo of size 0) the stories are the same
    docs = _slice(corpus_dir)[:30]
    snapshots = []
    for size in (grouping.PARTS_MEMO, 0):
        monkeypatch.setattr(grouping.PartsMemo.__init__, "__defaults__", (size,))
        store = Store(f"sqlite:///{tmp_path / f'memo-{size}.sqlite'}")
        for d in docs:
            store.add_document(d, claims=_sentence_claims(d))
        corroborate(store, batch_size=6)
        snapshots.append(_snapshot(store))
    assert snapshots[0] == snapshots[1] and any(s[3] >= 2 for s in snapshots[0])


def test_the_parts_memo_drops_the_oldest_claims_first():
    memo = grouping.PartsMemo(limit=2)
    a, b, c = (_claim(f"d{i}", f"Four people were killed in Kharkiv on day {i}.") for i in range(3))
    first = memo.of(a)
    assert memo.of(a) is first  # read once
    memo.of(b)
    memo.of(c)
    assert list(memo.items) == [b.id, c.id]
    assert memo.of(a) is not first and memo.of(a).words == first.words  # read again, the same parts
