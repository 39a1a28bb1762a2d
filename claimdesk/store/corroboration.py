"""What corroboration remembers between runs, so a new batch of documents costs only its own work.

The tables (`claimdesk.store.schema`, created by migrations 3 and 5):
- `corroborated_documents`: one row per document already processed, with its MinHash signature
  (for near-duplicate search) and its event cluster. Documents without a row are the next batch.
- `event_clusters`: document-level clusters (one real-world event or topic each) with the summed
  term vectors of their documents, so a new document is compared with a centroid, not re-clustered.
- `corroboration_meta`: corpus statistics (document frequencies of hashed terms) for IDF weights.
- `story_state`: what grouping needs of each story (`StoredDraft`: summed claim vector and its
  squared norm, lead claim, countries, mention count, continuation), so a batch adds its claims to
  a story without reloading the story's claims.

Every function reads or writes typed records; functions taking a `Connection` run inside the
caller's transaction, the others open their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Optional

import numpy as np
from sqlalchemy import Connection, delete, select

from claimdesk.models import Claim, Document, Origin
from claimdesk.store import schema
from claimdesk.store.codec import claim_from_row, origin_from_row, set_times
from claimdesk.store.database import Store

_CHUNK = 500  # ids per IN (…) list: well under SQLite's and PostgreSQL's bound-parameter limits


@dataclass
class ClusterRow:
    """An event cluster: summed (unnormalised) term and entity vectors of its documents."""

    id: str
    size: int
    first_date: Optional[date]
    last_date: Optional[date]
    terms: tuple[np.ndarray, np.ndarray]
    entities: tuple[np.ndarray, np.ndarray]
    norm2: float
    entity_norm2: float


@dataclass(frozen=True)
class Signature:
    """A corroborated document's MinHash signature and how many shingles it was made of."""

    document_id: str
    minhash: np.ndarray
    shingles: int


@dataclass(frozen=True)
class ProcessedDocument:
    """A document a batch corroborated: its event cluster and signature."""

    document_id: str
    cluster_id: str
    minhash: np.ndarray
    shingles: int


@dataclass(frozen=True)
class PendingDocument:
    """A stored document not corroborated yet, with what orders the batches."""

    id: str
    published: Optional[date]
    ingested_at: datetime


@dataclass(frozen=True)
class StoredDraft:
    """A story as grouping stored it (`corroborate.grouping.Draft` without the claims of this run)."""

    story_id: str
    vector: dict[int, float]
    norm2: float
    lead_json: bytes  # the lead claim: a Claim record as JSON, parsed only when needed
    countries: frozenset[str]
    mentions: int
    continued_by: Optional[str]


def _vec(obj: dict) -> tuple[np.ndarray, np.ndarray]:
    return np.asarray(obj["i"], dtype=np.int64), np.asarray(obj["v"], dtype=np.float64)


def _obj(vec: tuple[np.ndarray, np.ndarray]) -> dict:
    # not rounded: a run that reloads its clusters must see the very centroids an uninterrupted run keeps
    return {"i": [int(i) for i in vec[0]], "v": [float(v) for v in vec[1]]}


