"""Disagreements inside a story: numbers, dates and places that independent mentions state differently,
and denials by a party of what the other mentions assert."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Optional

from claimdesk.models import Claim, Contradiction, Quantity

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
    ca, cb = _counts(a), _counts(b)
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


def place_conflict(a: Claim, b: Claim) -> Optional[str]:
    """Both name a town or city (not a country or region) and none of them lies near any of the other's."""
    pa = [p for p in a.places if p.kind == "city" and p.lat is not None]
    pb = [p for p in b.places if p.kind == "city" and p.lat is not None]
    if not pa or not pb:
        return None
    if {p.name.lower() for p in pa} & {p.name.lower() for p in pb}:
        return None
    if min(_km(x.lat, x.lon, y.lat, y.lon) for x in pa for y in pb) <= MAX_PLACE_KM:
        return None
    return f"{pa[0].name} vs {pb[0].name}"


def find(evidence: Sequence[Evidence]) -> list[Contradiction]:
    """Contradictions between asserted mentions of different sources, and denials of the story."""
    asserted = [e for e in evidence if e.claim.polarity == "asserted" and e.claim.event_type != "denial"]
    out: list[Contradiction] = []
    seen: set[tuple[str, str]] = set()
    for i, a in enumerate(asserted):
        for b in asserted[i + 1:]:
            if a.source == b.source:
                continue
            for kind, check in (("number", number_conflict), ("date", date_conflict), ("place", place_conflict)):
                detail = check(a.claim, b.claim)
                if detail and (kind, detail) not in seen:
                    seen.add((kind, detail))
                    out.append(Contradiction(kind=kind, detail=detail, mentions=[a.claim.id, b.claim.id]))
    for d in evidence:
        if is_denial(d.claim):
            who = d.claim.attribution.source or (d.claim.actors[0] if d.claim.actors else "a party")
            denied = [a.claim.id for a in asserted]
            out.append(Contradiction(kind="denial", detail=f"{who} denies: {d.claim.text[:160]}",
                                     mentions=[d.claim.id] + denied))
    return out


def is_denial(claim: Claim) -> bool:
    """A party denies something: a denial event, or a negated claim attributed to a named party.

    A negated claim the outlet states itself ("has not gone unnoticed") is no denial."""
    if claim.event_type == "denial":
        return True
    return claim.polarity == "denied" and claim.attribution.kind in ("named_person", "named_organization")
