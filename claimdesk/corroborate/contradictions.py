"""Disagreements inside a story: numbers, dates and places that independent mentions state differently,
and denials by a party of what the other mentions assert.

A denial is a party denying or rejecting a report or claim ("the Kremlin denied these reports,
calling them fake news"); it is linked to the asserted mentions of its story. Ordinary negated
statements ("Trump did not apologize") are common in political news and are not denials.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Optional

from claimdesk.models import Claim, Contradiction, Place, Quantity

# units that count people: "6 officers killed" and "20 soldiers killed" are one count
_PEOPLE = {"people", "person", "persons", "soldier", "soldiers", "troop", "troops", "officer", "officers",
           "civilian", "civilians", "men", "women", "children", "personnel", "dead", "killed", "injured",
           "wounded", "casualties", "fighters", "militants", "victims", "residents", "deserters", "servicemen"}
MAX_PLACE_KM = 100.0


@dataclass(frozen=True)
class Evidence:
    """A claim in a story with the source it is counted under (outlet after removing copies)."""

    claim: Claim
    source: str
    copy_of: Optional[str] = None


def _unit(q: Quantity) -> Optional[str]:
    if not q.unit:
        return None
    u = q.unit.lower().strip()
    return "people" if u in _PEOPLE or u.rstrip("s") in _PEOPLE else u


def _interval(q: Quantity) -> tuple[float, float]:
    v = q.value
    if q.qualifier == "about":
        return v * 0.8, v * 1.2
    if q.qualifier == "up_to":
        return 0.0, v
    if q.qualifier == "at_least":
        return v, math.inf
    if q.qualifier == "range" and q.high is not None:
        return v, q.high
    return v, v


def _counts(claim: Claim) -> dict[str, list[Quantity]]:
    out: dict[str, list[Quantity]] = {}
    for q in claim.quantities:
        u = _unit(q)
        if u is None or (1900 <= q.value <= 2100 and q.value.is_integer() and u != "people"):
            continue
        out.setdefault(u, []).append(q)
    return out


def _overlap(a: Quantity, b: Quantity) -> bool:
    (a0, a1), (b0, b1) = _interval(a), _interval(b)
    return a0 <= b1 and b0 <= a1


def number_conflict(a: Claim, b: Claim) -> Optional[str]:
    return _number_conflict(_counts(a), _counts(b))


def _number_conflict(ca: dict[str, list[Quantity]], cb: dict[str, list[Quantity]]) -> Optional[str]:
    for unit in ca.keys() & cb.keys():
        qa, qb = ca[unit], cb[unit]
        if not any(_overlap(x, y) for x in qa for y in qb):
            return f"{qa[0].text} vs {qb[0].text}"
    return None


def date_conflict(a: Claim, b: Claim) -> Optional[str]:
    if a.when and b.when and a.when.granularity == b.when.granularity == "day" and a.when.value != b.when.value:
        return f"{a.when.text} ({a.when.value}) vs {b.when.text} ({b.when.value})"
    return None


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _cities(claim: Claim) -> list[Place]:
    return [p for p in claim.places if p.kind == "city" and p.lat is not None]


def place_conflict(a: Claim, b: Claim) -> Optional[str]:
    """Both name a town or city (not a country or region) and none of them lies near any of the other's."""
    return _place_conflict(_cities(a), _cities(b))


def _place_conflict(pa: list[Place], pb: list[Place]) -> Optional[str]:
    if not pa or not pb:
        return None
    if {p.name.lower() for p in pa} & {p.name.lower() for p in pb}:
        return None
    if min(_km(x.lat, x.lon, y.lat, y.lon) for x in pa for y in pb) <= MAX_PLACE_KM:
        return None
    return f"{pa[0].name} vs {pb[0].name}"


@dataclass
class _Facts:
    """What a mention can disagree on, worked out once per mention rather than once per pair."""

    counts: dict[str, list[Quantity]]
    day: bool
    cities: list[Place]

    @classmethod
    def of(cls, claim: Claim) -> "_Facts":
        return cls(_counts(claim), bool(claim.when and claim.when.granularity == "day"), _cities(claim))

    def may_conflict(self, other: "_Facts") -> bool:
        return bool((self.counts and other.counts) or (self.day and other.day) or (self.cities and other.cities))


def find(evidence: Sequence[Evidence]) -> list[Contradiction]:
    """Contradictions between asserted mentions of different sources, and denials of the story."""
    denial = [is_denial(e.claim) for e in evidence]
    asserted = [e for e, d in zip(evidence, denial) if e.claim.polarity == "asserted" and not d]
    facts = [_Facts.of(e.claim) for e in asserted]
    out: list[Contradiction] = []
    seen: set[tuple[str, str]] = set()
    for i, a in enumerate(asserted):
        fa = facts[i]
        for j in range(i + 1, len(asserted)):
            fb, b = facts[j], asserted[j]
            if a.source == b.source or not fa.may_conflict(fb):
                continue  # a pair that shares no kind of fact cannot disagree
            for kind, detail in (("number", _number_conflict(fa.counts, fb.counts)),
                                 ("date", date_conflict(a.claim, b.claim)),
                                 ("place", _place_conflict(fa.cities, fb.cities))):
                if detail and (kind, detail) not in seen:
                    seen.add((kind, detail))
                    out.append(Contradiction(kind=kind, detail=detail, mentions=[a.claim.id, b.claim.id]))
    for d, is_d in zip(evidence, denial):
        if is_d:
            who = d.claim.attribution.source or (d.claim.actors[0] if d.claim.actors else "a party")
            denied = [a.claim.id for a in asserted if a.claim.id != d.claim.id]
            if not denied:
                continue  # a denial linked to nothing it denies leaves the story's status alone
            out.append(Contradiction(kind="denial", detail=f"{who} denies: {d.claim.text[:160]}",
                                     mentions=[d.claim.id] + denied))
    return out


