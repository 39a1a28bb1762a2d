"""Train the check-worthiness model on CheckThat! 2024 English dev and write it as JSON coefficients.

Three logistic regressions, averaged: over TF-IDF terms plus hand features, over the parser's pooled
contextual token vectors, and over the sentence's shape (tags, dependencies, entity labels); the
last two carry past the exact words of the training debates. Never
reads dev-test (bench/eval_checkworthiness.py does). Folds are split by debate (blocks of sentence
ids), so cross-validation tests on debates a fold never saw. Regularisation is chosen by F1; the
decision threshold by F2, because claimdesk triages for human checkers and a missed check-worthy
claim costs more than one more to dismiss. The threshold is stored and mapped to 0.5 at run time.

    .venv/bin/python bench/train_checkworthiness.py [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, fbeta_score
from sklearn.model_selection import GroupKFold

from claimdesk.extract.attribution import PronounResolver
from claimdesk.extract.checkworthiness import MODEL_FILE, hand_features, pooled_tensor, syntactic_terms, terms
from claimdesk.extract.lexicons import lexicons
from claimdesk.extract.nlp import load_nlp
from claimdesk.extract.spacy_extractor import sentence_signals

REPO = Path(__file__).resolve().parent.parent
VERSION = "ct24-dev.lr3.v3"
THRESHOLDS = np.arange(0.2, 0.71, 0.05)


def read_tsv(path: Path) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Texts, labels, and a group per sentence: ids come in blocks per debate."""
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [clean(r["Text"]) for r in rows], \
        np.array([r["class_label"].strip() == "Yes" for r in rows], dtype=int), \
        np.array([int(r["Sentence_id"]) // 3000 for r in rows])


def clean(text: str) -> str:
    return text.strip().strip('"').replace('""', '"')


def featurise(texts: list[str]) -> tuple[list[str], np.ndarray, np.ndarray, list[list[str]]]:
    """Hand-feature names, hand features, pooled token vectors and shape terms of each sentence."""
    nlp, lex = load_nlp(), lexicons()
    hand_rows, pooled, shapes = [], [], []
    for doc in nlp.pipe(texts, batch_size=64):
        span = doc[:]
        kind, hedges, _ = sentence_signals(span, PronounResolver(doc))
        hand_rows.append(hand_features(span, kind, len(hedges), lex))
        pooled.append(pooled_tensor(span))
        shapes.append(syntactic_terms(span))
    names = sorted(hand_rows[0])
    return names, np.array([[r[n] for n in names] for r in hand_rows]), np.array(pooled), shapes


class Trio:
    """The three models, fitted on one set of rows."""

    def __init__(self, c_lexical: float, c_tensor: float, c_syntactic: float, min_df: int = 3):
        self.vec = TfidfVectorizer(analyzer=terms, min_df=min_df)
        self.shape_vec = TfidfVectorizer(analyzer=lambda x: x, min_df=min_df)
        self.lexical = LogisticRegression(C=c_lexical, class_weight="balanced", max_iter=3000)
        self.tensor = LogisticRegression(C=c_tensor, class_weight="balanced", max_iter=3000)
        self.syntactic = LogisticRegression(C=c_syntactic, class_weight="balanced", max_iter=3000)

    def fit(self, texts, hand, pooled, shapes, y) -> "Trio":
        self.lexical.fit(hstack([self.vec.fit_transform(texts), csr_matrix(hand)]).tocsr(), y)
        self.mean, self.scale = pooled.mean(0), pooled.std(0) + 1e-6
        self.tensor.fit((pooled - self.mean) / self.scale, y)
        self.syntactic.fit(self.shape_vec.fit_transform(shapes), y)
        return self

    def predict(self, texts, hand, pooled, shapes) -> np.ndarray:
        lexical = self.lexical.predict_proba(hstack([self.vec.transform(texts), csr_matrix(hand)]).tocsr())[:, 1]
        tensor = self.tensor.predict_proba((pooled - self.mean) / self.scale)[:, 1]
        shape = self.syntactic.predict_proba(self.shape_vec.transform(shapes))[:, 1]
        return (lexical + tensor + shape) / 3


def out_of_fold(texts, hand, pooled, shapes, y, groups, cs) -> np.ndarray:
    probs = np.zeros(len(y))
    for train, test in GroupKFold(5).split(texts, y, groups):
        trio = Trio(*cs).fit([texts[i] for i in train], hand[train], pooled[train], [shapes[i] for i in train], y[train])
        probs[test] = trio.predict([texts[i] for i in test], hand[test], pooled[test], [shapes[i] for i in test])
    return probs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("CLAIMDESK_CORPUS", REPO.parent / "shared" / "corpus")))
    parser.add_argument("--out", type=Path, default=REPO / "claimdesk" / "extract" / MODEL_FILE)
    args = parser.parse_args()

    texts, y, groups = read_tsv(args.corpus / "checkworthiness" / "CT24_checkworthy_english_dev.tsv")
    names, hand, pooled, shapes = featurise(texts)
    scored = {}
    for cs in [(c_l, 0.01, c_s) for c_l in (0.3, 1.0, 3.0) for c_s in (0.1, 0.3, 1.0)]:
        probs = out_of_fold(texts, hand, pooled, shapes, y, groups, cs)
        f1, at = max((f1_score(y, probs >= t), t) for t in THRESHOLDS)
        scored[cs] = (f1, at, probs)
        print(f"C_lexical={cs[0]:<4} C_tensor={cs[1]:<5} C_syntactic={cs[2]:<4} cross-validated F1={f1:.3f} (threshold {at:.2f})")
    cs, (f1, _, probs) = max(scored.items(), key=lambda kv: kv[1][0])
    f2, threshold = max((fbeta_score(y, probs >= t, beta=2), t) for t in THRESHOLDS)
    print(f"chose C={cs}; F2 threshold {threshold:.2f} "
          f"(cross-validated F2={f2:.3f}, F1={f1_score(y, probs >= threshold):.3f})")

    trio = Trio(*cs).fit(texts, hand, pooled, shapes, y)
    vocab = trio.vec.get_feature_names_out()
    coef = trio.lexical.coef_[0]
    shape_vocab = trio.shape_vec.get_feature_names_out()
    out = {
        "version": VERSION,
        "about": "Written by bench/train_checkworthiness.py from CT24_checkworthy_english_dev.tsv: logistic "
                 "regressions over TF-IDF terms + hand features (lexical) and pooled token vectors (tensor), averaged.",
        "threshold": round(float(threshold), 3),
        "cross_validated": {"f1_best": round(float(f1), 4), "f2_at_threshold": round(float(f2), 4),
                            "C_lexical": cs[0], "C_tensor": cs[1], "C_syntactic": cs[2]},
        "lexical": {
            "intercept": round(float(trio.lexical.intercept_[0]), 5),
            "hand": {n: round(float(w), 5) for n, w in zip(names, coef[len(vocab):])},
            "idf": {t: round(float(i), 4) for t, i in zip(vocab, trio.vec.idf_)},
            "coef": {t: round(float(w), 4) for t, w in zip(vocab, coef[:len(vocab)]) if abs(w) >= 1e-4},
        },
        "tensor": {
            "intercept": round(float(trio.tensor.intercept_[0]), 5),
            "mean": [round(float(v), 5) for v in trio.mean],
            "scale": [round(float(v), 5) for v in trio.scale],
            "coef": [round(float(v), 5) for v in trio.tensor.coef_[0]],
        },
        "syntactic": {
            "intercept": round(float(trio.syntactic.intercept_[0]), 5),
            "idf": {t: round(float(i), 4) for t, i in zip(shape_vocab, trio.shape_vec.idf_)},
            "coef": {t: round(float(w), 4) for t, w in zip(shape_vocab, trio.syntactic.coef_[0]) if abs(w) >= 1e-4},
        },
    }
    args.out.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", "utf-8")
    print(f"{len(vocab)} terms; wrote {args.out} ({args.out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
