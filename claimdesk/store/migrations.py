"""Registered schema migrations, applied in order and recorded in `schema_migrations`.

A migration is a function of a connection. Migration 1 creates the tables as `schema.py` declares
them; a later change to the schema adds a migration here that alters existing databases (and, since
migration 1 creates from the current declaration, checks first whether a column already exists).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable

from sqlalchemy import Column, Connection, DateTime, Engine, MetaData, String, Table, Text, inspect, select, text

from claimdesk.store import schema

Migration = tuple[int, str, Callable[[Connection], None]]

_MIGRATION_LOCK_KEY = 0x636C6D64  # "clmd": any fixed number; PostgreSQL advisory locks are per database


def _create_tables(conn: Connection) -> None:
    schema.metadata.create_all(conn, checkfirst=True)


# Reviews are the web UI's one write: which stories a person has checked. Declared here, not in
# schema.py, because migration 1 creates everything schema.py declares and must stay as it was.
_review_metadata = MetaData()
story_reviews = Table(
    "story_reviews", _review_metadata,
    Column("story_id", String(64), primary_key=True),
    Column("reviewed_at", DateTime(timezone=True), nullable=False),
    Column("note", Text, nullable=False, default=""),
)


def _reviews_and_read_indexes(conn: Connection) -> None:
    story_reviews.create(conn, checkfirst=True)
    # The web UI pages stories in ranking order, filters them by event type and finds the stories
    # of a document; without these a page of a 100,000-document store sorts or scans whole tables.
    # Plain SQL, not sqlalchemy.Index: an Index built on schema's columns would attach itself to
    # schema.py's tables and so be created by migration 1 as well.
    for statement in (
        "CREATE INDEX IF NOT EXISTS ix_stories_rank ON stories (independent_sources DESC, first_seen, id)",
        "CREATE INDEX IF NOT EXISTS ix_stories_event_type ON stories (event_type)",
        "CREATE INDEX IF NOT EXISTS ix_story_mentions_document ON story_mentions (document_id)",
    ):
        conn.execute(text(statement))


def _corroboration_state(conn: Connection) -> None:
    # Imported here: the corroborate package itself imports the store.
    from claimdesk.corroborate.state import create_tables

    create_tables(conn)


def _ranking_index_nulls_last(conn: Connection) -> None:
    # SQLite cannot index "first_seen NULLS LAST", so ix_stories_rank still left a sort of every
    # story with the same source count (0.1 s a page at 50,000 stories). Ordering by
    # (first_seen IS NULL, first_seen) is the same order and this index serves it directly.
    conn.execute(text("DROP INDEX IF EXISTS ix_stories_rank"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_stories_rank_nulls_last ON stories "
                      "(independent_sources DESC, (first_seen IS NULL), first_seen, id)"))


def _story_state(conn: Connection) -> None:
    # story_state joins the corroboration tables in state.py's metadata; create_all skips the
    # tables migration 3 made. Stories stored before have no draft yet: corroboration rebuilds one
    # from a story's claims the first time a batch needs it.
    from claimdesk.corroborate.state import create_tables

    create_tables(conn)


def _document_furniture(conn: Connection) -> None:
    # Migration 1 creates documents from schema.py, which now has the column: add it only where a
    # database was created before.
    if "furniture" not in {c["name"] for c in inspect(conn).get_columns("documents")}:
        conn.execute(text("ALTER TABLE documents ADD COLUMN furniture JSON"))
    schema.outlet_lines.create(conn, checkfirst=True)


def _document_origins(conn: Connection) -> None:
    # Stores corroborated before this have no origins: their mentions show origin null until
    # `claimdesk corroborate --full` (origins are found during corroboration, not at read time).
    schema.document_origins.create(conn, checkfirst=True)


def _story_informativeness(conn: Connection) -> None:
    # Stories rank by independent sources, then by how much of a fact they state, so a near-empty
    # sentence never tops the list. Migration 1 creates the column on a new database.
    if "informativeness" not in {c["name"] for c in inspect(conn).get_columns("stories")}:
        conn.execute(text("ALTER TABLE stories ADD COLUMN informativeness FLOAT NOT NULL DEFAULT 0"))
    conn.execute(text("DROP INDEX IF EXISTS ix_stories_rank_nulls_last"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_stories_rank_informative ON stories "
                      "(independent_sources DESC, informativeness DESC, (first_seen IS NULL), first_seen, id)"))


def _story_changes(conn: Connection) -> None:
    # The stories already stored are snapshotted from their rows, so the first corroboration run
    # after this reports what it changes, not every story as new.
    from claimdesk.store.changes import snapshot_stored_stories

    for table in (schema.corroboration_runs, schema.story_snapshots, schema.story_changes):
        table.create(conn, checkfirst=True)
    if conn.scalar(select(schema.story_snapshots.c.story_id).limit(1)) is None:
        snapshot_stored_stories(conn)


def _follows(conn: Connection) -> None:
    schema.follows.create(conn, checkfirst=True)
    schema.digest_marks.create(conn, checkfirst=True)


MIGRATIONS: list[Migration] = [
    (1, "create documents, sources, links, rejected, findings, claims, copies, stories", _create_tables),
    (2, "story reviews; indexes for paging stories and finding a document's stories", _reviews_and_read_indexes),
    (3, "corroboration state: processed documents, event clusters, term statistics", _corroboration_state),
    (4, "stories ranking index that serves 'first_seen nulls last' without sorting", _ranking_index_nulls_last),
    (5, "story drafts (centroid, lead, countries, mention count) for incremental story grouping", _story_state),
    (6, "documents.furniture spans; outlet_lines: which pages of an outlet print each line", _document_furniture),
    (7, "document origins: the wire or earlier outlet that wrote a document's words (or a passage)", _document_origins),
    (8, "stories ranked by independent sources, then informativeness", _story_informativeness),
    (11, "story-event log: corroboration runs, story snapshots, story changes", _story_changes),
    (13, "follows (stories, actors, places, search terms) and digest marks", _follows),
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
