"""How worth checking a statement is (0..1): a fine-tuned small encoder (checkworthiness_encoder.py)
or, when its file is not shipped, small logistic models over words and the parse and a small
network over MiniLM's static token vectors; either plus rules for news prose.

The models are trained by `bench/train_checkworthiness.py` on CheckThat! 2024 train (settings chosen
on dev) and stored as plain JSON coefficients in data/checkworthiness.json plus one float16 table of
word-piece rows in data/checkworthiness_pieces.npz (no pickles), read once. Run time needs numpy and
the `tokenizers` package only.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

import numpy as np
from spacy.attrs import LOWER, POS, TAG
from spacy.symbols import AUX, PRON, VERB
from spacy.tokens import Doc, Span

from claimdesk.extraction.checkworthiness_encoder import load_encoder
from claimdesk.extraction.nlp import doc_text, entities_in, span_text
from claimdesk.extraction.token_vectors import PieceMLP, TokenScorer, vocabulary_digest

MODEL_FILE = "data/checkworthiness.json"
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*%?")
FIRST_PERSON = {"i", "we", "me", "us", "my", "our", "i'm", "we're", "i've", "we've", "let's", "ours", "myself"}
SECOND_PERSON = {"you", "your", "you're", "yours"}
JUDGING_MODALS = {"should", "must", "ought"}
COPULAS = {"be", "seem", "remain", "become", "look", "feel"}
NUMERIC_ENTS = {"CARDINAL", "PERCENT", "MONEY", "QUANTITY", "DATE", "TIME", "ORDINAL"}


def terms(text: str) -> list[str]:
    """Unigrams and bigrams of lower-cased words; numbers fold to <num> so the model learns "has a
    figure" rather than particular figures."""
    words = ["<num>" if w[0].isdigit() else w for w in _WORD.findall(text.lower().replace("’", "'"))]
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


def syntactic_terms(span: Span) -> list[str]:
    """Word-free shape of the sentence (tags, dependencies, entity labels, the root and its
    dependents): carries across topics the words of the training debates never mention."""
    toks = [t for t in span if not t.is_space]
    root = span.root
    return ([f"T:{t.tag_}" for t in toks]
            + [f"TT:{a.tag_}_{b.tag_}" for a, b in zip(toks, toks[1:])]
            + [f"D:{t.dep_}:{t.tag_}:{t.head.tag_}" for t in toks]
            + [f"E:{e.label_}" for e in entities_in(span)]
            + [f"R:{root.tag_}", f"RL:{root.lemma_.lower()}"]
            + [f"RC:{c.dep_}:{c.tag_}" for c in root.children])


