"""Ingest: turn files of every supported format into Document records.

One module per format (`text`, `html`, `feeds`, `warc`, `jsonl` for JSON Lines and JSON files); `dispatch` picks the reader and
turns every failure into a RejectedInput; `files` expands folders. Publication dates: a record's
own metadata date wins, `IngestOptions.published` fills only where there is none, then the date the
page states about itself (URL path, dateline, "Published:" line), and otherwise the date stays None.

>>> from pathlib import Path
>>> records = list(read_path(Path("no/such/file.txt"), IngestOptions()))
>>> records[0].reason
'no such file or directory'
"""

from __future__ import annotations

from claimdesk.ingest.dispatch import format_of, read_path
from claimdesk.ingest.files import Skipped, iter_input_files
from claimdesk.ingest.options import IngestOptions

__all__ = ["IngestOptions", "Skipped", "format_of", "iter_input_files", "read_path"]
