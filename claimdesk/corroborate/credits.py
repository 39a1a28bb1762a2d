"""Sentences that credit another news outlet for what they state: "Thurman told The New York Times",
"according to Newsweek", "first reported by the Guardian", "a cache of emails obtained by Newsweek".

The fact in such a sentence comes from the credited outlet, so a second outlet repeating it is
not a second source: it counts under the outlet it credits (`sourcing` turns each credit into an
`Origin` over its sentence). Only news outlets are credits: a name counts when it is a known outlet
or wire (`outlets.KNOWN_NAMES`, `origin.WIRES`) or the name of an outlet of the batch ("Newsweek"
for newsweek.com); "told police", "according to officials" and "told John Smith" are not.

>>> [(c.outlet, c.key) for c in credits("Thurman told The New York Times she was hurt.", {})]
[('The New York Times', 'nytimes.com')]
>>> [c.key for c in credits("Emails obtained by Newsweek show 67 were sent.", {"newsweek": "newsweek.com"})]
['newsweek.com']
>>> credits("The officer told police he was hurt, according to officials.", {})
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimdesk.corroborate.passages import sentences
from claimdesk.outlets import name_key
from claimdesk.models import Span

# Names an outlet uses for itself as often as for another ("told The Times" in the New York Times)
AMBIGUOUS = {"the times", "times", "the post", "post", "the journal", "journal", "the sun", "the star",
             "the globe", "the mirror", "the express", "the mail", "the paper", "the newspaper"}
# a capitalised name of up to five words, "The"/"the" first allowed ("the Daily Telegraph", "CNN")
_NAME = r"((?:[Tt]he\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})"
_CREDIT = re.compile(
    r"\b(?:told|tells|telling|in an interview with|according to|obtained by|(?:first\s+)?reported by|"
    r"(?:a|the) report (?:by|in|from)|said in an interview with|spoke to|speaking to|quoted by|"
    r"(?:was\s+)?first reported (?:by|in))\s+" + _NAME
    + r"|" + _NAME + r"\s+(?:first\s+)?(?:reported|reports|revealed|reveals|has reported|had reported|quoted)\b")


@dataclass(frozen=True)
class Credit:
    """A sentence at `span` crediting `outlet` (identity `key`) with the words `cue`."""

    outlet: str
    key: str
    span: Span
    cue: str


def outlet_names(keys: set[str]) -> dict[str, str]:
    """Folded names of the batch's outlets ("newsweek" for newsweek.com, "theguardian" for
    theguardian.com), for recognising them when a text names them."""
    out = {}
    for key in keys:
        if key and not key.startswith(("name:", "document:")) and "." in key:
            out.setdefault(key.split(".")[0], key)
        elif key and key.startswith("name:"):
            out.setdefault(key[5:], key)
    return out


def outlet_key_of_name(name: str, batch_names: dict[str, str]) -> str | None:
    """The outlet identity a written name stands for, or None when it names no known outlet."""
    folded = " ".join(name.lower().replace("’", "'").split())
    known = name_key(name)
    if not known.startswith("name:"):
        return known
    compact = re.sub(r"\W+", "", folded)
    for form in (compact, compact.removeprefix("the")):
        if form in batch_names:
            return batch_names[form]
    return None


def credits(text: str, batch_names: dict[str, str]) -> list[Credit]:
    """Each sentence of `text` that credits a news outlet (the first credit in a sentence)."""
    if not _CREDIT.search(text):
        return []
    out = []
    for start, end in sentences(text):
        for m in _CREDIT.finditer(text, start, end):
            found = _outlet(m.group(1) or m.group(2) or "", batch_names)
            if found is not None:
                name, key = found
                out.append(Credit(outlet=name, key=key, span=(start, end), cue=m.group(0).strip()))
                break
    return out


def _outlet(name: str, batch_names: dict[str, str]) -> tuple[str, str] | None:
    """The longest start of `name` that names an outlet ("The New York Times On" -> The New York Times)."""
    words = re.sub(r"['’]s$", "", name.strip().rstrip(".,;:")).split()
    for n in range(len(words), 0, -1):
        candidate = " ".join(words[:n])
        if candidate.lower() in AMBIGUOUS:
            return None
        key = outlet_key_of_name(candidate, batch_names)
        if key is not None:
            return (candidate[4:] if candidate.startswith("the ") else candidate), key
    return None