def _tfidf_logit(found: list[str], idf: dict[str, float], coef: dict[str, float], intercept: float) -> float:
    counts = Counter(t for t in found if t in idf)
    weights = {t: c * idf[t] for t, c in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return intercept + sum(w / norm * coef.get(t, 0.0) for t, w in weights.items())


def hand_features(span: Span, attribution_kind: str, n_hedges: int) -> dict[str, float]:
    ents = entities_in(span)
    labels = Counter(e.label_ for e in ents)
    root = span.root
    counts = _token_counts(span.doc)

    def has(flag: str) -> bool:
        return bool(counts[flag][span.end] - counts[flag][span.start])

    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    return {
        "number": float(any(e.label_ in ("CARDINAL", "PERCENT", "MONEY", "QUANTITY") and _is_figure(e) for e in ents)),
        "date": float(labels["DATE"] > 0),
        "person": float(labels["PERSON"] > 0),
        "org_place": float(labels["ORG"] + labels["GPE"] + labels["NORP"] + labels["LOC"] > 0),
        "entities": min(len([e for e in ents if e.label_ not in NUMERIC_ENTS]), 4) / 4,
        "attr_named": float(attribution_kind in ("named_person", "named_organization")),
        "attr_anonymous": float(attribution_kind == "anonymous"),
        "attr_vague": float(attribution_kind == "vague"),
        "first_person": float(has("first_person")),
        "second_person": float(has("second_person")),
        "judging_modal": float(has("judging_modal")),
        "question": float(doc_text(span.doc)[span.start_char:span.end_char].rstrip().endswith("?")),
        "length": min(len(span), 60) / 60,
        "past": float(has("past")),
        "no_verb": float(not has("verb")),
        "copula_root": float(root.lemma_.lower() in COPULAS),
        "pronoun_subject": float(subject is not None and subject.pos_ == "PRON"),
        "superlative": float(has("superlative")),
        "hedges": min(n_hedges, 3) / 3,
    }


def _token_counts(doc: Doc) -> dict[str, np.ndarray]:
    """For each flag hand_features asks of a span's tokens, how many tokens before index i have it
    (a span has the flag when the count grows across it), from the document's arrays once rather
    than from a walk over each claim's Tokens. The person and modal words count on pronouns and
    verbs only, compared with ’ read as '."""
    counts = doc.user_data.get(_COUNTS_KEY)
    if counts is None:
        strings = doc.vocab.strings
        table = doc.to_array([POS, TAG, LOWER]).astype(np.uint64).reshape(len(doc), 3)
        pos, tag, lower = table[:, 0], table[:, 1], table[:, 2]

        def hashes(words) -> np.ndarray:
            return np.array([strings[w] for w in words], dtype=np.uint64)

        def lowered_in(words: set[str]) -> np.ndarray:
            # the spellings that read as one of `words` once ’ is read as ' (the words have no ’)
            spellings: set[str] = set()
            for w in words:
                variants = [""]
                for ch in w:
                    variants = [v + c for v in variants for c in ((ch, "’") if ch == "'" else (ch,))]
                spellings.update(variants)
            return np.isin(lower, hashes(sorted(spellings)))

        speaking = np.isin(pos, np.array([PRON, VERB, AUX], dtype=np.uint64))
        flags = {"verb": np.isin(pos, np.array([VERB, AUX], dtype=np.uint64)),
                 "past": np.isin(tag, hashes(["VBD", "VBN"])),
                 "superlative": np.isin(tag, hashes(["JJS", "RBS"])),
                 "first_person": speaking & lowered_in(FIRST_PERSON),
                 "second_person": speaking & lowered_in(SECOND_PERSON),
                 "judging_modal": speaking & lowered_in(JUDGING_MODALS)}
        counts = doc.user_data[_COUNTS_KEY] = {name: np.concatenate([[0], np.cumsum(flag)])
                                               for name, flag in flags.items()}
    return counts


_COUNTS_KEY = "claimdesk.checkworthiness_counts"


def pooled_tensor(span: Span) -> np.ndarray:
    """Mean and max of the parser's contextual token vectors over the span (generalises past the
    exact words of the training debates)."""
    tensor = span.doc.tensor
    if tensor is None or tensor.size == 0 or len(span) == 0:
        return np.zeros(0)
    rows = tensor[span.start:span.end]
    return np.concatenate([rows.mean(0), rows.max(0)]).astype(float)


def _is_figure(ent: Span) -> bool:
    """ "18", "10,000", "six officers", but not the "one" of "one thing is clear"."""
    return any(c.isdigit() for c in ent.text) or ent.text.lower() not in ("one", "a", "an")


@dataclass(frozen=True)
class Model:
    """Average of three logistic models (words + hand features; pooled token vectors; sentence
    shape), blended with the static MiniLM model (a network or, in older files, a linear model),
    rescaled so that the chosen threshold maps to 0.5."""

    idf: dict[str, float]
    coef: dict[str, float]
    hand: dict[str, float]
    intercept: float
    tensor_mean: np.ndarray
    tensor_scale: np.ndarray
    tensor_coef: np.ndarray
    tensor_intercept: float
    syntactic_idf: dict[str, float]
    syntactic_coef: dict[str, float]
    syntactic_intercept: float
    static: Optional[PieceMLP | TokenScorer]
    blend: float
    threshold: float
    version: str

    def lexical_probability(self, text: str, hand: dict[str, float]) -> float:
        z = _tfidf_logit(terms(text), self.idf, self.coef, self.intercept)
        return _sigmoid(z + sum(self.hand.get(k, 0.0) * v for k, v in hand.items()))

    def tensor_probability(self, pooled: np.ndarray) -> Optional[float]:
        if len(pooled) != len(self.tensor_coef):
            return None
        z = self.tensor_intercept + float(((pooled - self.tensor_mean) / self.tensor_scale) @ self.tensor_coef)
        return _sigmoid(z)

    def syntactic_probability(self, span: Span) -> float:
        return _sigmoid(_tfidf_logit(syntactic_terms(span), self.syntactic_idf, self.syntactic_coef,
                                     self.syntactic_intercept))

    def raw_probability(self, span: Span, hand: dict[str, float]) -> float:
        parts = [self.lexical_probability(span.text, hand), self.syntactic_probability(span)]
        contextual = self.tensor_probability(pooled_tensor(span))
        if contextual is not None:
            parts.append(contextual)
        trio = sum(parts) / len(parts)
        if self.static is None:
            return trio
        return self.blend * _sigmoid(self.static.logits([span.text])[0]) + (1 - self.blend) * trio

    def probability(self, span: Span, hand: dict[str, float]) -> float:
        """0..1 with the trained threshold at 0.5."""
        p, t = self.raw_probability(span, hand), self.threshold
        return 0.5 * p / t if p < t else 0.5 + 0.5 * (p - t) / (1 - t)


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


@lru_cache(maxsize=None)
def load_model() -> Optional[Model]:
    path = resources.files("claimdesk.extraction").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    raw = json.loads(path.read_text("utf-8"))
    lexical, contextual, shape = raw["lexical"], raw["tensor"], raw["syntactic"]
    static = _piece_mlp(raw["minilm_static_mlp"]) if "minilm_static_mlp" in raw else (
        _token_scorer(raw["minilm_static"]) if "minilm_static" in raw else None)
    return Model(idf=lexical["idf"], coef=lexical["coef"], hand=lexical["hand"], intercept=lexical["intercept"],
                 tensor_mean=np.array(contextual["mean"]), tensor_scale=np.array(contextual["scale"]),
                 tensor_coef=np.array(contextual["coef"]),
                 tensor_intercept=contextual["intercept"], syntactic_idf=shape["idf"], syntactic_coef=shape["coef"],
                 syntactic_intercept=shape["intercept"],
                 static=static,
                 blend=raw.get("blend", 0.0), threshold=raw["threshold"], version=raw["version"])


def _check_vocabulary(raw: dict) -> None:
    if raw["vocabulary"] != vocabulary_digest():
        raise RuntimeError(f"{MODEL_FILE} was trained with another MiniLM vocabulary than the shipped "
                           "tokenizer (extract/data/minilm/tokenizer.json): restore it or retrain "
                           "(bench/train_checkworthiness.py)")


def _token_scorer(raw: dict) -> TokenScorer:
    _check_vocabulary(raw)
    return TokenScorer(raw["intercept"], np.array(raw["weights"], dtype=float))


def _piece_mlp(raw: dict) -> PieceMLP:
    _check_vocabulary(raw)
    with resources.files("claimdesk.extraction").joinpath(raw["table"]).open("rb") as f:
        table = np.load(f, allow_pickle=False)["table"].astype(np.float32)
    return PieceMLP(table, np.array(raw["hidden_bias"], dtype=np.float32),
                    np.array(raw["out_weights"], dtype=np.float32), float(raw["out_bias"]))


def rule_adjustment(hand: dict[str, float], event_type: str, attribution_kind: str) -> float:
    """News-prose evidence the debate-trained model cannot see: reported events, named sources and
    figures raise the score; the writer's own judgements ("we should", "it's a gamble") lower it."""
    adj = 0.0
    if event_type not in ("other", "statement"):
        adj += 0.15
    if attribution_kind in ("named_person", "named_organization", "anonymous"):
        adj += 0.2
    elif attribution_kind == "vague":
        adj += 0.1
    if hand["number"] or hand["date"]:
        adj += 0.1
    # the writer's own judgement ("we must act"); a first-person report of a fact ("we have
    # reduced the number of troops", as a spokesman or a candidate says it) stays worth checking
    if hand["first_person"] and attribution_kind == "none" and hand["judging_modal"]:
        adj -= 0.3
    if hand["pronoun_subject"] and hand["copula_root"] and not (hand["number"] or hand["person"]):
        adj -= 0.3
    if hand["question"]:
        adj -= 0.3
    if hand["no_verb"]:
        adj -= 0.4
    return adj


def checkworthiness(span: Span, attribution_kind: str, hedges: list[str], event_type: str) -> float:
    return checkworthiness_many([(span, attribution_kind, hedges, event_type)])[0]


def checkworthiness_many(claims: list[tuple[Span, str, list[str], str]],
                         encoder_part: Optional[Callable[[], Optional[list[float]]]] = None) -> list[float]:
    """Scores of a document's claims (span, attribution kind, hedges, event type), 0..1 with 0.5 the
    decision. The fine-tuned encoder (checkworthiness_encoder.py), when shipped, gives the model's
    part in one batch for the whole document; else the small models above do. `encoder_part`, when
    given, returns the encoder's part already asked for (`encoder_scores` run elsewhere, as the
    extractor does on a spare core)."""
    hands = [hand_features(span, kind, len(hedges)) for span, kind, hedges, _ in claims]
    parts = encoder_part() if encoder_part is not None else encoder_scores([span_text(span) for span, *_ in claims])
    if parts is None:
        model = load_model()
        parts = [model.probability(c[0], h) if model else 0.5 for c, h in zip(claims, hands)]
    return [round(min(1.0, max(0.0, float(p) + rule_adjustment(h, event_type, kind))), 3)
            for p, h, (_, kind, _, event_type) in zip(parts, hands, claims)]


def encoder_scores(texts: list[str]) -> Optional[list[float]]:
    """The fine-tuned encoder's part of each text's score, or None when it is not shipped. Reads no
    spaCy object, so it may run on another thread while the parser works."""
    encoder = load_encoder()
    return None if encoder is None else list(encoder.scores(texts))
