"""Corroboration on real text: copies, stories, contradictions, denials, status, incremental runs."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest

from claimdesk.corroborate import corroborate
from claimdesk.store import corroboration as state
from claimdesk.corroborate.copies import CopyDetector
from claimdesk.corroborate.grouping import Draft, StoryGrouper, compatible
from claimdesk.corroborate.vectors import Weights
from claimdesk.models import Claim, Document, Place, When
from claimdesk.store import Store
from claimdesk.store.stories import copies, iter_stories
from system_programs import shared_files

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "corroborate"


def _bench(name: str):  # noqa: ANN202
    spec = importlib.util.spec_from_file_location(name, REPO / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sentence_claims(doc: Document, **fields) -> list[Claim]:
    """One claim per line of a document (stand-in for extraction where a test pins the fields)."""
    out, start = [], 0
    for line in doc.text.split("\n"):
        end = start + len(line)
        if line.strip():
            out.append(Claim(id=Claim.make_id(doc.id, (start, end)), document_id=doc.id, text=line,
                             span=(start, end), line=doc.line_of(start), **fields))
        start = end + 1
    return out


def _polnear(corpus_dir: Path, n: int) -> list[Path]:
    return shared_files(corpus_dir / "polnear" / "train" / "text", "*.txt", n)[:n]


def test_copy_points_to_earliest_original_even_when_it_arrives_later(corpus_dir):
    syn = _bench("eval_syndication")
    import random

    path = _polnear(corpus_dir, 1)[0]
    text = path.read_text(encoding="utf-8")
    original = Document.from_text(text, source=str(path), outlet="usa-today", published=date(2016, 3, 1))
    copy = Document.from_text(syn.republish(text, random.Random(3)), source="copy", outlet="Metro Herald",
                              published=date(2016, 3, 2))
    assert copy.id != original.id
    det = CopyDetector(fetch={original.id: original, copy.id: copy}.get)
    assert det.add([copy]) == []
    verdicts = det.add([original])
    assert [(v.document_id, v.copy_of) for v in verdicts] == [(copy.id, original.id)]
    assert verdicts[0].similarity >= 0.6


def test_distinct_articles_on_one_topic_are_not_copies(corpus_dir):
    docs = [Document.from_text(p.read_text(encoding="utf-8"), source=str(p)) for p in _polnear(corpus_dir, 60)]
    det = CopyDetector(fetch={d.id: d for d in docs}.get)
    found = det.add(docs)
    source = {d.id: Path(d.source).stem.split("_") for d in docs}
    # the only copies among them are one outlet's updated versions of a story, a day apart at most
    assert len(found) <= 2
    for v in found:
        (outlet_a, day_a, _), (outlet_b, day_b, _) = source[v.document_id], source[v.copy_of]
        assert outlet_a == outlet_b
        assert abs((date.fromisoformat(day_a) - date.fromisoformat(day_b)).days) <= 1


@pytest.mark.slow
def test_syndication_bars(corpus_dir):
    syn = _bench("eval_syndication")
    docs, gold, _ = syn.build(corpus_dir, 400, 120, seed=11)
    r = syn.evaluate(docs, gold)
    assert r["precision"] >= 0.98
    assert r["recall"] >= 0.95


def test_a_copy_never_raises_independent_sources(corpus_dir, sqlite_url):
    syn = _bench("eval_syndication")
    import random

    path = _polnear(corpus_dir, 3)[2]
    text = path.read_text(encoding="utf-8")
    store = Store(sqlite_url)
    original = Document.from_text(text, source=str(path), outlet="breitbart", published=date(2016, 3, 11))
    copy = Document.from_text(syn.republish(text, random.Random(5)), source="copy", outlet="Coastal Times",
                              published=date(2016, 3, 11))
    for d in (original, copy):
        store.add_document(d, claims=_sentence_claims(d))
    corroborate(store)
    assert copies(store) == {copy.id: original.id}
    shared = [s for s in iter_stories(store) if {m.document for m in s.mentions} == {original.id, copy.id}]
    assert len(shared) >= 3
    assert all(s.independent_sources == 1 and s.status == "single_source" for s in shared)
    assert all(m.copy_of == original.id for s in shared for m in s.mentions if m.document == copy.id)


def _claim(doc_id: str, text: str, **fields) -> Claim:
    return Claim(id=Claim.make_id(doc_id, (0, len(text))), document_id=doc_id, text=text, span=(0, len(text)),
                 line=1, **fields)


def test_two_similar_events_a_year_apart_do_not_merge():
    a = _claim("a", "A magnitude 5.9 earthquake struck Qeshm island off southern Iran, killing ten people.",
               event_type="casualty", when=When(text="Sunday", value="2005-11-27", granularity="day"))
    b = _claim("b", "An earthquake of magnitude 5.6 struck Qeshm island off Iran's southern coast, injuring five people.",
               event_type="casualty", when=When(text="Sunday", value="2008-09-10", granularity="day"))
    c = _claim("c", "A strong earthquake struck Qeshm island in southern Iran on Sunday, killing ten people.",
               event_type="casualty", when=When(text="Sunday", value="2005-11-27", granularity="day"))
    grouper = StoryGrouper(Weights(), {})
    stories = grouper.add([a, b, c])
    together = {tuple(sorted(x.document_id for x in s.claims)) for s in stories}
    assert ("a", "c") in together
    assert not any("b" in t and len(t) > 1 for t in together)
    assert not compatible(b, Draft("s", [a]))


def test_places_in_different_countries_do_not_merge():
    a = _claim("a", "Police arrested two men after the bank explosion.", event_type="attack",
               places=[Place(name="Woodburn", country="US", kind="city", lat=45.14, lon=-122.85)])
    b = _claim("b", "Police arrested two men after the bank explosion.", event_type="attack",
               places=[Place(name="Athens", country="GR", kind="city", lat=37.98, lon=23.72)])
    assert not compatible(b, Draft("s", [a]))


def _ingest(store: Store, path: Path, day: date, outlet: str) -> None:
    """Through the real pipeline (read, audit, extract, store)."""
    from claimdesk.ingest import IngestOptions
    from claimdesk.pipeline import ingest

    ingest([path], store, IngestOptions(published=day, outlet=outlet))


def _sofrep_and_second_report(samples_dir: Path, store: Store) -> None:
    _ingest(store, samples_dir / "sofrep-north-korean-deserters.txt", date(2024, 10, 16), "SOFREP")
    _ingest(store, FIXTURES / "kyiv-monitor-north-korean-officers.txt", date(2024, 10, 17), "Kyiv Monitor")


@pytest.mark.slow
def test_sofrep_killed_officers_story_is_contested_and_denial_linked(samples_dir, sqlite_url):
    store = Store(sqlite_url)
    _sofrep_and_second_report(samples_dir, store)
    report = corroborate(store)
    assert report.documents == 2
    [story] = [s for s in iter_stories(store) if any("six North Korean officers" in m.text for m in s.mentions)]
    assert story.status == "contested"
    assert story.independent_sources == 2
    assert {m.outlet for m in story.mentions} == {"SOFREP", "Kyiv Monitor"}
    numbers = [c for c in story.contradictions if c.kind == "number"]
    assert numbers and "six" in numbers[0].detail and "Twenty" in numbers[0].detail
    denials = [c for c in story.contradictions if c.kind == "denial"]
    assert denials and "Kremlin" in denials[0].detail
    denial_mention = next(m for m in story.mentions if m.claim == denials[0].mentions[0])
    assert "Kremlin denied" in denial_mention.text
    six = next(m for m in story.mentions if "six North Korean officers" in m.text)
    assert six.hedges == ["reportedly"] and six.claim in denials[0].mentions


@pytest.mark.slow
def test_incremental_run_touches_only_new_documents(samples_dir, sqlite_url):
    store = Store(sqlite_url)
    _ingest(store, samples_dir / "sofrep-north-korean-deserters.txt", date(2024, 10, 16), "SOFREP")
    first = corroborate(store)
    assert first.documents == 1
    before = {s.id: s for s in iter_stories(store)}
    assert all(s.status in ("single_source", "denied") for s in before.values())
    assert corroborate(store).documents == 0  # nothing new: nothing done
    _ingest(store, FIXTURES / "kyiv-monitor-north-korean-officers.txt", date(2024, 10, 17), "Kyiv Monitor")
    second = corroborate(store)
    assert second.documents == 1
    after = {s.id: s for s in iter_stories(store)}
    assert set(before) <= set(after)  # story ids are stable
    changed = [i for i in before if after[i].mentions != before[i].mentions]
    assert changed and len(changed) < len(before) / 4
    assert "contested" in {after[i].status for i in changed}
    assert len(state.processed_ids(store)) == 2
    # a full recompute (IDF from the whole corpus at once) keeps the contested story
    contested = {i for i in changed if after[i].status == "contested"}
    corroborate(store, incremental=False)
    full = {s.id: s for s in iter_stories(store)}
    assert all(full[i].status == "contested" for i in contested if i in full)
    assert "contested" in {s.status for s in full.values()}


@pytest.mark.postgres
def test_corroborate_on_postgresql(corpus_dir, fresh_postgres_url):
    syn = _bench("eval_syndication")
    import random

    path = _polnear(corpus_dir, 3)[2]
    text = path.read_text(encoding="utf-8")
    store = Store(fresh_postgres_url)
    assert 3 in store.migrations_applied()
    original = Document.from_text(text, source=str(path), outlet="breitbart", published=date(2016, 3, 11))
    copy = Document.from_text(syn.republish(text, random.Random(5)), source="copy", outlet="Coastal Times",
                              published=date(2016, 3, 12))
    store.add_document(original, claims=_sentence_claims(original))
    assert corroborate(store).documents == 1
    store.add_document(copy, claims=_sentence_claims(copy))
    assert corroborate(store).documents == 1  # the stored MinHash signature of the original is reused
    assert copies(store) == {copy.id: original.id}
    shared = [s for s in iter_stories(store) if {m.document for m in s.mentions} == {original.id, copy.id}]
    assert shared and all(s.independent_sources == 1 for s in shared)
