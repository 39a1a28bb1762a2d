"""The Store: reads and writes claimdesk records through SQLAlchemy.

The database URL picks the backend (`sqlite:///…` or `postgresql://…`); anything else fails loudly.
Writes are idempotent: a document is keyed by the hash of its normalised text, so writing it again
only records one more source, and two processes writing the same documents end with each once.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import Any, Optional

from sqlalchemy import Engine, create_engine, delete, event, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError, ProgrammingError, StatementError

from claimdesk.furniture import outlet_key
from claimdesk.furniture.lines import lines_of
from claimdesk.models import Claim, DerivedDocument, Document, Finding, LinkOnly, RejectedInput
from claimdesk.store import schema
from claimdesk.store.codec import claim_from_row, claim_row, document_from_row, document_row, finding_from_row, finding_row
from claimdesk.store.migrations import migrate
from claimdesk.store.sites import site_for

DEFAULT_DB_URL = "sqlite:///claimdesk.sqlite"


def default_db_url() -> str:
    return os.environ.get("CLAIMDESK_DB") or DEFAULT_DB_URL


def _normalise_url(url: str) -> str:
    # Users write postgresql://…; SQLAlchemy would pick psycopg2 for that, claimdesk ships psycopg 3.
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _make_engine(url: str) -> Engine:
    url = _normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 60})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # noqa: ANN001
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=60000")
            cursor.close()

        return engine
    if url.startswith("postgresql"):
        return create_engine(url, pool_pre_ping=True)
    raise ValueError(f"expected a sqlite:/// or postgresql:// database URL, got {url!r}")


class Store:
    """All reads and writes of claimdesk records.

    >>> store = Store("sqlite://")
    >>> doc = Document.from_text("Six officers were killed.", source="memo.txt")
    >>> store.add_document(doc)
    True
    >>> store.add_document(doc)
    False
    """

    def __init__(self, url: str):
        self.url = url
        self.engine = _make_engine(url)
        self.dialect = self.engine.dialect.name
        self._migrate_with_retry()

    def _migrate_with_retry(self) -> None:
        # Two processes starting on a new database race to create its tables; the loser retries
        # and then finds them made.
        for attempt in range(8):
            try:
                migrate(self.engine)
                return
            except (OperationalError, ProgrammingError, IntegrityError):
                if attempt == 7:
                    raise
                time.sleep(0.2 * (attempt + 1))

    def close(self) -> None:
        self.engine.dispose()

    # -- writing -------------------------------------------------------------------------------

    def _insert_ignoring_conflicts(self, table, index_elements: Optional[list[str]] = None):
        # preserve_rowcount: callers read rowcount to learn whether the row was new; without it,
        # SQLAlchemy with psycopg 3 reports -1 for these inserts.
        if self.dialect == "postgresql":
            stmt = postgresql.insert(table).on_conflict_do_nothing(index_elements=index_elements)
        else:
            stmt = sqlite.insert(table).on_conflict_do_nothing()
        return stmt.execution_options(preserve_rowcount=True)

    def has_document(self, document_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.scalar(select(schema.documents.c.id).where(schema.documents.c.id == document_id)) is not None

    def existing_document_ids(self, document_ids: Iterable[str]) -> set[str]:
        ids = list(set(document_ids))
        if not ids:
            return set()
        with self.engine.connect() as conn:
            return set(conn.scalars(select(schema.documents.c.id).where(schema.documents.c.id.in_(ids))))

    def add_document(
        self,
        doc: Document,
        findings: Optional[Iterable[Finding]] = None,
        claims: Optional[Iterable[Claim]] = None,
    ) -> bool:
        """Store a document with what was derived from it, in one transaction; True if it was new.

        A document already stored (same text) only gains a source row, so re-ingesting is a no-op.
        """
        return bool(self.add_documents([DerivedDocument(
            doc, None if findings is None else list(findings), None if claims is None else list(claims))])[0])

    def add_documents(
        self, batch: Iterable[DerivedDocument], repeated: Optional[dict[str, Collection[str]]] = None,
        on_refused: Optional[Callable[[RejectedInput], None]] = None,
    ) -> list[Optional[bool]]:
        """Store several documents in ONE transaction (fast, and all-or-nothing if killed), each with
        its findings and claims; return, in order, whether each document was new.

        If the database refuses the batch because of one document's data, each document is written
        again in its own transaction: the refused one is quarantined alone (a `rejected` row naming
        its source and the database's reason, passed to `on_refused`, None in the result) and the
        others land. A connection or lock failure is not a refusal and is raised.

        Each new document's lines are counted for its outlet (`outlet_lines`); `repeated` maps a
        document id to the keys of its lines that its furniture was decided knowing as repeated.
        """
        batch = list(batch)
        repeated = repeated or {}
        try:
            with self.engine.begin() as conn:
                return [self._write_document(conn, item, repeated.get(item.document.id, ())) for item in batch]
        except Exception as error:
            if not _is_refusal(error):
                raise
        results: list[Optional[bool]] = []
        for item in batch:
            try:
                with self.engine.begin() as conn:
                    results.append(self._write_document(conn, item, repeated.get(item.document.id, ())))
            except Exception as error:
                if not _is_refusal(error):
                    raise
                refused = RejectedInput(source=item.document.source, reason=_refusal_reason(error))
                self.add_rejected(refused)
                if on_refused:
                    on_refused(refused)
                results.append(None)
        return results

    def _write_document(self, conn, item: DerivedDocument, repeated_keys: Collection[str] = ()) -> bool:  # noqa: ANN001
        doc, findings, claims = item.document, item.findings, item.claims
        row = document_row(doc)
        row["site"] = site_for(conn, doc)
        result = conn.execute(self._insert_ignoring_conflicts(schema.documents, ["id"]), [row])
        new = result.rowcount == 1
        conn.execute(
            self._insert_ignoring_conflicts(schema.document_sources, ["document_id", "source"]),
            [{"document_id": doc.id, "source": doc.source, "format": doc.format, "url": doc.url,
              "outlet": doc.outlet, "ingested_at": doc.ingested_at}],
        )
        if new:
            _write_outlet_lines(conn, doc, repeated_keys)
            if findings is not None:
                _write_findings(conn, doc.id, findings)
            if claims is not None:
                _write_claims(conn, doc.id, claims)
        return new

    # -- furniture: lines an outlet repeats ------------------------------------------------------

    def outlet_line_pages(self, outlet: str, line_keys: Iterable[str]) -> dict[str, int]:
        """line key -> how many stored pages of `outlet` (an `outlet_key`) print that line."""
        keys = sorted(set(line_keys))
        if not keys:
            return {}
        t = schema.outlet_lines.c
        out: dict[str, int] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(keys), 500):
                out.update(conn.execute(
                    select(t.line_key, func.count()).where(t.outlet == outlet, t.line_key.in_(keys[i:i + 500]))
                    .group_by(t.line_key)).all())
        return out

    def documents_with_uncounted_repeats(self, outlet: str, line_keys: Iterable[str], pages: int) -> list[str]:
        """Ids of the stored pages of `outlet` whose furniture was decided before one of
        `line_keys` reached `pages` pages: they are to be decided again."""
        keys = sorted(set(line_keys))
        if not keys:
            return []
        t = schema.outlet_lines.c
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(keys), 500):
                reached = (select(t.line_key).where(t.outlet == outlet, t.line_key.in_(keys[i:i + 500]))
                           .group_by(t.line_key).having(func.count() >= pages))
                found.update(conn.scalars(select(t.document_id).where(
                    t.outlet == outlet, t.line_key.in_(reached), t.counted.is_(False))))
        return sorted(found)

    def update_furniture(self, doc: Document, repeated: Collection[str], findings: Iterable[Finding]) -> int:
        """Store `doc`'s furniture decided again (with `repeated` line keys known), its findings
        audited again, and drop its claims that now lie in furniture, in one transaction. Claims
        already placed in a story are kept (a story is only rewritten by `corroborate --full`);
        returns how many of those were kept."""
        t = schema.outlet_lines.c
        c = schema.claims.c
        with self.engine.begin() as conn:
            conn.execute(update(schema.documents).where(schema.documents.c.id == doc.id)
                         .values(furniture=[list(span) for span in doc.furniture]))
            if repeated:
                conn.execute(update(schema.outlet_lines).where(
                    t.document_id == doc.id, t.line_key.in_(sorted(repeated))).values(counted=True))
            conn.execute(delete(schema.findings).where(schema.findings.c.document_id == doc.id))
            _write_findings(conn, doc.id, findings)
            placed = set(conn.scalars(select(schema.story_mentions.c.claim_id)
                                      .where(schema.story_mentions.c.document_id == doc.id)))
            rows = conn.execute(select(c.id, c.span_start, c.span_end).where(c.document_id == doc.id)).all()
            drop = [r[0] for r in rows if doc.in_furniture((r[1], r[2])) and r[0] not in placed]
            kept = sum(1 for r in rows if doc.in_furniture((r[1], r[2])) and r[0] in placed)
            for i in range(0, len(drop), 500):
                conn.execute(delete(schema.claims).where(c.id.in_(drop[i:i + 500])))
        return kept

    def replace_claims(self, document_id: str, claims: Iterable[Claim]) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(schema.claims).where(schema.claims.c.document_id == document_id))
            _write_claims(conn, document_id, claims)

    def add_link(self, link: LinkOnly) -> bool:
        with self.engine.begin() as conn:
            result = conn.execute(self._insert_ignoring_conflicts(schema.links, ["url"]), [link.model_dump()])
            return result.rowcount == 1

    def add_rejected(self, rejected: RejectedInput) -> None:
        with self.engine.begin() as conn:
            stmt = self._insert_ignoring_conflicts(schema.rejected, ["source", "reason"])
            conn.execute(stmt, [rejected.model_dump()])

    # -- reading -------------------------------------------------------------------------------

    def get_document(self, document_id: str) -> Optional[Document]:
        with self.engine.connect() as conn:
            row = conn.execute(select(schema.documents).where(schema.documents.c.id == document_id)).mappings().first()
        return document_from_row(row) if row else None

    def get_documents(self, document_ids: Iterable[str], chunk: int = 500) -> list[Document]:
        """The stored documents of `document_ids`, in that order (unknown ids left out), read a chunk
        of ids per query."""
        ids = list(document_ids)
        found: dict[str, Document] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(ids), chunk):
                rows = conn.execute(select(schema.documents).where(
                    schema.documents.c.id.in_(ids[start:start + chunk]))).mappings().all()
                found.update((row["id"], document_from_row(row)) for row in rows)
        return [found[i] for i in ids if i in found]

    def documents(self, batch_size: int = 500) -> Iterator[Document]:
        """Every document, in id order, read in batches so memory stays flat on large stores."""
        last_id = ""
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(
                    select(schema.documents).where(schema.documents.c.id > last_id)
                    .order_by(schema.documents.c.id).limit(batch_size)
                ).mappings().all()
            if not rows:
                return
            for row in rows:
                yield document_from_row(row)
            last_id = rows[-1]["id"]

    def document_sources(self, document_id: str) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(schema.document_sources).where(schema.document_sources.c.document_id == document_id)
                .order_by(schema.document_sources.c.id)
            ).mappings().all()
        return [dict(r) for r in rows]

    def findings_for(self, document_id: str) -> list[Finding]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(schema.findings).where(schema.findings.c.document_id == document_id)
                .order_by(schema.findings.c.span_start, schema.findings.c.span_end, schema.findings.c.id)
            ).mappings().all()
        return [finding_from_row(r) for r in rows]

    def claims_for(self, document_id: str) -> list[Claim]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(schema.claims).where(schema.claims.c.document_id == document_id)
                # span_end and id break ties: PostgreSQL's sort is not stable, and corroboration
                # (which places claims in this order) must see the same order on every backend.
                .order_by(schema.claims.c.span_start, schema.claims.c.span_end, schema.claims.c.id)
            ).mappings().all()
        return [claim_from_row(r) for r in rows]

    def documents_with_findings(self, limit: int) -> tuple[list[str], int]:
        """Ids of up to `limit` documents that have audit findings (most findings first), and how many have any."""
        f = schema.findings.c
        with self.engine.connect() as conn:
            total = conn.scalar(select(func.count(f.document_id.distinct()))) or 0
            ids = list(conn.scalars(
                select(f.document_id).group_by(f.document_id).order_by(func.count().desc(), f.document_id).limit(limit)))
        return ids, total

    def claims(self, batch_size: int = 2000) -> Iterator[Claim]:
        last_id = ""
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(
                    select(schema.claims).where(schema.claims.c.id > last_id)
                    .order_by(schema.claims.c.id).limit(batch_size)
                ).mappings().all()
            if not rows:
                return
            for row in rows:
                yield claim_from_row(row)
            last_id = rows[-1]["id"]

    def rejected_inputs(self) -> list[RejectedInput]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(schema.rejected).order_by(schema.rejected.c.id)).mappings().all()
        return [RejectedInput(source=r["source"], reason=r["reason"], at=r["at"]) for r in rows]

    def links(self) -> list[LinkOnly]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(schema.links).order_by(schema.links.c.url)).mappings().all()
        return [LinkOnly(**dict(r)) for r in rows]

    def count(self, table_name: str) -> int:
        table = schema.metadata.tables[table_name]
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(table)) or 0

    def counts_by(self, table_name: str, column: str) -> list[tuple[Optional[str], int]]:
        table = schema.metadata.tables[table_name]
        col = table.c[column]
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(col, func.count()).group_by(col).order_by(func.count().desc(), col)
            ).all()
        return [(r[0], r[1]) for r in rows]

    def migrations_applied(self) -> list[int]:
        with self.engine.connect() as conn:
            return list(conn.scalars(select(schema.schema_migrations.c.version).order_by(schema.schema_migrations.c.version)))


def _is_refusal(error: Exception) -> bool:
    """Whether the database refused a row's data (a value it cannot hold, a constraint), as
    opposed to failing itself (connection lost, database locked), which no retry row by row fixes."""
    if isinstance(error, (DataError, IntegrityError)):
        return True
    return isinstance(error, StatementError) and not isinstance(error, DBAPIError)  # e.g. encoding


def _refusal_reason(error: Exception) -> str:
    cause = getattr(error, "orig", None) or error
    first_line = (str(cause).strip().splitlines() or [""])[0]
    return f"the database refused it: {type(cause).__name__}: {first_line[:300]}"


def open_store(url: Optional[str] = None) -> Store:
    return Store(url or default_db_url())


def _write_outlet_lines(conn, doc: Document, repeated: Collection[str]) -> None:  # noqa: ANN001
    outlet = outlet_key(doc.outlet)
    if outlet is None:
        return
    keys = sorted({line.key for line in lines_of(doc.text)})
    if keys:
        conn.execute(schema.outlet_lines.insert(), [
            {"outlet": outlet, "line_key": k, "document_id": doc.id, "counted": k in repeated} for k in keys])


def _write_findings(conn, document_id: str, findings: Iterable[Finding]) -> None:  # noqa: ANN001
    rows = [finding_row(document_id, f) for f in findings]
    if rows:
        conn.execute(schema.findings.insert(), rows)


def _write_claims(conn, document_id: str, claims: Iterable[Claim]) -> None:  # noqa: ANN001
    # A claim id is its document and span; the extractor yields one claim per span
    # (spacy_extractor.one_per_span), so two rows for one id are a bug that should fail loudly.
    rows = [{**claim_row(c), "document_id": document_id} for c in claims]
    if rows:
        conn.execute(schema.claims.insert(), rows)
