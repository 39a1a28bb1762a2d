"""Ingest: turn files of every supported format into Document records."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Optional

from claimdesk.models import Document, LinkOnly, RejectedInput


@dataclass(frozen=True)
class IngestOptions:
    published: Optional[date] = None
    max_bytes: int = 50 * 1024 * 1024


def iter_input_files(paths: list[Path]) -> Iterator[Path]:
    raise NotImplementedError("ingest readers are being built (issue 2)")


def read_path(path: Path, options: IngestOptions) -> Iterator[Document | LinkOnly | RejectedInput]:
    raise NotImplementedError("ingest readers are being built (issue 2)")
