"""The HTML pages. Templates autoescape; text marked up here is built by claimdesk.report.safe."""

from __future__ import annotations

import math
from dataclasses import asdict
from typing import Optional
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response

from claimdesk.models import EVENT_TYPES
from claimdesk.report.aggregate import map_layer, status_counts, timeline
from claimdesk.report.safe import script_json
from claimdesk.report.worldmap import country_paths
from claimdesk.store.stories import count_stories, get_story, iter_stories, story_ids_for_document
from claimdesk.store.reviews import MAX_NOTE, merged_into, reviewed_ids
from claimdesk.web.desk import review_panel
from claimdesk.web.views import (
    PAGE_SIZE, BadFilter, document_view, filter_query, mention_views, parse_filter, parse_page,
)

router = APIRouter(include_in_schema=False)


def _render(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
    html = request.app.state.templates.get_template(name).render(request=request, **context)
    return HTMLResponse(html, status_code=status_code)


def _error(request: Request, status_code: int, message: str) -> HTMLResponse:
    return _render(request, "error.html", status_code=status_code, message=message, title=str(status_code))


@router.get("/healthz")
def healthz() -> PlainTextResponse:
    return PlainTextResponse("ok")


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response(status_code=204)


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/stories", status_code=307)


# The query parameters each page reads, declared so that FastAPI lists them (tests drive every one).
Text = Optional[str]


@router.get("/stories")
def stories_page(
    request: Request, status: Text = None, event_type: Text = None, q: Text = None, place: Text = None,
    since: Text = None, until: Text = None, min_sources: Text = None, page: Text = None,
) -> HTMLResponse:
    params = {"status": status, "event_type": event_type, "q": q, "place": place, "since": since, "until": until,
              "min_sources": min_sources}
    try:
        flt, page = parse_filter(params), parse_page(page)
    except BadFilter as e:
        return _error(request, 400, str(e))
    store = request.app.state.config.store
    total = count_stories(store, flt)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    stories = list(iter_stories(store, flt, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE))
    link = lambda n: "/stories?" + urlencode(filter_query(flt, n))  # noqa: E731
    return _render(
        request, "stories.html", title="Stories", stories=stories, total=total, page=page, pages=pages, flt=flt,
        event_types=EVENT_TYPES, counts=status_counts(store), reviewed=reviewed_ids(store, [s.id for s in stories]),
        prev_link=link(page - 1) if page > 1 else None, next_link=link(page + 1) if page < pages else None)


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: str, saved: Text = None) -> HTMLResponse:
    store = request.app.state.config.store
    story = get_story(store, story_id)
    if story is None:
        merged = merged_into(store, story_id)
        return RedirectResponse(f"/stories/{merged}", status_code=303) if merged else _error(request, 404, "No such story.")
    return _render(request, "story.html", title=story.text[:80], story=story, mentions=mention_views(store, story),
                   review=story.review, max_note=MAX_NOTE, saved=saved, desk=review_panel(request, story))


@router.get("/documents/{document_id}")
def document_page(request: Request, document_id: str) -> HTMLResponse:
    store = request.app.state.config.store
    view = document_view(store, document_id)
    if view is None:
        return _error(request, 404, "No such document.")
    stories = [s for s in (get_story(store, i) for i in story_ids_for_document(store, document_id)[:50]) if s]
    return _render(request, "document.html", title=view.document.title or view.document.source, view=view,
                   doc=view.document, stories=stories)


@router.get("/timeline")
def timeline_page(request: Request) -> HTMLResponse:
    store = request.app.state.config.store
    tl = timeline(store)
    return _render(request, "timeline.html", title="Timeline", timeline=tl, counts=status_counts(store),
                   busiest=sorted((b for b in tl.bars if b.total), key=lambda b: b.since, reverse=True)[:60])


@router.get("/map")
def map_page(
    request: Request, status: Text = None, event_type: Text = None, q: Text = None, place: Text = None,
    since: Text = None, until: Text = None, min_sources: Text = None,
) -> HTMLResponse:
    params = {"status": status, "event_type": event_type, "q": q, "place": place, "since": since, "until": until,
              "min_sources": min_sources}
    try:
        flt = parse_filter(params)
    except BadFilter as e:
        return _error(request, 400, str(e))
    layer = map_layer(request.app.state.config.store, flt)
    points = layer.points
    return _render(request, "map.html", title="Map", countries=country_paths(), points=points, flt=flt, layer=layer,
                   points_json=script_json([asdict(p) for p in points]))
