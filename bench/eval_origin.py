"""Origin detection (wire copies carried by other outlets) on PolNeAR, and what it changes elsewhere.

PolNeAR's `metadata.tsv` names the wire (AP, AFP, Reuters, UPI) of the articles that are wire copies;
every other article (wire `None`, or `NA`: a West Journal piece with an "h/t" credit) is the
publisher's own. The rules in `claimdesk.corroborate.origin` were chosen on the train split; the
dev split is held out and reported once. Documents are read as `claimdesk ingest` reads a .txt file:
text and outlet only (`text`); `text+author` adds the metadata author as a JSON Lines record would.

news_cluster (no gold): the wire origin found per outlet, for reading. With `--stories DB` (a store
corroborated by this version): how many stories count a different number of sources by origin than
by outlet name (the rule before), e.g. the store `make run` builds, or news_cluster ingested.

    .venv/bin/python bench/eval_origin.py [--split train|dev|both] [--show-errors]
    .venv/bin/python bench/eval_origin.py --stories sqlite:///claimdesk.sqlite

Measured 2026-12-02 (branch origin). Rules chosen on train; dev run once after:
    PolNeAR train [text]: 840 articles, 69 wire copies; precision 0.985 recall 0.942 (tp 65, fp 1, fn 4)
    PolNeAR train [text+author]: precision 0.986 recall 0.986 (tp 68, fp 1, fn 1)
    PolNeAR dev [text] (held out): 84 articles, 6 wire copies; precision 1.000 recall 1.000 (tp 6, fp 0, fn 0)
The train false positive ends "- Reuters." (a Washington Post page labelled not a wire copy); the
misses are AP's "10 Things to Know" lists and two HuffPost Reuters pieces with no credit at all.
news_cluster: 65 of 383 pages credit a wire (copyright line 22, dateline 16, author 16, URL path 9,
sign-off 2; washingtonpost.com via AP 21, nytimes.com via AP 9 / Reuters 4, dailymail.co.uk via
AP 9 / AFP 7 / Reuters 4 / PA 3). Shared passages (chosen there, no held-out set): of 24 found
before quotations were set aside, 1 was shared reporting (Mirror / Daily Mail on one F1 race) and
22 the same tweet, statement or interview quoted by several outlets; after, 2 found, that 1 kept.
Stories whose source count changes (`--stories`): the `make run` store (samples + PolNeAR slice,
546 stories, 128 with 2+ asserting mentions) 0; news_cluster ingested whole (8,513 stories, 2,310
with 2+) 69: 42 fewer (wire copies on washingtonpost.com, nytimes.com, dailymail.co.uk), 27 more
(one site carrying AP and Reuters and its own reporting is now three origins, not one outlet).
Cost (bench/corroborate.py --sizes 3000, same machine, same hour): 40 CPU-s against 35 at the base
commit ecb6b5c (+14%; stage 'origins' 7 s). Comparing passages with the whole 30-day neighbourhood
instead of LSH neighbours had cost 521 against 162 CPU-s at 10k: dropped.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claimdesk.corroborate.origin import wire_origin  # noqa: E402
from claimdesk.models import Document  # noqa: E402
from bench.corpora import corpus_dir  # noqa: E402

GOLD_WIRES = {"ap": "AP", "afp": "AFP", "reuters": "Reuters", "upi": "UPI"}


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


# How sources were counted before origins: outlet text lower-cased without "www."/".com", a copy
# under its original's outlet, a document whose author is exactly a wire under the wire.
_OLD_WIRES = {"ap": "AP", "associated press": "AP", "afp": "AFP", "agence france-presse": "AFP",
              "reuters": "Reuters", "upi": "UPI", "united press international": "UPI"}
_OLD_NOISE = re.compile(r"^www\.|\s*\((opinion|online|news)\)\s*$|\.(com|org|net|co\.uk)$", re.I)


def _old_source(doc: Document) -> str:
    if doc.author and doc.author.strip().lower() in _OLD_WIRES:
        return "wire:" + _OLD_WIRES[doc.author.strip().lower()]
    if doc.outlet:
        return "outlet:" + _OLD_NOISE.sub("", doc.outlet.strip().lower())
    return "document:" + doc.id


def story_changes(db: str) -> None:
    """Stories of a store corroborated with origins whose count of asserting sources differs from
    the count by outlet (the rule before origins), on the same stories and mentions."""
    from claimdesk.corroborate.contradictions import is_denial
    from claimdesk.store.corroboration import claims_by_id, document_headers
    from claimdesk.corroborate.status import source_of
    from claimdesk.store import open_store
    from claimdesk.store.stories import copies, iter_stories, load_origins, origin_of

    store = open_store(db)
    copy_of = copies(store)
    stories = list(iter_stories(store))
    doc_ids = {m.document for s in stories for m in s.mentions}
    heads = document_headers(store, doc_ids | {copy_of[i] for i in doc_ids if i in copy_of})
    with store.engine.connect() as conn:
        origins = load_origins(conn, doc_ids)
        claims = claims_by_id(conn, [m.claim for s in stories for m in s.mentions])
    changed = lower = higher = multi = 0
    examples = []
    for s in stories:
        asserting = [m for m in s.mentions if m.polarity == "asserted" and not is_denial(claims[m.claim])]
        if len(asserting) < 2:
            continue
        multi += 1
        old = {_old_source(heads[copy_of[m.document]] if m.document in copy_of and copy_of[m.document] in heads
                           else heads[m.document]) for m in asserting}
        new = set()
        for m in asserting:
            origin = origin_of(origins.get(m.document, []), m.span)
            root = copy_of.get(m.document)
            new.add(source_of(heads[root], None) if origin is None and root in heads else source_of(heads[m.document], origin))
        if len(old) != len(new):
            changed += 1
            lower += len(new) < len(old)
            higher += len(new) > len(old)
            if len(examples) < 5:
                examples.append(f"    {len(old)} -> {len(new)}: {s.text[:90]!r} "
                                f"({'; '.join(sorted({(m.outlet or '?') + (' via ' + m.origin.outlet if m.origin else '') for m in asserting}))})")
    print(f"{db}: {len(stories)} stories, {multi} with 2+ asserting mentions; {changed} change their source count "
          f"when counted by origin ({lower} fewer, {higher} more)")
    print("\n".join(examples))


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
