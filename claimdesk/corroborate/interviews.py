"""Words given to one outlet and quoted again elsewhere: "Dr. Muntz told The Athletic, "He was
unresponsive, just a disaster."" makes those words The Athletic's on every page that prints them.

A speaker's public words (a statement read out, a tweet, a press conference) are quoted by every
outlet on its own, and `passages` leaves quotations alone for that reason. Words that a page says
were spoken to another outlet ("told", "said to", "in an interview with", "quoted by") came
through that outlet: a second page printing them, credited or not, relays that outlet's interview
and is no second source for what they state, unless it says the words were spoken to it too ("…,
the airline told HuffPost"). Only direct quotations of `QUOTE_WORDS` words or more are matched,
word for word; a paraphrase is left to the other rules.

>>> given = GivenQuotes()
>>> given.add("Dr. Muntz told The Athletic, “He was unresponsive, just a disaster.”", (0, 67),
...           Origin(outlet="The Athletic", key="theathletic.com", why="credits The Athletic: 'told The Athletic'"))
>>> text = "The coach fell ill on stage. “He was unresponsive, just a disaster,” Muntz said."
>>> [(text[o.span[0]:o.span[1]].split()[0], o.key) for o in given.quoted_in(text, frozenset())]
[('“He', 'theathletic.com')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Optional

from claimdesk.corroborate.passages import embedded_posts, sentences
from claimdesk.models import Origin, Span

QUOTE_WORDS = 6  # a shorter quotation ("a national crisis") is as likely said to everyone
# the credit cues saying the words were spoken to the outlet, not that it reported them. A statement
# sent or e-mailed to one outlet is left out: a company or a ministry sends the same statement to
# every outlet that asks ("in a statement to CNBC" beside "told HuffPost in a statement", same words)
_GIVEN = re.compile(
    r"^(?:told|tells|telling|said to|spoke to|speaking to|(?:said )?in an interview with|"
    r"(?:an?|the)\s+(?:\w+\s+)?interview with|in\s+(?:an?|the)\s+(?:\S+\s+){1,5}interview$|"
    r"quoted (?:by|in))\b", re.I)
# a quotation: between double marks, or single marks that open after a space and close before one;
# a quotation may go on past its sentence, so the closing mark may be missing at the sentence's end
_QUOTATION = re.compile(r"[\"“]([^\"“”]+)[\"”]?|(?:(?<=^)|(?<=[\s(]))[‘'](?=[A-Za-z])([^‘’']+?)(?:[’'](?=[\s,.;:!?)]|$)|$)")
# an opening mark starts a line or follows a space or a bracket ('me," Thurman told Dowd. "What …': the
# first mark closes a quotation the paragraph before opened)
_DOUBLE_QUOTATION = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))[\"“]([^\"“”\n]+)[\"”]?", re.M)
_WORD = re.compile(r"\w+")
_POSTED = re.compile(r"\b(?:tweet(?:s|ed)?|twitter|facebook|instagram|posted|wrote on)\b", re.I)


def given_cue(why: str) -> bool:
    """Whether an origin's reason is a credit of words given to the outlet ("credits X: 'told X'")."""
    cue = re.match(r"credits .*?: '(.*)'$", why)
    return bool(cue and _GIVEN.match(cue.group(1).lstrip(", ")))


def quotations(text: str) -> list[str]:
    """The direct quotations of `text` of `QUOTE_WORDS` words or more, as lower-case words."""
    return [words for _, words in quotation_spans(text)]


def quotation_spans(text: str) -> list[tuple[Span, str]]:
    """Where each direct quotation of `QUOTE_WORDS` words or more lies in `text`, with its words. A
    quotation in double marks may run over several sentences of a paragraph ("What really got me …
    I had really always felt …"); one in single marks is read inside its sentence, where an
    apostrophe cannot open it ("'I cant speak …, \" Gaskin told" would run to the text's end)."""
    found = [(m.span(1), m.group(1)) for m in _DOUBLE_QUOTATION.finditer(text)]
    for start, end in sentences(text):
        for m in _QUOTATION.finditer(text, start, end):
            if m.group(2) is not None:
                found.append(((m.start(2), m.end(2)), m.group(2)))
    out = []
    for span, quoted in sorted(found):
        words = _WORD.findall(quoted.lower())
        if len(words) >= QUOTE_WORDS:
            out.append((span, " ".join(words)))
    return out


def public_posts(text: str) -> list[Span]:
    """Where `text` shows a post anyone can read: a sentence saying so ("Musk tweeted", "wrote on
    Facebook") or the words before an embedded post's signature ("— Elon Musk (@elonmusk) December 2, 2017")."""
    posts = embedded_posts(text)
    if not _POSTED.search(text):
        return posts
    return posts + [(s, e) for s, e in sentences(text) if _POSTED.search(text, s, e)]


def _grams(words: list[str]) -> list[tuple[str, ...]]:
    return [tuple(words[i:i + QUOTE_WORDS]) for i in range(len(words) - QUOTE_WORDS + 1)]


