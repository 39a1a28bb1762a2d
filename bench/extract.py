"""Claim extraction throughput and peak memory over the PolNeAR train articles, beside the bare
spaCy pipeline (`nlp.pipe` over the same texts) measured in the same run.

    .venv/bin/python bench/extract.py [--limit N] [--processes 1 2] [--batch-size 16] [--rounds 5]

Prints articles/second and peak resident memory (this process and its workers) of each, and the
ratio full/bare for each process count; also articles per CPU second (this process and its finished
workers), which stays meaningful when other jobs share the machine and wall time does not. A third arm
parses with claimdesk's own pipeline alone (the model with its attribute rules applied by lookup, which
parses faster than the bare model) and prints what claimdesk's reading adds to the CPU of that parse.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import threading
import time
from pathlib import Path

import psutil

from claimdesk.extraction.nlp import MODEL, load_nlp
from claimdesk.extraction.spacy_extractor import SpacyExtractor
from claimdesk.models import Document

REPO = Path(__file__).resolve().parent.parent


class PeakMemory:
    """Samples the resident memory of this process and its children while the block runs."""

    def __enter__(self) -> "PeakMemory":
        self.peak, self._stop = 0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            try:
                rss = me.memory_info().rss + sum(c.memory_info().rss for c in me.children(recursive=True))
            except psutil.Error:
                rss = 0
            self.peak = max(self.peak, rss)
            self._stop.wait(0.05)

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def cpu_seconds() -> float:
    """User + system time of this process and of its children that have exited (pool workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run(label: str, fn, n: int) -> tuple[float, float]:
    with PeakMemory() as mem:
        start, cpu_start = time.perf_counter(), cpu_seconds()
        count = fn()
        elapsed, cpu = time.perf_counter() - start, cpu_seconds() - cpu_start
    assert count == n, f"{label}: {count} of {n} articles came back"
    rate, cpu_rate = n / elapsed, n / cpu
    print(f"{label:<32} {rate:7.2f} articles/s  {elapsed:7.1f} s  {cpu_rate:6.2f} articles/CPU s  "
          f"peak {mem.peak / 2**20:7.0f} MiB")
    return rate, cpu_rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("CLAIMDESK_CORPUS", REPO.parent / "shared" / "corpus")))
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=1,
                        help="measure bare and full this many times, alternating, and print the median ratio "
                             "(on a shared machine one pair can read 0.72 and the next 0.90)")
    args = parser.parse_args()

    import spacy

    files = sorted((args.corpus / "polnear" / "train" / "text").glob("*.txt"))[: args.limit or None]
    texts = [f.read_text("utf-8") for f in files]
    docs = [Document.from_text(t, source=f.name) for f, t in zip(files, texts)]
    n = len(docs)
    print(f"{n} PolNeAR train articles, {sum(len(t) for t in texts) / 1e6:.1f} M characters, model {MODEL}")
    bare_nlp = spacy.load(MODEL)
    # one untimed pass of each first: the lemmatizer's and the extractor's caches fill over the first
    # articles, and an arm timed cold would pay for them
    sum(1 for _ in bare_nlp.pipe(texts, batch_size=args.batch_size))
    sum(1 for _ in SpacyExtractor(batch_size=args.batch_size).extract_many(docs))
    own_nlp = load_nlp()
    for processes in args.processes:
        ratios, cpu_ratios, own_shares = [], [], []
        for _ in range(args.rounds):
            bare = run(f"bare spaCy nlp.pipe, n_process={processes}",
                       lambda: sum(1 for _ in bare_nlp.pipe(texts, batch_size=args.batch_size, n_process=processes)), n)
            extractor = SpacyExtractor(batch_size=args.batch_size, n_process=processes)
            full = run(f"claimdesk extract, n_process={processes}",
                       lambda: sum(1 for _ in extractor.extract_many(docs)), n)
            # claimdesk's own pipeline parses faster than the bare one (its attribute rules by lookup): what its
            # reading adds to its own parse is said apart, so the one does not hide the other
            parse = run(f"claimdesk's parse alone, n_process={processes}",
                        lambda: sum(1 for _ in own_nlp.pipe(texts, batch_size=args.batch_size, n_process=processes)), n)
            ratios.append(full[0] / bare[0])
            cpu_ratios.append(full[1] / bare[1])
            own_shares.append(parse[1] / full[1] - 1)
            print(f"ratio extract/bare at n_process={processes}: {ratios[-1]:.2f} (per CPU second: {cpu_ratios[-1]:.2f}); "
                  f"claimdesk's reading adds {100 * own_shares[-1]:.0f} % to the CPU of its own parse")
        if args.rounds > 1:
            print(f"median of {args.rounds} rounds at n_process={processes}: {statistics.median(ratios):.2f} "
                  f"(per CPU second: {statistics.median(cpu_ratios):.2f}; range {min(ratios):.2f}-{max(ratios):.2f}); "
                  f"reading over parse {100 * statistics.median(own_shares):.0f} %")


if __name__ == "__main__":
    main()