def is_denial(claim: Claim) -> bool:
    """A party denies a report or claim: "the Kremlin denied these reports", "X denied that …",
    "officials dismissed the allegations as fake".

    The claim must be spoken by someone (an attributed source or a named actor), its cue or head
    verb must be a denial verb, and what it denies must be a report, an accusation or a that-clause.
    A negated statement ("Trump did not apologize", "he did not elaborate") is no denial, and
    neither is refusing a thing ("the court denied bail", "the Senate rejected the bill")."""
    if claim.attribution.kind == "none" and not claim.actors:
        return False
    text = claim.text
    cue = _cue_in(claim)
    if cue is None:
        return False
    if _NEGATED_BEFORE.search(text, 0, cue.start()):
        return False  # "he did not dispute that …", "has never disavowed …"
    after = text[cue.end():]
    if _THAT_CLAUSE.match(after) or _NOTION_THAT.match(after) or _CALLED_FALSE.search(after):
        return True
    target = claim.attribution.target or _object_words(after)
    if not target:
        # "… which Mrs. Clinton has always denied": the object is what the clause hangs on
        return bool(_PROPOSITIONAL.match(cue.group(0))) and not after.strip(" .,;:”’\"'")
    if _PROPOSITIONAL.match(cue.group(0)):
        # one denies or refutes what was said; "denied bail", "denied him entry" refuse a thing
        return not _REFUSED.search(target)
    return bool(_REPORTED.search(target))


# the denial verbs: "deny", "reject", "refute", "dismiss", "rebut", "disavow", "dispute"
_DENIAL_VERB = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|refut(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?|"
    r"rebut(?:s|ted|ting)?|disavow(?:s|ed|ing)?|disput(?:e|es|ed|ing))\b", re.I)
# "denied that …", "denies having …", "denied ever …", "denied it", "denied any wrongdoing"
_THAT_CLAUSE = re.compile(r"\s*(?:,\s*)?(?:that\b|having\b|ever\b|being\b|(?:any|all)\s+(?:wrongdoing|involvement|role|"
                          r"knowledge|responsibility|links?|ties|connection|part)\b)", re.I)
# "…, calling them fake news", "… as false", "…, saying they were untrue"
_CALLED_FALSE = re.compile(
    r"\b(?:calling|called|as|saying|said)\b[^.;]{0,40}?\b(?:fake|false|untrue|baseless|groundless|unfounded|"
    r"fabricat\w*|lies|lying|nonsense|absurd|ridiculous|propaganda|misinformation|disinformation|rumou?rs?|"
    r"inaccurate|incorrect|wrong|hoax|smear|laughable|misleading)\b", re.I)
# what a denial is about: a report or an accusation (not a bill, a motion, bail or an offer)
_REPORTED = re.compile(
    r"\b(?:reports?|reporting|claims?|allegations?|accusations?|charges?|rumou?rs?|stor(?:y|ies)|accounts?|"
    r"assertions?|suggestions?|speculation|statements?|suspicions?|assessment|findings?|figures?|numbers?|"
    r"estimates?|casualt(?:y|ies)|toll|wrongdoing|involvement|role|responsibility|knowledge|existence|presence|"
    r"participation|links?|ties|connections?|critici[sz]e?m?s?|critiques?|concerns?|attacks?|remarks|comments|"
    r"labels?|characteri[sz]ations?)\b", re.I)
# "rejected the notion that …", "dismissed any suggestion that …"
_NOTION_THAT = re.compile(r"\s*(?:(?:the|any|an?|this|that)\s+)?(?:notion|idea|implication|suggestion|premise|"
                          r"insinuation|impression|claim|assertion)s?\s+that\b", re.I)
# verbs whose object is what someone said, unless it names a thing refused
_PROPOSITIONAL = re.compile(r"den|refut|rebut", re.I)
_REFUSED = re.compile(r"\b(?:bail|entry|access|requests?|motions?|permission|permits?|visas?|applications?|appeals?|"
                      r"petitions?|service|benefits?|rights?|coverage|admission|parole|asylum|licen[cs]es?|loans?|"
                      r"him|her|them|us|me)\b", re.I)
_NEGATED_BEFORE = re.compile(
    r"\b(?:not|never|n't|no\s+longer|refus(?:e|es|ed|ing)\s+to|declin(?:e|es|ed|ing)\s+to)\s+(?:\w+\s+)?$", re.I)
_OBJECT = re.compile(r"\s*((?:\w+[\s,’'-]*){1,5})")


def _cue_in(claim: Claim) -> Optional[re.Match]:
    """The denial verb of the claim: its attribution cue, or the verb of a denial event."""
    cue = claim.attribution.cue
    if cue and _DENIAL_VERB.fullmatch(cue.strip()):
        return next((m for m in _DENIAL_VERB.finditer(claim.text) if m.group(0).lower() == cue.strip().lower()),
                    _DENIAL_VERB.search(claim.text))
    if claim.event_type == "denial":
        return _DENIAL_VERB.search(claim.text)
    source = claim.attribution.source
    if source:  # "Donald Trump Denies Mike Tyson Invited …": the parse took another verb as the cue
        m = re.search(re.escape(source) + r"\s+(?:(?:has|had|have|also|again|quickly|flatly|strongly|\w+ly)\s+){0,2}",
                      claim.text)
        if m:
            return _DENIAL_VERB.match(claim.text, m.end())
    return None


def _object_words(after: str) -> str:
    m = _OBJECT.match(after)
    return m.group(1) if m else ""


