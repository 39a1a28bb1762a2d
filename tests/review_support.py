"""A real store for the review tests: the sample article (SOFREP) and PolNeAR articles through the
real pipeline (ingest, audit, extract, corroborate); the Kyiv Monitor fixture as later evidence."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from claimdesk.models import Story
from claimdesk.store import Store
from claimdesk.store.stories import iter_stories

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = "sofrep-north-korean-deserters.txt"
SECOND_REPORT = FIXTURES / "corroborate" / "kyiv-monitor-north-korean-officers.txt"
POLNEAR_ARTICLES = 6


def _ingest(store: Store, paths: list[Path], day: date, outlet: str | None = None) -> None:
    from claimdesk.ingest import IngestOptions
    from claimdesk.pipeline import ingest

    report = ingest(paths, store, IngestOptions(published=day, outlet=outlet))
    assert report.documents_new == len(paths) and not report.rejected


def build_review_store(url: str, samples_dir: Path, corpus_dir: Path) -> Store:
    from claimdesk.corroborate import corroborate
    from claimdesk.store import open_store

    store = open_store(url)
    _ingest(store, [samples_dir / SAMPLE], date(2024, 10, 16), "SOFREP")
    _ingest(store, sorted((corpus_dir / "polnear" / "dev" / "text").glob("*.txt"))[:POLNEAR_ARTICLES], date(2024, 10, 16))
    corroborate(store)
    return store


def add_second_report(store: Store) -> None:
    """A later article on the same killings with another figure: new source, new contradiction."""
    _ingest(store, [SECOND_REPORT], date(2024, 10, 17), "Kyiv Monitor")


def memberships(store: Store) -> dict[str, tuple[str, frozenset[str]]]:
    """story id -> (status, its mentions' claim ids)."""
    return {s.id: (s.status, frozenset(m.claim for m in s.mentions)) for s in iter_stories(store)}


def story_saying(store: Store, words: str) -> Story:
    [story] = [s for s in iter_stories(store) if any(words in m.text for m in s.mentions)]
    return story


def sofrep_stories(store: Store) -> list[Story]:
    """The sample's stories, best-sourced first (the ones the review tests correct)."""
    return [s for s in iter_stories(store) if any(m.outlet == "SOFREP" for m in s.mentions)]
