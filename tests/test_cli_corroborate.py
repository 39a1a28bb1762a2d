"""`claimdesk corroborate` on a store holding the sample article and a second report of one of its events."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from claimdesk.cli import app
from claimdesk.corroborate.copies import CopyDetector  # noqa: F401  (package imports cleanly)
from claimdesk.ingest import IngestOptions
from claimdesk.pipeline import ingest
from claimdesk.store import Store
from claimdesk.store.stories import count_stories, StoryFilter

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "corroborate" / "kyiv-monitor-north-korean-officers.txt"


def _store(url: str, samples_dir: Path) -> None:
    """The two reports ingested as a user ingests them (furniture marked, claims extracted)."""
    store = Store(url)
    for path, outlet, day in ((samples_dir / "sofrep-north-korean-deserters.txt", "SOFREP", date(2024, 10, 16)),
                              (FIXTURE, "Kyiv Monitor", date(2024, 10, 17))):
        ingest([path], store, IngestOptions(published=day, outlet=outlet), workers=1)
    store.close()


def test_corroborate_prints_statuses_and_is_incremental(sqlite_url, samples_dir):
    _store(sqlite_url, samples_dir)
    runner = CliRunner()
    result = runner.invoke(app, ["corroborate", "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    assert "corroborated 2 new documents" in result.output
    assert "contested" in result.output
    assert count_stories(Store(sqlite_url), StoryFilter(status="contested")) >= 1
    again = runner.invoke(app, ["corroborate", "--db", sqlite_url])
    assert again.exit_code == 0 and "corroborated 0 new documents" in again.output
    quiet = runner.invoke(app, ["corroborate", "--db", sqlite_url, "--full", "--quiet"])
    assert quiet.exit_code == 0 and quiet.output == ""
    assert count_stories(Store(sqlite_url), StoryFilter(status="contested")) >= 1


def test_corroborate_help_has_example():
    result = CliRunner().invoke(app, ["corroborate", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "--full" in result.output


def test_corroborate_bad_database_url_is_usage_error():
    result = CliRunner().invoke(app, ["corroborate", "--db", "mysql://nowhere"])
    assert result.exit_code == 2
    assert "expected a sqlite:/// or postgresql:// database URL" in result.output
