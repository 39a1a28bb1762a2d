"""Audit throughput and peak memory on the 840 PolNeAR train articles, beside baselines measured in
the same run:

    read          read each .txt and build its Document (normalise + sha256 id)   baseline
    readers       claimdesk.ingest.read_path on each file (what `claimdesk audit` reads with)   baseline
    ingest        readers + Store.add_document into a fresh SQLite file (ingest without audit)  baseline
    audit         claimdesk.audit.audit on the ready Documents (no extraction, no spaCy)
    readers+audit pipeline.audit_inputs(with_claims=False): what `claimdesk audit --no-claims` does

Each arm runs --repeat times (default 3), the fastest round counts; peak memory is the most
Python memory the arm held at once (tracemalloc, in an extra untimed round), and the process's
peak RSS is printed at the end. Also prints the time spent in each check, to show where audit time goes.

Usage:  .venv/bin/python bench/audit.py [--limit N] [--repeat R]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from claimdesk.audit import CHECKS, audit  # noqa: E402
from claimdesk.audit.context import AuditContext  # noqa: E402
from claimdesk.ingest import IngestOptions, read_path  # noqa: E402
from claimdesk.models import DerivedDocument, Document  # noqa: E402
from claimdesk.pipeline import audit_inputs  # noqa: E402
from claimdesk.store import Store  # noqa: E402

DEFAULT_CORPUS = Path(os.environ.get("CLAIMDESK_CORPUS", REPO.parent / "shared" / "corpus"))


def timed(fn, repeat: int) -> tuple[float, int, int]:
    """(best seconds, result, peak bytes); memory is traced in one extra round, as tracing slows
    Python down several times and must not touch the timed rounds."""
    best, result = float("inf"), 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return best, result, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    files = sorted((args.corpus / "polnear" / "train" / "text").glob("*.txt"))[:args.limit]
    if not files:
        print(f"no PolNeAR texts under {args.corpus} (set CLAIMDESK_CORPUS or --corpus)", file=sys.stderr)
        return 2
    options = IngestOptions()
    docs = [Document.from_text(f.read_text("utf-8"), source=str(f)) for f in files]
    audit(docs[0])  # warm the pattern caches once, as a long run would be

    workdir = Path(tempfile.mkdtemp(prefix="claimdesk-bench-audit-"))
    rounds = iter(range(10**6))

    def ingest_only() -> int:
        store = Store(f"sqlite:///{workdir / f'round{next(rounds)}.sqlite'}")
        for f in files:
            for record in read_path(f, options):
                if isinstance(record, Document):
                    store.add_document(record)
        return store.count("documents")

    arms = {
        "read": lambda: len([Document.from_text(f.read_text("utf-8"), source=str(f)) for f in files]),
        "readers": lambda: sum(1 for f in files for _ in read_path(f, options)),
        "ingest": ingest_only,
        "audit": lambda: sum(len(audit(d)) for d in docs),
        "readers+audit": lambda: sum(1 for r in audit_inputs(files, options, with_claims=False)
                                     if isinstance(r, DerivedDocument)),
    }
    results = {}
    for name, fn in arms.items():
        results[name] = timed(fn, args.repeat)
    shutil.rmtree(workdir, ignore_errors=True)

    n = len(files)
    chars = sum(len(d.text) for d in docs)
    print(f"{n} PolNeAR train articles ({chars / 1e6:.1f} M characters), best of {args.repeat}")
    print(f"{'arm':15} {'seconds':>8} {'articles/s':>11} {'peak MB':>8} {'vs readers':>11} {'vs ingest':>10}")
    readers = n / results["readers"][0]
    ingest = n / results["ingest"][0]
    for name, (secs, _, peak) in results.items():
        rate = n / secs
        print(f"{name:15} {secs:8.3f} {rate:11.0f} {peak / 1e6:8.1f} {rate / readers:11.2f} {rate / ingest:10.2f}")
    print(f"findings on these articles: {results['audit'][1]}")
    print(f"peak RSS of the process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")

    per_check = {c.KIND: 0.0 for c in CHECKS}
    for d in docs:
        ctx = AuditContext(d)
        t0 = time.perf_counter()
        ctx.sentences  # noqa: B018  (shared by the checks: timed apart)
        per_check.setdefault("(sentences)", 0.0)
        per_check["(sentences)"] += time.perf_counter() - t0
        for c in CHECKS:
            t0 = time.perf_counter()
            c.check(ctx)
            per_check[c.KIND] += time.perf_counter() - t0
    print("time per check over all articles: " + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in per_check.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
