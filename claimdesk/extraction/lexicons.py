"""Word lists the spaCy extractor matches on, read once from data/lexicons.json."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources


@dataclass(frozen=True)
class CueFilter:
    """A logistic model over `attribution.cue_features`, learnt on PolNeAR train: keeps a cue
    when the chance that it is an attribution reaches `threshold`. No weights: keeps all."""
    weights: dict = field(default_factory=dict)
    threshold: float = 0.0

    def score(self, features: list[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keeps(self, features: list[str]) -> bool:
        return not self.weights or self.score(features) >= self.threshold


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
    speaker_nouns: frozenset[str]
    intention_verbs: frozenset[str]
    attitude_adjectives: frozenset[str]
    clause_verbs_excluded: frozenset[str]
    agent_nouns: frozenset[str]
    document_nouns: frozenset[str]
    non_agent_heads: frozenset[str]
    speaker_places: frozenset[str]
    outlets: frozenset[str]
    not_agent_er_words: frozenset[str]
    cue_filter: CueFilter = field(default_factory=CueFilter)
    # the hand-written verbs that report words with any object ('announced a plan'), without the
    # learnt ones ('fired back' makes "fire" a cue on PolNeAR; "the officer who fired the shot" reports nothing)
    speech_verbs: frozenset[str] = frozenset()
    # verbs and nouns that only mean saying (lexicons.json frame_verbs): not the learnt cues ("pushed"
    # is one on PolNeAR) nor the hand-written ones that also name a deed ("ruled", "agreed", "charged")
    said_words: frozenset[str] = frozenset()

    def event_of(self, lemma: str) -> list[str]:
        """Event types whose lexicon holds `lemma`, most specific first."""
        return list(self._events_by_lemma.get(lemma, ()))

    @cached_property
    def _events_by_lemma(self) -> dict[str, tuple[str, ...]]:
        # asked for every word the event search visits: one look-up, not one per event type
        index: dict[str, list[str]] = {}
        for kind in self.event_priority:
            for lemma in self.event_types.get(kind, ()):
                index.setdefault(lemma, []).append(kind)
        return {lemma: tuple(kinds) for lemma, kinds in index.items()}

    @cached_property
    def phrasal_by_first(self) -> dict[str, tuple[tuple[str, str], ...]]:
        """`phrasal_events` by the first lemma of the pair: (kind, second lemma), in their order."""
        index: dict[str, list[tuple[str, str]]] = {}
        for kind, pairs in self.phrasal_events.items():
            for first, second in pairs:
                index.setdefault(first, []).append((kind, second))
        return {first: tuple(found) for first, found in index.items()}


@lru_cache(maxsize=None)
def lexicons() -> Lexicons:
    data = resources.files("claimdesk.extraction").joinpath("data")
    raw = json.loads(data.joinpath("lexicons.json").read_text("utf-8"))
    learned = json.loads(data.joinpath("attribution_cues.json").read_text("utf-8"))
    words = lambda key: frozenset(w.lower() for w in raw[key])  # noqa: E731
    strong = frozenset(learned["verbs_strong"]) - words("learned_cues_demoted")
    weak = frozenset(learned["verbs_weak"]) | (frozenset(learned["verbs_strong"]) - strong)
    return Lexicons(
        event_types={k: frozenset(v) for k, v in raw["event_types"].items()},
        event_priority=tuple(raw["event_priority"]),
        phrasal_events={k: tuple(tuple(p) for p in v) for k, v in raw["phrasal_events"].items()},
        cue_verbs=words("cue_verbs") | words("cue_verbs_any_object") | strong | weak,
        cue_verbs_any_object=words("cue_verbs_any_object") | strong,
        cue_nouns=words("cue_nouns") | frozenset(learned["nouns"]),
        denial_cues=words("denial_cues"),
        hedge_cue_verbs=words("hedge_cue_verbs"),
        hedge_words=words("hedge_words"),
        hedge_phrases=tuple(p.lower() for p in raw["hedge_phrases"]),
        anonymous_heads=words("anonymous_heads"),
        anonymous_modifiers=words("anonymous_modifiers"),
        vague_heads=words("vague_heads"),
        organization_heads=words("organization_heads"),
        speaker_nouns=words("speaker_nouns"),
        intention_verbs=words("intention_verbs"),
        attitude_adjectives=words("attitude_adjectives"),
        clause_verbs_excluded=words("clause_verbs_excluded"),
        agent_nouns=words("agent_nouns") | words("speaker_nouns") | words("anonymous_heads") | words("organization_heads"),
        document_nouns=words("document_nouns"),
        non_agent_heads=words("non_agent_heads"),
        speaker_places=words("speaker_places"),
        outlets=words("outlets"),
        not_agent_er_words=words("not_agent_er_words"),
        cue_filter=CueFilter(learned.get("filter", {}).get("weights", {}), learned.get("filter", {}).get("threshold", 0.0)),
        speech_verbs=words("cue_verbs_any_object"),
        said_words=words("frame_verbs"),
    )
