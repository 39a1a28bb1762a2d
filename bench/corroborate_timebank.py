"""TimeBank 1.2's 183 news documents (1989-91 Wall Street Journal and AP, one 1991 San Jose Mercury News
story; 1998 broadcast and wire news from ABC, CNN, PRI, VOA, AP and the New York Times) with their claims,
corroborated. No grouping, contradiction or verdict rule was ever chosen on it (its only use before was
date resolution), so its verdicts, read once with `bench/eval_verdicts.py --corpus timebank`, are
held-out figures.

Each document's outlet comes from its file name's prefix (`wsj_`/`WSJ` the Wall Street Journal, `AP`
and `APW` the Associated Press, `ea` ABC and `ed` CNN: TDT's broadcast files, whose times of day are
those of ABC's and CNN's own files) and its publication date from the document creation time.

    .venv/bin/python bench/corroborate_timebank.py --db sqlite:///timebank.sqlite

Prints the stories by status and the time taken.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corroborate_polnear import fill_and_corroborate  # noqa: E402
from eval_timebank import default_dir, load  # noqa: E402

from claimdesk.models import Document  # noqa: E402
from claimdesk.store import Store  # noqa: E402

OUTLETS = {"wsj": "Wall Street Journal", "ap": "AP", "apw": "AP", "abc": "ABC", "ea": "ABC", "cnn": "CNN",
           "ed": "CNN", "nyt": "New York Times", "pri": "PRI", "voa": "VOA", "sjmn": "San Jose Mercury News"}


def outlet_of(name: str) -> str:
    prefix = re.match(r"[A-Za-z]+", name).group().lower().rstrip("_")
    return OUTLETS[prefix]


def documents(directory: Path) -> list[Document]:
    return [Document.from_text(d.text, source=f"timebank:{d.name}", outlet=outlet_of(d.name), published=d.dct)
            for d in load(directory)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="the store to fill (a kept store skips extraction)")
    ap.add_argument("--processes", type=int, default=2)
    args = ap.parse_args()
    docs = documents(default_dir())
    done = fill_and_corroborate(Store(args.db), docs, args.processes)
    print(f"{len(docs)} TimeBank documents from {len({d.outlet for d in docs})} outlets: {done}")


if __name__ == "__main__":
    main()
