"""Train the check-worthiness model on CheckThat! 2024 English dev and write it as JSON coefficients.

Two logistic regressions, averaged: one over TF-IDF terms plus hand features, one over the parser's
pooled contextual token vectors (which carry past the exact words of the training debates). Never
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
from claimdesk.extract.checkworthiness import MODEL_FILE, hand_features, pooled_tensor, terms
from claimdesk.extract.lexicons import lexicons
from claimdesk.extract.nlp import load_nlp
from claimdesk.extract.spacy_extractor import sentence_signals

REPO = Path(__file__).resolve().parent.parent
VERSION = "ct24-dev.lr2.v2"
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


def featurise(texts: list[str]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Hand-feature names, hand features and pooled token vectors of each sentence."""
    nlp, lex = load_nlp(), lexicons()
    hand_rows, pooled = [], []
    for doc in nlp.pipe(texts, batch_size=64):
        span = doc[:]
        kind, hedges, _ = sentence_signals(span, PronounResolver(doc))
        hand_rows.append(hand_features(span, kind, len(hedges), lex))
        pooled.append(pooled_tensor(span))
    names = sorted(hand_rows[0])
    return names, np.array([[r[n] for n in names] for r in hand_rows]), np.array(pooled)


class Pair:
    """The two models, fitted on one set of rows."""

    def __init__(self, c_lexical: float, c_tensor: float, min_df: int = 3):
        self.vec = TfidfVectorizer(analyzer=terms, min_df=min_df)
        self.lexical = LogisticRegression(C=c_lexical, class_weight="balanced", max_iter=3000)
        self.tensor = LogisticRegression(C=c_tensor, class_weight="balanced", max_iter=3000)

    def fit(self, texts, hand, pooled, y) -> "Pair":
        self.lexical.fit(hstack([self.vec.fit_transform(texts), csr_matrix(hand)]).tocsr(), y)
        self.mean, self.scale = pooled.mean(0), pooled.std(0) + 1e-6
        self.tensor.fit((pooled - self.mean) / self.scale, y)
        return self

    def predict(self, texts, hand, pooled) -> np.ndarray:
        lexical = self.lexical.predict_proba(hstack([self.vec.transform(texts), csr_matrix(hand)]).tocsr())[:, 1]
        return (lexical + self.tensor.predict_proba((pooled - self.mean) / self.scale)[:, 1]) / 2


def out_of_fold(texts, hand, pooled, y, groups, c_lexical, c_tensor) -> np.ndarray:
    probs = np.zeros(len(y))
    for train, test in GroupKFold(5).split(texts, y, groups):
        pair = Pair(c_lexical, c_tensor).fit([texts[i] for i in train], hand[train], pooled[train], y[train])
        probs[test] = pair.predict([texts[i] for i in test], hand[test], pooled[test])
    return probs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("CLAIMDESK_CORPUS", REPO.parent / "shared" / "corpus")))
    parser.add_argument("--out", type=Path, default=REPO / "claimdesk" / "extract" / MODEL_FILE)
    args = parser.parse_args()

    texts, y, groups = read_tsv(args.corpus / "checkworthiness" / "CT24_checkworthy_english_dev.tsv")
    names, hand, pooled = featurise(texts)
    scored = {}
    for c_lexical in (0.1, 0.3, 1.0, 3.0):
        for c_tensor in (0.01, 0.1):
            probs = out_of_fold(texts, hand, pooled, y, groups, c_lexical, c_tensor)
            f1, at = max((f1_score(y, probs >= t), t) for t in THRESHOLDS)
            scored[(c_lexical, c_tensor)] = (f1, at, probs)
            print(f"C_lexical={c_lexical:<4} C_tensor={c_tensor:<5} cross-validated F1={f1:.3f} (threshold {at:.2f})")
    (c_lexical, c_tensor), (f1, _, probs) = max(scored.items(), key=lambda kv: kv[1][0])
    f2, threshold = max((fbeta_score(y, probs >= t, beta=2), t) for t in THRESHOLDS)
    print(f"chose C_lexical={c_lexical}, C_tensor={c_tensor}; F2 threshold {threshold:.2f} "
          f"(cross-validated F2={f2:.3f}, F1={f1_score(y, probs >= threshold):.3f})")

    pair = Pair(c_lexical, c_tensor).fit(texts, hand, pooled, y)
    vocab = pair.vec.get_feature_names_out()
    coef = pair.lexical.coef_[0]
    out = {
        "version": VERSION,
        "about": "Written by bench/train_checkworthiness.py from CT24_checkworthy_english_dev.tsv: logistic "
                 "regressions over TF-IDF terms + hand features (lexical) and pooled token vectors (tensor), averaged.",
        "threshold": round(float(threshold), 3),
        "cross_validated": {"f1_best": round(float(f1), 4), "f2_at_threshold": round(float(f2), 4),
                            "C_lexical": c_lexical, "C_tensor": c_tensor},
        "lexical": {
            "intercept": round(float(pair.lexical.intercept_[0]), 5),
            "hand": {n: round(float(w), 5) for n, w in zip(names, coef[len(vocab):])},
            "idf": {t: round(float(i), 4) for t, i in zip(vocab, pair.vec.idf_)},
            "coef": {t: round(float(w), 4) for t, w in zip(vocab, coef[:len(vocab)]) if abs(w) >= 1e-4},
        },
        "tensor": {
            "intercept": round(float(pair.tensor.intercept_[0]), 5),
            "mean": [round(float(v), 5) for v in pair.mean],
            "scale": [round(float(v), 5) for v in pair.scale],
            "coef": [round(float(v), 5) for v in pair.tensor.coef_[0]],
        },
    }
    args.out.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", "utf-8")
    print(f"{len(vocab)} terms; wrote {args.out} ({args.out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
