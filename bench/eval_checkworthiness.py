"""F1 of the check-worthy class on CheckThat! 2024 English dev-test (the official metric).

Two figures: the committed model alone on each sentence (what train_checkworthiness.py learnt), and
the full extractor (model blended with the news-prose rules; a sentence's score is the highest
score of its claims, 0 if it yields none).

    .venv/bin/python bench/eval_checkworthiness.py [--split dev-test]
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from sklearn.metrics import f1_score, precision_score, recall_score

from claimdesk.extraction.attribution import PronounResolver
from claimdesk.extraction.checkworthiness import hand_features, load_model
from claimdesk.extraction.lexicons import lexicons
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

    nlp, lex, model = load_nlp(), lexicons(), load_model()
    model_pred = []
    for doc in nlp.pipe(texts, batch_size=64):
        kind, hedges, _ = sentence_signals(doc[:], PronounResolver(doc))
        model_pred.append(model.probability(doc[:], hand_features(doc[:], kind, len(hedges), lex)) >= 0.5)

    extractor = SpacyExtractor()
    docs = [Document.from_text(t, source=f"ct24:{r['Sentence_id']}") for t, r in zip(texts, rows)]
    blended = [max((c.checkworthiness for c in claims), default=0.0) >= 0.5 for claims in extractor.extract_many(docs)]

    print(f"{path.name}: {len(y)} sentences, {sum(y)} check-worthy; model {model.version}")
    report("model alone", y, model_pred)
    report("extractor (model + rules)", y, blended)


if __name__ == "__main__":
    main()
