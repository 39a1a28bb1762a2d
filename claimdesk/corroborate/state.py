"""What corroboration remembers between runs, so a new batch of documents costs only its own work.

- `corroborated_documents`: one row per document already processed, with its MinHash signature
  (for near-duplicate search) and its event cluster. Documents without a row are the next batch.
- `event_clusters`: document-level clusters (one real-world event or topic each) with the summed
  term vectors of their documents, so a new document is compared with a centroid, not re-clustered.
- `corroboration_meta`: corpus statistics (document frequencies of hashed terms) for IDF weights.
- `story_state`: what grouping needs of each story (`grouping.Draft`: summed claim vector and its
  squared norm, lead claim, countries, mention count, continuation), so a batch adds its claims to
  a story without reloading the story's claims.

The tables have their own MetaData and are created by migrations 3 and 5 (`claimdesk.store.migrations`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Optional

import numpy as np
from sqlalchemy import (
    JSON, Column, Connection, Date, DateTime, Float, Integer, LargeBinary, MetaData, String, Table, delete,
    select,
)

from claimdesk.store import Store

if TYPE_CHECKING:
    from claimdesk.corroborate.grouping import Draft
    from claimdesk.models import Claim, Document

metadata = MetaData()

corroborated_documents = Table(
    "corroborated_documents", metadata,
    Column("document_id", String(64), primary_key=True),
    Column("cluster_id", String(64), nullable=False, index=True),
    Column("minhash", LargeBinary, nullable=False),
    Column("shingles", Integer, nullable=False),
    Column("done_at", DateTime(timezone=True), nullable=False),
)

event_clusters = Table(
    "event_clusters", metadata,
    Column("id", String(64), primary_key=True),
    Column("size", Integer, nullable=False),
    Column("first_date", Date),
    Column("last_date", Date),
    # summed (unnormalised) term vectors, pruned to their heaviest terms: {"i": [...], "v": [...]}
    Column("terms", JSON, nullable=False),
    Column("entities", JSON, nullable=False),
    Column("norm2", Float, nullable=False),
    Column("entity_norm2", Float, nullable=False),
)

story_state = Table(
    "story_state", metadata,
    Column("story_id", String(64), primary_key=True),
    # summed vectors of the story's asserted claims: int32 term ids, then float64 weights
    Column("vector", LargeBinary, nullable=False),
    Column("norm2", Float, nullable=False),
    Column("mentions", Integer, nullable=False),
    Column("lead", LargeBinary, nullable=False),  # the lead claim: a Claim record as JSON (read only when needed)
    Column("countries", JSON, nullable=False),
    Column("continued_by", String(64)),
)

corroboration_meta = Table(
    "corroboration_meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", LargeBinary, nullable=False),
)


def create_tables(conn: Connection) -> None:
    metadata.create_all(conn, checkfirst=True)


@dataclass
class ClusterRow:
    id: str
    size: int
    first_date: Optional[date]
    last_date: Optional[date]
    terms: tuple[np.ndarray, np.ndarray]
    entities: tuple[np.ndarray, np.ndarray]
    norm2: float
    entity_norm2: float


def _vec(obj: dict) -> tuple[np.ndarray, np.ndarray]:
    return np.asarray(obj["i"], dtype=np.int64), np.asarray(obj["v"], dtype=np.float64)


def _obj(vec: tuple[np.ndarray, np.ndarray]) -> dict:
    # not rounded: a run that reloads its clusters must see the very centroids an uninterrupted run keeps
    return {"i": [int(i) for i in vec[0]], "v": [float(v) for v in vec[1]]}


def processed_ids(store: Store) -> set[str]:
    with store.engine.connect() as conn:
        return set(conn.scalars(select(corroborated_documents.c.document_id)))


def iter_signatures(store: Store, batch_size: int = 5000) -> Iterator[tuple[str, np.ndarray, int]]:
    last = ""
    while True:
        with store.engine.connect() as conn:
            rows = conn.execute(
                select(corroborated_documents.c.document_id, corroborated_documents.c.minhash,
                       corroborated_documents.c.shingles)
                .where(corroborated_documents.c.document_id > last)
                .order_by(corroborated_documents.c.document_id).limit(batch_size)).all()
        if not rows:
            return
        for doc_id, blob, n in rows:
            yield doc_id, np.frombuffer(blob, dtype=np.uint32), n
        last = rows[-1][0]


def cluster_of_documents(store: Store, document_ids: Iterable[str]) -> dict[str, str]:
    ids = list(document_ids)
    out: dict[str, str] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(ids), 500):
            out.update(conn.execute(
                select(corroborated_documents.c.document_id, corroborated_documents.c.cluster_id)
                .where(corroborated_documents.c.document_id.in_(ids[i:i + 500]))).all())
    return out


def documents_in_clusters(store: Store, cluster_ids: Iterable[str], since: Optional[date] = None) -> dict[str, list[str]]:
    """Documents of the clusters; with `since`, only those published since then (or undated), so a
    long-running topic does not make every batch reload its whole history."""
    from claimdesk.store import schema

    ids = list(cluster_ids)
    cd, d = corroborated_documents.c, schema.documents.c
    out: dict[str, list[str]] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(ids), 500):
            query = select(cd.document_id, cd.cluster_id).where(cd.cluster_id.in_(ids[i:i + 500]))
            if since is not None:
                query = query.join(schema.documents, d.id == cd.document_id).where(
                    (d.published >= since) | d.published.is_(None))
            for doc_id, cid in conn.execute(query):
                out.setdefault(cid, []).append(doc_id)
    return out


def load_clusters(store: Store) -> list[ClusterRow]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(event_clusters).order_by(event_clusters.c.id)).mappings().all()
    return [ClusterRow(r["id"], r["size"], r["first_date"], r["last_date"], _vec(r["terms"]), _vec(r["entities"]),
                       r["norm2"], r["entity_norm2"]) for r in rows]


def save_batch(conn: Connection, documents: list[tuple[str, str, np.ndarray, int]], clusters: list[ClusterRow]) -> None:
    """Record processed documents (id, cluster, signature, shingle count) and their updated clusters."""
    now = datetime.now(timezone.utc)
    if clusters:
        ids = [c.id for c in clusters]
        for i in range(0, len(ids), 500):
            conn.execute(delete(event_clusters).where(event_clusters.c.id.in_(ids[i:i + 500])))
        conn.execute(event_clusters.insert(), [{
            "id": c.id, "size": c.size, "first_date": c.first_date, "last_date": c.last_date,
            "terms": _obj(c.terms), "entities": _obj(c.entities), "norm2": c.norm2,
            "entity_norm2": c.entity_norm2} for c in clusters])
    if documents:
        conn.execute(corroborated_documents.insert(), [{
            "document_id": d, "cluster_id": c, "minhash": sig.astype(np.uint32).tobytes(), "shingles": n,
            "done_at": now} for d, c, sig, n in documents])


def get_meta(store: Store, key: str) -> Optional[bytes]:
    with store.engine.connect() as conn:
        return conn.scalar(select(corroboration_meta.c.value).where(corroboration_meta.c.key == key))


def set_meta(conn: Connection, key: str, value: bytes) -> None:
    conn.execute(delete(corroboration_meta).where(corroboration_meta.c.key == key))
    conn.execute(corroboration_meta.insert(), [{"key": key, "value": value}])


def _vector_blob(vec: dict[int, float]) -> bytes:
    return np.fromiter(vec.keys(), dtype=np.int32, count=len(vec)).tobytes() + \
        np.fromiter(vec.values(), dtype=np.float64, count=len(vec)).tobytes()


def _vector_of(blob: bytes) -> dict[int, float]:
    n = len(blob) // 12
    return dict(zip(np.frombuffer(blob[:4 * n], dtype=np.int32).tolist(),
                    np.frombuffer(blob[4 * n:], dtype=np.float64).tolist()))


def load_drafts(conn: Connection, story_ids: Iterable[str]) -> dict[str, Draft]:
    """The stored drafts of these stories (stories stored without one are missing from the answer)."""
    from claimdesk.corroborate.grouping import Draft

    ids = list(story_ids)
    out: dict[str, Draft] = {}
    st = story_state.c
    for i in range(0, len(ids), 500):
        for r in conn.execute(select(story_state).where(st.story_id.in_(ids[i:i + 500]))).mappings():
            out[r["story_id"]] = Draft(
                r["story_id"], vector=_vector_of(r["vector"]), norm2=r["norm2"],
                lead_json=r["lead"], countries=set(r["countries"]),
                stored=r["mentions"], continued_by=r["continued_by"])
    return out


def save_drafts(conn: Connection, drafts: list[Draft]) -> None:
    ids = [d.id for d in drafts]
    for i in range(0, len(ids), 500):
        conn.execute(delete(story_state).where(story_state.c.story_id.in_(ids[i:i + 500])))
    if drafts:
        conn.execute(story_state.insert(), [{
            "story_id": d.id, "vector": _vector_blob(d.vector), "norm2": d.norm2, "mentions": d.mentions,
            "lead": d.lead_json or d.lead.model_dump_json().encode(), "countries": sorted(d.countries),
            "continued_by": d.continued_by} for d in drafts])


def reset(store: Store) -> None:
    """Forget everything corroboration derived (for `--full`); documents and claims stay."""
    from claimdesk.store import schema

    with store.engine.begin() as conn:
        for table in (corroborated_documents, event_clusters, corroboration_meta, story_state):
            conn.execute(delete(table))
        conn.execute(delete(schema.story_mentions))
        conn.execute(delete(schema.stories))
        conn.execute(delete(schema.document_copies))
        conn.execute(delete(schema.document_origins))


def story_of_claims(store: Store, document_ids: Iterable[str]) -> dict[str, str]:
    """claim id -> story id, for the stored claims of `document_ids` that belong to a story."""
    from claimdesk.store import schema

    ids = list(document_ids)
    out: dict[str, str] = {}
    sm = schema.story_mentions.c
    with store.engine.connect() as conn:
        for i in range(0, len(ids), 500):
            out.update(conn.execute(select(sm.claim_id, sm.story_id).where(sm.document_id.in_(ids[i:i + 500]))).all())
    return out


def unprocessed_documents(store: Store) -> list[tuple[str, Optional[date], datetime]]:
    """(id, published, ingested_at) of documents not corroborated yet."""
    from claimdesk.store import schema

    d = schema.documents.c
    done = select(corroborated_documents.c.document_id)
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(select(d.id, d.published, d.ingested_at).where(d.id.not_in(done)))]


def claims_of_documents(store: Store, document_ids: Iterable[str]) -> dict[str, list]:
    """The stored claims of many documents in a few queries (`Store.claims_for` asks once per document)."""
    from claimdesk.store import schema
    from claimdesk.store.database import _claim_from_row  # the store's own row -> Claim conversion

    ids = list(document_ids)
    out: dict[str, list] = {i: [] for i in ids}
    c = schema.claims.c
    with store.engine.connect() as conn:
        for i in range(0, len(ids), 500):
            for row in conn.execute(select(schema.claims).where(c.document_id.in_(ids[i:i + 500]))
                                    .order_by(c.document_id, c.span_start, c.span_end, c.id)).mappings():
                out[row["document_id"]].append(_claim_from_row(row))
    return out


def document_headers(store: Store, document_ids: Iterable[str]) -> dict[str, "Document"]:
    """Documents without their text (outlet, author, dates, url): what a story's mentions need."""
    from claimdesk.models import Document
    from claimdesk.store import schema

    ids = list(document_ids)
    d = schema.documents.c
    cols = [d.id, d.source, d.format, d.outlet, d.url, d.title, d.author, d.published, d.language, d.ingested_at]
    out: dict[str, Document] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(ids), 500):
            for row in conn.execute(select(*cols).where(d.id.in_(ids[i:i + 500]))).mappings():
                out[row["id"]] = Document(text="", **dict(row))
    return out


