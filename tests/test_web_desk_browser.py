"""The analyst's desk in real headless Chromium against a real uvicorn server: follow a search and a
story, read the digest of a second day's report, brush the timeline, cluster and filter the map.

The store is made by the real pipeline: day one is the sample article (SOFREP), then a digest mark;
day two a second outlet's report (a new source, a contradiction, the Kremlin's denial), plus a
PolNeAR article dated years before the rest, which the timeline folds into its "earlier" bar.
Screenshots go to test-artifacts/ (gitignored) for a person to look at.
"""

from __future__ import annotations

import threading
import time
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from system_programs import require_system_program
from test_web_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, _free_port

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TOKEN = "desk-test-token"
SAMPLE = "sofrep-north-korean-deserters.txt"
DAY_TWO = Path(__file__).resolve().parent / "fixtures" / "corroborate" / "kyiv-monitor-north-korean-officers.txt"


def _desk_store(url: str, samples_dir: Path, corpus_dir: Path):
    from claimdesk.corroborate import corroborate
    from claimdesk.ingest import IngestOptions
    from claimdesk.pipeline import ingest
    from claimdesk.store import open_store

    store = open_store(url)
    ingest([samples_dir / SAMPLE], store, IngestOptions(published=date(2024, 10, 16), outlet="SOFREP"), workers=1)
    polnear = sorted((corpus_dir / "polnear" / "dev" / "text").glob("*.txt"))[:6]
    ingest(polnear[:5], store, IngestOptions(published=date(2024, 10, 16)), workers=1)
    ingest(polnear[5:], store, IngestOptions(published=date(2012, 3, 1)), workers=1)  # a background date
    corroborate(store)
    between = datetime.now(timezone.utc)
    ingest([DAY_TWO], store, IngestOptions(published=date(2024, 10, 17), outlet="Kyiv Monitor"), workers=1)
    corroborate(store)
    return store, between


