"""End to end through the real pipeline: ingest (audit + extract) the sample and PolNeAR articles,
corroborate, then export the ledger in every format and render the report."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from shapely.geometry import shape

from claimdesk.report.claimreview import write_claimreview
from claimdesk.report.csv_export import write_csv
from claimdesk.report.geojson_export import write_geojson
from claimdesk.report.ledger_json import write_json
from claimdesk.report.static_html import write_report
from test_ledger_exports import _check_node
from test_report_store import SAMPLE

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def store(tmp_path_factory, samples_dir, corpus_dir):
    from claimdesk.ingest import IngestOptions
    from claimdesk.pipeline import ingest
    from claimdesk.store import open_store

    from claimdesk.corroborate import corroborate

    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'e2e.sqlite'}")
    files = [samples_dir / SAMPLE] + sorted((corpus_dir / "polnear" / "dev" / "text").glob("*.txt"))[:10]
    report = ingest(files, store, IngestOptions(published=date(2024, 10, 16)))
    assert report.documents_new == len(files)
    corroborate(store)
    assert store.count("stories") > 0
    return store


def _run(writer, store, **kw) -> str:
    out = io.StringIO()
    writer(store, out, **kw)
    return out.getvalue()


def test_every_story_mention_points_at_the_stored_words(store):
    stories = json.loads(_run(write_json, store))
    assert len(stories) == store.count("stories")
    for story in stories:
        assert story["status"] in {"corroborated", "single_source", "contested", "denied"}
        for mention in story["mentions"]:
            doc = store.get_document(mention["document"])
            assert doc.text[mention["span"][0]:mention["span"][1]] == mention["text"]


def test_sample_desertion_claim_reaches_every_export(store):
    stories = json.loads(_run(write_json, store))
    desertion = [s for s in stories if "18 North Korean soldiers have reportedly deserted" in s["text"]]
    assert desertion, "the sample's line-1 claim is in no story"
    rows = list(csv.DictReader(io.StringIO(_run(write_csv, store))))
    assert len(rows) == len(stories)
    assert any(r["story_id"] == desertion[0]["id"] for r in rows)
    reviews = json.loads(_run(write_claimreview, store))
    assert len(reviews) == len(stories)
    for review in reviews:
        _check_node(review)


def test_geojson_of_real_places_is_valid(store):
    collection = json.loads(_run(write_geojson, store))
    assert collection["type"] == "FeatureCollection" and collection["features"]
    for feature in collection["features"]:
        point = shape(feature["geometry"])
        assert point.is_valid and -180 <= point.x <= 180 and -90 <= point.y <= 90


def test_report_of_the_real_store(store):
    html = _run(write_report, store)
    assert "duplicated passage" in html and "placeholder" in html
    assert html.count("<article class=\"card story\"") == min(store.count("stories"), 1000)
