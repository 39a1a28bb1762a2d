"""Exploration, not wired in: can different tolls of one event be caught ACROSS stories?

Contradiction recall is near zero (`bench/eval_contradictions.py`): "Interior Minister Bernard
Cazeneuve said 80 people were killed" and "at least 84 people were killed by the driver of the
truck" sit in two stories, because the same-fact model reads different numbers as different facts,
and contradictions are looked for only inside a story. This script asks what comparing the LEADS of
the stories of one event cluster would give: two leads from different outlets that state the same
count (`contradictions.number_conflict`: same counted thing, unit and event, disjoint intervals, not
on different days or in far-apart cities) with figures that cannot both hold. It was tried wired
into the engine (both stories `contested`, each with the contradiction) and taken out again: the
figures below say why.

Kept to the counts reports of one event dispute (people or soldiers killed, injured, detained,
deployed; missiles, drones, shells fired), and a lead is skipped when its date lies outside the days
around its page's publication ("the Nov. 13 Paris attacks that killed 130"), when it compares
("in stark contrast with"), when its count is an increment ("20 others were slightly hurt") or what
may happen ("threatened to fire four missiles", "could kill").

    .venv/bin/python bench/explore_rival_tolls.py --corpus news_cluster --db sqlite:///nc.sqlite [--held-out]
    .venv/bin/python bench/explore_rival_tolls.py --corpus ecbplus --db sqlite:///ecb.sqlite
    .venv/bin/python bench/explore_rival_tolls.py --corpus gvc --db sqlite:///gvc.sqlite

(stores made by `bench/eval_news_cluster.py`, `eval_ecbplus.py`, `eval_gvc.py` with `--db`.)

Measured 2026-12-03, every pair read (rules written on news_cluster's development events first):
- news_cluster development events (where the rules were chosen: a tuning figure): 20 lead pairs
  before the increment/comparison/date skips, 12 right; after them 12 pairs, all read as right (11
  on the Nice attack's 77 / 80 / at least 84 dead, one 27 vs 25 injured).
- news_cluster held-out events, read once, with the rules as then written (no irrealis skip yet):
  **0 right of 5** rival pairs: two plane crashes of one cluster (Costa Rica, 12 dead; Sydney, six),
  one hospital's 20 patients against the tram crash's "more than 50 injured", North Korea's threat
  to fire four missiles against three launched.
- ECB+ topics 1-35 (never used for contradictions; the irrealis skip added before this look):
  **5 right of 18**: the Qeshm quake's five / two / three injured are right; background tolls of
  other quakes and shootings (Bam 2003, Salt Lake City "in February") are not, because ECB+ pages
  carry no publication date, so the date skip cannot work, and partial counts ("Two people from
  Zinbi village were hurt") read as the toll.
- GVC val: no pair at all.
What would be needed is what the leads do not say: that two sentences speak of the same incident.
Requiring a shared town or day ("anchors") removed every wrong pair of news_cluster's held-out
events and every right pair of its development events too (the Nice leads name Nice on one side
only), so recall was back at zero.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpora import corpus_dir  # noqa: E402
from claimdesk.corroborate.contradictions import number_conflict  # noqa: E402
from claimdesk.corroborate.denials import is_denial  # noqa: E402
from claimdesk.corroborate.measures import _predicate, _relative, _tokens, measure, parse  # noqa: E402
from claimdesk.models import Claim, Quantity, When  # noqa: E402
from claimdesk.outlets import outlet_key  # noqa: E402
from claimdesk.store import Store  # noqa: E402
from claimdesk.store import corroboration as state  # noqa: E402
from claimdesk.store.stories import iter_stories  # noqa: E402

COUNTED_EVENTS = {"kill", "injure", "detain", "deploy"}
COUNTED_THINGS = {"people", "military"}
FIRED_THINGS = {"missile", "drone", "rocket", "shell", "bomb", "projectile", "warhead"}
DAYS_BEFORE, DAYS_AFTER = 3, 1
_COMPARES = re.compile(r"\b(?:in (?:stark |sharp )?contrast|compared (?:with|to)|unlike|similar to|"
                       r"the (?:deadliest|worst|bloodiest) since|reminiscent of)\b", re.I)
_INCREMENT_AFTER = {"others", "other", "more", "additional", "further", "extra", "new"}
_INCREMENT_BEFORE = ("another", "a further", "an additional")
_INTENT = {"threaten", "plan", "vow", "promise", "want", "intend", "try", "seek", "prepare", "expect", "aim", "hope"}


def _covers(when: When) -> tuple[date, date]:
    if when.start and when.end:
        return date.fromisoformat(when.start[:10]), date.fromisoformat(when.end[:10])
    v = when.value
    if len(v) >= 10:
        return date.fromisoformat(v[:10]), date.fromisoformat(v[:10])
    if len(v) == 7:
        y, m = int(v[:4]), int(v[5:7])
        return date(y, m, 1), date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)
    return date(int(v[:4]), 1, 1), date(int(v[:4]), 12, 31)


def current(claim: Claim, published: Optional[date]) -> bool:
    if claim.when is None or published is None:
        return True
    try:
        first, last = _covers(claim.when)
    except ValueError:
        return True
    return first <= published + timedelta(days=DAYS_AFTER) and last >= published - timedelta(days=DAYS_BEFORE)


def increment(claim: Claim, q: Quantity) -> bool:
    where = _relative(claim, q.span, q.text)
    if where is None:
        return False
    after = claim.text[where[1]:].split()
    before = claim.text[:where[0]].rstrip().lower()
    return bool(after and after[0].lower().strip(",.;:") in _INCREMENT_AFTER) or before.endswith(_INCREMENT_BEFORE)


def irrealis(claim: Claim, q: Quantity) -> bool:
    """"threatened to fire four missiles", "could kill": a count of what may happen."""
    where = _relative(claim, q.span, q.text)
    tokens = _tokens(parse(claim.text), where) if where else []
    pred = _predicate(tokens[-1]) if tokens else None
    if pred is None:
        return False
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in pred.children):
        return True
    return pred.dep_ in ("xcomp", "ccomp") and pred.head.lemma_.lower() in _INTENT


def disputed_conflict(a: Claim, b: Claim):  # noqa: ANN201
    found = number_conflict(a, b)
    if found is None:
        return None
    for claim, span in zip((a, b), found.spans):
        q = next((q for q in claim.quantities if span and q.span and tuple(q.span) == tuple(span)), None)
        m = measure(claim, q) if q is not None else None
        if m is None or increment(claim, q) or irrealis(claim, q):
            return None
        if not (m.event in COUNTED_EVENTS if m.thing in COUNTED_THINGS else m.thing in FIRED_THINGS and m.event == "fire"):
            return None
    return found


def gold_events(corpus: str) -> tuple[dict[str, str], set[str]]:
    """document id -> gold event, and the events held out (news_cluster only)."""
    if corpus == "news_cluster":
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from bench.corpora.news_cluster import read_corpus
        from eval_news_cluster import held_out
        pages = read_corpus(corpus_dir() / "news_cluster")
        return {p.document.id: str(p.event) for p in pages}, {str(p.event) for p in pages if held_out(p.event)}
    if corpus == "gvc":
        from bench.corpora.gvc import read_corpus
        return {d.document.id: d.incident for d in read_corpus(corpus_dir() / "gvc" / "val")}, set()
    from bench.corpora.ecbplus import read_corpus
    return {d.document.id: f"{d.topic}/{d.subtopic}" for d in read_corpus(corpus_dir() / "ecbplus-dev")}, set()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=["news_cluster", "ecbplus", "gvc"], required=True)
    ap.add_argument("--db", required=True, help="a store the corpus's eval bench made with --db")
    ap.add_argument("--held-out", action="store_true", help="news_cluster: the held-out events (read once) instead of the development ones")
    args = ap.parse_args()
    event_of, held = gold_events(args.corpus)
    store = Store(args.db)
    leads: dict[str, Claim] = {}
    for story in iter_stories(store):
        lead = next((m for m in story.mentions if m.text == story.text), story.mentions[0])  # the story's lead
        if (event_of.get(lead.document) in held) == args.held_out:
            leads[story.id] = lead.claim
    claims = {c.id: c for cs in state.claims_of_documents(store, sorted(set(event_of))).values() for c in cs}
    docs = state.document_headers(store, set(event_of))
    cluster = state.cluster_of_documents(store, sorted(event_of))
    by_cluster: dict[str, list[Claim]] = defaultdict(list)
    for sid, cid in sorted(leads.items()):
        c = claims.get(cid)
        doc = docs.get(c.document_id) if c else None
        if c is None or doc is None or c.polarity != "asserted" or is_denial(c) or _COMPARES.search(c.text):
            continue
        published = doc.published.date() if isinstance(doc.published, datetime) else doc.published
        if c.quantities and current(c, published):
            by_cluster[cluster.get(c.document_id)].append(c)
    pairs = 0
    for members in by_cluster.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                da, db = docs[a.document_id], docs[b.document_id]
                if (outlet_key(da.outlet, da.url) or da.id) == (outlet_key(db.outlet, db.url) or db.id):
                    continue
                found = disputed_conflict(a, b)
                if found is None:
                    continue
                pairs += 1
                same = event_of[a.document_id] == event_of[b.document_id]
                print(f"\n[{'same event' if same else 'TWO EVENTS'}] {found.detail} | {found.quantity}")
                for c, d in ((a, da), (b, db)):
                    print(f"   [{d.outlet} {d.published}] {c.text[:220]!r}")
    print(f"\n{pairs} rival lead pairs (read each to judge it)")


if __name__ == "__main__":
    main()
