"""`claimdesk users` and `claimdesk review` as a user runs them: real processes on a pipeline-made
store, then `claimdesk corroborate --full`, and the correction still holds in the ledger."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from sqlalchemy import text

from claimdesk.store import Store
from claimdesk.store.stories import get_story
from review_support import build_review_store, sofrep_stories

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory, samples_dir, corpus_dir):
    path = tmp_path_factory.mktemp("cli-review") / "base.sqlite"
    store = build_review_store(f"sqlite:///{path}", samples_dir, corpus_dir)
    with store.engine.begin() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    store.close()
    return path


@pytest.fixture
def db(built, tmp_path):
    copy = tmp_path / "store.sqlite"
    shutil.copy(built, copy)
    return f"sqlite:///{copy}"


def claimdesk(*args: str, token: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CLAIMDESK_TOKEN"}
    if token:
        env["CLAIMDESK_TOKEN"] = token
    return subprocess.run([sys.executable, "-m", "claimdesk", *args], capture_output=True, text=True, env=env)


def _ledger(db: str) -> dict[str, dict]:
    done = claimdesk("ledger", "--db", db, "--format", "json")
    assert done.returncode == 0, done.stderr
    return {s["id"]: s for s in json.loads(done.stdout)}


def _stories(db: str) -> list[str]:
    store = Store(db)
    try:
        return [s.id for s in sofrep_stories(store)[:4]]
    finally:
        store.close()


def test_no_write_without_a_user_and_a_token(db):
    a, b = _stories(db)[:2]
    refused = claimdesk("review", "merge", a, b, "--db", db, token="whatever-token")
    assert refused.returncode == 2 and "read-only: no user exists yet" in refused.stderr
    added = claimdesk("users", "add", "ana", "--db", db)
    assert added.returncode == 0 and "shown this once" in added.stderr
    token = added.stdout.strip().splitlines()[-1]
    assert len(token) >= 40
    no_token = claimdesk("review", "merge", a, b, "--db", db)
    assert no_token.returncode == 2 and "needs your token" in no_token.stderr
    wrong = claimdesk("review", "merge", a, b, "--db", db, token=token[:-2] + "xx")
    assert wrong.returncode == 2 and "no user's" in wrong.stderr
    twice = claimdesk("users", "add", "ana", "--db", db)
    assert twice.returncode == 2 and "exists already" in twice.stderr
    listed = claimdesk("users", "list", "--db", db)
    assert listed.stdout.startswith("ana\t") and token not in listed.stdout
    assert claimdesk("review", "log", "--db", db, "--format", "json").stdout.strip() == "[]"


def test_review_loop_then_corroborate_full(db):
    a, b, c, d = _stories(db)
    token = claimdesk("users", "add", "ana", "--db", db).stdout.strip().splitlines()[-1]
    merged = claimdesk("review", "merge", a[:10], b[:10], "--note", "one report", "--db", db, token=token)
    assert merged.returncode == 0, merged.stderr
    assert merged.stdout.startswith("#1 ana merge: stories ") and f"story {a}" in merged.stdout
    store = Store(db)  # a mention's claim id, as the story page and the API show it
    claim_out, claim_over = (m.claim for m in get_story(store, c).mentions[1:3])
    store.close()
    out = claimdesk("review", "move", claim_out, "--new", "--note", "another event", "--db", db, token=token)
    assert out.returncode == 0, out.stderr
    new_story = out.stdout.strip().splitlines()[-1].split()[-1]
    over = claimdesk("review", "move", claim_over, "--to", d, "--db", db, token=token)
    assert over.returncode == 0, over.stderr
    status = claimdesk("review", "status", d, "denied", "--reason", "the ministry's statement", "--db", db, token=token)
    assert status.returncode == 0 and "status single_source -> denied" in status.stdout
    note = claimdesk("review", "note", c, "asked the regional office", "--db", db, token=token)
    assert note.returncode == 0

    before = _ledger(db)
    full = claimdesk("corroborate", "--full", "--quiet", "--db", db)
    assert full.returncode == 0, full.stderr
    after = _ledger(db)
    assert b not in after
    for sid in (a, c, d, new_story):
        assert {m["document"] + str(m["span"]) for m in after[sid]["mentions"]} == \
            {m["document"] + str(m["span"]) for m in before[sid]["mentions"]}, sid
        assert after[sid]["status"] == before[sid]["status"]
    assert after[d]["status"] == "denied" and after[d]["review"]["machine_status"] == "single_source"
    assert after[c]["review"]["note"] == "asked the regional office"
    assert len(after[new_story]["mentions"]) == 1

    log = claimdesk("review", "log", "--db", db)
    assert [line.split()[4] for line in log.stdout.splitlines()] == ["merge", "move", "move", "status", "note"]
    story_log = json.loads(claimdesk("review", "log", d, "--format", "json", "--db", db).stdout)
    assert [e["action"] for e in story_log] == ["move", "status"]
    assert story_log[1]["before"]["status"] == "single_source" and story_log[1]["after"]["status"] == "denied"


def test_bad_usage_exits_2(db):
    a = _stories(db)[0]
    token = claimdesk("users", "add", "ana", "--db", db).stdout.strip().splitlines()[-1]
    both = claimdesk("review", "move", "abcdef", "--new", "--to", a, "--db", db, token=token)
    assert both.returncode == 2 and "exactly one of --to STORY or --new" in both.stderr
    no_reason = claimdesk("review", "status", a, "denied", "--db", db, token=token)
    assert no_reason.returncode == 2 and "--reason" in no_reason.stderr
    unknown = claimdesk("review", "note", "0123456789", "x", "--db", db, token=token)
    assert unknown.returncode == 2 and "no story with id '0123456789'" in unknown.stderr
    short = claimdesk("review", "note", a[:3], "x", "--db", db, token=token)
    assert short.returncode == 2 and "at least 6 characters" in short.stderr


@pytest.mark.parametrize("command", ["merge", "move", "status", "note", "log"])
def test_review_help_has_an_example(command):
    done = claimdesk("review", command, "--help")
    assert done.returncode == 0 and "Example" in done.stdout


def test_users_help_has_an_example():
    for args in (["users", "--help"], ["users", "add", "--help"], ["review", "--help"]):
        done = claimdesk(*args)
        assert done.returncode == 0 and "Example" in done.stdout
