"""The claims of the first N PolNeAR train articles (loaded as bench/extract.py loads them), serialized
with `Claim.model_dump()`, to compare two checkouts: a change that is only meant to make extraction
faster must leave the file byte for byte the same.

    PYTHONPATH=/path/to/checkout-a .venv/bin/python bench/claims_snapshot.py --limit 200 --out /tmp/a.json
    PYTHONPATH=/path/to/checkout-b .venv/bin/python bench/claims_snapshot.py --limit 200 --out /tmp/b.json
    cmp /tmp/a.json /tmp/b.json

With `--against FILE` it compares with an earlier snapshot itself and names the first article whose
claims differ.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from claimdesk.extraction.spacy_extractor import SpacyExtractor
from claimdesk.models import Document

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("CLAIMDESK_CORPUS", REPO.parent / "shared" / "corpus")))
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--against", type=Path, help="an earlier snapshot to compare with")
    args = parser.parse_args()

    files = sorted((args.corpus / "polnear" / "train" / "text").glob("*.txt"))[: args.limit or None]
    if not files:
        sys.exit(f"no PolNeAR train texts under {args.corpus} (set --corpus or CLAIMDESK_CORPUS)")
    docs = [Document.from_text(f.read_text("utf-8"), source=f.name) for f in files]
    claims = [[c.model_dump(mode="json") for c in found] for found in SpacyExtractor().extract_many(docs)]
    text = json.dumps(claims, sort_keys=True, indent=0)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    print(f"{len(claims)} articles, {sum(len(c) for c in claims)} claims")
    if args.against:
        earlier = json.loads(args.against.read_text(encoding="utf-8"))
        for path, before, now in zip(files, earlier, claims):
            if before != now:
                sys.exit(f"claims differ first in {path.name}")
        if len(earlier) != len(claims):
            sys.exit(f"{len(earlier)} articles in {args.against}, {len(claims)} now")
        print(f"identical to {args.against}")


if __name__ == "__main__":
    main()
