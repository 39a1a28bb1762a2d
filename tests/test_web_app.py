"""The web UI and API in-process (Starlette's test client): pages, escaping, the API, limits, the token."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from claimdesk.web.app import create_app
from test_report_store import build_store

TOKEN = "s3cret-token-for-tests"


@pytest.fixture(scope="module")
def built(tmp_path_factory, samples_dir, corpus_dir):
    return build_store(f"sqlite:///{tmp_path_factory.mktemp('web') / 'w.sqlite'}", samples_dir, corpus_dir)


@pytest.fixture(scope="module")
def client(built):
    return TestClient(create_app(built.store, token=TOKEN, max_body=4096))


def test_stories_list_shows_badges_and_filters(client):
    page = client.get("/stories")
    assert page.status_code == 200
    assert page.text.count('class="story-row"') == 6
    assert '<span class="badge contested">contested</span>' in page.text
    contested = client.get("/stories", params={"status": "contested", "since": "", "q": ""})
    assert contested.status_code == 200 and contested.text.count('class="story-row"') == 1
    assert "18 North Korean soldiers" in contested.text
    assert client.get("/stories", params={"q": "bottomless pit"}).text.count('class="story-row"') == 1
    assert client.get("/stories", params={"place": "bryansk"}).text.count('class="story-row"') == 1


@pytest.mark.parametrize("params", [{"status": "true"}, {"since": "last week"}, {"page": "0"}, {"min_sources": "x"}])
def test_bad_filters_answer_400_with_the_reason(client, params):
    page = client.get("/stories", params=params)
    assert page.status_code == 400 and "expected" in page.text


def test_story_page_shows_every_mention_with_its_span_marked(client, built):
    page = client.get("/stories/story-contested")
    assert page.status_code == 200
    assert page.text.count('class="card mention"') == 2
    assert "anonymous: unnamed intelligence officials" in page.text and "reportedly" in page.text
    marked = re.findall(r'<mark class="claim focus">(.*?)</mark>', page.text, re.S)
    assert marked[0].startswith("Amid the chaos") and "18 North Korean soldiers" in marked[0]
    assert marked[1].startswith("Officials said &lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;")
    assert "<script>alert" not in page.text and "<img src=x" not in page.text and "<b>Evil</b>" not in page.text
    assert "&lt;b&gt;Evil&lt;/b&gt; Outlet" in page.text
    assert "javascript:" not in page.text
    assert "18 deserted vs 25 &lt;b&gt;killed&lt;/b&gt;" in page.text
    copied = client.get("/stories/story-copied").text
    assert "not an independent source" in copied


def test_document_page_shows_the_article_findings_and_claims_in_place(client, built):
    page = client.get(f"/documents/{built.sample.id}")
    assert page.status_code == 200
    assert "duplicated passage" in page.text and "lines 10-18 repeat lines 1-9" in page.text
    assert page.text.count('class="line flagged"') == 9  # lines 10 to 18
    article = page.text.split('<div class="article">', 1)[1]
    assert len(re.findall(r'<mark class="claim">', article)) == 2
    assert 'id="L1"' in page.text and 'id="L55"' in page.text
    hostile = client.get(f"/documents/{built.hostile.id}").text
    assert "<script>" not in hostile.split("</header>", 1)[1]
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in hostile
    assert 'href="javascript:' not in hostile and "<dd>javascript:alert(&#39;url&#39;)" in hostile


def test_timeline_and_map_pages(client):
    timeline = client.get("/timeline")
    assert timeline.status_code == 200 and "<rect" in timeline.text and "2024-10" in timeline.text
    page = client.get("/map")
    assert page.status_code == 200 and page.text.count("<circle data-id=") == 4
    data = re.search(r'<script type="application/json" class="map-data">(.*?)</script>', page.text, re.S).group(1)
    assert "<" not in data and "Oryol \\u003cimg src=x onerror=alert(3)\\u003e" in data
    assert '<script src="/static/map.js"></script>' in page.text


def test_pages_forbid_inline_script_and_foreign_assets(client):
    page = client.get("/stories")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'self'" in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert not re.search(r'(src|href)="(https?:)?//', page.text)
    assert client.get("/static/map.js").status_code == 200 and client.get("/static/claimdesk.css").status_code == 200


def test_unknown_story_and_document_are_404(client):
    assert client.get("/stories/nope").status_code == 404
    assert client.get("/documents/nope").status_code == 404
    assert client.get("/api/stories/nope").status_code == 404


def test_api_lists_stories_with_paging_and_has_an_openapi_schema(client):
    first = client.get("/api/stories", params={"limit": 2}).json()
    second = client.get("/api/stories", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == 6 and len(first["stories"]) == 2
    assert not {s["id"] for s in first["stories"]} & {s["id"] for s in second["stories"]}
    assert client.get("/api/stories", params={"status": "denied"}).json()["stories"][0]["id"] == "story-denied"
    assert client.get("/api/stories", params={"limit": 1000}).status_code == 422
    detail = client.get("/api/stories/story-contested").json()
    assert detail["story"]["status"] == "contested" and len(detail["story"]["mentions"]) == 2
    schema = client.get("/openapi.json").json()
    assert {"/api/stories", "/api/stories/{story_id}", "/api/documents/{document_id}", "/api/map",
            "/api/stories/{story_id}/review"} <= set(schema["paths"])
    geo = client.get("/api/map").json()
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 4


def test_api_document_has_findings_and_claims(client, built):
    body = client.get(f"/api/documents/{built.sample.id}").json()
    assert body["document"]["outlet"] == "sofrep.com"
    assert [f["kind"] for f in body["findings"]] == ["duplicated_passage"] and len(body["claims"]) == 2


def test_writes_need_the_token(client):
    url = "/api/stories/story-single/review"
    assert client.post(url, json={"note": "x"}).status_code == 401
    assert client.post(url, json={"note": "x"}, headers={"Authorization": "Bearer wrong"}).status_code == 401
    ok = client.post(url, json={"note": "checked <b>both</b>"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200 and ok.json()["note"] == "checked <b>both</b>"
    assert client.get("/api/stories/story-single").json()["review"]["note"] == "checked <b>both</b>"
    page = client.get("/stories/story-single").text
    assert '<span class="badge reviewed">reviewed</span>' in page and "checked &lt;b&gt;both&lt;/b&gt;" in page
    form = client.post("/stories/story-denied/review", data={"token": "wrong", "note": "n"}, follow_redirects=False)
    assert form.status_code == 401
    form = client.post("/stories/story-denied/review", data={"token": TOKEN, "note": "n"}, follow_redirects=False)
    assert form.status_code == 303 and client.get("/api/stories/story-denied").json()["review"]["note"] == "n"


def test_read_only_everywhere_else(client):
    assert client.post("/stories").status_code == 405
    assert client.delete("/api/stories/story-contested").status_code == 405
    assert client.put("/api/stories/story-contested", json={}).status_code == 405


def test_bodies_over_the_limit_are_refused_with_413(client):
    big = {"note": "x" * 5000}
    response = client.post("/api/stories/story-single/review", json=big, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 413

    def chunks():
        for _ in range(10):
            yield b"y" * 1000

    streamed = client.post("/api/stories/story-single/review", content=chunks(),
                           headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert streamed.status_code == 413
    small = client.post("/api/stories/story-single/review", content=iter([b'{"note": ', b'"ok"}']),
                        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert small.status_code == 200 and small.json()["note"] == "ok"


def test_pagination_links_carry_the_filters(tmp_path, samples_dir, corpus_dir):
    from datetime import date

    from claimdesk.models import Story
    from claimdesk.store.stories import save_stories

    built = build_store(f"sqlite:///{tmp_path / 'p.sqlite'}", samples_dir, corpus_dir)
    save_stories(built.store, [Story(id=f"s{i:03d}", text=f"statement number {i}", status="denied",
                                     first_seen=date(2020, 1, 1)) for i in range(120)])
    client = TestClient(create_app(built.store))
    first = client.get("/stories", params={"status": "denied"}).text
    assert first.count('class="story-row"') == 50 and "page 1 of 3" in first
    next_link = re.search(r'<a rel="next" href="([^"]+)"', first).group(1).replace("&amp;", "&")
    assert "status=denied" in next_link and "page=2" in next_link
    last = client.get("/stories", params={"status": "denied", "page": 3}).text
    assert last.count('class="story-row"') == 21 and 'rel="next"' not in last
