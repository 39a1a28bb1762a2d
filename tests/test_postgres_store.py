"""The store on a real PostgreSQL server: same schema, same migrations, same records back."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from sqlalchemy import inspect

from claimdesk.models import (
    Attribution, Claim, Contradiction, Document, Finding, LinkOnly, Mention, Place, Quantity, Related,
    RejectedInput, Story, When,
)
from claimdesk.store import Store
from claimdesk.store.migrations import MIGRATIONS
from claimdesk.store.search import SQLITE_ONLY_TABLES
from claimdesk.store.stories import (
    DocumentCopy, StoryFilter, copies, get_story, iter_stories, save_copies, save_stories,
)

pytestmark = pytest.mark.postgres

TEXT_A = ("Six officers were killed on Tuesday, October 15, in Kursk, according to unnamed officials.\n"
          "The ministry denied the report.\n")
TEXT_B = "Six officers were reportedly killed in Kursk on Tuesday.\nÜber 18 soldiers deserted — “quotes”.\n"


def _document(text: str, source: str, outlet: str, published: date) -> Document:
    return Document.from_text(
        text, source=source, format="html", outlet=outlet, url=f"https://{outlet}/a", title="Kursk",
        author="A. Writer", published=published, language="en",
        ingested_at=datetime(2024, 10, 16, 9, 30, tzinfo=timezone.utc),
    )


def _claim(doc: Document, start: int, end: int) -> Claim:
    return Claim(
        id=Claim.make_id(doc.id, (start, end)), document_id=doc.id, text=doc.text[start:end],
        span=(start, end), line=doc.line_of(start), event_type="casualty", actors=["officers"],
        attribution=Attribution(kind="anonymous", source="unnamed officials", source_span=(70, 87),
                                cue="according to"),
        hedges=["reportedly"], polarity="asserted",
        when=When(text="Tuesday, October 15", value="2024-10-15", granularity="day", span=(36, 55)),
        places=[Place(name="Kursk", lat=51.73, lon=36.19, country="RU", geonameid=538560, span=(60, 65))],
        quantities=[Quantity(text="Six", value=6, qualifier="exact", unit="officers", span=(0, 3)),
                    Quantity(text="10 to 20", value=10, high=20, qualifier="range")],
        checkworthiness=0.94, extractor="test-1",
    )


def _finding(doc: Document) -> Finding:
    return Finding(kind="conflicting_numbers", severity="warning", line=1, end_line=2, span=(0, 30),
                   quote=doc.text[0:30], message="6 vs 18",
                   related=Related(line=2, end_line=2, span=(90, 100)))


def test_migrations_create_the_same_tables_as_sqlite(fresh_postgres_url, sqlite_url):
    pg, lite = Store(fresh_postgres_url), Store(sqlite_url)
    try:
        assert pg.dialect == "postgresql"
        assert pg.migrations_applied() == [v for v, _, _ in MIGRATIONS]
        pg_tables = set(inspect(pg.engine).get_table_names())
        assert pg_tables == set(inspect(lite.engine).get_table_names()) - SQLITE_ONLY_TABLES
        assert {"documents", "claims", "findings", "stories", "story_mentions", "document_copies"} <= pg_tables
        Store(fresh_postgres_url).close()  # opening again applies nothing twice
        assert pg.migrations_applied() == [v for v, _, _ in MIGRATIONS]
    finally:
        pg.close()
        lite.close()


def test_documents_findings_and_claims_round_trip(fresh_postgres_url):
    store = Store(fresh_postgres_url)
    doc = _document(TEXT_A, "a.html", "example.org", date(2024, 10, 16))
    claim = _claim(doc, 0, 88)
    finding = _finding(doc)
    try:
        assert store.add_document(doc, findings=[finding], claims=[claim]) is True
        assert store.add_document(doc.model_copy(update={"source": "mirror/a.html"})) is False

        assert store.get_document(doc.id) == doc
        assert store.has_document(doc.id)
        assert [s["source"] for s in store.document_sources(doc.id)] == ["a.html", "mirror/a.html"]
        assert store.findings_for(doc.id) == [finding]
        assert store.claims_for(doc.id) == [claim]
        assert list(store.claims()) == [claim]
        assert store.count("documents") == 1 and store.count("document_sources") == 2

        store.replace_claims(doc.id, [])
        assert store.claims_for(doc.id) == []
    finally:
        store.close()


def test_unicode_text_and_line_numbers_survive(fresh_postgres_url):
    store = Store(fresh_postgres_url)
    doc = _document(TEXT_B, "b.txt", "other.net", date(2024, 10, 17))
    try:
        store.add_document(doc)
        back = store.get_document(doc.id)
        assert back.text == TEXT_B
        assert back.line_of(TEXT_B.index("Über")) == 2
    finally:
        store.close()


def test_links_rejected_and_counts(fresh_postgres_url):
    store = Store(fresh_postgres_url)
    try:
        link = LinkOnly(source="feed.xml", url="https://example.org/x", title="X", published=date(2024, 1, 2))
        assert store.add_link(link) is True
        assert store.add_link(link) is False
        store.add_rejected(RejectedInput(source="bad.html", reason="no main text"))
        store.add_rejected(RejectedInput(source="bad.html", reason="no main text"))
        assert store.links() == [link]
        assert [(r.source, r.reason) for r in store.rejected_inputs()] == [("bad.html", "no main text")]
        for text, outlet in ((TEXT_A, "example.org"), (TEXT_B, "other.net"), (TEXT_B + "x", "other.net")):
            store.add_document(_document(text, f"{outlet}.txt", outlet, date(2024, 10, 16)))
        assert store.counts_by("documents", "outlet") == [("other.net", 2), ("example.org", 1)]
        ids = [d.id for d in store.documents(batch_size=2)]
        assert ids == sorted(ids) and len(ids) == 3
    finally:
        store.close()


def test_stories_and_copies_round_trip(fresh_postgres_url):
    store = Store(fresh_postgres_url)
    a = _document(TEXT_A, "a.html", "example.org", date(2024, 10, 16))
    b = _document(TEXT_B, "b.html", "other.net", date(2024, 10, 17))
    ca, cb = _claim(a, 0, 88), _claim(b, 0, 56)
    try:
        store.add_document(a, claims=[ca])
        store.add_document(b, claims=[cb])
        save_copies(store, [DocumentCopy(b.id, a.id, 0.91)])
        assert copies(store) == {b.id: a.id}

        story = Story(
            id="s1", text=ca.text, event_type="casualty", status="contested", independent_sources=2,
            first_seen=date(2024, 10, 16), when=ca.when, places=ca.places,
            mentions=[Mention(claim=ca.id, document=a.id, span=ca.span, text=ca.text),
                      Mention(claim=cb.id, document=b.id, span=cb.span, text=cb.text, copy_of=None)],
            contradictions=[Contradiction(kind="number", detail="6 vs 18", mentions=[ca.id, cb.id])],
        )
        assert save_stories(store, [story]) == 1
        back = get_story(store, "s1")
        assert back.status == "contested" and back.when == ca.when and back.places == ca.places
        assert back.contradictions == story.contradictions
        assert [m.document for m in back.mentions] == [a.id, b.id]  # earliest published first
        assert back.mentions[0].attribution == ca.attribution and back.mentions[1].outlet == "other.net"

        assert [s.id for s in iter_stories(store, StoryFilter(place="kursk", min_sources=2))] == ["s1"]
        assert list(iter_stories(store, StoryFilter(status="denied"))) == []
        assert list(iter_stories(store, StoryFilter(search="OFFICERS", since=date(2024, 10, 1))))[0].id == "s1"
    finally:
        store.close()
