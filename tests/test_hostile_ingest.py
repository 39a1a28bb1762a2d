"""Hostile and oversized input on the ingest side: one rule for control characters in every stored
field, a refused document quarantined alone, invalid UTF-8 flagged, one document's failure or
length never costing its batch, and skipped folder entries named."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text as sql

from claimdesk.extraction import attach, base
from claimdesk.ingest import IngestOptions, read_path
from claimdesk.ingest.html import HTML_MAX_BYTES
from claimdesk.models import DerivedDocument, Document, RejectedInput, line_starts
from claimdesk.pipeline import ingest
from claimdesk.store import Store

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "ingest"

GOOD = [
    "Six officers were killed in Kursk on Tuesday, according to unnamed officials, who gave no further detail.",
    "The ministry denied the report on Wednesday and said all units were accounted for after the shelling.",
    "Two hundred soldiers deserted from a base near Donetsk last month, a regional governor told reporters.",
]


def _jsonl_with_nul(path: Path) -> Path:
    """Three clean records around one with NUL in its text, title and outlet (as json.dumps writes it)."""
    records = [{"text": GOOD[0], "title": "Kursk", "url": "https://a.example/1"},
               {"text": "Officials said the convoy was\u0000 hit twice near Kharkiv overnight, killing four drivers.",
                "title": "Con\u0000voy", "outlet": "Bad\u0000 Outlet", "url": "https://b.example/2"},
               {"text": GOOD[1], "title": "Denial", "url": "https://a.example/3"},
               {"text": GOOD[2], "title": "Deserters", "url": "https://c.example/4"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert "\\u0000" in path.read_text(encoding="utf-8")
    return path


def _ingest_nul_file(url: str, tmp_path: Path) -> Store:
    store = Store(url)
    report = ingest([_jsonl_with_nul(tmp_path / "nul.jsonl")], store, IngestOptions(), with_claims=False)
    assert report.rejected == []
    assert report.documents_new == 4
    return store


def _assert_nul_record_cleaned(store: Store) -> None:
    with store.engine.connect() as conn:
        rows = conn.execute(sql("SELECT text, title, outlet, id FROM documents ORDER BY source")).all()
    assert [r[0] for r in rows if r[0] in GOOD] == [GOOD[0], GOOD[1], GOOD[2]]
    [bad] = [r for r in rows if r[0] not in GOOD]
    assert bad[0] == "Officials said the convoy was hit twice near Kharkiv overnight, killing four drivers."
    assert (bad[1], bad[2]) == ("Convoy", "Bad Outlet")
    [finding] = [f for f in store.findings_for(bad[3]) if f.kind == "control_characters"]
    assert finding.severity == "info" and "3 control characters" in finding.message
    assert "1 in text, 1 in title, 1 in outlet" in finding.message
    assert finding.span == (29, 29)  # where the NUL was, in the cleaned text


def test_nul_in_jsonl_text_title_and_outlet_is_removed_on_sqlite(sqlite_url: str, tmp_path: Path) -> None:
    _assert_nul_record_cleaned(_ingest_nul_file(sqlite_url, tmp_path))


@pytest.mark.postgres
def test_nul_in_jsonl_no_longer_loses_the_file_on_postgresql(fresh_postgres_url: str, tmp_path: Path) -> None:
    # Before: psycopg.DataError on the NUL, the whole 32-document transaction rolled back, nothing
    # stored and nothing in `rejected`.
    _assert_nul_record_cleaned(_ingest_nul_file(fresh_postgres_url, tmp_path))


@pytest.mark.postgres
def test_a_document_postgresql_refuses_is_quarantined_alone(fresh_postgres_url: str) -> None:
    """A record that reaches the store uncleaned (built without validation) is refused by the
    database; its batch-mates land and it goes to `rejected` under its own source."""
    store = Store(fresh_postgres_url)
    good = [Document.from_text(t, source=f"good-{i}.txt") for i, t in enumerate(GOOD)]
    bad = Document.model_construct(**{**good[0].model_dump(), "id": "f" * 64, "source": "bad.jsonl#2",
                                      "text": "NUL\x00 inside"})
    refused: list[RejectedInput] = []
    result = store.add_documents([DerivedDocument(d, [], []) for d in (good[0], bad, good[1], good[2])],
                                 on_refused=refused.append)
    assert result == [True, None, True, True]
    assert store.count("documents") == 3
    [quarantined] = store.rejected_inputs()
    assert quarantined.source == "bad.jsonl#2" and refused[0].source == "bad.jsonl#2"
    assert "the database refused it" in quarantined.reason and "NUL" in quarantined.reason


def test_text_file_with_a_few_nul_bytes_is_cleaned_like_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(GOOD[0].encode() + b"\x00\x00\n" + GOOD[1].encode() + b"\n")
    [doc] = read_path(path, IngestOptions())
    assert isinstance(doc, Document)
    assert doc.text == GOOD[0] + "\n" + GOOD[1] + "\n"
    assert [n.kind for n in doc.notes] == ["control_characters"]
    # a file that is mostly NUL bytes is still binary, not text
    [rejected] = read_path(FIXTURES / "binary.txt", IngestOptions())
    assert isinstance(rejected, RejectedInput) and "binary file" in rejected.reason


def test_tab_and_line_breaks_are_kept_and_form_feed_becomes_a_line_break() -> None:
    doc = Document.from_text("a\tb\r\nc\x0cd\x07e", source="x")
    assert doc.text == "a\tb\r\nc\nde"
    assert Document.from_text("a\tb\r\nc", source="x").notes == []


def test_invalid_utf8_is_replaced_and_flagged_not_mojibake(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    body = ("Zürich police said 12 people were arrested in Genève; the café was closed. " * 3).encode()
    path.write_bytes(body[:40] + b"\xff\xfe" + body[40:])
    [doc] = read_path(path, IngestOptions())
    assert isinstance(doc, Document)
    assert "Zürich" in doc.text and "Genève" in doc.text and "ZÃ¼rich" not in doc.text
    assert doc.text.count("\ufffd") == 2
    [finding] = doc.notes
    assert finding.kind == "invalid_encoding" and finding.span == (39, 40)  # byte 40: "ü" is two bytes
    # windows-1252 has no multi-byte UTF-8 at all: it is still detected, not "replaced"
    [legacy] = read_path(FIXTURES / "cp1252-article.txt", IngestOptions())
    assert "Café owners" in legacy.text and legacy.notes == []


def test_invalid_utf8_in_a_jsonl_line_keeps_the_record(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    line = json.dumps({"text": GOOD[0] + " Zürich.", "url": "https://a.example/1"}, ensure_ascii=False).encode()
    path.write_bytes(line.replace(b"officers", b"offi\xffcers") + b"\n" + json.dumps({"text": GOOD[1]}).encode() + b"\n")
    docs = list(read_path(path, IngestOptions()))
    assert [type(d) for d in docs] == [Document, Document]
    assert "offi\ufffdcers" in docs[0].text and "Zürich" in docs[0].text
    assert [n.kind for n in docs[0].notes] == ["invalid_encoding"] and docs[1].notes == []


def test_lone_surrogate_escape_in_jsonl_does_not_lose_the_file(tmp_path: Path, sqlite_url: str) -> None:
    path = tmp_path / "surrogate.jsonl"
    path.write_text(json.dumps({"text": GOOD[0] + " \ud800"}) + "\n" + json.dumps({"text": GOOD[1]}) + "\n")
    report = ingest([path], Store(sqlite_url), IngestOptions(), with_claims=False)
    assert report.documents_new == 2 and report.rejected == []


def test_html_over_the_extractor_cap_is_rejected_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    paragraph = "<p>" + " ".join(GOOD) + "</p>\n"
    path.write_text("<html><body><article>" + paragraph * (HTML_MAX_BYTES // len(paragraph) + 10)
                    + "</article></body></html>")
    assert HTML_MAX_BYTES < path.stat().st_size < IngestOptions().max_bytes
    [rejected] = read_path(path, IngestOptions())
    assert isinstance(rejected, RejectedInput)
    assert "no article body" not in rejected.reason
    assert "over the 19.1 MB limit of the main-text extractor (other inputs may be up to 50.0 MB)" in rejected.reason


# -- bounded work per document --------------------------------------------------------------------

def test_line_starts_are_computed_once_per_text(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    import claimdesk.models as models

    real = models.line_starts
    monkeypatch.setattr(models, "line_starts", lambda t: calls.append(1) or real(t))
    doc = Document.from_text("one\ntwo\nthree\n" * 100, source="x")
    assert [doc.line_of(o) for o in (0, 4, 8, 1399)] == [1, 2, 3, 300]
    assert len(calls) == 1  # before: once per line_of call, so O(claims x length) per document
    assert doc.lines == line_starts(doc.text)


def test_attach_by_bisect_finds_exactly_what_a_full_scan_finds(samples_dir: Path) -> None:
    text = (samples_dir / "sofrep-north-korean-deserters.txt").read_text(encoding="utf-8")
    doc = Document.from_text(text, source="sample", published=date(2024, 10, 16))
    found = attach.find_all(doc)
    assert found.dates and found.places and found.quantities
    inside = lambda r, s: r.span is not None and s[0] <= r.span[0] and r.span[1] <= s[1]  # noqa: E731
    spans = [doc.line_span(n) for n in range(1, len(doc.lines) + 1)] + [(0, len(text)), (5, 5)]
    hits = 0
    for span in spans:
        when, places, quantities = found.in_span(span)
        dates = [d for d in found.dates if inside(d, span)]
        assert when == (dates[0] if dates else None)
        expected_places, names = [], set()
        for p in found.places:
            if inside(p, span) and p.name not in names:
                names.add(p.name)
                expected_places.append(p)
        assert places == expected_places
        assert quantities == [q for q in found.quantities if inside(q, span)]
        hits += len(quantities) + len(places)
    assert hits > 0


def test_a_too_long_document_is_stored_with_claims_from_its_first_part(
        monkeypatch: pytest.MonkeyPatch, corpus_dir: Path, sqlite_url: str, tmp_path: Path) -> None:
    monkeypatch.setattr(base, "EXTRACT_MAX_CHARS", 3000)
    article = sorted((corpus_dir / "polnear" / "train" / "text").glob("*.txt"))[0].read_text(encoding="utf-8")
    long_text = (article + "\n") * (9000 // len(article) + 2)
    (tmp_path / "long.txt").write_text(long_text, encoding="utf-8")
    (tmp_path / "short.txt").write_text(GOOD[0] + "\n", encoding="utf-8")
    store = Store(sqlite_url)
    report = ingest([tmp_path], store, IngestOptions())
    assert report.documents_new == 2
    long_doc = Document.from_text(long_text, source="x")
    [cut] = [f for f in store.findings_for(long_doc.id) if f.kind == "too_long_to_extract"]
    parsed = base.extraction_limit(long_text)
    assert 2700 <= parsed <= 3000 and cut.span == (parsed, len(long_text))
    assert f"first {parsed:,} of {len(long_text):,} characters" in cut.message
    claims = store.claims_for(long_doc.id)
    assert claims and max(c.span[1] for c in claims) <= parsed
    short_doc = Document.from_text(GOOD[0] + "\n", source="y")
    assert not [f for f in store.findings_for(short_doc.id) if f.kind == "too_long_to_extract"]


def test_one_document_whose_extraction_fails_does_not_lose_its_batch(
        monkeypatch: pytest.MonkeyPatch, sqlite_url: str, tmp_path: Path) -> None:
    from claimdesk.extraction.spacy_extractor import SpacyExtractor

    real = SpacyExtractor._draft  # what both the batch and the one-by-one extraction read a document with

    def breaks_on_convoys(self, doc, parsed):  # noqa: ANN001
        if "convoy" in doc.text:
            raise RuntimeError("extractor bug")
        return real(self, doc, parsed)

    monkeypatch.setattr(SpacyExtractor, "_draft", breaks_on_convoys)
    texts = [GOOD[0], "Officials said the convoy was hit twice near Kharkiv overnight.", GOOD[1], GOOD[2]]
    for i, t in enumerate(texts):
        (tmp_path / f"{i}.txt").write_text(t + "\n", encoding="utf-8")
    store = Store(sqlite_url)
    report = ingest([tmp_path], store, IngestOptions())
    assert report.documents_new == 4 and report.rejected == []
    for t in texts:
        doc = Document.from_text(t + "\n", source="x")
        kinds = [f.kind for f in store.findings_for(doc.id)]
        if "convoy" in t:
            assert "extraction_failed" in kinds and store.claims_for(doc.id) == []
        else:
            assert "extraction_failed" not in kinds and store.claims_for(doc.id)


# -- folders ------------------------------------------------------------------------------------

def claimdesk(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CLAIMDESK_DB"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env["COLUMNS"] = "400"
    return subprocess.run([sys.executable, "-m", "claimdesk", *args], cwd=cwd, capture_output=True, text=True, env=env)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a folder whatever its mode")
def test_unreadable_subfolder_is_rejected_by_name(tmp_path: Path) -> None:  # pragma: no cover - root in CI
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "a.txt").write_text(GOOD[0] + "\n")
    (folder / "locked").chmod(0)
    try:
        result = claimdesk("ingest", str(folder), "--no-claims", "--db", "sqlite:///s.sqlite", cwd=tmp_path)
    finally:
        (folder / "locked").chmod(0o755)
    assert result.returncode == 1
    assert f"rejected: {folder / 'locked'}: cannot read the folder: Permission denied" in result.stderr


def test_folder_ingest_names_every_skipped_file(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / ".git").mkdir(parents=True)
    (folder / "a.txt").write_text(GOOD[0] + "\n")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (folder / "notes.md").write_text("# notes\n")
    (folder / "sub").mkdir()
    (folder / "sub" / "data.csv").write_text("a,b\n")
    result = claimdesk("ingest", str(folder), "--no-claims", "--db", "sqlite:///s.sqlite", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert any(line.startswith(f"skipped: {folder / 'photo.jpg'}: unknown type '.jpg'") for line in lines)
    assert any(line.startswith(f"skipped: {folder / 'sub' / 'data.csv'}: unknown type '.csv'") for line in lines)
    assert f"skipped: {folder / 'notes.md'}: Markdown in a folder is taken for notes" in result.stderr
    assert f"skipped: {folder / '.git'}: hidden folder, not read" in result.stderr
    assert "1 new documents" in result.stdout and "4 skipped" in result.stdout
    assert f"{folder / 'a.txt'}" not in result.stderr


def test_unreadable_subfolder_comes_out_as_rejected_input(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The walk's error path, driven without root's override: os.walk reports the folder it cannot list."""
    from claimdesk.pipeline import read_inputs

    (tmp_path / "locked").mkdir()
    (tmp_path / "a.txt").write_text(GOOD[0] + "\n")
    real_scandir = os.scandir

    def scandir(path):  # noqa: ANN001
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    records = list(read_inputs([tmp_path], IngestOptions()))
    assert [type(r) for r in records] == [Document, RejectedInput]
    assert records[1].source == str(tmp_path / "locked")
    assert records[1].reason == "cannot read the folder: Permission denied"


