"""`claimdesk audit` as a user runs it: a real subprocess on the sample article and real corpus text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from system_programs import shared_files

SAMPLE = "sofrep-north-korean-deserters.txt"


def claimdesk(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "400"}
    return subprocess.run([sys.executable, "-m", "claimdesk", *args], cwd=cwd, env=env,
                          capture_output=True, text=True)


def test_text_output_lists_findings_by_line(samples_dir: Path, tmp_path: Path):
    run = claimdesk("audit", str(samples_dir / SAMPLE), "--published", "2024-10-16", "--no-claims", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert "line 10-18 error duplicated_passage: 9 paragraphs" in out
    assert "line 32 error placeholder" in out and "“(Screenshot)”" in out
    assert "line 33 warning certainty_escalation" in out
    assert "claims skipped (--no-claims)" in out
    assert "weekday_mismatch" not in out


def test_json_shape_follows_design(samples_dir: Path, tmp_path: Path):
    run = claimdesk("audit", str(samples_dir / SAMPLE), "--published", "2024-10-16", "--no-claims",
                    "--format", "json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert len(lines) == 1
    obj = json.loads(lines[0])
    assert set(obj) == {"document", "findings", "claims"}
    assert obj["document"]["published"] == "2024-10-16"
    assert set(obj["document"]) >= {"id", "source", "url", "title", "outlet", "published"}
    dup = obj["findings"][0]
    assert list(dup) == ["kind", "severity", "line", "end_line", "span", "related", "quote", "message"]
    assert (dup["kind"], dup["line"], dup["end_line"]) == ("duplicated_passage", 10, 18)
    assert dup["related"]["line"] == 1 and dup["related"]["end_line"] == 9 and len(dup["span"]) == 2
    text = (samples_dir / SAMPLE).read_text("utf-8")
    for f in obj["findings"]:
        assert text[f["span"][0]:f["span"][1]].startswith(f["quote"].rstrip("…")[:40])
    assert obj["claims"] == []


def test_jsonl_input_many_documents_own_dates_and_lines(corpus_dir: Path, tmp_path: Path):
    """Two articles in one JSON Lines file, each with its own date: one output line each, in order,
    with line numbers counted in each document's own text."""
    files = shared_files(corpus_dir / "polnear" / "train" / "text", "*.txt", 2)[:2]
    texts = [f.read_text("utf-8") for f in files]
    texts[1] = texts[1] + "\nThe vote was on Wednesday, October 15.\n"   # 2024-10-15 was a Tuesday
    records = [{"url": "https://example.org/a", "date_publish": "2015-11-11", "text": texts[0]},
               {"url": "https://example.org/b", "date_publish": "2024-10-16", "text": texts[1]}]
    path = tmp_path / "two.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    run = claimdesk("audit", str(path), "--no-claims", "--format", "json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    objs = [json.loads(line) for line in run.stdout.splitlines()]
    assert [o["document"]["url"] for o in objs] == ["https://example.org/a", "https://example.org/b"]
    assert [o["document"]["published"] for o in objs] == ["2015-11-11", "2024-10-16"]
    weekday = [f for f in objs[1]["findings"] if f["kind"] == "weekday_mismatch"]
    assert [f["line"] for f in weekday] == [texts[1].count("\n")]
    assert not [f for f in objs[0]["findings"] if f["kind"] == "weekday_mismatch"]


def test_rejected_input_exit_1_and_rest_audited(samples_dir: Path, tmp_path: Path):
    run = claimdesk("audit", str(tmp_path / "missing.txt"), str(samples_dir / SAMPLE), "--no-claims",
                    "--format", "json", cwd=tmp_path)
    assert run.returncode == 1
    assert f"{tmp_path / 'missing.txt'}: " in run.stderr
    assert len(run.stdout.splitlines()) == 1


def test_bad_published_is_usage_error(samples_dir: Path, tmp_path: Path):
    run = claimdesk("audit", str(samples_dir / SAMPLE), "--published", "16/10/2024", cwd=tmp_path)
    assert run.returncode == 2
    assert "expected a date as YYYY-MM-DD" in run.stderr


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_html_is_self_contained_and_escapes_the_article(samples_dir: Path, tmp_path: Path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "<script>alert('x')</script> said the draft. [Image: <img src=x onerror=alert(1)>]\n"
        "The council met on Monday to discuss the budget and the long-delayed repairs to the bridge.\n"
        "The council met on Monday to discuss the budget and the long-delayed repairs to the bridge.\n",
        encoding="utf-8")
    run = claimdesk("audit", str(hostile), str(samples_dir / SAMPLE), "--no-claims", "--format", "html", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    html = run.stdout
    page = _Collect()
    page.feed(html)
    tags = {t for t, _ in page.tags}
    assert "script" not in tags and "img" not in tags and "link" not in tags
    assert not [a for _, a in page.tags if any(k in a for k in ("src", "onerror"))]
    assert not [a for t, a in page.tags if t == "a" and not a.get("href", "").startswith("#")]
    assert "&lt;script&gt;alert(" in html
    marks = [a["class"] for t, a in page.tags if t == "mark"]
    assert "k-placeholder" in marks and "k-duplicated_passage" in marks
    assert "(Screenshot)" in "".join(page.text)
    assert html.count('<section class="doc"') == 2


@pytest.mark.slow
def test_claims_come_from_extraction(samples_dir: Path, tmp_path: Path):
    run = claimdesk("audit", str(samples_dir / SAMPLE), "--published", "2024-10-16", "--format", "json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    obj = json.loads(run.stdout)
    assert obj["claims"], "extraction gave no claims"
    first = obj["claims"][0]
    assert {"id", "text", "line", "span", "event_type", "attribution", "hedges", "polarity"} <= set(first)
    assert any(c["line"] == 1 and c["event_type"] == "desertion" for c in obj["claims"])
