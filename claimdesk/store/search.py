"""Full-text story search and the place filter, on SQLite (FTS5) and PostgreSQL (tsvector) alike.

A query is read as words: every word must start a word of the story's text (`deserter` finds
"deserters"), punctuation and `%`/`_` are separators, never wildcards, and case does not matter.
Matches are ranked by relevance (SQLite's bm25, PostgreSQL's ts_rank), higher first.

Both backends index the text without stemming or stop words (FTS5 `unicode61`, PostgreSQL's
`simple` configuration), so a query finds the same stories on either. The index and the place rows
(`story_places`, one row per place of a story) follow the `stories` table through triggers that
migration 14 creates, so every writer of stories — corroboration, `claimdesk load`, `--full` — keeps
them current without knowing they exist.
"""

from __future__ import annotations

import re
from typing import Optional

from sqlalchemy import Connection, Float, String, Subquery, and_, func, literal, literal_column, or_, select, text

from claimdesk.store import schema

MAX_TERMS = 16
_TERM = re.compile(r"[^\W_]+")

# The tables of SQLite's index (FTS5 keeps its own, named after it); PostgreSQL has an index instead.
SQLITE_ONLY_TABLES = frozenset({"story_search", "story_search_keys", "story_search_data", "story_search_idx",
                                "story_search_content", "story_search_docsize", "story_search_config"})

# SQLite: the FTS5 table is keyed by story_keys.key, an INTEGER PRIMARY KEY that VACUUM never
# renumbers (the implicit rowid of `stories` may change, so it cannot key the index).
_SQLITE_DDL = (
    "CREATE TABLE IF NOT EXISTS story_search_keys (key INTEGER PRIMARY KEY, story_id VARCHAR(64) NOT NULL UNIQUE)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS story_search USING fts5(text, tokenize = 'unicode61 remove_diacritics 0')",
    """CREATE TRIGGER IF NOT EXISTS stories_search_insert AFTER INSERT ON stories BEGIN
        INSERT OR IGNORE INTO story_search_keys (story_id) VALUES (new.id);
        DELETE FROM story_search WHERE rowid = (SELECT key FROM story_search_keys WHERE story_id = new.id);
        INSERT INTO story_search (rowid, text) SELECT key, new.text FROM story_search_keys WHERE story_id = new.id;
        DELETE FROM story_places WHERE story_id = new.id;
        INSERT INTO story_places (story_id, seq, name, country)
            SELECT new.id, CAST(p.key AS INTEGER), json_extract(p.value, '$.name'), json_extract(p.value, '$.country')
            FROM json_each(new.places) AS p;
    END""",
    """CREATE TRIGGER IF NOT EXISTS stories_search_update AFTER UPDATE OF text, places ON stories BEGIN
        DELETE FROM story_search WHERE rowid = (SELECT key FROM story_search_keys WHERE story_id = old.id);
        INSERT INTO story_search (rowid, text) SELECT key, new.text FROM story_search_keys WHERE story_id = new.id;
        DELETE FROM story_places WHERE story_id = old.id;
        INSERT INTO story_places (story_id, seq, name, country)
            SELECT new.id, CAST(p.key AS INTEGER), json_extract(p.value, '$.name'), json_extract(p.value, '$.country')
            FROM json_each(new.places) AS p;
    END""",
    """CREATE TRIGGER IF NOT EXISTS stories_search_delete AFTER DELETE ON stories BEGIN
        DELETE FROM story_search WHERE rowid = (SELECT key FROM story_search_keys WHERE story_id = old.id);
        DELETE FROM story_search_keys WHERE story_id = old.id;
        DELETE FROM story_places WHERE story_id = old.id;
    END""",
    # Stories stored before this migration: index them once.
    "INSERT OR IGNORE INTO story_search_keys (story_id) SELECT id FROM stories",
    "DELETE FROM story_search",
    "INSERT INTO story_search (rowid, text) SELECT k.key, s.text FROM stories AS s JOIN story_search_keys AS k ON k.story_id = s.id",
    "DELETE FROM story_places",
    """INSERT INTO story_places (story_id, seq, name, country)
        SELECT s.id, CAST(p.key AS INTEGER), json_extract(p.value, '$.name'), json_extract(p.value, '$.country')
        FROM stories AS s, json_each(s.places) AS p""",
)

