"""Page furniture: precision/recall on the hand-labelled lines, and claims made from furniture
before and after, on news_cluster and GVC val ingested as JSON Lines (texts read in place).

    .venv/bin/python bench/eval_furniture.py [--corpus ../shared/corpus] [--no-claims]

1. Line precision/recall (furniture is the positive class) on tests/fixtures/furniture_labels.tsv:
   held-out outlets/incidents (set aside by `news_pages.is_held_out` before any label was read;
   the model never saw them) and, for reference, the development part the model was fitted on;
   and the story-sample part (lines of multi-source stories drawn by bench/sample_story_lines.py,
   never fitted on): how many of its lines are furniture and how many the marking takes.
   Repetition counts come from all news_cluster pages, as the store has them after one ingest.
2. Both corpora ingested twice into SQLite through `pipeline.ingest` (one .jsonl per corpus,
   outlet = news-please's source_domain): "before" with furniture marking switched off, "after" as
   shipped. Claims whose span lies in a line labelled furniture are counted, and the claims lost
   from lines labelled content (what the marking costs; the story-sample part's content lines
   counted apart). After corroborating the "after" store, the story mentions that come from
   labelled furniture lines are counted and listed (the issue's bar: none).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from claimdesk import pipeline  # noqa: E402
from bench.corpora.news_pages import STORY_SAMPLE, read_labels, read_pages  # noqa: E402
from claimdesk.furniture import furniture_lines, outlet_key  # noqa: E402
from claimdesk.ingest import IngestOptions  # noqa: E402
from claimdesk.models import document_id  # noqa: E402
from claimdesk.store import Store, schema  # noqa: E402
from train_furniture import LABELS, repeated_keys  # noqa: E402


def line_figures(labels, repeats) -> dict[tuple[str, str], Counter]:  # noqa: ANN001
    """(split, corpus) -> tp/fp/fn/tn counts of the shipped model on the labelled lines."""
    predicted: dict[str, set[int]] = {}
    out: dict[tuple[str, str], Counter] = {}
    for item in labels:
        page = item.page
        if page.key not in predicted:
            found = furniture_lines(page.text, repeats.get(outlet_key(page.outlet), set()), outlet=page.outlet)
            predicted[page.key] = {line.number for line in found}
        said = item.line in predicted[page.key]
        split = item.split
        cell = "tp" if said and item.furniture else "fp" if said else "fn" if item.furniture else "tn"
        for corpus in (page.corpus, "both"):
            out.setdefault((split, corpus), Counter())[cell] += 1
    return out


def pr(c: Counter) -> str:
    if not c["tp"] + c["fn"]:
        return f"no furniture among {sum(c.values())} lines; {c['fp']} of them marked furniture"
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return (f"P {p:.3f} R {r:.3f} F1 {f:.3f}  ({c['tp'] + c['fn']} furniture / "
            f"{sum(c.values())} lines; tp {c['tp']} fp {c['fp']} fn {c['fn']})")


def write_jsonl(pages, folder: Path) -> list[Path]:  # noqa: ANN001
    paths = []
    for corpus in ("news_cluster", "gvc"):
        path = folder / f"{corpus}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for page in pages:
                if page.corpus == corpus:
                    out.write(json.dumps(page.record(), ensure_ascii=False) + "\n")
        paths.append(path)
    return paths


def labelled_line_spans(labels) -> dict[str, list[tuple[int, int, bool, str]]]:  # noqa: ANN001
    """claimdesk document id -> (start, end, is_furniture, part) of each labelled line."""
    out: dict[str, list[tuple[int, int, bool, str]]] = {}
    for item in labels:
        text = item.page.text
        starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        start = starts[item.line - 1]
        end = starts[item.line] - 1 if item.line < len(starts) else len(text)
        out.setdefault(document_id(text), []).append((start, end, item.furniture, item.part))
    return out


def claim_counts(store: Store, spans) -> Counter:  # noqa: ANN001
    """Claims in labelled furniture lines, in labelled content lines, and in all."""
    c = schema.claims.c
    counts: Counter = Counter()
    with store.engine.connect() as conn:
        for doc_id, start, end in conn.execute(sa_select(c.document_id, c.span_start, c.span_end)):
            counts["claims"] += 1
            for s, e, furn, part in spans.get(doc_id, ()):
                if start < e and end > s and 2 * (min(end, e) - max(start, s)) >= end - start:
                    name = "in labelled furniture" if furn else "in labelled content"
                    counts[f"{name}, {STORY_SAMPLE}" if part == STORY_SAMPLE else name] += 1
                    break
    return counts


def story_mentions_in_furniture(store: Store, spans) -> tuple[int, int, list[str]]:  # noqa: ANN001
    sm, c = schema.story_mentions.c, schema.claims.c
    bad, total, examples = 0, 0, []
    with store.engine.connect() as conn:
        rows = conn.execute(sa_select(c.document_id, c.span_start, c.span_end, c.text)
                            .join_from(schema.story_mentions, schema.claims, sm.claim_id == c.id))
        for doc_id, start, end, text in rows:
            total += 1
            hit = next(((s, part) for s, e, furn, part in spans.get(doc_id, ()) if furn and start < e and end > s), None)
            if hit:
                bad += 1
                examples.append(f"{doc_id[:12]} @{hit[0]} ({hit[1]}): {text[:100]}")
    return bad, total, examples


def sa_select(*cols):  # noqa: ANN002, ANN201
    from sqlalchemy import select

    return select(*cols)


def ingest_arm(paths: list[Path], url: str, marking: bool) -> tuple[Store, float]:
    original = pipeline.mark_batch
    if not marking:
        pipeline.mark_batch = lambda docs, store: {d.id: set() for d in docs}
    try:
        store = Store(url)
        t0 = time.process_time()
        pipeline.ingest(paths, store, IngestOptions())
        return store, time.process_time() - t0
    finally:
        pipeline.mark_batch = original


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=os.environ.get("CLAIMDESK_CORPUS", REPO.parent / "shared" / "corpus"))
    parser.add_argument("--no-claims", action="store_true", help="only the line precision/recall")
    args = parser.parse_args()
    pages = read_pages(Path(args.corpus))
    labels = read_labels(LABELS, pages)
    figures = line_figures(labels, repeated_keys(pages))
    print("1. furniture lines, shipped model (claimdesk/furniture/model.json):")
    for split in (STORY_SAMPLE, "held-out", "dev"):
        for corpus in ("both", "news_cluster", "gvc"):
            if (split, corpus) in figures:
                print(f"   {split:12s} {corpus:12s} {pr(figures[(split, corpus)])}")
    if args.no_claims:
        return
    spans = labelled_line_spans(labels)
    from claimdesk.corroborate import corroborate

    with tempfile.TemporaryDirectory() as tmp:
        paths = write_jsonl(pages, Path(tmp))
        before, cpu_before = ingest_arm(paths, f"sqlite:///{tmp}/before.sqlite", marking=False)
        after, cpu_after = ingest_arm(paths, f"sqlite:///{tmp}/after.sqlite", marking=True)
        b, a = claim_counts(before, spans), claim_counts(after, spans)
        print(f"2. claims, news_cluster ({sum(p.corpus == 'news_cluster' for p in pages)} pages) + GVC val "
              f"({sum(p.corpus == 'gvc' for p in pages)} pages) through pipeline.ingest:")
        for name in ("claims", "in labelled furniture", "in labelled content", f"in labelled content, {STORY_SAMPLE}"):
            print(f"   {name:38s} before {b[name]:6d}   after {a[name]:6d}")
        print(f"   ingest CPU: {cpu_before:.0f} s without marking, {cpu_after:.0f} s with ({cpu_after / cpu_before:.2f}x)")
        corroborate(after)
        bad, total, examples = story_mentions_in_furniture(after, spans)
        print(f"3. after corroborate: {bad} of {total} story mentions come from a labelled furniture line")
        for text in examples:
            print(f"     {text}")
        before.close()
        after.close()


if __name__ == "__main__":
    main()
