"""Corroboration throughput and peak memory at 10k, 30k and 100k documents.

The corpus is SYNTHESISED from the real PolNeAR articles (train + dev, 924 texts): each document
takes a window of sentences of one real article (a random 70% of 40% of it) with two to four
sentences of other articles mixed in,
under one of 40 outlets, 100 documents per publication day (a larger corpus covers more days); 5% are republished
copies (new boilerplate, trimmed) of an earlier synthetic document. Claims are NOT extracted (the
spaCy extractor runs at a few documents per second, hours for 100k): each document gets one claim
per sentence for its first 8 sentences, a stand-in with the same text volume per claim.

Each size runs in its own process (so peak RSS is that size's own); the store is SQLite on local
disk, built outside the timing. Baseline measured in the same process: reading every document
back from the store (`Store.documents()`), the least any pass over the corpus costs.

    .venv/bin/python bench/corroborate.py [--sizes 10000,30000,100000] [--workdir /tmp/claimdesk-bench]

Measured 2026-11-27 at commit e98e5ef (2 cores shared with other jobs, load about 1; CPU seconds
are the steadier figure), `--sizes 10000,30000,100000`:

    documents   wall    CPU-s   documents/CPU-s   CPU per document vs 10k   peak RSS
      9,985      35 s     34          290                 1.00x              620 MB
     29,954     141 s    139          215                 1.35x              938 MB
     99,874     628 s    612          163                 1.78x            1,899 MB

Before story drafts were stored (commit 12a19a9): 10k in 88 s, 30k in 735 s, 100k not finished.
CPU seconds per 1,000 documents through the 100k run: 3.8 in the first tenth, 7.5-7.7 in the last
three: it levels off but is not flat. On this corpus half of the documents are near-copies by 100k
(the same 924 articles are mixed again and again), LSH candidates per document grow with the
corpus, and story rewrites per document grow from 5.4 (10k) to 8.8 (100k).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claimdesk.models import Claim, Document  # noqa: E402
from claimdesk.store import Store, schema  # noqa: E402

OUTLETS = [f"outlet-{i:02d}.example" for i in range(40)]
DOCS_PER_DAY = 100  # a growing archive: more documents means more days, not denser days
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]")


def corpus_dir() -> Path:
    return Path(os.environ.get("CLAIMDESK_CORPUS", Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"))


def _paragraphs() -> list[list[str]]:
    """Each real article as a list of its sentences."""
    out = []
    for split in ("train", "dev"):
        for p in sorted((corpus_dir() / "polnear" / split / "text").glob("*.txt")):
            paras = [m.group(0).strip() for m in _SENTENCE.finditer(p.read_text(encoding="utf-8"))
                     if len(m.group(0).strip()) > 40]
            if len(paras) >= 3:
                out.append(paras)
    return out


def synthesise(n: int, seed: int = 1):  # noqa: ANN201
    rng = random.Random(seed)
    articles = _paragraphs()
    base = date(2016, 1, 1)
    t0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
    made: list[str] = []
    for i in range(n):
        published = base + timedelta(days=i // DOCS_PER_DAY)
        if made and rng.random() < 0.05:
            src = made[rng.randrange(max(0, len(made) - 2000), len(made))]
            paras = src.split("\n")
            text = "\n".join(["Advertisement"] + paras[:max(2, int(len(paras) * 0.8))] + ["All rights reserved."])
        else:
            main = rng.choice(articles)
            k = max(3, int(len(main) * 0.4))
            start = rng.randrange(0, len(main) - k + 1)
            paras = [x for x in main[start:start + k] if rng.random() < 0.7] or main[:2]
            for _ in range(rng.randint(2, 4)):
                paras.insert(rng.randrange(len(paras) + 1), rng.choice(rng.choice(articles)))
            text = "\n".join(paras) + f"\n(report {i})"
        made.append(text)
        yield Document.from_text(text, source=f"synthetic-{i}", outlet=rng.choice(OUTLETS), published=published,
                                 ingested_at=t0 + timedelta(seconds=i))


def _claims(doc: Document) -> list[Claim]:
    out = []
    for m in list(_SENTENCE.finditer(doc.text))[:8]:
        span = (m.start(), m.end())
        out.append(Claim(id=Claim.make_id(doc.id, span), document_id=doc.id, text=m.group(0).strip(), span=span,
                         line=doc.line_of(m.start()), extractor="bench.sentences"))
    return out


def build(url: str, n: int) -> None:
    store = Store(url)
    batch_docs, batch_claims = [], []
    seen = set()

    def flush() -> None:
        with store.engine.begin() as conn:
            if batch_docs:
                conn.execute(schema.documents.insert(), batch_docs)
            if batch_claims:
                conn.execute(schema.claims.insert(), batch_claims)
        batch_docs.clear()
        batch_claims.clear()

    for doc in synthesise(n):
        if doc.id in seen:
            continue
        seen.add(doc.id)
        batch_docs.append({"id": doc.id, "source": doc.source, "format": "text", "outlet": doc.outlet, "url": None,
                           "title": None, "author": None, "published": doc.published, "language": "en",
                           "text": doc.text, "ingested_at": doc.ingested_at})
        for c in _claims(doc):
            batch_claims.append({"id": c.id, "document_id": doc.id, "text": c.text, "span_start": c.span[0],
                                 "span_end": c.span[1], "line": c.line, "event_type": c.event_type, "actors": [],
                                 "attribution": c.attribution.model_dump(), "hedges": [], "polarity": "asserted",
                                 "when": None, "places": [], "quantities": [], "checkworthiness": 0.5,
                                 "extractor": c.extractor})
        if len(batch_docs) >= 2000:
            flush()
    flush()


def _cpu() -> float:
    """CPU seconds of this process: on a machine shared with other jobs, wall time says little."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def run_one(url: str) -> dict:
    from claimdesk.corroborate import corroborate

    store = Store(url)
    t0 = time.perf_counter()
    n = sum(1 for _ in store.documents())
    baseline = time.perf_counter() - t0
    # CPU seconds per 1,000 documents, for each successive tenth of the run: flat when each batch
    # costs its own work only, rising when a batch's cost grows with what came before
    done, marks = [0], [(0, _cpu())]

    def progress(k: int) -> None:
        done[0] += k
        if done[0] >= (len(marks)) * n / 10:
            marks.append((done[0], _cpu()))

    t0, c0 = time.perf_counter(), _cpu()
    report = corroborate(store, progress=progress)
    seconds, cpu = time.perf_counter() - t0, _cpu() - c0
    per_1000 = [round(1000 * (c1 - c0) / (d1 - d0), 1) for (d0, c0), (d1, c1) in zip(marks, marks[1:]) if d1 > d0]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"documents": n, "seconds": seconds, "cpu_seconds": cpu, "baseline_seconds": baseline, "peak_rss_mb": peak_mb,
            "copies": report.copies, "stories": store.count("stories"), "statuses": dict(report.statuses),
            "stages": {k: round(v) for k, v in report.seconds.items()}, "cpu_per_1000_by_tenth": per_1000}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,30000,100000")
    ap.add_argument("--workdir", default="/tmp/claimdesk-bench")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    print("corpus: SYNTHESISED from the real PolNeAR articles by mixing their sentences (see the docstring)", flush=True)
    first = None
    for n in [int(x) for x in args.sizes.split(",")]:
        db = work / f"corroborate-{n}.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        t0 = time.perf_counter()
        build(f"sqlite:///{db}", n)
        built = time.perf_counter() - t0
        out = subprocess.run([sys.executable, __file__, "--one", f"sqlite:///{db}"], capture_output=True, text=True,
                             check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        per_doc = r["cpu_seconds"] / r["documents"]
        first = first or per_doc
        print(f"{r['documents']:>7} documents: corroborate {r['seconds']:.0f}s = {r['documents'] / r['seconds']:.0f} "
              f"documents/s, {r['cpu_seconds']:.0f} CPU-s = {r['documents'] / r['cpu_seconds']:.0f} documents per "
              f"CPU-second ({per_doc / first:.2f}x the smallest run's CPU time per document); peak RSS "
              f"{r['peak_rss_mb']:.0f} MB; baseline (read every document) {r['baseline_seconds']:.1f}s, "
              f"corroborate/baseline {r['seconds'] / r['baseline_seconds']:.1f}x; {r['copies']} copies, "
              f"{r['stories']} stories {r['statuses']}; seconds by stage {r.get('stages')} (store built in {built:.0f}s); "
              f"CPU-s per 1000 documents through the run {r.get('cpu_per_1000_by_tenth')}", flush=True)


if __name__ == "__main__":
    main()
