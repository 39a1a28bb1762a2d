"""Hostile and broken input, ingested on SQLite and on a real PostgreSQL: nothing may crash and no
clean document beside a bad one may be lost.

    .venv/bin/python bench/hostile.py [--variants 4] [--seed 1] [--no-claims] [--backends sqlite postgresql]

Builds, in a temporary folder (never in the repository), from PolNeAR train texts:
- the hostile inputs of issue 14: NUL in a JSON Lines record's text, title and outlet (between good
  records); a 10 MB text; a 25 MB HTML page; invalid UTF-8; random binary; an empty file; Rich
  markup and escape sequences in og:site_name; a lone-surrogate JSON escape;
- random truncations and bit flips (`--variants` of each) of real HTML pages, WARC archives and
  RSS feeds written from corpus texts;
and ingests each one in the same call as a clean corpus article (so a lost batch shows), in-process,
then the whole folder once through the `claimdesk ingest` command line. PostgreSQL is a throwaway
server started with tests/postgres_server.py (needs the PostgreSQL server binaries).

Prints, per backend: inputs tried, inputs rejected by name, documents stored from them, crashed
(an exception out of ingest, or the command exiting other than 0/1 or with a traceback; must be
0), clean documents lost (must be 0), and peak memory of this process and of the command run.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from claimdesk.ingest import IngestOptions  # noqa: E402
from claimdesk.models import document_id  # noqa: E402
from claimdesk.pipeline import ingest  # noqa: E402
from claimdesk.store import Store  # noqa: E402


@dataclass
class Tally:
    tried: int = 0
    rejected: int = 0
    stored: int = 0
    crashed: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    seconds: float = 0.0


def page(title: str, text: str, outlet: str = "Example News") -> str:
    paragraphs = "".join(f"<p>{escape(p)}</p>\n" for p in text.split("\n") if p.strip())
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{escape(title)}</title>"
            f"<meta property=\"og:site_name\" content=\"{escape(outlet)}\">"
            f"<meta property=\"article:published_time\" content=\"2016-03-01\"></head>"
            f"<body><nav><a href=\"/\">Home</a></nav><article><h1>{escape(title)}</h1>\n{paragraphs}</article>"
            f"<footer>Copyright</footer></body></html>")


def warc(pages: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, html in pages:
        body = html.encode("utf-8")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                               ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    return out.getvalue()


def feed(items: list[tuple[str, str, str]]) -> str:
    entries = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(u)}</link><pubDate>Tue, 01 Mar 2016 10:00:00 GMT</pubDate>"
        f"<content:encoded><![CDATA[{''.join(f'<p>{escape(p)}</p>' for p in x.splitlines() if p.strip())}]]></content:encoded></item>"
        for t, u, x in items)
    return ("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\" "
            "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Example</title>"
            f"<link>https://example.org/</link>{entries}</channel></rss>")


def truncated(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, max(2, len(data)))]


def bit_flipped(data: bytes, rng: random.Random, flips: int = 8) -> bytes:
    out = bytearray(data)
    for _ in range(flips):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def build(folder: Path, texts: list[str], variants: int, seed: int) -> list[Path]:
    """The hostile inputs, one file each."""
    rng = random.Random(seed)
    made: list[Path] = []

    def write(name: str, data: bytes | str) -> None:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        made.append(path)

    good = texts[:3]
    records = [{"text": good[0], "title": "one"},
               {"text": "Officials\u0000 said " + good[1], "title": "t\u0000itle", "outlet": "Out\u0000let"},
               {"text": good[2], "title": "three", "outlet": "x" * 500}]
    write("nul-fields.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    write("surrogate.jsonl", json.dumps({"text": texts[3] + " \ud800 end"}) + "\n")
    body = "\n\n".join(texts)
    write("ten-megabytes.txt", (body * (10_000_000 // len(body) + 1))[:10_000_000])
    write("twenty-five-megabytes.html", page("Huge", (body * (25_000_000 // len(body) + 1))[:25_000_000]))
    utf8 = texts[4].encode("utf-8")
    write("invalid-utf8.txt", utf8[:200] + b"\xff\xfe\xc3" + utf8[200:] + " Zürich.".encode())
    write("random-binary.txt", rng.randbytes(64 * 1024))
    write("empty.txt", b"")
    write("markup-outlet.html", page("Markup", texts[5], outlet="[/red][link=file:///etc/passwd]click[/link]\x1b]8;;x\x07\x1b[31m"))
    write("nul-in-text.txt", texts[6][:300] + "\x00\x00" + texts[6][300:])
    html_pages = [page(f"Article {i}", t) for i, t in enumerate(texts[7:10])]
    archive = warc([(f"https://example.org/{i}", h) for i, h in enumerate(html_pages)])
    rss = feed([(f"Item {i}", f"https://example.org/item/{i}", t) for i, t in enumerate(texts[10:13])]).encode()
    for n in range(variants):
        for name, data in (("page.html", html_pages[n % 3].encode()), ("archive.warc.gz", archive), ("feed.rss", rss)):
            stem, suffix = name.split(".", 1)
            write(f"{stem}-cut{n}.{suffix}", truncated(data, rng))
            write(f"{stem}-flip{n}.{suffix}", bit_flipped(data, rng))
    return made


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_cli(url: str, folder: Path, with_claims: bool) -> str:
    """The whole folder through `claimdesk ingest` into a fresh database of the same backend."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    env.pop("CLAIMDESK_DB", None)
    cmd = [sys.executable, "-m", "claimdesk", "ingest", str(folder), "--db", url, "-q"] + ([] if with_claims else ["--no-claims"])
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True, env=env)
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    crashed = result.returncode not in (0, 1) or "Traceback" in result.stderr
    rejected = sum(1 for line in result.stderr.splitlines() if line.startswith("rejected: "))
    return (f"command line over the folder: exit {result.returncode}, {rejected} rejected lines, "
            f"{'CRASHED' if crashed else 'no crash'}, {time.perf_counter() - start:.0f} s, peak {peak:.0f} MiB"
            + (f"\n{result.stderr[-2000:]}" if crashed else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("CLAIMDESK_CORPUS", REPO.parent / "shared" / "corpus")))
    parser.add_argument("--variants", type=int, default=4, help="truncations and bit flips of each container")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-claims", action="store_true", help="skip claim extraction (faster)")
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"])
    args = parser.parse_args()

    files = sorted((args.corpus / "polnear" / "train" / "text").glob("*.txt"))
    if len(files) < 40:
        raise SystemExit(f"PolNeAR train texts not found under {args.corpus}")
    texts = [f.read_text(encoding="utf-8") for f in files[:13]]
    work = Path(tempfile.mkdtemp(prefix="claimdesk-hostile-"))
    server = None
    try:
        hostile_dir = work / "hostile"
        hostile_dir.mkdir()
        hostile = build(hostile_dir, texts, args.variants, args.seed)
        clean_dir = work / "clean"
        clean_dir.mkdir()
        clean = []
        for f in files[20:40]:
            (clean_dir / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
            clean.append(clean_dir / f.name)
        print(f"{len(hostile)} hostile inputs ({sum(p.stat().st_size for p in hostile) / 2**20:.0f} MB) beside "
              f"{len(clean)} clean PolNeAR articles; claims {'off' if args.no_claims else 'on'}", flush=True)
        for backend in args.backends:
            if backend == "sqlite":
                url, cli_url = f"sqlite:///{work / 'bench.sqlite'}", f"sqlite:///{work / 'cli.sqlite'}"
            else:
                if server is None:
                    server = start_postgres(work)
                url, cli_url = server.create_database(), server.create_database()
            tally = run_inputs(url, hostile, clean, not args.no_claims)
            cli = run_cli(cli_url, hostile_dir, not args.no_claims)
            print(f"{backend:<10} tried {tally.tried}, rejected by name {tally.rejected}, documents stored "
                  f"{tally.stored}, crashed {len(tally.crashed)}, clean documents lost {len(tally.lost)}, "
                  f"{tally.seconds:.0f} s, peak {peak_mib():.0f} MiB (this process)", flush=True)
            for line in tally.crashed + [f"lost: {n}" for n in tally.lost]:
                print(f"           {line}")
            print(f"{'':<10} {cli}", flush=True)
    finally:
        if server is not None:
            server.stop()
            shutil.rmtree(server.root, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)


def run_inputs(url: str, hostile: list[Path], clean: list[Path], with_claims: bool) -> Tally:
    """Each hostile input ingested in one call beside a clean article (so they share a batch)."""
    tally = Tally()
    store = Store(url)
    start = time.perf_counter()
    for i, path in enumerate(hostile):
        tally.tried += 1
        beside = clean[i % len(clean)]
        before = store.count("documents")
        began = time.perf_counter()
        try:
            report = ingest([beside, path], store, IngestOptions(), with_claims=with_claims, workers=1)
        except Exception:
            tally.crashed.append(f"{path.name}: {traceback.format_exc().splitlines()[-1]}")
            continue
        finally:
            if time.perf_counter() - began > 10:
                print(f"           slow: {path.name} took {time.perf_counter() - began:.0f} s", flush=True)
        tally.rejected += any(r.source.startswith(str(path)) for r in report.rejected)
        beside_new = 1 if i < len(clean) else 0
        tally.stored += store.count("documents") - before - beside_new
    expected = {document_id(p.read_text(encoding="utf-8")): p.name for p in clean[: len(hostile)]}
    stored = store.existing_document_ids(expected)
    tally.lost = [name for doc_id, name in expected.items() if doc_id not in stored]
    tally.seconds = time.perf_counter() - start
    store.close()
    return tally


def start_postgres(work: Path):  # noqa: ANN201
    from postgres_server import PostgresServer, _bin_dir, _server_user

    bin_dir = _bin_dir()
    if bin_dir is None:
        raise SystemExit("PostgreSQL server binaries not found (make system-deps), or pass --backends sqlite")
    root = Path(tempfile.mkdtemp(prefix="claimdesk-hostile-pg-"))
    server = PostgresServer(bin_dir=bin_dir, root=root, user=_server_user())
    server.start()
    return server


if __name__ == "__main__":
    main()
