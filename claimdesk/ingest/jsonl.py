"""Article objects in JSON: JSON Lines (one object per line: Common Crawl news dumps, own exports)
and whole JSON files (one object per file, as news-please writes each crawled page, or a list of them).

Fields read (the first present wins): text from text / maintext / content; title; url; date from
date_publish / published / date (else `IngestOptions.published`, else the date the page states in its
URL path, dateline or "Published:" line); outlet from source_domain / outlet / site_name / sitename /
domain, else the url's domain; author from authors (a list) / author; language.

The text field is kept as given, but for the characters no store keeps (claimdesk.textclean: NUL
and other C0 controls are removed, with a finding); invalid UTF-8 bytes become U+FFFD with an
`invalid_encoding` finding. A line that cannot be read becomes a RejectedInput named
`file.jsonl:LINE` (where to look to fix it); a document from line N has the source `file.jsonl#N`.
Lines are streamed, so `max_bytes` bounds each line, not the file.

A whole JSON file is read at once (the dispatcher has checked its size): an object is one article
with the file as its source; a list gives one article per item, sourced `file.json#N`, and an item
that is no article becomes a RejectedInput `file.json#N` while the other items go on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, Literal, Optional

from claimdesk.ingest.metadata import clean, domain_of, human_size, language_code, page_date, parse_date
from claimdesk.ingest.page_times import aware_time
from claimdesk.ingest.options import IngestOptions
from claimdesk.textclean import clean_text
from claimdesk.ingest.text import invalid_encoding_finding
from claimdesk.models import Document, Rejected, RejectedInput
from claimdesk.outlets import ingest_outlet

TEXT_FIELDS = ("text", "maintext", "content")
DATE_FIELDS = ("date_publish", "published", "date")
OUTLET_FIELDS = ("source_domain", "outlet", "site_name", "sitename", "domain")
AUTHOR_FIELDS = ("authors", "author")


class _BadLine(Exception):
    pass


def read_jsonl(path: Path, options: IngestOptions) -> Iterator[Document | RejectedInput]:
    source = str(path)
    with path.open("rb") as stream:
        for number, line in enumerate(_lines(stream, options.max_bytes), start=1):
            if line is not None and not line.strip():
                continue
            try:
                obj, replaced = _object(line, options.max_bytes)
                yield _document(obj, replaced, f"{source}#{number}", options)
            except _BadLine as bad:
                yield RejectedInput(source=f"{source}:{number}", reason=str(bad))


def read_json(path: Path, options: IngestOptions) -> Iterator[Document | RejectedInput]:
    source = str(path)
    value = _decoded(path.read_bytes(), source)
    if isinstance(value, dict):
        try:
            yield _document(*_replaced(value), source=source, options=options, fmt="json")
        except _BadLine as bad:
            yield RejectedInput(source=source, reason=f"a JSON object with {bad}")
        return
    if not isinstance(value, list):
        raise Rejected(source, f"a JSON document holding {type(value).__name__}, not an article object or a list of them")
    if not value:
        raise Rejected(source, "an empty JSON list: no articles")
    for number, item in enumerate(value, start=1):
        try:
            if not isinstance(item, dict):
                raise _BadLine(f"expected a JSON object, got {type(item).__name__}")
            yield _document(*_replaced(item), source=f"{source}#{number}", options=options, fmt="json")
        except _BadLine as bad:
            yield RejectedInput(source=f"{source}#{number}", reason=f"item {number} of the list: {bad}")


def _decoded(raw: bytes, source: str) -> Any:
    """The JSON value of a whole file; invalid UTF-8 bytes stay as lone surrogates (U+DC80-U+DCFF)
    until `_replaced` turns them into U+FFFD article by article, so each note lands on its article."""
    text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="surrogateescape")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise Rejected(source, f"invalid JSON: {error.msg} (line {error.lineno}, column {error.colno})") from None
    except RecursionError:
        raise Rejected(source, "JSON nested too deep to be an article") from None


_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def _replaced(value: Any) -> tuple[Any, int]:
    """`value` with every escaped invalid byte made U+FFFD, and how many there were."""
    if isinstance(value, str):
        return _ESCAPED_BYTE.subn("\ufffd", value)
    if isinstance(value, list):
        items = [_replaced(v) for v in value]
        return [v for v, _ in items], sum(n for _, n in items)
    if isinstance(value, dict):
        items = {k: _replaced(v) for k, v in value.items()}
        return {k: v for k, (v, _) in items.items()}, sum(n for _, n in items.values())
    return value, 0


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[Optional[bytes]]:
    """Each line, or None for a line longer than max_bytes (skipped without holding it whole)."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _object(line: Optional[bytes], max_bytes: int) -> tuple[dict[str, Any], int]:
    """The line's object, and how many invalid UTF-8 sequences in it were replaced by U+FFFD (as
    in plain text files: the record is kept, with an `invalid_encoding` finding)."""
    if line is None:
        raise _BadLine(f"line is over the {human_size(max_bytes)} limit")
    raw = line.rstrip(b"\r\n")
    replaced = 0
    try:
        decoded = raw.decode("utf-8-sig")  # a BOM opening the file is no part of the first line
    except UnicodeDecodeError:
        decoded = raw.decode("utf-8", errors="replace").removeprefix("\ufeff")
        replaced = decoded.count("\ufffd") - raw.count("\ufffd".encode("utf-8"))
    try:
        value = json.loads(decoded)
    except json.JSONDecodeError as error:
        raise _BadLine(f"invalid JSON: {error.msg} (column {error.colno})") from None
    if not isinstance(value, dict):
        raise _BadLine(f"expected a JSON object, got {type(value).__name__}")
    return value, replaced


def _document(obj: dict[str, Any], replaced: int, source: str, options: IngestOptions,
              fmt: Literal["jsonl", "json"] = "jsonl") -> Document:
    text = next((obj[f] for f in TEXT_FIELDS if isinstance(obj.get(f), str) and clean_text(obj[f])[0].strip()), None)
    if text is None:
        raise _BadLine(f"no text: expected a non-empty string in one of {', '.join(TEXT_FIELDS)}")
    url, title = clean(obj.get("url")), clean(obj.get("title"))
    published = next((d for d in (parse_date(obj.get(f)) for f in DATE_FIELDS) if d), None)
    notes = [invalid_encoding_finding(text, replaced)] if replaced else []
    return Document.from_text(
        text,
        notes=notes,
        source=source,
        format=fmt,
        url=url,
        title=title,
        author=next((a for a in (clean(obj.get(f)) for f in AUTHOR_FIELDS) if a), None),
        outlet=ingest_outlet(next((o for o in (clean(obj.get(f)) for f in OUTLET_FIELDS) if o), None))
        or domain_of(url) or options.outlet,
        # no date field: --published, else what the page states (dated URL path, dateline, "Published:")
        published=published or options.published or page_date(text, title, url),
        language=language_code(obj.get("language") if isinstance(obj.get("language"), str) else None),
        # the time of day too, when the record's date field gives it with its zone
        published_at=next((t for t in (aware_time(obj.get(f)) for f in DATE_FIELDS)
                           if t and published and abs((t.date() - published).days) <= 1), None),
    )
