"""The static HTML report: self-contained, complete, and article text never becomes markup."""

from __future__ import annotations

import io
import json
import re
from html.parser import HTMLParser

import pytest

from claimdesk.report.safe import highlight, script_json
from claimdesk.report.static_html import write_report
from test_report_store import HOSTILE_TEXT, build_store


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.script_bodies: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.script_bodies.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script_bodies[-1] += data


@pytest.fixture(scope="module")
def report(tmp_path_factory, samples_dir, corpus_dir) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('report') / 'r.sqlite'}"
    built = build_store(url, samples_dir, corpus_dir)
    out = io.StringIO()
    write_report(built.store, out)
    return out.getvalue()


def test_report_loads_nothing_from_outside(report):
    parsed = _Elements()
    parsed.feed(report)
    for tag, attrs in parsed.tags:
        assert tag not in ("link", "img", "iframe", "object", "embed"), tag
        if tag == "script":
            assert "src" not in attrs
    assert "<style>" in report and "default-src 'none'" in report


def test_report_shows_statuses_timeline_map_and_findings(report):
    for status in ("corroborated", "single source", "contested", "denied"):
        assert f">{status}</span>" in report
    assert 'class="timeline"' in report and "<rect" in report
    assert report.count("<path d=") > 150  # country outlines
    assert report.count("<circle data-id=") == 4
    assert 'class="map-coverage complete"' in report and "Every story with a located place is on the map (4 of" in report
    assert "duplicated passage" in report and "lines 10-18 repeat lines 1-9" in report
    assert "18 North Korean soldiers have reportedly deserted" in report


def test_hostile_article_text_is_escaped_everywhere(report):
    parsed = _Elements()
    parsed.feed(report)
    assert [t for t, _ in parsed.tags].count("script") == 2  # the map data and the map code, nothing more
    assert "<script>alert" not in report and "<img src=x" not in report and "<b>Evil</b>" not in report
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in report
    hrefs = [attrs.get("href") or "" for tag, attrs in parsed.tags if tag == "a"]
    assert hrefs and not any(h.lower().lstrip().startswith("javascript:") for h in hrefs)
    data = next(body for body in parsed.script_bodies if body.lstrip().startswith("["))
    assert "</" not in data and "<!--" not in data
    points = {p["id"]: p for p in json.loads(data)}
    assert set(points) == {"story-contested", "story-corroborated", "story-single", "story-hostile"}
    assert points["story-hostile"]["text"].startswith("Closing line with </script><!--")  # intact once parsed
    assert points["story-hostile"]["place"] == "Oryol <img src=x onerror=alert(3)>"


def test_script_json_cannot_close_its_element():
    text = script_json({"t": "</script><!-- <b>&\u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(str(text)) == {"t": "</script><!-- <b>&\u2028"}


def test_highlight_escapes_each_piece_and_marks_the_span():
    start = HOSTILE_TEXT.index("25 North")
    html = str(highlight(HOSTILE_TEXT, [(start, start + 24, "claim")], 0, HOSTILE_TEXT.index("\n")))
    assert '<mark class="claim">25 North Korean soldiers</mark>' in html
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert re.sub(r"</?mark[^>]*>", "", html).count("&lt;") == 3


def test_highlight_clips_overlapping_spans_so_marks_never_nest():
    html = str(highlight("abcdefghij", [(1, 5, "a"), (3, 8, "b")]))
    assert html == 'a<mark class="a">bcde</mark><mark class="b">fgh</mark>ij'


@pytest.mark.parametrize("url, expected", [
    ("https://sofrep.com/a", "https://sofrep.com/a"), (" HTTP://x.example/ ", "HTTP://x.example/"),
    ("javascript:alert(1)", None), ("JavaScript:alert(1)", None), (" data:text/html,<script>", None),
    ("vbscript:x", None), ("/relative/path", None), ("", None), (None, None),
])
def test_only_http_urls_become_links(url, expected):
    from claimdesk.report.safe import web_url

    assert web_url(url) == expected
