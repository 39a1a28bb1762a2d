"""Hedging and polarity against MEANTIME's event annotations (certainty, polarity); no target.

Text is rebuilt from the CAT XML tokens (one line per sentence). Two views:
- per claim: gold "uncertain" when an event in the claim's span is POSSIBLE or PROBABLE, gold
  "negative" when one is NEG; against the claim having hedges, and polarity == denied;
- per verb event: the innermost claim holding it, same comparison.
Events whose certainty/polarity is empty or UNDERSPECIFIED are left out.

    .venv/bin/python bench/eval_meantime.py
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from lxml import etree

from claimdesk.extraction.spacy_extractor import SpacyExtractor
from claimdesk.models import Document

REPO = Path(__file__).resolve().parent.parent


def read_cat(path: Path) -> tuple[str, list[dict]]:
    root = etree.parse(str(path)).getroot()
    sentences: dict[int, list] = {}
    for tok in root.iter("token"):
        sentences.setdefault(int(tok.get("sentence")), []).append(tok)
    text, offsets = "", {}
    for number in sorted(sentences):
        for tok in sentences[number]:
            if text and not text.endswith("\n"):
                text += " "
            offsets[tok.get("t_id")] = (len(text), len(text) + len(tok.text or ""))
            text += tok.text or ""
        text += "\n"
    events = []
    for mention in root.iter("EVENT_MENTION"):
        anchors = [offsets[a.get("t_id")] for a in mention.iter("token_anchor") if a.get("t_id") in offsets]
        if anchors:
            events.append({"span": (min(s for s, _ in anchors), max(e for _, e in anchors)),
                           "certainty": mention.get("certainty"), "polarity": mention.get("polarity"),
                           "pos": mention.get("pos")})
    return text, events


class Tally:
    def __init__(self):
        self.tp = self.fp = self.fn = self.tn = 0

    def add(self, gold: bool, predicted: bool) -> None:
        if gold and predicted:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif gold:
            self.fn += 1
        else:
            self.tn += 1

    def __str__(self) -> str:
        n = self.tp + self.fp + self.fn + self.tn
        p = self.tp / max(self.tp + self.fp, 1)
        r = self.tp / max(self.tp + self.fn, 1)
        po = (self.tp + self.tn) / max(n, 1)
        pe = ((self.tp + self.fp) * (self.tp + self.fn) + (self.fn + self.tn) * (self.fp + self.tn)) / max(n * n, 1)
        kappa = (po - pe) / (1 - pe) if pe < 1 else 0.0
        return f"n={n} agreement={po:.3f} kappa={kappa:.3f} P={p:.3f} R={r:.3f} (gold positives {self.tp + self.fn})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("CLAIMDESK_CORPUS", REPO.parent / "shared" / "corpus")))
    args = parser.parse_args()
    files = sorted((args.corpus / "meantime").glob("corpus_*/*.xml"))
    parsed = [read_cat(f) for f in files]
    docs = [Document.from_text(text, source=f.name) for f, (text, _) in zip(files, parsed)]
    claim_hedge, claim_neg, event_hedge, event_neg = Tally(), Tally(), Tally(), Tally()
    for (text, events), claims in zip(parsed, SpacyExtractor().extract_many(docs)):
        known = [e for e in events if e["certainty"] in ("CERTAIN", "POSSIBLE", "PROBABLE")]
        polar = [e for e in events if e["polarity"] in ("POS", "NEG")]
        inside = lambda e, c: c.span[0] <= e["span"][0] and e["span"][1] <= c.span[1]  # noqa: E731
        for claim in claims:
            mine = [e for e in known if inside(e, claim)]
            if mine:
                claim_hedge.add(any(e["certainty"] != "CERTAIN" for e in mine), bool(claim.hedges))
            mine = [e for e in polar if inside(e, claim)]
            if mine:
                claim_neg.add(any(e["polarity"] == "NEG" for e in mine), claim.polarity == "denied")
        for event in events:
            if event["pos"] != "VERB":
                continue
            holding = [c for c in claims if inside(event, c)]
            if not holding:
                continue
            claim = min(holding, key=lambda c: c.span[1] - c.span[0])
            if event["certainty"] in ("CERTAIN", "POSSIBLE", "PROBABLE"):
                event_hedge.add(event["certainty"] != "CERTAIN", bool(claim.hedges))
            if event["polarity"] in ("POS", "NEG"):
                event_neg.add(event["polarity"] == "NEG", claim.polarity == "denied")
    print(f"MEANTIME: {len(files)} articles")
    print(f"per claim, hedged vs uncertain event:   {claim_hedge}")
    print(f"per claim, denied vs negative event:    {claim_neg}")
    print(f"per verb event, hedged vs uncertain:    {event_hedge}")
    print(f"per verb event, denied vs negative:     {event_neg}")


if __name__ == "__main__":
    main()
