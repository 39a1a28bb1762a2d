"""The JSON API under /api (its OpenAPI schema is at /openapi.json)."""

from __future__ import annotations

import secrets
from typing import Annotated, Any, Optional

from fastapi import APIRouter, Header, HTTPException, Query, Request
from pydantic import BaseModel, Field

from claimdesk.models import Claim, Document, Finding, Story
from claimdesk.report.aggregate import map_points, status_counts, timeline
from claimdesk.report.bounds import MAX_ROWS
from claimdesk.report.geojson_export import story_feature
from claimdesk.store.stories import count_stories, get_story, iter_stories
from claimdesk.web.reviews import MAX_NOTE, get_review, mark_reviewed
from claimdesk.web.views import BadFilter, parse_filter

router = APIRouter(prefix="/api", tags=["api"])


class StoryPage(BaseModel):
    total: int
    limit: int
    offset: int
    stories: list[Story]


class Review(BaseModel):
    story_id: str
    reviewed_at: str
    note: str = ""


class ReviewRequest(BaseModel):
    note: str = Field(default="", max_length=MAX_NOTE)


class StoryDetail(BaseModel):
    story: Story
    review: Optional[Review] = None


class DocumentDetail(BaseModel):
    document: Document
    findings: list[Finding]
    claims: list[Claim]


def _config(request: Request):  # noqa: ANN202
    return request.app.state.config


def _review(row: Optional[dict]) -> Optional[Review]:
    return Review(story_id=row["story_id"], reviewed_at=row["reviewed_at"].isoformat(), note=row["note"]) if row else None


@router.get("/stories", response_model=StoryPage, summary="Stories matching the filters, best-sourced first")
def list_stories(
    request: Request,
    status: Optional[str] = None, event_type: Optional[str] = None, q: Optional[str] = None,
    place: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
    min_sources: Optional[str] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50, offset: Annotated[int, Query(ge=0, le=MAX_ROWS)] = 0,
) -> StoryPage:
    try:
        flt = parse_filter({"status": status, "event_type": event_type, "q": q, "place": place, "since": since,
                            "until": until, "min_sources": min_sources})
    except BadFilter as e:
        raise HTTPException(400, str(e)) from None
    store = _config(request).store
    return StoryPage(total=count_stories(store, flt), limit=limit, offset=offset,
                     stories=list(iter_stories(store, flt, limit=limit, offset=offset)))


@router.get("/stories/{story_id}", response_model=StoryDetail, summary="One story with every mention")
def story_detail(request: Request, story_id: str) -> StoryDetail:
    store = _config(request).store
    story = get_story(store, story_id)
    if story is None:
        raise HTTPException(404, "no such story")
    return StoryDetail(story=story, review=_review(get_review(store, story_id)))


@router.get("/documents/{document_id}", response_model=DocumentDetail, summary="A document with its findings and claims")
def document_detail(request: Request, document_id: str) -> DocumentDetail:
    store = _config(request).store
    doc = store.get_document(document_id)
    if doc is None:
        raise HTTPException(404, "no such document")
    return DocumentDetail(document=doc, findings=store.findings_for(doc.id), claims=store.claims_for(doc.id))


@router.get("/summary", summary="Story counts by status and the timeline")
def summary(request: Request) -> dict[str, Any]:
    store = _config(request).store
    tl = timeline(store)
    return {
        "documents": store.count("documents"), "stories": status_counts(store), "undated": tl.undated,
        "timeline": [{"label": b.label, "since": b.since.isoformat(), "until": b.until.isoformat(), "counts": b.counts}
                     for b in tl.bars if b.total],
    }


@router.get("/map", summary="Located stories as a GeoJSON FeatureCollection")
def map_geojson(request: Request, limit: Annotated[int, Query(ge=1, le=5000)] = 2000) -> dict[str, Any]:
    store = _config(request).store
    ids = [p.id for p in map_points(store, limit=limit)]
    stories = [get_story(store, i) for i in ids]
    return {"type": "FeatureCollection", "features": [story_feature(s) for s in stories if s is not None]}


def check_token(request: Request, given: Optional[str]) -> None:
    if not given or not secrets.compare_digest(given.encode(), _config(request).token.encode()):
        raise HTTPException(401, "a valid token is needed to write", headers={"WWW-Authenticate": "Bearer"})


@router.post("/stories/{story_id}/review", response_model=Review, summary="Mark a story reviewed (needs the token)")
def review_story(
    request: Request, story_id: str, body: Optional[ReviewRequest] = None,
    authorization: Annotated[Optional[str], Header()] = None,
) -> Review:
    check_token(request, authorization[7:] if authorization and authorization.startswith("Bearer ") else None)
    store = _config(request).store
    if get_story(store, story_id) is None:
        raise HTTPException(404, "no such story")
    return _review(mark_reviewed(store, story_id, (body or ReviewRequest()).note))
