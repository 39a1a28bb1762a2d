"""How far incremental corroboration (corroborate after each chunk of ingested documents) is from
one pass over the same documents, and that `corroborate --full` (incremental=False) restores it.

Documents: PolNeAR train articles (the development corpus), each line a claim, so the figures
measure corroboration alone, not the extractor. Every scenario stores the documents in the same
arrival order with the same ingestion times; only when corroboration runs differs:

  one pass       all documents stored, one `corroborate`
  chunks/arrival `corroborate` after every CHUNK documents, arriving in file-name order (outlet by
                 outlet: publication dates jump back at every new outlet, as a folder ingest does)
  chunks/dated   the same, documents arriving in publication order
  then --full    the chunks/arrival store corroborated again with incremental=False
  dated, batched one pass over the dated documents in batches of CHUNK, compared with chunks/dated
                 (not with the one pass): 0 shows that runs in publication order differ from one
                 pass only by where their batches end

For each it prints stories, corroborated stories, and how many claims sit in a story whose claims
differ from their story's in the one pass (0 means the same partition).

    python bench/corroborate_split.py --limit 300 --chunk 50
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from claimdesk.corroborate import corroborate  # noqa: E402
from claimdesk.models import Claim, Document  # noqa: E402
from claimdesk.store import Store  # noqa: E402
from claimdesk.store.stories import iter_stories  # noqa: E402


def line_claims(doc: Document) -> list[Claim]:
    out, start = [], 0
    for line in doc.text.split("\n"):
        end = start + len(line)
        if len(line.split()) >= 6:
            out.append(Claim(id=Claim.make_id(doc.id, (start, end)), document_id=doc.id, text=line,
                             span=(start, end), line=doc.line_of(start)))
        start = end + 1
    return out


def load(corpus: Path, limit: int) -> list[Document]:
    paths = sorted((corpus / "polnear" / "train" / "text").glob("*.txt"))
    # every k-th file, so the slice spans all outlets and dates
    step = max(1, len(paths) // limit)
    docs = []
    for p in paths[::step][:limit]:
        outlet, day, _ = p.stem.split("_", 2)
        docs.append(Document.from_text(p.read_text(encoding="utf-8"), source=str(p), outlet=outlet,
                                       published=date.fromisoformat(day)))
    return docs


def partition(store: Store) -> dict[str, frozenset[str]]:
    """claim id -> the claims of its story."""
    out = {}
    for s in iter_stories(store):
        members = frozenset(m.claim for m in s.mentions)
        for c in members:
            out[c] = members
    return out


def figures(store: Store) -> tuple[int, int]:
    counts = Counter(s.status for s in iter_stories(store, with_mentions=False))
    return sum(counts.values()), counts["corroborated"]


def run(docs: list[Document], folder: Path, name: str, chunk: int | None, batch_size: int = 1000) -> Store:
    t0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
    store = Store(f"sqlite:///{folder / (name + '.sqlite')}")
    for start in range(0, len(docs), chunk or len(docs)):
        for i, d in enumerate(docs[start:start + (chunk or len(docs))], start):
            d = d.model_copy(update={"ingested_at": t0 + timedelta(seconds=i)})
            store.add_document(d, claims=line_claims(d))
        corroborate(store, batch_size=batch_size)
    return store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--chunk", type=int, default=50)
    args = ap.parse_args()
    arrival = load(args.corpus, args.limit)
    dated = sorted(arrival, key=lambda d: (d.published, d.source))
    folder = Path(tempfile.mkdtemp(prefix="corroborate-split-"))
    print(f"{len(arrival)} PolNeAR train articles, {sum(len(line_claims(d)) for d in arrival)} line claims, "
          f"chunks of {args.chunk}")
    print(f"{'scenario':<16} {'stories':>8} {'corroborated':>13} {'claims placed differently':>26} {'seconds':>8}")
    t = time.perf_counter()
    reference = run(arrival, folder, "one-pass", None)
    ref = partition(reference)

    def show(name: str, store: Store, seconds: float) -> None:
        stories, corroborated = figures(store)
        got = partition(store)
        moved = sum(1 for c in ref if got.get(c) != ref[c])
        print(f"{name:<16} {stories:>8} {corroborated:>13} {moved:>26} {seconds:>8.1f}", flush=True)

    show("one pass", reference, time.perf_counter() - t)
    for name, docs in (("chunks/dated", dated), ("chunks/arrival", arrival)):
        t = time.perf_counter()
        store = run(docs, folder, name.replace("/", "-"), args.chunk)
        show(name, store, time.perf_counter() - t)
    t = time.perf_counter()
    corroborate(store, incremental=False)
    show("then --full", store, time.perf_counter() - t)
    dated_chunks = partition(Store(f"sqlite:///{folder / 'chunks-dated.sqlite'}"))
    t = time.perf_counter()
    batched = run(dated, folder, "one-pass-batched", None, batch_size=args.chunk)
    ref = dated_chunks
    show("dated, batched", batched, time.perf_counter() - t)

if __name__ == "__main__":
    main()
