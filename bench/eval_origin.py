"""Origin detection (wire copies carried by other outlets) on PolNeAR, and what it changes elsewhere.

PolNeAR's `metadata.tsv` names the wire (AP, AFP, Reuters, UPI) of the articles that are wire copies;
every other article (wire `None`, or `NA`: a West Journal piece with an "h/t" credit) is the
publisher's own. The rules in `claimdesk.corroborate.origin` were chosen on the train split; the
dev split is held out and reported once. Documents are read as `claimdesk ingest` reads a .txt file:
text and outlet only (`text`); `text+author` adds the metadata author as a JSON Lines record would.

news_cluster (no gold): the wire origin found per outlet, for reading, and with `--stories DB`
how many stories of a corroborated store change `independent_sources` when origins are counted.

    .venv/bin/python bench/eval_origin.py [--split train|dev|both] [--show-errors]
    .venv/bin/python bench/eval_origin.py --stories sqlite:///claimdesk.sqlite
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claimdesk.corroborate.origin import wire_origin  # noqa: E402
from claimdesk.models import Document  # noqa: E402

GOLD_WIRES = {"ap": "AP", "afp": "AFP", "reuters": "Reuters", "upi": "UPI"}


def corpus_dir() -> Path:
    return Path(os.environ.get("CLAIMDESK_CORPUS", Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"))


def polnear(root: Path, split: str) -> list[tuple[Document, Document, str | None]]:
    """(text-only document, document with author, gold wire or None) per article of the split."""
    with open(root / "polnear" / "metadata.tsv", encoding="utf-8") as f:
        meta = {r["filename"]: r for r in csv.DictReader(f, delimiter="\t") if r["compartment"] == split}
    out = []
    for name, row in sorted(meta.items()):
        path = root / "polnear" / split / "text" / f"{name}.txt"
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        author = row["author"] if row["author"] not in ("None", "") else None
        plain = Document.from_text(text, source=str(path), outlet=row["publisher"])
        out.append((plain, plain.model_copy(update={"author": author}), GOLD_WIRES.get(row["wire"].lower())))
    return out


def score(pairs: list[tuple[str | None, str | None]]) -> dict[str, float]:
    tp = sum(1 for got, gold in pairs if got and gold and got == gold)
    fp = sum(1 for got, gold in pairs if got and got != gold)
    fn = sum(1 for got, gold in pairs if gold and got != gold)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0, "wire_copies": sum(1 for _, g in pairs if g),
            "articles": len(pairs)}


def eval_polnear(root: Path, split: str, show_errors: bool) -> None:
    rows = polnear(root, split)
    for label, idx in (("text", 0), ("text+author", 1)):
        pairs = []
        for row in rows:
            o = wire_origin(row[idx])
            pairs.append((o.outlet if o else None, row[2]))
            if show_errors and idx == 0 and (o.outlet if o else None) != row[2]:
                print(f"  ERROR {Path(row[0].source).stem}: got {o.outlet if o else None} ({o.why if o else ''}) gold {row[2]}")
        s = score(pairs)
        print(f"PolNeAR {split} [{label}]: {s['articles']} articles, {s['wire_copies']} wire copies; "
              f"precision {s['precision']:.3f} recall {s['recall']:.3f} F1 {s['f1']:.3f} "
              f"(tp {s['tp']}, fp {s['fp']}, fn {s['fn']})")


def eval_news_cluster(root: Path) -> None:
    folder = root / "news_cluster"
    by_outlet: Counter = Counter()
    whys: Counter = Counter()
    docs = 0
    for path in sorted(folder.rglob("*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        if not rec.get("text"):
            continue
        docs += 1
        doc = Document.from_text(rec["text"], source=str(path), outlet=rec.get("source_domain"), url=rec.get("url"),
                                 author=", ".join(rec.get("authors") or []) or None)
        o = wire_origin(doc)
        if o:
            by_outlet[(rec.get("source_domain"), o.outlet)] += 1
            whys[o.why.split(" '")[0]] += 1
    print(f"news_cluster: {docs} articles, {sum(by_outlet.values())} with a wire origin "
          f"(no gold; by rule: {dict(whys.most_common())})")
    for (outlet, wire), n in by_outlet.most_common():
        print(f"  {outlet:28s} via {wire:10s} {n}")


def story_changes(db: str) -> None:
    """Stories whose independent_sources differ between counting outlets (before) and origins (now)."""
    from claimdesk.corroborate.origin_counts import compare_story_counts
    from claimdesk.store import open_store

    result = compare_story_counts(open_store(db))
    print(f"{db}: {result.stories} stories, {result.changed} change independent_sources when counted by origin "
          f"({result.lower} fewer, {result.higher} more); status changes: {dict(result.status_changes)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=["train", "dev", "both"], default="both")
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--stories", metavar="DB", action="append", default=[],
                    help="a corroborated store: count stories whose independent_sources change")
    args = ap.parse_args()
    root = corpus_dir()
    if args.stories:
        for db in args.stories:
            story_changes(db)
        return
    if not (root / "polnear").exists():
        sys.exit(f"corpus not found at {root} (set CLAIMDESK_CORPUS)")
    for split in (["train", "dev"] if args.split == "both" else [args.split]):
        eval_polnear(root, split, args.show_errors)
    eval_news_cluster(root)


if __name__ == "__main__":
    main()
