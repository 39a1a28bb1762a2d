"""Write a small slice of the PolNeAR corpus as JSON Lines, with outlet, date and title from its
metadata, for `make run` to ingest beside the sample article.

The corpus texts stay in ../shared; this writes a temporary file outside the repository.
Usage: python scripts/corpus_slice.py CORPUS_DIR OUT.jsonl [--dates 2016-07-27,2016-06-09]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--dates", default="2016-07-27,2016-06-09")
    args = parser.parse_args()
    polnear = args.corpus / "polnear"
    if not (polnear / "metadata.tsv").is_file():
        print(f"no PolNeAR corpus at {polnear}; the slice is empty", file=sys.stderr)
        args.out.write_text("")
        return 0
    wanted = set(args.dates.split(","))
    written = 0
    with (polnear / "metadata.tsv").open(newline="") as meta, args.out.open("w") as out:
        for row in csv.DictReader(meta, delimiter="\t"):
            if row["publication_date"] not in wanted:
                continue
            text_path = polnear / row["compartment"] / "text" / f"{row['filename']}.txt"
            if not text_path.is_file():
                continue
            record = {
                "title": row["title"], "text": text_path.read_text(encoding="utf-8"),
                "date_publish": row["publication_date"], "source_domain": row["publisher"],
                "authors": [row["author"]] if row["author"] not in ("", "None") else [],
                "url": f"polnear:{row['compartment']}/{row['filename']}",
            }
            out.write(json.dumps(record) + "\n")
            written += 1
    print(f"corpus slice: {written} PolNeAR articles from {', '.join(sorted(wanted))} -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
