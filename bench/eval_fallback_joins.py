"""The cross-cluster fallback of story grouping, read by a person: how many of its joins are right.

`claimdesk.corroborate.grouping` lets a claim join a story below the same-fact model's threshold
when the two documents lie in different event clusters and the claim is worded like the story's
lead (TF-IDF similarity, shared fact words). tests/fixtures/fallback_join_labels.json holds every
such join made on PAC dev before `FALLBACK_MIN_PROBABILITY` existed, each labelled same fact or not
by reading both sentences. This prints, for the labelled joins, the precision above and below
the floor (and at other floors, for the record), and how many of them grouping still makes now.

    .venv/bin/python bench/eval_fallback_joins.py [--db sqlite:///pac.sqlite] [--show]

Measured 2026-12-03 (labels read once, the floor chosen on them: a development figure): 142
joins, 55 right (0.39); below 0.1, 5 of 50 right; from 0.1 up, 50 of 92 (0.54).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench.corpora import corpus_dir  # noqa: E402
from bench.corpora.pac import read_stories  # noqa: E402
from claimdesk.corroborate import corroborate  # noqa: E402
from claimdesk.corroborate.grouping import FALLBACK_MIN_PROBABILITY  # noqa: E402
from claimdesk.store import Store  # noqa: E402
from claimdesk.store.stories import story_of_claims  # noqa: E402
from eval_pac import unique  # noqa: E402

LABELS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "fallback_join_labels.json"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default=None, help="a PAC store (bench/eval_pac.py --db); default: a new one")
    ap.add_argument("--show", action="store_true", help="print both sentences of every labelled join")
    args = ap.parse_args()
    items = json.loads(LABELS.read_text(encoding="utf-8"))["items"]
    for floor in (0.0, 0.1, 0.2, 0.3, 0.5):
        kept = [x for x in items if x["probability"] >= floor]
        right = sum(x["same_fact"] for x in kept)
        mark = "  <- FALLBACK_MIN_PROBABILITY" if floor == FALLBACK_MIN_PROBABILITY else ""
        print(f"floor {floor:.1f}: {len(kept)} joins kept, {right} right ({right / len(kept):.2f}); "
              f"below it {len(items) - len(kept)}, {sum(x['same_fact'] for x in items) - right} right{mark}")

    db = args.db or f"sqlite:///{tempfile.mkdtemp(prefix='claimdesk-eval-')}/pac.sqlite"
    from claimdesk.extraction import extract

    store = Store(db)
    articles = read_stories(corpus_dir() / "pac" / "dev.json")
    for a in articles:
        if not store.has_document(a.document.id):
            store.add_document(a.document, claims=unique(extract(a.document)))
    corroborate(store, incremental=False)
    story = story_of_claims(store, [a.document.id for a in articles])
    joined = [x for x in items if x["claim"] in story and story.get(x["claim"]) == story.get(x["lead"])]
    right = sum(x["same_fact"] for x in joined)
    print(f"now: {len(joined)} of the {len(items)} labelled joins are still made, {right} of them right"
          + (f" ({right / len(joined):.2f})" if joined else ""))
    if args.show:
        texts = {c.id: c.text for a in articles for c in store.claims_for(a.document.id)}
        for x in items:
            print(f"\n{x['probability']:.3f} {'SAME' if x['same_fact'] else 'two facts'}\n  {texts.get(x['claim'], '?')[:200]}"
                  f"\n  {texts.get(x['lead'], '?')[:200]}")


if __name__ == "__main__":
    main()
