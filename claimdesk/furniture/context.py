"""What a line's neighbours say: furniture that no single line's shape gives away.

The line model (`model.py`) reads each line alone. Three kinds of furniture are written as
ordinary sentences and show only beside the lines around them:

- a gallery of captions: each slide's caption starts with the gallery's title ("Port of Duisburg
  turns 300 Trading place of global significance What started out …"), so three or more lines in
  a row opening with the same `GALLERY_OPENING` words are the gallery, not the article;
- an item of a list: a short line (at most `LIST_ITEM_WORDS` words, not ended by a full stop, as
  link texts and headlines are not) between two furniture lines is one more related-story link or
  menu entry ("How well do you know Elon Musk?" among a list of
  teasers); at the page's first or last line, one furniture neighbour is enough (a sign-up prompt
  opening the page, a disclaimer closing it);
- site boilerplate whatever its shape: syndication notes ("… originally appeared on BGR.com",
  "Read the original article on INSIDER"), disclaimers, e-mail sign-up forms and photo credits in
  parentheses ("(Photo: .)"), captions opened or closed by a credit, and the author's note under an
  "About the author" heading.

These are rules over the model's decisions, not fitted weights: the labelled development lines
hold too few galleries and list runs for a fitted weight to mean anything. What they cost on the
labelled lines is printed by `bench/eval_furniture.py`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimdesk.furniture.lines import Line

GALLERY_OPENING = 4  # words every caption of a gallery repeats
GALLERY_RUN = 3  # captions in a row
LIST_ITEM_WORDS = 20

_WORD = re.compile(r"[^\W_][\w'’-]*")
_FULL_STOP = re.compile(r"[.…:;][\"'”’)\]]*$")
_BOILERPLATE = re.compile(
    r"\boriginally (?:appeared|published) (?:on|in|at)\b|\bread the original article\b|^\W*disclaimer\s*:|"
    r"\benter your e-?mail\b|\bemail address is invalid\b|\bclick (?:here )?to read\b|"
    r"\bnot in our deliverable area\b|\bis not intended to provide\b[^.]{0,40}\badvice\b|"
    r"\(\s*(?:photo|image|video)\s*:[^()]*\)\s*$",
    re.IGNORECASE)
# a caption: a credit opening it ("Reuters The North Korean leader …") or closing it without a full
# stop ("… four lensed background quasars (University of Oklahoma)")
_CAPTION = re.compile(
    r"^(?:Reuters|AFP|AP|EPA|Getty Images|Alamy|PA|Rex Features|Shutterstock)\s+(?:The|A|An)\s|"
    r"[^.!?\s\"”’]\s*\([A-Z][\w.&'’-]*(?:\s(?:[A-Z][\w.&'’-]*|of|the|and|for)){0,4}\)$")
_ABOUT_AUTHOR = re.compile(r"^\W*about (?:the|this) (?:author|writer|reporter)\W*$", re.IGNORECASE)


def _opening(line: Line) -> tuple[str, ...]:
    return tuple(w.casefold() for w in _WORD.findall(line.text)[:GALLERY_OPENING])


def gallery_lines(lines: Sequence[Line]) -> set[int]:
    """Indexes of lines in runs of GALLERY_RUN or more that open with the same GALLERY_OPENING words
    and say more after them (a caption, not a repeated heading)."""
    out: set[int] = set()
    i = 0
    while i < len(lines):
        head = _opening(lines[i])
        j = i + 1
        if len(head) == GALLERY_OPENING:
            while j < len(lines) and _opening(lines[j]) == head:
                j += 1
        if j - i >= GALLERY_RUN and all(len(_WORD.findall(lines[k].text)) > GALLERY_OPENING for k in range(i, j)):
            out.update(range(i, j))
        i = j
    return out


def boilerplate(line: Line) -> bool:
    return bool(_BOILERPLATE.search(line.text) or _CAPTION.search(line.text))


def with_context(lines: Sequence[Line], marked: Sequence[bool]) -> list[bool]:
    """The model's per-line decisions `marked`, with the gallery, list-item and boilerplate rules added."""
    out = list(marked)
    for i in gallery_lines(lines):
        out[i] = True
    for i, line in enumerate(lines):
        if boilerplate(line) or (i > 0 and _ABOUT_AUTHOR.match(lines[i - 1].text)):
            out[i] = True
    decided = list(out)  # list items are judged on the lines around them as decided so far, not on each other
    n = len(lines)
    for i, line in enumerate(lines):
        if out[i] or len(_WORD.findall(line.text)) > LIST_ITEM_WORDS or _FULL_STOP.search(line.text):
            continue
        before = decided[i - 1] if i > 0 else None
        after = decided[i + 1] if i + 1 < n else None
        if before is not False and after is not False and (before or after):
            out[i] = True
    return out
