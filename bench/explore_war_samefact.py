"""Exploration, not wired in: how well does the same-fact model read the war sets' own same-fact pairs, and
what would a model fitted on them reach out of fold?

The model (`claimdesk.corroborate.samefact`, fitted by `bench/train_samefact.py`) learnt "same fact" from ECB+'s
and GVC's event-coreference chains: two mentions of one event's chain, which often state two facts of it. The war
sets' keys (`tests/fixtures/war_reporting/*/key.json`) label the fact each quoted sentence states, so two claims
of two origins stating one key fact are one fact, and two stating two facts are not. This reads every set's
claims (ingested and corroborated as `bench/eval_war_reporting.py` does, or from its `--keep` stores), keeps
those overlapping exactly one key fact, and forms the cross-origin pairs of each set (negatives sampled to at
most `NEGATIVES_PER_POSITIVE` per positive, seeded). It prints:

- the shipped model's precision and recall on those pairs at its threshold (pairs whose parts conflict,
  `samefact.conflict`, count as not joined, as grouping decides them);
- a logistic regression over the same features fitted on the war pairs, scored out of fold with folds grouped
  by set (a set's pairs never inform their own score), at the lowest threshold whose pooled out-of-fold
  precision reaches `TARGET_PRECISION`.

    .venv/bin/python bench/explore_war_samefact.py [--stores DIR] [--exclude set_as] [--with-development CACHE]

A set named in --exclude is never read (a held-out set).

Read 2026-12-07 (session 45, on 68160ac's stores of the 43 sets in tests/fixtures/war_reporting; set AS, held out
that session, lives elsewhere and is not read): 77,448 pairs, 7,048 the same fact. The shipped model at its 0.81:
precision 0.916, recall 0.537 (pairs in one event cluster 0.914 / 0.573, across clusters 1.000 / 0.107); fitted on
the war pairs, out of fold: 0.922 / 0.612 at 0.45, 0.867 / 0.657 at 0.30. So a model fitted on these keys would
join about a seventh more same-fact pairs at the shipped precision: not wired in (a refit moves every development
figure and the threshold the ECB+ mixing bar rests on). 1,482 same-fact pairs are ones whose parts conflict: 904 by
their numbers (mostly two offices' figures of a toll the key calls one contested fact, which grouping keeps apart
and `corroborate.rivals` compares), 441 sharing no fact word (mostly a clause the extractor cut from the quoted
sentence), 88 one speaker's two statements, 27 days, 22 places ("Moscow's forces", "In Moscow, the defence
ministry announced" read as where the deed happened).

`--with-development CACHE`, read 2026-12-07 (session 48, stores of d8dd15d; the 51 sets but AZ and BA, 94,718
war pairs): the war pairs fitted together with the shipped model's own pairs (ECB+ topics 1-18, GVC val; folds
grouped by topic, incident and set). Out of fold at 0.81 the pooled model reads the war pairs at precision 0.975,
recall 0.493 (at 0.64: 0.945 / 0.568) against the shipped model's 0.913 / 0.534, and ECB+ 1-18 at 0.841 / 0.177;
the held-out ECB+ topics 19-35 pairs at 0.860 / 0.208 against the shipped model's 0.885 / 0.212. It buys
precision on the war sets' pairs with precision on ECB+'s held-out topics (the bar's mixing rests on it), and the
keys' "one fact" and ECB+'s "one event chain" pull its weights apart: not adopted.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import eval_war_reporting as war  # noqa: E402
from claimdesk.corroborate import samefact  # noqa: E402
from claimdesk.corroborate.grouping import _content, groupable  # noqa: E402
from claimdesk.store import Store  # noqa: E402

NEGATIVES_PER_POSITIVE = 10
TARGET_PRECISION = 0.85
FOLDS = 6


def _store_of(name: str, stores: Path | None, tmp: Path) -> Store:
    """The set's store: the one `eval_war_reporting.py --keep` wrote, else one made here."""
    if stores is not None and (db := stores / f"keep_{name}" / f"{name}.sqlite").is_file():
        return Store(f"sqlite:///{db}")
    folder = war.SETS / name
    key = json.loads((folder / "key.json").read_text("utf-8"))
    url = f"sqlite:///{tmp / f'{name}.sqlite'}"
    war.run("ingest", *war.ingest_args(folder, key, url))
    war.run("corroborate", "--db", url)
    return Store(url)


