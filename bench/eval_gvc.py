"""GVC val: 78 local-news pages about 37 shootings (2-4 pages each), all of one kind of event.

Every page is stored with the claims `claimdesk.extract` finds and corroborated as one batch.
Printed: same-incident page-pair precision/recall/F1 of the event clusters (the document grouping
corroboration uses), and claim grouping against gold cross-document event coreference (two claims of
different pages belong together when they hold action mentions of one chain), with the share of
cross-page mention pairs sharing a story that join two incidents.

GVC val is development data: the same-fact model (bench/train_samefact.py) is fitted on it with
ECB+ topics 1-18, so its claim figures here are not held-out figures.

    .venv/bin/python bench/eval_gvc.py [--db sqlite:///gvc.sqlite]
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_ecbplus import corpus_dir, pairwise, unique  # noqa: E402

from bench.corpora.gvc import GvcDocument, read_corpus  # noqa: E402
from claimdesk.corroborate import corroborate  # noqa: E402
from claimdesk.store import corroboration as state  # noqa: E402
from claimdesk.store.stories import story_of_claims  # noqa: E402
from claimdesk.store import Store  # noqa: E402


def claim_scores(store: Store, docs: list[GvcDocument]) -> dict:
    story: dict[str, str] = {}
    for d in docs:
        story.update(story_of_claims(store, [d.document.id]))
    chains, doc_of, incident = {}, {}, {}
    for d in docs:
        actions = [m for m in d.mentions if m.chain]
        for c in store.claims_for(d.document.id):
            found = {m.chain for m in actions if c.span[0] <= m.span[0] and m.span[1] <= c.span[1]}
            if found and c.id in story:
                chains[c.id], doc_of[c.id], incident[c.id] = found, d.document.id, d.incident
    tp = fp = fn = mixed = 0
    for a, b in itertools.combinations(sorted(chains), 2):
        if doc_of[a] == doc_of[b]:
            continue
        p, g = story[a] == story[b], bool(chains[a] & chains[b])
        tp += p and g
        fp += p and not g
        fn += g and not p
        mixed += p and incident[a] != incident[b]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": precision, "recall": recall, "claims": len(chains),
            "two_incidents": mixed / (tp + fp) if tp + fp else 0.0}


def evaluate(store: Store, docs: list[GvcDocument]) -> dict:
    t0 = time.perf_counter()
    corroborate(store, incremental=False)
    seconds = time.perf_counter() - t0
    clusters = state.cluster_of_documents(store, [d.document.id for d in docs])
    pages = pairwise(clusters, {d.document.id: d.incident for d in docs})
    return {"pages": pages, "claims": claim_scores(store, docs), "seconds": seconds}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default=None, help="a store to keep the extracted claims in (default: a new file in a temporary folder)")
    args = ap.parse_args()
    # a file, not sqlite:// in memory: corroboration reads documents on a second connection inside its
    # write transaction, and on the one shared in-memory connection closing it rolls the batch back
    # (GVC page F1 printed 0.000)
    args.db = args.db or f"sqlite:///{tempfile.mkdtemp(prefix='claimdesk-eval-')}/eval.sqlite"
    from claimdesk.extraction import extract

    docs = read_corpus(corpus_dir() / "gvc" / "val")
    store = Store(args.db)
    for d in docs:
        if not store.has_document(d.document.id):
            store.add_document(d.document, claims=unique(extract(d.document)))
    r = evaluate(store, docs)
    p, c = r["pages"], r["claims"]
    print(f"GVC val, {len(docs)} pages, {len({d.incident for d in docs})} incidents: same-incident page pairs "
          f"precision {p['precision']:.3f} recall {p['recall']:.3f} F1 {p['f1']:.3f}")
    print(f"claim grouping ({c['claims']} claims with chained actions): precision {c['precision']:.3f} "
          f"recall {c['recall']:.3f}; story pairs joining two incidents {c['two_incidents']:.3f}")


if __name__ == "__main__":
    main()
