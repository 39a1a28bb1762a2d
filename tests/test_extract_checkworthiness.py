"""Check-worthiness: the committed model files, the folded static network, and scores on sentences
both ways (written here, and CheckThat! 2024 dev-test)."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest

from claimdesk import extract
from claimdesk.extraction.checkworthiness import MODEL_FILE, load_model
from claimdesk.extraction.token_vectors import PieceMLP, minilm_tokenizer, piece_ids, vocabulary_digest
from claimdesk.models import Document
from checkworthiness_support import WRITTEN_SENTENCES


def test_model_is_plain_json_and_one_table_written_by_the_trainer():
    folder = resources.files("claimdesk.extraction")
    data = folder.joinpath(MODEL_FILE).read_bytes()
    assert len(data) < 1_500_000
    raw = json.loads(data)
    assert raw["version"] and 0 < raw["threshold"] < 1
    assert len(raw["tensor"]["coef"]) == len(raw["tensor"]["mean"]) == 192
    assert "number" in raw["lexical"]["hand"] and "opinion" not in raw["lexical"]["hand"]
    static = raw["minilm_static_mlp"]
    assert static["vocabulary"] == vocabulary_digest()
    with folder.joinpath(static["table"]).open("rb") as f:
        table = np.load(f, allow_pickle=False)["table"]  # no pickles
    assert table.dtype == np.float16
    assert table.shape == (minilm_tokenizer().get_vocab_size(), len(static["hidden_bias"]))
    assert len(static["out_weights"]) == len(static["hidden_bias"])
    assert 0 <= raw["blend"] <= 1


def test_static_network_pools_its_word_piece_rows_before_the_hidden_layer():
    network = load_model().static
    assert isinstance(network, PieceMLP)
    text = "Unemployment fell to 4.1 percent in March, the Labor Department said."
    ids = piece_ids([text])[0]
    assert "[UNK]" not in [minilm_tokenizer().id_to_token(i) for i in ids] and len(ids) > 10
    hidden = np.maximum(network.table[ids].mean(0) + network.hidden_bias, 0)
    assert network.logits([text])[0] == pytest.approx(float(hidden @ network.out_weights) + network.out_bias, rel=1e-5)
    empty = float(np.maximum(network.hidden_bias, 0) @ network.out_weights) + network.out_bias
    assert network.logits([""])[0] == pytest.approx(empty, rel=1e-5)
    # a sentence's score depends on its words, not on a constant
    assert network.logits([text])[0] != pytest.approx(network.logits(["I love you all."])[0], abs=0.5)


def test_static_network_tells_a_reported_figure_from_a_musing():
    network = load_model().static
    factual, musing = network.logits(["Unemployment fell to 4.1 percent in March, the Labor Department said.",
                                      "I think we can all do better than this, and we should."])
    assert factual > musing + 1.0


@pytest.mark.parametrize("text, worthy", WRITTEN_SENTENCES)
def test_sentences_written_here_score_on_their_side_of_one_half(text, worthy):
    claims = extract(Document.from_text(text, source="written.txt"))
    assert claims, text
    assert (max(c.checkworthiness for c in claims) >= 0.5) == worthy, [(c.text, c.checkworthiness) for c in claims]


@pytest.mark.slow
def test_dev_test_f1_of_the_model(corpus_dir):
    """The model on dev-test (fitted on train, chosen on dev), as bench/eval_checkworthiness.py
    measures it: a guard against a worse model, just under the figure seen once (0.682); the
    issue's bar of 0.78 is not met."""
    import csv

    from sklearn.metrics import f1_score

    from claimdesk.extraction.attribution import PronounResolver
    from claimdesk.extraction.checkworthiness import hand_features
    from claimdesk.extraction.nlp import load_nlp
    from claimdesk.extraction.spacy_extractor import sentence_signals

    path = corpus_dir / "checkworthiness" / "CT24_checkworthy_english_dev-test.tsv"
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    texts = [r["Text"].strip().strip('"').replace('""', '"') for r in rows]
    gold = [r["class_label"].strip() == "Yes" for r in rows]
    model = load_model()
    predicted = []
    for doc in load_nlp().pipe(texts, batch_size=64):
        kind, hedges, _ = sentence_signals(doc[:], PronounResolver(doc))
        predicted.append(model.probability(doc[:], hand_features(doc[:], kind, len(hedges))) >= 0.5)
    assert f1_score(gold, predicted) >= DEV_TEST_BAR


DEV_TEST_BAR = 0.67