# -- every core -----------------------------------------------------------------------------------

@pytest.mark.slow
def test_audit_with_two_workers_prints_exactly_what_one_worker_prints(corpus_dir: Path, tmp_path: Path) -> None:
    files = [str(f) for f in sorted((corpus_dir / "polnear" / "train" / "text").glob("*.txt"))[:40:5]]
    assert len(files) == 8
    one = claimdesk("audit", *files, "--format", "json", "--workers", "1", cwd=tmp_path)
    two = claimdesk("audit", *files, "--format", "json", "--workers", "2", cwd=tmp_path)
    assert one.returncode == two.returncode == 0, one.stderr + two.stderr
    assert one.stdout == two.stdout
    out = [json.loads(line) for line in two.stdout.splitlines()]
    assert [o["document"]["source"] for o in out] == files
    assert sum(len(o["claims"]) for o in out) > 50


@pytest.mark.slow
def test_ingest_with_two_workers_stores_what_one_worker_stores(corpus_dir: Path, tmp_path: Path) -> None:
    files = [str(f) for f in sorted((corpus_dir / "polnear" / "train" / "text").glob("*.txt"))[1:80:4]]
    stores = {}
    for workers in ("1", "2"):
        result = claimdesk("ingest", *files, "--db", f"sqlite:///w{workers}.sqlite", "--workers", workers, "-q",
                           cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        store = Store(f"sqlite:///{tmp_path / f'w{workers}.sqlite'}")
        with store.engine.connect() as conn:
            stores[workers] = (
                conn.execute(sql("SELECT id, source FROM documents ORDER BY rowid")).all(),
                conn.execute(sql("SELECT id, text, event_type, attribution, places, quantities FROM claims ORDER BY rowid")).all(),
                conn.execute(sql("SELECT document_id, kind, span_start, message FROM findings ORDER BY id")).all(),
            )
    assert stores["1"] == stores["2"]
    assert len(stores["2"][0]) == 20 and len(stores["2"][1]) > 100
