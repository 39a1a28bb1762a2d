"""One outlet whether or not its page was saved with its address: the store learns each site name's
web domain from the outlet's pages that carry one (`claimdesk.store.sites`), and corroboration keys a
page without an address by it, so an outlet repeating its own report is not a second source."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from claimdesk.corroborate import corroborate
from claimdesk.corroborate.status import source_of
from claimdesk.ingest import IngestOptions
from claimdesk.models import Document
from claimdesk.pipeline import ingest
from claimdesk.report.ledger_json import write_json
from claimdesk.store import Store, open_store
from claimdesk.store.corroboration import document_headers

FACT = ("Russian drones hit a grain terminal in Izmail overnight, destroying about 1,800 tonnes of grain, "
        "the head of the city military administration said.")
# the outlet's own later page telling it again in other words (not a copy of its first page)
RETOLD = ("About 1,800 tonnes of grain were destroyed when Russian drones struck the Izmail grain terminal during "
          "the night, the head of the city military administration said.")


def _page(name: str, canonical: str | None, title: str, body: str) -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | {name}</title>'
            f'<meta property="og:site_name" content="{name}">'
            f'<meta property="article:published_time" content="2030-04-17T09:00:00+03:00">{link}</head>'
            f"<body><article><h1>{title}</h1><p>{body}</p>"
            "<p>Firefighters worked through the morning to put out the blaze at the terminal, which handles "
            "exports from the Danube ports.</p></article></body></html>")


def _doc(outlet: str, url: str | None, text: str = FACT) -> Document:
    return Document.from_text(text, source=f"{outlet}-{url}", outlet=outlet, url=url)


def test_a_page_without_an_address_takes_the_domain_its_outlets_other_pages_give(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'sites.sqlite'}")
    bare = _doc("Pivdenna Khvylia", None)
    store.add_document(bare)
    assert store.get_document(bare.id).site is None  # nothing known of the name yet
    store.add_document(_doc("Pivdenna Khvylia", "https://pkhvylia.com.ua/en/news/1", FACT + " More."))
    later = _doc("Pivdenna Khvylia", None, FACT + " Later.")
    store.add_document(later)
    # stamped on the page stored before the name's domain was known, and on the one after
    assert store.get_document(bare.id).site == store.get_document(later.id).site == "pkhvylia.com.ua"
    assert document_headers(store, [bare.id])[bare.id].site == "pkhvylia.com.ua"
    with_url = _doc("Pivdenna Khvylia", "https://www.pkhvylia.com.ua/en/news/2")
    assert source_of(store.get_document(bare.id), None) == source_of(with_url, None) == "outlet:pkhvylia.com.ua"
    # another outlet's page without an address keeps its own name
    other = _doc("Odesa Daily", None, FACT + " X.")
    store.add_document(other)
    assert source_of(store.get_document(other.id), None) == "outlet:name:odesadaily"


def test_a_name_on_two_domains_gives_its_pages_without_an_address_no_domain(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'two.sqlite'}")
    bare = _doc("Live", None)
    store.add_document(_doc("Live", "https://live.example-one.com/a", FACT + " A."))
    store.add_document(bare)
    assert store.get_document(bare.id).site == "example-one.com"
    store.add_document(_doc("Live", "https://news.example-two.org/b", FACT + " B."))
    assert store.get_document(bare.id).site is None
    assert source_of(store.get_document(bare.id), None) == "outlet:name:live"
    # a host name is its own domain and learns nothing
    store.add_document(_doc("kyivpost.com", "https://other.example/c", FACT + " C."))
    assert store.get_document(_doc("kyivpost.com", None, FACT + " C.").id).site is None


def test_a_store_made_before_learns_the_sites_of_its_documents(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    store = Store(url)
    bare = _doc("Pivdenna Khvylia", None)
    store.add_document(bare)
    store.add_document(_doc("Pivdenna Khvylia", "https://pkhvylia.com.ua/en/news/1", FACT + " More."))
    engine = create_engine(url)
    with engine.begin() as conn:  # make it look like a store from before migration 18
        conn.execute(text("DROP TABLE outlet_sites"))
        conn.execute(text("ALTER TABLE documents DROP COLUMN site"))
        conn.execute(text("DELETE FROM schema_migrations WHERE version = 18"))
    store = Store(url)
    assert "site" in {c["name"] for c in inspect(store.engine).get_columns("documents")}
    assert store.get_document(bare.id).site == "pkhvylia.com.ua"


@pytest.mark.parametrize("bare_first", [True, False])
def test_an_outlet_repeating_its_own_report_on_a_page_saved_without_its_address_is_one_source(tmp_path, bare_first):
    """End to end (HTML pages -> ingest -> corroborate -> ledger), whichever page is ingested first."""
    pages = {
        "with_url.html": _page("Pivdenna Khvylia", "https://pkhvylia.com.ua/en/news/2030/04/17/izmail",
                               "Drones hit Izmail grain terminal", FACT),
        "no_url.html": _page("Pivdenna Khvylia", None, "Izmail counts its losses after the night attack",
                             "Clean-up work went on at the terminal on Thursday. " + RETOLD),
    }
    order = ["no_url.html", "with_url.html"] if bare_first else ["with_url.html", "no_url.html"]
    store = open_store(f"sqlite:///{tmp_path / 'e2e.sqlite'}")
    for name in order:
        path = tmp_path / name
        path.write_text(pages[name], encoding="utf-8")
        ingest([path], store, IngestOptions())
    corroborate(store)
    out = io.StringIO()
    write_json(store, out)
    [story] = [s for s in json.loads(out.getvalue()) if any("1,800 tonnes" in m["text"] for m in s["mentions"])]
    assert {m["outlet"] for m in story["mentions"]} == {"Pivdenna Khvylia"} and len(story["mentions"]) == 2
    assert story["independent_sources"] == 1 and story["status"] == "single_source"


def test_outlet_key_docstring_examples_hold():
    import doctest

    import claimdesk.outlets

    result = doctest.testmod(claimdesk.outlets)
    assert result.attempted > 0 and result.failed == 0


def test_a_known_outlets_name_keeps_its_domain_and_a_relative_address_is_no_address(tmp_path):
    # a review of session 41: "Reuters" on an aggregator's URL teaches nothing; a relative URL gives no domain
    store = Store(f"sqlite:///{tmp_path / 'known.sqlite'}")
    store.add_document(_doc("Reuters", "https://news.yahoo.com/a", FACT + " A."))
    bare = _doc("Reuters", None, FACT + " B.")
    store.add_document(bare)
    assert store.get_document(bare.id).site is None
    assert source_of(store.get_document(bare.id), None) == "outlet:reuters.com"
    store.add_document(_doc("Live", "https://www.example-one.com/a", FACT + " C."))
    relative = _doc("Live", "/news/live/2", FACT + " D.")
    store.add_document(relative)
    assert store.get_document(relative.id).site == "example-one.com"
    store.add_document(_doc("Live", "https://example-two.org/b", FACT + " E."))
    assert store.get_document(relative.id).site is None

