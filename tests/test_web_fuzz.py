"""No query makes the web UI or the API fail: every query and path parameter of every route, driven
with arbitrary strings and odd numerals (hypothesis), gets a 2xx/3xx or a 4xx with its reason,
never a 5xx. The routes are read from the app itself, so a new route or parameter is fuzzed too."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.routing import Mount

from claimdesk.store import Store
from claimdesk.web.app import create_app
from test_report_store import build_store

TOKEN = "fuzz-token-0123456789"
TEN_TO_25 = str(10**25)


def _routes() -> list[tuple[str, str, list[str], list[str]]]:
    """(method, path, query parameters, path parameters) of every route the app answers, the
    static files' mount included (its file name is a path parameter)."""
    app = create_app(Store("sqlite://"), token=TOKEN)
    found = []
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if isinstance(route, APIRoute):
            query = sorted(p.alias for p in route.dependant.query_params)
            path_params = sorted(p.alias for p in route.dependant.path_params)
            found += [(m, context.path, query, path_params) for m in sorted(context.methods)]
        elif isinstance(route, Mount):
            found.append(("GET", context.path + "/{asset}", [], ["asset"]))
        else:
            found += [(m, context.path, [], []) for m in sorted(context.methods or ["GET"]) if m != "HEAD"]
    return found


ROUTES = _routes()

NUMERALS = st.sampled_from([
    "²", "٣", "1e23", TEN_TO_25, "-" + TEN_TO_25, "9" * 400, " 7", "7 ", "+1", "-1", "-0", "0", "0x10", "NaN",
    "inf", "1_000", "1.5", "\x00", "%00", "", " ", "2", "50", "200", "201", "5000", str(2**63), str(2**63 - 1),
])
BIG = st.integers(min_value=2**31, max_value=10**30).map(str)
VALUES = st.one_of(st.text(max_size=40), NUMERALS, BIG,
                   st.integers(min_value=-(10**30), max_value=10**30).map(str))


@pytest.fixture(scope="module")
def client(tmp_path_factory, samples_dir, corpus_dir):
    built = build_store(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'f.sqlite'}", samples_dir, corpus_dir)
    return TestClient(create_app(built.store, token=TOKEN), raise_server_exceptions=False)


def test_the_routes_are_all_found():
    by_path = {(m, p): q for m, p, q, _ in ROUTES}
    assert {"page", "min_sources", "since", "status"} <= set(by_path[("GET", "/stories")])
    assert {"limit", "offset", "min_sources"} <= set(by_path[("GET", "/api/stories")])
    assert {"min_sources"} <= set(by_path[("GET", "/map")]) and ("POST", "/api/stories/{story_id}/review") in by_path
    openapi = create_app(Store("sqlite://")).openapi()
    assert {p for _, p, _, _ in ROUTES} >= set(openapi["paths"]) | {"/openapi.json", "/static/{asset}"}


def _check(response) -> None:  # noqa: ANN001
    assert response.status_code < 500, (response.request.url, response.status_code, response.text[:300])
    if response.status_code in (400, 422):
        reason = response.json()["detail"] if "json" in response.headers["content-type"] else response.text
        assert reason and ("expected" in str(reason) or "Input should" in str(reason)), reason


@pytest.mark.parametrize("method, path, query, path_params", ROUTES, ids=[f"{m} {p}" for m, p, _, _ in ROUTES])
def test_no_query_makes_a_route_fail(client, method, path, query, path_params):
    # a few parameters at a time: with all of them set, one bad filter answers 400 before the others
    # are read, and the fuzz would never reach the database
    queries = st.dictionaries(st.sampled_from(query), VALUES, max_size=3) if query else st.just({})

    @settings(max_examples=60 if query else 15, deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(query_values=queries,
           path_values=st.fixed_dictionaries({name: st.one_of(st.text(min_size=1, max_size=30),
                                                             st.sampled_from(["story-contested", "..", "%2e%2e", "claimdesk.css", "../../etc/passwd"]))
                                              for name in path_params}))
    def run(query_values, path_values):
        url = path
        for name, value in path_values.items():
            url = url.replace("{" + name + "}", quote(value, safe=""))
        _check(client.request(method, url, params=query_values, follow_redirects=False))

    run()


@pytest.mark.parametrize("url", [
    "/stories?page=²", f"/stories?page={TEN_TO_25}", f"/stories?min_sources={TEN_TO_25}", "/stories?min_sources=٣",
    f"/map?min_sources={TEN_TO_25}", f"/api/stories?offset={TEN_TO_25}", f"/api/stories?min_sources={TEN_TO_25}",
    "/api/stories?limit=²", f"/api/map?limit={TEN_TO_25}",
])
def test_the_numbers_that_used_to_crash_are_refused_with_a_reason(client, url):
    response = client.get(url)
    assert response.status_code in (400, 422)
    _check(response)


@pytest.mark.parametrize("url", ["/stories?page=1", "/stories?min_sources=2", "/stories?min_sources=+2&page=%201",
                                 "/api/stories?offset=1000000000", "/map?min_sources=1"])
def test_numbers_in_range_are_answered(client, url):
    assert client.get(url).status_code == 200
