"""Several processes writing the same documents at once end with each document exactly once.

Real concurrent subprocesses, on SQLite and on a real PostgreSQL server, starting on an empty
database so they also race to create its tables.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from claimdesk.store import Store
from claimdesk.store.migrations import MIGRATIONS

from system_programs import require_shared_data

REPO = Path(__file__).resolve().parent.parent

# Opens the store at a shared start time (so the migrations race) and writes every text file of a
# folder as a document, in an order that differs per process.
_WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from claimdesk.models import Document
    from claimdesk.store import Store
    url, folder, start_at, reverse = sys.argv[1], Path(sys.argv[2]), float(sys.argv[3]), sys.argv[4] == "1"
    files = sorted(folder.glob("*.txt"), reverse=reverse)
    docs = [Document.from_text(f.read_text(encoding="utf-8"), source=str(f)) for f in files]
    time.sleep(max(0.0, start_at - time.time()))
    store = Store(url)
    new = sum(store.add_document(d) for d in docs)
    print(new)
""")


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "CLAIMDESK_DB"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


@pytest.fixture(scope="module")
def article_folder(corpus_dir: Path, tmp_path_factory) -> Path:
    """30 real PolNeAR articles (links to them; the texts stay in the shared corpus)."""
    texts = sorted((corpus_dir / "polnear" / "train" / "text").glob("*.txt"))[:30]
    if len(texts) < 30:
        require_shared_data("PolNeAR train texts not found in the corpus")
    folder = tmp_path_factory.mktemp("articles")
    for t in texts:
        (folder / t.name).symlink_to(t)
    return folder


def _run_writers(url: str, folder: Path, processes: int) -> list[int]:
    start_at = time.time() + 2.0  # every interpreter is up and has read its files by then
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, url, str(folder), str(start_at), str(i % 2)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())
             for i in range(processes)]
    outs = [p.communicate() for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
    return [int(out.strip()) for out, _ in outs]


def _assert_each_document_once(url: str, folder: Path) -> None:
    store = Store(url)
    try:
        assert store.count("documents") == 30
        assert store.migrations_applied() == [v for v, _, _ in MIGRATIONS]
        for f in sorted(folder.glob("*.txt"))[:3]:
            sources = [s["source"] for s in store.document_sources(next(
                d.id for d in store.documents() if d.source == str(f)))]
            assert sources == [str(f)]  # the same source from 4 writers is recorded once
    finally:
        store.close()


def test_store_writers_race_on_empty_sqlite(sqlite_url, article_folder):
    new = _run_writers(sqlite_url, article_folder, processes=4)
    assert sum(new) == 30  # every document was new to exactly one writer
    _assert_each_document_once(sqlite_url, article_folder)


@pytest.mark.postgres
def test_store_writers_race_on_empty_postgres(fresh_postgres_url, article_folder):
    new = _run_writers(fresh_postgres_url, article_folder, processes=4)
    assert sum(new) == 30
    _assert_each_document_once(fresh_postgres_url, article_folder)


def _ingest_twice_at_once(url: str, folder: Path, cwd: Path) -> None:
    cmd = [sys.executable, "-m", "claimdesk", "ingest", str(folder), "--db", url, "--no-claims", "--quiet"]
    procs = [subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())
             for _ in range(2)]
    for p in procs:
        out, err = p.communicate()
        assert p.returncode == 0, err


def _counts(url: str) -> tuple[int, int, int]:
    store = Store(url)
    try:
        return store.count("documents"), store.count("document_sources"), store.count("findings")
    finally:
        store.close()


def _ingest_once(url: str, folder: Path, cwd: Path) -> None:
    cmd = [sys.executable, "-m", "claimdesk", "ingest", str(folder), "--db", url, "--no-claims", "--quiet"]
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=_env())
    assert result.returncode == 0, result.stderr


def test_two_ingest_commands_at_once_on_sqlite(tmp_path, article_folder):
    url = f"sqlite:///{tmp_path / 'race.sqlite'}"
    _ingest_twice_at_once(url, article_folder, tmp_path)
    alone = f"sqlite:///{tmp_path / 'alone.sqlite'}"
    _ingest_once(alone, article_folder, tmp_path)
    documents, sources, findings = _counts(url)
    assert documents == 30 and sources == 30
    assert (documents, sources, findings) == _counts(alone)  # no finding written twice


@pytest.mark.postgres
def test_two_ingest_commands_at_once_on_postgres(tmp_path, article_folder, postgres_server):
    if isinstance(postgres_server, str):
        pytest.skip("needs two fresh databases on the throwaway server")
    url, alone = postgres_server.create_database(), postgres_server.create_database()
    _ingest_twice_at_once(url, article_folder, tmp_path)
    _ingest_once(alone, article_folder, tmp_path)
    documents, sources, findings = _counts(url)
    assert documents == 30 and sources == 30
    assert (documents, sources, findings) == _counts(alone)
