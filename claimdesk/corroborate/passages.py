"""Passages one text shares with another: a rewrite or a quoted-in-full story inside a page that
differs elsewhere, which whole-document copy detection (`copies`) misses.

A sentence is *shared* when most of its 5-word shingles (the same hashes `copies` uses) occur in
the other text; a passage is a run of at least `MIN_RUN` shared sentences, where sentences too short
to judge neither count nor break the run. Two outlets writing up the same event share names and
phrases, rarely three sentences in a row nearly word for word. Sentences holding a quotation
(a tweet, a statement, an interview answer) neither count nor break a run either: outlets quote
the same words of a speaker independently, and the speaker, not the first outlet, wrote them. A
name or a scare quote of a few words in marks ("a 'town square' experience") is no quotation, and
a sentence of the writer's own words around a short quotation counts when it is found in the
other text (`frames_quotation`).

>>> a = ("Russian forces launched 300 drones and 30 missiles at Ukraine overnight, the air force said. "
...      "Air defences shot down most of them over the central regions of the country. "
...      "Power was cut to thousands of homes in the Kharkiv region after strikes on substations.")
>>> b = "Our own reporting starts here with a quite different opening line today. " + a
>>> [b[s:e] == a for s, e in shared_passages(b, shingles(a))]
[True]
"""

from __future__ import annotations

import re
from typing import Optional

import numpy as np

from claimdesk.corroborate.copies import SpanShingles, shingles
from claimdesk.language.numerals import SCALES, TEENS, TENS, UNITS
from claimdesk.models import Span

MIN_RUN = 3              # shared sentences in a row
MIN_SENTENCE_WORDS = 8   # shorter sentences ("He said.", a dateline) are not judged
MIN_SHARED = 0.6         # share of a sentence's shingles found in the other text
# One sentence alone is a copy only when long, mostly word for word and in the writer's own voice:
# two outlets' own wordings of one fact share names and phrases, not fifteen words in the same order.
# A sentence that relays a speaker ("…, Ukraine's air force said on Thursday") is left out: every
# outlet restates an official statement in nearly the same few words, and that is no copying.
LONE_SENTENCE_WORDS = 15
LONE_SHARED = MIN_SHARED
# Nor do two outlets' own wordings share several sentences word for word, even short ones apart from
# each other: two versions of one local report ("Paramedics rushed Johnson to Hennepin County Medical
# Center where she died." … "He also has two motor vehicle theft convictions.") share them where an
# editor left them, not in a row. From this many such sentences up, each is copied.
SCATTERED_SENTENCES = 2
COPIER_SHARED = 0.4      # a sentence of a page already carrying a passage of the other text
# a sentence relaying a speaker, on a page crediting the other text's outlet, is copied only when this
# long: "Russia launched 150 drones and 12 missiles at Ukraine overnight, Ukraine's air force said"
# is every outlet's restatement; a 33-word report of what "Brooklynites on Twitter reported" is RT's
CREDITED_RELAY_WORDS = 20
_RELAYS = re.compile(r"\b(?:said|says|say|told|tells|according to|reported|reports|announced|stated|added|"
                     r"confirmed|claimed|wrote|posted|tweeted)\b", re.I)

# double quotation marks anywhere; single ones (Daily Mail style) only where they open or close a
# quotation, so "Sauber's" and "Y'know" are not quotes; a closing one after punctuation ("sorry,'
# she said"), so a plural possessive ("passengers' complaints") is not one either: it had kept a
# 46-word wire sentence a rewrite carried word for word from being judged at all
_QUOTE = re.compile(r"[\"“”«»„]|(?:^|\s)['‘]\w|\w[.,!?]['’](?=\s|$)")
# the words between a pair of marks; a pair around a few words is a name or a scare quote ("a 'town
# square' experience", "“fire and fury”"), not someone's words: the sentence is the writer's own
_QUOTED = re.compile(r"[\"“«„](?=\w)([^\"“”«»„]*)(?:[\"”»]|$)|(?:^|(?<=\s))['‘](?=\w)(.*?)(?:(?<=[\w.,!?])['’](?=[\s,.;:!?)]|$)|$)")
QUOTATION_WORDS = 4
FRAME_WORDS = 12  # the writer's own words around a quotation from which the sentence is theirs to copy
# an embedded post's signature, "— Elon Musk (@elonmusk) December 2, 2017": the post is the up to
# 280 characters before it, a quotation without quotation marks
_POST_SIGNATURE = re.compile(r"[—–-]\s*[^()\n]{1,60}\(@\w{1,30}\)\s*\w+\.? \d{1,2}, \d{4}")
POST_CHARS = 280
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'”’)]*|\n|$)")
_WORD = re.compile(r"\w+")


def embedded_posts(text: str) -> list[Span]:
    """The embedded posts of `text`: up to POST_CHARS characters of its line before each signature."""
    return [(max(0, m.start() - POST_CHARS, text.rfind("\n", 0, m.start()) + 1), m.end())
            for m in _POST_SIGNATURE.finditer(text)]


def sentences(text: str) -> list[Span]:
    """[start, end) of each sentence-like piece of `text` (cut at . ! ? and line breaks)."""
    out = []
    for m in _SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out


