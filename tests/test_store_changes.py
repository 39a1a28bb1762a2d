"""The story-event log (what a corroboration run changed), follows, and which stories a follow covers."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from claimdesk.models import Attribution, Claim, Contradiction, Document, Mention, Place, Story
from claimdesk.report.digest import build_digest
from claimdesk.store import Store, changes
from claimdesk.store.changes import StorySnapshot, diff
from claimdesk.store.follows import NoSuchStory, follow, follows, unfollow
from claimdesk.store.stories import save_stories

AT = datetime(2024, 10, 17, 9, 0, tzinfo=timezone.utc)
NUMBER = Contradiction(kind="number", detail="six vs Twenty", mentions=["c2", "c1"])
DENIAL = Contradiction(kind="denial", detail="The Kremlin denies: …", mentions=["c3", "c1"])


def _snap(status="single_source", sources=None, contradictions=(), story_id="s1") -> StorySnapshot:
    story = Story(id=story_id, text="Six officers were killed near Donetsk.", status=status,
                  independent_sources=len(sources or {"outlet:sofrep": "SOFREP"}), contradictions=list(contradictions))
    return StorySnapshot.of(story, sources or {"outlet:sofrep": "SOFREP"})


def _kinds(found) -> list[str]:
    return [c.kind for c in found]


def test_a_story_seen_first_is_new_and_its_denial_is_reported_with_it():
    assert _kinds(diff(None, _snap(), 1, AT)) == ["new_story"]
    assert _kinds(diff(None, _snap("denied", contradictions=[DENIAL]), 1, AT)) == ["new_story", "new_denial"]


def test_the_same_snapshot_again_changes_nothing():
    assert diff(_snap(contradictions=[NUMBER]), _snap(contradictions=[NUMBER]), 2, AT) == []
    # a contradiction between the same mentions, worded anew as the story grows, is not new
    reworded = Contradiction(kind="number", detail="6 vs 20 killed", mentions=["c1", "c2"])
    assert diff(_snap(contradictions=[NUMBER]), _snap(contradictions=[reworded]), 2, AT) == []


def test_status_origin_contradiction_and_denial_each_reported():
    before = _snap()
    after = _snap("contested", {"outlet:sofrep": "SOFREP", "outlet:kyivmonitor": "Kyiv Monitor"}, [NUMBER, DENIAL])
    found = diff(before, after, 2, AT)
    assert _kinds(found) == ["status_changed", "new_origin", "new_denial", "new_contradiction"]
    assert found[1].detail == "Kyiv Monitor (independent sources 1 → 2)"
    assert (found[0].before, found[0].after) == ("single_source", "contested")
    # a source that only moved (same key) is no new origin
    assert diff(after, _snap("contested", {"outlet:kyivmonitor": "Kyiv Monitor", "outlet:sofrep": "SOFREP"},
                              [NUMBER, DENIAL]), 3, AT) == []


def test_a_story_snapshotted_from_its_row_reports_origins_by_count():
    before = StorySnapshot("s1", "single_source", 1, None, ())
    assert _kinds(diff(before, _snap(), 2, AT)) == []
    two = _snap("corroborated", {"outlet:a": "A", "outlet:b": "B"})
    assert [c.detail for c in diff(before, two, 2, AT)] == ["single_source → corroborated",
                                                              "independent sources 1 → 2"]


def test_record_appends_and_keeps_snapshots(sqlite_url):
    store = Store(sqlite_url)
    run = changes.begin_run(store, full=False)
    with store.engine.begin() as conn:
        assert _kinds(changes.record(conn, run, [_snap()])) == ["new_story"]
    with store.engine.begin() as conn:
        assert changes.record(conn, run, [_snap()]) == []
        assert _kinds(changes.record(conn, run, [_snap("denied", contradictions=[DENIAL])])) == [
            "status_changed", "new_denial"]
    changes.end_run(store, run, 3)
    recorded = changes.changes_since(store)
    assert _kinds(recorded) == ["new_story", "status_changed", "new_denial"]
    assert _kinds(changes.changes_since(store, after_id=recorded[0].id)) == ["status_changed", "new_denial"]
    assert changes.changes_since(store, since=datetime(2099, 1, 1, tzinfo=timezone.utc)) == []
    assert changes.recent_runs(store)[0].documents == 3


def _stored_story(store: Store) -> Story:
    text = "Twenty North Korean soldiers were killed near Donetsk, the Kremlin denied."
    doc = Document(id="d" * 64, source="t.txt", outlet="Kyiv Monitor", published=date(2024, 10, 17), text=text)
    store.add_document(doc)
    claim = Claim(id=Claim.make_id(doc.id, (0, len(text))), document_id=doc.id, text=text, span=(0, len(text)), line=1,
                  actors=["North Korean soldiers"], attribution=Attribution(kind="none"),
                  places=[Place(name="Donetsk", lat=48.0, lon=37.8, country="UA")])
    store.replace_claims(doc.id, [claim])
    story = Story(id="abcdef0123456789", text=text, places=claim.places)
    story.mentions = [Mention(claim=claim.id, document=doc.id, outlet="Kyiv Monitor", span=claim.span, text=text)]
    save_stories(store, [story])
    return story


def test_follow_is_idempotent_resolves_prefixes_and_refuses_unknown_stories(sqlite_url):
    store = Store(sqlite_url)
    story = _stored_story(store)
    follow(store, "term", "  Donetsk ")
    follow(store, "term", "Donetsk")
    assert [(f.kind, f.value) for f in follows(store)] == [("term", "Donetsk")]
    assert follow(store, "story", "abcdef").value == story.id
    with pytest.raises(NoSuchStory):
        follow(store, "story", "abc")  # too short to be a prefix
    with pytest.raises(NoSuchStory):
        follow(store, "story", "ffffff")
    with pytest.raises(ValueError):
        follow(store, "outlet", "Reuters")
    assert unfollow(store, "term", "Donetsk") and not unfollow(store, "term", "Donetsk")


@pytest.mark.parametrize("kind,value,covered", [
    ("term", "Donetsk", True), ("term", "donetsk", True), ("term", "Donet", False), ("term", "Kursk", False),
    ("actor", "North Korean soldiers", True), ("actor", "soldiers", True), ("actor", "Kremlin", False),
    ("place", "Donetsk", True), ("place", "Kyiv", False),
])
def test_which_stories_a_follow_covers(sqlite_url, kind, value, covered):
    store = Store(sqlite_url)
    story = _stored_story(store)
    run = changes.begin_run(store, full=False)
    with store.engine.begin() as conn:
        changes.record(conn, run, [StorySnapshot.of(story, {"outlet:kyivmonitor": "Kyiv Monitor"})])
    follow(store, kind, value)
    digest = build_digest(store)
    assert digest.scope == "followed"
    assert [s.id for s in digest.stories] == ([story.id] if covered else [])
    assert [s.id for s in build_digest(store, everything=True).stories] == [story.id]
