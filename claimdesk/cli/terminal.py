"""Everything the command line prints that came from input goes through `safe_text`.

Outlet names, titles, file names, rejection reasons and article sentences are untrusted: printed
raw, `[/red]` breaks a Rich table, `[link=file:///…]` renders as a hyperlink, and ANSI/OSC escape
sequences drive the terminal. `safe_text` shows such text as text.

>>> safe_text("[/red]x[link=file:///etc/passwd]y\\x1b]8;;z", markup=True)
'\\\\[/red]x\\\\[link=file:///etc/passwd]y\\\\x1b]8;;z'
>>> safe_text("line one\\nline two\\x1b[2J", keep_layout=True)
'line one\\nline two\\\\x1b[2J'
"""

from __future__ import annotations

from rich.markup import escape

from claimdesk.report.plain_text import visible_controls


def safe_text(value: object, *, markup: bool = False, keep_layout: bool = False) -> str:
    """`value` as text a terminal shows and never acts on: control and escape characters written
    as visible escapes (`\\x1b`); with `markup`, Rich markup escaped too (for text that Rich
    parses); with `keep_layout`, newlines and tabs kept (multi-line output)."""
    text = visible_controls("" if value is None else str(value), keep_layout=keep_layout)
    return escape(text) if markup else text


__all__ = ["safe_text"]
