"""What recall on PolNeAR is reachable without making non-speech predicates into attributions.

Each gold attribution of PolNeAR train (the held-out tenth left out, never dev) is sorted by the
head word of its gold Cue (the root of the Cue span in the parse):

  speech      a verb or noun of saying, reporting or writing in the hand-written cue lists
              (lexicons.json cue_verbs, cue_verbs_any_object, cue_nouns; "according to")
  cognition   a verb or adjective reporting what someone thinks, knows, hopes or plans
              (believe, think, know, expect, want, hope; "confident", "aware" …)
  document    a paper, poll or record that shows, finds or reveals something
  label       punctuation standing for the verb: a speaker label's colon, a dash before a quotation
  stance      verbs the cue lists hold that name an act or a stance more than words (support,
              oppose, back, endorse, attack, vote, campaign …): issue #13 keeps them out
  other       every other predicate ("be", "have", "see", "make", "is doubling down on")
  no cue      the annotation gives no Cue

and the recall the extractor reaches inside each kind is printed beside it. The first four kinds
are the words issue #13 allows as cues; their share of all gold attributions is the ceiling for a
recall that never credits the subject of a non-speech verb.

    .venv/bin/python bench/attribution_bound.py [--cache DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import os
import re
from collections import Counter
from pathlib import Path

from claimdesk.extraction import spacy_extractor
from claimdesk.extraction.attribution import FINDING_VERBS
from claimdesk.models import Document

try:
    from attribution_misses import covers, parsed_docs
    from eval_attribution import overlap, read_ann
    from polnear_split import held_out
except ImportError:  # run as a module from the repository root
    from bench.attribution_misses import covers, parsed_docs
    from bench.eval_attribution import overlap, read_ann
    from bench.polnear_split import held_out

REPO = Path(__file__).resolve().parent.parent
COGNITION = {"believe", "think", "know", "expect", "hope", "fear", "feel", "want", "wish", "doubt", "worry", "wonder",
             "assume", "suppose", "suspect", "imagine", "guess", "reckon", "realize", "realise", "understand",
             "remember", "forget", "consider", "regard", "view", "see", "sense", "intend", "plan", "decide", "aim",
             "seek", "anticipate", "envision", "presume", "learn", "discover", "notice", "judge", "deem", "agree",
             "disagree", "concur", "refuse", "decline", "offer", "threaten", "vow", "pledge", "promise"}
STANCE = {"support", "oppose", "back", "endorse", "attack", "vote", "campaign", "welcome", "celebrate", "praise",
          "applaud", "blast", "slam", "bash", "knock", "rip", "seize", "lobby", "promote", "challenge", "contest",
          "accept", "reject", "thank", "congratulate", "criticize", "criticise", "condemn", "denounce", "mock",
          "ridicule", "lambaste", "deride", "decry", "scold", "chide", "tease", "fault", "blame", "credit", "hail",
          "tout", "boast"}
# saying done through an act or a paper: "as X put it", "released a statement", "referring to …",
# "Caddell continued: …"; the parser's lemma of "according" is "accord", of "hopes" sometimes "hop"
SPEECH_ACTS = {"accord", "according", "refer", "release", "issue", "deliver", "put", "continue", "send", "publish"}
DOCUMENT = FINDING_VERBS | {"read", "state", "estimate", "project", "list", "record", "document"}
LABEL_MARKS = {":", "-", "—", "―", "–", "--"}
KINDS = ("speech", "cognition", "document", "label", "stance", "other", "no cue")


def cue_kind(lemma: str, text: str, hand: dict[str, frozenset[str]], document_subject: bool) -> str:
    if not text.strip():
        return "no cue"
    if text.strip() in LABEL_MARKS or text.strip().endswith(":") and lemma in LABEL_MARKS:
        return "label"
    if lemma in STANCE:
        return "stance"
    if lemma in COGNITION or lemma in hand["attitude"] or lemma == "hop":
        return "cognition"
    if lemma in DOCUMENT and document_subject:
        return "document"
    if lemma in hand["speech"] or lemma in SPEECH_ACTS:
        return "speech"
    return "other"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("CLAIMDESK_CORPUS", REPO.parent / "shared" / "corpus")))
    parser.add_argument("--cache", type=Path, default=None, help="keep parses here between runs")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--show", default="", help="print the commonest cue words of this kind")
    args = parser.parse_args()

    raw = json.loads((REPO / "claimdesk" / "extraction" / "data" / "lexicons.json").read_text("utf-8"))
    hand = {"speech": frozenset(raw["cue_verbs"]) | frozenset(raw["cue_verbs_any_object"]) | frozenset(raw["cue_nouns"]),
            "attitude": frozenset(raw["attitude_adjectives"])}
    documents = frozenset(raw["document_nouns"])
    root = args.corpus / "polnear" / "train"
    anns: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        anns.setdefault(re.sub(r"_[^_]+\.ann$", "", ann.name), ann)
    names = [n for n in sorted(anns) if not held_out(n)][: args.limit or None]
    texts = [(root / "text" / f"{n}.txt").read_text("utf-8") for n in names]
    spacy_extractor.checkworthiness_many = lambda signals: [0.0] * len(signals)  # not read here
    extractor = spacy_extractor.SpacyExtractor()

    total, hits, words = Counter(), Counter(), {k: Counter() for k in KINDS}
    for name, text, parsed in zip(names, texts, parsed_docs(names, texts, args.cache)):
        claims = extractor.claims_from(Document.from_text(text, source=name), parsed)
        sourced = [c for c in claims if c.attribution.kind != "none" and c.attribution.source_span]
        for g in read_ann(anns[name]):
            cue_text = text[g.cue[0][0]:g.cue[-1][1]] if g.cue else ""
            span = parsed.char_span(g.cue[0][0], g.cue[-1][1], alignment_mode="expand") if g.cue else None
            lemma = span.root.lemma_.lower() if span is not None else cue_text.strip().lower()
            if span is not None and lemma == "be":  # "is confident", "are critical of": the adjective is the cue
                lemma = next((t.lemma_.lower() for t in span if t.lemma_.lower() in hand["attitude"]), lemma)
            source = parsed.char_span(g.source[0][0], g.source[-1][1], alignment_mode="expand")
            document_subject = source is not None and source.root.lemma_.lower() in documents
            kind = cue_kind(lemma, cue_text, hand, document_subject)
            total[kind] += 1
            words[kind][lemma] += 1
            hits[kind] += any(covers(c.span, g.content) for c in sourced if overlap([c.attribution.source_span], g.source))
    n = sum(total.values())
    print(f"PolNeAR train without the held-out tenth: {len(names)} articles, {n} gold attributions; recall {sum(hits.values()) / n:.3f}")
    print(f"  {'cue kind':10s} {'gold':>6s} {'share':>6s} {'hit':>6s} {'recall':>6s}")
    for kind in KINDS:
        print(f"  {kind:10s} {total[kind]:6d} {total[kind] / n:6.3f} {hits[kind]:6d} {hits[kind] / max(total[kind], 1):6.3f}")
    allowed = ("speech", "cognition", "document", "label")
    reach = sum(total[k] for k in allowed)
    print(f"speech, cognition, document and label cues: {reach / n:.3f} of all gold attributions (the ceiling for a "
          f"recall that credits no non-speech predicate); recall inside them {sum(hits[k] for k in allowed) / reach:.3f}")
    if args.show:
        print(f"{args.show}: " + ", ".join(f"{w} {c}" for w, c in words[args.show].most_common(40)))


if __name__ == "__main__":
    main()
