"""How the cost of one document grows with its length: audit and claim extraction of a single
document of about 10k / 100k / 1M characters (PolNeAR train articles joined end to end), and the
log-log slope between sizes (1.0 is linear, 2.0 quadratic).

    .venv/bin/python bench/extract_length.py [--sizes 10000 100000 1000000] [--stage audit extract]

Prints wall and CPU seconds per stage and size, characters per CPU second, and the slope of CPU
seconds against length. Extraction parses at most `EXTRACT_MAX_CHARS` characters of a document
(the rest is reported by a `too_long_to_extract` finding), so its slope past that size is the cost
of the audit and of reading the text, not of parsing it; `--whole` lifts that cap to show the
slope of the parse itself.
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def joined_text(corpus: Path, size: int) -> str:
    files = sorted((corpus / "polnear" / "train" / "text").glob("*.txt"))
    if not files:
        raise SystemExit(f"no PolNeAR texts under {corpus}")
    parts, total = [], 0
    for f in files * (1 + size // 1_000_000):
        text = f.read_text(encoding="utf-8")
        parts.append(text)
        total += len(text) + 2
        if total >= size:
            break
    return "\n\n".join(parts)[:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("CLAIMDESK_CORPUS", REPO.parent / "shared" / "corpus")))
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--stage", nargs="+", default=["audit", "extract"], choices=["audit", "extract"])
    parser.add_argument("--whole", action="store_true", help="parse the whole document, past EXTRACT_MAX_CHARS")
    args = parser.parse_args()

    from claimdesk.audit import audit
    from claimdesk.extraction import base, spacy_extractor
    from claimdesk.extraction.nlp import load_nlp
    from claimdesk.models import Document

    if args.whole:
        base.EXTRACT_MAX_CHARS = max(args.sizes)
    load_nlp()
    extractor = spacy_extractor.SpacyExtractor()
    extractor.extract(Document.from_text("Officials said six soldiers were killed.", source="warm-up"))
    print(f"extraction parses at most {base.EXTRACT_MAX_CHARS:,} characters of a document")
    results: dict[str, list[tuple[int, float]]] = {s: [] for s in args.stage}
    for size in args.sizes:
        doc = Document.from_text(joined_text(args.corpus, size), source=f"joined-{size}")
        for stage in args.stage:
            start, cpu = time.perf_counter(), cpu_seconds()
            out = audit(doc) if stage == "audit" else extractor.extract(doc)
            wall, cpu = time.perf_counter() - start, cpu_seconds() - cpu
            results[stage].append((len(doc.text), cpu))
            print(f"{stage:<8} {len(doc.text):>10,} chars  {wall:8.2f} s  {cpu:8.2f} CPU s  "
                  f"{len(doc.text) / max(cpu, 1e-9):>10,.0f} chars/CPU s  {len(out):>6} {'findings' if stage == 'audit' else 'claims'}")
    for stage, points in results.items():
        for (n0, t0), (n1, t1) in zip(points, points[1:]):
            slope = math.log(max(t1, 1e-6) / max(t0, 1e-6)) / math.log(n1 / n0)
            print(f"{stage:<8} slope {n0:,} -> {n1:,} chars: {slope:.2f} (log CPU s / log length)")


if __name__ == "__main__":
    main()
