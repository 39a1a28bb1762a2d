"""How well `find_dates` resolves TimeBank 1.2's gold DATE expressions against each document's DCT.

Recall: share of gold TIMEX3 type="DATE" whose value is a plain date (YYYY-MM-DD, YYYY-MM or
YYYY) for which `find_dates` returns a When overlapping the gold span with exactly the gold value
(so granularity must agree too). Gold DATE values of other forms (PRESENT_REF, weeks, quarters,
seasons, decades) are counted and left out. Precision: share of our dates overlapping a plain
gold DATE whose value equals it.

Coverage: share of gold DATEs (plain values, and all DATEs) that some date overlaps at all;
"right of covered": of those, the share whose overlapping date has the gold value. With
`--claims` the same is measured on what the extractor attaches to claims (`claim.when`), which
is what a reader of the ledger sees: a date outside every claim, or not the first of its claim,
is not covered.

Usage: python bench/eval_timebank.py [TIMEBANK_DIR] [--errors N] [--claims]
       python bench/eval_timebank.py --meantime   # the same measure on MEANTIME, never tuned on
"""

from __future__ import annotations

import argparse
import html
import os
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claimdesk.language.dates import find_dates  # noqa: E402

PLAIN_VALUE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Gold:
    span: tuple[int, int]
    type: str
    value: str


@dataclass
class TimeBankDoc:
    name: str
    text: str
    dct: date
    gold: list[Gold] = field(default_factory=list)


def default_dir() -> Path:
    repo = Path(__file__).resolve().parent.parent
    corpus = Path(os.environ.get("CLAIMDESK_CORPUS", repo.parent / "shared" / "corpus"))
    return corpus / "timebank" / "TimeBank"


def parse_tml(path: Path) -> TimeBankDoc:
    """Plain text of <TEXT> (tags stripped, entities decoded) with gold TIMEX3 spans into it."""
    raw = path.read_text(encoding="utf-8")
    dct_tag = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    dct_value = dict(_ATTR.findall(dct_tag.group()))["value"][:10]
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    parts: list[str] = []
    length = 0
    gold: list[Gold] = []
    open_timex: list[tuple[int, dict]] = []
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, tag, attrs = m.group(1), m.group(2), m.group(3)
        if tag != "TIMEX3":
            continue
        if not closing:
            open_timex.append((length, dict(_ATTR.findall(attrs))))
        elif open_timex:
            start, attributes = open_timex.pop()
            gold.append(Gold((start, length), attributes.get("type", ""), attributes.get("value", "")))
    parts.append(html.unescape(body[pos:]))
    return TimeBankDoc(path.stem, "".join(parts), date.fromisoformat(dct_value), gold)


def load(directory: Path) -> list[TimeBankDoc]:
    return [parse_tml(p) for p in sorted(directory.glob("*.tml"))]


_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|'re|'ve|'ll|'d|n't|'m|’s)$")


def parse_meantime(path: Path) -> Optional[TimeBankDoc]:
    """A MEANTIME (CAT XML) document: tokens joined back into text, TIMEX3 spans over them.

    The creation time's own mention (the dateline) is left out of the gold; a document without
    a creation time (two of the 60) is skipped.
    """
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    length = 0
    for tok in root.iter("token"):
        word = tok.text or ""
        if parts and not _NO_SPACE_BEFORE.match(word):
            parts.append(" ")
            length += 1
        offsets[tok.get("t_id")] = (length, length + len(word))
        parts.append(word)
        length += len(word)
    dct = None
    gold: list[Gold] = []
    for timex in root.iter("TIMEX3"):
        anchors = [offsets[a.get("t_id")] for a in timex.iter("token_anchor") if a.get("t_id") in offsets]
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = timex.get("value", "")[:10]
            continue
        if anchors:
            gold.append(Gold((anchors[0][0], anchors[-1][1]), timex.get("type", ""), timex.get("value", "")))
    if not dct:
        return None
    return TimeBankDoc(path.stem, "".join(parts), date.fromisoformat(dct), gold)


def load_meantime(directory: Path) -> list[TimeBankDoc]:
    docs = [parse_meantime(p) for p in sorted(directory.glob("corpus_*/*.xml"))]
    return [d for d in docs if d is not None]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def without_metadata(docs: list[TimeBankDoc]) -> list[TimeBankDoc]:
    """The documents as a page without a metadata date would come: the anchor is what the text
    itself states (dateline, "Published:" line), or nothing."""
    try:
        from claimdesk.ingest.metadata import page_date
    except ImportError:  # an older claimdesk: no page dates
        page_date = lambda text: None  # noqa: E731
    return [TimeBankDoc(d.name, d.text, page_date(d.text), d.gold) for d in docs]


def claim_dates(docs: list[TimeBankDoc]) -> list[list]:
    """The `when` of every claim the extractor finds in each document."""
    from claimdesk.extraction.spacy_extractor import SpacyExtractor
    from claimdesk.models import Document

    documents = [Document.from_text(d.text, source=d.name, published=d.dct) for d in docs]
    return [[c.when for c in claims if c.when] for claims in SpacyExtractor().extract_many(documents)]


