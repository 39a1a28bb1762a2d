"""The desk pages: what is followed (follow and stop following need the token) and the digest of
what changed, the same digest `claimdesk digest` prints."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Optional
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from claimdesk.report.digest import KIND_LABELS, KIND_SINGULAR, SEVERITY, build_digest
from claimdesk.store.changes import recent_runs
from claimdesk.store.follows import FOLLOW_KINDS, NoSuchStory, follow, follows, unfollow
from claimdesk.web.auth import writer

router = APIRouter(include_in_schema=False)
MAX_DIGEST_STORIES = 300  # the page shows this many stories; the count above says how many changed
DEFAULT_DAYS = 1


def _render(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
    html = request.app.state.templates.get_template(name).render(request=request, **context)
    return HTMLResponse(html, status_code=status_code)


def _since(value: Optional[str]) -> datetime:
    if not value:
        return datetime.now(timezone.utc) - timedelta(days=DEFAULT_DAYS)
    try:
        moment = datetime.fromisoformat(value) if len(value) > 10 else datetime.fromisoformat(value + "T00:00:00")
    except ValueError:
        raise HTTPException(400, f"since: expected YYYY-MM-DD or an ISO date and time, got {value[:40]!r}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


@router.get("/digest")
def digest_page(request: Request, since: Optional[str] = None, all: Optional[str] = None) -> HTMLResponse:  # noqa: A002
    store = request.app.state.config.store
    moment = _since(since)
    digest = build_digest(store, since=moment, everything=bool(all))
    runs = recent_runs(store, 8)
    link = lambda when: "/digest?" + urlencode({"since": when.isoformat(), **({"all": "1"} if all else {})})  # noqa: E731
    return _render(request, "digest.html", title="Digest", digest=digest, since=moment, everything=bool(all),
                   stories=digest.stories[:MAX_DIGEST_STORIES], more=max(0, len(digest.stories) - MAX_DIGEST_STORIES),
                   kinds=list(SEVERITY), kind_labels=KIND_LABELS, kind_singular=KIND_SINGULAR,
                   runs=[(r, link(r.started_at)) for r in runs],
                   week_link=link(datetime.now(timezone.utc) - timedelta(days=7)),
                   toggle_link="/digest?" + urlencode({"since": moment.isoformat(timespec="seconds"),
                                                       **({} if all else {"all": "1"})}))


@router.get("/follows")
def follows_page(request: Request, saved: Optional[str] = None, error: Optional[str] = None) -> HTMLResponse:
    store = request.app.state.config.store
    return _render(request, "follows.html", title="Following", follows=follows(store), kinds=FOLLOW_KINDS,
                   saved=saved, error=error)


async def _form(request: Request) -> dict[str, str]:
    form = parse_qs((await request.body()).decode("utf-8", "replace"))
    return {k: v[0] for k, v in form.items() if v}


def _back(form: dict[str, str], **params: str) -> str:
    target = form.get("next") or "/follows"
    # only a path of this site: a form field must not send the browser elsewhere
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        target = "/follows"
    return target + ("&" if "?" in target else "?") + urlencode(params)


@router.post("/follows")
async def follow_form(request: Request) -> RedirectResponse:
    form = await _form(request)
    user = writer(request, form.get("token"))
    try:
        f = follow(request.app.state.config.store, form.get("kind", ""), form.get("value", ""), user)
    except (NoSuchStory, ValueError) as e:
        return RedirectResponse(_back(form, error=str(e)[:300]), status_code=303)
    return RedirectResponse(_back(form, saved=f"following {f.kind} {f.value}"[:300]), status_code=303)


@router.post("/follows/remove")
async def unfollow_form(request: Request) -> RedirectResponse:
    form = await _form(request)
    user = writer(request, form.get("token"))
    store = request.app.state.config.store
    try:  # the user's own follow, else the desk's
        gone = unfollow(store, form.get("kind", ""), form.get("value", ""), user) or \
            unfollow(store, form.get("kind", ""), form.get("value", ""))
    except ValueError as e:
        return RedirectResponse(_back(form, error=str(e)[:300]), status_code=303)
    message = f"stopped following {form.get('kind')} {form.get('value')}" if gone else "that was not followed"
    return RedirectResponse(_back(form, saved=message[:300]), status_code=303)
