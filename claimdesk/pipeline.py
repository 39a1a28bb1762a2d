"""The one place that chains claimdesk's stages: ingest -> audit -> extract -> store.

The CLI, the benchmarks and the Spark job call these functions; no other module knows the order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from claimdesk import furniture
from claimdesk.audit import audit
from claimdesk.furniture import REPEATED_PAGES, outlet_key
from claimdesk.furniture.repeated import mark_batch, page_keys, repeated_keys_of
from claimdesk.ingest import IngestOptions, iter_input_files, read_path
from claimdesk.models import Claim, Document, Finding, LinkOnly, RejectedInput
from claimdesk.store import Store


@dataclass
class IngestReport:
    files: int = 0
    documents_new: int = 0
    documents_seen: int = 0
    links: int = 0
    rejected: list[RejectedInput] = field(default_factory=list)
    furniture_redone: int = 0  # stored pages whose furniture a later page's repeated lines changed
    furniture_claims_kept: int = 0  # claims now inside furniture but already in a story (corroborate --full)


@dataclass
class AuditedDocument:
    document: Document
    findings: list[Finding]
    claims: list[Claim]


ProgressCallback = Callable[[Path], None]


def read_inputs(
    paths: Iterable[Path | str], options: IngestOptions, on_file: Optional[ProgressCallback] = None,
) -> Iterator[Document | LinkOnly | RejectedInput]:
    """Every record in `paths` (files and folders), in input order; bad inputs come out as RejectedInput."""
    for file in iter_input_files([Path(p) for p in paths]):
        yield from read_path(file, options)
        if on_file:
            on_file(file)


def _claims_of(doc: Document, with_claims: bool) -> list[Claim]:
    if not with_claims:
        return []
    from claimdesk.extract import extract  # spaCy loads only when claims are wanted

    return extract(doc)


def _claims_of_many(docs: list[Document], with_claims: bool) -> list[list[Claim]]:
    if not with_claims or not docs:
        return [[] for _ in docs]
    from claimdesk.extract import extract_many

    return list(extract_many(docs))


def ingest(
    paths: Iterable[Path | str],
    store: Store,
    options: IngestOptions,
    with_claims: bool = True,
    on_file: Optional[ProgressCallback] = None,
    on_rejected: Optional[Callable[[RejectedInput], None]] = None,
    batch_size: int = 32,
) -> IngestReport:
    """Read, audit, extract and store.

    Documents are written in batches, each batch in one transaction with everything derived from
    its documents, so an ingest killed at any point and run again ends with each document once.
    Documents already stored are neither audited nor parsed again: a resumed ingest skips ahead.
    """
    report = IngestReport()
    pending: list[Document] = []

    def flush() -> None:
        stored = store.existing_document_ids(d.id for d in pending)
        fresh: dict[str, Document] = {}
        for doc in pending:
            if doc.id not in stored and doc.id not in fresh:
                fresh[doc.id] = doc
        repeated = mark_batch(list(fresh.values()), store)
        derived = dict(zip(fresh, zip(
            (audit(d) for d in fresh.values()),
            _claims_of_many(list(fresh.values()), with_claims),
        )))
        batch = [(doc, *derived.pop(doc.id)) if doc.id in derived else (doc, None, None) for doc in pending]
        for was_new in store.add_documents(batch, repeated):
            if was_new:
                report.documents_new += 1
            else:
                report.documents_seen += 1
        _redecide_earlier_pages(store, list(fresh.values()), report)
        pending.clear()

    for record in read_inputs(paths, options, on_file=lambda f: _count_file(report, f, on_file)):
        if isinstance(record, RejectedInput):
            store.add_rejected(record)
            report.rejected.append(record)
            if on_rejected:
                on_rejected(record)
        elif isinstance(record, LinkOnly):
            store.add_link(record)
            report.links += 1
        else:
            pending.append(record)
            if len(pending) >= batch_size:
                flush()
    if pending:
        flush()
    return report


def _redecide_earlier_pages(store: Store, docs: list[Document], report: IngestReport) -> None:
    """Pages stored before whose lines this batch brought to REPEATED_PAGES pages of their outlet:
    their furniture is decided again, their findings audited again and their claims in the new
    furniture dropped, so the store ends as if all pages had come in one batch."""
    keys_by_outlet: dict[str, set[str]] = {}
    for d in docs:
        outlet = outlet_key(d.outlet)
        if outlet:
            keys_by_outlet.setdefault(outlet, set()).update(page_keys(d))
    for outlet, keys in sorted(keys_by_outlet.items()):
        for doc_id in store.documents_with_uncounted_repeats(outlet, keys, REPEATED_PAGES):
            doc = store.get_document(doc_id)
            if doc is None:
                continue
            repeated = repeated_keys_of(doc, store)
            furniture.mark(doc, repeated)
            report.furniture_claims_kept += store.update_furniture(doc, repeated, audit(doc))
            report.furniture_redone += 1


def _count_file(report: IngestReport, file: Path, on_file: Optional[ProgressCallback]) -> None:
    report.files += 1
    if on_file:
        on_file(file)


def audit_inputs(
    paths: Iterable[Path | str], options: IngestOptions, with_claims: bool = True,
) -> Iterator[AuditedDocument | RejectedInput]:
    """Audit every document in `paths` without storing anything, in input order."""
    for record in read_inputs(paths, options):
        if isinstance(record, LinkOnly):
            continue
        if isinstance(record, RejectedInput):
            yield record
            continue
        # one page at a time, with no store: only the shape of its lines can show its furniture
        furniture.mark(record)
        yield AuditedDocument(record, audit(record), _claims_of(record, with_claims))
