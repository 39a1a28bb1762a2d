"""The static report allows its own scripts by hash, not 'unsafe-inline': in real headless Chromium
(Debian's package) its map still pans, zooms and opens popups with no CSP violation, while the same
report with its script changed by one character runs nothing and reports the violation."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from claimdesk.report.safe import csp_hash
from claimdesk.report.static_html import write_report
from system_programs import require_system_program
from test_report_store import build_store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  function (e) { window.__violations.push(e.effectiveDirective + " " + e.blockedURI); });
"""


class _Scripts(HTMLParser):
    """The CSP of the page and the text of each script that runs (not JSON data blocks)."""

    def __init__(self):
        super().__init__()
        self.csp = ""
        self.code: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp = attrs["content"]
        if tag == "script":
            self._open = "" if attrs.get("type") in (None, "", "text/javascript", "module") else None

    def handle_data(self, data):
        if self._open is not None:
            self._open += data

    def handle_endtag(self, tag):
        if tag == "script" and self._open is not None:
            self.code.append(self._open)
        if tag == "script":
            self._open = None


@pytest.fixture(scope="module")
def report(tmp_path_factory, samples_dir, corpus_dir) -> Path:
    folder = tmp_path_factory.mktemp("csp")
    built = build_store(f"sqlite:///{folder / 'r.sqlite'}", samples_dir, corpus_dir)
    path = folder / "report.html"
    with path.open("w", encoding="utf-8") as handle:
        write_report(built.store, handle)
    return path


def test_every_script_of_the_report_is_allowed_by_its_hash_and_nothing_else(report):
    parsed = _Scripts()
    parsed.feed(report.read_text(encoding="utf-8"))
    script_src = re.search(r"script-src ([^;]+)", parsed.csp).group(1).split()
    assert parsed.code and "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert sorted(script_src) == sorted({csp_hash(code) for code in parsed.code})
    assert "default-src 'none'" in parsed.csp


def _open(report: Path):  # noqa: ANN202
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.add_init_script(WATCH_VIOLATIONS)
    page.goto(report.as_uri())
    return pw, browser, page


@pytest.mark.browser
def test_the_report_scripts_run_in_chromium_without_a_csp_violation(report):
    if not CHROMIUM.exists():
        require_system_program("Debian's chromium (make system-deps)")
    pw, browser, page = _open(report)
    try:
        svg = page.locator("svg.map")
        before = svg.get_attribute("viewBox")
        page.click("[data-zoom='0.5']")
        assert svg.get_attribute("viewBox") != before  # the map script handled the click
        page.locator("svg.map circle[data-id='story-hostile']").dispatch_event("click")
        popup = page.locator(".popup")
        assert popup.is_visible()
        assert "Oryol <img src=x onerror=alert(3)>" in popup.locator(".popup-meta").inner_text()
        assert page.evaluate("window.__violations") == []
        assert page.problems == []
    finally:
        browser.close()
        pw.stop()


@pytest.mark.browser
def test_a_script_changed_by_one_character_is_blocked(report, tmp_path):
    if not CHROMIUM.exists():
        require_system_program("Debian's chromium (make system-deps)")
    html = report.read_text(encoding="utf-8")
    tampered = tmp_path / "tampered.html"
    tampered.write_text(html.replace("(function () {", "(function ()  {", 1), encoding="utf-8")
    pw, browser, page = _open(tampered)
    try:
        svg = page.locator("svg.map")
        before = svg.get_attribute("viewBox")
        page.click("[data-zoom='0.5']")
        assert svg.get_attribute("viewBox") == before  # nothing ran
        assert page.evaluate("window.__violations") == ["script-src-elem inline"]
    finally:
        browser.close()
        pw.stop()
