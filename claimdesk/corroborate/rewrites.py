"""Pages that retell another page sentence by sentence in other words.

A rewrite site's spun copy of a press release ("the smoke rings need an area of calm water … which
itself is pretty unique" for "require … quite unusual", "whirlpools" for "eddies") swaps a word
every few words, so it shares few 5-word shingles with its source and neither `copies` nor
`passages` sees it; yet every fact on it is the source's. Two outlets writing up one event
independently share names and topic words, but not most of their sentences' words, one sentence
after another, in the same order.

A page is a rewrite of an earlier page when, among its sentences in its own voice (quotations left
out: outlets quote one speaker's words independently) with `MIN_WORDS` content words or more, at
least `MIN_SENTENCES` and `MIN_SHARE` of them each find a sentence of the earlier page holding
`SENTENCE_SHARE` of their content words, and those sentences follow the earlier page's order
(`MIN_IN_ORDER` of them along one increasing run). The word lists are pre-checked on the whole
page first (`PAGE_SHARE`), so unrelated pages of one event cluster cost one set intersection.

A page drawn from several pages (a rewrite site mixing a paper's and a tabloid's reports) retells
each in part and in its own order: when `MIN_RETOLD` of its judged sentences and `MIN_SHARE` of
them each retell a sentence of some earlier page, each of those sentences is that page's
(`RewriteText.retold`). Set on news_cluster's development events, where the pages it finds are
wire stories on several sites.

>>> source = ("The ocean is full of eddies, swirling motions some tens to hundreds of kilometres across, which mix the water. "
...           "Researchers spotted a pair of eddies spinning in opposite directions across the Tasman Sea. "
...           "The pair travelled together for six months before breaking up near New Zealand. "
...           "Such paired eddies could carry small marine creatures over long distances at high speed. "
...           "The team used satellite measurements of sea level taken over twenty years.")
>>> spun = ("Though the ocean is full of eddies, waving motions some tens to hundreds of kilometers across, which combine the water. "
...         "Researchers observed a pair of whirlpools spinning in opposite directions across the Tasman Sea. "
...         "The pair travelled concurrently for six months before breaking up near New Zealand. "
...         "Such paired whirlpools could carry small aquatic creatures over long distances at high speed. "
...         "The team used satellite measurements of ocean level taken over twenty years.")
>>> RewriteText(spun).rewrites(RewriteText(source))
5
>>> RewriteText("Officials said the bridge would reopen in March after repairs to its deck and railings. " * 5).rewrites(RewriteText(source))
0
"""

from __future__ import annotations

import bisect
import re

from claimdesk.corroborate.passages import holds_quotation, sentences

MIN_WORDS = 6          # content words a sentence needs to be judged
SENTENCE_SHARE = 0.6   # of a sentence's content words, found in one sentence of the other page
MIN_SENTENCES = 4      # sentences retold
MIN_SHARE = 0.5        # of the page's judged sentences
MIN_IN_ORDER = 0.75    # of the retold sentences, along one increasing run of the source's order
PAGE_SHARE = 0.35      # of the page's content words found anywhere on the other page: the pre-check
MIN_RETOLD = 6         # sentences retold from several pages (`RewriteText.retold`), in any order
OWN_SHARE = 0.35       # of a sentence's content words found anywhere on the page it retells, below which it is new

_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|\d[\d,.]*\d|\d")  # read on lower-cased text, ’ folded to '
# the function words and reporting verbs every English news page has
_STOP = frozenset("""a an the and or but if of in on at to for from by with as is are was were be been being has
have had do does did this that these those it its it's he she they them their his her him we us our you your
i me my not no so than then there here which who whom whose what when where while after before about over
under into onto out up down off also just only more most some any all each both such can could would should
will may might must said says say told according very much many one two three""".split())


# a time stamp ("Last updated on: November 11, 2011 19:04 IST") shares its words with every other
# page's: its figures and stamp words tell nothing
_NOT_TELLING = frozenset({"updated", "published", "posted", "last", "ist", "gmt", "est", "utc", "am", "pm"})


def _telling(words: frozenset[str]) -> int:
    """How many of a sentence's content words are neither figures nor time-stamp words."""
    return sum(not w[0].isdigit() for w in words - _NOT_TELLING)


