"""Web UI throughput and latency on a 100,000-document store, over loopback, against baselines
measured in the same run.

The store is synthesised from real PolNeAR paragraphs (each document 3-6 paragraphs drawn at random,
so texts are real prose of realistic length) and bulk-inserted with SQLAlchemy Core: documents,
sources, one claim per document (its first sentence), audit findings on 1 in 10, and one story per
two documents (two mentions each, a place with coordinates on a third of them). A real uvicorn
server (`claimdesk serve`, its own process) answers a real HTTP client (httpx, keep-alive):

    healthz            GET /healthz: the framework's floor (no database, no template)
    raw_sql            the stories-list query (count + one page + its mentions) run in-process with
                       no HTTP and no template: the database's floor
    stories            GET /stories (page 1)
    stories_deep       GET /stories?page=N  (a page near the end)
    stories_contested  GET /stories?status=contested
    stories_search     GET /stories?q=WORD  (substring search, a full scan)
    story              GET /stories/ID      (random stories)
    document           GET /documents/ID    (random documents, with claims and findings)
    api_stories        GET /api/stories
    timeline           GET /timeline        (stories per day over the documents' period)
    digest             GET /digest?since=2000-01-01&all=1  (the change log; the bench store has none recorded)
    follows            GET /follows
    map                GET /map             (up to 5,000 located stories, best-sourced first)

Each arm runs --requests requests (default 300) after 20 warm-up requests; printed: requests/s,
p50 and p95 latency, and the ratio against healthz. Also: build time and the server's peak RSS.

Usage:  .venv/bin/python bench/web.py [--documents 100000] [--requests 300] [--db PATH] [--keep]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import httpx
import psutil

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
DEFAULT_CORPUS = Path(os.environ.get("CLAIMDESK_CORPUS", REPO.parent / "shared" / "corpus"))

from claimdesk.models import Claim, document_id  # noqa: E402
from claimdesk.store import open_store, schema  # noqa: E402
from claimdesk.store.stories import StoryFilter, count_stories, iter_stories  # noqa: E402

STATUSES = ["single_source"] * 6 + ["corroborated"] * 2 + ["contested", "denied"]
EVENTS = ["statement", "attack", "casualty", "deployment", "agreement", "denial", "aid", "search", "other"]
PLACES = [("Kyiv", 50.45, 30.52, "UA"), ("Kursk", 51.73, 36.19, "RU"), ("Washington, D.C.", 38.9, -77.04, "US"),
          ("Gaza", 31.5, 34.47, "PS"), ("Khartoum", 15.5, 32.56, "SD"), ("Caracas", 10.49, -66.88, "VE"),
          ("Manila", 14.6, 120.98, "PH"), ("Lagos", 6.45, 3.39, "NG"), ("Berlin", 52.52, 13.4, "DE")]
BATCH = 5000


def paragraphs(corpus: Path) -> list[str]:
    out = []
    for split in ("train", "dev"):
        for f in sorted((corpus / "polnear" / split / "text").glob("*.txt")):
            out += [p.strip() for p in f.read_text(encoding="utf-8").split("\n") if len(p.strip()) > 80]
    if not out:
        sys.exit(f"no PolNeAR texts under {corpus} (set CLAIMDESK_CORPUS)")
    return out


def first_sentence(text: str) -> tuple[int, int]:
    stop = text.find(". ")
    return 0, (stop + 1 if 0 < stop < 400 else min(len(text), 300))


def build(url: str, n_docs: int, corpus: Path) -> None:
    rng = random.Random(7)
    paras = paragraphs(corpus)
    store = open_store(url)
    now = datetime.now(timezone.utc)
    start_day = date(2024, 1, 1)
    doc_rows, src_rows, claim_rows, finding_rows, story_rows, mention_rows = [], [], [], [], [], []
    pending_story: list[tuple[str, str, str, str]] = []

    def flush(conn, final=False):  # noqa: ANN001
        for table, rows in ((schema.documents, doc_rows), (schema.document_sources, src_rows),
                            (schema.claims, claim_rows), (schema.findings, finding_rows),
                            (schema.stories, story_rows), (schema.story_mentions, mention_rows)):
            if rows:
                conn.execute(table.insert(), rows)
                rows.clear()

    with store.engine.begin() as conn:
        for i in range(n_docs):
            text = "\n".join(rng.sample(paras, rng.randint(3, 6)))
            doc_id = document_id(f"{i}\n{text}")
            outlet = f"outlet-{rng.randint(1, 60):02d}.example"
            day = start_day + timedelta(days=rng.randint(0, 300))
            doc_rows.append({"id": doc_id, "source": f"synthetic/{i}.txt", "format": "text", "outlet": outlet,
                             "url": f"https://{outlet}/{i}", "title": text[:60], "author": None, "published": day,
                             "language": "en", "text": text, "ingested_at": now})
            src_rows.append({"document_id": doc_id, "source": f"synthetic/{i}.txt", "format": "text",
                             "url": f"https://{outlet}/{i}", "outlet": outlet, "ingested_at": now})
            span = first_sentence(text)
            claim_id = Claim.make_id(doc_id, span)
            claim_rows.append({"id": claim_id, "document_id": doc_id, "text": text[span[0]:span[1]], "span_start": span[0],
                               "span_end": span[1], "line": 1, "event_type": rng.choice(EVENTS), "actors": [],
                               "attribution": {"kind": "none", "source": None, "source_span": None, "cue": None},
                               "hedges": [], "polarity": "asserted", "when": None, "places": [], "quantities": [],
                               "checkworthiness": 0.5, "extractor": "bench"})
            if i % 10 == 0:
                finding_rows.append({"document_id": doc_id, "kind": "placeholder", "severity": "warning", "line": 2,
                                     "end_line": 2, "span_start": span[1], "span_end": span[1] + 10,
                                     "quote": text[span[1]:span[1] + 10], "message": "synthetic finding",
                                     "related": None})
            pending_story.append((claim_id, doc_id, text[span[0]:span[1]], day.isoformat()))
            if len(pending_story) == 2:
                (c1, d1, t1, day1), (c2, d2, _, _) = pending_story
                pending_story.clear()
                status = rng.choice(STATUSES)
                place = rng.choice(PLACES) if rng.random() < 0.33 else None
                story_id = f"s{i:07d}"
                story_rows.append({"id": story_id, "text": t1, "event_type": rng.choice(EVENTS), "status": status,
                                   "independent_sources": 2 if status in ("corroborated", "contested") else 1,
                                   "first_seen": date.fromisoformat(day1), "when": None,
                                   "places": [{"name": place[0], "lat": place[1], "lon": place[2], "country": place[3]}] if place else [],
                                   "contradictions": [], "updated_at": now})
                mention_rows += [{"claim_id": c1, "story_id": story_id, "document_id": d1, "copy_of": None},
                                 {"claim_id": c2, "story_id": story_id, "document_id": d2, "copy_of": None}]
            if len(doc_rows) >= BATCH:
                flush(conn)
        flush(conn, final=True)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    store.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measure(fn, n: int, warmup: int = 20) -> tuple[float, float, float]:  # noqa: ANN001
    for _ in range(warmup):
        fn()
    times = []
    start = time.perf_counter()
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    total = time.perf_counter() - start
    times.sort()
    return n / total, statistics.median(times) * 1000, times[int(0.95 * (len(times) - 1))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--db", type=Path, help="reuse (or create) this SQLite file")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--keep", action="store_true", help="keep the database made in a temporary folder")
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="claimdesk-web-bench-")
    db_path = args.db or Path(folder) / "web.sqlite"
    url = f"sqlite:///{db_path}"
    if not db_path.exists():
        t = time.perf_counter()
        build(url, args.documents, args.corpus)
        print(f"built {args.documents} documents in {time.perf_counter() - t:.1f}s ({db_path.stat().st_size / 1e6:.0f} MB)")
    store = open_store(url)
    n_docs, n_stories = store.count("documents"), store.count("stories")
    print(f"store: {n_docs} documents, {store.count('claims')} claims, {store.count('findings')} findings, {n_stories} stories")

    rng = random.Random(11)
    with store.engine.connect() as conn:
        story_ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM stories ORDER BY random() LIMIT 500")]
        doc_ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM documents ORDER BY random() LIMIT 500")]

    def raw_sql() -> None:
        count_stories(store, StoryFilter())
        list(iter_stories(store, StoryFilter(), limit=50))

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", "from claimdesk.cli import main; main()", "serve", "--db", url, "--port", str(port),
         "--token", "bench-token-123", "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    proc = psutil.Process(server.pid)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(200):
                try:
                    if client.get("/healthz").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            deep = max(1, n_stories // 50 - 1)

            def get(path_fn):  # noqa: ANN001, ANN202
                def run() -> None:
                    response = client.get(path_fn())
                    assert response.status_code == 200, (response.status_code, response.text[:200])
                return run

            word = re.sub(r"\W", "", rng.choice(paragraphs(args.corpus)).split()[3]).lower() or "senate"
            arms = [
                ("healthz", get(lambda: "/healthz")),
                ("raw_sql", raw_sql),
                ("stories", get(lambda: "/stories")),
                ("stories_deep", get(lambda: f"/stories?page={deep}")),
                ("stories_contested", get(lambda: "/stories?status=contested")),
                ("stories_search", get(lambda: f"/stories?q={word}")),
                ("story", get(lambda: f"/stories/{rng.choice(story_ids)}")),
                ("document", get(lambda: f"/documents/{rng.choice(doc_ids)}")),
                ("api_stories", get(lambda: "/api/stories")),
                ("timeline", get(lambda: "/timeline")),
                ("digest", get(lambda: "/digest?since=2000-01-01&all=1")),
                ("follows", get(lambda: "/follows")),
                ("map", get(lambda: "/map")),
            ]
            peak_rss = 0
            results = {}
            for name, fn in arms:
                n = args.requests if name not in ("stories_search", "stories_deep", "map") else max(30, args.requests // 5)
                results[name] = measure(fn, n)
                peak_rss = max(peak_rss, proc.memory_info().rss)
        floor = results["healthz"][0]
        print(f"\n{'arm':<20}{'req/s':>10}{'p50 ms':>10}{'p95 ms':>10}{'vs healthz':>12}")
        for name, (rps, p50, p95) in results.items():
            print(f"{name:<20}{rps:>10.1f}{p50:>10.1f}{p95:>10.1f}{rps / floor:>12.3f}")
        print(f"\nserver RSS after the run: {peak_rss / 1e6:.0f} MB (search word: {word!r}, deep page {deep})")
    finally:
        server.terminate()
        server.wait(timeout=10)
        store.close()
        if not args.keep and not args.db:
            for f in Path(folder).glob("*"):
                f.unlink()
            os.rmdir(folder)


if __name__ == "__main__":
    main()
