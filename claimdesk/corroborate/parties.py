"""Whose claim a claim is: the parties (countries) its speaker or its words name, as a denial's pointer
that names a party ("the Russian claim", "Moscow's claims") points back to what that party said."""

from __future__ import annotations

import re

from claimdesk.language.calendar_words import MONTHS, WEEKDAYS
from claimdesk.models import Claim

# capitalised, but they name no country
_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)


def claim_parties(claim: Claim) -> frozenset[str]:
    """Whose claim it is: the parties its speaker names ("…, Ukraine's coordination headquarters said" is no
    Russian claim for mentioning Russia), else those its text names ("In Poland, the military's Operational
    Command said …" is the Polish account)."""
    source = claim.attribution.source if claim.attribution.kind != "none" else None
    # a party named as the agent of a passive is whom the claim is about, not whose it is ("… was struck by a
    # Russian missile, its owner Egeomar Shipping said" is no Russian claim)
    return (parties(source) if source else frozenset()) or parties(_BY_AGENT.sub(" ", claim.text))


_BY_AGENT = re.compile(r"\bby\s+(?:(?:an?|the)\s+)?[A-Z][\w'’-]*\s+[\w'’-]+")


def parties(text: str) -> frozenset[str]:
    """The countries a text's capitalised words name or stand for: "the Russian claim", "the Kremlin",
    "Moscow" -> {RU}; "Kyiv's claims" -> {UA} (a city of a million people or more is its government
    speaking). A pointer naming a party points back to what that party said ("the Russian claim" to
    "Russia's defence ministry said …"), not to whatever sentence came just before it."""
    from claimdesk.extraction.gazetteer import gazetteer
    from claimdesk.extraction.places import country_of_name

    out = set()
    for word in re.findall(r"\b[A-Z][a-z]{2,}", text):
        code = country_of_name(word)
        if code is None and word.lower() not in _CALENDAR:
            cities = [e for e in gazetteer().lookup(word) if e.kind == "city" and e.population >= BIG_CITY]
            code = max(cities, key=lambda e: e.population).country if cities else None
        if code:
            out.add(code)
    return frozenset(out)


BIG_CITY = 1_000_000
