"""Two similar events of one kind stay in separate stories (grouping.EventContext and the name rule),
while one fact told by two outlets in different words still joins one story (PAC)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from claimdesk.corroborate.grouping import (FALLBACK_MIN_PROBABILITY, Draft, EventContext, StoryGrouper, claim_vectors,
                                             compatible)
from claimdesk.corroborate.vectors import Weights, term_counts
from claimdesk.corroborate.denials import is_denial
from claimdesk.models import Attribution, Claim
from claimdesk.store import Store
from claimdesk.store.stories import story_of_claims
from ecbplus_support import REPO, eval_ecbplus


def _claim(doc: str, text: str) -> Claim:
    return Claim(id=Claim.make_id(doc, (0, len(text))), document_id=doc, text=text, span=(0, len(text)), line=1)


def _context(cluster_of: dict[str, str], size: dict[str, int], centroid: dict[str, list[str]] | None = None) -> EventContext:
    def terms(cluster: str) -> list[tuple[int, float]]:
        counts = term_counts([" ".join((centroid or {}).get(cluster, []))])
        return list(zip(counts.indices.tolist(), counts.data.tolist()))
    return EventContext(cluster_of, size, terms)


def test_a_claim_naming_other_people_does_not_join_the_story():
    # Until 2026-12-02 `compatible` vetoed this pair outright; names are now one of the parts the
    # same-fact model weighs (`samefact.features`: names shared / names in conflict), so the pair is
    # kept apart by the grouper, and a claim naming no one or the same person may still join.
    jackson = _claim("d1", "On Tuesday receiver Vincent Jackson was arrested on suspicion of drunken driving.")
    williams = _claim("d2", "On Sunday tackle Jamal Williams was arrested on suspicion of drunken driving.")
    same_man = _claim("d4", "Police said Vincent Jackson was arrested on suspicion of drunken driving on Tuesday.")
    texts = [c.text for c in (jackson, williams, same_man)]
    weights = Weights()
    weights.update(term_counts(texts))
    assert len(StoryGrouper(weights).add([jackson, williams])) == 2
    assert len(StoryGrouper(weights).add([jackson, same_man])) == 1
    assert compatible(_claim("d3", "He was arrested on suspicion of drunken driving early on Sunday."), Draft("s", [jackson]))


def test_two_event_clusters_of_several_documents_keep_their_claims_apart():
    story = Draft("s", [_claim("a1", "Microsoft released an emergency patch for Internet Explorer.")], clusters={"A"})
    same_event = _claim("a2", "Microsoft released an emergency patch for its Internet Explorer browser.")
    other_event = _claim("b1", "Microsoft released an emergency patch for its Internet Explorer browser.")
    lone_document = _claim("c1", "Microsoft released an emergency patch for its Internet Explorer browser.")
    context = _context({"a2": "A", "b1": "B", "c1": "C"}, {"A": 12, "B": 9, "C": 1})
    assert context.may_join(same_event, story)
    assert not context.may_join(other_event, story)
    assert context.may_join(lone_document, story)  # a document alone in its cluster: no event to keep apart
    assert context.may_join(other_event, Draft("t", [lone_document], clusters={"C"}))


def test_a_denial_answers_only_a_story_of_its_own_event_cluster():
    # A denial joins the most similar story at a low bar; before 2026-12-03 that bar crossed event
    # clusters, and on ECB+ a denial from one topic's documents made another topic's story `denied`.
    asserted = _claim("a1", "Police said the gunman opened fire on staff at the accounting firm in suburban Detroit.")
    text = "The firm denied that the gunman had opened fire on staff at its Detroit office."
    said = Attribution(kind="named_organization", source="The firm", source_span=(0, 8), cue="denied")
    same_event = _claim("a2", text).model_copy(update={"attribution": said})
    other_event = _claim("b1", text).model_copy(update={"attribution": said})
    assert is_denial(same_event)
    weights = Weights()
    weights.update(term_counts([asserted.text, same_event.text]))
    context = _context({"a1": "A", "a2": "A", "b1": "B"}, {"A": 5, "B": 4})
    inside = StoryGrouper(weights, context=context)
    inside.add([asserted, same_event])
    assert [len(s.claims) for s in inside.stories] == [2]
    across = StoryGrouper(weights, context=context)
    across.add([asserted, other_event])
    assert [len(s.claims) for s in across.stories] == [1, 1]


def test_words_every_claim_of_a_cluster_shares_weigh_less_than_what_tells_facts_apart():
    weights = Weights()
    texts = ["Chargers receiver Jackson was arrested on suspicion of DUI in San Diego.",
             "Chargers tackle Williams was arrested on suspicion of DUI in San Diego.",
             "The Chargers said the arrest would not change his playing status."]
    weights.update(term_counts(texts))
    claims = [_claim(f"d{i}", t) for i, t in enumerate(texts)]
    context = _context({c.document_id: "A" for c in claims}, {"A": 3},
                       {"A": ["chargers", "arrested", "suspicion", "dui", "san", "diego"]})
    # Since 2026-12-02 whether two claims join is the same-fact model's decision; the topic weighting
    # still lowers the TF-IDF similarity that makes a story a candidate at all. (The model, knowing
    # both documents in one cluster and seeing "San Diego" in both, joins these two arrests: a known
    # weakness, the people named differ but a shared place name lets the name rule pass.)
    grouper = StoryGrouper(weights, context=context)
    x = grouper.claim_vector(claims[0])
    y = grouper.claim_vector(claims[1])
    plain = claim_vectors(weights, claims[:2])
    def cos(a, b):
        return sum(w * b.get(t, 0.0) for t, w in a.items())
    assert cos(plain[0], plain[1]) >= 0.3  # the shared topic words alone make them similar
    assert cos(x, y) < cos(plain[0], plain[1]) - 0.1
    assert all(s.clusters == {"A"} for s in grouper.add(claims[:2]))


def _eval_pac():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location("eval_pac", REPO / "bench" / "eval_pac.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_ecbplus_stories_rarely_mix_a_topics_two_events_and_pac_facts_stay_corroborated(corpus_dir, sqlite_url, tmp_path):
    """The issue's bars on extracted claims: ECB+ stories mix a topic's two events in at most 5 % of
    cross-document mention pairs; PAC's main fact is corroborated by both outlets for most stories."""
    from bench.corpora.ecbplus import read_corpus
    from bench.corpora.pac import read_stories
    from claimdesk.extraction import extract

    ev = eval_ecbplus()
    docs = list(read_corpus(corpus_dir / "ecbplus-dev"))
    store = Store(sqlite_url)
    ev.load(store, docs, extract)
    r = ev.evaluate(store, docs)
    # measured 2026-11-27: 0.035 of 8,508 pairs (topics 1-18 0.029, held-out 19-35 0.042); was 0.155
    assert r["stories"]["pairs"] > 5000
    assert r["stories"]["mixed"] <= 0.05
    # The held-out half is held to its wrong pairs of either kind (a topic's two events, two topics).
    # Its `mixed` share alone moved 0.0500 -> 0.0504 on 2026-12-03 with the SAME 219 mixed pairs: the
    # same-fact vetoes of that day took 36 pairs out of its stories, 17 of them joins of two topics,
    # which only shrank the share's denominator. Wrong share then 0.0578 -> 0.0543 (topics 1-18,
    # where choices are made: 0.0377 -> 0.0351); with the fallback's probability floor 0.0509
    # (mixed 217 of 4,321, joins of two topics 34 -> 3; topics 1-18 0.0305).
    held = r["stories"]["halves"]["held-out 19-35"]
    assert held["mixed"] <= 0.051
    assert held["mixed"] + held["cross_topic"] <= 0.056
    assert r["claims"]["precision"] >= 0.8
    assert r["documents"]["f1"] >= 0.85

    pac = _eval_pac()
    articles = read_stories(corpus_dir / "pac" / "dev.json")
    pac_store = Store(f"sqlite:///{tmp_path / 'pac.sqlite'}")
    for a in articles:
        pac_store.add_document(a.document, claims=pac.unique(extract(a.document)))
    p = pac.evaluate(pac_store, articles)
    # measured 2026-11-27: 0.64 (14 of 22), 0.50 by a story holding no other PAC story's article.
    # The measure counts ANY story holding both articles, and most of it was made of cross-cluster
    # fallback joins of two facts (tests/fixtures/fallback_join_labels.json, read by a person). With
    # the fallback's floor chosen by cross-validation on those labels (0.36, bench/eval_fallback_joins.py)
    # and an article's own restatements left to the model: 0.18 (4 of 22), and stories joining two PAC
    # stories' articles 0.54 -> 0.20 of the multi-article ones.
    assert p["corroborated"] >= 0.1
    assert p["mixing_two_pac_stories"] <= 0.3
    labels = json.loads((Path(__file__).parent / "fixtures" / "fallback_join_labels.json").read_text(encoding="utf-8"))
    items = [x for x in labels["items"] if x["set"] == "pac"]
    story = story_of_claims(pac_store, [a.document.id for a in articles])
    known = [x for x in items if x["claim"] in story and x["lead"] in story]
    assert len(known) >= 0.8 * len(items)  # the labelled claims are still extracted
    claims = {c.id: c for a in articles for c in pac_store.claims_for(a.document.id)}
    fallback = _eval_fallback_joins()
    now = [fallback.probability_now(claims[x["claim"]], claims[x["lead"]]) for x in known]
    together = [story[x["claim"]] == story[x["lead"]] for x in known]
    above = [i for i, x in enumerate(known) if now[i] >= FALLBACK_MIN_PROBABILITY and x["same_fact"]]
    assert above and sum(together[i] for i in above) >= 0.8 * len(above)
    # below the floor a pair still meets when the two sentences reach one story through their articles'
    # own restatements, which the model decides (measured 26 of 116; at the old floor 0.1, 61)
    below = [i for i in range(len(known)) if now[i] < FALLBACK_MIN_PROBABILITY]
    assert below and sum(together[i] for i in below) <= 0.3 * len(below)
    # the labelled joins still made are one fact more often than before (0.56 at the old floor; 0.62)
    joined = [x for x, t in zip(known, together) if t]
    assert sum(x["same_fact"] for x in joined) >= 0.6 * len(joined)


def _eval_fallback_joins():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location("eval_fallback_joins", REPO / "bench" / "eval_fallback_joins.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_fallback_joins", module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module
