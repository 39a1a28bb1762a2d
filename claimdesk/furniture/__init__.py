"""Page furniture: the lines of a page that belong to the site, not the article.

Navigation, cookie and consent text, newsletter and share prompts, related-story lists, bylines,
copyright lines and photo credits are left in the text (spans and line numbers stay true) and
marked as furniture spans on the document; no claim is made from them and the audit ignores them.

Three kinds of evidence decide it: the shape of a line (a fitted model, `model.py`, over the
features of `lines.py`); what a single page cannot show, repetition: a line that one outlet
printed on at least REPEATED_PAGES of its pages counts as repeated (the store keeps the count per
outlet, `repeated.py`), and the model weighs that too; and what the lines around it show
(`context.py`: galleries of captions, items of link lists, syndication notes, disclaimers, credits,
a station's promotion of its broadcast, readers' helplines, what an advertising label introduces,
teasers closing the page, the outlet's own embedded tweets).

>>> doc = Document.from_text("Officials said six soldiers were killed in Donetsk on Monday.\\nAdvertisement\\n",
...                          source="example.txt")
>>> mark(doc).furniture
[(62, 75)]
"""

from __future__ import annotations

from collections.abc import Iterable

from claimdesk.furniture.context import with_context
from claimdesk.furniture.lines import Line, features, line_key, lines_of
from claimdesk.furniture.model import FurnitureModel, default_model
from claimdesk.models import Document, Span

REPEATED_PAGES = 3  # the bar: a line on three pages of one outlet is the site's, not a story's


def outlet_key(outlet: str | None) -> str | None:
    """The outlet a repetition count is kept for: case and a leading `www.` folded."""
    if not outlet or not outlet.strip():
        return None
    key = outlet.strip().casefold()
    return key[4:] if key.startswith("www.") else key


def furniture_lines(text: str, repeated: Iterable[str] = (), model: FurnitureModel | None = None,
                    outlet: str | None = None) -> list[Line]:
    """The lines of `text` that are furniture; `repeated` holds the keys of lines its outlet repeats;
    `outlet` (the page's outlet, when known) tells the outlet's own embedded posts."""
    model = model or default_model()
    lines = lines_of(text)
    rows = features(lines, frozenset(repeated))
    marked = with_context(lines, [model.is_furniture(row) for row in rows], outlet)
    return [line for line, furniture in zip(lines, marked) if furniture]


def furniture_spans(text: str, repeated: Iterable[str] = (), model: FurnitureModel | None = None,
                    outlet: str | None = None) -> list[Span]:
    return [line.span for line in furniture_lines(text, repeated, model, outlet)]


def mark(doc: Document, repeated: Iterable[str] = (), model: FurnitureModel | None = None) -> Document:
    """`doc` with its furniture spans set (the text is not touched)."""
    doc.furniture = furniture_spans(doc.text, repeated, model, doc.outlet)
    return doc


__all__ = ["REPEATED_PAGES", "Line", "furniture_lines", "furniture_spans", "line_key", "lines_of", "mark",
           "outlet_key"]
