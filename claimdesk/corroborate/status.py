"""Independent sources and the status of a story.

Sources: each mention counts under its origin, the outlet that wrote its words (`sourcing`): a wire
copy under the wire, a copy or a shared passage under the earlier document's origin, so neither
adds a source; else under its own outlet's identity (`claimdesk.outlets.outlet_key`: "Reuters",
"reuters.com" and "uk.reuters.com" are one); a document with no outlet counts as its own source.
Inside one story a page's telling is traced (`engine._tellings_traced`): a page that printed the
fact from another outlet and restates it in its own words tells it as that outlet, and a mention
copied from a page of the story counts under what that page's telling counts under.

Status, first match wins:
- `contested`: mentions from different sources disagree on the same quantity (same counted thing,
  unit and event, at the same time and place), on the day of the same event, or on the place of the
  same event (`contradictions`);
- `denied`: a party denies or rejects a report or claim, and what it denies is what mentions of the
  story state (`denials.denies`): the denial is linked to those mentions as a contradiction. A
  negated statement ("X did not …") or a refusal ("denied civilians power") is not a denial, and a
  denial whose object no asserted mention states leaves the status alone;
- `corroborated`: two or more independent sources assert it (or, in a story of denials only, report
  the denial: `stating`), published by two or more outlets, and
  at least one of them without a hedge. One outlet's pages telling a fact in their own words and
  crediting it to another outlet ("…, state media Xinhua reported") are one outlet's telling: the
  credited report is not seen itself (news_cluster development events: 4 such stories, all read
  wrong — two facts, two figures of one well). Two outlets that both only say "reportedly" relay
  one unverified report, they do not confirm it, so a hedged-only story stays `single_source` (its
  hedges are kept on each mention). Hedges of a figure or a clause ("about 500 miles", "up to 10
  cents", "investigating whether he fell asleep": `claimdesk.language.hedges.doubts`) doubt nothing: news_cluster had
  two outlets' "the missile reached an altitude of 770 kilometers (about 500 miles)" single-source;
  and at least one of them must give some part of a fact (a name, number, place, day or kind of
  event: `samefact.informativeness`): "The snow falls off the roof." on two sites is a shared
  caption, not a confirmed fact;
- `single_source` otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

from claimdesk.corroborate.contradictions import Evidence, is_denial
from claimdesk.corroborate.samefact import informativeness
from claimdesk.language.hedges import doubts
from claimdesk.models import Contradiction, Document, Origin, StoryStatus
from claimdesk.outlets import outlet_key


def source_of(doc: Document, origin: Optional[Origin]) -> str:
    """The source a mention counts under: its origin's outlet, else its own outlet, else itself."""
    if origin is not None:
        return origin.key if origin.key.startswith("document:") else "outlet:" + origin.key
    key = outlet_key(doc.outlet, doc.url, doc.site)
    return "outlet:" + key if key else "document:" + doc.id


def independent_sources(evidence: Sequence[Evidence]) -> int:
    return len(independent_source_keys(evidence))


def independent_source_keys(evidence: Sequence[Evidence]) -> set[str]:
    """The sources that `independent_sources` counts ("outlet:reuters.com", "document:…")."""
    return {e.counted for e in stating(evidence)}


def stating(evidence: Sequence[Evidence]) -> list[Evidence]:
    """The mentions that state the story's fact: those asserting it; in a story none of whose
    mentions asserts (a denial no story states the object of, "The Kremlin denied that it had
    targeted civilian infrastructure" on two outlets; a negated statement), the denials or
    negations themselves, which is what its outlets report."""
    asserting = [e for e in evidence if _asserts(e)]
    return asserting or list(evidence)


def _asserts(e: Evidence) -> bool:
    return e.claim.polarity == "asserted" and not is_denial(e.claim)


def status(evidence: Sequence[Evidence], contradictions: Sequence[Contradiction]) -> StoryStatus:
    kinds = {c.kind for c in contradictions}
    if kinds & {"number", "date", "place"}:
        return "contested"
    if "denial" in kinds:
        return "denied"
    asserting = stating(evidence)
    sources = {e.counted for e in asserting}
    publishers = {e.publisher or e.source for e in asserting}
    if len(sources) >= 2 and len(publishers) >= 2 and any(not doubts(e.claim.hedges) for e in asserting) \
            and any(informativeness(e.claim) > 0 for e in asserting):
        return "corroborated"
    return "single_source"


def first_seen(dates: Sequence[Optional[object]]):  # noqa: ANN201
    known = [d for d in dates if d is not None]
    return min(known) if known else None
