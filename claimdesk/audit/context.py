"""What every check needs about one document, computed once: lines, paragraphs, sentences.

Checks receive an `AuditContext` and build findings through `ctx.finding(...)`, which turns
character spans into 1-based line numbers without rescanning the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Optional

from claimdesk.models import Document, Finding, Related, Severity, Span, line_starts

QUOTE_MAX = 300

# A sentence ends at . ! ? (plus closing quotes/brackets) before whitespace and a capital,
# digit or opening quote; a few abbreviations news writing uses do not end one.
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt capt cmdr adm maj sen rep gov pres st jr sr inc co corp ltd "
    "no vs etc jan feb mar apr aug sept sep oct nov dec u.s u.k u.n a.m p.m d.c e.g i.e ft mt rev".split()
)
_WORDS = re.compile(r"[^\W_]+")


@dataclass
class AuditContext:
    document: Document
    text: str = field(init=False)

    def __post_init__(self) -> None:
        self.text = self.document.text

    @cached_property
    def line_starts(self) -> list[int]:
        return line_starts(self.text)

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)

    @cached_property
    def paragraphs(self) -> list[Span]:
        """Non-blank lines, trimmed: the sample articles put one paragraph on each line."""
        spans = []
        for m in re.finditer(r"[^\n]+", self.text):
            start, end = m.span()
            chunk = m.group()
            stripped = chunk.strip()
            if not stripped:
                continue
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((start + lead, start + lead + len(stripped)))
        return spans

    @cached_property
    def sentences(self) -> list[Span]:
        """Cheap sentence spans inside paragraphs; good enough to scope the checks."""
        out: list[Span] = []
        text = self.text
        for p_start, p_end in self.paragraphs:
            start = p_start
            para = text[p_start:p_end]
            for m in _SENTENCE_END.finditer(para):
                if m.group()[0] == "." and _is_abbreviation(para[para.rfind(" ", 0, m.start()) + 1:m.start()]):
                    continue
                end = p_start + m.end()
                out.append((start, end))
                start = end
                while start < p_end and text[start].isspace():
                    start += 1
            if start < p_end:
                out.append((start, p_end))
        return out

    @cached_property
    def lower(self) -> str:
        """The text lower-cased, offset for offset (a character whose lower case is longer is kept)."""
        low = self.text.lower()
        if len(low) != len(self.text):
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in self.text)
        return low

    @cached_property
    def paragraph_words(self) -> list[list[str]]:
        """The lower-cased words (runs of letters and digits) of each paragraph."""
        low = self.lower
        return [_WORDS.findall(low, s, e) for s, e in self.paragraphs]

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """The lower-cased words in the text. Checks use it to skip, at the cost of a set look-up,
        every document and sentence that cannot hold what they look for."""
        return frozenset().union(*self.paragraph_words)

    def positions(self, words: frozenset[str] | set[str]) -> list[int]:
        """Sorted start offsets of any of `words` (lower case) as whole words."""
        low = self.lower
        out = []
        for word in self.vocabulary & words:
            n = len(word)
            at = low.find(word)
            while at >= 0:
                before = low[at - 1] if at else " "
                after = low[at + n] if at + n < len(low) else " "
                if not (before.isalnum() or after.isalnum()):
                    out.append(at)
                at = low.find(word, at + n)
        out.sort()
        return out

    def sentences_with(self, words: frozenset[str] | set[str]) -> list[int]:
        """Indices of the sentences holding any of `words`, in order."""
        return sorted({self.sentence_index(p) for p in self.positions(words)})

    def sentence_index(self, offset: int) -> int:
        starts = self._sentence_starts
        return max(0, bisect.bisect_right(starts, offset) - 1)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def finding(
        self, kind: str, severity: Severity, span: Span, message: str,
        related: Optional[Span] = None, quote: Optional[str] = None,
    ) -> Finding:
        start, end = span
        last = max(start, end - 1)
        rel = None
        if related is not None:
            rel = Related(line=self.line_of(related[0]), end_line=self.line_of(max(related[0], related[1] - 1)),
                          span=related)
        if quote is None:
            quote = self.text[start:end]
            if len(quote) > QUOTE_MAX:
                quote = quote[:QUOTE_MAX - 1].rstrip() + "…"
        return Finding(kind=kind, severity=severity, line=self.line_of(start), end_line=self.line_of(last),
                       span=span, quote=quote, message=message, related=rel)


def _is_abbreviation(word: str) -> bool:
    w = word.lower().lstrip("(\"'“‘").rstrip(".")
    return w in _ABBREVIATIONS or len(w) == 1
