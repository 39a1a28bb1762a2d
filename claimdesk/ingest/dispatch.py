"""Which reader reads a file: by its suffix, or by sniffing its first bytes when the suffix is
ambiguous (.xml) or unknown. Also the one place that turns every failure into a RejectedInput."""

from __future__ import annotations

import json
import logging
import re
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Optional

from claimdesk.ingest.feeds import read_feed
from claimdesk.ingest.html import read_html
from claimdesk.ingest.jsonl import read_json, read_jsonl
from claimdesk.ingest.metadata import over_limit
from claimdesk.ingest.options import IngestOptions
from claimdesk.ingest.text import read_text
from claimdesk.ingest.warc import read_warc
from claimdesk.models import Document, LinkOnly, Rejected, RejectedInput

log = logging.getLogger(__name__)

IngestRecord = Document | LinkOnly | RejectedInput
Reader = Callable[[Path, IngestOptions], Iterator[IngestRecord]]

READERS: dict[str, Reader] = {
    "text": read_text, "html": read_html, "feed": read_feed, "warc": read_warc, "jsonl": read_jsonl, "json": read_json,
}
# Formats read record by record; the others are read whole, so their size is checked first.
STREAMED = {"warc", "jsonl"}

SUFFIXES: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "xml",
    ".warc": "warc", ".warc.gz": "warc", ".arc": "warc", ".arc.gz": "warc",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    # claimdesk's own expected-findings sidecars (the samples' *.expected.json): no reader; a folder
    # walk skips them, and one named on its own is sniffed like any JSON file
    ".expected.json": "sidecar",
}

_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)\b", re.IGNORECASE)
_HTML_ROOT = re.compile(rb"<(!doctype\s+html|html)\b", re.IGNORECASE)


def suffix_of(path: Path) -> str:
    """The format suffix of `path`, two parts deep for compressed archives (.warc.gz)."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if len(suffixes) == 2 and "".join(suffixes) in SUFFIXES:
        return "".join(suffixes)
    return suffixes[-1] if suffixes else ""


def format_of(path: Path) -> Optional[str]:
    """The reader name for `path` ("text", "html", "feed", "warc", "jsonl", "json"), or None if none fits."""
    try:
        return _detect(path)
    except Rejected:
        return None


def _detect(path: Path) -> str:
    kind = SUFFIXES.get(suffix_of(path))
    if kind in READERS and kind != "json":
        return kind
    with path.open("rb") as stream:
        head = stream.read(4096)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if kind in ("json", "sidecar") and stripped.startswith((b"{", b"[")):
        # checked before the markup roots: a JSON page's text may hold "<html"
        return _json_kind(path, one_object_is_a_file=True)
    if _FEED_ROOT.search(head):
        return "feed"
    if _HTML_ROOT.search(head):
        return "html"
    if kind == "xml":
        raise Rejected(str(path), "XML file that is not an RSS or Atom feed, nor an HTML page")
    if stripped.startswith(b"WARC/") or head.startswith(b"\x1f\x8b"):
        return "warc"
    if stripped.startswith((b"{", b"[")) or kind in ("json", "sidecar"):
        return _json_kind(path, one_object_is_a_file=kind is not None)
    return "text"


def _json_kind(path: Path, one_object_is_a_file: bool) -> str:
    """JSON Lines when the first line is a whole object and (for a .json file) another line follows:
    JSON Lines are often saved as .json, and news-please writes each page as one compact line. Else
    one JSON document."""
    with path.open("rb") as stream:
        first = stream.readline(1 << 20)
        if not _is_object(first):
            return "json"
        if not one_object_is_a_file:
            return "jsonl"
        return "jsonl" if any(line.strip() for line in iter(lambda: stream.readline(1 << 20), b"")) else "json"


def _is_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False


def read_path(path: Path, options: IngestOptions) -> Iterator[IngestRecord]:
    """Every record in one file. Never raises for bad input: a bad file, or a bad record in a
    multi-record file, comes out as a RejectedInput with a reason, and the rest goes on."""
    source = str(path)
    try:
        kind = _checked_format(path, options)
        yield from READERS[kind](path, options)
    except Rejected as rejected:
        yield RejectedInput(source=rejected.source, reason=rejected.reason)
    except OSError as error:
        yield RejectedInput(source=source, reason=f"cannot read the file: {error.strerror or error}")
    except Exception as error:  # a reader bug or a library choking on odd input: quarantine, go on
        log.debug("unexpected error reading %s", source, exc_info=True)  # the reason names it
        yield RejectedInput(source=source, reason=f"could not be read: {type(error).__name__}: {error}")


def _checked_format(path: Path, options: IngestOptions) -> str:
    source = str(path)
    try:
        status = path.stat()
    except FileNotFoundError:
        raise Rejected(source, "no such file or directory") from None
    if stat.S_ISDIR(status.st_mode):
        raise Rejected(source, "is a directory (give it to iter_input_files to read the files in it)")
    if not stat.S_ISREG(status.st_mode):
        raise Rejected(source, "not a regular file")
    size = status.st_size
    kind = _detect(path)
    if kind not in STREAMED and size > options.max_bytes:
        raise Rejected(source, over_limit("file", size, options.max_bytes) + "; not read")
    return kind
