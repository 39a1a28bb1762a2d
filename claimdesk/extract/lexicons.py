"""Word lists the spaCy extractor matches on, read once from data/lexicons.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Lexicons:
    event_types: dict[str, frozenset[str]]
    event_priority: tuple[str, ...]
    phrasal_events: dict[str, tuple[tuple[str, str], ...]]
    cue_verbs: frozenset[str]
    cue_verbs_any_object: frozenset[str]
    cue_nouns: frozenset[str]
    denial_cues: frozenset[str]
    hedge_cue_verbs: frozenset[str]
    hedge_words: frozenset[str]
    hedge_phrases: tuple[str, ...]
    anonymous_heads: frozenset[str]
    anonymous_modifiers: frozenset[str]
    vague_heads: frozenset[str]
    organization_heads: frozenset[str]
    opinion_words: frozenset[str]

    def event_of(self, lemma: str) -> list[str]:
        """Event types whose lexicon holds `lemma`, most specific first."""
        return [kind for kind in self.event_priority if lemma in self.event_types.get(kind, ())]


@lru_cache(maxsize=None)
def lexicons() -> Lexicons:
    raw = json.loads(resources.files("claimdesk.extract").joinpath("data/lexicons.json").read_text("utf-8"))
    words = lambda key: frozenset(w.lower() for w in raw[key])  # noqa: E731
    return Lexicons(
        event_types={k: frozenset(v) for k, v in raw["event_types"].items()},
        event_priority=tuple(raw["event_priority"]),
        phrasal_events={k: tuple(tuple(p) for p in v) for k, v in raw["phrasal_events"].items()},
        cue_verbs=words("cue_verbs") | words("cue_verbs_any_object"),
        cue_verbs_any_object=words("cue_verbs_any_object"),
        cue_nouns=words("cue_nouns"),
        denial_cues=words("denial_cues"),
        hedge_cue_verbs=words("hedge_cue_verbs"),
        hedge_words=words("hedge_words"),
        hedge_phrases=tuple(p.lower() for p in raw["hedge_phrases"]),
        anonymous_heads=words("anonymous_heads"),
        anonymous_modifiers=words("anonymous_modifiers"),
        vague_heads=words("vague_heads"),
        organization_heads=words("organization_heads"),
        opinion_words=words("opinion_words"),
    )