def set_pairs(name: str, store: Store, rng: np.random.Generator) -> tuple[list, list, list]:
    """(features, label, conflict) of the set's cross-origin claim pairs stating one key fact each."""
    folder = war.SETS / name
    key = json.loads((folder / "key.json").read_text("utf-8"))
    docs = war.documents_by_file(store, folder)
    file_of = {doc_id: file for file, (doc_id, _) in docs.items()}
    origin = {a["file"]: a["origin"] for a in key["articles"]}
    keyed = war.keyed_text(key, docs)
    with store.engine.connect() as conn:
        cluster = dict(conn.exec_driver_sql("select document_id, cluster_id from corroborated_documents").all())
    rows = []
    for claim in store.claims():
        facts = keyed.facts_of(claim.document_id, tuple(claim.span))
        if len(facts) == 1 and groupable(claim) and claim.polarity == "asserted":
            rows.append((claim, origin.get(file_of.get(claim.document_id, ""), "?"), next(iter(facts))))
    parts = samefact.parts([r[0] for r in rows], [_content(r[0]) for r in rows])
    pos, neg = [], []
    for i, j in itertools.combinations(range(len(rows)), 2):
        if rows[i][1] != rows[j][1] and rows[i][0].document_id != rows[j][0].document_id:
            (pos if rows[i][2] == rows[j][2] else neg).append((i, j))
    if len(neg) > NEGATIVES_PER_POSITIVE * max(len(pos), 1):
        keep = rng.choice(len(neg), NEGATIVES_PER_POSITIVE * max(len(pos), 1), replace=False)
        neg = [neg[k] for k in sorted(keep)]
    X, y, vetoed = [], [], []
    for label, chosen in ((1, pos), (0, neg)):
        for i, j in chosen:
            a, b = rows[i][0].document_id, rows[j][0].document_id
            together = cluster.get(a) is not None and cluster.get(a) == cluster.get(b)
            X.append(samefact.features(parts[i], parts[j], together))
            y.append(label)
            vetoed.append(samefact.conflict(parts[i], parts[j]))
    return X, y, vetoed


