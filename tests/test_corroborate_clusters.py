"""Documents into event clusters: the fitted model's decision, on real crawled pages both ways.

The pages come from news_cluster's development events (never its held-out third,
`bench/eval_news_cluster.held_out`), read in place and corroborated through the real path
(`corroborate` over a store), without claims: only the clustering of documents is looked at.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from bench.corpora.news_cluster import read_corpus
from claimdesk.corroborate import corroborate
from claimdesk.store import corroboration as state
from claimdesk.corroborate.clusters import FEATURES, days_apart, features, model
from claimdesk.store import Store

REPO = Path(__file__).resolve().parent.parent


def _held_out(event: str) -> bool:
    spec = importlib.util.spec_from_file_location("eval_news_cluster", REPO / "bench" / "eval_news_cluster.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.held_out(event)


def test_the_model_reads_its_own_features():
    m = model()
    assert len(m.weights) == len(FEATURES)
    assert 0.0 < m.threshold < 1.0


def test_more_words_and_names_in_common_make_one_event_likelier():
    m = model()
    low = m.probability(features(0.1, 0.1, True, True, 0, 3))
    words = m.probability(features(0.4, 0.1, True, True, 0, 3))
    names = m.probability(features(0.1, 0.5, True, True, 0, 3))
    assert words > low and names > low


def test_days_outside_the_cluster_make_one_event_less_likely():
    m = model()
    assert m.probability(features(0.3, 0.4, True, True, 0, 3)) > m.probability(features(0.3, 0.4, True, True, 25, 3))


def test_days_apart_counts_days_outside_the_clusters_dates():
    from datetime import date

    first, last = date(2018, 1, 10), date(2018, 1, 20)
    assert days_apart(date(2018, 1, 15), first, last) == 0
    assert days_apart(date(2018, 1, 25), first, last) == 5
    assert days_apart(date(2018, 1, 1), first, last) == 9
    assert days_apart(None, first, last) is None


def test_a_weak_match_stays_below_the_bar_and_a_strong_one_reaches_it():
    m = model()
    assert m.probability(features(0.05, 0.05, True, True, 10, 1)) < m.threshold
    assert m.probability(features(0.5, 0.6, True, True, 0, 1)) >= m.threshold


@pytest.fixture(scope="module")
def development_clusters(corpus_dir: Path, tmp_path_factory) -> dict:
    """event -> {page title: cluster id} for every page of news_cluster's development events."""
    pages = [p for p in {p.document.id: p for p in read_corpus(corpus_dir / "news_cluster")}.values()
             if not _held_out(p.event)]
    assert len(pages) > 200
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('clusters') / 'news.sqlite'}")
    for p in pages:
        store.add_document(p.document, claims=[])
    corroborate(store)
    cluster = state.cluster_of_documents(store, [p.document.id for p in pages])
    out: dict = {}
    for p in pages:
        out.setdefault(p.event, {})[p.document.title] = cluster[p.document.id]
    return out


def _cluster(clusters: dict, event: str, title_start: str) -> str:
    found = [c for t, c in clusters[event].items() if t and t.startswith(title_start)]
    assert len(found) == 1, f"expected one page of event {event} titled {title_start!r}, found {len(found)}"
    return found[0]


# pages the hand thresholds used before the model (word similarity 0.2, names 0.3) kept apart
MUST_GROUP = [
    # (event, title of one page, title of another): one event told by two outlets
    ("2", "Tourist ship strikes highway bridge in Germany", "Germany: Rhine cruise ship hits bridge pylon"),
    ("59", "Ex-Facebook and Google employees", "Former Facebook and Google workers launch campaign"),
    ("73", "German consulate in Afghanistan bombed", "Taliban attacks German consulate"),
    ("63", "Bitcoin Price Records Small Bounce", "Bitcoin is getting smashed"),
    ("72", "Credit agency Equifax has info", "Equifax admits that up to 400,000"),
    ("10", "Los Angeles-Tokyo Flight Turns Back", "How exactly does a passenger get on the wrong flight?"),
]
MUST_NOT_GROUP = [
    # (event, title, other event, title): two events of one kind, or of one country
    ("34", "Kim Jong Un offers Olympics olive branch", "71", "North Korea launches ‘satellite,’"),
    ("34", "Kim Jong-un reopens hotline", "71", "DPRK announces successful launch"),
    ("47", "A Chinese space station is falling to Earth", "32", "Contact lost with 1st Angolan satellite"),
    ("18", "Elon Musk Is Sending a Tesla to Mars", "72", "How Much Will Equifax Pay?"),
]


@pytest.mark.slow
@pytest.mark.parametrize("event,a,b", MUST_GROUP)
def test_pages_of_one_event_share_a_cluster(development_clusters, event, a, b):
    assert _cluster(development_clusters, event, a) == _cluster(development_clusters, event, b)


@pytest.mark.slow
@pytest.mark.parametrize("event,a,other,b", MUST_NOT_GROUP)
def test_pages_of_two_events_of_one_kind_stay_apart(development_clusters, event, a, other, b):
    assert _cluster(development_clusters, event, a) != _cluster(development_clusters, other, b)


@pytest.mark.slow
def test_development_events_are_mostly_gathered(development_clusters):
    """Share of development events whose pages mostly (over half) sit in one cluster."""
    gathered = [max(np.unique(list(c.values()), return_counts=True)[1]) * 2 > len(c)
                for c in development_clusters.values() if len(c) >= 3]
    assert sum(gathered) / len(gathered) >= 0.8
