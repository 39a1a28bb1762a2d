"""Putting article-derived text into HTML without letting it become markup.

Templates autoescape; two places need more care: JSON embedded in a <script> element (the HTML
parser ends the element at `</script` whatever the JSON says, and `<!--` changes how it parses),
and a text with spans highlighted, where each piece is escaped on its own.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape

_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(value: Any) -> Markup:
    """JSON safe to place inside <script type="application/json">: no `<`, `>` or `&` survive."""
    text = json.dumps(value, ensure_ascii=False, default=str, separators=(",", ":"))
    for char, replacement in _SCRIPT_UNSAFE.items():
        text = text.replace(char, replacement)
    return Markup(text)


def csp_hash(script: str) -> str:
    """The Content-Security-Policy source that allows exactly this inline script: its SHA-256 as
    `'sha256-…'`, computed over the text between <script> and </script> as written."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def highlight(text: str, spans: Iterable[tuple[int, int, str]], start: int = 0, end: int | None = None) -> Markup:
    """`text[start:end]` escaped, with each (s, e, css_class) span wrapped in <mark class=…>.

    Overlapping spans are clipped so marks never nest; offsets outside the window are ignored.
    """
    end = len(text) if end is None else min(end, len(text))
    pieces: list[str] = []
    cursor = start
    for s, e, css in sorted(spans, key=lambda x: (x[0], -x[1])):
        s, e = max(s, cursor), min(e, end)
        if e <= s:
            continue
        pieces.append(str(escape(text[cursor:s])))
        pieces.append(f'<mark class="{escape(css)}">{escape(text[s:e])}</mark>')
        cursor = e
    pieces.append(str(escape(text[cursor:end])))
    return Markup("".join(pieces))


def web_url(url: str | None) -> str | None:
    """`url` if it is an http(s) URL, else None: escaping stops markup, not a `javascript:` link."""
    if not url:
        return None
    scheme = urlsplit(url.strip()).scheme.lower()
    return url.strip() if scheme in ("http", "https") else None


def context_window(text: str, span: tuple[int, int], chars: int = 300) -> tuple[int, int]:
    """A window of about `chars` characters either side of `span`, widened to whole words."""
    start = max(0, span[0] - chars)
    end = min(len(text), span[1] + chars)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < span[0] else start
    if end < len(text):
        space = text.rfind(" ", span[1], end)
        end = space if space > span[1] else end
    return start, end
