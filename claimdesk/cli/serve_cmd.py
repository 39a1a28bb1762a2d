"""`claimdesk serve`: the read-only web UI and JSON API over a store."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from claimdesk.cli.app import DbOption, QuietOption, app
from claimdesk.cli.edge import open_store_for


@app.command("serve")
def serve_command(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on. The default answers this machine only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[Optional[str], typer.Option(envvar="CLAIMDESK_TOKEN", help="A write token besides the users' own (its writes are logged as user 'server'); kept from before users existed: prefer `claimdesk users add`.")] = None,
    quiet: QuietOption = False,
) -> None:
    """Serve the stories, documents, timeline and map in a browser, with a JSON API under /api
    (schema at /openapi.json). Corrections and notes need a user's token (`claimdesk users add`);
    with no user, the UI is read-only.

    Example:

        claimdesk users add ana && claimdesk serve --db sqlite:///newsroom.sqlite --port 8000

        curl -X POST -H "Authorization: Bearer $TOKEN" -d '{"note": "seen"}' http://127.0.0.1:8000/api/stories/ID/note
    """
    import uvicorn

    from claimdesk.web.app import LOOPBACK_HOSTS, create_app

    if token is not None and len(token) < 8:
        raise typer.BadParameter("expected a token of at least 8 characters", param_hint="--token")
    from claimdesk.store.reviews import list_users

    # On loopback only loopback names are accepted as Host; on another address the user chose it.
    loopback = host in ("127.0.0.1", "localhost", "::1")
    store = open_store_for(db, must_exist=True)
    application = create_app(store, token=token, allowed_hosts=LOOPBACK_HOSTS if loopback else None)
    users = list_users(store)
    if users:
        typer.echo(f"writes: {len(users)} user(s), each with their own token", err=True)
    elif token is None:
        typer.echo("read-only: no user exists yet (`claimdesk users add NAME` prints a token)", err=True)
    if not quiet:
        typer.echo(f"claimdesk at http://{host}:{port}/stories", err=True)
    uvicorn.run(application, host=host, port=port, log_level="warning" if quiet else "info")
