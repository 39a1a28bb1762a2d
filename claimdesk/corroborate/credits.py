"""Sentences that credit another news outlet for what they state: "Thurman told The New York Times",
"according to Newsweek", "first reported by the Guardian", "a cache of emails obtained by Newsweek",
"in a statement sent to Newsweek", "Amazon provided Newsweek a statement", "responded to the letter,
via the New York Times", "other claims in the New York Times", "said to the Chongqing Morning Post",
"according to a detailed account by The Athletic".

The fact in such a sentence comes from the credited outlet, so a second outlet repeating it is
not a second source: it counts under the outlet it credits (`sourcing` turns each credit into an
`Origin` over its sentence). Only news outlets are credits: a name counts when it is a known outlet
or wire (`outlets.KNOWN_NAMES`) or the name of an outlet of the batch ("Newsweek"
for newsweek.com); "told police", "according to officials" and "told John Smith" are not. A short
or generic name ("told the magazine", "The Times published", "the newspaper reported") stands for
the last outlet the page named in full before it ("… obtained by Newsweek … told the magazine"),
and for nothing when none was named: then the page is speaking of itself.

>>> [(c.outlet, c.key) for c in credits("Thurman told The New York Times she was hurt.", {})]
[('The New York Times', 'nytimes.com')]
>>> [c.key for c in credits("Emails obtained by Newsweek show 67 were sent.", {"newsweek": "newsweek.com"})]
['newsweek.com']
>>> credits("The officer told police he was hurt, according to officials.", {})
[]
>>> [c.key for c in credits("She told The New York Times she was hurt. The Times published the footage.", {})]
['nytimes.com', 'nytimes.com']
>>> credits("She told The Times that she was hurt.", {})
[]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from claimdesk.corroborate.passages import sentences
from claimdesk.outlets import name_key, outlet_host, outlet_key
from claimdesk.models import Span

# Names an outlet uses for itself as often as for another ("told The Times" in the New York Times):
# each stands for the last outlet the page named in full whose name holds its word, if any
SHORT_NAMES = {"the times": "times", "times": "times", "the post": "post", "post": "post",
               "the journal": "journal", "journal": "journal", "the sun": "sun", "the star": "star",
               "the globe": "globe", "the mirror": "mirror", "the express": "express", "the mail": "mail"}
# words for "the outlet named before": any outlet the page named in full
# ("the agency", "the site", "the paper", "the network" are left out: a ministry's agency, a crash
# site, a scientific paper and a power network speak as often)
GENERIC = r"the (?:magazine|newspaper|outlet|website|broadcaster|news agency|publication|daily|tabloid|article)"
# a capitalised name of up to five words, "The"/"the" first allowed ("the Daily Telegraph", "CNN"),
# or a generic reference
# a capitalised name, a site's domain ("according to washingtonpost.com"), or a generic reference
_NAME = (r"((?:[Tt]he\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4}|"
         r"(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|co\.uk|com\.au|ca|news|tv)\b|" + GENERIC + r"\b)")
_FULL_NAME = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4}")
_CREDIT = re.compile(
    # the cue in any case ("According to Reuters, …" opens a sentence), the name capitalised
    r"\b(?i:told|tells|telling|said to|in an interview with|according to|obtained by|(?:first\s+)?reported by|"
    # "a report by", "a detailed account by The Athletic", "an exclusive interview with"
    r"(?:an?|the)\s+(?:\w+\s+)?(?:report|account|interview) (?:by|in|from|with)|(?:an?|the) story on|"
    r"said in an interview with|"
    r"spoke to|speaking to|quoted by|"
    r"(?:was\s+)?first reported (?:by|in)|quoted in|wrote in|"
    # a statement or documents handed to one outlet: "in a statement sent to Newsweek", "emailed Newsweek"
    r"(?:sent|e-?mailed|provided|given|released|made available)\s+to|e-?mailed|in a statement to|"
    # what another outlet printed: "responded to the letter, via the New York Times", "other claims in
    # the New York Times", "an article by Newsweek"
    r"via|(?:claims?|allegations?|articles?|stor(?:y|ies)|profiles?|pieces?|interviews?|investigations?)\s+(?:in|by))\s+"
    + _NAME
    # a statement handed to one outlet, the outlet first: "Amazon provided Newsweek a statement"
    + r"|\b(?:provided|gave|sent|handed)\s+" + _NAME + r"\s+(?:a|an|the|with|its|his|her|their)\s+(?:\w+\s+)?(?:statement|comment|response|emails?|documents?|copy)\b"
    # the outlet naming its piece, where the words are said or printed: "in a New York Times interview",
    # "according to a Bloomberg report" (not "disputes a Bloomberg report", "following a CNN report")
    + r"|\b(?i:in|according to)\s+(?i:an?|the)\s+" + _NAME
    + r"\s+(?i:interview|report|profile|investigation|article|story|documentary)\b"
    # the name after its verb, closing a sentence: "…, reports BBC News."
    + r"|,\s+(?:reports|reported|writes|wrote)\s+" + _NAME + r"(?=\s*[.;]|\s*$)"
    # (a name starts a word: without the \b, every letter of every word was tried as a domain's start)
    + r"|\b" + _NAME + r"\s+(?:first\s+)?(?:reported|reports|revealed|reveals|has reported|had reported|quoted|published|has published)\b"
    # "said" only after a generic name: "Bloomberg said" is as often Michael Bloomberg
    + r"|\b(" + GENERIC + r")\s+(?:said|says)\b")

# a word every alternative of `_CREDIT` holds, lower-cased: a sentence holding none credits no one, and
# finding them is far cheaper than trying `_CREDIT` at every word (a twentieth of corroboration's time).
# Only letters that case-insensitive matching alone reads as i or s ("ſpoke to") escape them
_CUE_WORDS = ("told", "tell", "said to", "interview", "according", "obtained", "report", "account", "stor",
              "spoke", "speaking", "quoted", "wrote", "writes", "sent", "mailed", "provided", "given", "released",
              "available", "statement", "via", "claim", "allegation", "article", "profile", "piece",
              "investigation", "gave", "handed", "reveal", "published", "documentary",
              # `GENERIC` before "said" or "says"
              "magazine", "newspaper", "outlet", "website", "broadcaster", "agency", "publication", "daily",
              "tabloid")


@dataclass(frozen=True)
class Credit:
    """A sentence at `span` crediting `outlet` (identity `key`) with the words `cue`."""

    outlet: str
    key: str
    span: Span
    cue: str


def outlet_names(keys: Iterable[str]) -> dict[str, str]:
    """Folded names of the batch's outlets ("newsweek" for newsweek.com, "theguardian" for
    theguardian.com, "sunsentinel" for sun-sentinel.com), for recognising them when a text names
    them (a written name is folded the same way: "the Sun Sentinel", "the Sun-Sentinel")."""
    out = {}
    for key in sorted(k for k in keys if k):  # sorted: one name, one key, whatever the set's order
        if not key.startswith(("name:", "document:")) and "." in key:
            out.setdefault(re.sub(r"\W+", "", brand(key)), key)
        elif key.startswith("name:"):
            out.setdefault(key[5:], key)
    return out


def brand(key: str) -> str:
    """An outlet key's name without its domain suffix: businessinsider.com and businessinsider.de are
    one brand, and a page crediting its own brand speaks of itself."""
    return key.split(".")[0]


# a name of two or more words ending in one of these names a newspaper even when it is not a known
# outlet or one of the batch: "told the Chongqing Morning Post", "according to the Kyiv Post"
_PAPER_WORDS = ("Post", "Times", "Herald", "Tribune", "Gazette", "Journal", "Chronicle", "Telegraph", "Daily",
                "Courier", "Examiner", "Inquirer", "Dispatch", "Observer", "News")


def outlet_key_of_name(name: str, batch_names: dict[str, str]) -> str | None:
    """The outlet identity a written name stands for, or None when it names no known outlet."""
    if outlet_host(name):  # "washingtonpost.com", "www.Reuters.com"
        return outlet_key(name)
    folded = " ".join(name.lower().replace("’", "'").split())
    known = name_key(name)
    if not known.startswith("name:"):
        return known
    compact = re.sub(r"\W+", "", folded)
    for form in (compact, compact.removeprefix("the")):
        if form in batch_names:
            return batch_names[form]
    words = name.removeprefix("the ").removeprefix("The ").split()
    # "the Erie Times-News", "the Chattanooga Times Free Press": the paper word may end a hyphened word
    # ("Following The Times" is a sentence's first word before a short name, not a paper)
    if len(words) >= 2 and words[-1].split("-")[-1] in _PAPER_WORDS and all(w[:1].isupper() for w in words) \
            and "The" not in words:
        return known
    return None


def credits(text: str, batch_names: dict[str, str], own: frozenset[str] = frozenset()) -> list[Credit]:
    """Each sentence of `text` that credits a news outlet (the first credit in a sentence). `own`:
    the keys of the page's own outlet and wire, which a short or generic name never stands for
    ("the article said" in an AP story is another outlet's article)."""
    out = []
    named = _Named(text, batch_names)  # read only when a short or generic name needs it
    cues = _cue_spans(text)
    for start, end in _sentences(text):
        if cues is not None and not _holds_span(cues, start, end):
            continue
        for m in _CREDIT.finditer(text, start, end):
            name = next((g for g in m.groups() if g), "")
            found = _outlet(name, batch_names) or named.before(m.start(), name, own)
            if found is not None:
                out.append(Credit(outlet=found[0], key=found[1], span=(start, end), cue=m.group(0).strip().lstrip(", ")))
                break
    # a credit counts only where the whole text holds one too (a sentence's bounds end a name's
    # lookahead early): looked for last, as most pages credit no one
    return out if out and _CREDIT.search(text) else []


def _cue_spans(text: str) -> list[Span] | None:
    """Where `_CUE_WORDS` stand in `text`, in order (None when lower case moves offsets: "İ")."""
    low = text.lower()
    if len(low) != len(text):
        return None
    out = []
    for cue in _CUE_WORDS:
        at = low.find(cue)
        while at >= 0:
            out.append((at, at + len(cue)))
            at = low.find(cue, at + 1)
    return sorted(out)


def _holds_span(spans: list[Span], start: int, end: int) -> bool:
    for s, e in spans[bisect_left(spans, (start, start)):]:
        if s >= end:
            return False
        if e <= end:
            return True
    return False


# a title before a name is no sentence end: "Dr. Muntz told The Athletic" is one sentence
_TITLE_END = re.compile(r"\b(?<![.\w])(?:Dr|Mr|Mrs|Ms|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Adm|Maj|Rev|St)\.$")


def _sentences(text: str) -> list[Span]:
    """`passages.sentences`, but a period inside a word ("washingtonpost.com", "3.5") or after a title
    ends no sentence."""
    out: list[Span] = []
    for start, end in sentences(text):
        if out and (start == out[-1][1] or _TITLE_END.search(text, out[-1][0], out[-1][1])
                    and not text[out[-1][1]:start].count("\n")):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


class _Named:
    """The outlets a page names in full, in order, for reading short and generic names."""

    def __init__(self, text: str, batch_names: dict[str, str]):
        self.text, self.batch_names = text, batch_names
        self._found: list[tuple[int, str, str]] | None = None  # (offset, name, key)

    @property
    def found(self) -> list[tuple[int, str, str]]:
        if self._found is None:
            self._found = [(m.start(), *hit) for m in _FULL_NAME.finditer(self.text)
                           if (hit := _outlet(m.group(0), self.batch_names)) is not None]
        return self._found

    def before(self, offset: int, name: str, own: frozenset[str] = frozenset()) -> tuple[str, str] | None:
        folded = " ".join(name.lower().split())
        word = SHORT_NAMES.get(folded)
        if word is None and not re.fullmatch(GENERIC, folded):
            return None
        for at, full, key in reversed(self.found):
            if at < offset and key not in own and (word is None or word in full.lower().split()):
                return full, key
        return None


def _outlet(name: str, batch_names: dict[str, str]) -> tuple[str, str] | None:
    """The longest start of `name` that names an outlet ("The New York Times On" -> The New York Times)."""
    words = re.sub(r"['’]s$", "", name.strip().rstrip(".,;:")).split()
    for n in range(len(words), 0, -1):
        # a name run on past its sentence's end ("The New York Times. Following") ends at the period
        candidate = " ".join(words[:n]).rstrip(".,;:")
        if candidate.lower() in SHORT_NAMES or re.fullmatch(GENERIC, candidate.lower()):
            return None
        key = outlet_key_of_name(candidate, batch_names)
        if key is not None:
            return (candidate[4:] if candidate.startswith("the ") else candidate), key
    return None
