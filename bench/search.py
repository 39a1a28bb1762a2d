"""Story search at scale: the FTS5 index (claimdesk.store.search) against the substring scan it
replaced (`lower(text) LIKE '%q%'`), measured in the same run on the same SQLite store.

Stories are sentences of the PolNeAR corpus (train, read in place), saved as stories without
mentions. Prints the median time per query of each and their ratio.

    python bench/search.py [--stories 50000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import func, select, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claimdesk.models import Story  # noqa: E402
from claimdesk.store import Store, schema  # noqa: E402
from claimdesk.store.stories import StoryFilter, count_stories, iter_stories, save_stories  # noqa: E402

QUERIES = ["deserted", "north korean", "fuel depot", "clinton emails", "supreme court nominee", "refugees"]


def sentences(corpus: Path, n: int) -> list[str]:
    out: list[str] = []
    for path in sorted((corpus / "polnear" / "train" / "text").glob("*.txt")):
        for s in re.split(r"(?<=[.!?])\s+", path.read_text("utf-8")):
            if 40 <= len(s) <= 400:
                out.append(s.strip())
    if not out:
        sys.exit(f"no PolNeAR train texts under {corpus}")
    return [out[i % len(out)] + ("" if i < len(out) else f" ({i // len(out)})") for i in range(n)]


def timed(fn, repeat: int) -> float:  # noqa: ANN001
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared" / "corpus")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/bench.sqlite")
        texts = sentences(args.corpus, args.stories)
        t = time.perf_counter()
        save_stories(store, (Story(id=f"s{i}", text=text, first_seen=date(2016, 1, 1)) for i, text in enumerate(texts)))
        print(f"{len(texts)} stories saved (index kept by triggers) in {time.perf_counter() - t:.1f} s")
        s = schema.stories.c
        for q in QUERIES:
            def scan():  # the query before migration 14: every row, % and _ as wildcards
                with store.engine.connect() as conn:
                    conn.execute(select(schema.stories).where(func.lower(s.text).contains(q.lower()))
                                 .order_by(s.independent_sources.desc(), s.id).limit(50)).all()
                    conn.scalar(select(func.count()).select_from(schema.stories).where(func.lower(s.text).contains(q.lower())))

            def fts():
                flt = StoryFilter(search=q)
                list(iter_stories(store, flt, limit=50, with_mentions=False))
                count_stories(store, flt)

            old, new = timed(scan, args.repeat), timed(fts, args.repeat)
            print(f"{q!r:26} LIKE scan {old * 1000:7.1f} ms   FTS5 {new * 1000:7.1f} ms   ratio {old / new:5.1f}x   "
                  f"({count_stories(store, StoryFilter(search=q))} matches)")
        store.close()
        # What the triggers cost the writers: the same stories saved with and without them.
        few = [Story(id=f"w{i}", text=t, first_seen=date(2016, 1, 1)) for i, t in enumerate(texts[:5000])]
        seconds = {}
        for name in ("with triggers", "without"):
            store = Store(f"sqlite:///{tmp}/write-{name[:4]}.sqlite")
            if name == "without":
                with store.engine.begin() as conn:
                    for trigger in ("stories_search_insert", "stories_search_update", "stories_search_delete"):
                        conn.execute(text(f"DROP TRIGGER {trigger}"))
            t = time.perf_counter()
            save_stories(store, few)
            seconds[name] = time.perf_counter() - t
            store.close()
        print(f"saving {len(few)} stories: {seconds['with triggers']:.2f} s with the index triggers, "
              f"{seconds['without']:.2f} s without (ratio {seconds['with triggers'] / seconds['without']:.2f})")


if __name__ == "__main__":
    main()