@pytest.fixture(scope="module")
def desk(tmp_path_factory, samples_dir, corpus_dir):
    if not CHROMIUM.exists():
        require_system_program("Debian's chromium (make system-deps)")
    import uvicorn

    from claimdesk.web.app import create_app

    store, between = _desk_store(f"sqlite:///{tmp_path_factory.mktemp('desk') / 'desk.sqlite'}", samples_dir, corpus_dir)
    port = _free_port()
    uv = uvicorn.Server(uvicorn.Config(create_app(store, token=TOKEN), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    while not uv.started:
        time.sleep(0.05)
    yield {"base": f"http://127.0.0.1:{port}", "store": store, "between": between}
    uv.should_exit = True
    thread.join()


@pytest.fixture(scope="module")
def page(desk):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.problems = []
        tab.on("console", lambda m: m.type == "error" and tab.problems.append(m.text))
        tab.on("pageerror", lambda e: tab.problems.append(str(e)))
        tab.on("dialog", lambda d: (tab.problems.append(f"dialog: {d.message}"), d.dismiss()))
        yield tab
        browser.close()


def _until(page, expression: str, seconds: float = 60.0) -> None:
    """Wait until `expression` is true in the page. Playwright's wait_for_function polls through
    eval, which the UI's Content-Security-Policy (no 'unsafe-eval') refuses; evaluate does not.
    `seconds` only stops a test that would hang: generous, as these machines are loaded and noisy."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"still false after {seconds}s: {expression}"
        page.wait_for_timeout(50)


def _officers(store) -> str:
    from claimdesk.store.stories import iter_stories

    [story] = [s for s in iter_stories(store, with_mentions=False) if "six North Korean officers" in s.text]
    return story.id


def test_follow_a_search_and_a_story(desk, page):
    from claimdesk.store.follows import follows

    page.goto(desk["base"] + "/stories?q=Donetsk")
    form = page.locator("form.follow-form")
    form.locator("input[name=token]").fill("wrong")
    form.locator("button[type=submit]").click()
    assert "valid token" in page.content()  # refused: nothing followed
    assert follows(desk["store"]) == []
    page.goto(desk["base"] + "/stories?q=Donetsk")
    form.locator("input[name=token]").fill(TOKEN)
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/stories?q=Donetsk*saved=*")
    assert "following term Donetsk" in page.locator(".saved").inner_text()
    story_id = _officers(desk["store"])
    page.goto(f"{desk['base']}/stories/{story_id}")
    follow = page.locator("form.follow-form")
    follow.locator("input[name=token]").fill(TOKEN)
    follow.locator("button[type=submit]").click()
    page.wait_for_url(f"**/stories/{story_id}?saved=*")
    page.goto(desk["base"] + "/follows")
    rows = page.locator("tr.follow-row")
    assert [rows.nth(i).locator("td").first.inner_text() for i in range(rows.count())] == ["term", "story"]
    page.screenshot(path=str(ARTIFACTS / "web-follows.png"), full_page=True)
    assert [(f.kind, f.value) for f in follows(desk["store"])] == [("term", "Donetsk"), ("story", story_id)]
    page.problems.clear()  # the refused write's 401 is logged as a console error, on purpose


def test_digest_page_shows_what_the_second_day_changed(desk, page):
    story_id = _officers(desk["store"])
    page.goto(desk["base"] + "/digest?since=" + desk["between"].isoformat().replace("+00:00", "Z"))
    story = page.locator(f"section.digest-story[data-story='{story_id}']")
    assert story.count() == 1
    kinds = sorted(story.locator("li.change").evaluate_all("els => els.map(e => e.className.replace('change ', ''))"))
    assert kinds == ["new_contradiction", "new_denial", "new_origin", "status_changed"]
    assert "Kyiv Monitor (independent sources 1 → 2)" in story.inner_text()
    assert "term Donetsk" in story.inner_text() and "story " + story_id in story.inner_text()
    assert page.locator(".digest-count[data-kind='new_denial'] .n").inner_text() == "1"
    page.screenshot(path=str(ARTIFACTS / "web-digest.png"), full_page=True)
    # the whole desk's view, and nothing since a moment to come
    page.click("text=every story")
    assert page.locator("section.digest-story").count() > 1
    page.goto(desk["base"] + "/digest?since=2099-01-01")
    assert page.locator("p.nothing").is_visible()
    assert page.problems == []


def test_timeline_folds_background_dates_and_brushes_the_story_list(desk, page):
    page.goto(desk["base"] + "/timeline")
    bars = page.locator("svg.timeline g.bar")
    assert bars.first.get_attribute("data-label") == "earlier"
    labels = [bars.nth(i).get_attribute("data-label") for i in range(1, bars.count())]
    assert labels == ["2024-10-16", "2024-10-17"]  # the documents' days, not months since 2012
    assert "before 2024-10-09" in page.locator(".timeline-earlier").inner_text()
    # drag from the middle of the first October day to the end of the axis
    svg_box = page.locator("svg.timeline rect.brush-area").bounding_box()
    day = bars.nth(1).locator("rect").first.bounding_box()
    page.mouse.move(day["x"] + day["width"] / 2, svg_box["y"] + svg_box["height"] / 2)
    page.mouse.down()
    page.mouse.move(svg_box["x"] + svg_box["width"] - 1, svg_box["y"] + svg_box["height"] / 2, steps=5)
    page.mouse.up()
    listed = page.locator("#brushed")
    # a drag sends a listing per step: wait for the one of the whole drag, not the first that lands
    _until(page, "document.getElementById('brushed').dataset.since === '2024-10-16' && "
                 "document.getElementById('brushed').dataset.until === '2024-10-17'")
    listed.locator("tr.brushed-row").first.wait_for()
    seen = listed.locator("tr.brushed-row").evaluate_all("rows => rows.map(r => r.dataset.firstSeen)")
    assert seen and all("2024-10-16" <= d <= "2024-10-17" for d in seen)
    page.screenshot(path=str(ARTIFACTS / "web-timeline-brush.png"), full_page=True)
    # the earlier bar alone: only the story dated 2012
    earlier = bars.first.locator("rect").first.bounding_box()
    page.mouse.click(earlier["x"] + earlier["width"] / 2, earlier["y"] + earlier["height"] - 1)
    _until(page, "document.getElementById('brushed').dataset.until === '2024-10-08'")
    page.locator("#brushed tr.brushed-row").first.wait_for()
    seen = page.locator("#brushed tr.brushed-row").evaluate_all("rows => rows.map(r => r.dataset.firstSeen)")
    assert seen and all(d < "2024-10-09" for d in seen)
    assert page.problems == []


def test_map_clusters_zooms_and_filters_by_time(desk, page):
    page.goto(desk["base"] + "/map")
    wrap = page.locator("[data-map]")
    _until(page, "document.querySelector('[data-map]').dataset.visible !== undefined")
    total = page.locator("svg.map g.points circle[data-id]").count()
    assert total >= 3 and page.locator(".map-coverage.complete").count() == 1
    clusters = page.locator("svg.map g.cluster")
    assert clusters.count() >= 1  # Kursk, Donetsk and Moscow stories crowd together at world scale
    page.screenshot(path=str(ARTIFACTS / "web-map-clusters.png"), full_page=False)
    # a cluster whose points lie apart zooms in on them; one whose points share a spot lists them
    spread = page.evaluate("""() => {
      const data = Object.fromEntries(JSON.parse(document.querySelector('script.map-data').textContent).map(p => [p.id, p]));
      return [...document.querySelectorAll('svg.map g.cluster')].map((g, i) => {
        const ps = g.dataset.ids.split(' ').map(id => data[id]);
        return {i, ids: g.dataset.ids.split(' '), apart: new Set(ps.map(p => p.x + ',' + p.y)).size > 1};
      });
    }""")
    apart = next(c for c in spread if c["apart"])
    before = page.locator("svg.map").get_attribute("viewBox")
    clusters.nth(apart["i"]).locator("circle").dispatch_event("click")
    _until(page, f"document.querySelector('svg.map').getAttribute('viewBox') !== '{before}'")
    x, y, w, h = map(float, page.locator("svg.map").get_attribute("viewBox").split())
    assert w < 360
    for sid in apart["ids"]:
        dot = page.locator(f"svg.map circle[data-id='{sid}']")
        cx, cy = float(dot.get_attribute("cx")), float(dot.get_attribute("cy"))
        assert x <= cx <= x + w and y <= cy <= y + h
    page.wait_for_timeout(100)
    page.screenshot(path=str(ARTIFACTS / "web-map-zoomed.png"), full_page=False)
    page.click("[data-zoom='reset']")
    page.wait_for_timeout(100)
    together = [c for c in spread if not c["apart"]]
    if together:
        cluster = page.locator(f"svg.map g.cluster[data-ids='{' '.join(together[0]['ids'])}']")
        cluster.locator("circle").dispatch_event("click")
        listed = page.locator(".popup .popup-list a")
        assert listed.count() == len(together[0]["ids"])
        assert {listed.nth(i).get_attribute("href").split("/")[-1] for i in range(listed.count())} == set(together[0]["ids"])
    page.click("[data-zoom='reset']")
    page.fill("form.map-time input[name=since]", "2099-01-01")
    _until(page, "document.querySelector('[data-map]').dataset.visible === '0'")
    assert page.locator("svg.map g.cluster").count() == 0
    assert wrap.locator(".map-shown").inner_text() == f"0 of {total} shown"
    page.fill("form.map-time input[name=since]", "")
    _until(page, f"document.querySelector('[data-map]').dataset.visible === '{total}'")
    assert page.problems == []
