"""`claimdesk ledger` and `claimdesk report` from the command line: formats, filters, exit codes."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from claimdesk.cli import app
from test_report_store import build_store

runner = CliRunner()


@pytest.fixture
def db(tmp_path, samples_dir, corpus_dir) -> str:
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    build_store(url, samples_dir, corpus_dir)
    return url


def test_ledger_json_to_stdout_is_the_story_list(db):
    result = runner.invoke(app, ["ledger", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert {s["status"] for s in json.loads(result.stdout)} == {"corroborated", "single_source", "contested", "denied"}


def test_ledger_csv_with_filters_to_a_file(db, tmp_path):
    out = tmp_path / "contested.csv"
    result = runner.invoke(app, ["ledger", "--db", db, "--format", "csv", "--status", "contested", "--since",
                                 "2024-10-01", "--place", "Kursk", "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["story_id"] for r in rows] == ["story-contested"]
    assert "1 stories written" in result.stderr


@pytest.mark.parametrize("fmt, key", [("claimreview", "@type"), ("geojson", "type")])
def test_ledger_claimreview_and_geojson(db, fmt, key):
    result = runner.invoke(app, ["ledger", "--db", db, "--format", fmt, "--min-sources", "2", "--event-type", "desertion"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    if fmt == "claimreview":
        assert [r["identifier"] for r in data] == ["story-contested"] and data[0][key] == "ClaimReview"
    else:
        assert data[key] == "FeatureCollection" and [f["id"] for f in data["features"]] == ["story-contested"]


@pytest.mark.parametrize("args, message", [
    (["--status", "true"], "expected one of corroborated"),
    (["--since", "yesterday"], "expected a date YYYY-MM-DD"),
    (["--event-type", "riot"], "expected one of deployment"),
    (["--format", "xml"], "xml"),
])
def test_bad_ledger_options_are_usage_errors(db, args, message):
    result = runner.invoke(app, ["ledger", "--db", db, *args])
    assert result.exit_code == 2
    assert message in result.output


def test_report_writes_one_self_contained_file(db, tmp_path):
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", "--db", db, "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and "story-contested" in html
    assert "report with 6 stories" in result.stderr


def test_report_needs_out(db):
    assert runner.invoke(app, ["report", "--db", db]).exit_code == 2


@pytest.mark.parametrize("command", ["ledger", "report", "serve"])
def test_help_has_an_example(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Example:" in result.output