def holds_quotation(sentence: str) -> bool:
    """Someone's words in quotation marks: QUOTATION_WORDS words or more between pairs of marks
    ("'He was unresponsive,' the doctor said, 'just a disaster.'"), or a mark that pairs with none,
    in a sentence that is mostly those words and who said them (see `frames_quotation`)."""
    return _is_quotation(_quotation(sentence))


def _is_quotation(found: Optional[tuple[int, int]]) -> bool:
    return found is not None and found[0] >= QUOTATION_WORDS and found[1] < FRAME_WORDS


def _is_framed(found: Optional[tuple[int, int]]) -> bool:
    return found is not None and found[0] >= QUOTATION_WORDS and found[1] >= FRAME_WORDS


def frames_quotation(sentence: str) -> bool:
    """A quotation inside FRAME_WORDS words or more of the writer's own ("Erie County Executive
    Kathy Dahlkemper signed a declaration of disaster emergency which she said would allow "needed
    resources to be obtained.""): the speaker wrote the quotation, the outlet the rest. Such a
    sentence found in the other text counts towards a passage; not found, it breaks none (an outlet
    may word its frame anew around the same quotation)."""
    return _is_framed(_quotation(sentence))


def _quotation(sentence: str) -> Optional[tuple[int, int]]:
    """(words inside quotation marks, words outside), or None with no quotation mark; a mark
    that pairs with none counts the whole sentence as quoted."""
    if not _QUOTE.search(sentence):
        return None
    quoted = [m.group(1) if m.group(1) is not None else m.group(2) or "" for m in _QUOTED.finditer(sentence)]
    words = len(_WORD.findall(sentence))
    if not quoted:
        return words, 0
    inside = sum(len(_WORD.findall(q)) for q in quoted)
    return inside, words - inside


