"""The cross-cluster fallback of story grouping, read by a person: its probability floor, chosen by
cross-validation on development joins and checked on held-out ones.

`claimdesk.corroborate.grouping` lets a claim join a story below the same-fact model's threshold
when the two documents lie in different event clusters and the claim is worded like the story's
lead (TF-IDF similarity, shared fact words, names agreeing), if the model's probability reaches
`FALLBACK_MIN_PROBABILITY`. tests/fixtures/fallback_join_labels.json holds every such join made
on PAC dev (before the floor existed), on news_cluster and on ECB+'s held-out topics 19-35 (at floor
0.1), each labelled same fact or not by reading both sentences.

The floor is the lowest probability (grid 0.10-0.80, step 0.02) at which the joins kept reach
precision `TARGET_PRECISION`, chosen on the DEVELOPMENT items only (PAC dev, news_cluster's
development events), leave-one-group-out (group = PAC story or news event): each group's joins are
judged by the floor its other groups choose, and the pooled out-of-fold precision/recall printed;
then the floor chosen on all development items, which grouping.py carries. The held-out items
(ECB+ 19-35, news_cluster's held-out events) were labelled after the floor was chosen and read once.
Probabilities are worked out again on the stores given (the labels' `probability` is the model's
when labelled): claims of PAC are extracted here; news_cluster and ECB+ need the stores their
benches make (--news-cluster-db, --ecbplus-db), else their items are skipped.

    .venv/bin/python bench/eval_fallback_joins.py [--db sqlite:///pac.sqlite]
        [--news-cluster-db sqlite:///nc.sqlite] [--ecbplus-db sqlite:///ecb.sqlite] [--show]

Measured 2026-12-03 (labels read once; the floor 0.1 of the first round was chosen on the PAC
labels themselves): 142 PAC joins, 55 right (0.39); below 0.1, 5 of 50 right; from 0.1 up, 50 of 92
(0.54). Second round, same day: development items 163 (PAC 142, news_cluster development events
21), 68 right; out-of-fold floors 0.34-0.36, pooled out-of-fold precision 0.78, recall 0.37; floor
on all of them 0.36. Held-out, read once: ECB+ 19-35, 36 joins made at 0.1 (22 right, 0.61): from
0.36 up 16 kept, all right (precision 1.00, recall 0.73), and the 6 joins of two topics gone;
news_cluster held-out events 4 joins, 3 right: 1 kept (right). With it (and an article's own
restatements decided by the model as inside a cluster): PAC corroborated 0.36 -> 0.18, stories joining
two PAC stories 0.54 -> 0.20; labelled PAC joins still made 87 (0.56 right) -> 52 (0.62).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench.corpora import corpus_dir  # noqa: E402
from bench.corpora.pac import read_stories  # noqa: E402
from claimdesk.corroborate import corroborate, samefact  # noqa: E402
from claimdesk.corroborate.grouping import FALLBACK_MIN_PROBABILITY, _content  # noqa: E402
from claimdesk.models import Claim  # noqa: E402
from claimdesk.store import Store  # noqa: E402
from claimdesk.store import corroboration as state  # noqa: E402
from claimdesk.store.stories import story_of_claims  # noqa: E402
from eval_pac import unique  # noqa: E402

LABELS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "fallback_join_labels.json"
TARGET_PRECISION = 0.8
MIN_KEPT = 5  # a floor keeping fewer joins than this says nothing about its precision
GRID = [round(0.10 + 0.02 * i, 2) for i in range(36)]


@dataclass(frozen=True)
class LabelledJoin:
    set: str
    group: str
    held_out: bool
    claim: str
    lead: str
    same_fact: bool
    probability: float  # the model's now, across clusters


def lowest_floor(joins: list[LabelledJoin]) -> float:
    """The lowest floor of GRID whose kept joins reach TARGET_PRECISION (the highest when none does)."""
    for floor in GRID:
        kept = [j for j in joins if j.probability >= floor]
        if len(kept) >= MIN_KEPT and sum(j.same_fact for j in kept) >= TARGET_PRECISION * len(kept):
            return floor
    return GRID[-1]


def out_of_fold(joins: list[LabelledJoin]) -> tuple[list[float], list[LabelledJoin]]:
    """Leave one group out: the floors chosen without each group, and the joins they keep."""
    floors, kept = [], []
    for group in sorted({j.group for j in joins}):
        floor = lowest_floor([j for j in joins if j.group != group])
        floors.append(floor)
        kept += [j for j in joins if j.group == group and j.probability >= floor]
    return floors, kept


def scores(joins: list[LabelledJoin], kept: list[LabelledJoin]) -> str:
    right, all_right = sum(j.same_fact for j in kept), sum(j.same_fact for j in joins)
    precision = f"{right / len(kept):.2f}" if kept else "n/a"
    recall = f"{right / all_right:.2f}" if all_right else "n/a"
    return f"{len(kept)} of {len(joins)} joins kept, {right} of {all_right} right ones: precision {precision}, recall {recall}"


def probability_now(claim: Claim, lead: Claim) -> float:
    """The same-fact probability grouping weighs for a claim against a lead of another cluster."""
    a, b = samefact.parts([claim, lead], [_content(claim), _content(lead)])
    return samefact.probability(a, b, same_cluster=False)


def claims_of(db: str, ids: set[str]) -> dict[str, Claim]:
    with Store(db).engine.connect() as conn:
        return state.claims_by_id(conn, sorted(ids))


def labelled_joins(items: list[dict], stores: dict[str, Optional[str]], pac_group: dict[str, str]) -> list[LabelledJoin]:
    out = []
    for name, db in stores.items():
        part = [x for x in items if x["set"] == name]
        if db is None:
            print(f"{name}: {len(part)} labelled joins skipped (no store given)")
            continue
        claims = claims_of(db, {x[k] for x in part for k in ("claim", "lead")})
        missing = [x for x in part if x["claim"] not in claims or x["lead"] not in claims]
        if missing:
            print(f"{name}: {len(missing)} of {len(part)} labelled joins name claims the store does not hold")
        for x in part:
            if x in missing:
                continue
            claim, lead = claims[x["claim"]], claims[x["lead"]]
            group = x.get("group") or f"story {pac_group[claim.document_id]}"
            out.append(LabelledJoin(name, group, bool(x.get("held_out")), x["claim"], x["lead"], bool(x["same_fact"]),
                                    probability_now(claim, lead)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default=None, help="a PAC store (bench/eval_pac.py --db); default: a new one")
    ap.add_argument("--news-cluster-db", default=None, help="the store bench/eval_news_cluster.py --db made")
    ap.add_argument("--ecbplus-db", default=None, help="the store bench/eval_ecbplus.py --db made")
    ap.add_argument("--show", action="store_true", help="print both sentences of every labelled join")
    args = ap.parse_args()
    items = json.loads(LABELS.read_text(encoding="utf-8"))["items"]

    db = args.db or f"sqlite:///{tempfile.mkdtemp(prefix='claimdesk-eval-')}/pac.sqlite"
    from claimdesk.extraction import extract

    store = Store(db)
    articles = read_stories(corpus_dir() / "pac" / "dev.json")
    for a in articles:
        if not store.has_document(a.document.id):
            store.add_document(a.document, claims=unique(extract(a.document)))
    corroborate(store, incremental=False)

    joins = labelled_joins(items, {"pac": db, "news_cluster": args.news_cluster_db, "ecbplus": args.ecbplus_db},
                           {a.document.id: a.story for a in articles})
    development = [j for j in joins if not j.held_out]
    held_out = [j for j in joins if j.held_out]
    floors, kept = out_of_fold(development)
    print(f"development joins ({', '.join(sorted({j.set for j in development}))}), "
          f"{len({j.group for j in development})} groups, leave one group out: floors {min(floors):.2f}-{max(floors):.2f}; "
          f"out of fold: {scores(development, kept)}")
    floor = lowest_floor(development)
    mark = "" if floor == FALLBACK_MIN_PROBABILITY else f"  (grouping.py carries {FALLBACK_MIN_PROBABILITY})"
    print(f"floor chosen on all development joins: {floor:.2f}{mark}")
    for name in sorted({j.set for j in held_out}):
        part = [j for j in held_out if j.set == name]
        for f in sorted({0.1, FALLBACK_MIN_PROBABILITY}):
            print(f"held-out {name}, floor {f:.2f}: {scores(part, [j for j in part if j.probability >= f])}")

    story = story_of_claims(store, [a.document.id for a in articles])
    pac = [j for j in joins if j.set == "pac"]
    joined = [j for j in pac if j.claim in story and story.get(j.claim) == story.get(j.lead)]
    right = sum(j.same_fact for j in joined)
    print(f"PAC now: {len(joined)} of the {len(pac)} labelled joins are still made, {right} of them right"
          + (f" ({right / len(joined):.2f})" if joined else ""))
    if args.show:
        dbs = {"pac": db, "news_cluster": args.news_cluster_db, "ecbplus": args.ecbplus_db}
        for name in sorted({j.set for j in joins}):
            texts = {i: c.text for i, c in claims_of(dbs[name], {x for j in joins if j.set == name
                                                               for x in (j.claim, j.lead)}).items()}
            for j in (j for j in joins if j.set == name):
                print(f"\n{name} {j.group}{' held-out' if j.held_out else ''} {j.probability:.3f} "
                      f"{'SAME' if j.same_fact else 'two facts'}\n  {texts[j.claim][:200]}\n  {texts[j.lead][:200]}")


if __name__ == "__main__":
    main()
