"""Text from articles on its way to a terminal or a spreadsheet: escape sequences never pass.

An outlet name, a file name or an article sentence can carry ANSI/OSC escape sequences
(`ESC ] 8 ;; file:///etc/passwd ESC \\` makes a hyperlink, `ESC [ 2 J` clears the screen) and other
control characters (carriage return and backspace overwrite what was printed; the bidirectional
overrides reorder it). Two treatments:

- `visible_controls` for what a person reads in a terminal: every such character is shown as an
  escape (`\\x1b`, `\\u202e`), so the reader sees that something was there and nothing acts on the
  terminal.
- `strip_escapes` for exports (CSV): whole escape sequences and stray control characters are
  removed, so the data stays data and `cat export.csv` cannot drive the terminal.

>>> visible_controls("Evil\\x1b]8;;file:///etc/passwd\\x1b\\\\Outlet")
'Evil\\\\x1b]8;;file:///etc/passwd\\\\x1b\\\\Outlet'
>>> strip_escapes("\\x1b[31mred\\x1b[0m and \\x1b]8;;http://x\\x07link\\x1b]8;;\\x07")
'red and link'
"""

from __future__ import annotations

import json
import re
from typing import Any

# ECMA-48 sequences, 7-bit (ESC …) and 8-bit (C1) forms: CSI, OSC/DCS/APC/PM/SOS strings (ended by
# BEL or ST, or by nothing when cut short), and two-character escapes.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)
# C0 and C1 controls, DEL, and the bidirectional embeddings, overrides and isolates that reorder what
# follows (not the marks and joiners that scripts need); the second set leaves out tab and newline,
# which lay out multi-line text.
_FORMAT = "\u202a-\u202e\u2066-\u2069"
_CONTROL = "\x00-\x1f\x7f-\x9f" + _FORMAT
_CONTROL_BUT_LAYOUT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + _FORMAT + "]")
_CONTROL_ANY = re.compile(f"[{_CONTROL}]")
_RAW_IN_JSON = re.compile("[\x7f-\x9f" + _FORMAT + "]")  # json.dumps escapes C0 itself


def _shown(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible_controls(text: str, keep_layout: bool = False) -> str:
    """`text` with every control or reordering character written as a visible escape. With
    `keep_layout`, newlines and tabs stay as they are (multi-line output such as an audit)."""
    pattern = _CONTROL_BUT_LAYOUT if keep_layout else _CONTROL_ANY
    return pattern.sub(lambda m: _shown(m.group()), text)


def strip_escapes(text: str) -> str:
    """`text` without terminal escape sequences or control characters; line breaks are kept (as
    `\\n`) and so are tabs."""
    text = _ESCAPE_SEQUENCE.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_BUT_LAYOUT.sub("", text)


def json_text(value: Any) -> str:
    """`value` as JSON (`ensure_ascii=False`), with the controls that JSON leaves raw
    (C1, DEL, bidirectional overrides) written as `\\uXXXX`: the same data once parsed, and
    nothing a terminal would act on when the export is printed."""
    text = json.dumps(value, ensure_ascii=False)
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


__all__ = ["json_text", "strip_escapes", "visible_controls"]
