"""The FastAPI application: HTML pages, a JSON API under /api and local static assets.

Writes (corrections, notes, "reviewed" marks: `claimdesk.web.desk`) need a user's token; with no
user the app is read-only. Every page is paged and each query uses an index, so a 100,000-document store
answers as fast as a small one.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Optional

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from claimdesk.report.templating import environment
from claimdesk.store import Store
from claimdesk.web import api, desk, follow_pages, pages
from claimdesk.web.guard import Guard

MAX_BODY = 64 * 1024
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]


@dataclass
class WebConfig:
    store: Store
    token: Optional[str] = None  # `serve --token`: a write token besides the users' own (user "server")
    max_body: int = MAX_BODY


def create_app(
    store: Store, token: str | None = None, max_body: int = MAX_BODY, allowed_hosts: list[str] | None = None,
) -> FastAPI:
    """The web app over `store`. Writes need a user's token (`claimdesk users add`) or `token`;
    with neither, the app is read-only. With `allowed_hosts`, requests naming any other Host are
    refused, so a web page cannot reach a loopback server by DNS rebinding."""
    app = FastAPI(
        title="claimdesk", version="1", docs_url=None, redoc_url=None,
        description="Read-only access to claimdesk's stories, documents, audit findings and claims.",
    )
    app.state.config = WebConfig(store, token or None, max_body)
    templates_dir = str(Path(str(resources.files("claimdesk.web").joinpath("templates"))))
    app.state.templates = environment(templates_dir)
    app.mount("/static", StaticFiles(directory=str(resources.files("claimdesk.report").joinpath("assets"))), name="static")
    app.include_router(api.router)
    app.include_router(desk.api_router)
    app.include_router(desk.page_router)
    app.include_router(pages.router)
    app.include_router(follow_pages.router)
    app.add_middleware(Guard, max_body=max_body)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    return app
