"""Exit codes a script can trust, from real subprocesses: 0 done, 1 done with rejected inputs, 2 bad
usage, 3 could not run (one line on stderr; the traceback only with --debug or -v)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from claimdesk.models import Document
from claimdesk.store import Store
from system_programs import require_system_program

REPO = Path(__file__).resolve().parent.parent
HINT = " (claimdesk --debug COMMAND … shows the traceback)"


def claimdesk(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "400", "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    env.pop("CLAIMDESK_DB", None)
    return subprocess.run([sys.executable, "-m", "claimdesk", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)


def _store_with_one_document(path: Path) -> None:
    store = Store(f"sqlite:///{path}")
    store.add_document(Document.from_text("Six officers were killed on Tuesday, the ministry said.\n",
                                          source="memo.txt", outlet="example.org"))
    store.close()


NEEDS_A_STORE = {
    "ledger": ["ledger"],
    "report": ["report", "--out", "report.html"],
    "stats": ["stats"],
    "serve": ["serve", "--port", "0"],
    "corroborate": ["corroborate"],  # writes, but has nothing to do in a store that does not exist
}


@pytest.mark.parametrize("command", sorted(NEEDS_A_STORE))
def test_a_command_on_a_missing_sqlite_file_says_so_and_creates_nothing(command, tmp_path):
    run = claimdesk(*NEEDS_A_STORE[command], "--db", "sqlite:///typo.sqlite", cwd=tmp_path)
    assert run.returncode == 3
    assert run.stderr == ("claimdesk: could not run: no database at typo.sqlite (sqlite:///typo.sqlite): "
                          "check --db or $CLAIMDESK_DB; `claimdesk ingest` makes one" + HINT + "\n")
    assert run.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_the_default_database_is_not_created_by_a_read_only_command(tmp_path):
    run = claimdesk("ledger", cwd=tmp_path)
    assert run.returncode == 3 and "no database at claimdesk.sqlite" in run.stderr
    assert not (tmp_path / "claimdesk.sqlite").exists()


def test_the_same_commands_on_an_existing_store_exit_0(tmp_path):
    _store_with_one_document(tmp_path / "news.sqlite")
    run = claimdesk("stats", "--db", "sqlite:///news.sqlite", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "example.org" in run.stdout
    ledger = claimdesk("ledger", "--db", "sqlite:///news.sqlite", cwd=tmp_path)
    assert (ledger.returncode, ledger.stdout) == (0, "[]\n")


def test_a_garbage_database_file_is_one_line_and_exit_3(tmp_path):
    (tmp_path / "garbage.sqlite").write_bytes(b"this is not a database, it is a shopping list\n" * 100)
    run = claimdesk("stats", "--db", "sqlite:///garbage.sqlite", cwd=tmp_path)
    assert run.returncode == 3
    assert run.stderr == "claimdesk: could not run: cannot open the database sqlite:///garbage.sqlite: " \
                         "file is not a database" + HINT + "\n"
    ingest = claimdesk("ingest", str(REPO / "README.md"), "--db", "sqlite:///garbage.sqlite", "--no-claims", cwd=tmp_path)
    assert ingest.returncode == 3 and ingest.stderr.count("\n") == 1 and "file is not a database" in ingest.stderr


@pytest.mark.parametrize("flag", ["--debug", "-v"])
def test_debug_adds_the_traceback_after_the_line(flag, tmp_path):
    (tmp_path / "garbage.sqlite").write_bytes(b"\x00\xff" * 4096)
    run = claimdesk(flag, "ledger", "--db", "sqlite:///garbage.sqlite", cwd=tmp_path)
    assert run.returncode == 3
    first, rest = run.stderr.split("\n", 1)
    assert first == "claimdesk: could not run: cannot open the database sqlite:///garbage.sqlite: file is not a database"
    assert rest.startswith("Traceback (most recent call last):")
    assert "sqlite3.DatabaseError: file is not a database" in rest


def test_a_database_missing_its_tables_is_a_database_error_not_a_crash(tmp_path):
    _store_with_one_document(tmp_path / "broken.sqlite")
    with sqlite3.connect(tmp_path / "broken.sqlite") as conn:
        conn.execute("DROP TABLE stories")
    run = claimdesk("ledger", "--db", "sqlite:///broken.sqlite", cwd=tmp_path)
    assert run.returncode == 3
    assert run.stderr == "claimdesk: could not run: database error: no such table: stories" + HINT + "\n"


def test_an_unwritable_output_is_exit_3_with_the_file_named(tmp_path):
    _store_with_one_document(tmp_path / "news.sqlite")
    run = claimdesk("report", "--db", "sqlite:///news.sqlite", "--out", "no/such/folder/r.html", cwd=tmp_path)
    assert run.returncode == 3
    assert run.stderr == "claimdesk: could not run: No such file or directory: no/such/folder/r.html" + HINT + "\n"


@pytest.mark.slow
def test_an_unreachable_postgresql_server_is_exit_3_and_hides_the_password(tmp_path):
    run = claimdesk("stats", "--db", "postgresql://claimdesk:hunter2@127.0.0.1:1/claimdesk", cwd=tmp_path)
    assert run.returncode == 3
    assert run.stderr.startswith("claimdesk: could not run: cannot open the database "
                                 "postgresql://claimdesk:***@127.0.0.1:1/claimdesk: ")
    assert "hunter2" not in run.stderr and run.stderr.count("\n") == 1 and "Connection refused" in run.stderr


@pytest.mark.parametrize("args, message", [
    (["ledger", "--min-sources", "1e23"], "'--min-sources'"),
    (["ledger", "--min-sources", "100000000000000000000000"], "less than or equal to 1000000"),
    (["ledger", "--db", "mysql://localhost/x"], "expected a sqlite:/// or postgresql:// database URL"),
    (["report", "--out", "r.html", "--max-documents", str(10**25)], "less than or equal to 1000000000"),
    (["frobnicate"], "No such command"),
])
def test_bad_usage_is_exit_2_before_any_database_is_opened(args, message, tmp_path):
    run = claimdesk(*args, cwd=tmp_path)
    assert run.returncode == 2, run.stderr
    assert message in run.stderr and "Traceback" not in run.stderr
    assert list(tmp_path.iterdir()) == []


def test_done_and_done_with_rejected_inputs_are_0_and_1(tmp_path):
    good = tmp_path / "memo.txt"
    good.write_text("Six officers were killed on Tuesday, the ministry said.\n", encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    ok = claimdesk("ingest", str(good), "--db", "sqlite:///s.sqlite", "--no-claims", "-q", cwd=tmp_path)
    assert (ok.returncode, ok.stderr) == (0, "")
    partly = claimdesk("ingest", str(good), str(binary), "--db", "sqlite:///s.sqlite", "--no-claims", "-q", cwd=tmp_path)
    assert partly.returncode == 1
    assert partly.stderr.startswith(f"rejected: {binary}: ") and partly.stderr.count("\n") == 1


def test_the_main_job_ends_with_the_worst_code_of_its_steps_and_names_them(tmp_path: Path):
    # `make run`'s job over a shared folder that is not there: every step still runs, the missing
    # sample and samples folder are rejected inputs (1), named on stderr; before, the job ended with 0
    if not (REPO / ".venv" / "bin" / "claimdesk").exists():
        require_system_program("the project's own venv (the main job runs it; `make setup` makes it)")
    job = subprocess.run(["bash", str(REPO / "scripts" / "run-main-job.sh"), str(tmp_path / "no-shared"),
                          f"sqlite:///{tmp_path / 'job.sqlite'}"], cwd=tmp_path, capture_output=True, text=True,
                         stdin=subprocess.DEVNULL)
    assert job.returncode == 1, job.stderr
    assert "run-main-job: claimdesk audit (exit 1)" in job.stderr
    assert "run-main-job: claimdesk ingest (exit 1)" in job.stderr
    assert "== claimdesk stats" in job.stdout  # the steps after the failed ones ran
