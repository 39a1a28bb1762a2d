"""Draw the story-line part of the furniture labels: lines that multi-source stories are made of,
the ones an analyst reads first, which the page-by-page labelled sample covers only in part.

    .venv/bin/python bench/sample_story_lines.py [--corpus ../shared/corpus] [--show]

The rule, written down before any candidate line was looked at (2026-12-02, furniture-zero):

- store: news_cluster + GVC val through `pipeline.ingest` as bench/eval_furniture.py's "after" arm
  (furniture marking as shipped), then `corroborate`;
- candidates: every distinct (corpus, page key, line number) holding a claim that is a mention of a
  story with `independent_sources` >= 2, on a line not already in tests/fixtures/furniture_labels.tsv;
- groups: only news_cluster outlets / GVC incidents g with
  int(sha1("furniture-zero story sample:" + g), 16) % 2 == 0;
- order: by sha1("furniture-zero:" + corpus + "/" + key + "/" + line); the first SAMPLE lines.

It prints one fixture row per line with the label left as "?" (and, with --show, the line and its
neighbours, to the terminal only: no corpus text goes into the repo). The lines were then labelled
by reading and appended to the fixture as its `story-sample` part, which the trainer never reads.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench.corpora.news_pages import read_labels, read_pages  # noqa: E402
from claimdesk.models import document_id, line_starts  # noqa: E402
from claimdesk.store import schema  # noqa: E402
from eval_furniture import ingest_arm, sa_select, write_jsonl  # noqa: E402
from train_furniture import LABELS  # noqa: E402

SAMPLE = 150


def chosen_group(group: str) -> bool:
    return int(hashlib.sha1(f"furniture-zero story sample:{group}".encode("utf-8")).hexdigest(), 16) % 2 == 0


def order(corpus: str, key: str, line: int) -> str:
    return hashlib.sha1(f"furniture-zero:{corpus}/{key}/{line}".encode("utf-8")).hexdigest()


def story_lines(store, pages) -> set[tuple[str, str, int]]:  # noqa: ANN001
    """(corpus, page key, line) of every mention of a story with two or more independent sources."""
    by_id = {document_id(p.text): p for p in pages}
    sm, c, s = schema.story_mentions.c, schema.claims.c, schema.stories.c
    out = set()
    with store.engine.connect() as conn:
        rows = conn.execute(sa_select(c.document_id, c.span_start)
                            .join_from(schema.story_mentions, schema.claims, sm.claim_id == c.id)
                            .join(schema.stories, s.id == sm.story_id)
                            .where(s.independent_sources >= 2))
        for doc_id, start in rows:
            page = by_id.get(doc_id)
            if page is None:
                continue
            starts = line_starts(page.text)
            number = max(i for i, at in enumerate(starts, start=1) if at <= start)
            out.add((page.corpus, page.key, number))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=os.environ.get("CLAIMDESK_CORPUS", REPO.parent / "shared" / "corpus"))
    parser.add_argument("--show", action="store_true", help="print each line and its neighbours (terminal only)")
    args = parser.parse_args()
    pages = read_pages(Path(args.corpus))
    labelled = {(item.page.corpus, item.page.key, item.line) for item in read_labels(LABELS, pages)}
    by_key = {(p.corpus, p.key): p for p in pages}
    from claimdesk.corroborate import corroborate

    with tempfile.TemporaryDirectory() as tmp:
        paths = write_jsonl(pages, Path(tmp))
        store, _ = ingest_arm(paths, f"sqlite:///{tmp}/after.sqlite", marking=True)
        corroborate(store)
        candidates = story_lines(store, pages)
        store.close()
    pool = sorted((order(*c), c) for c in candidates - labelled if chosen_group(by_key[c[:2]].group))
    print(f"# {len(candidates)} story lines, {len(candidates - labelled)} unlabelled, {len(pool)} in chosen groups")
    for _, (corpus, key, number) in pool[:SAMPLE]:
        page = by_key[(corpus, key)]
        lines = page.text.split("\n")
        digest = hashlib.sha1(lines[number - 1].strip().encode("utf-8")).hexdigest()[:8]
        print(f"{corpus}\t{key}\t{number}\t?\t{digest}")
        if args.show:
            for k in range(max(0, number - 3), min(len(lines), number + 2)):
                print(f"#   {'*' if k == number - 1 else ' '} {k + 1:3d} {lines[k][:300]}")


if __name__ == "__main__":
    main()
