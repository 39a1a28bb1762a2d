"""Plain text files: the text is kept exactly as written, so line N of the file is line N of the document."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Optional

from charset_normalizer import from_bytes

from claimdesk.ingest.metadata import page_date
from claimdesk.ingest.options import IngestOptions
from claimdesk.models import Document, Finding, Rejected

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab, newlines and form feed are rare in prose and common in binaries.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_RATIO = 0.01
_DECODED_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")
# On a short text charset-normalizer's ranking is a near tie among single-byte code pages (an
# English text in windows-1252 may rank cp775 first). Within this much "chaos" of the best guess,
# windows-1252, the legacy encoding of most Western web and newsroom text, wins the tie.
_PREFERRED_LEGACY = "cp1252"
_TIE_CHAOS = 0.05


def decode(data: bytes, source: str) -> str:
    """The text of `data`: BOM or UTF-8 first, else the encoding charset-normalizer finds.

    Raises Rejected for binary data (NUL bytes, undecodable, or full of control characters). A few
    NUL bytes in prose are not binary: they are removed later, by the rule every field goes
    through (claimdesk.textclean). Mostly-UTF-8 data with some invalid bytes is decoded as UTF-8
    with U+FFFD for the bad bytes (see `decode_utf8_or_legacy`), never guessed into mojibake.
    """
    return decode_with_notes(data, source)[0]


def decode_with_notes(data: bytes, source: str) -> tuple[str, list[Finding]]:
    """`decode`, with an `invalid_encoding` finding when bytes had to be replaced."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"), source, encoding), []
    head = data[:65536]
    if head.count(b"\x00") > len(head) * _MAX_CONTROL_RATIO:
        raise Rejected(source, "binary file, not text (it contains NUL bytes)")
    try:
        return _checked(data.decode("utf-8"), source, "utf-8"), []
    except UnicodeDecodeError:
        pass
    replaced = utf8_with_replacement(data)
    if replaced is not None:
        text, finding = replaced
        return _checked(text, source, "utf-8"), [finding]
    return _legacy(data, source), []


def utf8_with_replacement(data: bytes) -> Optional[tuple[str, Finding]]:
    """`data` decoded as UTF-8 with U+FFFD for invalid bytes, and the finding that says so, when
    the data is UTF-8 with some damage: it has valid multi-byte sequences and fewer invalid
    bytes than those. None for data with no multi-byte UTF-8 at all (a legacy code page such as
    windows-1252, whose accented letters are single bytes that are never valid UTF-8)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    multibyte = len(_DECODED_NON_ASCII.findall(text))
    if bad <= 0 or multibyte < bad:
        return None
    return text, invalid_encoding_finding(text, bad)


def invalid_encoding_finding(text: str, bad: int) -> Finding:
    at = max(text.find("\ufffd"), 0)
    line = text.count("\n", 0, at) + 1
    return Finding(
        kind="invalid_encoding", severity="warning", line=line, end_line=line, span=(at, at + 1),
        quote=text[at:at + 1],
        message=f"{bad} invalid UTF-8 byte sequence(s) replaced by U+FFFD, the replacement character; the first is here",
    )


def _legacy(data: bytes, source: str) -> str:
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise Rejected(source, "binary file, not text (no text encoding fits its bytes)")
    for match in matches:
        if _PREFERRED_LEGACY in match.could_be_from_charset and match.chaos <= best.chaos + _TIE_CHAOS:
            return _checked(data.decode(_PREFERRED_LEGACY), source, _PREFERRED_LEGACY)
    return _checked(str(best), source, best.encoding)


def _checked(text: str, source: str, encoding: str) -> str:
    sample = text[:65536]
    controls = len(_CONTROLS.findall(sample))
    if sample and controls / len(sample) > _MAX_CONTROL_RATIO:
        raise Rejected(source, f"binary file, not text ({controls} control characters in the first "
                               f"{len(sample)} characters read as {encoding})")
    return text


def read_text(path: Path, options: IngestOptions) -> Iterator[Document]:
    source = str(path)
    data = path.read_bytes()
    if not data:
        raise Rejected(source, "empty file (0 bytes)")
    text, notes = decode_with_notes(data, source)
    if not text.strip():
        raise Rejected(source, f"no text: the file holds only whitespace ({len(data)} bytes)")
    yield Document.from_text(
        text, source=source, format="text", outlet=options.outlet, notes=notes,
        published=options.published or page_date(text, url=source),  # a dateline, "Published:" line, dated path
    )
