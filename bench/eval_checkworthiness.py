"""F1 of the check-worthy class on CheckThat! 2024 English dev-test (the official metric).

Figures: the fine-tuned encoder alone on each sentence (train_checkworthiness_encoder.py; fitted
on train ids below 27,000, chosen on the later ones and dev), the small models alone
(train_checkworthiness.py; fitted on train, chosen on dev), and the full extractor (the encoder,
or the small models when it is not shipped, plus the news-prose rules; a sentence's score is the
highest score of its claims, 0 if it yields none). Also each model's cost per sentence beside the
parse's. Dev-test is the held-out figure.

    .venv/bin/python bench/eval_checkworthiness.py [--split dev-test|dev]
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from sklearn.metrics import f1_score, precision_score, recall_score

from claimdesk.extraction.attribution import PronounResolver
from claimdesk.extraction.checkworthiness import hand_features, load_model
from claimdesk.extraction.checkworthiness_encoder import load_encoder
from claimdesk.extraction.nlp import load_nlp
from claimdesk.extraction.spacy_extractor import SpacyExtractor, sentence_signals
from claimdesk.models import Document

REPO = Path(__file__).resolve().parent.parent


def report(name: str, y, pred) -> None:
    print(f"{name:<34} F1={f1_score(y, pred):.3f}  P={precision_score(y, pred):.3f}  R={recall_score(y, pred):.3f}")


def main() -> None:
    import csv

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("CLAIMDESK_CORPUS", REPO.parent / "shared" / "corpus")))
    parser.add_argument("--split", default="dev-test", choices=["dev-test", "dev"])
    args = parser.parse_args()
    path = args.corpus / "checkworthiness" / f"CT24_checkworthy_english_{args.split}.tsv"
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    texts = [r["Text"].strip().strip('"').replace('""', '"') for r in rows]
    y = [r["class_label"].strip() == "Yes" for r in rows]

    nlp, model = load_nlp(), load_model()
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=64))
    parse_seconds = time.perf_counter() - started
    started = time.perf_counter()
    model_pred = []
    for doc in docs:
        kind, hedges, _ = sentence_signals(doc[:], PronounResolver(doc))
        model_pred.append(model.probability(doc[:], hand_features(doc[:], kind, len(hedges))) >= 0.5)
    model_seconds = time.perf_counter() - started
    started = time.perf_counter()
    if model.static is not None:
        model.static.logits(texts)
    static_seconds = time.perf_counter() - started

    encoder = load_encoder()
    if encoder is not None:
        encoder.scores(texts[:8])  # the session's first run allocates
        started = time.perf_counter()
        encoder_pred = encoder.scores(texts) >= 0.5
        encoder_seconds = time.perf_counter() - started

    extractor = SpacyExtractor()
    docs = [Document.from_text(t, source=f"ct24:{r['Sentence_id']}") for t, r in zip(texts, rows)]
    blended = [max((c.checkworthiness for c in claims), default=0.0) >= 0.5 for claims in extractor.extract_many(docs)]

    print(f"{path.name}: {len(y)} sentences, {sum(y)} check-worthy; model {model.version}")
    if encoder is not None:
        report("fine-tuned encoder alone", y, encoder_pred)
    report("small models alone", y, model_pred)
    report("extractor (model + rules)", y, blended)
    n = len(texts)
    print(f"cost per sentence: model {1000 * model_seconds / n:.2f} ms (its static MiniLM network "
          f"{1000 * static_seconds / n:.3f} ms; attribution signals included) vs the spaCy parse "
          f"{1000 * parse_seconds / n:.2f} ms: ratio {model_seconds / parse_seconds:.2f}")
    if encoder is not None:
        print(f"fine-tuned encoder (onnxruntime, one thread, groups of 8 sentences of similar length): "
              f"{1000 * encoder_seconds / n:.2f} ms per sentence")


if __name__ == "__main__":
    main()
