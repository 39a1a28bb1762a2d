"""Attribution on real articles: PolNeAR dev (gold Source/Cue/Content) and the sample article."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from claimdesk.extraction import extract, extract_many
from claimdesk.models import Document

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from eval_attribution import length, overlap, read_ann  # noqa: E402

TRUMP_URGES = "breitbart_2016-09-30_the-latest-trump-urges-supporter"
GENNIFER = "breitbart_2016-09-25_pence-gennifer-flowers-won-t-be-"
CADDELL = "breitbart_2016-09-15_pat-caddell-democrat-voters-worr"


def polnear(corpus_dir: Path, name: str) -> Document:
    path = corpus_dir / "polnear" / "dev" / "text" / f"{name}.txt"
    return Document.from_text(path.read_text("utf-8"), source=path.name)


def claims_on_line(doc: Document, claims, line: int):
    return [c for c in claims if c.line == line]


@pytest.fixture(scope="module")
def trump_urges(corpus_dir):
    doc = polnear(corpus_dir, TRUMP_URGES)
    return doc, extract(doc)


def test_pronoun_source_resolves_to_the_person_named_before(trump_urges):
    doc, claims = trump_urges
    # 'Clinton said she thinks … She said Republican Donald Trump favors a "strongman approach."'
    she = next(c for c in claims_on_line(doc, claims, 203) if "strongman" in c.text)
    assert she.attribution.kind == "named_person"
    assert she.attribution.source == "Clinton"
    assert doc.text[slice(*she.attribution.source_span)] == "She"
    # '… "there is no one single point of failure," he said.' after 'Johnson said …'
    he = next(c for c in claims_on_line(doc, claims, 275) if "single point of failure" in c.text)
    assert (he.attribution.kind, he.attribution.source) == ("named_person", "Johnson")


def test_speaker_labels_attribute_transcript_lines(corpus_dir):
    doc = polnear(corpus_dir, GENNIFER)
    claims = extract(doc)
    start = doc.text.index('"PENCE: Well, look')
    pence = [c for c in claims if doc.line_of(start) == c.line and c.attribution.source == "PENCE"]
    assert pence, [(c.text, c.attribution) for c in claims if c.line == doc.line_of(start)]
    assert pence[0].attribution.kind == "named_person"


def test_introduction_line_attributes_the_quoted_paragraph(corpus_dir):
    doc = polnear(corpus_dir, CADDELL)
    claims = extract(doc)
    start = doc.text.index('"The health issue overall')
    quoted = [c for c in claims if c.line == doc.line_of(start)]
    assert quoted and quoted[0].attribution.source == "Caddell", [(c.text, c.attribution) for c in quoted]


@pytest.mark.slow
def test_polnear_dev_sample_recall_and_precision(corpus_dir):
    """The first 20 dev articles: the bench (bench/eval_attribution.py) runs all 84."""
    root = corpus_dir / "polnear" / "dev"
    anns = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        anns.setdefault(re.sub(r"_[^_]+\.ann$", "", ann.name), ann)
    names = sorted(anns)[:20]
    docs = [polnear(corpus_dir, n) for n in names]
    hit = total = attributed = correct = 0
    for name, claims in zip(names, extract_many(docs)):
        gold = read_ann(anns[name])
        total += len(gold)
        for g in gold:
            hit += any(c.attribution.source_span and overlap([c.attribution.source_span], g.source)
                       and overlap([c.span], g.content) * 2 >= min(length(g.content), c.span[1] - c.span[0])
                       for c in claims)
        for c in claims:
            if c.attribution.kind != "none" and c.attribution.source_span:
                attributed += 1
                correct += any(overlap([c.attribution.source_span], g.source) for g in gold)
    assert hit / total >= 0.70, f"recall {hit / total:.3f}"
    assert correct / attributed >= 0.70, f"precision {correct / attributed:.3f}"
