"""`claimdesk digest` end to end, through real CLI processes: day one's report (the SOFREP sample),
a digest, then day two's (a second outlet that counts six officers as twenty soldiers, quoting a
Kremlin denial), and a digest that must report exactly what day two changed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DAY_TWO = REPO / "tests" / "fixtures" / "corroborate" / "kyiv-monitor-north-korean-officers.txt"


def _run(*args: str, db: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "claimdesk", *args, "--db", db], capture_output=True, text=True,
                          env=env, cwd=REPO, timeout=None)


def _ok(result: subprocess.CompletedProcess, code: int = 0) -> subprocess.CompletedProcess:
    assert result.returncode == code, (result.returncode, result.stdout[-2000:], result.stderr[-2000:])
    return result


def _digest(db: str, *args: str, code: int) -> dict:
    return json.loads(_ok(_run("digest", *args, "--format", "json", db=db), code).stdout)


def _changes(digest: dict) -> list[tuple[str, str]]:
    return sorted((s["id"], c["kind"]) for s in digest["stories"] for c in s["changes"])


@pytest.mark.slow
def test_digest_reports_exactly_what_the_second_day_changed(tmp_path, samples_dir):
    db = f"sqlite:///{tmp_path / 'desk.sqlite'}"
    _ok(_run("ingest", str(samples_dir / "sofrep-north-korean-deserters.txt"), "--published", "2024-10-16",
             "--outlet", "SOFREP", db=db))
    _ok(_run("corroborate", "--quiet", db=db))

    first = _digest(db, "--since-last", code=10)
    stories_day_one = {s["id"] for s in first["stories"]}
    ledger = json.loads(_ok(_run("ledger", "--format", "json", db=db)).stdout)
    assert stories_day_one == {s["id"] for s in ledger}  # nothing followed yet: every story is new
    assert {kind for _, kind in _changes(first)} <= {"new_story", "new_denial"}
    assert sum(1 for _, kind in _changes(first) if kind == "new_story") == len(ledger)
    # the sample's own Kremlin denial ("predictably denied these reports") came with its story
    assert [s["status"] for s in first["stories"] if any(c["kind"] == "new_denial" for c in s["changes"])] == ["denied"]

    quiet = _ok(_run("digest", "--since-last", db=db), 0)
    assert quiet.stdout.startswith("0 changes in 0 stories since the last digest")

    between = datetime.now(timezone.utc).isoformat()
    _ok(_run("follow", "term", "Donetsk", db=db))
    _ok(_run("ingest", str(DAY_TWO), "--published", "2024-10-17", "--outlet", "Kyiv Monitor", db=db))
    _ok(_run("corroborate", "--quiet", db=db))

    second = _digest(db, "--since-last", "--all", code=10)
    ledger = {s["id"]: s for s in json.loads(_ok(_run("ledger", "--format", "json", db=db)).stdout)}
    [officers] = [s for s in second["stories"] if "six North Korean officers" in s["text"]]
    assert officers["id"] in stories_day_one and officers["status"] == "contested"
    by_kind = {c["kind"]: c for c in officers["changes"]}
    assert sorted(by_kind) == ["new_contradiction", "new_denial", "new_origin", "status_changed"]
    assert (by_kind["status_changed"]["before"], by_kind["status_changed"]["after"]) == ("single_source", "contested")
    assert by_kind["new_origin"]["detail"] == "Kyiv Monitor (independent sources 1 → 2)"
    assert by_kind["new_contradiction"]["detail"] == "number: six vs Twenty"
    assert "The Kremlin denied that any North Korean soldiers had been killed near Donetsk" in by_kind["new_denial"]["detail"]
    # every other change of day two is a story of day two's article alone; no story of day one moved
    others = [s for s in second["stories"] if s["id"] != officers["id"]]
    assert others and all([c["kind"] for c in s["changes"]] == ["new_story"] for s in others)
    for s in others:
        assert s["id"] not in stories_day_one
        assert {m["outlet"] for m in ledger[s["id"]]["mentions"]} == {"Kyiv Monitor"}

    # followed only (term Donetsk), since a moment between the two days
    followed = _digest(db, "--since", between, code=10)
    assert followed["scope"] == "followed" and [f["value"] for f in followed["follows"]] == ["Donetsk"]
    assert officers["id"] in {s["id"] for s in followed["stories"]}
    for s in followed["stories"]:
        words = " ".join([ledger[s["id"]]["text"], *(m["text"] for m in ledger[s["id"]]["mentions"])])
        assert "donetsk" in words.lower() and s["followed_as"] == ["term Donetsk"]
    assert len(followed["stories"]) < len(second["stories"])

    text = _ok(_run("digest", "--since", between, db=db), 10).stdout
    assert "status changed: single_source → contested" in text
    assert "new independent origin: Kyiv Monitor (independent sources 1 → 2)" in text
    assert "for term Donetsk" in text.splitlines()[0]

    assert _ok(_run("digest", "--since-last", db=db), 0).stdout.startswith("0 changes")
    assert _ok(_run("digest", "--since", "2099-01-01", "--all", db=db), 0).stdout.startswith("0 changes")


def test_digest_usage_errors(tmp_path):
    db = f"sqlite:///{tmp_path / 'none.sqlite'}"
    bad = _run("digest", "--since", "yesterday", db=db)
    assert bad.returncode == 2 and "expected YYYY-MM-DD" in bad.stderr
    both = _run("digest", "--since", "2024-10-17", "--since-last", db=db)
    assert both.returncode == 2 and "not both" in both.stderr
    missing = _run("digest", db=db)
    assert missing.returncode == 3 and "no database at" in missing.stderr


def test_digest_help_documents_the_exit_codes():
    out = _ok(_run("digest", "--help", db="sqlite:///unused.sqlite")).stdout
    assert "10 something changed" in " ".join(out.split()) and "Example:" in out


def test_follow_list_and_remove(sqlite_url):
    from typer.testing import CliRunner

    from claimdesk.cli import app

    runner = CliRunner()
    assert runner.invoke(app, ["follow", "term", "missile strike", "--db", sqlite_url]).output == "following term missile strike\n"
    assert runner.invoke(app, ["follow", "actor", "Kremlin", "--db", sqlite_url]).exit_code == 0
    listed = runner.invoke(app, ["follow", "list", "--json", "--db", sqlite_url])
    assert [(f["kind"], f["value"]) for f in json.loads(listed.output)] == [("term", "missile strike"), ("actor", "Kremlin")]
    unknown = runner.invoke(app, ["follow", "story", "0123456789ab", "--db", sqlite_url])
    assert unknown.exit_code == 2 and "expected the id of a stored story" in unknown.output
    assert runner.invoke(app, ["follow", "remove", "actor", "Kremlin", "--db", sqlite_url]).exit_code == 0
    again = runner.invoke(app, ["follow", "remove", "actor", "Kremlin", "--db", sqlite_url])
    assert again.exit_code == 1
    assert runner.invoke(app, ["follow", "remove", "outlet", "x", "--db", sqlite_url]).exit_code == 2
    for command in (["follow", "--help"], ["follow", "term", "--help"], ["follow", "story", "--help"]):
        assert "Example:" in runner.invoke(app, command).output


def test_follows_belong_to_their_user_once_users_exist(sqlite_url):
    from typer.testing import CliRunner

    from claimdesk.cli import app
    from claimdesk.store import Store
    from claimdesk.store.reviews import add_user

    runner = CliRunner()
    assert runner.invoke(app, ["follow", "term", "Donetsk", "--db", sqlite_url], env={"CLAIMDESK_TOKEN": ""}).exit_code == 0
    store = Store(sqlite_url)
    ana, ben = add_user(store, "ana"), add_user(store, "ben")
    refused = runner.invoke(app, ["follow", "actor", "Kremlin", "--db", sqlite_url], env={"CLAIMDESK_TOKEN": ""})
    assert refused.exit_code == 2 and "follows are per user" in refused.output
    wrong = runner.invoke(app, ["follow", "actor", "Kremlin", "--db", sqlite_url, "--token", "not-a-token"])
    assert wrong.exit_code == 2 and "no user's" in wrong.output
    assert runner.invoke(app, ["follow", "actor", "Kremlin", "--db", sqlite_url], env={"CLAIMDESK_TOKEN": ana}).exit_code == 0
    assert runner.invoke(app, ["follow", "place", "Kursk", "--db", sqlite_url, "--token", ben]).exit_code == 0
    listed = json.loads(runner.invoke(app, ["follow", "list", "--json", "--db", sqlite_url]).output)
    assert [(f["value"], f["follower"]) for f in listed] == [("Donetsk", ""), ("Kremlin", "ana"), ("Kursk", "ben")]

    from claimdesk.report.digest import build_digest
    for user, expected in (("ana", {"Donetsk", "Kremlin"}), ("ben", {"Donetsk", "Kursk"}), (None, {"Donetsk", "Kremlin", "Kursk"})):
        assert {f.value for f in build_digest(store, follower=user).follows} == expected
    digest = runner.invoke(app, ["digest", "--db", sqlite_url, "--format", "json", "--token", ana])
    assert digest.exit_code == 0, digest.output
    assert {f["value"] for f in json.loads(digest.output)["follows"]} == {"Donetsk", "Kremlin"}
