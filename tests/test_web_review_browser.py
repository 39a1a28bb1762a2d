"""Each correction driven end to end in real headless Chromium against a real uvicorn server, on a
store the real pipeline made (SQLite and a real PostgreSQL); then `claimdesk corroborate --full`
runs as a separate process and every correction must still hold on the reloaded pages.

Screenshots of the story pages go to test-artifacts/ (gitignored) for a person to look at.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest

from claimdesk.store import reviews
from claimdesk.store.stories import get_story
from review_support import SECOND_REPORT, build_review_store, sofrep_stories
from system_programs import require_system_program
from test_web_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, _free_port

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def desk(request, tmp_path, samples_dir, corpus_dir):
    if not CHROMIUM.exists():
        require_system_program("Debian's chromium (make system-deps)")
    import uvicorn

    from claimdesk.web.app import create_app

    url = (f"sqlite:///{tmp_path / 'desk.sqlite'}" if request.param == "sqlite"
           else request.getfixturevalue("fresh_postgres_url"))
    store = build_review_store(url, samples_dir, corpus_dir)
    token = reviews.add_user(store, "ana")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield {"base": f"http://127.0.0.1:{port}", "store": store, "url": url, "token": token, "backend": request.param}
    server.should_exit = True
    thread.join()
    store.close()


@pytest.fixture
def page(desk):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.problems = []
        tab.on("console", lambda m: m.type == "error" and tab.problems.append(m.text))
        tab.on("pageerror", lambda e: tab.problems.append(str(e)))
        yield tab
        browser.close()


def _claims(page) -> list[str]:  # noqa: ANN001
    return [i.removeprefix("mention-") for i in page.locator("section.mention").evaluate_all("els => els.map(e => e.id)")]


def _submit(page, desk, button_selector: str) -> None:  # noqa: ANN001
    page.fill("#review-form input[name=token]", desk["token"])
    with page.expect_navigation():
        page.click(button_selector)


def test_each_correction_in_the_browser_survives_corroborate_full(desk, page):
    base, store = desk["base"], desk["store"]
    a, b, c, d = (s.id for s in sofrep_stories(store)[:4])

    # move a mention out into a story of its own (the move box left empty)
    page.goto(f"{base}/stories/{c}")
    claims = _claims(page)
    out_claim, over_claim = claims[1], claims[2]
    _submit(page, desk, f"button[value='move:{out_claim}']")
    assert page.url.endswith(f"/stories/{c}?saved=move")
    assert out_claim not in _claims(page) and len(_claims(page)) == len(claims) - 1
    new_story = page.locator("tr.log-entry[data-action=move] td a").first.get_attribute("href").split("/")[-1]

    # move another to story d
    page.fill(f"input[name='to-{over_claim}']", d)
    _submit(page, desk, f"button[value='move:{over_claim}']")
    assert over_claim not in _claims(page)

    # a note
    page.fill("#review-form input[name=note]", "called the regional office")
    _submit(page, desk, "button[value=note]")
    assert "called the regional office" in page.locator(".review-state").inner_text()
    assert page.locator("tr.log-entry").count() == 3

    # merge b into a
    merged_size = len(_mention_ids(store, a)) + len(_mention_ids(store, b))
    page.goto(f"{base}/stories/{a}")
    page.fill("#review-form input[name=merge]", b)
    page.fill("#review-form input[name=note]", "one desertion report told twice")
    _submit(page, desk, "button[value=merge]")
    assert page.url.endswith(f"/stories/{a}?saved=merge")
    assert page.locator("section.mention").count() == merged_size
    page.screenshot(path=str(ARTIFACTS / f"review-merged-{desk['backend']}.png"), full_page=True)

    # override d's status with a reason
    page.goto(f"{base}/stories/{d}")
    assert over_claim in _claims(page)
    page.select_option("#review-form select[name=status]", "denied")
    page.fill("#review-form input[name=reason]", "the ministry's statement of 17 October")
    _submit(page, desk, "button[value=status]")
    assert page.locator("h1 + p .badge.denied").count() == 1
    assert "the machine says single source" in page.locator(".review-state").inner_text()
    page.screenshot(path=str(ARTIFACTS / f"review-status-{desk['backend']}.png"), full_page=True)

    # a wrong token writes nothing
    page.fill("#review-form input[name=note]", "should not land")
    page.fill("#review-form input[name=token]", "not-a-token-at-all")
    with page.expect_navigation():
        page.click("button[value=note]")
    assert "a valid token is needed" in page.locator("main").inner_text()
    assert all(e.note != "should not land" for e in reviews.log_entries(store))
    assert page.problems == ["Failed to load resource: the server responded with a status of 401 (Unauthorized)"]
    page.problems.clear()

    before = {s: sorted(_mention_ids(store, s)) for s in (a, c, d, new_story)}
    full = subprocess.run([sys.executable, "-m", "claimdesk", "corroborate", "--full", "--quiet", "--db", desk["url"]],
                          capture_output=True, text=True)
    assert full.returncode == 0, full.stderr
    assert {s: sorted(_mention_ids(store, s)) for s in before} == before

    page.goto(f"{base}/stories/{d}")
    assert page.locator("h1 + p .badge.denied").count() == 1 and over_claim in _claims(page)
    assert [page.locator("tr.log-entry").nth(i).get_attribute("data-action") for i in range(2)] == ["move", "status"]
    assert "changed since review" not in page.locator("main").inner_text().lower()
    page.screenshot(path=str(ARTIFACTS / f"review-after-full-{desk['backend']}.png"), full_page=True)
    page.goto(f"{base}/stories/{b}")  # the merged-away story leads to the merged one
    assert page.url.endswith(f"/stories/{a}") and page.locator("section.mention").count() == merged_size
    page.goto(f"{base}/stories/{new_story}")
    assert _claims(page) == [out_claim]
    page.goto(f"{base}/stories/{c}")
    assert out_claim not in _claims(page) and over_claim not in _claims(page)
    assert "called the regional office" in page.locator(".review-state").inner_text()
    assert [e.user for e in reviews.log_entries(store)] == ["ana"] * 5

    # new evidence for the merged story: a later outlet's report, ingested and corroborated by the CLI
    for args in (["ingest", "--published", "2024-10-17", "--outlet", "Kyiv Monitor", str(SECOND_REPORT)], ["corroborate"]):
        done = subprocess.run([sys.executable, "-m", "claimdesk", *args, "--quiet", "--db", desk["url"]],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    page.goto(f"{base}/stories/{a}")
    assert page.locator("h1 + p .badge.changed").count() == 1
    assert "new independent source: 1 -> 2" in page.locator(".review-state .changed").inner_text()
    page.screenshot(path=str(ARTIFACTS / f"review-changed-since-review-{desk['backend']}.png"), full_page=True)
    page.goto(f"{base}/stories/{d}")  # no new evidence there: no flag
    assert page.locator("h1 + p .badge.changed").count() == 0
    assert page.problems == []


def _mention_ids(store, story_id: str) -> list[str]:  # noqa: ANN001
    story = get_story(store, story_id)
    return [m.claim for m in story.mentions] if story else []
