"""Real articles for the audit benchmarks and tests, read in place from the shared corpus.

PolNeAR: raw text files, publication date from metadata.tsv. MEANTIME: CAT XML, text rebuilt
from its tokens (one sentence per line), date from the CREATION_TIME TIMEX3.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Optional

from lxml import etree

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    published: Optional[date]


def corpus_dir() -> Path:
    return Path(os.environ.get("CLAIMDESK_CORPUS", REPO.parent / "shared" / "corpus"))


def polnear_dates(corpus: Path) -> dict[str, date]:
    out = {}
    with open(corpus / "polnear" / "metadata.tsv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            try:
                out[row["filename"]] = date.fromisoformat(row["publication_date"])
            except (KeyError, ValueError):
                continue
    return out


def polnear(corpus: Path, split: str = "train") -> Iterator[Article]:
    dates = polnear_dates(corpus)
    for path in sorted((corpus / "polnear" / split / "text").glob("*.txt")):
        yield Article(f"polnear/{split}/{path.name}", path.read_text("utf-8"), dates.get(path.stem))


_NO_SPACE_BEFORE = re.compile(r" ([.,:;!?%)\]}’”]|'s|n't|'re|'ve|'ll|'d|'m)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$“‘]) ")


def meantime(corpus: Path) -> Iterator[Article]:
    for path in sorted((corpus / "meantime").glob("corpus_*/*.xml")):
        root = etree.parse(str(path)).getroot()
        sentences: dict[int, list[str]] = {}
        for tok in root.iter("token"):
            sentences.setdefault(int(tok.get("sentence")), []).append(tok.text or "")
        lines = []
        for _, words in sorted(sentences.items()):
            line = _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", " ".join(words)))
            lines.append(line)
        published = None
        for timex in root.iter("TIMEX3"):
            if timex.get("functionInDocument") == "CREATION_TIME":
                try:
                    published = date.fromisoformat(timex.get("value", "")[:10])
                except ValueError:
                    pass
                break
        yield Article(f"meantime/{path.parent.name}/{path.name}", "\n".join(lines) + "\n", published)


def all_articles(corpus: Path) -> Iterator[Article]:
    for split in ("train", "dev"):
        yield from polnear(corpus, split)
    yield from meantime(corpus)


def scan(corpus: Path) -> int:
    """Audit the clean corpus and list every finding, for review by hand."""
    import sys
    from collections import Counter

    sys.path.insert(0, str(REPO))
    from claimdesk.audit import KINDS, audit
    from claimdesk.models import Document

    kinds: Counter = Counter()
    severities: Counter = Counter()
    n = 0
    for art in all_articles(corpus):
        n += 1
        doc = Document.from_text(art.text, source=art.name, published=art.published)
        for f in audit(doc):
            kinds[f.kind] += 1
            severities[f.severity] += 1
            rel = f" <- line {f.related.line}-{f.related.end_line}" if f.related else ""
            print(f"{art.name}:{f.line}-{f.end_line}{rel} {f.severity} {f.kind}: {f.message}\n    {f.quote[:160]!r}")
    print(f"\n{n} clean real articles; findings per kind:")
    for kind in KINDS:
        print(f"  {kind:24} {kinds[kind]}")
    print("per severity: " + ", ".join(f"{s} {severities[s]}" for s in ("error", "warning", "info")))
    return 0


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Audit the clean development corpus and list the findings.")
    parser.add_argument("--scan", action="store_true", help="audit every article and list its findings")
    args = parser.parse_args()
    raise SystemExit(scan(corpus_dir()) if args.scan else parser.print_help())