def evaluate(docs: list[TimeBankDoc], dates_of: Optional[list[list]] = None) -> dict:
    """Recall over plain gold DATE values, precision over our dates that overlap them, and coverage
    of the gold. `dates_of` replaces find_dates' output per document (e.g. the claims' dates)."""
    plain = other = hit = 0
    covered = covered_right = covered_any = 0
    ours_on_gold = ours_right = ours_on_other = ours_total = 0
    errors: list[str] = []
    for index, doc in enumerate(docs):
        found = find_dates(doc.text, doc.dct) if dates_of is None else dates_of[index]
        ours_total += len(found)
        dates = [g for g in doc.gold if g.type == "DATE"]
        for g in dates:
            overlapping = [w for w in found if _overlaps(w.span, g.span)]
            covered_any += bool(overlapping)
            if not PLAIN_VALUE.fullmatch(g.value):
                other += 1
                continue
            plain += 1
            covered += bool(overlapping)
            covered_right += any(w.value == g.value for w in overlapping)
            if any(w.value == g.value for w in overlapping):
                hit += 1
            else:
                got = ", ".join(f"{w.text!r}={w.value}" for w in overlapping) or "nothing"
                errors.append(f"{doc.name} dct={doc.dct} gold {doc.text[g.span[0]:g.span[1]]!r}={g.value}: got {got}")
        for w in found:
            golds = [g for g in dates if _overlaps(w.span, g.span)]
            plain_golds = [g for g in golds if PLAIN_VALUE.fullmatch(g.value)]
            if plain_golds:
                ours_on_gold += 1
                ours_right += any(g.value == w.value for g in plain_golds)
            elif golds:
                ours_on_other += 1
    return {
        "documents": len(docs),
        "gold_plain": plain,
        "gold_other_forms": other,
        "recall": hit / plain if plain else 0.0,
        "matched": hit,
        "covered": covered,
        "covered_right": covered_right,
        "covered_any": covered_any,
        "ours_total": ours_total,
        "ours_overlapping_plain_gold": ours_on_gold,
        "ours_overlapping_other_gold": ours_on_other,
        "precision": ours_right / ours_on_gold if ours_on_gold else 0.0,
        "errors": errors,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=default_dir())
    parser.add_argument("--errors", type=int, default=0, help="print this many misses")
    parser.add_argument("--meantime", action="store_true",
                        help="read MEANTIME (CAT XML, a held-out check) instead; DIRECTORY defaults to its folder")
    parser.add_argument("--no-dct", action="store_true",
                        help="withhold the creation time: resolve against the date the text states about itself")
    parser.add_argument("--claims", action="store_true",
                        help="measure the dates the extractor attaches to claims, not every date found")
    args = parser.parse_args()
    if args.meantime and args.directory == default_dir():
        args.directory = args.directory.parent.parent / "meantime"
    if not args.directory.is_dir():
        sys.exit(f"no corpus at {args.directory} (set CLAIMDESK_CORPUS)")
    docs = load_meantime(args.directory) if args.meantime else load(args.directory)
    if args.no_dct:
        anchored = without_metadata(docs)
        print(f"creation time withheld; the text states a date in {sum(d.dct is not None for d in anchored)} of "
              f"{len(docs)} documents, right in {sum(a.dct == d.dct for a, d in zip(anchored, docs))}")
        docs = anchored
    started = time.perf_counter()
    result = evaluate(docs, claim_dates(docs) if args.claims else None)
    elapsed = time.perf_counter() - started
    print(f"documents: {result['documents']}" + ("   (dates of claims)" if args.claims else "   (every date found)"))
    print(f"gold DATE with plain values (YYYY-MM-DD/YYYY-MM/YYYY): {result['gold_plain']}")
    print(f"gold DATE with other values (PRESENT_REF, weeks, quarters, ...; excluded): "
          f"{result['gold_other_forms']}")
    plain_gold, all_gold = result["gold_plain"], result["gold_plain"] + result["gold_other_forms"]
    print(f"coverage of plain gold DATEs: {result['covered'] / max(plain_gold, 1):.3f} ({result['covered']}/{plain_gold}); "
          f"right of covered: {result['covered_right'] / max(result['covered'], 1):.3f} "
          f"({result['covered_right']}/{result['covered']})")
    print(f"coverage of all gold DATEs: {result['covered_any'] / max(all_gold, 1):.3f} ({result['covered_any']}/{all_gold})")
    print(f"recall (overlap + same value): {result['recall']:.3f} ({result['matched']}/{result['gold_plain']})")
    print(f"precision (our dates overlapping plain gold that match it): {result['precision']:.3f} "
          f"of {result['ours_overlapping_plain_gold']}")
    print(f"our dates: {result['ours_total']} total, {result['ours_overlapping_other_gold']} on "
          f"non-plain gold DATEs")
    print(f"time: {elapsed:.2f}s ({result['documents'] / elapsed:.0f} documents/s)")
    for line in result["errors"][: args.errors]:
        print("  miss:", line)


if __name__ == "__main__":
    main()
