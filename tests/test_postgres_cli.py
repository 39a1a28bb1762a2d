"""Every command with `--db postgresql://…` on a real server: ingest, stats, corroborate, ledger,
report, serve; the same schema and results as on SQLite."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from system_programs import require_shared_data

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

REPO = Path(__file__).resolve().parent.parent


def claimdesk(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CLAIMDESK_DB"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return subprocess.run([sys.executable, "-m", "claimdesk", *args], cwd=cwd, capture_output=True,
                          text=True, env=env)


@pytest.fixture(scope="module")
def articles(corpus_dir: Path, tmp_path_factory) -> Path:
    """12 PolNeAR articles, one of them twice under another name (one document, two sources)."""
    texts = sorted((corpus_dir / "polnear" / "train" / "text").glob("*.txt"))[::70][:12]
    if len(texts) < 12:
        require_shared_data("PolNeAR train texts not found in the corpus")
    folder = tmp_path_factory.mktemp("pg-articles")
    for t in texts:
        (folder / t.name).symlink_to(t)
    (folder / "zz-again.txt").write_text(texts[0].read_text(encoding="utf-8"), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def ingested(postgres_server, articles: Path, tmp_path_factory) -> tuple[str, Path]:
    if isinstance(postgres_server, str):
        pytest.skip("needs a fresh database on the throwaway server")
    url = postgres_server.create_database()
    cwd = tmp_path_factory.mktemp("pg-cli")
    result = claimdesk("ingest", str(articles), "--db", url, "--quiet", cwd=cwd)
    assert result.returncode == 0, result.stderr
    result = claimdesk("corroborate", "--db", url, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return url, cwd


def _stats(url: str, cwd: Path) -> dict:
    result = claimdesk("stats", "--db", url, "--json", cwd=cwd)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_ingest_then_stats(ingested, articles):
    url, cwd = ingested
    stats = _stats(url, cwd)
    assert stats["documents"] == 12 and stats["sources"] == 13
    assert stats["claims"] > 100 and stats["stories"] > 0
    assert not (cwd / "claimdesk.sqlite").exists()  # nothing went to the default SQLite store
    again = claimdesk("ingest", str(articles), "--db", url, "--quiet", cwd=cwd)
    assert again.returncode == 0, again.stderr
    assert _stats(url, cwd)["claims"] == stats["claims"]  # re-ingesting is a no-op


def test_postgres_and_sqlite_stores_hold_the_same_stories(ingested, articles, tmp_path):
    url, cwd = ingested
    lite = f"sqlite:///{tmp_path / 'same.sqlite'}"
    assert claimdesk("ingest", str(articles), "--db", lite, "--quiet", cwd=cwd).returncode == 0
    assert claimdesk("corroborate", "--db", lite, cwd=cwd).returncode == 0
    keys = ("documents", "sources", "claims", "findings", "stories", "by_outlet", "stories_by_status")
    pg, sq = _stats(url, cwd), _stats(lite, cwd)
    assert {k: pg[k] for k in keys} == {k: sq[k] for k in keys}
    # The stories themselves, in ledger order: text, status, sources, places, mentions, contradictions.
    pg_ledger, lite_ledger = _ledger(url, cwd), _ledger(lite, cwd)
    assert len(pg_ledger) == pg["stories"] > 0
    assert [s["id"] for s in pg_ledger] == [s["id"] for s in lite_ledger]
    differ = [d for a, b in zip(pg_ledger, lite_ledger) for d in _differences(a, b, a["id"])]
    assert not differ, differ[:5]
    # Full-text search and the place filter select the same stories on both (FTS5 vs tsvector; the
    # two rank matches by different formulas, so only the place filter keeps one order).
    words = [w for w in re.findall(r"[A-Za-z]{5,}", " ".join(s["text"] for s in pg_ledger))][:40:8]
    places = sorted({p["name"] for s in pg_ledger for p in s.get("places", [])})[:3]
    assert words and places
    for word in words:
        found = {s["id"] for s in _ledger(url, cwd, "--search", word)}
        assert found and found == {s["id"] for s in _ledger(lite, cwd, "--search", word)}, word
    for place in places:
        found = _ledger(url, cwd, "--place", place)
        assert found and found == _ledger(lite, cwd, "--place", place), place


def _differences(a, b, path: str) -> list[str]:  # noqa: ANN001
    """Where two JSON values differ (paths, postgres value vs SQLite value)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return [d for k in sorted(set(a) | set(b)) for d in _differences(a.get(k), b.get(k), f"{path}.{k}")]
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in _differences(x, y, f"{path}[{i}]")]
    return [] if a == b else [f"{path}: {a!r:.120} vs {b!r:.120}"]


def _ledger(url: str, cwd: Path, *args: str) -> list[dict]:
    result = claimdesk("ledger", "--db", url, "--format", "json", *args, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_ledger_and_report(ingested, tmp_path):
    url, cwd = ingested
    result = claimdesk("ledger", "--db", url, "--format", "json", cwd=cwd)
    assert result.returncode == 0, result.stderr
    stories = json.loads(result.stdout)
    assert len(stories) == _stats(url, cwd)["stories"]
    assert all(s["mentions"] and s["status"] in {"corroborated", "single_source", "contested", "denied"}
               for s in stories)
    out = tmp_path / "report.html"
    result = claimdesk("report", "--db", url, "--out", str(out), cwd=cwd)
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    plain = next(s["text"][:30] for s in stories if re.fullmatch(r"[\w ,.]{30}", s["text"][:30]))
    assert page.lstrip().lower().startswith("<!doctype html") and plain in page


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve(ingested):
    url, cwd = ingested
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "CLAIMDESK_DB"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    server = subprocess.Popen(
        [sys.executable, "-m", "claimdesk", "serve", "--db", url, "--port", str(port), "--token", "test-token-1234", "--quiet"],
        cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        page = None
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stories?limit=5") as response:
                    page = json.loads(response.read())
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(f"serve exited: {server.stderr.read()}")
                time.sleep(0.25)
        assert page is not None, "serve did not answer"
        assert page["total"] == _stats(url, cwd)["stories"] and len(page["stories"]) == min(5, page["total"])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/") as response:
            assert response.status == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
