"""claimdesk's command line: thin wrappers that parse arguments, call the library and print.

Each command lives in its own module and registers itself on the shared `app`.
"""

from claimdesk.cli.app import app
from claimdesk.cli import ingest_cmd  # noqa: F401  (each import registers its commands)
from claimdesk.cli import audit_cmd  # noqa: F401
from claimdesk.cli import stats_cmd  # noqa: F401
from claimdesk.cli import batch_cmd  # noqa: F401
from claimdesk.cli import ledger_cmd  # noqa: F401
from claimdesk.cli import serve_cmd  # noqa: F401
from claimdesk.cli import corroborate_cmd  # noqa: F401
from claimdesk.cli import review_cmd  # noqa: F401
from claimdesk.cli import follow_cmd  # noqa: F401
from claimdesk.cli import digest_cmd  # noqa: F401
from claimdesk.cli.edge import main


__all__ = ["app", "main"]
