"""The attribute rules by lookup (`claimdesk.extraction.attribute_rules`) give every token the annotations
spaCy's own `attribute_ruler` gives it: real articles (PolNeAR, crawled news_cluster pages with their
menus and odd spacing) and sentences written here for the model's rarer rules, of two tokens and of
dependencies ("gonna", "y'all", "ain't", "there is", "I" as subject and object)."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
import spacy

from claimdesk.extraction.attribute_rules import NAME, RULER, AttributeRules, use_attribute_rules
from claimdesk.extraction.nlp import MODEL, load_nlp

RARE_RULES = (
    "I'm gonna tell you: y'all ain't seen nothin' yet. C'mon, let's go! There is a cat and there's a dog.\n"
    "We gotta leave now. You told me it was her, and I believed you. Did they do it? They did.\n"
    "But he ran anyway. Which one is it? That is the one that he chose, because it works.\n\n"
    "  Menu   Home  \t Politics\n"
)


def _annotations(doc) -> list[tuple]:
    return [(t.pos_, t.tag_, t.dep_, str(t.morph), t.lemma_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    ruled = spacy.load(MODEL)
    looked_up = spacy.load(MODEL)
    use_attribute_rules(looked_up)
    return ruled, looked_up


@pytest.fixture(scope="module")
def texts(corpus_dir: Path) -> list[str]:
    polnear = sorted((corpus_dir / "polnear" / "train" / "text").glob("*.txt"))[:60]
    crawled = sorted((corpus_dir / "news_cluster").glob("*.json"))[:40]
    return ([RARE_RULES] + [f.read_text("utf-8") for f in polnear]
            + [json.loads(f.read_text("utf-8"))["text"] for f in crawled])


def test_the_lookup_takes_the_rulers_place():
    names = load_nlp().pipe_names
    assert NAME in names and RULER not in names
    assert names.index(NAME) == names.index("parser") + 1


def test_every_token_is_annotated_as_spacys_ruler_annotates_it(pipelines, texts):
    ruled, looked_up = pipelines
    tokens = 0
    for text, expected, got in zip(texts, ruled.pipe(texts), looked_up.pipe(texts)):
        tokens += len(expected)
        assert _annotations(got) == _annotations(expected), text[:80]
    assert tokens > 50_000


def test_the_rare_rules_fire(pipelines):
    _, looked_up = pipelines
    doc = looked_up(RARE_RULES)
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to"  # a rule of two tokens setting each
    assert lemmas["y'"] == "you" and lemmas["nothin'"] == "nothing"  # a regular expression's rules
    assert [t.pos_ for t in doc if t.lower_ == "is"][0] == "VERB"  # "There is": its second token
    first_i = next(t for t in doc if t.text == "I")
    assert str(first_i.morph).startswith("Case=Nom")  # a dependency's rule


def test_a_pattern_the_lookup_cannot_read_keeps_spacys_ruler():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "x", "OP": "+"}]], {"POS": "X"})
    assert not AttributeRules.covers(ruler)
    use_attribute_rules(nlp)
    assert nlp.pipe_names == [RULER]


def test_the_pipeline_pickles_and_saves_with_its_rules(pipelines, tmp_path):
    """spaCy's multiprocessing under spawn or forkserver sends the pipeline to its workers pickled; a saved
    pipeline loads with the lookup and the ruler's patterns."""
    ruled, looked_up = pipelines
    expected = _annotations(ruled(RARE_RULES))
    assert _annotations(pickle.loads(pickle.dumps(looked_up))(RARE_RULES)) == expected
    looked_up.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    assert NAME in reloaded.pipe_names and RULER not in reloaded.pipe_names
    assert _annotations(reloaded(RARE_RULES)) == expected
