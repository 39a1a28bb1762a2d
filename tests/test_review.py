"""Corrections on a store made by the real pipeline: each one holds through `corroborate --full`
and incremental runs, new evidence flags a reviewed story, the log is append-only, tokens are
hashed, and the exports carry the review."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from sqlalchemy import select, text

from claimdesk import review
from claimdesk.corroborate import corroborate
from claimdesk.report.claimreview import write_claimreview
from claimdesk.report.csv_export import write_csv
from claimdesk.report.ledger_json import write_json
from claimdesk.store import Store, reviews, schema
from claimdesk.store.stories import get_story
from review_support import add_second_report, build_review_store, memberships, sofrep_stories, story_saying

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory, samples_dir, corpus_dir):
    path = tmp_path_factory.mktemp("review") / "base.sqlite"
    store = build_review_store(f"sqlite:///{path}", samples_dir, corpus_dir)
    with store.engine.begin() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    store.close()
    return path


@pytest.fixture
def store(built, tmp_path):
    copy = tmp_path / "store.sqlite"
    shutil.copy(built, copy)
    s = Store(f"sqlite:///{copy}")
    yield s
    s.close()


def test_a_full_run_alone_gives_the_same_stories(store):
    # the control for the tests below: without corrections, --full regroups as before, so what the
    # corrections change after --full is their doing
    before = memberships(store)
    corroborate(store, incremental=False)
    assert memberships(store) == before


def test_every_correction_survives_corroborate_full(store):
    stories = sofrep_stories(store)  # best-sourced first: six officers; 18 deserters; the deployment, denied
    a, b, c = (s.id for s in stories[:3])
    d = next(s.id for s in stories[3:] if len(s.mentions) == 2)  # the pact, told twice
    assert len(get_story(store, c).mentions) >= 4 and len(get_story(store, d).mentions) == 2
    merged_size = len(get_story(store, a).mentions) + len(get_story(store, b).mentions)
    review.merge(store, [a, b], "ana", note="one desertion report told twice")
    moved_out = get_story(store, c).mentions[1].claim
    out = review.move(store, moved_out, None, "ana", note="another event").story
    moved_over = get_story(store, c).mentions[1].claim
    review.move(store, moved_over, d, "bo")
    review.set_status(store, d, "denied", "the ministry's statement of 17 October", "bo")
    review.add_note(store, c, "called the regional office", "ana")
    merged = get_story(store, a)
    assert get_story(store, b) is None and len(merged.mentions) == merged_size
    reviewed = memberships(store)
    assert moved_out not in reviewed[c][1] and reviewed[out][1] == {moved_out}
    assert moved_over in reviewed[d][1] and reviewed[d][0] == "denied"

    corroborate(store, incremental=False)
    again = memberships(store)
    for sid in (a, c, d, out):
        assert again[sid] == reviewed[sid], sid
    assert b not in again
    shown = get_story(store, d)
    assert shown.status == "denied" and shown.review.machine_status == "single_source"
    assert shown.review.by == "bo" and shown.review.reason.startswith("the ministry")
    assert not shown.review.changed_since_review  # the same evidence again is nothing new
    assert get_story(store, c).review.note == "called the regional office"
    # and an incremental run with nothing new changes nothing either
    corroborate(store)
    assert memberships(store) == again


def test_new_evidence_flags_a_story_whose_status_was_set_by_hand(store):
    _flag_then_review_again(store)


@pytest.mark.postgres
def test_corrections_and_the_flag_on_postgresql(fresh_postgres_url, samples_dir, corpus_dir):
    store = build_review_store(fresh_postgres_url, samples_dir, corpus_dir)
    try:
        _flag_then_review_again(store)
        six = story_saying(store, "six North Korean officers").id
        a, b = [s.id for s in sofrep_stories(store) if s.id != six][:2]
        review.merge(store, [a, b], "ana")
        merged = memberships(store)[a]
        corroborate(store, incremental=False)
        assert memberships(store)[a] == merged and b not in memberships(store)
        with pytest.raises(Exception, match="append-only"):
            with store.engine.begin() as conn:
                conn.execute(text("DELETE FROM review_log"))
    finally:
        store.close()


def _flag_then_review_again(store: Store) -> None:
    six = story_saying(store, "six North Korean officers")
    assert six.status == "single_source" and six.independent_sources == 1
    review.set_status(store, six.id, "corroborated", "two of our reporters confirmed it", "ana")
    add_second_report(store)
    corroborate(store)
    after = get_story(store, six.id)
    assert after.status == "corroborated"  # the reviewer's, not silently changed back
    assert after.review.machine_status == "contested"
    assert after.review.changed_since_review
    changes = " | ".join(after.review.changes)
    assert "new independent source: 1 -> 2" in changes and "new number contradiction" in changes
    assert {m.outlet for m in after.mentions} >= {"SOFREP", "Kyiv Monitor"}
    # reviewing it again clears the flag; --full after that keeps it clear and the status
    review.set_status(store, six.id, "contested", "the second report's count differs", "bo")
    corroborate(store, incremental=False)
    final = get_story(store, six.id)
    assert final.status == "contested" and not final.review.changed_since_review


def test_giving_the_status_back_to_the_machine(store):
    story = sofrep_stories(store)[0]
    review.set_status(store, story.id, "denied", "checking", "ana")
    review.set_status(store, story.id, review.MACHINE, "the denial was about another strike", "ana")
    shown = get_story(store, story.id)
    assert shown.status == story.status and shown.review.status is None
    corroborate(store, incremental=False)
    assert get_story(store, story.id).status == story.status


def test_corrections_refused_for_what_does_not_exist(store):
    a = sofrep_stories(store)[0].id
    with pytest.raises(reviews.ReviewError, match="no such story"):
        review.merge(store, [a, "f" * 32], "ana")
    with pytest.raises(reviews.ReviewError, match="two or more"):
        review.merge(store, [a, a], "ana")
    with pytest.raises(reviews.ReviewError, match="reason"):
        review.set_status(store, a, "denied", "  ", "ana")
    with pytest.raises(reviews.ReviewError, match="expected a status"):
        review.set_status(store, a, "false", "x", "ana")
    with pytest.raises(reviews.ReviewError, match="no story has a mention"):
        review.move(store, "0" * 32, None, "ana")
    assert reviews.log_entries(store) == []


def test_the_log_is_append_only_and_says_before_and_after(store):
    a, b = (s.id for s in sofrep_stories(store)[:2])
    merged_size = len(get_story(store, a).mentions) + len(get_story(store, b).mentions)
    review.merge(store, [a, b], "ana", note="same")
    review.set_status(store, a, "denied", "the ministry", "bo")
    entries = reviews.log_entries(store)
    assert [(e.user, e.action) for e in entries] == [("ana", "merge"), ("bo", "status")]
    assert set(entries[0].before["stories"]) == {a, b} and entries[0].after["mentions"] == merged_size
    assert entries[1].before["status"] == "single_source" and entries[1].after["status"] == "denied"
    assert [e.id for e in reviews.log_entries(store, b)] == [entries[0].id]  # the merged-away story's history
    assert reviews.merged_into(store, b) == a and reviews.merged_into(store, a) is None
    for statement in ("UPDATE review_log SET user_name = 'eve'", "DELETE FROM review_log",
                      "DELETE FROM review_log_stories"):
        with pytest.raises(Exception, match="append-only"):
            with store.engine.begin() as conn:
                conn.execute(text(statement))
    assert [e.user for e in reviews.log_entries(store)] == ["ana", "bo"]


def test_tokens_are_stored_hashed_and_name_their_user(store):
    assert not reviews.has_users(store)
    token = reviews.add_user(store, "ana")
    other = reviews.add_user(store, "bo")
    assert token != other and len(token) >= 40
    with store.engine.connect() as conn:
        stored = conn.execute(select(schema.users.c.name, schema.users.c.token_hash)).all()
    assert dict(stored)["ana"] == reviews.hash_token(token) and token not in {h for _, h in stored}
    assert reviews.user_for_token(store, token) == "ana" and reviews.user_for_token(store, other) == "bo"
    assert reviews.user_for_token(store, token[:-1]) is None and reviews.user_for_token(store, "") is None
    with pytest.raises(reviews.ReviewError, match="exists already"):
        reviews.add_user(store, "ana")
    with pytest.raises(reviews.ReviewError, match="user name"):
        reviews.add_user(store, "ana; drop table")


def test_exports_carry_the_review(store):
    stories = sofrep_stories(store)
    a, untouched = stories[0].id, stories[1].id
    review.set_status(store, a, "denied", "the ministry's statement", "ana")
    review.add_note(store, a, "asked the regional office", "bo")
    ledger = {s["id"]: s for s in json.loads(_run(write_json, store))}
    assert ledger[a]["status"] == "denied" and ledger[untouched]["review"] is None
    assert ledger[a]["review"] | {"at": None} == {
        "status": "denied", "by": "bo", "at": None, "note": "asked the regional office",
        "reason": "the ministry's statement", "machine_status": "single_source", "changed_since_review": False,
        "changes": []}
    rows = {r["story_id"]: r for r in csv.DictReader(io.StringIO(_run(write_csv, store)))}
    assert (rows[a]["status"], rows[a]["review_status"], rows[a]["machine_status"], rows[a]["reviewed_by"]) == \
        ("denied", "denied", "single_source", "bo")
    assert rows[untouched]["reviewed_by"] == "" and rows[untouched]["status"] == "single_source"
    claim_reviews = {r["identifier"]: r for r in json.loads(_run(write_claimreview, store))}
    mine = claim_reviews[a]
    assert mine["author"] == {"@type": "Person", "name": "bo"} and mine["reviewBody"] == "asked the regional office"
    assert mine["reviewRating"]["alternateName"] == "denied" and mine["reviewRating"]["ratingValue"] == 1
    assert mine["reviewRating"]["ratingExplanation"] == "the ministry's statement"
    assert claim_reviews[untouched]["author"] == {"@type": "Organization", "name": "claimdesk"}


def _run(writer, store) -> str:  # noqa: ANN001
    out = io.StringIO()
    writer(store, out)
    return out.getvalue()


def test_marks_made_before_users_become_log_entries(tmp_path):
    from datetime import datetime, timezone

    from claimdesk.models import Story
    from claimdesk.store.migrations import LEGACY_REVIEWER
    from claimdesk.store.stories import save_stories

    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    store = Store(url)
    save_stories(store, [Story(id="old-story", text="Six officers were killed near Donetsk.")])
    with store.engine.begin() as conn:  # as a store at migration 9 holding a mark from before users
        conn.execute(schema.schema_migrations.delete().where(schema.schema_migrations.c.version == 10))
        conn.execute(schema.story_reviews.insert().values(story_id="old-story", note="checked twice",
                                                   reviewed_at=datetime(2026, 1, 5, tzinfo=timezone.utc)))
    store.close()
    store = Store(url)
    [entry] = reviews.log_entries(store)
    assert (entry.user, entry.action, entry.story, entry.note) == (LEGACY_REVIEWER, "reviewed", "old-story", "checked twice")
    shown = get_story(store, "old-story").review
    assert shown.by == LEGACY_REVIEWER and shown.note == "checked twice" and shown.machine_status == "single_source"
    assert 10 in store.migrations_applied()
    store.close()
