"""Text from input reaches a terminal as text: Rich markup, ANSI/OSC escape sequences and control
characters in outlet names, file names, rejection reasons and article text are shown, never acted on.

The hostile values are written into the store with plain SQL, as a store filled by an older
version or another tool would hold them, so the test does not depend on what ingest cleans."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from claimdesk.cli.terminal import safe_text
from claimdesk.models import Document, Story
from claimdesk.report.csv_export import COLUMNS, story_row
from claimdesk.report.ledger_json import story_to_dict
from claimdesk.report.plain_text import json_text, strip_escapes
from claimdesk.store import Store
from test_cli_exit_codes import claimdesk
from test_report_store import _claim, _mention

OSC_LINK = "\x1b]8;;file:///etc/passwd\x1b\\click me\x1b]8;;\x1b\\"
MARKUP = "[/red]x[link=file:///etc/passwd]y"
HOSTILE_OUTLET = MARKUP + OSC_LINK + "\x1b[2J\r\u202eevil"
# A terminal may only receive colour and style changes (SGR) from claimdesk itself.
SGR = re.compile(r"\x1b\[[0-9;]*m")


def _hostile_store(path: Path) -> None:
    store = Store(f"sqlite:///{path}")
    doc = Document.from_text("Six officers were killed on Tuesday, the ministry said.\n", source="memo.txt",
                             outlet="example.org")
    store.add_document(doc)
    store.close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE documents SET outlet = ?", (HOSTILE_OUTLET,))
        conn.execute("INSERT INTO rejected (source, reason, at) VALUES (?, ?, ?)",
                     ("feeds/[bold]x\x1b]0;pwned\x07.xml", "not a feed: [link=https://evil.example]here[/link]",
                      datetime.now(timezone.utc).isoformat(" ")))


def test_safe_text_shows_controls_and_escapes_markup_only_when_asked():
    assert safe_text(HOSTILE_OUTLET) == (
        "[/red]x[link=file:///etc/passwd]y\\x1b]8;;file:///etc/passwd\\x1b\\click me\\x1b]8;;\\x1b\\"
        "\\x1b[2J\\x0d\\u202eevil")
    assert safe_text(MARKUP, markup=True) == "\\[/red]x\\[link=file:///etc/passwd]y"
    assert safe_text("a\nb\tc", keep_layout=True) == "a\nb\tc" and safe_text("a\nb") == "a\\x0ab"
    # ordinary text of any script passes unchanged: accents, CJK, Persian with its zero-width non-joiner
    for plain in ("Kyiv · Київ — 18 soldiers", "東京都", "می\u200cخواهم", "Le Monde (Paris)"):
        assert safe_text(plain) == plain and safe_text(plain, markup=True) == plain


@pytest.mark.parametrize("force_terminal", [False, True])
def test_stats_shows_a_hostile_outlet_as_text(tmp_path, force_terminal, monkeypatch):
    _hostile_store(tmp_path / "s.sqlite")
    if force_terminal:  # Rich writes colours and hyperlinks only to what it takes for a terminal
        monkeypatch.setenv("FORCE_COLOR", "1")
        monkeypatch.setenv("TTY_COMPATIBLE", "1")
    else:
        monkeypatch.delenv("FORCE_COLOR", raising=False)
    run = claimdesk("stats", "--db", "sqlite:///s.sqlite", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    shown = SGR.sub("", run.stdout)
    assert "\x1b" not in shown and "\r" not in shown and "\u202e" not in shown
    assert "]8;" not in SGR.sub("", run.stdout.replace("\\x1b]8;", ""))  # no OSC 8 hyperlink was emitted
    assert "[/red]x[link=file:///etc/passwd]y\\x1b]8;;file:///etc/passwd" in shown
    # a stored source is read back through the same cleaning rule as every input: its controls are gone
    assert "feeds/[bold]x]0;pwned.xml" in shown
    assert "not a feed: [link=https://evil.example]here[/link]" in shown
    if force_terminal:
        assert SGR.search(run.stdout)  # it did take stdout for a terminal


def test_stats_json_keeps_the_data_exact(tmp_path):
    _hostile_store(tmp_path / "s.sqlite")
    run = claimdesk("stats", "--db", "sqlite:///s.sqlite", "--json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "\x1b" not in run.stdout
    assert json.loads(run.stdout)["by_outlet"] == [[HOSTILE_OUTLET, 1]]


def test_rejection_lines_and_audit_text_show_file_names_as_text(tmp_path):
    name = "report[link=x]\x1b]8;;evil.example\x07.txt"  # a file name holds no "/"
    (tmp_path / name).write_bytes(bytes(range(256)) * 8)
    good = tmp_path / "memo\x1b[31m[link=x].txt"
    good.write_text("Six officers were killed on Tuesday, the ministry said.\n", encoding="utf-8")
    ingest = claimdesk("ingest", str(tmp_path / name), "--db", "sqlite:///s.sqlite", "--no-claims", "-q", cwd=tmp_path)
    assert ingest.returncode == 1
    assert "\x1b" not in ingest.stderr and "\x07" not in ingest.stderr
    # a rejection record is cleaned by the one rule for stored text: the name's controls are dropped
    assert ingest.stderr.startswith(f"rejected: {tmp_path}/report[link=x]]8;;evil.example.txt: ")
    audit = claimdesk("audit", str(good), "--no-claims", cwd=tmp_path)
    assert audit.returncode == 0, audit.stderr
    assert "\x1b" not in audit.stdout
    assert "memo[31m[link=x].txt" in audit.stdout and "\n" in audit.stdout.strip()  # controls dropped from the source


def _story(text: str) -> Story:
    doc = Document.from_text("Six officers were killed.\n", source="a.txt", outlet="example.org", published=date(2024, 10, 16))
    claim = _claim(doc, (0, 25))
    return Story(id="s1", text=text, event_type="other", status="single_source", independent_sources=1,
                 first_seen=date(2024, 10, 16), mentions=[_mention(doc, claim)])


def test_csv_keeps_the_words_and_drops_terminal_escapes():
    text = "=HYPERLINK(\"x\") \x1b]8;;file:///etc/passwd\x07officials\x1b]8;;\x07 said\r\n\x9b2J 18 died\x00"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerow(story_row(_story(text), ["\x1b[31mNorth Korean soldiers"]))
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["text"] == "'=HYPERLINK(\"x\") officials said\n 18 died"  # the formula is still neutralised
    assert row["actors"] == "North Korean soldiers"
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", out.getvalue())
    assert strip_escapes("plain, tabs\tand\nlines: Київ") == "plain, tabs\tand\nlines: Київ"


def test_ledger_json_escapes_what_json_leaves_raw_and_keeps_the_data():
    text = "18 died \x9b2J in \u202eKursk\x7f"
    line = json_text(story_to_dict(_story(text)))
    assert not re.search("[\x7f-\x9f\u202e]", line)
    assert json.loads(line)["text"] == text
