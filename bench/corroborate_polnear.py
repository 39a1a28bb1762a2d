"""PolNeAR train + dev (924 articles of 2016 US politics from 7 publishers; two share one text, so 923
documents are stored) with their claims, corroborated. No grouping or contradiction rule had been
chosen on it when its verdicts were first read (session 18); the wire-copy rules of `corroborate.origin`
were chosen on PolNeAR train's `wire` column and attribution on its annotations. That first reading
then suggested four denial rules (see README), so its denied figure after them is a tuning figure.
Its verdicts are read with `bench/eval_verdicts.py --corpus polnear`.

    .venv/bin/python bench/corroborate_polnear.py --db sqlite:///polnear.sqlite

Prints the stories by status and the time taken.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpora import corpus_dir  # noqa: E402
from bench.corpora.polnear import read_articles  # noqa: E402
from claimdesk.corroborate import corroborate  # noqa: E402
from claimdesk.extraction.spacy_extractor import SpacyExtractor  # noqa: E402
from claimdesk.models import Document  # noqa: E402
from claimdesk.store import Store  # noqa: E402
from claimdesk.store.stories import iter_stories  # noqa: E402


def fill_and_corroborate(store: Store, documents: list[Document], processes: int) -> str:
    """Extract and store the documents the store lacks, corroborate the whole store afresh, and say
    how long each took and the stories by status."""
    todo = [d for d in documents if not store.has_document(d.id)]
    t0 = time.perf_counter()
    for doc, claims in zip(todo, SpacyExtractor(n_process=processes).extract_many(todo)):
        store.add_document(doc, claims=list({c.id: c for c in claims}.values()))
    t1 = time.perf_counter()
    corroborate(store, incremental=False)
    t2 = time.perf_counter()
    statuses = Counter(s.status for s in iter_stories(store))
    return (f"{len(todo)} extracted in {t1 - t0:.0f}s, corroborated in {t2 - t1:.0f}s; "
            f"stories by status: {dict(sorted(statuses.items()))}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="the store to fill (a kept store skips extraction)")
    ap.add_argument("--processes", type=int, default=2)
    args = ap.parse_args()
    articles = read_articles(corpus_dir())
    done = fill_and_corroborate(Store(args.db), [a.document for a in articles], args.processes)
    print(f"{len(articles)} PolNeAR articles: {done}")


if __name__ == "__main__":
    main()
