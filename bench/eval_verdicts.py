"""Corroborated verdicts on news_cluster read by a person: how many are right.

A `corroborated` story is right when at least two independent outlets (not copies, not a wire and
its customers, not an outlet repeating what it credits to another) state the fact of its lead, and
the lead states a fact at all. The labels in tests/fixtures/verdict_labels.json were made by reading
samples of corroborated stories from the HELD-OUT third of news_cluster's events
(`eval_news_cluster.held_out`), taken in the order of sha256(first mention's claim id) so the
sample is fixed before anything is read. Each label keeps the claim id and a hash of the lead, never
the text. A sample labelled before a change measures the change only on the stories it still has;
a fresh sample (`second`, read once after the changes) is the figure to report.

    .venv/bin/python bench/eval_verdicts.py --db sqlite:///news_cluster.sqlite [--show N]
    .venv/bin/python bench/eval_verdicts.py --corpus ecbplus --db sqlite:///ecb.sqlite [--show N]

With `--corpus polnear` they are all stories of a store `bench/corroborate_polnear.py --db …` made
(PolNeAR train + dev; no grouping or contradiction rule had been chosen on it when it was read, and
its first reading then suggested four denial rules), against
tests/fixtures/verdict_labels_polnear.json. Its first three samples (and news_cluster's labels) then
fitted the same-fact check (bench/train_samefact_check.py): figures on them are fitted; the
`fourth` PolNeAR sample and ECB+'s `sixth`, read once with the check's first fit, are the ones that
measure it (its second fit, shipped in session 19, had `fourth` among its rows). The check was
refitted on the same rows with the pages' publication dates in session 20; PolNeAR's
`fifth`, ECB+'s `seventh` and news_cluster's `eleventh`, read once with that refit and never fitted
on, measure the refit.

With `--corpus timebank` they are all stories of a store `bench/corroborate_timebank.py --db …` made
(TimeBank 1.2's 183 documents from 8 outlets, never used to choose a corroboration rule): read once in
session 21, with no corroborated story to read and one denied.

With `--corpus gvc` they are all stories of a store `bench/eval_gvc.py --db …` made (GVC val: 78 local
pages on 37 shootings, each page its own outlet). GVC val fitted the event clusterer and the
same-fact model (its incidents and mention chains), but no verdict rule was chosen on its stories:
the first sample (`first`), read once in session 22, measures corroborated verdicts where many
similar events of one kind (another shooting in another town the same week) sit side by side; it
suggested two rules (telephone numbers are no counts, an appeal for tips states no fact), and the
`second`, read once after them, measures them. eval_gvc.py extracts whole pages without marking
furniture (GVC's text joins paragraphs with ' //n ', which the line model reads as furniture), so
its stories can hold lines `claimdesk ingest` would mark.

With `--corpus ecbplus` the stories are those of ECB+'s held-out topics 19-35 (`eval_ecbplus`'s
split: grouping is chosen on 1-18), on a store `bench/eval_ecbplus.py --db …` made, and the labels
are tests/fixtures/verdict_labels_ecbplus.json. ECB+'s `ecb` documents carry no outlet: each counts
as its own source, so those samples measure mostly whether two pages state one fact.

The store is one `bench/eval_news_cluster.py --db …` made (claims extracted, corroborated as
shipped). Printed per sample: labelled stories still corroborated, right among them, and the wrong
ones by kind; then the development lead-member pairs read in tests/fixtures/samefact_news_labels.json
(130 pairs of DEVELOPMENT events, 115 the same fact on 2026-12-03) still sharing a story; then how
many held-out corroborated stories no sample covers.

Contested and denied stories are counted too, against tests/fixtures/verdict_labels_disputed.json:
every held-out contested or denied story of ECB+ and news_cluster, read once on 2026-12-04 (session 18)
before that session's rules on whose figure a number is, and every one of PolNeAR, read after them
(each reading suggested rules: the figures after those rules measure them on the data that
suggested them, not held-out figures). Printed: the
held-out contested/denied stories now, how many a label covers (by first claim id or lead hash), and
how many of those are right; the unlabelled ones are listed with `--show`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench.corpora import corpus_dir  # noqa: E402
from bench.corpora.news_cluster import read_corpus  # noqa: E402
from claimdesk.store import Store  # noqa: E402
from claimdesk.store.stories import StoryFilter, iter_stories, story_of_claims  # noqa: E402
from eval_news_cluster import held_out  # noqa: E402

LABELS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "verdict_labels.json"
DISPUTED_LABELS = LABELS.with_name("verdict_labels_disputed.json")
PAIR_LABELS = LABELS.with_name("samefact_news_labels.json")


def sample_key(claim_id: str) -> str:
    return hashlib.sha256(claim_id.encode()).hexdigest()


def text_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:16]


def held_out_corroborated(store: Store, event_of: dict[str, str], held=held_out) -> list:
    """Corroborated stories whose mentions all come from held-out events (`held`), in sample order."""
    out = []
    for story in iter_stories(store, StoryFilter(status="corroborated")):
        events = {event_of.get(m.document) for m in story.mentions}
        if events and all(e is not None and held(e) for e in events):
            out.append(story)
    return sorted(out, key=lambda s: sample_key(s.mentions[0].claim))


def held_out_events(corpus: str) -> tuple[dict[str, str], object, Path]:
    """document id -> its event or topic, the held-out test on it, and the labels file of the corpus."""
    if corpus == "ecbplus":
        from bench.corpora.ecbplus import read_corpus as read_ecb

        topic_of = {d.document.id: d.topic for d in read_ecb(corpus_dir() / "ecbplus-dev")}
        return topic_of, lambda topic: int(topic) >= 19, LABELS.with_name("verdict_labels_ecbplus.json")
    if corpus == "polnear":  # no grouping or contradiction rule was chosen on PolNeAR before it was read
        from bench.corpora.polnear import read_articles

        return ({a.document.id: a.split for a in read_articles(corpus_dir())}, lambda split: True,
                LABELS.with_name("verdict_labels_polnear.json"))
    if corpus == "timebank":  # never used to choose a grouping, contradiction or verdict rule
        from corroborate_timebank import default_dir, documents

        return ({d.id: "timebank" for d in documents(default_dir())}, lambda _: True,
                LABELS.with_name("verdict_labels_timebank.json"))
    if corpus == "gvc":  # fitted the clusterer and the same-fact model (incidents, mention chains); verdicts never read
        from bench.corpora.gvc import read_corpus as read_gvc

        return ({d.document.id: d.incident for d in read_gvc(corpus_dir() / "gvc" / "val")}, lambda _: True,
                LABELS.with_name("verdict_labels_gvc.json"))
    return {p.document.id: p.event for p in read_corpus(corpus_dir() / "news_cluster")}, held_out, LABELS


def development_pairs(store: Store) -> None:
    """How many of the read news_cluster development lead-member pairs still share a story."""
    pairs = json.loads(PAIR_LABELS.read_text(encoding="utf-8"))["items"]
    story = story_of_claims(store, {m.document for s in iter_stories(store) for m in s.mentions})
    together = [x for x in pairs if x["lead"] in story and story[x["lead"]] == story.get(x["member"])]
    right = sum(x["same_fact"] for x in together)
    print(f"development lead-member pairs read ({PAIR_LABELS.name}): {len(pairs)}, {sum(x['same_fact'] for x in pairs)} "
          f"the same fact; still in one story {len(together)}, {right} of them the same fact"
          + (f" ({right / len(together):.2f})" if together else ""))


def held_out_disputed(store: Store, event_of: dict[str, str], held=held_out) -> list:
    """Contested and denied stories with a mention from a held-out event or topic."""
    out = []
    for status in ("contested", "denied"):
        for story in iter_stories(store, StoryFilter(status=status)):
            if any(event_of.get(m.document) is not None and held(event_of[m.document]) for m in story.mentions):
                out.append(story)
    return sorted(out, key=lambda s: sample_key(s.mentions[0].claim))


def disputed(store: Store, corpus: str, event_of: dict[str, str], held, show: int) -> None:
    """The held-out contested/denied stories now, against the labels read once (`DISPUTED_LABELS`)."""
    sample = json.loads(DISPUTED_LABELS.read_text(encoding="utf-8"))["samples"].get(corpus, {"stories": [], "read": "-"})
    by_claim = {x["claim"]: x for x in sample["stories"]}
    by_lead = {x["lead"]: x for x in sample["stories"]}
    stories = held_out_disputed(store, event_of, held)
    labelled, unread = [], []
    for s in stories:
        label = by_claim.get(s.mentions[0].claim) or by_lead.get(text_hash(s.text))
        (labelled if label is not None and label["status"] == s.status else unread).append((s, label))
    when_read = Counter((x["status"], x["right"]) for x in sample["stories"])
    print(f"held-out contested/denied ({DISPUTED_LABELS.name}, read {sample['read']}): when read "
          + ", ".join(f"{st} {when_read[(st, True)]} right of {when_read[(st, True)] + when_read[(st, False)]}"
                      for st in ("contested", "denied")))
    for status in ("contested", "denied"):
        now = [(s, x) for s, x in labelled if s.status == status]
        right = sum(x["right"] for _, x in now)
        wrong = Counter(x["kind"] for _, x in now if not x["right"])
        print(f"  {status} now: {sum(1 for s in stories if s.status == status)}; labelled {len(now)}, right {right}"
              + (f"; wrong by kind: {dict(wrong)}" if wrong else "")
              + f"; not labelled {sum(1 for s, _ in unread if s.status == status)}")
    for s, _ in unread[:show]:
        print(f"\n{s.status} {s.mentions[0].claim} lead#{text_hash(s.text)}\n  LEAD: {s.text[:240]}")
        for c in s.contradictions:
            print(f"  {c.kind}: {c.detail[:200]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="a store bench/eval_news_cluster.py (or eval_ecbplus.py) made")
    ap.add_argument("--corpus", choices=("news_cluster", "ecbplus", "polnear", "timebank", "gvc"), default="news_cluster")
    ap.add_argument("--show", type=int, default=0, help="print the first N held-out corroborated stories no sample covers, and every unlabelled "
                         "contested or denied one")
    args = ap.parse_args()
    event_of, held, labels_file = held_out_events(args.corpus)
    store = Store(args.db)
    stories = held_out_corroborated(store, event_of, held)
    by_claim = {s.mentions[0].claim: s for s in stories}
    labels = json.loads(labels_file.read_text(encoding="utf-8")) if labels_file.exists() else {"samples": {}}
    covered: set[str] = set()
    still_all: list[dict] = []
    for name, sample in labels["samples"].items():
        still = [x for x in sample["stories"] if x["claim"] in by_claim]
        still_all += still
        covered |= {x["claim"] for x in sample["stories"]}
        right = sum(x["right"] for x in still)
        kinds = Counter(x["kind"] for x in still if not x["right"])
        print(f"{name} ({sample['read']}): {len(sample['stories'])} labelled, right {sum(x['right'] for x in sample['stories'])}"
              f" ({sum(x['right'] for x in sample['stories']) / len(sample['stories']):.2f}) when read; "
              f"{len(still)} still corroborated, right {right}"
              + (f" ({right / len(still):.2f})" if still else "")
              + (f"; wrong by kind: {dict(kinds)}" if kinds else ""))
    right = sum(x["right"] for x in still_all)
    print(f"all samples: {sum(len(s['stories']) for s in labels['samples'].values())} labelled; {len(still_all)} still "
          f"corroborated, right {right}" + (f" ({right / len(still_all):.2f})" if still_all else "")
          + " (labels read before later changes: not a held-out figure)")
    if args.corpus == "news_cluster":
        development_pairs(store)
    disputed(store, args.corpus, event_of, held, args.show)
    rest = [s for s in stories if s.mentions[0].claim not in covered]
    print(f"held-out corroborated stories: {len(stories)}; not in any sample: {len(rest)}")
    for s in rest[:args.show]:
        print(f"\n{s.mentions[0].claim} lead#{text_hash(s.text)} sources={s.independent_sources}\n  LEAD: {s.text[:240]}")
        for m in s.mentions[:8]:
            origin = f" via {m.origin.outlet}" if m.origin else ""
            print(f"  [{m.outlet}{origin}] {m.text[:200]!r}")


if __name__ == "__main__":
    main()
