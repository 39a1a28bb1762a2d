"""news_cluster: 383 crawled pages (page furniture left in) from 94 outlets, grouped by hand into 69 events.

Every page is stored with the claims `claimdesk.extract` finds and corroborated as one batch; its
furniture is marked first, as `claimdesk ingest` marks it (`--no-furniture`: whole pages, as this
bench ran before session 8).
Printed: same-event page-pair precision/recall/F1 of the event clusters (the document grouping
corroboration uses), and over cross-page mention pairs sharing a story, the share that join two
events (no claim-level gold exists here). Then "one fact, one verdict" as bench/eval_ecbplus.py
counts it (pairs of stories of one gold event whose leads the same-fact model takes for one fact,
and how many hold opposite statuses), as shipped and with `claimdesk.corroborate.verdicts` off.

Split (fixed 2026-12-02, before any figure per part was looked at): an event is HELD OUT when
sha256("news_cluster:" + EventId) is 0 mod 3 (about a third of the events, whole events with all
their pages); the rest is development. Settings are chosen on the development events only; the
held-out figure is reported once. Each part is scored over the page pairs inside it (clustering
runs on all pages at once, so a page of one part grouped with a page of the other counts only in
the "all" figure).

Measured 2026-12-02 (event clusters by the model `bench/train_clusters.py` fits, chosen on the
development events, ECB+ 1-18 and GVC val): page-pair F1 0.744 -> 0.869 (precision 0.843 -> 0.880,
recall 0.666 -> 0.859); development events 0.702 -> 0.842; held-out events 0.888 -> 0.959 (reported
once); cross-page mention pairs of a story joining two events 0.190 -> 0.053.

    .venv/bin/python bench/eval_news_cluster.py [--db sqlite:///news_cluster.sqlite]
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_ecbplus import corpus_dir, one_fact_one_verdict, pairwise, unique, verdicts_unreconciled  # noqa: E402

from bench.corpora.news_cluster import ClusterPage, read_corpus  # noqa: E402
from claimdesk.furniture.repeated import mark_batch  # noqa: E402
from claimdesk.corroborate import corroborate  # noqa: E402
from claimdesk.store import corroboration as state  # noqa: E402
from claimdesk.store.stories import story_of_claims  # noqa: E402
from claimdesk.store import Store  # noqa: E402


def held_out(event: str) -> bool:
    """Whole events set aside by a hash of their id (about a third), never used to choose settings."""
    return int(hashlib.sha256(f"news_cluster:{event}".encode()).hexdigest(), 16) % 3 == 0


def split_scores(clusters: dict[str, str], event: dict[str, str]) -> dict[str, dict]:
    """Page-pair scores inside the development events and inside the held-out ones."""
    out = {}
    for name, held in (("development", False), ("held-out", True)):
        ids = {i for i, e in event.items() if held_out(e) == held}
        out[name] = pairwise({i: c for i, c in clusters.items() if i in ids}, {i: event[i] for i in ids})
    return out


def evaluate(store: Store, pages: list[ClusterPage]) -> dict:
    corroborate(store, incremental=False)
    ids = [p.document.id for p in pages]
    event = {p.document.id: p.event for p in pages}
    clusters = state.cluster_of_documents(store, ids)
    members: dict[str, list[str]] = {}
    for i in ids:
        for claim, story in story_of_claims(store, [i]).items():
            members.setdefault(story, []).append(i)
    pairs = mixed = 0
    for docs in members.values():
        for a, b in itertools.combinations(docs, 2):
            if a != b:
                pairs += 1
                mixed += event[a] != event[b]
    return {"pages": pairwise(clusters, event), "parts": split_scores(clusters, event), "story_pairs": pairs, "story_mixed": mixed / pairs if pairs else 0.0}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default=None, help="a store to keep the extracted claims in (default: a new file in a temporary folder)")
    ap.add_argument("--no-furniture", action="store_true",
                    help="extract claims from whole pages, without marking their furniture as `claimdesk ingest` does "
                         "(how this bench ran before session 8)")
    args = ap.parse_args()
    # a file, not sqlite:// in memory: corroboration reads documents on a second connection inside its
    # write transaction, and on the one shared in-memory connection closing it rolls the batch back
    # (GVC page F1 printed 0.000)
    args.db = args.db or f"sqlite:///{tempfile.mkdtemp(prefix='claimdesk-eval-')}/eval.sqlite"
    from claimdesk.extraction import extract

    pages = read_corpus(corpus_dir() / "news_cluster")
    store = Store(args.db)
    if not args.no_furniture:
        # as `claimdesk ingest` does: a page's furniture (by its lines' shape and by what its outlet
        # repeats across pages) is marked before claims are extracted, and no claim comes from it
        fresh = {p.document.id: p.document for p in pages if not store.has_document(p.document.id)}
        mark_batch(list(fresh.values()), store)
    seen = set()
    for p in pages:
        if p.document.id in seen:
            continue  # the same text crawled twice is one document
        seen.add(p.document.id)
        if not store.has_document(p.document.id):
            store.add_document(p.document, claims=unique(extract(p.document)))
    pages = [p for p in {p.document.id: p for p in pages}.values()]
    r = evaluate(store, pages)
    p = r["pages"]
    print(f"news_cluster, {len(pages)} pages, {len({x.event for x in pages})} events: same-event page pairs "
          f"precision {p['precision']:.3f} recall {p['recall']:.3f} F1 {p['f1']:.3f}")
    for name, part in r["parts"].items():
        events = {x.event for x in pages if held_out(x.event) == (name == "held-out")}
        print(f"  {name} ({len(events)} events): precision {part['precision']:.3f} recall {part['recall']:.3f} "
              f"F1 {part['f1']:.3f}")
    print(f"{r['story_pairs']} cross-page mention pairs share a story; {r['story_mixed']:.3f} join two events")
    # one fact, one verdict, as bench/eval_ecbplus.py measures it, with a page's gold event as its "topic"
    as_topics = [SimpleNamespace(document=p.document, topic=p.event) for p in pages]
    for name, v in (("as shipped", one_fact_one_verdict(store, as_topics)),
                    ("without reconciling verdicts", verdicts_unreconciled(store, as_topics))):
        print(f"one fact, one verdict ({name}): {v['same_fact_story_pairs']} pairs of stories of one event whose "
              f"leads the model takes for one fact; {v['differ']} differ in status, {v['opposite']} opposite")


if __name__ == "__main__":
    main()
