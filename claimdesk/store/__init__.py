"""Persistence: SQLite by default, PostgreSQL by URL. Only this package turns records into rows."""

from claimdesk.store.database import Store, default_db_url, open_store

__all__ = ["Store", "default_db_url", "open_store"]
