"""The one place that chains claimdesk's stages: ingest -> audit -> extract -> store.

The CLI, the benchmarks and the Spark job call these functions; no other module knows the order.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, TypeVar

from claimdesk import furniture
from claimdesk.audit import audit
from claimdesk.furniture import REPEATED_PAGES, outlet_key
from claimdesk.furniture.repeated import mark_batch, page_keys, repeated_keys_of
from claimdesk.ingest import IngestOptions, Skipped, iter_input_files, read_path
from claimdesk.models import Claim, DerivedDocument, Document, Finding, LinkOnly, RejectedInput
from claimdesk.store import Store
from claimdesk.workers import OrderedPool, checked_workers

log = logging.getLogger(__name__)

T = TypeVar("T")
IngestRecord = Document | LinkOnly | RejectedInput


@dataclass
class IngestReport:
    files: int = 0
    documents_new: int = 0
    documents_seen: int = 0
    links: int = 0
    rejected: list[RejectedInput] = field(default_factory=list)
    furniture_redone: int = 0  # stored pages whose furniture a later page's repeated lines changed
    furniture_claims_kept: int = 0  # claims now inside furniture but already in a story (corroborate --full)
    skipped: list[Skipped] = field(default_factory=list)


ProgressCallback = Callable[[Path], None]


def read_inputs(
    paths: Iterable[Path | str], options: IngestOptions, on_file: Optional[ProgressCallback] = None,
    on_skipped: Optional[Callable[[Skipped], None]] = None,
) -> Iterator[Document | LinkOnly | RejectedInput]:
    """Every record in `paths` (files and folders), in input order; bad inputs come out as
    RejectedInput, and so does a sub-folder that cannot be read. Files a folder walk leaves out
    (unknown formats, hidden entries) go to `on_skipped` with their reason."""
    unreadable: list[RejectedInput] = []

    def skipped(entry: Skipped) -> None:
        if entry.unreadable:
            unreadable.append(RejectedInput(source=str(entry.path), reason=entry.reason))
        elif on_skipped:
            on_skipped(entry)

    for file in iter_input_files([Path(p) for p in paths], on_skip=skipped):
        yield from unreadable
        unreadable.clear()
        yield from read_path(file, options)
        if on_file:
            on_file(file)
    yield from unreadable


@dataclass
class Derived:
    """What the per-document stages made of one document; claims None when not extracted."""

    findings: list[Finding]
    claims: Optional[list[Claim]]


def derive(docs: list[Document], with_claims: bool) -> list[Derived]:
    """Audit findings and claims of each document, in order.

    A document whose audit or extraction fails gets an `audit_failed` / `extraction_failed`
    finding and stays in the batch; the others are unaffected. A document longer than the
    extraction limit gets claims from its first part and a `too_long_to_extract` finding.
    """
    findings = [_audited(doc) for doc in docs]
    if not with_claims:
        return [Derived(f, None) for f in findings]
    from claimdesk.extraction import extract, extract_many  # spaCy loads only when claims are wanted
    from claimdesk.extraction.base import too_long_finding

    try:
        claims: list[Optional[list[Claim]]] = list(extract_many(docs))
    except Exception:  # find the document that broke the batch; the others keep their claims
        log.debug("batch extraction failed; extracting one by one", exc_info=True)
        claims = []
        for doc, found in zip(docs, findings):
            try:
                claims.append(extract(doc))
            except Exception as error:
                log.debug("extraction failed for %s", doc.source, exc_info=True)
                found.append(_failure(doc, "extraction_failed", "claim extraction", error))
                claims.append(None)
    for doc, found in zip(docs, findings):
        cut = too_long_finding(doc)
        if cut is not None:
            found.append(cut)
    return [Derived(f, c if c is not None else []) for f, c in zip(findings, claims)]


def _audited(doc: Document) -> list[Finding]:
    try:
        return audit(doc)
    except Exception as error:
        log.debug("audit failed for %s", doc.source, exc_info=True)
        return [*doc.notes, _failure(doc, "audit_failed", "the audit", error)]


def _failure(doc: Document, kind: str, stage: str, error: Exception) -> Finding:
    return Finding(kind=kind, severity="warning", line=1, end_line=doc.line_of(len(doc.text)),
                   span=(0, 0), quote="",
                   message=f"{stage} failed on this document ({type(error).__name__}: {error}); "
                           f"it is stored without its results")


def _derive_chunk(task: tuple[list[Document], bool]) -> list[Derived]:
    return derive(*task)


def _derive_records(task: tuple[list[IngestRecord], bool]) -> list[IngestRecord | DerivedDocument]:
    records, with_claims = task
    # one page at a time, with no store: only the shape of its lines can show its furniture
    docs = [furniture.mark(r) for r in records if isinstance(r, Document)]
    derived = iter(derive(docs, with_claims))
    out: list[IngestRecord | DerivedDocument] = []
    for record in records:
        if isinstance(record, Document):
            d = next(derived)
            out.append(DerivedDocument(record, d.findings, d.claims or []))
        else:
            out.append(record)
    return out


def _prepare(with_claims: bool) -> Callable[[], object]:
    """Load the model and every lazily-loaded table (lexicons, gazetteer, check-worthiness model)
    once, before the workers fork, so they share them instead of each loading its own."""
    def load() -> None:
        if with_claims:
            from claimdesk.extraction import extract

            extract(Document.from_text("Officials said six soldiers were killed in Kyiv on Monday, October 14, 2024.",
                                       source="warm-up", published=None))
    return load


def _chunks(items: list[T], parts: int) -> list[list[T]]:
    size = max(1, -(-len(items) // parts))
    return [items[i:i + size] for i in range(0, len(items), size)]


def ingest(
    paths: Iterable[Path | str],
    store: Store,
    options: IngestOptions,
    with_claims: bool = True,
    on_file: Optional[ProgressCallback] = None,
    on_rejected: Optional[Callable[[RejectedInput], None]] = None,
    batch_size: int = 32,
    workers: Optional[int] = 1,
    on_skipped: Optional[Callable[[Skipped], None]] = None,
) -> IngestReport:
    """Read, audit, extract and store.

    Documents are written in batches, each batch in one transaction with everything derived from
    its documents, so an ingest killed at any point and run again ends with each document once.
    Documents already stored are neither audited nor parsed again: a resumed ingest skips ahead.
    A document the database refuses is quarantined alone (see Store.add_documents) and one whose
    audit or extraction fails is stored with a finding saying so: neither loses its batch.
    `workers` processes audit and extract each batch (None: every core); results are the same
    for any number.
    """
    report = IngestReport()
    pending: list[Document] = []

    def refused(record: RejectedInput) -> None:
        report.rejected.append(record)
        if on_rejected:
            on_rejected(record)

    def flush(pool: OrderedPool) -> None:
        stored = store.existing_document_ids(d.id for d in pending)
        fresh: dict[str, Document] = {}
        for doc in pending:
            if doc.id not in stored and doc.id not in fresh:
                fresh[doc.id] = doc
        # furniture first (repetition needs the store), so the workers audit and extract marked pages
        repeated = mark_batch(list(fresh.values()), store)
        tasks = [(chunk, with_claims) for chunk in _chunks(list(fresh.values()), pool.workers)]
        derived = dict(zip(fresh, (d for part in pool.map(_derive_chunk, tasks) for d in part)))
        batch = []
        for doc in pending:
            d = derived.pop(doc.id, None)
            batch.append(DerivedDocument(doc, d.findings, d.claims) if d else DerivedDocument(doc))
        for was_new in store.add_documents(batch, repeated, on_refused=refused):
            if was_new:
                report.documents_new += 1
            elif was_new is not None:
                report.documents_seen += 1
        _redecide_earlier_pages(store, list(fresh.values()), report)
        pending.clear()

    with OrderedPool(checked_workers(workers), prepare=_prepare(with_claims)) as pool:
        def skipped(entry: Skipped) -> None:
            report.skipped.append(entry)
            if on_skipped:
                on_skipped(entry)

        for record in read_inputs(paths, options, on_file=lambda f: _count_file(report, f, on_file),
                                  on_skipped=skipped):
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
                    flush(pool)
        if pending:
            flush(pool)
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


# Documents per task sent to an audit worker: small enough to share the work evenly, large
# enough for spaCy's batching.
AUDIT_CHUNK = 16


def audit_inputs(
    paths: Iterable[Path | str], options: IngestOptions, with_claims: bool = True,
    workers: Optional[int] = 1, on_skipped: Optional[Callable[[Skipped], None]] = None,
) -> Iterator[DerivedDocument | RejectedInput]:
    """Audit every document in `paths` without storing anything, in input order.

    `workers` processes audit and extract (None: every core); the output is the same for any number.
    """
    def chunks() -> Iterator[tuple[list[IngestRecord], bool]]:
        chunk: list[IngestRecord] = []
        docs = 0
        for record in read_inputs(paths, options, on_skipped=on_skipped):
            if isinstance(record, LinkOnly):
                continue
            chunk.append(record)
            docs += isinstance(record, Document)
            if docs >= AUDIT_CHUNK:
                yield chunk, with_claims
                chunk, docs = [], 0
        if chunk:
            yield chunk, with_claims

    workers = checked_workers(workers)
    if workers == 1:  # one document at a time: the first result prints before the second is read
        for record in read_inputs(paths, options, on_skipped=on_skipped):
            if not isinstance(record, LinkOnly):
                yield from _derive_records(([record], with_claims))
        return
    with OrderedPool(workers, prepare=_prepare(with_claims)) as pool:
        for results in pool.map(_derive_records, chunks()):
            yield from results