@dataclass(frozen=True)
class _Given:
    words: str
    origin: Origin


class _QuoteIndex:
    """Quotations, each with the outlet it came through, and where a text prints (part of) one."""

    def __init__(self) -> None:
        self._by_first: dict[tuple[str, ...], list[_Given]] = {}  # first QUOTE_WORDS words -> quotation
        self._by_gram: dict[tuple[str, ...], list[_Given]] = {}   # any QUOTE_WORDS words -> quotation

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def _register(self, quoted: str, origin: Origin) -> None:
        entry = _Given(quoted, origin)
        words = quoted.split()
        self._by_first.setdefault(tuple(words[:QUOTE_WORDS]), []).append(entry)
        for g in _grams(words):
            self._by_gram.setdefault(g, []).append(entry)

    def _quoted_in(self, text: str, accept: Callable[[Origin], bool], taken: Iterable[Span], why: str,
                   public: frozenset[tuple[str, ...]] | set[tuple[str, ...]] = frozenset()) -> list[Origin]:
        """An origin for each sentence of `text` printing (part of) a quotation whose outlet
        `accept`s, where no span of `taken` lies and no run of words is `public`; `why` is formatted
        with the outlet and its reason."""
        if not self:
            return []
        spans = list(taken)
        out: list[Origin] = []
        parts = sentences(text)
        for (q_start, q_end), quoted in quotation_spans(text):
            if public and not public.isdisjoint(_grams(quoted.split())):
                continue
            hit = self._match(quoted, accept)
            if hit is None:
                continue
            for start, end in parts:  # every sentence the quotation runs through
                if start < q_end and q_start < end and not any(s < end and start < e for s, e in spans + [o.span for o in out]):
                    out.append(Origin(outlet=hit.origin.outlet, key=hit.origin.key, span=(start, end),
                                      document=hit.origin.document,
                                      why=why.format(outlet=hit.origin.outlet, why=hit.origin.why)))
        return sorted(out, key=lambda o: o.span)

    def _match(self, quoted: str, accept: Callable[[Origin], bool]) -> _Given | None:
        words = quoted.split()
        # the page prints part of the quotation, or the whole of it inside a longer one
        candidates = list(self._by_gram.get(tuple(words[:QUOTE_WORDS]), []))
        for g in _grams(words):
            candidates += self._by_first.get(g, [])
        padded = f" {quoted} "
        for c in candidates:
            if accept(c.origin) and (padded in f" {c.words} " or f" {c.words} " in padded):
                return c
        return None


class GivenQuotes(_QuoteIndex):
    """The quotations that pages credit to an outlet's interview, and where other pages print them."""

    def add(self, text: str, span: Span, credit: Origin) -> None:
        """Register the quotations of a credited sentence (`span` of `text`) as the credited outlet's."""
        if not given_cue(credit.why):
            return
        for quoted in quotations(text[span[0]:span[1]]):
            self._register(quoted, credit)

    def add_credits(self, text: str, credited: Iterable[Origin]) -> None:
        for credit in credited:
            if credit.span is not None:
                self.add(text, credit.span, credit)

    def quoted_in(self, text: str, own: frozenset[str], taken: Iterable[Span] = ()) -> list[Origin]:
        """An origin for each sentence of `text` that prints (part of) a quotation given to an outlet
        other than the page's own (`own`: its outlet and wire keys), where no span of `taken` (the
        page's credits, to others or to itself) lies."""
        return self._quoted_in(text, lambda o: o.key not in own, taken, "quotes words given to {outlet} ({why})")


class PrintedQuotes(_QuoteIndex):
    """The quotations each outlet's own pages print. A page that credits an outlet somewhere ("Her
    story came in an interview with New York Times columnist Maureen Dowd") and prints words that
    outlet's page printed ("If you do what you did to me to other people …") took them from it: a
    wire retelling a paper's interview quotes the paper's words, and is no second source for them."""

    def __init__(self) -> None:
        super().__init__()
        self._public: set[tuple[str, ...]] = set()  # word runs of posts anyone can read

    def add_page(self, text: str, origin: Optional[Origin]) -> None:
        """Register the quotations of a page whose words are `origin`'s (its outlet, or its wire;
        None: no page credits it, so only its posts are read), and the words of the posts it prints
        (`public_posts`)."""
        if origin is not None:
            for quoted in quotations(text):
                self._register(quoted, origin)
        for start, end in public_posts(text):
            self._public.update(_grams(_WORD.findall(text[start:end].lower())))

    def quoted_in(self, text: str, credited: frozenset[str], own: frozenset[str], taken: Iterable[Span] = ()) -> list[Origin]:
        """An origin for each sentence of `text` printing (part of) a quotation that a page of an
        outlet in `credited` (the outlets this page credits) printed, that outlet not the page's own;
        words some page shows as a post (a tweet, a Facebook post) are anyone's to quote."""
        if not credited - own:
            return []
        return self._quoted_in(text, lambda o: o.key in credited and o.key not in own, taken,
                               "quotes words {outlet} printed, an outlet the page credits ({why})", self._public)