def mentions_of_stories(conn: Connection, story_ids: Iterable[str]) -> dict[str, list[str]]:
    """story id -> the claim ids of its mentions."""
    from claimdesk.store import schema

    ids = list(story_ids)
    out: dict[str, list[str]] = {i: [] for i in ids}
    sm = schema.story_mentions.c
    for i in range(0, len(ids), 500):
        for story, claim in conn.execute(select(sm.story_id, sm.claim_id).where(sm.story_id.in_(ids[i:i + 500]))):
            out[story].append(claim)
    return out


def claims_by_id(conn: Connection, claim_ids: Iterable[str]) -> dict[str, "Claim"]:
    from claimdesk.store import schema
    from claimdesk.store.database import _claim_from_row

    ids = list(claim_ids)
    out = {}
    for i in range(0, len(ids), 500):
        for row in conn.execute(select(schema.claims).where(schema.claims.c.id.in_(ids[i:i + 500]))).mappings():
            out[row["id"]] = _claim_from_row(row)
    return out


def claims_of_stories(conn: Connection, story_ids: Iterable[str]) -> dict[str, list]:
    """story id -> the stored claims of its mentions (read on `conn`, so mentions written in the
    same transaction are seen)."""
    from claimdesk.store import schema
    from claimdesk.store.database import _claim_from_row

    ids = list(story_ids)
    out: dict[str, list] = {i: [] for i in ids}
    c, sm = schema.claims.c, schema.story_mentions.c
    for i in range(0, len(ids), 500):
        query = (select(schema.claims, sm.story_id).join(schema.story_mentions, sm.claim_id == c.id)
                 .where(sm.story_id.in_(ids[i:i + 500])).order_by(sm.story_id, c.document_id, c.span_start, c.id))
        for row in conn.execute(query).mappings():
            out[row["story_id"]].append(_claim_from_row(row))
    return out


def stories_of_documents(store: Store, document_ids: Iterable[str]) -> dict[str, set[str]]:
    """document id -> the stories its claims are mentions of."""
    from claimdesk.store import schema

    ids = list(document_ids)
    out: dict[str, set[str]] = {}
    sm = schema.story_mentions.c
    with store.engine.connect() as conn:
        for i in range(0, len(ids), 500):
            for doc, story in conn.execute(select(sm.document_id, sm.story_id).where(sm.document_id.in_(ids[i:i + 500]))
                                           .distinct()):
                out.setdefault(doc, set()).add(story)
    return out
