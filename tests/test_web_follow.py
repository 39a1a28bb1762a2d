"""The desk pages over HTTP: following needs the token and stays on this site; the digest page shows
the recorded changes of what is followed."""

from __future__ import annotations

from fastapi.testclient import TestClient

from claimdesk.models import Contradiction, Story
from claimdesk.store import Store, changes
from claimdesk.store.changes import StorySnapshot
from claimdesk.store.follows import follows
from claimdesk.store.stories import save_stories
from claimdesk.web.app import create_app

TOKEN = "follow-test-token"
KURSK = Story(id="kursk0000001", text="Eighteen North Korean soldiers deserted near Kursk.", status="single_source")
GAZA = Story(id="gaza00000001", text="An aid convoy reached Gaza.", status="single_source")


def _client(url: str) -> tuple[TestClient, Store]:
    store = Store(url)
    save_stories(store, [KURSK, GAZA])
    run = changes.begin_run(store, full=False)
    with store.engine.begin() as conn:
        changes.record(conn, run, [StorySnapshot.of(s, {"outlet:sofrep": "SOFREP"}) for s in (KURSK, GAZA)])
    denied = KURSK.model_copy(update={"status": "denied", "contradictions": [
        Contradiction(kind="denial", detail="the Kremlin denies: fake news", mentions=["a", "b"])]})
    with store.engine.begin() as conn:
        changes.record(conn, run, [StorySnapshot.of(denied, {"outlet:sofrep": "SOFREP"})])
    return TestClient(create_app(store, token=TOKEN)), store


def test_following_needs_the_token_and_returns_only_to_this_site(sqlite_url):
    client, store = _client(sqlite_url)
    assert client.post("/follows", data={"kind": "term", "value": "Kursk"}).status_code == 401
    assert client.post("/follows", data={"kind": "term", "value": "Kursk", "token": "nope"}).status_code == 401
    assert follows(store) == []
    done = client.post("/follows", data={"kind": "term", "value": "Kursk", "token": TOKEN, "next": "//evil.example/x"},
                       follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"].startswith("/follows?saved=")
    bad = client.post("/follows", data={"kind": "story", "value": "nosuchstory", "token": TOKEN}, follow_redirects=False)
    assert "error=expected+the+id" in bad.headers["location"]
    assert [(f.kind, f.value) for f in follows(store)] == [("term", "Kursk")]
    assert "Kursk" in client.get("/follows").text
    gone = client.post("/follows/remove", data={"kind": "term", "value": "Kursk", "token": TOKEN}, follow_redirects=False)
    assert gone.status_code == 303 and follows(store) == []


def test_digest_page_shows_followed_changes_only(sqlite_url):
    client, store = _client(sqlite_url)
    everything = client.get("/digest?since=2000-01-01").text
    assert 'data-story="kursk0000001"' in everything and 'data-story="gaza00000001"' in everything
    client.post("/follows", data={"kind": "term", "value": "Kursk", "token": TOKEN})
    followed = client.get("/digest?since=2000-01-01").text
    assert 'data-story="kursk0000001"' in followed and 'data-story="gaza00000001"' not in followed
    assert "the Kremlin denies: fake news" in followed and "single_source → denied" in followed
    assert 'data-story="gaza00000001"' in client.get("/digest?since=2000-01-01&all=1").text
    assert "Nothing changed" in client.get("/digest?since=2099-01-01").text
    assert client.get("/digest?since=yesterday").status_code == 400
