"""PolNeAR (2016 US political news, 7 publishers) as claimdesk documents with their metadata.

`metadata.tsv` gives each article's publisher, publication date, title, author and, for wire copies,
the wire (AP, AFP, Reuters, UPI). Documents carry what an ingest of a JSON Lines record with those
fields would: outlet, date, title, author.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Optional

from claimdesk.models import Document


@dataclass(frozen=True)
class PolnearArticle:
    document: Document
    split: str
    wire: Optional[str]  # the wire it copies, as metadata.tsv names it


def _value(raw: str) -> Optional[str]:
    return raw if raw not in ("", "None") else None


def read_articles(root: Path, splits: tuple[str, ...] = ("train", "dev")) -> list[PolnearArticle]:
    """The articles of `splits` whose text file exists, in file-name order."""
    with open(root / "polnear" / "metadata.tsv", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if r["compartment"] in splits]
    out = []
    for row in sorted(rows, key=lambda r: (r["compartment"], r["filename"])):
        path = root / "polnear" / row["compartment"] / "text" / f"{row['filename']}.txt"
        if not path.exists():
            continue
        published = date.fromisoformat(row["publication_date"]) if _value(row["publication_date"]) else None
        doc = Document.from_text(path.read_text(encoding="utf-8"), source=str(path), outlet=row["publisher"],
                                 published=published, title=_value(row["title"]), author=_value(row["author"]))
        out.append(PolnearArticle(doc, row["compartment"], _value(row["wire"])))
    return out
