"""The one rule for characters no store should hold, applied to every text field of every record
that reaches a store, whatever format it came from and whichever backend keeps it.

- C0 control characters other than tab, line feed and carriage return, and DEL, are removed:
  PostgreSQL refuses NUL in text and JSON, and the others are never prose. Vertical tab and form
  feed, which separate lines and pages, become a line feed instead, so words on either side stay
  apart (both are whitespace, so the document id does not change).
- Carriage returns are kept: the text reader keeps a CRLF file as written, so line N of the file
  stays line N of the document, and every consumer treats CR as whitespace.
- Lone UTF-16 surrogates (from a JSON "\\ud800" escape), which no UTF-8 encoder accepts, become
  U+FFFD, the replacement character.

The record is kept and the document gets an audit finding `control_characters` saying how many
characters were removed from which field (see `claimdesk.models.Document.from_text`).

>>> clean_text("Kyi\\x00v said\\x0cmore")
('Kyiv said\\nmore', 2)
>>> clean_text("plain\\r\\ntext\\t")
('plain\\r\\ntext\\t', 0)
"""

from __future__ import annotations

import re

_LINE_BREAKING = "\x0b\x0c"
_UNWANTED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_REPLACEMENT = {**{c: "\n" for c in _LINE_BREAKING}}


def _replace(match: re.Match[str]) -> str:
    char = match.group(0)
    if char in _REPLACEMENT:
        return _REPLACEMENT[char]
    if "\ud800" <= char <= "\udfff":
        return "\ufffd"
    return ""


def clean_text(value: str) -> tuple[str, int]:
    """`value` with the rule applied, and how many characters were removed or replaced."""
    if _UNWANTED.search(value) is None:  # the common case: one C-level scan, no copy
        return value, 0
    return _UNWANTED.subn(_replace, value)


def first_unwanted(value: str) -> int:
    """Offset of the first character the rule changes in `value`, or -1."""
    match = _UNWANTED.search(value)
    return match.start() if match else -1


def describe(counts: dict[str, int]) -> str:
    """'3 in text, 1 in title' for the fields that had unwanted characters."""
    return ", ".join(f"{n} in {name}" for name, n in counts.items() if n)
