"""`claimdesk ingest` as a user runs it: a real subprocess on real articles and a real SQLite file."""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimdesk.models import document_id

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def claimdesk(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "400"}  # rich wraps stderr at 80 columns otherwise
    return subprocess.run([sys.executable, "-m", "claimdesk", *args], cwd=cwd, env=env,
                          capture_output=True, text=True)


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def count(db: Path, table: str) -> int:
    return rows(db, f"SELECT count(*) FROM {table}")[0][0]


def polnear_texts(corpus_dir: Path, n: int) -> list[Path]:
    files = sorted((corpus_dir / "polnear" / "train" / "text").glob("*.txt"))
    assert len(files) >= n
    return files[:n]


def test_reingesting_the_same_input_adds_nothing(tmp_path: Path, corpus_dir: Path, samples_dir: Path) -> None:
    db = tmp_path / "c.sqlite"
    inputs = [str(samples_dir), *map(str, polnear_texts(corpus_dir, 15))]
    first = claimdesk("ingest", *inputs, "--db", f"sqlite:///{db}", "--no-claims", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert count(db, "documents") == 16
    sources = count(db, "document_sources")
    findings = count(db, "findings")
    second = claimdesk("ingest", *inputs, "--db", f"sqlite:///{db}", "--no-claims", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert count(db, "documents") == 16
    assert count(db, "document_sources") == sources == 16
    assert count(db, "findings") == findings
    assert "0 new documents, 16 already stored" in second.stdout


def test_same_text_from_two_sources_is_one_document_with_two_sources(tmp_path: Path, samples_dir: Path) -> None:
    text = (samples_dir / "sofrep-north-korean-deserters.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "mirror").mkdir()
    (tmp_path / "mirror" / "copy.txt").write_text(text, encoding="utf-8")
    (tmp_path / "dump.jsonl").write_text(json.dumps({"text": text, "url": "https://sofrep.com/x"}) + "\n")
    db = tmp_path / "c.sqlite"
    result = claimdesk("ingest", "a.txt", "mirror", "dump.jsonl", "--db", f"sqlite:///{db}", "--no-claims",
                       cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert rows(db, "SELECT id FROM documents") == [(document_id(text),)]
    assert sorted(rows(db, "SELECT source, format FROM document_sources")) == [
        ("a.txt", "text"), ("dump.jsonl#1", "jsonl"), (str(Path("mirror") / "copy.txt"), "text"),
    ]
    [(stored,)] = rows(db, "SELECT text FROM documents")
    assert stored == text


def test_broken_inputs_are_named_stored_and_the_rest_is_ingested(tmp_path: Path, samples_dir: Path) -> None:
    db = tmp_path / "c.sqlite"
    missing = tmp_path / "gone.html"
    result = claimdesk("ingest", str(FIXTURES), str(samples_dir), str(missing), "--db", f"sqlite:///{db}",
                       "--no-claims", cwd=tmp_path)
    assert result.returncode == 1
    expected = {
        f"{FIXTURES / 'binary.txt'}: binary file, not text (it contains NUL bytes)",
        f"{FIXTURES / 'empty.txt'}: empty file (0 bytes)",
        f"{FIXTURES / 'broken-feed.rss'}: malformed feed: <unknown>:6:0: no element found",
        f"{FIXTURES / 'news-please.jsonl'}:3: invalid JSON: Unterminated string starting at (column 43)",
        f"{FIXTURES / 'news-please.jsonl'}:4: no text: expected a non-empty string in one of text, maintext, content",
        f"{missing}: no such file or directory",
    }
    stderr = " ".join(result.stderr.split())
    for line in expected:
        assert line in stderr, line
    assert f"{FIXTURES / 'no-body.html'}: no article body" in stderr
    stored = {f"{s}: {r}" for s, r in rows(db, "SELECT source, reason FROM rejected")}
    assert expected < stored and len(stored) == 7
    # 1 sample + cp1252 text + html page + 2 atom + 2 rss + 3 jsonl entries; the link-only entry is a link
    assert count(db, "documents") == 10
    assert rows(db, "SELECT url FROM links") == [
        ("https://news.harbour-gazette.example/world/2024/10/14/live-election-results",)]
    assert rows(db, "SELECT title, published, outlet FROM documents WHERE format = 'html'") == [
        ("Flooding closes river crossings in Dorval", "2024-03-12", "Riverside Courier")]
    again = claimdesk("ingest", str(FIXTURES), "--db", f"sqlite:///{db}", "--no-claims", cwd=tmp_path)
    assert again.returncode == 1
    assert count(db, "rejected") == 7 and count(db, "documents") == 10


def test_published_option_fills_only_documents_without_a_date(tmp_path: Path, samples_dir: Path) -> None:
    db = tmp_path / "c.sqlite"
    result = claimdesk("ingest", str(samples_dir / "sofrep-north-korean-deserters.txt"),
                       str(FIXTURES / "news-page.html"), "--published", "2024-10-16",
                       "--db", f"sqlite:///{db}", "--no-claims", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(rows(db, "SELECT format, published FROM documents")) == [
        ("html", "2024-03-12"), ("text", "2024-10-16")]


def _thousand_articles(corpus_dir: Path, out: Path) -> int:
    """1,000 distinct real articles as JSON Lines: the PolNeAR train texts with their metadata, then
    more made of the second half of an article's paragraphs (as a shortened reprint)."""
    polnear = corpus_dir / "polnear"
    with (polnear / "metadata.tsv").open(encoding="utf-8") as f:
        meta = {row["filename"]: row for row in csv.DictReader(f, delimiter="\t")}
    files = sorted((polnear / "train" / "text").glob("*.txt"))
    originals = [(file.stem, file.read_text(encoding="utf-8")) for file in files]
    reprints = []
    for stem, text in originals:
        paragraphs = [p for p in text.split("\n") if p.strip()]
        if len(paragraphs) >= 6:
            reprints.append((stem, "\n".join(paragraphs[len(paragraphs) // 2:]) + "\n"))
    texts, ids = [], set()
    for stem, text in originals + reprints:  # PolNeAR holds one text twice: keep distinct ones only
        if document_id(text) not in ids and len(texts) < 1000:
            ids.add(document_id(text))
            texts.append((stem, text))
    assert len(texts) == 1000
    with out.open("w", encoding="utf-8") as f:
        for stem, text in texts:
            row = meta.get(stem, {})
            f.write(json.dumps({"text": text, "title": row.get("title"), "source_domain": row.get("publisher"),
                                "date_publish": row.get("publication_date")}) + "\n")
    return len(ids)


@pytest.mark.slow
def test_killed_ingest_resumes_to_exactly_one_copy_of_each_document(tmp_path: Path, corpus_dir: Path) -> None:
    articles = tmp_path / "articles.jsonl"
    assert _thousand_articles(corpus_dir, articles) == 1000
    db = tmp_path / "c.sqlite"
    process = subprocess.Popen(
        [sys.executable, "-m", "claimdesk", "ingest", str(articles), "--db", f"sqlite:///{db}", "--no-claims", "-q"],
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    stored_at_kill = 0
    try:
        while process.poll() is None:
            if db.exists():
                try:
                    stored_at_kill = count(db, "documents")
                except sqlite3.OperationalError:  # tables not created yet
                    stored_at_kill = 0
                if stored_at_kill >= 250:
                    break
            time.sleep(0.02)
        assert process.poll() is None, "the ingest finished before it could be killed: " + process.stderr.read().decode()
        process.send_signal(signal.SIGKILL)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
    assert process.returncode == -signal.SIGKILL
    interrupted = count(db, "documents")
    assert 250 <= interrupted < 1000

    resumed = claimdesk("ingest", str(articles), "--db", f"sqlite:///{db}", "--no-claims", cwd=tmp_path)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{1000 - interrupted} new documents, {interrupted} already stored" in resumed.stdout
    assert count(db, "documents") == 1000
    assert rows(db, "SELECT count(DISTINCT id) FROM documents") == [(1000,)]
    # each line's source once
    assert count(db, "document_sources") == 1000
    assert rows(db, "SELECT count(DISTINCT source) FROM document_sources") == [(1000,)]
    assert rows(db, "SELECT count(*) FROM documents WHERE outlet IS NULL OR published IS NULL") == [(0,)]


def test_a_folder_of_news_please_crawls_is_ingested_and_corroborated(tmp_path: Path, corpus_dir: Path) -> None:
    """news-please writes one JSON file per crawled page, as news_cluster keeps them: the Nice truck
    attack (a development event) from several outlets, furniture and all, read from a folder."""
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    for page in sorted((corpus_dir / "news_cluster").glob("*.json")):
        if json.loads(page.read_text(encoding="utf-8"))["newsCluster"]["EventId"] == 68:
            (crawl / page.name).symlink_to(page)
    pages = len(list(crawl.iterdir()))
    assert pages >= 8
    db = tmp_path / "c.sqlite"
    ingest = claimdesk("ingest", str(crawl), "--db", f"sqlite:///{db}", "--workers", "1", cwd=tmp_path)
    assert ingest.returncode == 0, ingest.stderr
    assert f"{pages} files: {pages} new documents" in " ".join(ingest.stdout.split())
    assert rows(db, "SELECT DISTINCT format FROM documents") == [("json",)]
    assert rows(db, "SELECT count(*) FROM documents WHERE published IS NULL OR outlet IS NULL") == [(0,)]
    assert claimdesk("corroborate", "--db", f"sqlite:///{db}", cwd=tmp_path).returncode == 0
    ledger = json.loads(claimdesk("ledger", "--db", f"sqlite:///{db}", "--status", "corroborated", "-q",
                                  cwd=tmp_path).stdout)
    stories = ledger["stories"] if isinstance(ledger, dict) else ledger
    nice = [s for s in stories if "Nice" in " ".join(m["text"] for m in s["mentions"])]
    assert nice and max(s["independent_sources"] for s in nice) >= 3
