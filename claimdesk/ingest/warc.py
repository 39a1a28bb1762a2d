"""Web archives (warcio): each HTML response record goes through the HTML reader.

Records are streamed one at a time, so an archive larger than memory is fine. A record's source is
`archive.warc.gz#<WARC-Record-ID>` and its url the WARC-Target-URI. Other records (warcinfo,
requests, images, redirects) are skipped: they are part of any crawl, not bad input. A truncated
archive yields the documents read before the break and then one RejectedInput naming it.
"""

from __future__ import annotations

import gzip
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from claimdesk.ingest.gzipstream import StrictGzipReader, TruncatedGzip
from claimdesk.ingest.html import extract_article
from claimdesk.ingest.metadata import over_limit
from claimdesk.ingest.options import IngestOptions
from claimdesk.models import Document, Rejected, RejectedInput

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_DRAIN_CHUNK = 1 << 16


def read_warc(path: Path, options: IngestOptions) -> Iterator[Document | RejectedInput]:
    source = str(path)
    _check_signature(path, source)
    complete = 0
    try:
        with _open(path) as stream:
            for index, record in enumerate(ArchiveIterator(stream, arc2warc=True), start=1):
                result = _read_record(record, f"{source}#{_record_name(record, index)}", options)
                if getattr(record.raw_stream, "limit", 0) > 0:
                    raise _Truncated("the file ends inside its content")
                if result is not None:
                    yield result
                complete += 1
    except (_Truncated, TruncatedGzip) as error:
        yield RejectedInput(source=source, reason=f"truncated archive: record {complete + 1} is cut off ({error}); "
                                                  f"the {complete} complete records before it were read")
    except Exception as error:  # warcio raises many kinds of errors on a broken archive
        yield RejectedInput(source=source, reason=f"truncated or corrupt archive at record {complete + 1} (the {complete} "
                                                  f"before it were read): {type(error).__name__}: {error}")


class _Truncated(Exception):
    pass


def _open(path: Path) -> Any:
    with path.open("rb") as raw:
        gzipped = raw.read(2) == b"\x1f\x8b"
    return StrictGzipReader(path.open("rb")) if gzipped else path.open("rb")


def _check_signature(path: Path, source: str) -> None:
    with path.open("rb") as raw:
        magic = raw.read(2)
    opener = gzip.open if magic == b"\x1f\x8b" else open
    try:
        with opener(path, "rb") as stream:
            head = stream.read(16)
    except (OSError, EOFError) as error:
        raise Rejected(source, f"not a WARC file: cannot decompress it ({error})") from None
    if not head:
        raise Rejected(source, "empty archive: no WARC records")
    if not (head.startswith(b"WARC/") or head.startswith(b"filedesc://")):
        raise Rejected(source, f"not a WARC or ARC file: it starts with {head[:12]!r}, not 'WARC/'")


def _record_name(record: Any, index: int) -> str:
    record_id = record.rec_headers.get_header("WARC-Record-ID")
    return record_id.strip("<>") if record_id else str(index)


def _read_record(record: Any, source: str, options: IngestOptions) -> Document | RejectedInput | None:
    if not _is_html_page(record):
        _drain(record.raw_stream)
        return None
    length = int(record.rec_headers.get_header("Content-Length") or 0)
    if length > options.max_bytes:
        _drain(record.raw_stream)
        return RejectedInput(source=source, reason=over_limit("record", length, options.max_bytes))
    payload = record.content_stream().read()
    if getattr(record.raw_stream, "limit", 0) > 0:
        return None  # the caller reports the truncation
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        return extract_article(payload, source, "warc", options, url=url)
    except Rejected as rejected:
        return RejectedInput(source=rejected.source, reason=rejected.reason)


def _is_html_page(record: Any) -> bool:
    if record.rec_type == "response":
        if record.http_headers is None:
            return False
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            log.debug("skipping %s response for %s", status, record.rec_headers.get_header("WARC-Target-URI"))
            return False
        mime = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        mime = record.rec_headers.get_header("Content-Type") or ""
    else:
        return False
    return mime.split(";")[0].strip().lower() in _HTML_TYPES


def _drain(stream: Any) -> None:
    while stream.read(_DRAIN_CHUNK):
        pass
