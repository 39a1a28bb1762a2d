"""Attribution against PolNeAR dev (brat: Source, Cue, Content spans tied by E lines).

Recall: share of gold attributions that have a source whose Content is covered by a claim whose
`attribution.source_span` overlaps the gold Source. "Covered": the claim and the content share at
least half of the shorter of the two (the loose figure counts any overlap). Precision: share of
claims with an attribution (kind != none) whose source overlaps some gold Source span. Where an
article has several annotators, the first annotation file is used.

    .venv/bin/python bench/eval_attribution.py [--split dev|train|heldout] [--limit N] [--show 10]

`--split heldout` is the tenth of PolNeAR train set aside by bench/polnear_split.py (by a hash of
each article's name) before any figure on it was seen: report it once, at the end of a round.
"""

from __future__ import annotations

import argparse
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from claimdesk.extraction.spacy_extractor import SpacyExtractor

try:
    from polnear_split import held_out
except ImportError:  # run as a module from the repository root
    from bench.polnear_split import held_out
from claimdesk.models import Document

REPO = Path(__file__).resolve().parent.parent
Spans = list[tuple[int, int]]


@dataclass
class Gold:
    source: Spans
    content: Spans
    cue: Spans = field(default_factory=list)


def parse_spans(text: str) -> Spans:
    return [tuple(int(x) for x in part.split()) for part in text.split(";")]


def read_ann(path: Path) -> list[Gold]:
    spans: dict[str, tuple[str, Spans]] = {}
    events = []
    for line in path.read_text("utf-8").splitlines():
        if "\t" not in line:
            continue  # the rest of a span's text that holds a line break (three train articles)
        if line.startswith("T"):
            tid, middle = line.split("\t")[:2]
            kind, _, offsets = middle.partition(" ")
            spans[tid] = (kind, parse_spans(offsets))
        elif line.startswith("E"):
            events.append(dict(arg.split(":") for arg in line.split("\t")[1].split()))
    gold = []
    for event in events:
        roles = {role: spans[tid][1] for role, tid in event.items() if tid in spans and role != "Attribution"}
        if "Source" in roles and "Content" in roles:
            gold.append(Gold(roles["Source"], roles["Content"], roles.get("Cue", [])))
    return gold


def overlap(a: Spans, b: Spans) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def length(spans: Spans) -> int:
    return sum(e - s for s, e in spans)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("CLAIMDESK_CORPUS", REPO.parent / "shared" / "corpus")))
    parser.add_argument("--split", default="dev", choices=["dev", "train", "heldout"],
                        help="heldout: the tenth of train kept out of all tuning (bench/polnear_split.py); "
                             "train: the rest of train")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--show", type=int, default=0, help="print this many misses")
    args = parser.parse_args()

    root = args.corpus / "polnear" / ("dev" if args.split == "dev" else "train")
    anns: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        anns.setdefault(re.sub(r"_[^_]+\.ann$", "", ann.name), ann)
    names = sorted(anns)
    if args.split != "dev":
        names = [n for n in names if held_out(n) == (args.split == "heldout")]
    names = names[: args.limit or None]
    docs = [Document.from_text((root / "text" / f"{n}.txt").read_text("utf-8"), source=n) for n in names]

    found = strict = loose = attributed = correct = total = 0
    kinds, misses = Counter(), []
    for name, doc, claims in zip(names, docs, SpacyExtractor().extract_many(docs)):
        gold = read_ann(anns[name])
        total += len(gold)
        gold_sources = [g.source for g in gold]
        for claim in claims:
            if claim.attribution.kind == "none" or not claim.attribution.source_span:
                continue
            attributed += 1
            kinds[claim.attribution.kind] += 1
            correct += any(overlap([claim.attribution.source_span], s) for s in gold_sources)
        for g in gold:
            hits = [c for c in claims if c.attribution.source_span and overlap([c.attribution.source_span], g.source)]
            shares = [overlap([c.span], g.content) for c in hits]
            loose += any(shares)
            ok = any(s * 2 >= min(length(g.content), c.span[1] - c.span[0]) for s, c in zip(shares, hits))
            strict += ok
            if not ok and len(misses) < args.show:
                misses.append((doc.text[g.source[0][0]:g.source[-1][1]], doc.text[g.cue[0][0]:g.cue[-1][1]] if g.cue else "",
                               doc.text[g.content[0][0]:g.content[0][1]][:100]))
        found += 1
    print(f"PolNeAR {args.split}: {found} articles, {total} gold attributions with a source, {attributed} attributed claims")
    print(f"source recall = {strict / total:.3f}   source precision = {correct / max(attributed, 1):.3f}   "
          f"(recall: content covered and source overlaps; loose, any overlap = {loose / total:.3f}; precision: "
          f"attributed claims whose source overlaps a gold source)")
    print("attributed claims by kind:", dict(kinds))
    for source, cue, content in misses:
        print(f"  missed: [{source}] [{cue}] {content!r}")


if __name__ == "__main__":
    main()
