"""The public face of extraction: `claimdesk.extract`, registry, batching, the Extractor protocol."""

from __future__ import annotations

from datetime import date

import pytest

import claimdesk
from claimdesk.extraction import Extractor, available, extract, extract_many, get_extractor
from claimdesk.models import Document
from system_programs import shared_files

SAMPLE = "sofrep-north-korean-deserters.txt"


@pytest.fixture(scope="module")
def sample(samples_dir):
    text = (samples_dir / SAMPLE).read_text("utf-8")
    return Document.from_text(text, source=SAMPLE, published=date(2024, 10, 16))


@pytest.fixture(scope="module")
def polnear_docs(corpus_dir):
    files = shared_files(corpus_dir / "polnear" / "dev" / "text", "*.txt", 4)[:4]
    return [Document.from_text(f.read_text("utf-8"), source=f.name) for f in files]


def test_both_spellings_give_the_same_claims(sample):
    via_function = extract(sample)
    via_package = claimdesk.extract(sample)
    assert via_function and [c.model_dump() for c in via_function] == [c.model_dump() for c in via_package]


def test_registry_builds_one_spacy_extractor_and_rejects_unknown_names():
    spacy_extractor = get_extractor("spacy")
    assert spacy_extractor is get_extractor("spacy")
    assert isinstance(spacy_extractor, Extractor)
    assert (spacy_extractor.name, spacy_extractor.version) == ("claimdesk.spacy", "v1")
    assert "spacy" in available()
    with pytest.raises(ValueError, match="expected one of"):
        get_extractor("gpt-17")


def test_batched_extraction_equals_one_by_one(polnear_docs):
    batched = list(extract_many(polnear_docs))
    single = [extract(d) for d in polnear_docs]
    assert [[c.id for c in cs] for cs in batched] == [[c.id for c in cs] for cs in single]
    assert all(batched)


def test_claims_come_in_text_order(polnear_docs):
    for doc, claims in zip(polnear_docs, extract_many(polnear_docs)):
        starts = [c.span[0] for c in claims]
        assert len(starts) >= 5, (doc.source, "too few claims to say anything about their order")
        assert starts == sorted(starts), (doc.source, [(c.span, c.text[:40]) for c in claims])
        assert [c.line for c in claims] == sorted(c.line for c in claims)


def test_two_processes_give_the_same_claims_in_the_same_order(polnear_docs):
    from claimdesk.extraction.spacy_extractor import SpacyExtractor

    parallel = list(SpacyExtractor(batch_size=1, n_process=2).extract_many(polnear_docs))
    serial = list(SpacyExtractor(batch_size=1).extract_many(polnear_docs))
    assert [[c.model_dump() for c in cs] for cs in parallel] == [[c.model_dump() for c in cs] for cs in serial]



def test_scoring_on_a_spare_core_gives_what_scoring_in_line_gives(corpus_dir, monkeypatch):
    from claimdesk.extraction import spacy_extractor

    files = shared_files(corpus_dir / "polnear" / "dev" / "text", "*.txt", 9)[:9]
    docs = [Document.from_text(f.read_text("utf-8"), source=f.name) for f in files]
    assert len(docs) > spacy_extractor.IN_FLIGHT + 1  # documents wait for their scores, then drain
    dumps = {}
    for spare in (True, False):
        monkeypatch.setattr(spacy_extractor, "_spare_core", lambda spare=spare: spare)
        dumps[spare] = [[c.model_dump() for c in cs] for cs in spacy_extractor.SpacyExtractor(batch_size=4).extract_many(docs)]
    assert dumps[True] == dumps[False]
    assert len({c["checkworthiness"] for cs in dumps[True] for c in cs}) > 10  # real scores, not a constant


def test_documents_drafted_before_a_failure_come_out_before_it(corpus_dir, monkeypatch):
    # a review of session 40: with scoring on a spare core, the documents drafted ahead were lost with the error
    from claimdesk.extraction import attach, spacy_extractor

    files = shared_files(corpus_dir / "polnear" / "dev" / "text", "*.txt", 7)[:7]
    docs = [Document.from_text(f.read_text("utf-8"), source=f.name) for f in files]
    real = attach.find_all

    def fails_on_the_last(doc, parsed):  # noqa: ANN001, ANN202
        if doc.source == docs[-1].source:
            raise RuntimeError("finder bug")
        return real(doc, parsed)

    monkeypatch.setattr(attach, "find_all", fails_on_the_last)
    for spare in (True, False):
        monkeypatch.setattr(spacy_extractor, "_spare_core", lambda spare=spare: spare)
        came = []
        with pytest.raises(RuntimeError, match="finder bug"):
            for claims in spacy_extractor.SpacyExtractor(batch_size=2).extract_many(docs):
                came.append(claims)
        assert len(came) == len(docs) - 1, spare

KYIV = "Officials said six soldiers were killed in Kyiv on Monday, October 14, 2024, the ministry reported."


def test_claims_carry_the_dates_places_and_quantities_the_finders_give():
    doc = Document.from_text(KYIV, source="kyiv.txt", published=date(2024, 10, 16))
    [claim] = [c for c in extract(doc) if "Kyiv" in c.text]
    assert claim.when is not None and claim.when.value == "2024-10-14"
    assert [p.name for p in claim.places] == ["Kyiv"]
    assert [q.value for q in claim.quantities] == [6]


def test_a_failing_finder_fails_the_extraction_instead_of_dropping_its_fields(monkeypatch):
    """A bug or missing dependency in a finder must not silently strip every place: the error
    reaches the pipeline, which stores the document with an `extraction_failed` finding."""
    from claimdesk.extraction import attach
    from claimdesk.pipeline import derive

    def broken(*args, **kwargs):
        raise RuntimeError("gazetteer missing")

    monkeypatch.setattr(attach, "find_places", broken)
    doc = Document.from_text(KYIV, source="kyiv.txt", published=date(2024, 10, 16))
    with pytest.raises(RuntimeError, match="gazetteer missing"):
        extract(doc)
    [derived] = derive([doc], with_claims=True)
    assert derived.claims == [] and "extraction_failed" in [f.kind for f in derived.findings]
