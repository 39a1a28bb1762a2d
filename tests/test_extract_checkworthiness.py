"""Check-worthiness: the committed model file and its score on CheckThat! 2024 dev-test."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from claimdesk.extract.checkworthiness import MODEL_FILE, load_model


def test_model_is_small_plain_json_written_by_the_trainer():
    path = resources.files("claimdesk.extract").joinpath(MODEL_FILE)
    data = path.read_bytes()
    assert len(data) < 200_000
    raw = json.loads(data)
    assert raw["version"] and 0 < raw["threshold"] < 1
    assert len(raw["tensor"]["coef"]) == len(raw["tensor"]["mean"]) == 192
    assert "number" in raw["lexical"]["hand"]


@pytest.mark.slow
def test_dev_test_f1_of_the_model(corpus_dir):
    """Regression floor for bench/eval_checkworthiness.py (the target is 0.70; see its report)."""
    import csv

    from sklearn.metrics import f1_score

    from claimdesk.extract.attribution import PronounResolver
    from claimdesk.extract.checkworthiness import hand_features
    from claimdesk.extract.lexicons import lexicons
    from claimdesk.extract.nlp import load_nlp
    from claimdesk.extract.spacy_extractor import sentence_signals

    path = corpus_dir / "checkworthiness" / "CT24_checkworthy_english_dev-test.tsv"
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    texts = [r["Text"].strip().strip('"').replace('""', '"') for r in rows]
    gold = [r["class_label"].strip() == "Yes" for r in rows]
    model, lex = load_model(), lexicons()
    predicted = []
    for doc in load_nlp().pipe(texts, batch_size=64):
        kind, hedges, _ = sentence_signals(doc[:], PronounResolver(doc))
        predicted.append(model.probability(doc[:], hand_features(doc[:], kind, len(hedges), lex)) >= 0.5)
    assert f1_score(gold, predicted) >= 0.60
