"""Scaling figures: the Spark batch job on one core and on two, against the single-process pipeline.

On the PolNeAR train texts (840 real articles), each arm in its own process:
    single     claimdesk.pipeline.ingest (read, audit, extract, store in SQLite) then corroborate:
               the baseline, what `claimdesk ingest` + `claimdesk corroborate` do
    local[1]   claimdesk.scale.run_batch on Spark local[1] (one executor core), to Parquet
    local[2]   the same on local[2]
Printed per arm: wall seconds, articles/second, the ratio to the baseline, the Spark session
start-up, the driver's share (stories), and, for the arm's whole process tree (driver Python, JVM,
Python workers, sampled every 0.2 s with psutil), peak memory and CPU seconds. On a shared
machine wall time stretches with other people's load; CPU seconds per article (core-seconds) is
the figure to size a cluster with.

Usage:  .venv/bin/python bench/scale.py [--limit N] [--arms single,local[1],local[2]] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
DEFAULT_TEXTS = Path(os.environ.get("CLAIMDESK_CORPUS", REPO.parent / "shared" / "corpus")) / "polnear" / "train" / "text"


def _files(texts: Path, limit: int | None) -> list[str]:
    files = sorted(str(p) for p in texts.glob("*.txt"))
    return files[:limit] if limit else files


def child(arm: str, files: list[str], work: Path) -> dict:
    """Run one arm in this process and return its timings."""
    started = time.perf_counter()
    if arm == "single":
        from claimdesk.corroborate import corroborate
        from claimdesk.ingest import IngestOptions
        from claimdesk.pipeline import ingest
        from claimdesk.store import Store

        store = Store(f"sqlite:///{work / 'single.sqlite'}")
        report = ingest(files, store, IngestOptions())
        ingested = time.perf_counter()
        corroborate(store)
        done = time.perf_counter()
        return {"documents": report.documents_new, "claims": store.count("claims"), "stories": store.count("stories"),
                "seconds": done - started, "seconds_corroborate": done - ingested}
    from claimdesk.scale import BatchSettings, run_batch
    from claimdesk.scale.session import spark_session

    spark = spark_session(arm, work / "spark-tmp")
    session = time.perf_counter() - started
    summary = run_batch(files, work / "out", BatchSettings(master=arm), spark=spark)
    spark.stop()
    return {"documents": summary.documents, "claims": summary.claims, "stories": summary.stories,
            "copies": summary.copies, "seconds": time.perf_counter() - started, "seconds_session": session,
            "seconds_stories": summary.seconds_stories}


def _sample_tree(proc: psutil.Process, cpu: dict[int, float]) -> int:
    """RSS of the process tree now; records each member's CPU seconds so far in `cpu`."""
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
            times = p.cpu_times()
            cpu[p.pid] = times.user + times.system
        except psutil.Error:
            pass
    return total


def run_arm(arm: str, limit: int | None, texts: Path) -> dict:
    with tempfile.TemporaryDirectory(prefix="claimdesk-scale-") as work:
        cmd = [sys.executable, __file__, "--child", arm, "--work", work, "--texts", str(texts)]
        if limit:
            cmd += ["--limit", str(limit)]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=work)
        watched, peak, cpu = psutil.Process(proc.pid), [0], {}

        def sample() -> None:
            while proc.poll() is None:
                peak[0] = max(peak[0], _sample_tree(watched, cpu))
                time.sleep(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        out, err = proc.communicate()
        sampler.join()
        if proc.returncode != 0:
            raise SystemExit(f"arm {arm} failed ({proc.returncode}):\n{err[-3000:]}")
        result = json.loads(out.strip().splitlines()[-1])
        result["peak_rss_mb"] = round(peak[0] / 2**20)
        result["cpu_seconds"] = round(sum(cpu.values()), 1)  # as last sampled, up to 0.2 s early
        return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--arms", default="single,local[1],local[2]")
    ap.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--work", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    files = _files(args.texts, args.limit)
    if args.child:
        print(json.dumps(child(args.child, files, args.work)))
        return
    if not files:
        raise SystemExit(f"no .txt files in {args.texts} (set CLAIMDESK_CORPUS)")
    print(f"{len(files)} PolNeAR articles, {psutil.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    results = {}
    for arm in args.arms.split(","):
        results[arm] = r = run_arm(arm, args.limit, args.texts)
        r["articles_per_second"] = round(len(files) / r["seconds"], 2)
        r["cpu_ms_per_article"] = round(1000 * r["cpu_seconds"] / len(files))
        print(f"{arm:9s} {r['seconds']:7.1f} s  {r['articles_per_second']:5.2f} articles/s  "
              f"CPU {r['cpu_seconds']:6.1f} s = {r['cpu_ms_per_article']} ms/article  "
              f"peak {r['peak_rss_mb']:5d} MB  docs {r['documents']}  claims {r['claims']}  stories {r['stories']}  "
              + "  ".join(f"{k} {v:.1f}" for k, v in r.items() if k.startswith("seconds_")), flush=True)
    base = results.get("single")
    if base:
        for arm, r in results.items():
            print(f"ratio {arm} / single: {r['articles_per_second'] / base['articles_per_second']:.2f}")
    if "local[1]" in results and "local[2]" in results:
        print(f"speed-up local[2] / local[1]: "
              f"{results['local[2]']['articles_per_second'] / results['local[1]']['articles_per_second']:.2f}")
    if args.json:
        args.json.write_text(json.dumps({"articles": len(files), "arms": results}, indent=2))


if __name__ == "__main__":
    main()
