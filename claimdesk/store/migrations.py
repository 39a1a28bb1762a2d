"""Registered schema migrations, applied in order and recorded in `schema_migrations`.

A migration is a function of a connection. Each names the tables it creates; a table is created
as `schema.py` declares it now, so a later change to a table's columns adds a migration here that
alters existing databases (and checks first whether the column already exists, since a new
database gets it at creation).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable

from sqlalchemy import Connection, Engine, Table, inspect, select, text

from claimdesk.store import schema
from claimdesk.store.search import create_search_index, reindex_tags_as_words
from claimdesk.store.sites import learn_stored_sites
from claimdesk.store.snapshots import snapshot_stored_stories

Migration = tuple[int, str, Callable[[Connection], None]]

_MIGRATION_LOCK_KEY = 0x636C6D64  # "clmd": any fixed number; PostgreSQL advisory locks are per database


def _create(conn: Connection, *tables: Table) -> None:
    schema.metadata.create_all(conn, tables=list(tables), checkfirst=True)


def _create_tables(conn: Connection) -> None:
    _create(conn, schema.documents, schema.document_sources, schema.links, schema.rejected, schema.findings,
            schema.claims, schema.document_copies, schema.stories, schema.story_mentions)


def _reviews_and_read_indexes(conn: Connection) -> None:
    _create(conn, schema.story_reviews)
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
    _create(conn, schema.corroborated_documents, schema.event_clusters, schema.corroboration_meta)


def _ranking_index_nulls_last(conn: Connection) -> None:
    # SQLite cannot index "first_seen NULLS LAST", so ix_stories_rank still left a sort of every
    # story with the same source count (0.1 s a page at 50,000 stories). Ordering by
    # (first_seen IS NULL, first_seen) is the same order and this index serves it directly.
    conn.execute(text("DROP INDEX IF EXISTS ix_stories_rank"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_stories_rank_nulls_last ON stories "
                      "(independent_sources DESC, (first_seen IS NULL), first_seen, id)"))


def _story_state(conn: Connection) -> None:
    # Stories stored before have no draft yet: corroboration rebuilds one from a story's claims
    # the first time a batch needs it.
    _create(conn, schema.story_state)


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


def _claim_settings(conn: Connection) -> None:
    # Claims stored before have no setting (null): their rival figures are found by the towns their
    # words name, as before, until the documents are extracted again.
    if "setting" not in {c["name"] for c in inspect(conn).get_columns("claims")}:
        conn.execute(text("ALTER TABLE claims ADD COLUMN setting JSON"))


def _document_times(conn: Connection) -> None:
    # Documents stored before have no times: their figures are told apart by publication day, as before.
    if "times" not in {c["name"] for c in inspect(conn).get_columns("documents")}:
        conn.execute(text("ALTER TABLE documents ADD COLUMN times JSON"))


def _outlet_sites(conn: Connection) -> None:
    # A new database has the column from schema.py; the table is made here for every database.
    if "site" not in {c["name"] for c in inspect(conn).get_columns("documents")}:
        conn.execute(text("ALTER TABLE documents ADD COLUMN site VARCHAR(253)"))
    _create(conn, schema.outlet_sites)
    learn_stored_sites(conn)


_DESK_TABLES = ("users", "review_log", "review_log_stories", "review_pins", "review_state")
_APPEND_ONLY = ("review_log", "review_log_stories")


def _review_desk(conn: Connection) -> None:
    # Users, the review log, pins and review states are declared in schema.py (migration 1 makes
    # them on a new database). The log is append-only in the database itself, not only by
    # convention: UPDATE and DELETE on it fail.
    for name in _DESK_TABLES:
        schema.metadata.tables[name].create(conn, checkfirst=True)
    if conn.dialect.name == "postgresql":
        conn.execute(text("CREATE OR REPLACE FUNCTION claimdesk_append_only() RETURNS trigger AS $$ "
                          "BEGIN RAISE EXCEPTION 'the review log is append-only'; END $$ LANGUAGE plpgsql"))
        for table in _APPEND_ONLY:
            conn.execute(text(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}"))
            conn.execute(text(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                              "FOR EACH ROW EXECUTE FUNCTION claimdesk_append_only()"))
    else:
        for table in _APPEND_ONLY:
            for verb in ("UPDATE", "DELETE"):
                conn.execute(text(f"CREATE TRIGGER IF NOT EXISTS {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                                  "BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END"))


LEGACY_REVIEWER = "unknown (before users)"


def _legacy_marks(conn: Connection) -> None:
    # Stories marked "reviewed" before users existed: each mark becomes a log entry and the story's
    # review, by a reviewer no one can name now. The old table stays as it was.
    log, links, state = (schema.metadata.tables[n] for n in ("review_log", "review_log_stories", "review_state"))
    known = set(conn.scalars(select(state.c.story_id)))
    for mark in conn.execute(select(schema.story_reviews).order_by(schema.story_reviews.c.reviewed_at)).mappings().all():
        row = conn.execute(select(schema.stories.c.status, schema.stories.c.independent_sources,
                                  schema.stories.c.contradictions, schema.stories.c.updated_at)
                           .where(schema.stories.c.id == mark["story_id"])).first()
        after = {"note": mark["note"]}
        log_id = conn.execute(log.insert().values(
            at=mark["reviewed_at"], user_name=LEGACY_REVIEWER, action="reviewed", story_id=mark["story_id"],
            before={}, after=after, note=mark["note"])).inserted_primary_key[0]
        conn.execute(links.insert().values(log_id=log_id, story_id=mark["story_id"]))
        if mark["story_id"] in known:
            continue
        baseline = ({"machine_status": row[0], "independent_sources": row[1], "contradictions":
                     [[c["kind"], sorted(c["mentions"])] for c in row[2] or []]} if row else {})
        conn.execute(state.insert().values(
            story_id=mark["story_id"], status=None, reason="", note=mark["note"], user_name=LEGACY_REVIEWER,
            at=mark["reviewed_at"], machine_status=row[0] if row else None, baseline=baseline, changes=[],
            synced_row_at=row[3] if row else None))
        known.add(mark["story_id"])
def _story_changes(conn: Connection) -> None:
    # The stories already stored are snapshotted from their rows, so the first corroboration run
    # after this reports what it changes, not every story as new.
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
    (9, "users with hashed tokens, the append-only review log, pinned mentions, story reviews", _review_desk),
    (10, "stories marked reviewed before users existed: into the review log", _legacy_marks),
    (11, "story-event log: corroboration runs, story snapshots, story changes", _story_changes),
    (13, "follows (stories, actors, places, search terms) and digest marks", _follows),
    (14, "story full-text index (SQLite FTS5, PostgreSQL tsvector) and story_places rows, kept by triggers",
     create_search_index),
    (15, "PostgreSQL full-text index reads '<…>' as words, as SQLite's does", reindex_tags_as_words),
    (16, "claims.setting: the town a page sets a claim in when its words name none", _claim_settings),
    (17, "documents.times: when a page and each post of a live page were published", _document_times),
    (18, "outlet_sites and documents.site: the web domain of a site name, for its pages saved without an address",
     _outlet_sites),
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
