"""The store on real articles: ids by content, sources, migrations, WAL, findings and claims."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from claimdesk.models import Attribution, Claim, Document, Finding, Place, Quantity, Related, RejectedInput, When
from claimdesk.store import Store, default_db_url
from claimdesk.store.migrations import MIGRATIONS


@pytest.fixture
def sample_doc(samples_dir: Path) -> Document:
    text_ = (samples_dir / "sofrep-north-korean-deserters.txt").read_text(encoding="utf-8")
    return Document.from_text(text_, source="sofrep.txt", outlet="SOFREP", published="2024-10-16")


def test_same_text_is_one_document_with_every_source(sqlite_url: str, sample_doc: Document) -> None:
    store = Store(sqlite_url)
    assert store.add_document(sample_doc) is True
    respaced = sample_doc.text.replace("\n", "\n\n")  # other line breaks, same normalised text
    copy = Document.from_text(respaced, source="https://example.org/copy", url="https://example.org/copy")
    assert copy.id == sample_doc.id
    assert store.add_document(copy) is False
    assert store.add_document(sample_doc) is False
    assert store.count("documents") == 1
    assert [s["source"] for s in store.document_sources(sample_doc.id)] == ["sofrep.txt", "https://example.org/copy"]
    assert store.get_document(sample_doc.id).text == sample_doc.text


def test_findings_and_claims_round_trip(sqlite_url: str, sample_doc: Document) -> None:
    store = Store(sqlite_url)
    start = sample_doc.text.index("six North Korean officers")
    span = (start, start + len("six North Korean officers were reportedly killed"))
    claim = Claim(
        id=Claim.make_id(sample_doc.id, span), document_id=sample_doc.id, text=sample_doc.text[span[0]:span[1]],
        span=span, line=sample_doc.line_of(span[0]), event_type="casualty", actors=["North Korean officers"],
        attribution=Attribution(kind="none"), hedges=["reportedly"],
        when=When(text="On October 3", value="2024-10-03", granularity="day"),
        places=[Place(name="Donetsk", lat=48.0, lon=37.8, country="UA", geonameid=709717)],
        quantities=[Quantity(text="six", value=6, unit="officers")], checkworthiness=0.9, extractor="test.v1",
    )
    finding = Finding(kind="placeholder", severity="warning", line=32, end_line=32, span=(0, 12),
                      quote="(Screenshot)", message="m", related=Related(line=22, end_line=22))
    store.add_document(sample_doc, findings=[finding], claims=[claim])
    assert claim.line == 22
    assert store.claims_for(sample_doc.id) == [claim]
    assert store.findings_for(sample_doc.id) == [finding]
    assert list(store.claims()) == [claim]


def test_migrations_are_recorded_once(sqlite_url: str) -> None:
    Store(sqlite_url)
    store = Store(sqlite_url)  # opening again applies nothing new
    assert store.migrations_applied() == [m[0] for m in MIGRATIONS]


def test_sqlite_runs_in_wal_mode(sqlite_url: str) -> None:
    store = Store(sqlite_url)
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_rejected_inputs_are_kept_once_per_reason(sqlite_url: str) -> None:
    store = Store(sqlite_url)
    store.add_rejected(RejectedInput(source="broken.warc.gz", reason="truncated gzip stream"))
    store.add_rejected(RejectedInput(source="broken.warc.gz", reason="truncated gzip stream"))
    assert [(r.source, r.reason) for r in store.rejected_inputs()] == [("broken.warc.gz", "truncated gzip stream")]


def test_unknown_database_url_fails_loudly() -> None:
    with pytest.raises(ValueError, match="expected a sqlite:/// or postgresql://"):
        Store("mysql://localhost/claimdesk")


def test_default_url_follows_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMDESK_DB", raising=False)
    assert default_db_url() == "sqlite:///claimdesk.sqlite"
    monkeypatch.setenv("CLAIMDESK_DB", "sqlite:////tmp/x.sqlite")
    assert default_db_url() == "sqlite:////tmp/x.sqlite"
