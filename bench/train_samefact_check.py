"""Fit the second look at same-fact joins inside an event cluster (`samefact.FactCheck`).

The same-fact model is fitted on coreference chains, and a chain marks an EVENT: inside an event
cluster it joins two facts of one event that share names ("Trump called for Ginsburg to resign" /
"Ginsburg regrets her insults of Trump"). Reading corroborated stories found that this is their main
error (PolNeAR samples: 10, 18 and 19 of 30 wrong that way). The check is a logistic regression on
three features of the join: the model's own logit, `samefact.content_overlap` (the facts' shared
word stems once every name is set aside) and whether the two pages were published more than N days
apart (an "event cluster" of a primary season runs for months; for an undated page, such as ECB+'s,
the share of far-apart joins among the rows: neither near nor far), with the story's read label as
target: right (two outlets state the lead's fact) or different facts. Wrong stories of other kinds (copies, furniture) are left
out: the check cannot see them.

Rows: the labelled corroborated stories of news_cluster (tests/fixtures/verdict_labels.json) and
PolNeAR (verdict_labels_polnear.json), each found by its lead as read (a label whose lead heads no
story now is left out) with the other-outlet mention the model likes best, in a store corroborated
WITHOUT the check (grouping.CHECK_JOINS off, on a copy), plus
news_cluster's 130 development lead-member pairs (samefact_news_labels.json). Only joins inside an
event cluster between two pages are rows: the check applies to no other (an article restating its
own fact is left to the model). N and C are chosen by 5-fold out-of-fold log loss,
the threshold as the lowest whose pooled out-of-fold precision reaches TARGET_PRECISION; the
folds are grouped by event cluster (a story's rows, and one event's stories, stay in one fold).

PolNeAR's `fifth` and news_cluster's `eleventh` samples (read once with the check this script wrote on
2026-12-04, session 20) measure that check and are never fitted on (`MEASURING_SAMPLES`).
ECB+ (topics 19-35, verdict_labels_ecbplus.json) is HELD OUT: never fitted on, read once at the
end for the figures printed under "held out". The fitted figures on news_cluster and PolNeAR are
out-of-fold, but the labels were read before, and some of them suggested earlier rules.

    .venv/bin/python bench/train_samefact_check.py --nc-db sqlite:///nc.sqlite \\
        --polnear-db sqlite:///polnear.sqlite --ecb-db sqlite:///ecb.sqlite [--dry-run]

(stores made by bench/eval_news_cluster.py, bench/corroborate_polnear.py and bench/eval_ecbplus.py)
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from math import log
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from claimdesk.corroborate import corroborate, grouping, samefact  # noqa: E402
from claimdesk.corroborate.grouping import _content  # noqa: E402
from claimdesk.models import Claim  # noqa: E402
from claimdesk.store import Store  # noqa: E402
from claimdesk.store.corroboration import claims_by_id  # noqa: E402
from eval_verdicts import text_hash  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
TARGET_PRECISION = 0.85
C_GRID = (0.1, 1.0, 10.0)
FAR_APART_GRID = (2, 3, 7, 14, 30)  # days between two pages' publication past which they are "far apart"
# samples read once to measure the shipped check, never fitted on
MEASURING_SAMPLES = {("verdict_labels_polnear.json", "fifth"), ("verdict_labels.json", "eleventh")}


@dataclass
class Row:
    corpus: str
    right: bool
    logit: float
    overlap: float
    group: str = ""  # the lead's event cluster: rows of one event stay in one fold
    days_apart: int | None = None  # between the two pages' publication dates

    def x(self, far_apart_days: int, undated_far: float) -> list[float]:
        far = undated_far if self.days_apart is None else float(self.days_apart > far_apart_days)
        return [self.logit, self.overlap, far]


class StoredCorpus:
    """A copy of a store corroborated without the check, read with plain SQL."""

    def __init__(self, url: str, workdir: Path, name: str):
        self.name = name
        path = Path(url.removeprefix("sqlite:///"))
        copy = workdir / f"{name}.sqlite"
        shutil.copy(path, copy)
        was, grouping.CHECK_JOINS = grouping.CHECK_JOINS, False
        try:
            self.store = Store(f"sqlite:///{copy}")
            corroborate(self.store, incremental=False)
        finally:
            grouping.CHECK_JOINS = was
        self.db = sqlite3.connect(copy)
        self.db.row_factory = sqlite3.Row
        self.cluster = dict(self.db.execute("select document_id, cluster_id from corroborated_documents").fetchall())
        self.size = dict(self.db.execute("select id, size from event_clusters").fetchall())
        self.outlet = {r[0]: r[1] or r[0] for r in self.db.execute("select id, outlet from documents")}
        self.published = {r[0]: date.fromisoformat(r[1][:10]) for r in self.db.execute(
            "select id, published from documents where published is not null")}
        self.story_of_lead = {text_hash(r[1]): r[0] for r in self.db.execute("select id, text from stories")}

    def claim(self, claim_id: str) -> Claim | None:
        with self.store.engine.connect() as conn:
            return claims_by_id(conn, [claim_id]).get(claim_id)

    def in_cluster(self, claim: Claim, lead: Claim, story_clusters: set[str] | None = None) -> bool:
        """As grouping reads it: the lead's page, or an event cluster of several pages that the story's
        pages lie in (by default the lead's)."""
        mine = self.cluster.get(claim.document_id)
        clusters = story_clusters if story_clusters is not None else {self.cluster.get(lead.document_id)}
        return claim.document_id == lead.document_id or (mine is not None and mine in clusters and self.size.get(mine, 1) > 1)

    def story_row(self, corpus: str, lead_hash: str, right: bool) -> Row | None:
        """The labelled story (found by its lead, as read) as one row: its lead and the other-outlet
        mention inside its event clusters that the model likes best; None when no story has that lead
        now, or it is no longer corroborated by several outlets there (a label read on another grouping
        is not carried over to a story it does not describe)."""
        story_id = self.story_of_lead.get(lead_hash)
        if story_id is None:
            return None
        story = self.db.execute("select text, status from stories where id=?", (story_id,)).fetchone()
        if story["status"] != "corroborated":
            return None
        ids = [r[0] for r in self.db.execute("select claim_id from story_mentions where story_id=?", (story_id,))]
        claims = [c for c in map(self.claim, ids) if c is not None]
        lead = next((c for c in claims if c.text == story["text"]), None)
        if lead is None:
            return None
        clusters = {self.cluster.get(c.document_id) for c in claims} - {None}
        others = [c for c in claims if self.outlet[c.document_id] != self.outlet[lead.document_id]
                  and self.in_cluster(c, lead, clusters)]
        rows = [pair_row(corpus, right, c, lead, self.group_of(lead), self.days_apart(c, lead)) for c in others]
        return max(rows, key=lambda r: r.logit, default=None)

    def days_apart(self, claim: Claim, lead: Claim) -> int | None:
        mine, theirs = self.published.get(claim.document_id), self.published.get(lead.document_id)
        return abs((mine - theirs).days) if mine is not None and theirs is not None else None

    def group_of(self, lead: Claim) -> str:
        return f"{self.name}:{self.cluster.get(lead.document_id) or lead.document_id}"


def pair_row(corpus: str, right: bool, claim: Claim, lead: Claim, group: str, days_apart: int | None) -> Row:
    a, b = samefact.parts([claim, lead], [_content(claim), _content(lead)])
    p = min(max(samefact.model().probability(samefact.features(a, b, True)), 1e-6), 1 - 1e-6)
    return Row(corpus, right, log(p / (1 - p)), samefact.content_overlap(a, b), group, days_apart)


def labelled_rows(corpus: str, store: StoredCorpus, labels: str) -> list[Row]:
    rows = []
    for name, sample in json.loads((FIXTURES / labels).read_text("utf-8"))["samples"].items():
        if (labels, name) in MEASURING_SAMPLES:
            continue
        for x in sample["stories"]:
            kind = "right" if x["right"] else x.get("kind")
            if kind in ("right", "different facts"):
                row = store.story_row(corpus, x["lead"], x["right"])
                if row is not None:
                    rows.append(row)
    return rows


def dev_pair_rows(store: StoredCorpus) -> list[Row]:
    rows = []
    for item in json.loads((FIXTURES / "samefact_news_labels.json").read_text("utf-8"))["items"]:
        lead, member = store.claim(item["lead"]), store.claim(item["member"])
        if lead is not None and member is not None and member.document_id != lead.document_id \
                and store.in_cluster(member, lead):  # the check looks at joins of two pages only
            rows.append(pair_row("news_cluster dev pairs", item["same_fact"], member, lead, store.group_of(lead),
                                 store.days_apart(member, lead)))
    return rows


def report(name: str, rows: list[Row], scores: np.ndarray, threshold: float) -> None:
    y = np.array([r.right for r in rows])
    kept = scores >= threshold
    print(f"  {name:<24} {len(rows):4d} joins, right {y.mean():.2f}; kept {kept.sum():4d}, right among them "
          f"{y[kept].mean() if kept.any() else 0:.2f}; right joins kept {y[kept].sum()}/{y.sum()}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--nc-db", required=True)
    ap.add_argument("--polnear-db", required=True)
    ap.add_argument("--ecb-db", required=True, help="held out: read once for the printed figures")
    ap.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    args = ap.parse_args()
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss
    from sklearn.model_selection import GroupKFold, cross_val_predict

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        nc = StoredCorpus(args.nc_db, work, "nc")
        rows = labelled_rows("news_cluster", nc, "verdict_labels.json") + dev_pair_rows(nc)
        rows += labelled_rows("polnear", StoredCorpus(args.polnear_db, work, "polnear"), "verdict_labels_polnear.json")
        held = labelled_rows("ecbplus 19-35", StoredCorpus(args.ecb_db, work, "ecb"), "verdict_labels_ecbplus.json")
    y = np.array([r.right for r in rows])
    groups = [r.group for r in rows]
    folds = list(GroupKFold(5).split(np.zeros((len(rows), 1)), y, groups))  # one event's rows in one fold
    losses = {}
    dated = [r.days_apart for r in rows if r.days_apart is not None]
    undated = {days: round(float(np.mean([d > days for d in dated])), 4) for days in FAR_APART_GRID}
    for days in FAR_APART_GRID:
        X = np.array([r.x(days, undated[days]) for r in rows])
        for c in C_GRID:
            oof = cross_val_predict(LogisticRegression(C=c), X, y, cv=folds, method="predict_proba")[:, 1]
            losses[days, c] = log_loss(y, oof)
    best_days, best_c = min(losses, key=lambda k: (losses[k], k[1], k[0]))
    undated_far = undated[best_days]
    X = np.array([r.x(best_days, undated_far) for r in rows])
    oof = cross_val_predict(LogisticRegression(C=best_c), X, y, cv=folds, method="predict_proba")[:, 1]
    threshold = next((round(float(t), 2) for t in np.arange(0.0, 1.0, 0.01)
                      if (oof >= t).any() and y[oof >= t].mean() >= TARGET_PRECISION), None)
    if threshold is None:
        raise SystemExit(f"no threshold reaches out-of-fold precision {TARGET_PRECISION}: nothing written")
    fit = LogisticRegression(C=best_c).fit(X, y)
    print(f"{len(rows)} fitting joins ({y.sum()} right); far apart past {best_days} days, C {best_c}; threshold "
          f"{threshold}; out-of-fold log loss by (days, C): "
          + ", ".join(f"{k[0]}/{k[1]}: {v:.4f}" for k, v in losses.items()))
    print("out of fold (fitted here):")
    for corpus in sorted({r.corpus for r in rows}):
        mine = [i for i, r in enumerate(rows) if r.corpus == corpus]
        report(corpus, [rows[i] for i in mine], oof[mine], threshold)
    held_scores = fit.predict_proba(np.array([r.x(best_days, undated_far) for r in held]))[:, 1]
    print("held out (never fitted on):")
    report("ecbplus 19-35", held, held_scores, threshold)
    if args.dry_run:
        return
    spec = {
        "about": "FactCheck for claimdesk/corroborate/samefact.py, written by bench/train_samefact_check.py",
        "features": list(samefact.CHECK_FEATURES),
        "weights": [round(float(fit.intercept_[0]), 5)] + [round(float(w), 5) for w in fit.coef_[0]],
        "threshold": threshold,
        "far_apart_days": best_days,
        "undated_far": undated_far,
        "provenance": {
            "fitted_on": "labelled corroborated stories of news_cluster and PolNeAR (right vs different facts, "
                         "lead and best other-outlet mention inside its event cluster, stores corroborated "
                         "without the check) and news_cluster's development lead-member pairs",
            "held_out": "ECB+ topics 19-35 labelled stories (never fitted on)",
            "choice": f"far-apart days in {list(FAR_APART_GRID)} and C in {list(C_GRID)} by 5-fold out-of-fold log loss, "
                      f"folds grouped by event cluster; threshold = lowest with pooled "
                      f"out-of-fold precision >= {TARGET_PRECISION}",
            "rows": len(rows), "right": int(y.sum()), "C": best_c,
        },
    }
    samefact.CHECK_FILE.write_text(json.dumps(spec, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {samefact.CHECK_FILE}")


if __name__ == "__main__":
    main()
