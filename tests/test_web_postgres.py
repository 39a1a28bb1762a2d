"""Exports, report and web pages on a real PostgreSQL store: the same answers as on SQLite."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from claimdesk.report.claimreview import write_claimreview
from claimdesk.report.csv_export import write_csv
from claimdesk.report.geojson_export import write_geojson
from claimdesk.report.ledger_json import write_json
from claimdesk.report.static_html import write_report
from claimdesk.store.stories import StoryFilter
from claimdesk.web.app import create_app
from test_report_store import build_store

pytestmark = pytest.mark.postgres


@pytest.fixture
def pair(fresh_postgres_url, tmp_path, samples_dir, corpus_dir):
    pg = build_store(fresh_postgres_url, samples_dir, corpus_dir)
    lite = build_store(f"sqlite:///{tmp_path / 'same.sqlite'}", samples_dir, corpus_dir)
    yield pg, lite
    pg.store.close()


def _run(writer, store, **kw) -> str:
    out = io.StringIO()
    writer(store, out, **kw)
    return out.getvalue()


def test_exports_match_sqlite(pair):
    pg, lite = pair
    assert json.loads(_run(write_json, pg.store)) == json.loads(_run(write_json, lite.store))
    assert list(csv.reader(io.StringIO(_run(write_csv, pg.store)))) == list(csv.reader(io.StringIO(_run(write_csv, lite.store))))
    assert json.loads(_run(write_geojson, pg.store)) == json.loads(_run(write_geojson, lite.store))
    flt = StoryFilter(status="contested", place="kursk")
    assert [r["identifier"] for r in json.loads(_run(write_claimreview, pg.store, flt=flt))] == ["story-contested"]
    assert "lines 10-18 repeat lines 1-9" in _run(write_report, pg.store)


def test_web_pages_and_review_on_postgres(pair):
    pg, _ = pair
    client = TestClient(create_app(pg.store, token="pg-token-123"))
    assert client.get("/stories", params={"status": "contested"}).text.count('class="story-row"') == 1
    assert client.get("/stories/story-contested").text.count('<mark class="claim focus">') == 2
    assert client.get(f"/documents/{pg.sample.id}").status_code == 200
    assert client.get("/timeline").status_code == 200 and client.get("/map").text.count("<circle data-id=") == 4
    ok = client.post("/api/stories/story-single/review", json={"note": "pg"}, headers={"Authorization": "Bearer pg-token-123"})
    assert ok.status_code == 200
    assert client.get("/api/stories/story-single").json()["review"]["note"] == "pg"
