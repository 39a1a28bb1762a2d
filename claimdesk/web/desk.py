"""The analyst's desk on the web: corrections (merge, move, status, note), the review log.

JSON under /api (a user's token as `Authorization: Bearer …`) and one HTML form per story page
(the token in the form's body). Both call `claimdesk.review`, as the CLI does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Optional
from urllib.parse import parse_qs, quote

from fastapi import APIRouter, Header, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel, Field

from claimdesk import review
from claimdesk.models import ReviewEntry, Story
from claimdesk.models import STORY_STATUSES as STATUSES
from claimdesk.store.reviews import MAX_NOTE, ReviewError, log_entries
from claimdesk.store.stories import get_story
from claimdesk.web.auth import READ_ONLY, bearer, can_write, writer

api_router = APIRouter(prefix="/api", tags=["review"])
page_router = APIRouter(include_in_schema=False)
MAX_LOG = 1000
Authorization = Annotated[Optional[str], Header()]


class StatusRequest(BaseModel):
    status: str = Field(description=f"one of {', '.join(STATUSES)}, or 'machine' to give the status back")
    reason: str = Field(max_length=MAX_NOTE)


class NoteRequest(BaseModel):
    note: str = Field(max_length=MAX_NOTE)


class MergeRequest(BaseModel):
    stories: list[str] = Field(min_length=1, max_length=50, description="stories merged into the one in the path")
    note: str = Field(default="", max_length=MAX_NOTE)


class MoveRequest(BaseModel):
    to: Optional[str] = Field(default=None, description="the story the mention moves to; null: a story of its own")
    note: str = Field(default="", max_length=MAX_NOTE)


def _store(request: Request):  # noqa: ANN202
    return request.app.state.config.store


def _body(body: Optional[BaseModel], shape: str) -> BaseModel:
    # checked after the token, so an unauthorised request learns nothing about the body it needs
    if body is None:
        raise HTTPException(422, f"expected a JSON body {shape}")
    return body


def _done(action) -> ReviewEntry:  # noqa: ANN001
    try:
        return action()
    except ReviewError as e:
        raise HTTPException(404 if str(e).startswith("no ") else 422, str(e)) from None


@api_router.post("/stories/{story_id}/status", response_model=ReviewEntry, summary="Override a story's status, with a reason")
def status_api(request: Request, story_id: str, body: Optional[StatusRequest] = None, authorization: Authorization = None) -> ReviewEntry:
    user = writer(request, bearer(authorization))
    body = _body(body, '{"status": S, "reason": TEXT}')
    return _done(lambda: review.set_status(_store(request), story_id, body.status, body.reason, user))


@api_router.post("/stories/{story_id}/note", response_model=ReviewEntry, summary="Add a note to a story")
def note_api(request: Request, story_id: str, body: Optional[NoteRequest] = None, authorization: Authorization = None) -> ReviewEntry:
    user = writer(request, bearer(authorization))
    body = _body(body, '{"note": TEXT}')
    return _done(lambda: review.add_note(_store(request), story_id, body.note, user))


@api_router.post("/stories/{story_id}/merge", response_model=ReviewEntry, summary="Merge other stories into this one")
def merge_api(request: Request, story_id: str, body: Optional[MergeRequest] = None, authorization: Authorization = None) -> ReviewEntry:
    user = writer(request, bearer(authorization))
    body = _body(body, '{"stories": [STORY, ...]}')
    return _done(lambda: review.merge(_store(request), [story_id, *body.stories], user, body.note))


@api_router.post("/claims/{claim_id}/move", response_model=ReviewEntry,
                 summary="Move a mention to another story, or out into a story of its own")
def move_api(request: Request, claim_id: str, body: Optional[MoveRequest] = None, authorization: Authorization = None) -> ReviewEntry:
    user = writer(request, bearer(authorization))
    body = _body(body, '{"to": STORY or null}')
    return _done(lambda: review.move(_store(request), claim_id, body.to or None, user, body.note))


@api_router.get("/stories/{story_id}/log", response_model=list[ReviewEntry], summary="The review log of one story")
def story_log_api(request: Request, story_id: str) -> list[ReviewEntry]:
    return log_entries(_store(request), story_id)


@api_router.get("/review-log", response_model=list[ReviewEntry], summary="The whole review log, oldest first")
def log_api(request: Request, limit: Annotated[int, Query(ge=1, le=MAX_LOG)] = MAX_LOG) -> list[ReviewEntry]:
    return log_entries(_store(request), limit=limit)


# -- the story page's panel and its form -----------------------------------------------------------


@dataclass
class ReviewPanel:
    writable: bool
    read_only_reason: str
    log: list[tuple[ReviewEntry, str]]  # each entry with its before -> after in words
    statuses: tuple[str, ...]
    max_note: int


def review_panel(request: Request, story: Story) -> ReviewPanel:
    writable = can_write(request)
    log = [(e, review.describe(e)) for e in log_entries(_store(request), story.id)]
    return ReviewPanel(writable, "" if writable else READ_ONLY, log, STATUSES, MAX_NOTE)


def _field(form: dict[str, list[str]], name: str) -> str:
    return (form.get(name) or [""])[0].strip()


def _error(request: Request, status_code: int, message: str) -> HTMLResponse:
    html = request.app.state.templates.get_template("error.html").render(
        request=request, message=message, title=str(status_code))
    return HTMLResponse(html, status_code=status_code)


def _form_writer(request: Request, form: dict[str, list[str]]) -> str:
    """The user a form's token names; a refusal becomes a page for people (with the API's status)."""
    try:
        return writer(request, _field(form, "token") or None)
    except HTTPException as e:
        raise _PageError(e.status_code, str(e.detail)) from None


class _PageError(Exception):
    def __init__(self, status_code: int, message: str):
        super().__init__(message)
        self.status_code, self.message = status_code, message


@page_router.post("/stories/{story_id}/review")
async def reviewed_form(request: Request, story_id: str):  # noqa: ANN201
    """The "Mark reviewed" button (a note that may be empty)."""
    form = parse_qs((await request.body()).decode("utf-8", "replace"))
    try:
        user = _form_writer(request, form)
    except _PageError as e:
        return _error(request, e.status_code, e.message)
    if get_story(_store(request), story_id) is None:
        raise HTTPException(404, "no such story")
    review.mark_reviewed(_store(request), story_id, user, _field(form, "note"))
    return RedirectResponse(f"/stories/{story_id}?saved=reviewed", status_code=303)


@page_router.post("/stories/{story_id}/correct")
async def correct_form(request: Request, story_id: str):  # noqa: ANN201
    """One form per story page; the button pressed says which correction (`action`)."""
    form = parse_qs((await request.body()).decode("utf-8", "replace"))
    try:
        user = _form_writer(request, form)
    except _PageError as e:
        return _error(request, e.status_code, e.message)
    store = _store(request)
    action = _field(form, "action")
    note = _field(form, "note")
    try:
        if action == "status":
            entry = review.set_status(store, story_id, _field(form, "status"), _field(form, "reason"), user)
        elif action == "note":
            entry = review.add_note(store, story_id, note, user)
        elif action == "merge":
            others = [s for s in _field(form, "merge").replace(",", " ").split() if s]
            entry = review.merge(store, [story_id, *others], user, note)
        elif action.startswith("move:"):
            claim = action[5:]
            to = _field(form, f"to-{claim}")
            entry = review.move(store, claim, None if to in ("", "new") else to, user, note)
        else:
            return _error(request, 400, f"expected an action of status, note, merge or move:CLAIM, got {action[:40]!r}")
    except ReviewError as e:
        return _error(request, 422, str(e))
    back = story_id if action != "merge" and not action.startswith("move:") else entry.story
    if action.startswith("move:") and get_story(store, story_id) is not None:
        back = story_id  # stay on the page the mention left; the log links to where it went
    return RedirectResponse(f"/stories/{quote(back)}?saved={quote(entry.action)}", status_code=303)
