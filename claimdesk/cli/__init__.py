"""claimdesk's command line: thin wrappers that parse arguments, call the library and print.

Each command lives in its own module and registers itself on the shared `app`.
"""

from claimdesk.cli.app import app
from claimdesk.cli import (  # noqa: F401  (imported for their commands)
    ingest_cmd, audit_cmd, stats_cmd,
)


def main() -> None:
    app()


__all__ = ["app", "main"]
