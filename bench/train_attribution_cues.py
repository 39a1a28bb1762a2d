"""Learn which verbs and nouns act as attribution cues from PolNeAR *train* (never dev).

For every lemma, counts how often a token with it heads a gold Cue span against how often it
occurs at all (as a verb with a subject, or as a noun), and writes the lemmas that are cues often
enough to claimdesk/extraction/data/attribution_cues.json. The extractor treats "strong" lemmas as cues
with any object ("cited the report"), "weak" ones only with a clause, quote or colon.

The rates were chosen on train alone: cues learnt from train articles 150 onwards, recall and
precision of bench/eval_attribution.py measured on train articles 0-149 (`--skip 150`, then
`eval_attribution.py --split train --limit 150`); the best F1 of the two was kept, then the cues
were learnt again from all of train. PolNeAR dev only measures. The held-out tenth of train
(bench/polnear_split.py) is never read here.

    .venv/bin/python bench/train_attribution_cues.py [--limit N] [--skip N] [--strong R] [--weak R]
"""

from __future__ import annotations

import argparse
import json
import os
import re
from collections import Counter
from pathlib import Path

from claimdesk.extraction.nlp import load_nlp

try:
    from polnear_split import held_out
except ImportError:  # run as a module from the repository root
    from bench.polnear_split import held_out

REPO = Path(__file__).resolve().parent.parent
MIN_CUES = 3
STRONG, WEAK = 0.25, 0.1  # chosen on held-out train (see above); were 0.5, 0.25


def cue_spans(ann: Path) -> list[tuple[int, int]]:
    spans = []
    for line in ann.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2 and parts[1].startswith("Cue "):
            for piece in parts[1][4:].split(";"):
                start, end = piece.split()
                spans.append((int(start), int(end)))
    return spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("CLAIMDESK_CORPUS", REPO.parent / "shared" / "corpus")))
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--skip", type=int, default=0, help="leave out the first N train articles (held out)")
    parser.add_argument("--strong", type=float, default=STRONG, help="cue rate from which a verb takes any object")
    parser.add_argument("--weak", type=float, default=WEAK, help="cue rate from which a lemma is a cue at all")
    parser.add_argument("--min-cues", type=int, default=MIN_CUES)
    parser.add_argument("--out", type=Path, default=REPO / "claimdesk" / "extract" / "data" / "attribution_cues.json")
    args = parser.parse_args()

    root = args.corpus / "polnear" / "train"
    anns: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        anns.setdefault(re.sub(r"_[^_]+\.ann$", "", ann.name), ann)
    names = [n for n in sorted(anns) if not held_out(n)]  # the held-out part never teaches
    names = names[args.skip: args.skip + args.limit if args.limit else None]
    texts = [(root / "text" / f"{n}.txt").read_text("utf-8") for n in names]

    cues, seen = Counter(), Counter()
    for name, doc in zip(names, load_nlp().pipe(texts, batch_size=16)):
        starts = {}
        for start, end in cue_spans(anns[name]):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                head = span.root
                starts[head.i] = head
        for tok in doc:
            if tok.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in tok.children) \
                    or tok.pos_ == "NOUN":
                key = f"{tok.pos_}:{tok.lemma_.lower()}"
                seen[key] += 1
                if tok.i in starts:
                    cues[key] += 1
    result = {"about": "Written by bench/train_attribution_cues.py from PolNeAR train: lemma -> [times a gold "
                       "cue head, times seen]; strong lemmas count as cues with any object, weak ones need a clause.",
              "articles": len(names), "verbs_strong": {}, "verbs_weak": {}, "nouns": {}}
    for key, n in sorted(cues.items()):
        pos, lemma = key.split(":", 1)
        rate = n / seen[key]
        if n < args.min_cues or rate < args.weak or not lemma.isalpha():
            continue
        if pos == "NOUN":
            result["nouns"][lemma] = [n, seen[key]]
        else:
            result["verbs_strong" if rate >= args.strong else "verbs_weak"][lemma] = [n, seen[key]]
    args.out.write_text(json.dumps(result, indent=0, sort_keys=True) + "\n", "utf-8")
    print(f"{len(names)} articles: {len(result['verbs_strong'])} strong and {len(result['verbs_weak'])} weak cue "
          f"verbs, {len(result['nouns'])} cue nouns -> {args.out}")


if __name__ == "__main__":
    main()
