"""The one place that chains claimdesk's stages: ingest -> audit -> extract -> store.

The CLI, the benchmarks and the Spark job call these functions; no other module knows the order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from claimdesk.audit import audit
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


def ingest(
    paths: Iterable[Path | str],
    store: Store,
    options: IngestOptions,
    with_claims: bool = True,
    on_file: Optional[ProgressCallback] = None,
    on_rejected: Optional[Callable[[RejectedInput], None]] = None,
) -> IngestReport:
    """Read, audit, extract and store; each document is written in one transaction with what was
    derived from it, so an ingest killed at any point and run again ends with each document once."""
    report = IngestReport()
    for record in read_inputs(paths, options, on_file=lambda f: _count_file(report, f, on_file)):
        if isinstance(record, RejectedInput):
            store.add_rejected(record)
            report.rejected.append(record)
            if on_rejected:
                on_rejected(record)
        elif isinstance(record, LinkOnly):
            store.add_link(record)
            report.links += 1
        elif store.has_document(record.id):
            store.add_document(record)  # records the extra source only
            report.documents_seen += 1
        else:
            is_new = store.add_document(record, findings=audit(record), claims=_claims_of(record, with_claims))
            if is_new:
                report.documents_new += 1
            else:
                report.documents_seen += 1
    return report


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
        yield AuditedDocument(record, audit(record), _claims_of(record, with_claims))
