"""Load the batch job's Parquet tables into a store (SQLite or PostgreSQL), with pyarrow only.

Documents go in input order with their findings and claims, each in one transaction, exactly as
`claimdesk ingest` writes them, so loading twice (or into a store that already holds some of the
documents) changes nothing. Findings and claims are grouped per document in memory first: a
single `load` suits outputs up to a few million claims; beyond that, load partitions separately.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from claimdesk.models import Claim, Mention, Origin
from claimdesk.scale import tables
from claimdesk.store import Store
from claimdesk.store.stories import DocumentCopy, save_copies, save_stories, write_origins


@dataclass
class LoadSummary:
    documents_new: int = 0
    documents_seen: int = 0
    claims: int = 0
    copies: int = 0
    stories: int = 0
    rejected: int = 0


def rows(out_dir: Path, name: str, sort_by: str | None = None) -> list[dict]:
    import pyarrow.parquet as pq

    folder = out_dir / name
    if not folder.exists():
        raise FileNotFoundError(f"expected the batch job's table {name!r} at {folder}")
    table = pq.read_table(folder)
    if sort_by:
        table = table.sort_by(sort_by)
    return table.to_pylist()


def load_documents(out_dir: Path, store: Store, summary: LoadSummary, with_findings: bool = True,
                   restamp: bool = False) -> dict[str, Claim]:
    """Documents (in input order) with their findings, claims and extra sources; returns the claims.

    `restamp`: give documents ingest times in input order, as one `claimdesk ingest` process
    would (executors stamp them concurrently), so order-dependent steps see the input order.
    """
    findings, claims = defaultdict(list), defaultdict(list)
    if with_findings:
        for row in rows(out_dir, "findings"):
            findings[row["document_id"]].append(tables.finding_from(row))
    by_id: dict[str, Claim] = {}
    for row in rows(out_dir, "claims"):
        claim = tables.claim_from(row)
        claims[claim.document_id].append(claim)
        by_id[claim.id] = claim
    primary_sources = set()
    stamp = datetime.now(timezone.utc)
    for i, row in enumerate(rows(out_dir, "documents", "position")):
        doc = tables.document_from(row)
        if restamp:
            doc.ingested_at = stamp + timedelta(microseconds=i)
        primary_sources.add((doc.id, doc.source))
        is_new = store.add_document(doc, findings=findings.pop(doc.id, []), claims=claims.pop(doc.id, []))
        summary.documents_new += is_new
        summary.documents_seen += not is_new
    for row in rows(out_dir, "sources", "position"):
        if (row["document_id"], row["source"]) in primary_sources:
            continue
        doc = store.get_document(row["document_id"])
        store.add_document(doc.model_copy(update={
            "source": row["source"], "format": row["format"], "url": row["url"], "outlet": row["outlet"]}))
    summary.claims = len(by_id)
    return by_id


def load_tables(out_dir: Path | str, store: Store) -> LoadSummary:
    """Write every table of a batch output folder into `store`."""
    out = Path(out_dir)
    missing = [t for t in tables.TABLES if not (out / t).exists()]
    if missing:
        raise FileNotFoundError(f"expected a `claimdesk batch` output folder, {out} lacks {', '.join(missing)}")
    summary = LoadSummary()
    claims = load_documents(out, store, summary)
    for row in rows(out, "rejected", "position"):
        store.add_rejected(tables.rejected_from(row))
        summary.rejected += 1

    copy_rows = [DocumentCopy(r["document_id"], r["copy_of"], r["similarity"]) for r in rows(out, "copies")]
    save_copies(store, copy_rows)
    summary.copies = len(copy_rows)

    mentions = defaultdict(list)
    for row in rows(out, "story_mentions"):
        claim = claims[row["claim_id"]]
        mentions[row["story_id"]].append(Mention(
            claim=claim.id, document=claim.document_id, span=claim.span, text=claim.text,
            attribution=claim.attribution, hedges=claim.hedges, polarity=claim.polarity, copy_of=row["copy_of"]))
    summary.stories = save_stories(store, (tables.story_from(r, mentions.get(r["id"], []))
                                           for r in rows(out, "stories")))
    if (out / tables.ORIGINS).exists():  # absent from batch outputs made before origins were kept
        found: dict[str, list[Origin]] = defaultdict(list)
        for r in rows(out, tables.ORIGINS, "seq"):
            found[r["document_id"]].append(tables.origin_from(r))
        with store.engine.begin() as conn:
            write_origins(conn, dict(found))
    return summary
