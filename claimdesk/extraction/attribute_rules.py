"""spaCy's attribute rules (the model's `attribute_ruler`: coarse part of speech, morphology and a few
lemmas from the tagger's tags, words and dependencies) applied by lookup instead of by `Matcher`.

Written by hand because spaCy's ruler runs its `Matcher` over every token for each of the model's
179 patterns, which cost an eighth of the whole parse. Nearly all of them test one token's tag, word,
dependency or space flag: the patterns a word lets through are looked up by the word (most list theirs),
and which of those the token's tag, dependency and space flag let through is worked out once per distinct
set and context. The few patterns of two tokens are checked where their first token matches.
The result is the ruler's exactly (`tests/test_attribute_rules.py` compares every token's annotations
on real articles): the same patterns read from the loaded model, the same attribute sets applied to
the same tokens in the ruler's order (a later pattern's attributes win), through spaCy's own
`set_token_attrs`. A model whose patterns use anything else (operators, other attributes) keeps
spaCy's ruler (`AttributeRules.covers`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Optional

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

RULER = "attribute_ruler"
NAME = "claimdesk_attribute_rules"
_READ = ("LOWER", "TAG", "DEP", "IS_SPACE")  # the token attributes a covered pattern may test

Signature = tuple[str, str, str, bool]  # a token's lower form, tag, dependency label, space flag
Context = tuple[str, str, bool]  # the same without the word
_CONTEXT = ("TAG", "DEP", "IS_SPACE")  # the attributes of a Context, in its order
REMEMBERED = 100_000  # words (and token signatures) whose rules are remembered; past it, forgotten


# The tests are small classes rather than lambdas so that the pipeline pickles (spaCy's multiprocessing
# under the spawn and forkserver start methods sends it to its workers).
@dataclass(frozen=True)
class _Equals:
    wanted: Any

    def __call__(self, value: Any) -> bool:
        return value == self.wanted


@dataclass(frozen=True)
class _Among:
    members: frozenset[str]
    outside: bool = False  # NOT_IN

    def __call__(self, value: str) -> bool:
        return (value in self.members) != self.outside


@dataclass(frozen=True)
class _Searched:
    pattern: re.Pattern

    def __call__(self, value: str) -> bool:
        return self.pattern.search(value) is not None


Test = Callable[[Any], bool]


def _test_of(attribute: str, wanted: Any) -> Optional[Test]:
    """The test of one token attribute's value as spaCy's Matcher reads it; None for a form not covered."""
    if attribute == "IS_SPACE":
        return _Equals(wanted) if isinstance(wanted, bool) else None
    if isinstance(wanted, str):
        return _Equals(wanted)
    if not isinstance(wanted, dict) or len(wanted) != 1:
        return None
    (operator, listed), = wanted.items()
    if operator in ("IN", "NOT_IN") and isinstance(listed, list):
        return _Among(frozenset(listed), operator == "NOT_IN")
    if operator == "REGEX" and isinstance(listed, str):
        return _Searched(re.compile(listed))
    return None


@dataclass(frozen=True)
class _ContextTest:
    tests: tuple[tuple[int, Test], ...]  # (place in the Context, test)

    def __call__(self, context: Context) -> bool:
        return all(test(context[at]) for at, test in self.tests)


@dataclass(frozen=True)
class _TokenTest:
    """One token of a pattern: a test of its word (None: any word) and one of its context (tag,
    dependency, space flag; None: any), each of the values it reads."""

    word: Optional[Test]
    context: Optional[_ContextTest]
    words: Optional[frozenset[str]]  # the words the word test lets through, when it lists them

    @classmethod
    def of(cls, token_pattern: dict) -> Optional["_TokenTest"]:
        if not token_pattern:
            return None
        word, words, context = None, None, []
        for attribute, wanted in token_pattern.items():
            test = _test_of(attribute, wanted) if attribute in _READ else None
            if test is None:
                return None
            if attribute == "LOWER":
                word = test
                if isinstance(wanted, str):
                    words = frozenset([wanted])
                elif "IN" in wanted:
                    words = frozenset(wanted["IN"])
            else:
                context.append((_CONTEXT.index(attribute), test))
        return cls(word, _ContextTest(tuple(context)) if context else None, words)

    def __call__(self, sig: Signature) -> bool:
        return (self.word is None or self.word(sig[0])) and (self.context is None or self.context(sig[1:]))


class AttributeRules:
    """The loaded model's attribute ruler, applied by lookup (see the module's note). It keeps the ruler it
    stands in for: saving the pipeline saves the ruler's patterns, loading reads them back."""

    def __init__(self, ruler: AttributeRuler):
        self.ruler = ruler
        self._read(ruler)

    def _read(self, ruler: AttributeRuler) -> None:
        self._attrs = list(ruler.attrs)  # normalised, as the ruler applies them
        self._single: list[tuple[int, _TokenTest]] = []  # (rule, test) of the one-token patterns
        self._multi: list[tuple[int, int, list[_TokenTest]]] = []  # (rule, token the rule sets, tests)
        for rule, pattern in enumerate(ruler.patterns):
            for token_patterns in pattern["patterns"]:
                tests = [_TokenTest.of(p) for p in token_patterns]
                if not tests or any(t is None for t in tests):
                    raise ValueError(f"attribute rule {rule} is not covered: {token_patterns}")
                index = pattern["index"]
                if not -len(tests) <= index < len(tests):
                    raise ValueError(f"attribute rule {rule} sets token {index} of {len(tests)}")
                if len(tests) == 1:
                    self._single.append((rule, tests[0]))
                else:
                    self._multi.append((rule, index % len(tests), tests))
        # What a token's word alone lets through (the rules without a word test always pass it), then
        # which of those its context lets through: a word is worked out once, a context once per such set.
        self._any_word = tuple(k for k, (_, test) in enumerate(self._single) if test.word is None)
        self._listing: dict[str, list[int]] = {}  # word -> the rules whose word test lists it
        for k, (_, test) in enumerate(self._single):
            for listed in test.words or ():
                self._listing.setdefault(listed, []).append(k)
        # rules whose word test lists no words (a regular expression, NOT_IN): tried on each new word
        self._open_word = tuple(k for k, (_, test) in enumerate(self._single)
                                if test.word is not None and test.words is None)
        self._passed_by_word: dict[str, tuple[int, ...]] = {}
        self._rules_of: dict[tuple[Context, tuple[int, ...]], tuple[int, ...]] = {}
        self._opens: dict[Signature, tuple[int, ...]] = {}  # the multi-token patterns a token can open
        self._merged: dict[tuple[int, ...], dict] = {}

    def to_disk(self, path, *, exclude=()) -> None:
        self.ruler.to_disk(path, exclude=exclude)

    def from_disk(self, path, *, exclude=()) -> "AttributeRules":
        self.ruler.from_disk(path, exclude=exclude)
        self._read(self.ruler)
        return self

    def to_bytes(self, *, exclude=()) -> bytes:
        return self.ruler.to_bytes(exclude=exclude)

    def from_bytes(self, data: bytes, *, exclude=()) -> "AttributeRules":
        self.ruler.from_bytes(data, exclude=exclude)
        self._read(self.ruler)
        return self

    @classmethod
    def covers(cls, ruler: AttributeRuler) -> bool:
        try:
            cls(ruler)
        except ValueError:
            return False
        return True

    def __call__(self, doc: Doc) -> Doc:
        signatures = [(t.lower_, t.tag_, t.dep_, t.is_space) for t in doc]
        extra: dict[int, list[int]] = {}
        if self._multi:
            for start, sig in enumerate(signatures):
                for k in self._first_tests(sig):
                    rule, target, tests = self._multi[k]
                    if start + len(tests) <= len(signatures) and all(
                            test(signatures[start + j]) for j, test in enumerate(tests[1:], 1)):
                        extra.setdefault(start + target, []).append(rule)
        for i, sig in enumerate(signatures):
            rules = self._one_token_rules(sig)
            if i in extra:
                rules = tuple(sorted(rules + tuple(extra[i])))
            if rules:
                set_token_attrs(doc[i], self._merged_attrs(rules))
        return doc

    def _one_token_rules(self, sig: Signature) -> tuple[int, ...]:
        """The one-token rules matching the token, in the ruler's order."""
        word = self._passed_by_word.get(sig[0])
        if word is None:
            if len(self._passed_by_word) >= REMEMBERED:
                self._passed_by_word.clear()
            word = self._passed_by_word[sig[0]] = tuple(sorted(
                self._any_word + tuple(self._listing.get(sig[0], ()))
                + tuple(k for k in self._open_word if self._single[k][1].word(sig[0]))))
        key = (sig[1:], word)
        rules = self._rules_of.get(key)
        if rules is None:
            if len(self._rules_of) >= REMEMBERED:
                self._rules_of.clear()
            rules = self._rules_of[key] = tuple(rule for rule, test in (self._single[k] for k in word)
                                                if test.context is None or test.context(sig[1:]))
        return rules

    def _first_tests(self, sig: Signature) -> tuple[int, ...]:
        opens = self._opens.get(sig)
        if opens is None:
            if len(self._opens) >= REMEMBERED:
                self._opens.clear()
            opens = self._opens[sig] = tuple(k for k, (_, _, tests) in enumerate(self._multi) if tests[0](sig))
        return opens

    def _merged_attrs(self, rules: tuple[int, ...]) -> dict:
        """The attributes the rules set, in the ruler's order: where two set one attribute, the later
        rule's value is the one left (the ruler applies them one after the other)."""
        merged = self._merged.get(rules)
        if merged is None:
            if len(self._merged) >= REMEMBERED:
                self._merged.clear()
            merged = {}
            for rule in rules:
                merged.update(self._attrs[rule])
            self._merged[rules] = merged
        return merged


@Language.factory(NAME)
def make_attribute_rules(nlp: Language, name: str) -> AttributeRules:
    """The lookup of the pipeline's ruler; of an empty ruler when the pipeline is loaded from disk (its
    patterns are then read back by `from_disk`)."""
    ruler = nlp.get_pipe(RULER) if RULER in nlp.pipe_names else AttributeRuler(nlp.vocab, name=RULER)
    return AttributeRules(ruler)


def use_attribute_rules(nlp: Language) -> None:
    """Put the lookup in the place of the model's ruler, when the model has one it covers."""
    if RULER in nlp.pipe_names and AttributeRules.covers(nlp.get_pipe(RULER)):
        nlp.add_pipe(NAME, after=RULER)
        nlp.remove_pipe(RULER)
