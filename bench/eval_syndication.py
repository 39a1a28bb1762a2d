"""Copy detection on a labelled syndication set built from real PolNeAR articles.

Each of `n_copies` originals is republished the way syndication does it: under another outlet,
another title, a byline and boilerplate (subscription pitch, copyright line), a trimmed ending and a
few small edits (a word swapped, a sentence dropped). The remaining articles (same period, same
political topics) are distinct reports. Every document goes through `CopyDetector`; a copy is found
when it points at its original. PolNeAR itself holds updated versions of one story (same outlet, a day
apart, lightly edited): such real pairs count as correct, and a synthetic copy pointing at the earliest
version of its original too; the strict precision, which counts them wrong, is printed as well.

    .venv/bin/python bench/eval_syndication.py [--originals 300] [--copies 150] [--seed 7]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claimdesk.corroborate.copies import CopyDetector  # noqa: E402
from claimdesk.models import Document  # noqa: E402
from bench.corpora import corpus_dir  # noqa: E402

OUTLETS = ["The Daily Ledger", "Valley Courier", "Metro Herald", "Coastal Times", "Northern Star"]
HEADERS = ["Subscribe now for unlimited access to local news.", "Advertisement", "Share this article:",
           "Sign up for our morning newsletter."]
FOOTERS = ["Copyright 2016 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
           "Follow us on Twitter and Facebook for the latest updates.",
           "Have a news tip? Email our newsroom. Comments are moderated."]
EDITS = [("said", "says"), (" Mr. ", " "), ("percent", "%"), ("Thursday", "on Thursday"), (" the ", " the "),
         ("Donald Trump", "Trump"), ("Hillary Clinton", "Clinton")]


def _metadata(root: Path) -> dict[str, dict]:
    with open(root / "polnear" / "metadata.tsv", encoding="utf-8") as f:
        return {r["filename"]: r for r in csv.DictReader(f, delimiter="\t")}


def republish(text: str, rng: random.Random) -> str:
    paras = [p for p in text.split("\n") if p.strip()]
    body = paras[1:] if len(paras) > 3 else paras  # drop the original title line
    keep = max(2, int(len(body) * rng.uniform(0.6, 1.0)))  # trimmed ending
    body = body[:keep]
    if len(body) > 5 and rng.random() < 0.5:
        del body[rng.randrange(1, len(body) - 1)]  # an edited-out paragraph
    edited = []
    for p in body:
        for a, b in rng.sample(EDITS, 3):
            p = p.replace(a, b, 1)
        edited.append(p)
    title = "UPDATED: " + (paras[0][:80] if paras else "report")
    return "\n\n".join([rng.choice(HEADERS), title.upper(), f"By {rng.choice(['Staff', 'Wire reports', 'AP'])}",
                        *edited, rng.choice(FOOTERS)])


def _norm_title(t: str) -> str:
    return re.sub(r"\W+", " ", (t or "").lower()).strip()


def build(root: Path, n_originals: int, n_copies: int, seed: int):
    """Documents (originals, distinct articles and copies) and gold {copy id: original id}."""
    rng = random.Random(seed)
    meta = _metadata(root)
    files = sorted((root / "polnear" / "train" / "text").glob("*.txt"))
    rng.shuffle(files)
    files = files[:n_originals]
    docs, titles = [], {}
    base = datetime(2016, 1, 1, tzinfo=timezone.utc)
    for k, f in enumerate(files):
        m = meta.get(f.stem, {})
        try:
            published = date.fromisoformat(m.get("publication_date", ""))
        except ValueError:
            published = None
        d = Document.from_text(f.read_text(encoding="utf-8"), source=str(f), outlet=m.get("publisher"),
                               title=m.get("title"), published=published, ingested_at=base + timedelta(seconds=k))
        docs.append(d)
        titles[d.id] = _norm_title(m.get("title", ""))
    gold: dict[str, str] = {}
    for k, orig in enumerate(rng.sample(docs, n_copies)):
        text = republish(orig.text, rng)
        pub = orig.published + timedelta(days=rng.randint(0, 2)) if orig.published else None
        c = Document.from_text(text, source=f"copy-{k}", outlet=rng.choice(OUTLETS), published=pub,
                               ingested_at=base + timedelta(days=400, seconds=k))
        docs.append(c)
        gold[c.id] = orig.id
        titles[c.id] = titles[orig.id]
    rng.shuffle(docs)  # arrival order is not publication order
    return docs, gold, titles


def _same_story_update(a: Document, b: Document) -> bool:
    """Two real articles of one outlet, a day apart at most: an updated version of one story."""
    return (a.outlet == b.outlet and a.published is not None and b.published is not None
            and abs((a.published - b.published).days) <= 1)


def evaluate(docs: list[Document], gold: dict[str, str]) -> dict:
    by_id = {d.id: d for d in docs}
    det = CopyDetector(fetch=by_id.get)  # the store's get_document in real runs
    t0 = time.perf_counter()
    for i in range(0, len(docs), 100):
        det.add(docs[i:i + 100])
    seconds = time.perf_counter() - t0
    verdicts = dict(det.copy_of)  # final verdicts, after late originals re-rooted their groups
    # an original may itself be an update of an earlier real article (PolNeAR holds such pairs)
    root = {o: verdicts.get(o, o) for o in gold.values()}
    tp = sum(1 for c, o in gold.items() if verdicts.get(c) in (o, root[o]))
    updates = [(c, o) for c, o in verdicts.items() if c not in gold and _same_story_update(by_id[c], by_id[o])]
    fp = sum(1 for c, o in verdicts.items() if c in gold and verdicts.get(c) not in (gold[c], root[gold[c]]))
    fp += sum(1 for c, o in verdicts.items() if c not in gold) - len(updates)
    strict_fp = sum(1 for c, o in verdicts.items() if gold.get(c) != o)
    return {"documents": len(docs), "copies": len(gold), "found": tp, "false": fp, "natural_updates": len(updates),
            "precision": (tp + len(updates)) / max(tp + len(updates) + fp, 1), "recall": tp / max(len(gold), 1),
            "strict_precision": sum(1 for c, o in gold.items() if verdicts.get(c) == o) / max(len(verdicts), 1),
            "strict_false": strict_fp, "seconds": seconds}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--originals", type=int, default=840)
    ap.add_argument("--copies", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    docs, gold, _ = build(corpus_dir(), args.originals, args.copies, args.seed)
    r = evaluate(docs, gold)
    print(f"documents {r['documents']}, synthetic copies {r['copies']}, found {r['found']}, false {r['false']}, "
          f"same-outlet updates of one story found among the real articles {r['natural_updates']}")
    print(f"copy detection precision {r['precision']:.3f}  recall {r['recall']:.3f}  "
          f"({r['documents'] / r['seconds']:.0f} documents/s)")
    print(f"strict precision (every verdict not in the synthetic gold counted wrong) {r['strict_precision']:.3f}")


if __name__ == "__main__":
    main()
