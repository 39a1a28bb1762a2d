"""Why gold PolNeAR attributions are missed: each miss of `eval_attribution.py` sorted into one kind.

Kinds (the first that fits):
  no_claim       no claim covers the Content (as eval_attribution counts covering)
  right_source_elsewhere  a claim with the right source exists, but not on the Content
  nested_outer   a claim covers it, and its source is the source of another gold attribution whose
                 Content holds this one's Source ("X said Y believes Z": Y's attribution lost to X's)
  wrong_source   a claim covers it with another source
  no_source      claims cover it, none with a source
Each is split by what the cue finder offered for the gold Cue and Source: a kept cue with the
right source, a candidate the learnt filter dropped, a cue on the right word with another source,
or nothing.

Reads PolNeAR train without the held-out tenth (never dev, never heldout: the choices made from
this are choices made on train). Parses are cached (`--cache`) so the rules can be changed and run
again; check-worthiness, which attribution does not read, is not scored.

    .venv/bin/python bench/attribution_misses.py [--limit N] [--skip N] [--show KIND] [--cache DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
from collections import Counter, defaultdict
from pathlib import Path

from spacy.tokens import DocBin

from claimdesk.extraction import spacy_extractor
from claimdesk.extraction.attribution import candidate_cues, find_cues
from claimdesk.extraction.lexicons import lexicons
from claimdesk.extraction.nlp import load_nlp
from claimdesk.extraction.sources import PronounResolver
from claimdesk.models import Document

try:
    from eval_attribution import length, overlap, read_ann
    from polnear_split import held_out
except ImportError:  # run as a module from the repository root
    from bench.eval_attribution import length, overlap, read_ann
    from bench.polnear_split import held_out

REPO = Path(__file__).resolve().parent.parent


def parsed_docs(names: list[str], texts: list[str], cache: Path | None):
    nlp = load_nlp()
    path = cache / f"polnear-train-{len(names)}-{hashlib.sha256('|'.join(names).encode()).hexdigest()[:10]}.spacy" if cache else None
    if path is not None and path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=16))
    if path is not None:
        cache.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(path)
    return docs


def covers(claim_span, content) -> bool:
    share = overlap([claim_span], content)
    return share > 0 and share * 2 >= min(length(content), claim_span[1] - claim_span[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("CLAIMDESK_CORPUS", REPO.parent / "shared" / "corpus")))
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--cache", type=Path, default=None, help="keep parses here between runs")
    parser.add_argument("--show", default="", help="print misses of this kind (prefix match)")
    parser.add_argument("--count", type=int, default=25, help="how many misses to print")
    parser.add_argument("--cue-words", type=int, default=0, help="print the commonest gold cue heads of each kind")
    parser.add_argument("--false", action="store_true", help="print attributed claims whose source is no gold source")
    parser.add_argument("--cue", default="", help="with --false: only claims with this cue word")
    parser.add_argument("--lemma", default="", help="print only misses whose gold cue has this head lemma")
    args = parser.parse_args()

    root = args.corpus / "polnear" / "train"
    anns: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        anns.setdefault(re.sub(r"_[^_]+\.ann$", "", ann.name), ann)
    names = [n for n in sorted(anns) if not held_out(n)][args.skip: (args.skip + args.limit) if args.limit else None]
    texts = [(root / "text" / f"{n}.txt").read_text("utf-8") for n in names]
    spacy_extractor.checkworthiness_many = lambda signals: [0.0] * len(signals)  # not read here
    extractor = spacy_extractor.SpacyExtractor()
    lex = lexicons()

    kinds, shown, cue_words, false = Counter(), [], defaultdict(Counter), []
    total = hits = attributed = correct = 0
    for name, text, parsed in zip(names, texts, parsed_docs(names, texts, args.cache)):
        doc = Document.from_text(text, source=name)
        claims = extractor.claims_from(doc, parsed)
        gold = read_ann(anns[name])
        resolver = PronounResolver(parsed)
        candidates = [c for s in parsed.sents for c in candidate_cues(s, lex, resolver)]
        kept = {id(c) for s in parsed.sents for c in find_cues(s, lex, resolver)}
        kept_anchors = {(c.anchor.i, c.attribution.source_span) for s in parsed.sents for c in find_cues(s, lex, resolver)}
        sourced = [c for c in claims if c.attribution.kind != "none" and c.attribution.source_span]
        attributed += len(sourced)
        for c in sourced:
            right = any(overlap([c.attribution.source_span], g.source) for g in gold)
            correct += right
            if not right and args.false and (not args.cue or c.attribution.cue == args.cue):
                false.append((c.text[:160], c.attribution.source, c.attribution.cue))
        for g in gold:
            total += 1
            right = [c for c in sourced if overlap([c.attribution.source_span], g.source)]
            if any(covers(c.span, g.content) for c in right):
                hits += 1
                continue
            covering = [c for c in claims if covers(c.span, g.content)]
            outer = [o for o in gold if o is not g and overlap(o.content, g.source)]
            if not covering:
                kind = "right_source_elsewhere" if right else "no_claim"
            elif any(c.attribution.source_span and any(overlap([c.attribution.source_span], o.source) for o in outer)
                     for c in covering):
                kind = "nested_outer"
            elif any(c.attribution.source_span for c in covering):
                kind = "wrong_source"
            else:
                kind = "no_source"
            on_cue = [c for c in candidates if g.cue and overlap([(c.anchor.idx, c.anchor.idx + len(c.anchor))], g.cue)]
            with_source = [c for c in on_cue + candidates
                           if c.attribution.source_span and overlap([c.attribution.source_span], g.source)]
            if any((c.anchor.i, c.attribution.source_span) in kept_anchors for c in with_source):
                cue = "cue_kept"
            elif with_source:
                cue = "cue_filtered"
            elif on_cue:
                cue = "cue_other_source"
            else:
                cue = "no_cue"
            kinds[(kind, cue)] += 1
            if g.cue:
                words = parsed.char_span(g.cue[0][0], g.cue[-1][1], alignment_mode="expand")
                if words is not None:
                    cue_words[(kind, cue)][words.root.lemma_.lower()] += 1
            lemma = ""
            if g.cue:
                words = parsed.char_span(g.cue[0][0], g.cue[-1][1], alignment_mode="expand")
                lemma = words.root.lemma_.lower() if words is not None else ""
            if args.show and f"{kind}/{cue}".startswith(args.show) and (not args.lemma or lemma == args.lemma):
                cover = covering[0] if covering else None
                shown.append((kind, cue, text[g.source[0][0]:g.source[-1][1]],
                               text[g.cue[0][0]:g.cue[-1][1]] if g.cue else "",
                               text[g.content[0][0]:g.content[-1][1]][:160],
                               (cover.text[:160], cover.attribution.source, cover.attribution.cue) if cover else None))
        del kept
    print(f"{len(names)} train articles (held-out tenth left out), {total} gold attributions; recall "
          f"{hits / total:.3f}, precision {correct / max(attributed, 1):.3f} ({attributed} attributed claims)")
    by_kind = Counter()
    for (kind, _), n in kinds.items():
        by_kind[kind] += n
    for kind, n in by_kind.most_common():
        detail = ", ".join(f"{cue} {m}" for (k, cue), m in sorted(kinds.items(), key=lambda x: -x[1]) if k == kind)
        print(f"  {kind:24s} {n:5d} ({n / total:.3f})   {detail}")
    if args.cue_words:
        for key, words in sorted(cue_words.items(), key=lambda kv: -sum(kv[1].values())):
            print(f"  {key[0]}/{key[1]}: " + ", ".join(f"{w} {n}" for w, n in words.most_common(args.cue_words)))
    random.Random(0).shuffle(shown)
    random.Random(0).shuffle(false)
    for text, source, cue in false[: args.count]:
        print(f"  [{source}] [{cue}] {text!r}")
    for kind, cue, source, cue_words, content, cover in shown[: args.count]:
        print(f"\n[{kind}/{cue}] SOURCE [{source}] CUE [{cue_words}] CONTENT {content!r}")
        if cover:
            print(f"    claim: {cover[0]!r}\n    claim source: {cover[1]!r} cue {cover[2]!r}")


if __name__ == "__main__":
    main()