# PostgreSQL: an expression index, so the stories table keeps its columns; queries repeat the
# expression exactly (with the configuration as a literal, not a parameter) so the planner uses it.
# Angle brackets are read as spaces: PostgreSQL's parser takes "<tweet author=…>" for an XML tag and
# indexes none of its words, where FTS5 indexes "tweet" and "author" (migration 15).
_PG_VECTOR = "to_tsvector('simple'::regconfig, translate(stories.text, '<>', '  '))"
_PG_DDL = (
    f"CREATE INDEX IF NOT EXISTS ix_stories_search ON stories USING GIN ({_PG_VECTOR.replace('stories.', '')})",
    """CREATE OR REPLACE FUNCTION stories_places_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
            DELETE FROM story_places WHERE story_id = OLD.id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            INSERT INTO story_places (story_id, seq, name, country)
            SELECT NEW.id, p.n - 1, p.value ->> 'name', p.value ->> 'country'
            FROM json_array_elements(NEW.places::json) WITH ORDINALITY AS p(value, n);
        END IF;
        RETURN NULL;
    END $$""",
    "DROP TRIGGER IF EXISTS stories_places_sync ON stories",
    """CREATE TRIGGER stories_places_sync AFTER INSERT OR DELETE OR UPDATE OF places ON stories
        FOR EACH ROW EXECUTE FUNCTION stories_places_sync()""",
    "DELETE FROM story_places",
    """INSERT INTO story_places (story_id, seq, name, country)
        SELECT s.id, p.n - 1, p.value ->> 'name', p.value ->> 'country'
        FROM stories AS s, json_array_elements(s.places::json) WITH ORDINALITY AS p(value, n)""",
)


def create_search_index(conn: Connection) -> None:
    """Migration 14: the story_places table, the full-text index and the triggers that keep both."""
    schema.story_places.create(conn, checkfirst=True)
    for statement in _SQLITE_DDL if conn.dialect.name == "sqlite" else _PG_DDL:
        conn.execute(text(statement))


def reindex_tags_as_words(conn: Connection) -> None:
    """Migration 15 (PostgreSQL only): the full-text index again, with angle brackets read as spaces."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("DROP INDEX IF EXISTS ix_stories_search"))
        conn.execute(text(_PG_DDL[0]))


def search_terms(query: str) -> list[str]:
    """The words of a query, lower-cased (at most MAX_TERMS); punctuation, `%` and `_` separate them."""
    return [t.lower() for t in _TERM.findall(query)][:MAX_TERMS]


def matching_stories(dialect: str, query: str) -> Optional[Subquery]:
    """(story_id, relevance) of the stories whose text has every word of `query`; None for a query
    without words (which matches no story)."""
    terms = search_terms(query)
    if not terms:
        return None
    if dialect == "sqlite":
        # Each term a quoted prefix: FTS5 reads nothing inside double quotes as an operator.
        match = " ".join(f'"{t}"*' for t in terms)
        return (text("SELECT k.story_id AS story_id, -bm25(story_search) AS relevance FROM story_search "
                     "JOIN story_search_keys AS k ON k.key = story_search.rowid WHERE story_search MATCH :match")
                .bindparams(match=match).columns(story_id=String, relevance=Float).subquery("matched"))
    # Terms are letters and digits only, so they cannot form tsquery operators.
    tsquery = func.to_tsquery(literal_column("'simple'::regconfig"), literal(" & ".join(f"{t}:*" for t in terms)))
    vector = literal_column(_PG_VECTOR)
    return (select(schema.stories.c.id.label("story_id"), func.ts_rank(vector, tsquery).label("relevance"))
            .where(vector.op("@@")(tsquery)).subquery("matched"))


def place_condition(place: str):  # noqa: ANN201 - a SQL boolean expression
    """Stories with a place whose name contains `place`, or whose country code is `place` (both
    case-insensitive); `%` and `_` are plain characters."""
    p = schema.story_places.c
    escaped = place.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = select(p.story_id).where(or_(
        func.lower(p.name).like(f"%{escaped}%", escape="\\"),
        and_(p.country.is_not(None), func.upper(p.country) == place.upper())))
    return schema.stories.c.id.in_(rows)
