"""What one Spark task does with its share of the input files: ingest -> audit -> extract, through
`claimdesk.pipeline`, plus each document's shingles and MinHash LSH band keys for `copies`.

Runs in the executors; the spaCy model is cached per Python worker process by the extractor, and
Spark reuses workers, so it loads once per worker, not once per task or document.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import timezone
from pathlib import Path

from claimdesk.ingest import IngestOptions
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
) -> Iterator[tuple]:
    """One row per record of each (file index, path): a document with what was derived from it, or
    a rejected input with its reason."""
    from claimdesk.pipeline import audit_inputs

    for file_index, path in indexed_files:
        for record_index, item in enumerate(audit_inputs([Path(path)], options, with_claims=with_claims)):
            position = (file_index << RECORD_BITS) + record_index
            if hasattr(item, "reason"):  # RejectedInput
                yield (position, "rejected", None, None, None, None, None, None, item.source, item.reason,
                       item.at.astimezone(timezone.utc) if item.at.tzinfo else item.at)
                continue
            doc = item.document
            sh = shingles(doc.text)
            # Too short to tell from a shared quotation: never a copy, never an original.
            sig = signature(sh)
            bands = band_keys(sig, lsh) if len(sh) >= lsh.min_shingles else []
            yield (
                position, "document", tables.document_row(doc),
                [tables.finding_row(doc.id, f) for f in item.findings],
                [tables.claim_row(c) for c in item.claims],
                sh, sig, bands, None, None, None,
            )


