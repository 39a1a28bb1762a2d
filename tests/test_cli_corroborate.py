"""`claimdesk corroborate` on a store holding the sample article and a second report of one of its events."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from claimdesk.cli import app
from claimdesk.corroborate.copies import CopyDetector  # noqa: F401  (package imports cleanly)
from claimdesk.extract import extract
from claimdesk.models import Document
from claimdesk.store import Store
from claimdesk.store.stories import count_stories, StoryFilter

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "corroborate" / "kyiv-monitor-north-korean-officers.txt"


def _store(url: str, samples_dir: Path) -> None:
    store = Store(url)
    for path, outlet, day in ((samples_dir / "sofrep-north-korean-deserters.txt", "SOFREP", date(2024, 10, 16)),
                              (FIXTURE, "Kyiv Monitor", date(2024, 10, 17))):
        doc = Document.from_text(path.read_text(encoding="utf-8"), source=str(path), outlet=outlet, published=day)
        store.add_document(doc, claims=list({c.id: c for c in extract(doc)}.values()))


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
