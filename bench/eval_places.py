"""Places on war and conflict reporting labelled by hand: towns found, and found towns placed right.

    .venv/bin/python bench/eval_places.py [--split dev|holdout|all] [--show]

Labels: tests/fixtures/places_labels.json (sentences written for claimdesk, and news_cluster
documents named by id and read in place from the development corpus). For each labelled town:
- found (recall): a place is reported whose text in the document is the labelled name;
- right (precision): of the town-level places reported (kind city; regions and countries are not
  counted), the share within 25 km of a labelled town of the same name.
Each text goes through the extractor's spaCy pipeline first, as in `claimdesk audit`/`ingest`.
Also prints how long the gazetteer took to load (from its cache file, or built when there is none)
and how much resident memory it added.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import time
from pathlib import Path

import psutil

from claimdesk.extraction.gazetteer import _cache_path, gazetteer
from claimdesk.extraction.nlp import load_nlp
from claimdesk.extraction.places import find_places

REPO = Path(__file__).resolve().parent.parent
LABELS = REPO / "tests" / "fixtures" / "places_labels.json"
RIGHT_KM = 25.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, la2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def corpus_text(doc_id: str) -> str:
    corpus = Path(os.environ.get("CLAIMDESK_CORPUS", REPO.parent / "shared" / "corpus"))
    (path,) = (corpus / "news_cluster").glob(f"{doc_id}*.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return "\n".join(part for part in (data.get("title"), data.get("text")) if part)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "holdout", "all"), default="dev")
    parser.add_argument("--show", action="store_true", help="print every miss and every wrong place")
    args = parser.parse_args()
    items = [i for i in json.loads(LABELS.read_text(encoding="utf-8"))["items"]
             if args.split == "all" or i["split"] == args.split]
    nlp = load_nlp()
    cached = _cache_path().exists()
    rss, started = psutil.Process().memory_info().rss, time.perf_counter()
    gaz = gazetteer()
    print(f"gazetteer: {len(gaz.names):,} places, {len(gaz.index):,} spelling keys, "
          f"{'loaded from cache' if cached else 'built and cached'} in {time.perf_counter() - started:.2f} s, "
          f"+{(psutil.Process().memory_info().rss - rss) / 2**20:.0f} MB resident")
    labelled = found = reported = right = 0
    for item in items:
        text = item.get("sentence") or corpus_text(item["document"])
        places = find_places(text, spacy_doc=nlp(text))
        where = item.get("document") or item["sentence"][:60]
        by_surface: dict[str, list] = {}
        for p in places:
            by_surface.setdefault(text[p.span[0]:p.span[1]].lower(), []).append(p)
        gold = {name.lower(): (lat, lon) for name, lat, lon in item["places"]}
        for name in gold:
            labelled += 1
            if name in by_surface:
                found += 1
            elif args.show:
                print(f"MISSED  {name!r:24} in {where}")
        for p in places:
            if p.kind != "city":
                continue
            reported += 1
            surface = text[p.span[0]:p.span[1]].lower()
            truth = gold.get(surface)
            if truth and p.lat is not None and km(p.lat, p.lon, *truth) <= RIGHT_KM:
                right += 1
            elif args.show:
                off = f"{km(p.lat, p.lon, *truth):.0f} km off" if truth and p.lat is not None else "not a labelled town"
                print(f"WRONG   {surface!r:24} -> {p.name} {p.country} ({p.lat}, {p.lon}) {off} in {where}")
    print(f"split {args.split}: {len(items)} texts, {labelled} labelled towns")
    print(f"towns found (recall):            {found}/{labelled} = {found / max(labelled, 1):.3f}")
    print(f"right within {RIGHT_KM:.0f} km (precision):  {right}/{reported} = {right / max(reported, 1):.3f}")


if __name__ == "__main__":
    main()
