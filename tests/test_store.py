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


def test_documents_read_in_bulk_come_in_the_order_asked(sqlite_url: str, sample_doc: Document) -> None:
    store = Store(sqlite_url)
    other = Document.from_text("A second article about something else entirely.", source="b.txt")
    store.add_document(sample_doc)
    store.add_document(other)
    assert [d.id for d in store.get_documents([other.id, "missing", sample_doc.id])] == [other.id, sample_doc.id]
    assert [d.id for d in store.get_documents([sample_doc.id, other.id], chunk=1)] == [sample_doc.id, other.id]
    assert store.get_documents([]) == []


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


def test_migration_one_creates_only_the_tables_it_names() -> None:
    from sqlalchemy import create_engine, inspect

    from claimdesk.store import migrations

    engine = create_engine("sqlite://")
    with engine.begin() as conn:
        dict((v, apply) for v, _, apply in migrations.MIGRATIONS)[1](conn)
        made = set(inspect(conn).get_table_names())
    assert made == {"documents", "document_sources", "links", "rejected", "findings", "claims", "document_copies",
                    "stories", "story_mentions"}


def test_a_store_missing_the_corroboration_tables_gets_them_from_migrations_3_and_5(sqlite_url: str) -> None:
    from sqlalchemy import inspect

    corroboration = {"corroborated_documents", "event_clusters", "corroboration_meta", "story_state"}
    store = Store(sqlite_url)
    with store.engine.begin() as conn:
        for table in sorted(corroboration):
            conn.execute(text(f"DROP TABLE {table}"))
        conn.execute(text("DELETE FROM schema_migrations WHERE version IN (3, 5)"))
    with store.engine.connect() as conn:
        assert not corroboration & set(inspect(conn).get_table_names())
    reopened = Store(sqlite_url)
    with reopened.engine.connect() as conn:
        assert corroboration <= set(inspect(conn).get_table_names())
    assert reopened.migrations_applied() == [m[0] for m in MIGRATIONS]


def test_the_store_and_the_spark_tables_read_back_what_they_wrote(sqlite_url: str, sample_doc: Document) -> None:
    """One codec (store/codec.py) serves both: a claim, a finding, a story and an origin come back
    equal from the store and from a Spark table row."""
    from datetime import date

    from claimdesk.models import Contradiction, Origin, Story
    from claimdesk.scale import tables
    from claimdesk.store.stories import get_story, load_origins, save_stories, write_origins

    span = (10, 40)
    claim = Claim(id=Claim.make_id(sample_doc.id, span), document_id=sample_doc.id, text=sample_doc.text[10:40], span=span,
                  line=1, actors=["Kim"], attribution=Attribution(kind="named_person", source="Kim", source_span=(0, 3)),
                  when=When(text="in June", value="2024-06", granularity="month", span=(12, 19)),
                  places=[Place(name="Kyiv", lat=50.45, lon=30.52, country="UA", span=(20, 24), kind="city")],
                  quantities=[Quantity(text="six", value=6, span=(25, 28))], checkworthiness=0.75, extractor="t.v1")
    finding = Finding(kind="placeholder", severity="info", line=1, end_line=1, span=(0, 2), quote="«»", message="m",
                      related=Related(line=2, end_line=3, span=(5, 9)))
    story = Story(id="s1", text=claim.text, event_type="casualty", status="contested", independent_sources=2,
                  first_seen=date(2024, 10, 16), when=claim.when, places=claim.places, mentions=[],
                  contradictions=[Contradiction(kind="number", detail="6 vs 7", mentions=["a", "b"], spans=[(1, 2), None])])
    origin = Origin(outlet="Reuters", key="reuters.com", why="credits Reuters", span=(0, 40), document=None)

    def spark(columns, row):  # noqa: ANN001, ANN202
        return dict(zip([name for name, _ in columns], row))

    assert tables.claim_from(spark(tables.CLAIM_COLUMNS, tables.claim_row(claim))) == claim
    assert tables.finding_from(spark(tables.FINDING_COLUMNS, tables.finding_row(sample_doc.id, finding))) == finding
    assert tables.story_from(spark(tables.STORY_COLUMNS, tables.story_row(story)), []) == story
    assert tables.origin_from(spark(tables.ORIGIN_COLUMNS, tables.origin_row(sample_doc.id, 0, origin))) == origin
    sample_doc.furniture = [(0, 5)]
    assert tables.document_from(spark(tables.DOCUMENT_COLUMNS, tables.document_row(sample_doc))).furniture == [(0, 5)]

    store = Store(sqlite_url)
    store.add_document(sample_doc, findings=[finding], claims=[claim])
    save_stories(store, [story])
    with store.engine.begin() as conn:
        write_origins(conn, {sample_doc.id: [origin]})
    with store.engine.connect() as conn:
        assert load_origins(conn, [sample_doc.id]) == {sample_doc.id: [origin]}
    assert store.claims_for(sample_doc.id) == [claim] and store.findings_for(sample_doc.id) == [finding]
    assert get_story(store, "s1") == story
    assert store.get_document(sample_doc.id).furniture == [(0, 5)]
