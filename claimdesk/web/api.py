"""The JSON API under /api (its OpenAPI schema is at /openapi.json)."""

from __future__ import annotations

from typing import Annotated, Any, Optional

from fastapi import APIRouter, Header, HTTPException, Query, Request
from pydantic import BaseModel, Field

from claimdesk.models import Claim, Document, Finding, Story, StoryReview
from claimdesk.review import mark_reviewed
from claimdesk.report.aggregate import map_points, status_counts, timeline
from claimdesk.report.bounds import MAX_ROWS
from claimdesk.report.geojson_export import story_feature
from claimdesk.store.stories import count_stories, get_story, iter_stories
from claimdesk.store.reviews import MAX_NOTE, get_review
from claimdesk.web.auth import bearer, writer
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
    by: Optional[str] = None
    status: Optional[str] = Field(default=None, description="the reviewer's status (null: the machine's stands)")
    machine_status: Optional[str] = None
    changed_since_review: bool = False
    changes: list[str] = Field(default_factory=list)


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


def _review(story_id: str, review: Optional[StoryReview]) -> Optional[Review]:
    if review is None:
        return None
    return Review(story_id=story_id, reviewed_at=review.at.isoformat(), note=review.note, by=review.by,
                  status=review.status, machine_status=review.machine_status,
                  changed_since_review=review.changed_since_review, changes=review.changes)


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
    return StoryDetail(story=story, review=_review(story_id, story.review))


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


@router.post("/stories/{story_id}/review", response_model=Review, summary="Mark a story reviewed (needs a user's token)")
def review_story(
    request: Request, story_id: str, body: Optional[ReviewRequest] = None,
    authorization: Annotated[Optional[str], Header()] = None,
) -> Review:
    user = writer(request, bearer(authorization))
    store = _config(request).store
    if get_story(store, story_id) is None:
        raise HTTPException(404, "no such story")
    mark_reviewed(store, story_id, user, (body or ReviewRequest()).note)
    return _review(story_id, get_review(store, story_id))
