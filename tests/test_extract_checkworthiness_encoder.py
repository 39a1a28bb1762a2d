"""The fine-tuned check-worthiness encoder: the shipped ONNX file, its scores on real CheckThat!
sentences both ways, and that extraction scores claims with it."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest

from claimdesk import extract
from claimdesk.extraction.checkworthiness_encoder import ENCODER_FILE, SETTINGS_FILE, load_encoder
from claimdesk.models import Document
from checkworthiness_support import WRITTEN_SENTENCES


def _dev(corpus_dir) -> tuple[list[str], np.ndarray]:
    path = corpus_dir / "checkworthiness" / "CT24_checkworthy_english_dev.tsv"
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return ([r["Text"].strip().strip('"').replace('""', '"') for r in rows],
            np.array([r["class_label"].strip() == "Yes" for r in rows]))


def test_the_encoder_is_shipped_small_and_int8():
    assert ENCODER_FILE.is_file()
    assert ENCODER_FILE.stat().st_size < 25 * 2**20
    settings = json.loads(SETTINGS_FILE.read_text("utf-8"))
    assert 0 < settings["threshold"] < 1 and settings["max_len"] <= 64
    assert "ids >= 27000" in settings["chosen_on"]
    encoder = load_encoder()
    assert encoder.session.get_session_options().intra_op_num_threads == 1
    assert [i.name for i in encoder.session.get_inputs()] == ["input_ids", "attention_mask"]


def test_word_by_word_ids_are_the_tokenizers_own(corpus_dir):
    """The encoder's remembered word pieces give exactly what the tokenizer gives the whole text
    (truncated, with [CLS]/[SEP]): on real debate and crawled news lines, and on the whitespace,
    accents and control characters a crawl leaves in."""
    from tokenizers import Tokenizer

    from claimdesk.extraction.token_vectors import TOKENIZER_FILE

    encoder = load_encoder()
    reference = Tokenizer.from_file(str(TOKENIZER_FILE))
    reference.no_padding()
    reference.enable_truncation(encoder.max_len)
    texts = _dev(corpus_dir)[0][:400]
    pages = sorted((corpus_dir / "news_cluster").glob("*.json"))[:40]
    texts += [line for page in pages for line in json.loads(page.read_text("utf-8"))["text"].splitlines()]
    texts += ["Caf\u00e9  owners\tsaid\u00a0\u00a0prices rose 5 %\n again", "e\u0301lan \u0301x", "a\x1cb \u200bzero\u2028line",
              " leading and trailing ", "", "word " * 80, "Zaporizhzhia's  ‘shelling’ — 12,000 people"]
    assert len(texts) > 1000
    for text in texts:
        assert encoder.ids(text) == reference.encode(text).ids, text


def test_the_shipped_file_has_the_layers_its_settings_name():
    """The settings describe the file beside them: as many transformer layers in the graph (node
    names are stored as text in the ONNX protobuf), weights int8."""
    import re

    graph = ENCODER_FILE.read_bytes()
    layers = {int(n) for n in re.findall(rb"/encoder/layer\.(\d+)/", graph)}
    assert layers == set(range(json.loads(SETTINGS_FILE.read_text("utf-8"))["layers"]))
    assert b"MatMulInteger" in graph


def test_scores_do_not_depend_on_the_batch_they_come_in():
    encoder = load_encoder()
    texts = ["Unemployment fell to 4.1 percent in March.",
             "Thank you all so much for being here tonight, it's wonderful to see you, and God bless America."]
    together = encoder.probabilities(texts)
    alone = np.array([encoder.probabilities([t])[0] for t in texts])
    # dynamic int8 quantizes activations with one scale per batch: a few thousandths at most
    assert together == pytest.approx(alone, abs=5e-3)
    assert together[0] > 0.5 > together[1]
    assert encoder.probabilities([]).shape == (0,)


def test_real_debate_sentences_both_ways(corpus_dir):
    """CT24 dev, which chose the epoch and threshold: most check-worthy sentences above the
    threshold, most of the others below it, and the two sides apart on average."""
    texts, gold = _dev(corpus_dir)
    scores = load_encoder().scores(texts)
    assert (scores[gold] >= 0.5).mean() >= 0.75
    assert (scores[~gold] < 0.5).mean() >= 0.85
    assert scores[gold].mean() > scores[~gold].mean() + 0.3


@pytest.mark.parametrize("text, worthy", WRITTEN_SENTENCES)
def test_the_encoder_alone_on_sentences_written_here(text, worthy):
    assert (load_encoder().scores([text])[0] >= 0.5) == worthy


def test_extraction_scores_a_documents_claims_in_one_encoder_batch(monkeypatch):
    import claimdesk.extraction.checkworthiness as checkworthiness

    encoder, batches = load_encoder(), []

    class Recording:
        def scores(self, texts):
            batches.append(list(texts))
            return encoder.scores(texts)

    monkeypatch.setattr(checkworthiness, "load_encoder", lambda: Recording())
    text = ("Officials said six soldiers were killed in Donetsk on Monday. "
            "Inflation rose to 9.1 percent in June, the highest rate in four decades. "
            "Thank you all so much for being here tonight, it's wonderful to see you.")
    claims = extract(Document.from_text(text, source="written.txt"))
    assert len(batches) == 1 and len(batches[0]) >= 3
    assert {c.text for c in claims} <= set(batches[0])
    thanks = next(c for c in claims if "Thank you" in c.text)
    inflation = next(c for c in claims if "Inflation" in c.text)
    assert thanks.checkworthiness < 0.5 <= inflation.checkworthiness


@pytest.mark.slow
def test_dev_test_f1_of_the_encoder(corpus_dir):
    """Dev-test, looked at once after the epoch and threshold were chosen on train's later debates
    and dev (bench/eval_checkworthiness.py: 0.806 for the one-layer encoder, 0.827 for the three-layer one before it): a guard against a worse encoder."""
    from sklearn.metrics import f1_score

    path = corpus_dir / "checkworthiness" / "CT24_checkworthy_english_dev-test.tsv"
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    texts = [r["Text"].strip().strip('"').replace('""', '"') for r in rows]
    gold = [r["class_label"].strip() == "Yes" for r in rows]
    assert f1_score(gold, load_encoder().scores(texts) >= 0.5) >= 0.80
