"""Handovers: prisoners freed and bodies returned in an exchange, counted by the side that got them back.

An exchange is told from both sides and in many words: "Ukraine received the bodies of 212 fallen
soldiers from Russia", "Russia handed over the bodies of 218 Ukrainian servicemen", "1,000 bodies were
returned to Ukraine", "Ukraine brought home 205 servicemen", "215 Ukrainian soldiers had been freed".
Each counts the people one side got back on one day, whoever the sentence makes its subject, and the
figures of one side and one day are one quantity: 212 vs 218 is a disputed count, while "Russia
received 34" counts the other side's and "1,000 bodies" is no count of prisoners. No town names it, so
the rival figures (`rivals`) key it by what was handed over, to whom, and the day.

The side is read from the words around the figure (the parse gives the subject of "received" as often
as the object of "handed over"): who received, brought home or got back; to whom something was handed,
returned or sent; else the nationality of the people counted ("218 Ukrainian servicemen"). A sentence
naming no side, a figure counted since some earlier time, or a sentence without an exchange's words
("returned fire", "handed over six F-16 fighters", "received 40,000 people fleeing the war") is no
handover of a day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from claimdesk.models import Claim, Quantity

# people held by the other side and handed back, living or dead
_PEOPLE = r"(?:prisoners?(?:\s+of\s+war)?|POWs|servicemen|servicemembers|soldiers|troops|defenders|" \
          r"marines|civilians|captives|detainees|people|citizens|Ukrainians|Russians)"
# the words of an exchange of prisoners or of the dead: a sentence without one tells of no handover ("returned
# fire", "released a video", "Poland received 40,000 people fleeing the war", "handed over six F-16 fighters")
_EXCHANGE = re.compile(r"\b(?:prisoners?|POWs?|captiv\w*|swap(?:s|ped)?|repatriat\w*|bodies|remains|"
                       r"exchange[ds]?(?!\s+(?:of\s+)?fire))\b", re.I)
# lower-case words one of which a sentence telling of a handover holds (`_EXCHANGE`): a cheap look at stored text
EXCHANGE_WORDS = frozenset({"prisoner", "pow", "captiv", "swap", "repatriat", "bodies", "remains", "exchange"})
_NO_EXCHANGE = re.compile(r"\b(?:exchange[ds]?\s+(?:of\s+)?fire|returned\s+fire)\b", re.I)
# the figure counts the dead: "the bodies of 212", "1,000 bodies", "the remains of 39"
_DEAD_BEFORE = re.compile(r"\b(?:bodies|remains)\s+of\s+(?:the\s+|some\s+|another\s+)?$", re.I)
_DEAD_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:bodies|remains)\b", re.I)
_CIVILIANS_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?civilians\b", re.I)
# a figure of everyone a side got back, soldiers and civilians: "157 Ukrainians returned home, including seven
# civilians" is no rival of "150 prisoners of war of the Ukrainian armed forces"
_EVERYONE_AFTER = re.compile(r"\s+(?:[a-z-]+\s+){0,2}?(?:[A-Z][a-z]+(?:an|ian)\s+)?(?:[A-Z][a-z]+ans|[A-Z][a-z]+ians|people|"
                             r"citizens|prisoners|captives|detainees)\b(?!\s+of\s+war)")
# soldiers held as prisoners of war: "205 servicemen", "150 prisoners of war", "215 Ukrainian soldiers"
_SOLDIERS_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:prisoners\s+of\s+war|POWs|servicemen|servicemembers|soldiers|"
                             r"troops|defenders|marines)\b", re.I)
# "157 prisoners, including seven civilians": a total of everyone, whatever it is called
_INCLUDING_CIVILIANS = re.compile(r"[^.;]{0,40}?,?\s+(?:including|among\s+them)\s+[\w-]+\s+civilians\b", re.I)
# a figure of a whole war, not of a day's exchange
_SINCE = re.compile(r"\b(?:since|so\s+far|in\s+total\s+since|to\s+date|over\s+the\s+(?:past|last)\s+\w+\s+(?:years|months))\b",
                    re.I)
# the verbs of a handover, by who they make their subject: the side that got them back, or the side that gave
_GOT = re.compile(r"\b(?:received|receive|receives|brought\s+(?:home|back)|got\s+back|welcomed\s+(?:home|back)|"
                  r"(?:come|came|coming|returned|returning)\s+home)\b", re.I)
_GAVE = re.compile(r"\b(?:handed\s+over|hands\s+over|handing\s+over|hand\s+over|returned|transferred|sent\s+back|"
                   r"released|freed|repatriated)\b", re.I)
_SUBJECT = re.compile(r"(?P<who>[A-Z][\w’'-]+)(?:\s+(?:has|had|have|says\s+it|said\s+it\s+had|said\s+it))?\s*$")
_TO = re.compile(r"[^.;:]{0,60}?(?<!according\s)\bto\s+(?:the\s+)?(?P<who>[A-Z][\w’'-]+)")


@dataclass(frozen=True)
class Handover:
    """A figure of people (or bodies) one side got back: `what` is "bodies", "civilians", "soldiers"
    (servicemen, prisoners of war) or "people" (everyone: "84 Ukrainians", "157 prisoners, including seven
    civilians")."""

    quantity: Quantity
    what: str
    side: str  # ISO country code of the side that got them


@lru_cache(maxsize=4096)
def side_of(word: str) -> Optional[str]:
    """The country a name, a demonym or a capital stands for ("Ukraine", "Ukrainian", "Kyiv", "Kremlin")."""
    from claimdesk.extraction.gazetteer import gazetteer
    from claimdesk.extraction.places import country_of_name  # the gazetteer, read only for handovers

    code = country_of_name(word)
    if code is not None:
        return code
    gaz = gazetteer()
    for e in gaz.lookup(word):
        country = gaz.country_names.get(e.country)
        if e.kind != "city" or country is None or e.lat is None:
            continue
        seat = next((c for c in gaz.lookup(country) if c.kind == "country" and c.lat is not None), None)
        if seat is not None and abs(seat.lat - e.lat) < 0.2 and abs(seat.lon - e.lon) < 0.2:
            return e.country  # a capital stands for its country ("Kyiv said", "handed over to Moscow")
    return None


def _nationality(text: str, start: int, end: int) -> Optional[str]:
    """The nationality of the people a figure counts: "218 Ukrainian servicemen", "the bodies of 34 Russian
    soldiers", "84 Ukrainians", "90 prisoners of war of the Ukrainian Armed Forces", "110 prisoners of war of the
    Armed Forces of Ukraine"."""
    after = text[end:end + 80]
    m = re.match(r"\s+(?:(?:[a-z]+)\s+){0,2}?(?P<nat>[A-Z][a-z]+)\s+(?:[a-z]+\s+)?" + _PEOPLE + r"\b", after) \
        or re.match(r"\s+(?P<nat>[A-Z][a-z]+)s\b", after) \
        or re.match(r"\s+(?:[\w-]+\s+){0,3}?" + _PEOPLE + r"\s+of\s+the\s+(?P<nat>[A-Z][a-z]+)\s+"
                    r"(?:[Aa]rmed\s+[Ff]orces|[Aa]rmy|[Mm]ilitary|[Nn]avy)\b", after) \
        or re.match(r"\s+(?:[\w-]+\s+){0,3}?" + _PEOPLE + r"\s+of\s+the\s+(?:[Aa]rmed\s+[Ff]orces|[Aa]rmy|[Nn]avy)\s+"
                    r"of\s+(?P<nat>[A-Z][a-z]+)\b", after)
    return side_of(m.group("nat")) if m else None


def handovers(claim: Claim) -> list[Handover]:
    """The claim's figures of people (or bodies) one side got back in an exchange or handover, each with
    that side; none for a sentence telling of no handover, naming no side, or counting since long ago."""
    text = claim.text
    if not _EXCHANGE.search(text) or _NO_EXCHANGE.search(text) or _SINCE.search(text) \
            or not (_GOT.search(text) or _GAVE.search(text)) or claim.polarity != "asserted":
        return []
    out = []
    for q in claim.quantities:
        if q.span is None or q.unit in ("percent", "hours", "days", "years", "km", "kilometres") or q.value < 1:
            continue
        start, end = q.span[0] - claim.span[0], q.span[1] - claim.span[0]
        if not 0 <= start < end <= len(text):
            continue
        if _DEAD_BEFORE.search(text, max(0, start - 30), start) or _DEAD_AFTER.match(text, end):
            what = "bodies"
        elif _CIVILIANS_AFTER.match(text, end):
            what = "civilians"
        elif _EVERYONE_AFTER.match(text, end) or _INCLUDING_CIVILIANS.match(text, end):
            what = "people"
        elif _SOLDIERS_AFTER.match(text, end):
            what = "soldiers"
        else:
            continue
        side = _side(text, start, end)
        if side is not None:
            out.append(Handover(q, what, side))
    return out


def _side(text: str, start: int, end: int) -> Optional[str]:
    """Who got back the people a figure at [start, end) counts, as the words around it say: the subject of
    the nearest "received" before it ("Russia received the bodies of 31 of its soldiers"), to whom they were
    handed ("… handed over 1,000 bodies … to Kyiv", "1,000 bodies were returned to Ukraine"), else their
    nationality ("handed over the bodies of 218 Ukrainian servicemen", "215 Ukrainian soldiers had been
    freed")."""
    before = [(m.end(), m) for m in _GOT.finditer(text, max(0, start - 80), start)]
    before += [(m.end(), m) for m in _GAVE.finditer(text, max(0, start - 80), start)]
    verb = max(before, key=lambda pair: pair[0])[1] if before else None
    if verb is not None and verb.re is _GOT:
        who = _SUBJECT.search(text, max(0, verb.start() - 40), verb.start())
        if who and (side := side_of(who.group("who"))):
            return side
    to = _TO.match(text, end)
    if to and not _GOT.search(to.group(0)) and (side := side_of(to.group("who"))):
        return side
    return _nationality(text, start, end) or _own_people(text, start, end)


_OWN_PEOPLE = re.compile(r"\s+of\s+(?:its|their)\s+(?:own\s+)?" + _PEOPLE + r"\b", re.I)
_SPEAKING_SIDE = re.compile(r"(?P<who>[A-Z][\w’'-]+)\s+(?:says|said|saying)\s+$")


def _own_people(text: str, start: int, end: int) -> Optional[str]:
    """The side whose own people the figure counts, as its speaker tells it: "Ukraine says 95 of its citizens
    have come home"."""
    if not _OWN_PEOPLE.match(text, end):
        return None
    who = _SPEAKING_SIDE.search(text, max(0, start - 40), start)
    return side_of(who.group("who")) if who else None