def precision_recall(joined: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    tp = int((joined & (y == 1)).sum())
    return (tp / joined.sum() if joined.sum() else 0.0), (tp / (y == 1).sum() if (y == 1).sum() else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stores", type=Path, help="a folder of `eval_war_reporting.py --keep` stores (keep_SET/SET.sqlite)")
    ap.add_argument("--exclude", action="append", default=[], help="a set never read (held out)")
    ap.add_argument("--with-development", type=Path, metavar="CACHE",
                    help="also fit the war pairs pooled with the shipped model's own (ECB+ 1-18, GVC val), whose "
                         "claims `bench/train_samefact.py --cache CACHE` keeps")
    args = ap.parse_args()
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(0)
    names = sorted(p.name for p in war.SETS.iterdir() if (p / "key.json").is_file() and p.name not in args.exclude)
    X, y, vetoed, group = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for n, name in enumerate(names):
            xs, ys, vs = set_pairs(name, _store_of(name, args.stores, Path(tmp)), rng)
            X += xs
            y += ys
            vetoed += vs
            group += [n] * len(ys)
    X, y, vetoed, group = np.array(X), np.array(y), np.array(vetoed, dtype=bool), np.array(group)
    print(f"{len(names)} sets, {len(y)} cross-origin pairs of claims stating one key fact each, {int(y.sum())} the same fact")
    model = samefact.model()
    p = np.array([model.probability(x) for x in X])
    for same_cluster in (True, False):
        where = X[:, samefact.FEATURES.index("same_cluster")] == (1.0 if same_cluster else 0.0)
        prec, rec = precision_recall((p >= model.threshold) & ~vetoed & where, np.where(where, y, 0))
        print(f"shipped model at {model.threshold} ({'same' if same_cluster else 'other'} event cluster, "
              f"{int(where.sum())} pairs): precision {prec:.3f}, recall {rec:.3f}")
    prec, rec = precision_recall((p >= model.threshold) & ~vetoed, y)
    print(f"shipped model at {model.threshold}, all pairs: precision {prec:.3f}, recall {rec:.3f}")
    print(f"same-fact pairs whose parts conflict (`samefact.conflict`, no model can join them): "
          f"{int((vetoed & (y == 1)).sum())} of {int(y.sum())}")
    oof = np.zeros(len(y))
    fold_of = group % FOLDS
    for k in range(FOLDS):
        train, test = fold_of != k, fold_of == k
        fit = LogisticRegression(C=0.1, max_iter=2000).fit(X[train][:, 1:], y[train])
        oof[test] = fit.predict_proba(X[test][:, 1:])[:, 1]
    for threshold in np.arange(0.30, 0.96, 0.05):
        prec, rec = precision_recall((oof >= threshold) & ~vetoed, y)
        print(f"  fitted on the war pairs, out of fold, threshold {threshold:.2f}: precision {prec:.3f}, recall {rec:.3f}")
    chosen = next((t for t in np.arange(0.30, 0.99, 0.01)
                   if precision_recall((oof >= t) & ~vetoed, y)[0] >= TARGET_PRECISION), None)
    if chosen is not None:
        prec, rec = precision_recall((oof >= chosen) & ~vetoed, y)
        print(f"lowest threshold with out-of-fold precision >= {TARGET_PRECISION}: {chosen:.2f} "
              f"(precision {prec:.3f}, recall {rec:.3f})")
    if args.with_development:
        pooled_with_development(args.with_development, X, y, vetoed, group)


def pooled_with_development(cache: Path, Xw: np.ndarray, yw: np.ndarray, vw: np.ndarray, gw: np.ndarray) -> None:
    """The shipped model's own pairs (`bench/train_samefact.py`: ECB+ topics 1-18, GVC val) and the war pairs
    fitted as one model, folds grouped by topic, incident and set; each source's out-of-fold precision and recall
    at a few thresholds, and the held-out ECB+ topics 19-35 pairs read by the model fitted on all."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    from bench import train_samefact as fit
    from bench.corpora import corpus_dir, ecbplus, gvc
    from claimdesk.extraction import extract

    ecb = list(ecbplus.read_corpus(corpus_dir() / "ecbplus-dev"))
    gvc_docs = gvc.read_corpus(corpus_dir() / "gvc" / "val")
    ecb_claims = fit.stored_claims(cache / "ecb.sqlite", ecb, extract)
    gvc_claims = fit.stored_claims(cache / "gvc.sqlite", gvc_docs, extract)
    fit.load_clusters(cache / "ecb.sqlite")
    fit.load_clusters(cache / "gvc.sqlite")
    rng = np.random.default_rng(0)
    tuning = [d for d in ecb if int(d.topic) in fit.TUNING_TOPICS]
    Xa, ya, ga, va = fit.pairs(fit.chained_claims(tuning, ecb_claims, lambda d: f"ecb{d.topic}"), rng, sample=True)
    incident = {d.document.id: d.incident for d in gvc_docs}
    gvc_rows = [r + (f"gvc{incident[r[1]]}",) for r in fit.chained_claims(gvc_docs, gvc_claims, lambda d: "gvc")]
    Xb, yb, gb, vb = fit.pairs(gvc_rows, rng, sample=True)
    X, y = np.vstack([Xa, Xb, Xw]), np.concatenate([ya, yb, yw])
    vetoed = np.concatenate([va, vb, vw])
    source = np.array(["ECB+ 1-18"] * len(ya) + ["GVC val"] * len(yb) + ["war sets"] * len(yw))
    groups = ga + gb + [f"war{g}" for g in gw]
    folds = list(GroupKFold(n_splits=FOLDS).split(X, y, groups))
    oof = np.zeros(len(y))
    for train, test in folds:
        oof[test] = LogisticRegression(C=1.0, max_iter=3000, fit_intercept=False).fit(X[train], y[train]) \
            .predict_proba(X[test])[:, 1]
    model = samefact.model()
    shipped = np.array([model.probability(x) for x in X])
    print(f"pooled with the shipped model's pairs ({len(ya)} ECB+, {len(yb)} GVC, {len(yw)} war), out of fold:")
    for name in ("ECB+ 1-18", "GVC val", "war sets"):
        at = source == name
        row = ", ".join(f"{t:.2f}: %.3f / %.3f" % precision_recall((oof[at] >= t) & ~vetoed[at], y[at])
                        for t in (0.64, 0.75, 0.81, 0.85))
        seen = " (in sample: it was fitted on these)" if name != "war sets" else ""
        print(f"  {name}: {row}; the shipped model at {model.threshold}{seen}: "
              "%.3f / %.3f" % precision_recall((shipped[at] >= model.threshold) & ~vetoed[at], y[at]))
    final = LogisticRegression(C=1.0, max_iter=3000, fit_intercept=False).fit(X, y)
    held = [d for d in ecb if int(d.topic) not in fit.TUNING_TOPICS]
    Xh, yh, _, vh = fit.pairs(fit.chained_claims(held, ecb_claims, lambda d: f"ecb{d.topic}"), rng, sample=False)
    pooled, ship = final.predict_proba(Xh)[:, 1], np.array([model.probability(x) for x in Xh])
    print("held-out ECB+ topics 19-35 pairs: pooled model " + ", ".join(
        f"{t:.2f}: %.3f / %.3f" % precision_recall((pooled >= t) & ~vh, yh) for t in (0.64, 0.75, 0.81, 0.85))
        + f"; shipped at {model.threshold}: %.3f / %.3f" % precision_recall((ship >= model.threshold) & ~vh, yh))


if __name__ == "__main__":
    main()
