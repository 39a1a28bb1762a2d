"""Registered schema migrations, applied in order and recorded in `schema_migrations`.

A migration is a function of a connection. Migration 1 creates the tables as `schema.py` declares
them; a later change to the schema adds a migration here that alters existing databases (and, since
migration 1 creates from the current declaration, checks first whether a column already exists).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable

from sqlalchemy import Connection, Engine, select, text

from claimdesk.store import schema

Migration = tuple[int, str, Callable[[Connection], None]]

_MIGRATION_LOCK_KEY = 0x636C6D64  # "clmd": any fixed number; PostgreSQL advisory locks are per database


def _create_tables(conn: Connection) -> None:
    schema.metadata.create_all(conn, checkfirst=True)


MIGRATIONS: list[Migration] = [
    (1, "create documents, sources, links, rejected, findings, claims, copies, stories", _create_tables),
]


def migrate(engine: Engine) -> list[int]:
    """Apply every migration the database has not recorded yet; return the versions applied."""
    applied_now: list[int] = []
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Processes starting together on a new database take turns: the second waits here for
            # the first to commit, then finds every migration recorded. Released at commit.
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK_KEY})
        schema.schema_migrations.create(conn, checkfirst=True)
        done = set(conn.scalars(select(schema.schema_migrations.c.version)))
        for version, name, apply in MIGRATIONS:
            if version in done:
                continue
            apply(conn)
            conn.execute(schema.schema_migrations.insert().values(
                version=version, name=name, applied_at=datetime.now(timezone.utc)))
            applied_now.append(version)
    return applied_now
