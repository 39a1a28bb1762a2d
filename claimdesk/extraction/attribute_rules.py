"""spaCy's attribute rules (the model's `attribute_ruler`: coarse part of speech, morphology and a few
lemmas from the tagger's tags, words and dependencies) applied by lookup instead of by `Matcher`.

Written by hand because spaCy's ruler runs its `Matcher` over every token for each of the model's
179 patterns, which cost an eighth of the whole parse; nearly all of them test one token's tag, word,
dependency or space flag, so what matches a token is a function of those four values and is worked out
once per distinct four. The few patterns of two tokens are checked where their first token matches.
The result is the ruler's exactly (`tests/test_attribute_rules.py` compares every token's annotations
on real articles): the same patterns read from the loaded model, the same attribute sets applied to
the same tokens in the ruler's order (a later pattern's attributes win), through spaCy's own
`set_token_attrs`. A model whose patterns use anything else (operators, other attributes) keeps
spaCy's ruler (`AttributeRules.covers`).
"""

from __future__ import annotations

import re
from typing import Any, Callable, Optional

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

RULER = "attribute_ruler"
NAME = "claimdesk_attribute_rules"
_READ = ("LOWER", "TAG", "DEP", "IS_SPACE")  # the token attributes a covered pattern may test

Signature = tuple[str, str, str, bool]  # a token's lower form, tag, dependency label, space flag
Test = Callable[[Signature], bool]


def _test_of(attribute: str, wanted: Any) -> Optional[Test]:
    """The test of one token attribute as spaCy's Matcher reads it; None for a form not covered."""
    if attribute not in _READ:
        return None
    at = _READ.index(attribute)
    if attribute == "IS_SPACE":
        return (lambda sig: sig[at] == wanted) if isinstance(wanted, bool) else None
    if isinstance(wanted, str):
        return lambda sig: sig[at] == wanted
    if not isinstance(wanted, dict) or len(wanted) != 1:
        return None
    (operator, value), = wanted.items()
    if operator == "IN" and isinstance(value, list):
        members = frozenset(value)
        return lambda sig: sig[at] in members
    if operator == "NOT_IN" and isinstance(value, list):
        members = frozenset(value)
        return lambda sig: sig[at] not in members
    if operator == "REGEX" and isinstance(value, str):
        pattern = re.compile(value)
        return lambda sig: pattern.search(sig[at]) is not None
    return None


def _token_test(token_pattern: dict) -> Optional[Test]:
    tests = [_test_of(attribute, wanted) for attribute, wanted in token_pattern.items()]
    if not tests or any(t is None for t in tests):
        return None
    return lambda sig: all(t(sig) for t in tests)


class AttributeRules:
    """The loaded model's attribute ruler, applied by lookup (see the module's note)."""

    def __init__(self, ruler: AttributeRuler):
        self._attrs = list(ruler.attrs)  # normalised, as the ruler applies them
        self._single: list[tuple[int, Test]] = []  # (rule, test) of the one-token patterns
        self._multi: list[tuple[int, int, list[Test]]] = []  # (rule, token the rule sets, tests)
        for rule, pattern in enumerate(ruler.patterns):
            for token_patterns in pattern["patterns"]:
                tests = [_token_test(p) for p in token_patterns]
                if not tests or any(t is None for t in tests):
                    raise ValueError(f"attribute rule {rule} is not covered: {token_patterns}")
                index = pattern["index"]
                if not -len(tests) <= index < len(tests):
                    raise ValueError(f"attribute rule {rule} sets token {index} of {len(tests)}")
                if len(tests) == 1:
                    self._single.append((rule, tests[0]))
                else:
                    self._multi.append((rule, index % len(tests), tests))
        self._rules_of: dict[Signature, tuple[int, ...]] = {}
        self._first_of: dict[Signature, tuple[int, ...]] = {}  # the multi-token patterns a token can open
        self._merged: dict[tuple[int, ...], dict] = {}

    @classmethod
    def covers(cls, ruler: AttributeRuler) -> bool:
        try:
            cls(ruler)
        except ValueError:
            return False
        return True

    def __call__(self, doc: Doc) -> Doc:
        signatures = [(t.lower_, t.tag_, t.dep_, t.is_space) for t in doc]
        rules_at = [self._one_token_rules(sig) for sig in signatures]
        extra: dict[int, list[int]] = {}
        for start, sig in enumerate(signatures):
            for k in self._first_tests(sig):
                rule, target, tests = self._multi[k]
                end = start + len(tests)
                if end <= len(signatures) and all(test(signatures[start + j]) for j, test in enumerate(tests[1:], 1)):
                    extra.setdefault(start + target, []).append(rule)
        for i, rules in enumerate(rules_at):
            if i in extra:
                rules = tuple(sorted(rules + tuple(extra[i])))
            if rules:
                set_token_attrs(doc[i], self._merged_attrs(rules))
        return doc

    def _one_token_rules(self, sig: Signature) -> tuple[int, ...]:
        rules = self._rules_of.get(sig)
        if rules is None:
            rules = self._rules_of[sig] = tuple(rule for rule, test in self._single if test(sig))
        return rules

    def _first_tests(self, sig: Signature) -> tuple[int, ...]:
        opens = self._first_of.get(sig)
        if opens is None:
            opens = self._first_of[sig] = tuple(k for k, (_, _, tests) in enumerate(self._multi) if tests[0](sig))
        return opens

    def _merged_attrs(self, rules: tuple[int, ...]) -> dict:
        """The attributes the rules set, in the ruler's order: where two set one attribute, the later
        rule's value is the one left (the ruler applies them one after the other)."""
        merged = self._merged.get(rules)
        if merged is None:
            merged = {}
            for rule in rules:
                merged.update(self._attrs[rule])
            self._merged[rules] = merged
        return merged


@Language.factory(NAME)
def make_attribute_rules(nlp: Language, name: str) -> AttributeRules:
    return AttributeRules(nlp.get_pipe(RULER))


def use_attribute_rules(nlp: Language) -> None:
    """Put the lookup in the place of the model's ruler, when the model has one it covers."""
    if RULER in nlp.pipe_names and AttributeRules.covers(nlp.get_pipe(RULER)):
        nlp.add_pipe(NAME, after=RULER)
        nlp.remove_pipe(RULER)
