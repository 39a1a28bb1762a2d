"""Who is writing: every write names its user, found by the token it carries.

A token is a user's (`claimdesk users add NAME`, stored hashed) or the one `claimdesk serve
--token` was started with (kept from before users existed; its writes are logged as user
`server`). With no user and no server token the UI is read-only. A form carries its token in its
body, so another site cannot make a browser post one (no cookie is ever set).
"""

from __future__ import annotations

import secrets
from typing import Optional

from fastapi import HTTPException, Request

from claimdesk.store.reviews import has_users, user_for_token

SERVER_USER = "server"
READ_ONLY = "read-only: no user exists yet (`claimdesk users add NAME` prints a token)"


def can_write(request: Request) -> bool:
    config = request.app.state.config
    return bool(config.token) or has_users(config.store)


def writer(request: Request, given: Optional[str]) -> str:
    """The name of the user whose token `given` is; 403 when read-only, 401 otherwise."""
    config = request.app.state.config
    name = user_for_token(config.store, given)  # first: a user's token given to `serve` stays theirs
    if name is not None:
        return name
    if config.token and given and secrets.compare_digest(given.encode(), config.token.encode()):
        return SERVER_USER
    if not can_write(request):
        raise HTTPException(403, READ_ONLY)
    raise HTTPException(401, "a valid token is needed to write", headers={"WWW-Authenticate": "Bearer"})


def bearer(authorization: Optional[str]) -> Optional[str]:
    return authorization[7:] if authorization and authorization.startswith("Bearer ") else None