class SentenceShingles:
    """A text's sentences with their shingles, computed once and compared with many other texts."""

    def __init__(self, text: str):
        self.text = text
        self.spans: list[Span] = []
        self.words: list[int] = []
        self.framed: list[bool] = []  # `frames_quotation`: counts when shared, breaks no passage when not
        self.relays: list[bool] = []  # restates a speaker ("…, the air force said")
        self.telling: list[bool] = []  # `tells_something`: names someone or gives a figure
        self.appeals: list[bool] = []  # a stock appeal for information, written alike everywhere
        self.quotations: list[tuple[Span, np.ndarray]] = []  # someone's words: judged only on a version
        parts: list[np.ndarray] = []
        posts = embedded_posts(text)
        read = SpanShingles(text)
        for s, e in sentences(text):
            if any(ps < e and s < pe for ps, pe in posts):
                continue
            sentence = text[s:e]
            words = len(_WORD.findall(sentence))
            if words < MIN_SENTENCE_WORDS:
                continue
            quoted = _quotation(sentence)
            if _is_quotation(quoted):
                self.quotations.append(((s, e), read.of(s, e).astype(np.uint32)))
            else:
                self.spans.append((s, e))
                self.words.append(words)
                self.framed.append(_is_framed(quoted))
                self.relays.append(_RELAYS.search(sentence) is not None)
                self.telling.append(tells_something(sentence))
                self.appeals.append(_APPEAL.search(sentence) is not None)
                parts.append(read.of(s, e).astype(np.uint32))
        self.sizes = np.array([len(p) for p in parts], dtype=np.int64)
        self.all = np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint32)
        self.starts = np.concatenate([[0], np.cumsum(self.sizes)[:-1]]) if parts else np.zeros(0, dtype=np.int64)

    def shares(self, other: np.ndarray) -> Optional[np.ndarray]:
        """Per sentence, the share of its shingles found in `other` (None when nothing is shared)."""
        if not self.spans or not len(other):
            return None
        other = other.astype(np.uint32, copy=False)
        if np.all(other[1:] > other[:-1]):  # sorted and unique, as `shingles` gives: look up, don't sort
            found = _found(self.all, other)
        else:
            found = np.isin(self.all, other)
        if not found.any():
            return None
        return np.add.reduceat(found.astype(np.int64), self.starts) / np.maximum(self.sizes, 1)

    def shared(self, other: np.ndarray, credited: bool = False) -> list[tuple[Span, int]]:
        """Passages shared with `other` (span, sentence count), then sentences copied nearly word for
        word (`shared_sentences`, count 1), or, on a page that is a version of the other text, its
        other sentences close to one of it (count 0); `other`'s shingles are looked up once for all.
        `credited`: the page credits the other text's outlet somewhere, so any of its sentences
        found nearly word for word there came from it, relays of a speaker and short ones too."""
        hits = self.shares(other)
        if hits is None:
            return []
        runs = self.shared_runs(other, hits)
        copied = runs or [(span, 1) for span in self.shared_sentences(other, hits, credited)]
        if not runs and not self._a_version(hits):
            return copied
        # a page carrying a passage of the other text, or several of its own sentences, is a version
        # of it: its other sentences close to the other text (COPIER_SHARED of their shingles) are
        # copied or lightly edited too, short ones and relays of a speaker included ("They said Nature
        # Air had provided a passenger list"), and so are the quotations it prints word for word as
        # the other text does (one wire story's two versions quote a player alike)
        inside = [span for span, _ in copied]
        close = [span for span, h in zip(self.spans, hits.tolist()) if h >= COPIER_SHARED]
        if self.quotations:
            sorted_other = np.unique(other.astype(np.uint32))
            close += [span for span, mine in self.quotations if _share(mine, sorted_other) >= MIN_SHARED]
        return copied + [(span, 0) for span in sorted(close) if not any(s <= span[0] and span[1] <= e for s, e in inside)]

    def _own_word_for_word(self, hits: np.ndarray) -> list[int]:
        """Sentences of the writer's own (no relay of a speaker) found nearly word for word."""
        return [i for i, h in enumerate(hits.tolist()) if h >= LONE_SHARED and not self.relays[i]]

    def _a_version(self, hits: np.ndarray) -> bool:
        """`SCATTERED_SENTENCES` of the writer's own sentences found nearly word for word, no appeal for
        information among them, and one at least telling something (a name or a figure): two local
        reports of one fire share "The cause of the fire is under investigation." and a tip-line
        appeal without one being a version of the other; a district attorney's release and a local
        site printing it share "The defendant was arrested five buildings away on 223rd Street
        shortly before midnight." and "The killer was hiding behind the apartment's front door."."""
        own = [i for i in self._own_word_for_word(hits) if not self.appeals[i]]
        return len(own) >= SCATTERED_SENTENCES and any(self.telling[i] for i in own)

    def shared_sentences(self, other: np.ndarray, hits: Optional[np.ndarray] = None, credited: bool = False) -> list[Span]:
        """Long sentences found nearly word for word in the text of shingle set `other`, and the
        short ones too when `SCATTERED_SENTENCES` of the writer's own are; when the page credits
        the other text's outlet, any sentence close to one of it (COPIER_SHARED)."""
        hits = self.shares(other) if hits is None else hits
        if hits is None:
            return []
        own = set(self._own_word_for_word(hits)) if self._a_version(hits) else set()
        out = []
        for i, (span, words, h) in enumerate(zip(self.spans, self.words, hits.tolist())):
            if self.relays[i]:  # a speaker's words restated: copied only when long and nearly word for word
                copied = credited and words >= CREDITED_RELAY_WORDS and h >= LONE_SHARED
            else:
                copied = ((credited and h >= COPIER_SHARED) or (words >= LONE_SENTENCE_WORDS and h >= LONE_SHARED)
                          or i in own)
            if copied:
                out.append(span)
        return out

    def shared_runs(self, other: np.ndarray, hits: Optional[np.ndarray] = None) -> list[tuple[Span, int]]:
        """Passages ([start, end), sentence count) shared with a text of shingle set `other`."""
        if len(self.spans) < MIN_RUN:
            return []
        hits = self.shares(other) if hits is None else hits
        if hits is None:
            return []
        shared = hits >= MIN_SHARED
        out, run = [], []
        for i, ok in enumerate(shared.tolist()):
            if ok:
                run.append(i)
                continue
            if self.framed[i]:
                continue
            if len(run) >= MIN_RUN:
                out.append(((self.spans[run[0]][0], self.spans[run[-1]][1]), len(run)))
            run = []
        if len(run) >= MIN_RUN:
            out.append(((self.spans[run[0]][0], self.spans[run[-1]][1]), len(run)))
        return out


def _found(mine: np.ndarray, other: np.ndarray) -> np.ndarray:
    """Which of shingles `mine` are in the sorted unique shingles `other` (both 32-bit)."""
    at = np.searchsorted(other, mine)
    at[at == len(other)] = 0
    return other[at] == mine


def _share(mine: np.ndarray, other: np.ndarray) -> float:
    """The share of shingles `mine` found in the sorted unique shingles `other`."""
    return float(_found(mine, other).mean()) if len(mine) and len(other) else 0.0


# a figure in words ("two", "dozens", "thousands"); "one" is too common to tell anything
_NUMBER_WORDS = re.compile(r"\b(?:%s|dozen|hundred)s?\b" % "|".join(
    sorted(({**UNITS, **TEENS, **TENS, **SCALES}.keys()) - {"one"})), re.I)
_APPEAL = re.compile(r"\banyone with (?:any )?information\b|\b(?:is|are) (?:asked|urged|encouraged) to (?:call|contact)\b",
                     re.I)


def tells_something(sentence: str) -> bool:
    """Names someone or somewhere (a capitalised word inside the sentence) or gives a figure: a stock
    line ("The cause of the fire is under investigation.") is written alike by outlets that never
    saw each other's pages."""
    inside = sentence.split(maxsplit=1)[1] if " " in sentence.strip() else ""
    return bool(re.search(r"\d", sentence) or re.search(r"\b[A-Z][a-z]", inside)
                or _NUMBER_WORDS.search(sentence))  # the costly search last


def shared_passages(text: str, other: np.ndarray) -> list[Span]:
    return [span for span, _ in SentenceShingles(text).shared_runs(other)]