def _chunks(ids: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


# -- processed documents and their clusters ---------------------------------------------------------

def processed_ids(store: Store) -> set[str]:
    with store.engine.connect() as conn:
        return set(conn.scalars(select(schema.corroborated_documents.c.document_id)))


def iter_signatures(store: Store, batch_size: int = 5000) -> Iterator[Signature]:
    cd = schema.corroborated_documents.c
    last = ""
    while True:
        with store.engine.connect() as conn:
            rows = conn.execute(
                select(cd.document_id, cd.minhash, cd.shingles)
                .where(cd.document_id > last).order_by(cd.document_id).limit(batch_size)).all()
        if not rows:
            return
        for doc_id, blob, n in rows:
            yield Signature(doc_id, np.frombuffer(blob, dtype=np.uint32), n)
        last = rows[-1][0]


def cluster_of_documents(store: Store, document_ids: Iterable[str]) -> dict[str, str]:
    cd = schema.corroborated_documents.c
    out: dict[str, str] = {}
    with store.engine.connect() as conn:
        for chunk in _chunks(list(document_ids)):
            out.update(conn.execute(select(cd.document_id, cd.cluster_id).where(cd.document_id.in_(chunk))).all())
    return out


def documents_in_clusters(store: Store, cluster_ids: Iterable[str], since: Optional[date] = None) -> dict[str, list[str]]:
    """Documents of the clusters; with `since`, only those published since then (or undated), so a
    long-running topic does not make every batch reload its whole history."""
    cd, d = schema.corroborated_documents.c, schema.documents.c
    out: dict[str, list[str]] = {}
    with store.engine.connect() as conn:
        for chunk in _chunks(list(cluster_ids)):
            query = select(cd.document_id, cd.cluster_id).where(cd.cluster_id.in_(chunk))
            if since is not None:
                query = query.join(schema.documents, d.id == cd.document_id).where(
                    (d.published >= since) | d.published.is_(None))
            for doc_id, cid in conn.execute(query):
                out.setdefault(cid, []).append(doc_id)
    return out


def publication_dates(store: Store, document_ids: Iterable[str]) -> dict[str, Optional[date]]:
    """Each document's publication date (None when it has none)."""
    d = schema.documents.c
    out: dict[str, Optional[date]] = {}
    with store.engine.connect() as conn:
        for chunk in _chunks(sorted(set(document_ids))):
            out.update((i, p) for i, p in conn.execute(select(d.id, d.published).where(d.id.in_(chunk))))
    return out


def stored_outlets(store: Store) -> list[tuple[str, Optional[str]]]:
    """Every outlet name the documents carry (each once), with the web domain its pages share
    (`outlet_sites`; None for a host name, or a name on no domain or on two)."""
    sites = schema.outlet_sites.c
    with store.engine.connect() as conn:
        site_of = dict(conn.execute(select(sites.outlet, sites.site)).all())
        return sorted((o, site_of.get(o)) for (o,) in conn.execute(select(schema.documents.c.outlet).distinct()) if o)


def documents_of_outlets(store: Store, cluster_ids: Iterable[str], outlets: Iterable[str]) -> list[str]:
    """The documents of these event clusters published under one of `outlets`."""
    cd, d = schema.corroborated_documents.c, schema.documents.c
    names = sorted(set(outlets))
    out: set[str] = set()
    if not names:
        return []
    with store.engine.connect() as conn:
        for chunk in _chunks(sorted(set(cluster_ids))):
            query = select(cd.document_id).join(schema.documents, d.id == cd.document_id).where(
                cd.cluster_id.in_(chunk), d.outlet.in_(names))
            out.update(i for (i,) in conn.execute(query))
    return sorted(out)


def credits_in_clusters(store: Store, cluster_ids: Iterable[str], exclude: Iterable[str] = ()) -> dict[str, list[Origin]]:
    """document id -> its stored credits of another outlet ("credits X: …" origins), for the
    documents of these event clusters, but those in `exclude`."""
    cd, do = schema.corroborated_documents.c, schema.document_origins.c
    skip = set(exclude)
    out: dict[str, list[Origin]] = {}
    with store.engine.connect() as conn:
        for chunk in _chunks(sorted(set(cluster_ids))):
            rows = conn.execute(select(schema.document_origins).join(
                schema.corroborated_documents, cd.document_id == do.document_id).where(
                cd.cluster_id.in_(chunk), do.why.like("credits %")).order_by(do.document_id, do.seq)).mappings()
            for r in rows:
                if r["document_id"] not in skip:
                    out.setdefault(r["document_id"], []).append(origin_from_row(r))
    return out


def load_clusters(store: Store) -> list[ClusterRow]:
    ec = schema.event_clusters
    with store.engine.connect() as conn:
        rows = conn.execute(select(ec).order_by(ec.c.id)).mappings().all()
    return [ClusterRow(r["id"], r["size"], r["first_date"], r["last_date"], _vec(r["terms"]), _vec(r["entities"]),
                       r["norm2"], r["entity_norm2"]) for r in rows]


def save_batch(conn: Connection, documents: list[ProcessedDocument], clusters: list[ClusterRow]) -> None:
    """Record processed documents and their updated clusters."""
    now = datetime.now(timezone.utc)
    ec, cd = schema.event_clusters, schema.corroborated_documents
    if clusters:
        for chunk in _chunks([c.id for c in clusters]):
            conn.execute(delete(ec).where(ec.c.id.in_(chunk)))
        conn.execute(ec.insert(), [{
            "id": c.id, "size": c.size, "first_date": c.first_date, "last_date": c.last_date,
            "terms": _obj(c.terms), "entities": _obj(c.entities), "norm2": c.norm2,
            "entity_norm2": c.entity_norm2} for c in clusters])
    if documents:
        conn.execute(cd.insert(), [{
            "document_id": d.document_id, "cluster_id": d.cluster_id,
            "minhash": d.minhash.astype(np.uint32).tobytes(), "shingles": d.shingles, "done_at": now}
            for d in documents])


def unprocessed_documents(store: Store) -> list[PendingDocument]:
    """The documents not corroborated yet."""
    d = schema.documents.c
    done = select(schema.corroborated_documents.c.document_id)
    with store.engine.connect() as conn:
        return [PendingDocument(*r) for r in conn.execute(select(d.id, d.published, d.ingested_at).where(d.id.not_in(done)))]


# -- corpus statistics ------------------------------------------------------------------------------

def get_meta(store: Store, key: str) -> Optional[bytes]:
    cm = schema.corroboration_meta.c
    with store.engine.connect() as conn:
        return conn.scalar(select(cm.value).where(cm.key == key))


def set_meta(conn: Connection, key: str, value: bytes) -> None:
    cm = schema.corroboration_meta
    conn.execute(delete(cm).where(cm.c.key == key))
    conn.execute(cm.insert(), [{"key": key, "value": value}])


# -- story drafts -----------------------------------------------------------------------------------

def _vector_blob(vec: dict[int, float]) -> bytes:
    # int32 term ids, then float64 weights
    return np.fromiter(vec.keys(), dtype=np.int32, count=len(vec)).tobytes() + \
        np.fromiter(vec.values(), dtype=np.float64, count=len(vec)).tobytes()


def _vector_of(blob: bytes) -> dict[int, float]:
    n = len(blob) // 12
    return dict(zip(np.frombuffer(blob[:4 * n], dtype=np.int32).tolist(),
                    np.frombuffer(blob[4 * n:], dtype=np.float64).tolist()))


def load_drafts(conn: Connection, story_ids: Iterable[str]) -> dict[str, StoredDraft]:
    """The stored drafts of these stories (stories stored without one are missing from the answer)."""
    st = schema.story_state
    out: dict[str, StoredDraft] = {}
    for chunk in _chunks(list(story_ids)):
        for r in conn.execute(select(st).where(st.c.story_id.in_(chunk))).mappings():
            out[r["story_id"]] = StoredDraft(
                r["story_id"], vector=_vector_of(r["vector"]), norm2=r["norm2"], lead_json=r["lead"],
                countries=frozenset(r["countries"]), mentions=r["mentions"], continued_by=r["continued_by"])
    return out


def save_drafts(conn: Connection, drafts: list[StoredDraft]) -> None:
    st = schema.story_state
    for chunk in _chunks([d.story_id for d in drafts]):
        conn.execute(delete(st).where(st.c.story_id.in_(chunk)))
    if drafts:
        conn.execute(st.insert(), [{
            "story_id": d.story_id, "vector": _vector_blob(d.vector), "norm2": d.norm2, "mentions": d.mentions,
            "lead": d.lead_json, "countries": sorted(d.countries), "continued_by": d.continued_by}
            for d in drafts])


def reset(store: Store) -> None:
    """Forget everything corroboration derived (for `--full`); documents and claims stay."""
    with store.engine.begin() as conn:
        for table in (schema.corroborated_documents, schema.event_clusters, schema.corroboration_meta,
                      schema.story_state, schema.story_mentions, schema.stories, schema.document_copies,
                      schema.document_origins):
            conn.execute(delete(table))


# -- claims, documents and mentions as corroboration reads them --------------------------------------

def claims_of_documents(store: Store, document_ids: Iterable[str]) -> dict[str, list[Claim]]:
    """The stored claims of many documents in a few queries (`Store.claims_for` asks once per document)."""
    ids = list(document_ids)
    out: dict[str, list[Claim]] = {i: [] for i in ids}
    c = schema.claims.c
    with store.engine.connect() as conn:
        for chunk in _chunks(ids):
            for row in conn.execute(select(schema.claims).where(c.document_id.in_(chunk))
                                    .order_by(c.document_id, c.span_start, c.span_end, c.id)).mappings():
                out[row["document_id"]].append(claim_from_row(row))
    return out


def document_headers(store: Store, document_ids: Iterable[str]) -> dict[str, Document]:
    """Documents without their text (outlet, author, dates, url): what a story's mentions need."""
    d = schema.documents.c
    cols = [d.id, d.source, d.format, d.outlet, d.url, d.site, d.title, d.author, d.published, d.language, d.ingested_at]
    out: dict[str, Document] = {}
    with store.engine.connect() as conn:
        for chunk in _chunks(list(document_ids)):
            for row in conn.execute(select(*cols, d.times).where(d.id.in_(chunk))).mappings():
                fields = dict(row)
                times = fields.pop("times")
                out[row["id"]] = doc = Document(text="", **fields)
                set_times(doc, times)
    return out


def mentions_of_stories(conn: Connection, story_ids: Iterable[str]) -> dict[str, list[str]]:
    """story id -> the claim ids of its mentions."""
    ids = list(story_ids)
    out: dict[str, list[str]] = {i: [] for i in ids}
    sm = schema.story_mentions.c
    for chunk in _chunks(ids):
        for story, claim in conn.execute(select(sm.story_id, sm.claim_id).where(sm.story_id.in_(chunk))):
            out[story].append(claim)
    return out


def claims_by_id(conn: Connection, claim_ids: Iterable[str]) -> dict[str, Claim]:
    out: dict[str, Claim] = {}
    for chunk in _chunks(list(claim_ids)):
        for row in conn.execute(select(schema.claims).where(schema.claims.c.id.in_(chunk))).mappings():
            out[row["id"]] = claim_from_row(row)
    return out


def claims_of_stories(conn: Connection, story_ids: Iterable[str]) -> dict[str, list[Claim]]:
    """story id -> the stored claims of its mentions (read on `conn`, so mentions written in the
    same transaction are seen)."""
    ids = list(story_ids)
    out: dict[str, list[Claim]] = {i: [] for i in ids}
    c, sm = schema.claims.c, schema.story_mentions.c
    for chunk in _chunks(ids):
        query = (select(schema.claims, sm.story_id).join(schema.story_mentions, sm.claim_id == c.id)
                 .where(sm.story_id.in_(chunk)).order_by(sm.story_id, c.document_id, c.span_start, c.id))
        for row in conn.execute(query).mappings():
            out[row["story_id"]].append(claim_from_row(row))
    return out


def stories_of_documents(store: Store, document_ids: Iterable[str]) -> dict[str, set[str]]:
    """document id -> the stories its claims are mentions of."""
    sm = schema.story_mentions.c
    out: dict[str, set[str]] = {}
    with store.engine.connect() as conn:
        for chunk in _chunks(list(document_ids)):
            for doc, story in conn.execute(select(sm.document_id, sm.story_id).where(sm.document_id.in_(chunk))
                                           .distinct()):
                out.setdefault(doc, set()).add(story)
    return out


def stories_with_status(conn: Connection, story_ids: list[str], statuses: Iterable[str]) -> set[str]:
    """The stories among `story_ids` stored with one of `statuses`."""
    st = schema.stories.c
    wanted = sorted(statuses)
    out: set[str] = set()
    for chunk in _chunks(story_ids):
        out.update(conn.scalars(select(st.id).where(st.id.in_(chunk), st.status.in_(wanted))))
    return out
