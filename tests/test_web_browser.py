"""The web UI in real headless Chromium (Debian's package) against a real uvicorn server, on a store
made by the real pipeline (ingest, audit, extract, corroborate) from the sample article and PolNeAR
articles, plus one hostile article whose text is markup, in a contested story with the sample.

Screenshots go to test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import socket
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from claimdesk.models import Contradiction, Document, Story
from claimdesk.store.stories import save_stories
from system_programs import require_system_program
from test_report_store import HOSTILE_PLACE, HOSTILE_TEXT, KURSK, SAMPLE, _claim, _mention

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pipeline_store(url: str, samples_dir: Path, corpus_dir: Path):
    from claimdesk.ingest import IngestOptions
    from claimdesk.pipeline import ingest
    from claimdesk.store import open_store

    from claimdesk.corroborate import corroborate

    store = open_store(url)
    files = [samples_dir / SAMPLE] + sorted((corpus_dir / "polnear" / "dev" / "text").glob("*.txt"))[:8]
    report = ingest(files, store, IngestOptions(published=date(2024, 10, 16)))
    assert report.documents_new == len(files) and not report.rejected
    corroborate(store)

    sample = next(d for d in store.documents() if d.source.endswith(SAMPLE))
    line1 = sample.line_span(1)
    desertion = next(c for c in store.claims_for(sample.id) if c.span[0] < line1[1] and c.span[1] > line1[0])
    hostile = Document.from_text(HOSTILE_TEXT, source="hostile.txt", outlet="<b>Evil</b> Outlet",
                                 url="javascript:alert('url')", title="<script>alert('title')</script>",
                                 published=date(2024, 10, 17))
    first = _claim(hostile, (0, HOSTILE_TEXT.index("\n")), event_type="casualty", places=[KURSK])
    second = _claim(hostile, (HOSTILE_TEXT.index("\n") + 1, len(HOSTILE_TEXT) - 1), places=[HOSTILE_PLACE])
    store.add_document(hostile, claims=[first, second])
    save_stories(store, [
        Story(id="contested-desertion", text=desertion.text, event_type="desertion", status="contested",
              independent_sources=2, first_seen=date(2024, 10, 16), places=[KURSK],
              mentions=[_mention(sample, desertion), _mention(hostile, first)],
              contradictions=[Contradiction(kind="number", detail="18 deserted vs 25 killed",
                                            mentions=[desertion.id, first.id])]),
        Story(id="hostile-place", text=second.text, status="single_source", first_seen=date(2024, 10, 17),
              places=[HOSTILE_PLACE], mentions=[_mention(hostile, second)]),
    ])
    return store, sample, desertion


@pytest.fixture(scope="module")
def server(tmp_path_factory, samples_dir, corpus_dir):
    if not CHROMIUM.exists():
        require_system_program("Debian's chromium (make system-deps)")
    import uvicorn

    from claimdesk.web.app import create_app

    store, sample, desertion = _pipeline_store(
        f"sqlite:///{tmp_path_factory.mktemp('browser') / 'b.sqlite'}", samples_dir, corpus_dir)
    port = _free_port()
    uv = uvicorn.Server(uvicorn.Config(create_app(store, token="browser-test-token"), host="127.0.0.1", port=port,
                                       log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    while not uv.started:
        time.sleep(0.05)
    yield {"base": f"http://127.0.0.1:{port}", "sample": sample, "desertion": desertion, "store": store}
    uv.should_exit = True
    thread.join()


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.problems = []  # script errors, CSP violations and any alert() that ran
        tab.on("console", lambda m: m.type == "error" and tab.problems.append(m.text))
        tab.on("pageerror", lambda e: tab.problems.append(str(e)))
        tab.on("dialog", lambda d: (tab.problems.append(f"dialog: {d.message}"), d.dismiss()))
        yield tab
        browser.close()


def test_filter_to_contested_and_open_the_story(server, page):
    page.goto(server["base"] + "/stories")
    assert page.locator("tr.story-row").count() > 10
    page.screenshot(path=str(ARTIFACTS / "web-stories.png"), full_page=False)
    page.select_option("select[name=status]", "contested")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/stories?*status=contested*")
    rows = page.locator("tr.story-row")
    assert rows.count() >= 1
    assert all(rows.nth(i).get_attribute("data-status") == "contested" for i in range(rows.count()))
    page.screenshot(path=str(ARTIFACTS / "web-stories-contested.png"), full_page=True)
    page.click("a[href='/stories/contested-desertion']")
    page.wait_for_url("**/stories/contested-desertion")
    marks = page.locator("mark.claim.focus")
    assert marks.count() == 2 and marks.first.is_visible()
    assert "18 North Korean soldiers" in marks.first.inner_text()
    assert "<script>alert('pwned')</script>" in marks.nth(1).inner_text()  # shown as text, never run
    assert page.locator("section.mention .outlet").nth(1).inner_text() == "<b>Evil</b> Outlet"
    page.screenshot(path=str(ARTIFACTS / "web-story.png"), full_page=True)
    assert page.problems == []


def test_document_page_shows_findings_and_claims_in_place(server, page):
    page.goto(f"{server['base']}/documents/{server['sample'].id}")
    assert page.locator("li.finding").count() >= 3
    assert "duplicated passage" in page.locator("ul.findings").inner_text()
    assert page.locator(".article mark.claim").count() >= 5
    assert page.locator(".article .line.flagged").count() >= 9
    page.screenshot(path=str(ARTIFACTS / "web-document.png"), full_page=False)
    assert page.problems == []


def test_map_shows_points_and_a_popup_with_text_only(server, page):
    page.goto(server["base"] + "/map")
    circles = page.locator("svg.map circle[data-id]")
    assert circles.count() >= 2
    # Oryol sits next to Kursk and under its better-sourced point, so click the element itself.
    page.locator("svg.map circle[data-id='hostile-place']").dispatch_event("click")
    popup = page.locator(".popup")
    assert popup.is_visible()
    assert "Closing line with </script><!--" in popup.locator(".popup-text").inner_text()
    assert "Oryol <img src=x onerror=alert(3)>" in popup.locator(".popup-meta").inner_text()
    assert popup.locator("img").count() == 0
    assert popup.locator("a.popup-link").get_attribute("href") == "/stories/hostile-place"
    page.screenshot(path=str(ARTIFACTS / "web-map.png"), full_page=False)
    page.click("[data-zoom='0.5']")
    assert page.locator("svg.map").get_attribute("viewBox") != "0 0 360 150"
    assert page.problems == []


def test_timeline_links_to_the_stories_of_a_period(server, page):
    page.goto(server["base"] + "/timeline")
    assert page.locator("svg.timeline rect").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "web-timeline.png"), full_page=True)
    page.locator("table.timeline-table a").first.click()
    page.wait_for_url("**/stories?since=*")
    assert page.locator("tr.story-row").count() >= 1
    assert page.problems == []


def test_static_report_works_offline_in_the_browser(server, page, tmp_path):
    from claimdesk.report.static_html import write_report

    report = tmp_path / "report.html"
    with report.open("w", encoding="utf-8") as handle:
        write_report(server["store"], handle)
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(report.as_uri())
    assert requested and all(url.startswith("file://") for url in requested)
    assert page.locator("article.story").count() >= 10
    assert page.locator("#doc-" + server["sample"].id + " li").count() >= 3  # the sample's audit findings
    page.locator("svg.map circle[data-id='hostile-place']").dispatch_event("click")
    assert "onerror=alert(3)" in page.locator(".popup .popup-meta").inner_text()
    assert page.locator(".popup a.popup-link").get_attribute("href") == "#story-hostile-place"
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=False)
    assert page.problems == []