class RewriteText:
    """A page's sentences as sets of content words, computed once and compared with many pages."""

    def __init__(self, text: str):
        self.judged: list[frozenset[str]] = []   # its own-voice sentences with MIN_WORDS content words
        self.spans: list[tuple[int, int]] = []   # where each judged sentence is
        self.all: list[frozenset[str]] = []      # every sentence, in order (a source's sentences)
        folded = text.lower().replace("’", "'")
        if len(folded) != len(text):  # a letter whose lower case is longer ("İ"): fold sentence by sentence
            folded = None
        for start, end in sentences(text):
            low = folded[start:end] if folded is not None else text[start:end].lower().replace("’", "'")
            words = frozenset(_WORD.findall(low)) - _STOP
            self.all.append(words)
            if len(words) >= MIN_WORDS and _telling(words) >= MIN_WORDS and not holds_quotation(text[start:end]):
                self.judged.append(words)
                self.spans.append((start, end))
        self.words = frozenset().union(*self.all) if self.all else frozenset()
        self._page_words = frozenset().union(*self.judged) if self.judged else frozenset()

    def rewrites(self, source: "RewriteText") -> int:
        """How many of this page's sentences retell `source`'s, in its order; 0 unless enough of them
        do for the page to be a rewrite of it."""
        if len(self.judged) < MIN_SENTENCES or not self._near(source):
            return 0
        found = self._matches([(None, source)], MIN_SENTENCES)
        matched = [where for _, _, where in found]
        if _longest_increasing(matched) < MIN_IN_ORDER * len(matched):
            return 0
        return len(matched)

    def retold(self, sources: list[tuple[str, "RewriteText"]]) -> list[tuple[tuple[int, int], str]]:
        """Sentences of this page that retell a sentence of one of `sources` (id, text; earliest
        first), each with the source holding most of its words, when the page is mostly made of
        them (`MIN_RETOLD` and `MIN_SHARE` of its judged sentences): a rewrite site's page drawn
        from several outlets' reports. Empty otherwise."""
        if len(self.judged) < MIN_RETOLD:
            return []
        near = [(i, t) for i, t in sources if self._near(t)]
        return [(span, source) for span, source, _ in self._matches(near, MIN_RETOLD)] if near else []

    def own_lines(self, source: "RewriteText") -> list[tuple[int, int]]:
        """Spans of this page's judged sentences that tell what `source` does not: most of their content words
        are nowhere on it (a retelling's new line, "Russia's defence ministry has maintained that it struck a
        'training centre for foreign mercenaries'", on a page otherwise retelling a page that never said so)."""
        return [span for span, words in zip(self.spans, self.judged)
                if len(words & source.words) < OWN_SHARE * len(words)]

    def _near(self, source: "RewriteText") -> bool:
        return bool(self._page_words) and len(self._page_words & source.words) >= PAGE_SHARE * len(self._page_words)

    def _matches(self, sources: list, least: int) -> list[tuple[tuple[int, int], object, int]]:
        """(span, source id, sentence index in the source) of each judged sentence that retells a
        sentence of `sources`, when at least `least` and `MIN_SHARE` of them do; else empty (and
        given up as soon as that is out of reach)."""
        need_all = max(least, MIN_SHARE * len(self.judged))
        vocabulary = frozenset().union(*(t.words for _, t in sources))
        found: list[tuple[tuple[int, int], object, int]] = []
        for n, (span, words) in enumerate(zip(self.spans, self.judged)):
            if len(found) + len(self.judged) - n < need_all:
                return []
            need = SENTENCE_SHARE * len(words)
            if len(words & vocabulary) < need:
                continue
            best, source, where = 0, None, -1
            for source_id, text in sources:
                for i, other in enumerate(text.all):
                    shared = len(words & other)
                    if shared > best:
                        best, source, where = shared, source_id, i
            if best >= need:
                found.append((span, source, where))
        return found if len(found) >= need_all else []


def _longest_increasing(values: list[int]) -> int:
    """Length of the longest non-decreasing run (not necessarily contiguous) of `values`."""
    tails: list[int] = []
    for v in values:
        i = bisect.bisect_right(tails, v)
        if i == len(tails):
            tails.append(v)
        else:
            tails[i] = v
    return len(tails)
