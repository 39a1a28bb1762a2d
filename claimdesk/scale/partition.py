"""What one Spark task does with its share of the input files: read (`claimdesk.pipeline.read_inputs`),
audit, extract, plus each document's shingles and MinHash LSH band keys for `copies`.

Runs in the executors; the spaCy model is cached per Python worker process by the extractor, and
Spark reuses workers, so it loads once per worker, not once per task or document.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import timezone
from pathlib import Path

from claimdesk.ingest import IngestOptions
from claimdesk.models import Document, RejectedInput
from claimdesk.scale import tables
from claimdesk.scale.lsh import LshParams, band_keys, shingles, signature

# A record's position in the input: file index in the high bits, record index within the file
# (a WARC holds many) in the low bits. Earlier position = ingested earlier by a single process.
RECORD_BITS = 24

PROCESSED_COLUMNS = [
    ("position", "bigint"), ("kind", "string"),
    ("document", f"struct<{tables.ddl(tables.DOCUMENT_COLUMNS)}>"),
    ("findings", f"array<struct<{tables.ddl(tables.FINDING_COLUMNS)}>>"),
    ("claims", f"array<struct<{tables.ddl(tables.CLAIM_COLUMNS)}>>"),
    ("shingles", "array<bigint>"), ("signature", "array<bigint>"), ("bands", "array<bigint>"),
    ("rejected_source", "string"), ("rejected_reason", "string"), ("rejected_at", "timestamp"),
]


def process_files(
    indexed_files: Iterable[tuple[int, str]], options: IngestOptions, with_claims: bool, lsh: LshParams,
    batch_size: int = 32,
) -> Iterator[tuple]:
    """One row per record of each (file index, path): a document with what was derived from it, or
    a rejected input with its reason. Claims are extracted in batches of documents (spaCy's
    `pipe`), as `claimdesk.pipeline.ingest` does."""
    from claimdesk.pipeline import read_inputs

    pending: list[tuple[int, Document]] = []
    for file_index, path in indexed_files:
        for record_index, record in enumerate(read_inputs([Path(path)], options)):
            position = (file_index << RECORD_BITS) + record_index
            if isinstance(record, RejectedInput):
                yield (position, "rejected", None, None, None, None, None, None, record.source, record.reason,
                       record.at.astimezone(timezone.utc) if record.at.tzinfo else record.at)
            elif isinstance(record, Document):
                pending.append((position, record))
                if len(pending) >= batch_size:
                    yield from _derive(pending, with_claims, lsh)
                    pending = []
    yield from _derive(pending, with_claims, lsh)


def _derive(pending: list[tuple[int, Document]], with_claims: bool, lsh: LshParams) -> Iterator[tuple]:
    from claimdesk import furniture
    from claimdesk.pipeline import derive  # the same audit + extraction, failures kept per document

    # each executor sees one page at a time: furniture from the shape of its lines only (the
    # per-outlet repeated lines need the store, see pipeline.ingest)
    docs = [furniture.mark(doc) for _, doc in pending]
    derived = derive(docs, with_claims)
    for (position, _), doc, d in zip(pending, docs, derived):
        sh = shingles(doc.text)
        sig = signature(sh)
        # Too short to tell from a shared quotation: never a copy, never an original.
        bands = band_keys(sig, lsh) if len(sh) >= lsh.min_shingles else []
        yield (
            position, "document", tables.document_row(doc),
            [tables.finding_row(doc.id, f) for f in d.findings],
            [tables.claim_row(c) for c in _first_per_id(d.claims or [])],
            sh, sig, bands, None, None, None,
        )


def _first_per_id(claims: list) -> list:
    """A claim id is its document and span: keep the first claim per span, as the store does."""
    seen: set[str] = set()
    return [c for c in claims if not (c.id in seen or seen.add(c.id))]
