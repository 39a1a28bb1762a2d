"""`claimdesk batch --engine spark` then `claimdesk load --db postgresql://…`, as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimdesk.scale.tables import TABLES

from system_programs import require_shared_data

pytestmark = [pytest.mark.spark, pytest.mark.postgres, pytest.mark.slow]

REPO = Path(__file__).resolve().parent.parent


def claimdesk(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CLAIMDESK_DB"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return subprocess.run([sys.executable, "-m", "claimdesk", *args], cwd=cwd, capture_output=True, text=True, env=env)


def test_batch_then_load_into_postgres(corpus_dir: Path, tmp_path: Path, postgres_server):
    if isinstance(postgres_server, str):
        pytest.skip("needs a fresh database on the throwaway server")
    texts = sorted((corpus_dir / "polnear" / "train" / "text").glob("*.txt"))[5:11]
    if len(texts) < 6:
        require_shared_data("PolNeAR train texts not found in the corpus")
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    pages = sorted((corpus_dir / "news_cluster").glob("*.json"))[:2]  # news-please crawls, one page a file
    for t in texts + pages:
        (inputs / t.name).symlink_to(t)
    (inputs / "empty.txt").write_bytes(b"")
    out = tmp_path / "tables"

    batch = claimdesk("batch", "--engine", "spark", "--master", "local[2]", str(inputs), "--out", str(out),
                      "--no-claims", "--conf", f"spark.local.dir={tmp_path / 'spark'}",
                      "--conf", f"spark.driver.extraJavaOptions=-Djava.io.tmpdir={tmp_path}", cwd=tmp_path)
    assert batch.returncode == 1, batch.stderr  # done, but one input was rejected
    assert f"rejected: {inputs / 'empty.txt'}: empty file" in batch.stderr
    assert "8 documents" in batch.stdout
    assert all((out / name).is_dir() for name in TABLES)

    url = postgres_server.create_database()
    for _ in range(2):  # loading twice changes nothing
        load = claimdesk("load", str(out), "--db", url, cwd=tmp_path)
        assert load.returncode == 0, load.stderr
        stats = claimdesk("stats", "--db", url, "--json", cwd=tmp_path)
        figures = json.loads(stats.stdout)
        assert figures["documents"] == 8 and figures["sources"] == 8 and figures["claims"] == 0
        assert sorted(figures["by_format"]) == [["json", 2], ["text", 6]]
        assert figures["rejected_inputs"] == [[str(inputs / "empty.txt"), "empty file (0 bytes)"]]
    assert "8 new documents" not in load.stdout and "8 already stored" in load.stdout


def test_batch_usage_errors(tmp_path: Path):
    wrong_engine = claimdesk("batch", "--engine", "dask", str(tmp_path), "--out", str(tmp_path / "o"), cwd=tmp_path)
    assert wrong_engine.returncode == 2 and "expected --engine spark" in wrong_engine.stderr
    not_a_batch = claimdesk("load", str(tmp_path), "--db", f"sqlite:///{tmp_path / 'x.sqlite'}", cwd=tmp_path)
    assert not_a_batch.returncode == 2 and "expected a `claimdesk batch` output folder" in not_a_batch.stderr
