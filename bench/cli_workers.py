"""`claimdesk audit` through the command line, start-up included, beside bare spaCy `nlp.pipe` at the
same number of processes on the same PolNeAR train articles, in the same run.

    .venv/bin/python bench/cli_workers.py [--limit 300] [--workers 2] [--repeat 1]

Each side runs as a fresh subprocess (interpreter start, imports and model load are counted):
- bare:  `python -c` that loads the model and runs `nlp.pipe(texts, n_process=N)`;
- audit: `python -m claimdesk audit FILES --format json --workers N > /dev/null`.
Prints wall seconds, articles/second, CPU seconds (the subprocess and all its workers), and the ratio
audit/bare of articles per second (target >= 0.8), also per CPU second, which stays meaningful when
other jobs load the machine. The sides alternate when --repeat > 1 so load drifts hit both.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

BARE = """
import sys
from pathlib import Path
from claimdesk.extraction.nlp import MODEL
import spacy
nlp = spacy.load(MODEL)
texts = [Path(p).read_text("utf-8") for p in sys.argv[2:]]
n = sum(1 for _ in nlp.pipe(texts, batch_size=16, n_process=int(sys.argv[1])))
assert n == len(texts)
"""


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system of the subprocess and its descendants) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env, cwd=REPO)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("CLAIMDESK_CORPUS", REPO.parent / "shared" / "corpus")))
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()

    files = [str(f) for f in sorted((args.corpus / "polnear" / "train" / "text").glob("*.txt"))[: args.limit]]
    if not files:
        raise SystemExit(f"no PolNeAR texts under {args.corpus}")
    n = len(files)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    sides = {
        f"bare nlp.pipe(n_process={args.workers})": [sys.executable, "-c", BARE, str(args.workers), *files],
        f"claimdesk audit --workers {args.workers}": [sys.executable, "-m", "claimdesk", "audit", *files,
                                                      "--format", "json", "--workers", str(args.workers)],
    }
    print(f"{n} PolNeAR train articles, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    totals = {label: [0.0, 0.0] for label in sides}
    for _ in range(args.repeat):
        for label, cmd in sides.items():
            wall, cpu = timed(cmd, env)
            totals[label][0] += wall
            totals[label][1] += cpu
            print(f"{label:<30} {wall:7.1f} s  {n / wall:6.2f} articles/s  {cpu:7.1f} CPU s  "
                  f"{n / cpu:6.2f} articles/CPU s")
    (bare_wall, bare_cpu), (cli_wall, cli_cpu) = totals.values()
    print(f"ratio audit/bare, start-up included: {bare_wall / cli_wall:.2f} by wall time, "
          f"{bare_cpu / cli_cpu:.2f} per CPU second (load average now {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
