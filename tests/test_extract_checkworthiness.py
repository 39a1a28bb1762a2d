"""Check-worthiness: the committed model file and its score on CheckThat! 2024 dev-test."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from claimdesk.extraction.checkworthiness import MODEL_FILE, load_model
from claimdesk.extraction.token_vectors import minilm_tokenizer, piece_ids, vocabulary_digest


def test_model_is_small_plain_json_written_by_the_trainer():
    path = resources.files("claimdesk.extraction").joinpath(MODEL_FILE)
    data = path.read_bytes()
    assert len(data) < 400_000
    raw = json.loads(data)
    assert raw["version"] and 0 < raw["threshold"] < 1
    assert len(raw["tensor"]["coef"]) == len(raw["tensor"]["mean"]) == 192
    assert "number" in raw["lexical"]["hand"]
    static = raw["minilm_static"]
    assert len(static["weights"]) == minilm_tokenizer().get_vocab_size()
    assert static["vocabulary"] == vocabulary_digest()
    assert 0 < raw["blend"] <= 1


def test_word_piece_weights_score_a_sentence_as_the_mean_of_its_pieces():
    scorer = load_model().static
    text = "Unemployment fell to 4.1 percent in March, the Labor Department said."
    ids = piece_ids([text])[0]
    assert "[UNK]" not in [minilm_tokenizer().id_to_token(i) for i in ids] and len(ids) > 10
    assert scorer.logits([text])[0] == pytest.approx(scorer.intercept + sum(scorer.weights[i] for i in ids) / len(ids))
    assert scorer.logits([""])[0] == scorer.intercept


def test_static_minilm_model_tells_a_reported_figure_from_a_musing():
    scorer = load_model().static
    factual, musing = scorer.logits(["Unemployment fell to 4.1 percent in March, the Labor Department said.",
                                     "I think we can all do better than this, and we should."])
    assert factual > musing + 1.0


@pytest.mark.slow
def test_dev_test_f1_of_the_model(corpus_dir):
    """The issue's bar (F1 >= 0.70 on dev-test), as bench/eval_checkworthiness.py measures the model."""
    import csv

    from sklearn.metrics import f1_score

    from claimdesk.extraction.attribution import PronounResolver
    from claimdesk.extraction.checkworthiness import hand_features
    from claimdesk.extraction.lexicons import lexicons
    from claimdesk.extraction.nlp import load_nlp
    from claimdesk.extraction.spacy_extractor import sentence_signals

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
    assert f1_score(gold, predicted) >= 0.70
