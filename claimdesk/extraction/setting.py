"""Where a page sets a claim giving a figure whose own words name no town.

"The number of people killed in the overnight missile strike … has risen to 11, the city administration
said" names no town, yet its reader knows which: the page tells of one. A claim's own places are the
towns and regions its words give as where something happened (`own_places`: not the speaker's, not a
dateline's, not a bearing's or a comparison's). When it has none, its setting is, in this order:

- the one town the rest of its own sentence names before the speaker closing it, when the sentence was cut
  into several claims ("Four people were killed | and 11 injured when drones struck a five-storey apartment
  building in Chuhuiv, …, Kharkiv regional governor Andrii Sytnyk said");
- the town of the speaker's office: "Kharkiv Mayor Andriy Korniyenko said 11 people had been killed"
  (a mayor's or a city council's town; a governor's or a regional administration's region: "the Kherson
  governor" sets a count in the Kherson region, not in the city; a police force is often a county's or a
  state's, "Kent Police", "Victoria Police", and sets nothing);
- the one town told before it in its paragraph, or else in the line above it (a live blog's post
  heading "Kharkiv city gives higher toll", a sentence "… damaged a substation serving Dnipro's
  left-bank districts." before "Dnipro Power Networks said 36,000 households were without
  electricity"); a stretch naming two towns sets nothing;
- else the town of the site or the fire it names as "the depot", "the fire", told just before it on its page
  ("The fire at the depot burned for about six hours" after "Drones set a fuel depot in Pavlohrad ablaze,
  while shelling of Nikopol killed two", a line naming two towns);
- the one town the page's claims tell of, when they tell of one only.

A claim naming a country as where it happened ("Across Ukraine, Russian attacks killed 23 people") has
no setting: its words place it. Nor has a claim giving no figure: the setting serves to compare counts,
and read off a page of general news it is often a town named once in passing.

The setting is kept apart from the claim's places (`Claim.setting`): the claim does not name it, so the
map and the same-fact checks do not read it; rival figures do (`corroborate.rivals`), since two
officials' tolls of one strike are often each told with no town ("the city administration said").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Optional

from claimdesk.models import Claim, Place

# where a town is named but nothing happened: a dateline ("KYIV, Jan 27 (Meridian Wire) -"), a bearing
# ("In Zhytomyr, west of Kyiv, a drone hit …", "40 km from Kherson"), another event compared ("One person
# died, in stark contrast with Thursday's rampage in Nice")
_DATELINE = re.compile(r"\s*[A-Z][A-Z .’'-]{2,}(?:/[A-Z .’'-]+)?,[^-–—(]{0,20}(?:\([^)]{1,40}\))?\s*[-–—]+\s")
_COMPARED = re.compile(r"\b(?:contrast\s+(?:with|to)|compared\s+(?:with|to)|unlike|similar\s+to)\b[^,;.]{0,60}$", re.I)
_BEARING = re.compile(r"(?:\b(?:north|south|east|west)(?:[- ]?(?:east|west))?(?:ern)?\s+of|"
                      r"\b(?:km|kilometres|kilometers|miles)\s+(?:from|of))\s+(?:the\s+)?$", re.I)

# a local office and the town or region it answers for: "Kharkiv Mayor", "the Odesa city council",
# "Kherson's regional governor", "the head of the Sumy regional military administration"
_NAME = r"(?P<name>[A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+)?)(?:['’]s)?"
_CITY_OFFICE = re.compile(_NAME + r"\s+(?:(?:[Cc]ity|[Mm]unicipal)\s+)?(?:[Mm]ayor|[Cc]ouncil|"
                          r"[Cc]ity\s+(?:[Mm]ilitary\s+)?[Aa]dministration)\b")
_REGION_OFFICE = re.compile(_NAME + r"\s+(?:[Rr]egion(?:al)?\s+|[Oo]blast\s+|[Pp]rovince\s+|[Pp]rovincial\s+)?"
                            r"(?:[Gg]overnor|(?:[Mm]ilitary\s+)?[Aa]dministration)\b")
_OFFICE_WORDS = re.compile(r"\b(?:mayor|governor|council|administration)\b", re.I)
# a line that is a byline, a credit or a date, not a heading: "By Jane Smith in Glasgow"
_NOT_A_HEADING = re.compile(r"\s*(?:By|Photo|Image|Credit|Source|Reporting|Written|Updated|Published|Posted)\b")


def setting_region(claim: Claim) -> Optional[str]:
    """The region the claim's setting lies in, by the name news gives it (its biggest town: "Belgorod" for a page
    set in Valuyki), when its setting names towns of one region only; what "over the region" means there."""
    from claimdesk.extraction.gazetteer import gazetteer  # read only for claims saying "the region"

    seats = {p.name if p.kind == "region" else gazetteer().region_seat(p.name, p.country, p.geonameid)
             for p in claim.setting
             if p.kind in ("city", "region")}
    seats.discard(None)
    return seats.pop() if len(seats) == 1 else None


def own_places(claim: Claim, kinds: tuple[str, ...] = ("city", "region")) -> list[Place]:
    """The towns and regions (of `kinds`) where the claim's event happened, as far as its words tell: not
    the speaker's ("the Kharkiv governor"), not the dateline's, not one giving a bearing or compared."""
    speaker = claim.attribution.source_span
    dateline = _DATELINE.match(claim.text)
    out = []
    for p in claim.places:
        if p.kind not in kinds:
            continue
        if p.span is not None:
            if speaker and (speaker[0] <= p.span[0] and p.span[1] <= speaker[1] or _speakers_house(claim, speaker, p)):
                continue
            start = p.span[0] - claim.span[0]
            if dateline and 0 <= start < dateline.end():
                continue
            if 0 <= start <= len(claim.text) and (_BEARING.search(claim.text, max(0, start - 30), start)
                                                  or _COMPARED.search(claim.text, max(0, start - 80), start)):
                continue
            if _on_the_outskirts(claim, p, start):
                continue
        out.append(p)
    return out


# a place naming the house a speaker belongs to: "A source in Ukraine's SBU security service told …"
_HOUSE_BEFORE = re.compile(r"\s+(?:in|at|of|from|within|inside|with)\s+(?:the\s+)?")
_HOUSE_AFTER = re.compile(r"['’]s\s")


# a town's edge, naming where another town lies: "a warehouse in Pisochyn, on Kharkiv's western outskirts"
_EDGE = r"(?:outskirts|suburbs|edge)"
_EDGE_AFTER = re.compile(r"['’]s\s+(?:\w+\s+)?" + _EDGE + r"\b")
_EDGE_BEFORE = re.compile(r"\b" + _EDGE + r"\s+of\s+(?:the\s+)?$", re.I)
_AN_EDGE_BETWEEN = re.compile(r",?\s+(?:(?:on|in|at|near)\s+)?(?:the\s+)?(?:(?:\w+\s+){0,2}?" + _EDGE + r"\s+of\s+(?:the\s+)?)?",
                              re.I)


def _on_the_outskirts(claim: Claim, place: Place, start: int) -> bool:
    """The town is named as the edge of another town named just before it, not where it happened ("in Pisochyn, on
    Kharkiv's western outskirts"; not "two in Kherson and one on the outskirts of Mykolaiv")."""
    end = start + (place.span[1] - place.span[0])
    if not (_EDGE_AFTER.match(claim.text, end) or _EDGE_BEFORE.search(claim.text, max(0, start - 30), start)):
        return False
    return any(q.kind == "city" and q.span is not None and q.name != place.name and q.span[1] <= place.span[0]
               and _AN_EDGE_BETWEEN.fullmatch(claim.text[q.span[1] - claim.span[0]:start])
               for q in claim.places)


def _speakers_house(claim: Claim, speaker: tuple[int, int], place: Place) -> bool:
    """The place, a country, follows the speaker and names whose body the speaker is in, in a possessive ("a source
    in Ukraine's SBU"), not where something happened ("a doctor at Kharkiv's main hospital" is in the town hit)."""
    if place.kind != "country":
        return False
    base = claim.span[0]
    between = claim.text[speaker[1] - base:place.span[0] - base]
    return bool(_HOUSE_BEFORE.fullmatch(between)) and bool(_HOUSE_AFTER.match(claim.text, place.span[1] - base))


def office_places(claim: Claim, text: str) -> list[Place]:
    """The town (for a mayor, a city council or police) or region (for a governor or a regional
    administration) whose office speaks the claim, as the speaker's words name it."""
    from claimdesk.extraction.places import find_places  # the gazetteer, read only for speakers holding an office

    span = claim.attribution.source_span
    if span is None:
        return []
    speaker = text[span[0]:span[1]]
    if not _OFFICE_WORDS.search(speaker):
        return []
    for pattern, phrase, kind in ((_CITY_OFFICE, "the city of {}", "city"), (_REGION_OFFICE, "the {} region", "region")):
        m = pattern.search(speaker)
        if m is None:
            continue
        name = re.sub(r"^The\s+", "", m.group("name"))  # "The Odesa city council": Odesa
        found = [p for p in find_places(phrase.format(name)) if p.kind == kind]
        if found:
            p = found[0]
            start = span[0] + m.end("name") - len(name)
            return [p.model_copy(update={"span": (start, span[0] + m.end("name"))})]
    return []


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s|\n")


def _towns_in(places: Sequence[Place]) -> list[Place]:
    """The one town `places` name (each spelling of it once), or none when they name two or more."""
    towns = [p for p in places if p.kind == "city"]
    return towns[:1] if len({p.name for p in towns}) == 1 else []


def set_claims(claims: Sequence[Claim], text: str, places: Sequence[Place]) -> None:
    """Give each claim with a figure and no town or region of its own its setting (`Claim.setting`): its
    speaker's office, else the one town told before it in its paragraph or in the line above, else the
    page's one town. `claims` are a document's claims, `places` every place found in its `text`."""
    ordered = sorted(claims, key=lambda c: c.span)
    own = {id(c): own_places(c) for c in ordered}
    page = _towns_in([p for c in ordered for p in own[id(c)]])
    claimed = [c.span for c in ordered]
    for i, claim in enumerate(ordered):
        claim.setting = []
        if not claim.quantities or own[id(claim)] or own_places(claim, ("country",)):
            continue
        setting = _sentence_town(ordered, i, own, text) or _regional_office_in_town(ordered, i, own, text, places, claimed) \
            or office_places(claim, text) or _context_town(ordered, i, own, text, places, claimed) \
            or _site_town(ordered, i, own) or page
        claim.setting = [p.model_copy() for p in setting]


# the town a sentence is set in, named back: "… were killed and 38 injured in the strike on the city's Kholodnohirskyi
# district" (not "the city council", "the City of London")
_THE_CITY = re.compile(r"\bthe (?:city|town)(?:['’]s)?\b(?! (?:council|hall|administration|authorities|of\b))", re.I)


# a governor's sentence telling of more than the city, or of somewhere near it: "villages outside the city", "across
# the region, three of them in the city"
_BEYOND_THE_CITY = re.compile(r"\b(?:outside|around|near|beyond|north|south|east|west|outskirts|across|throughout|"
                              r"region|oblast|province|villages?)\b", re.I)


def _regional_office_in_town(ordered: Sequence[Claim], i: int, own: dict[int, list[Place]], text: str,
                             places: Sequence[Place], claimed: Sequence[tuple[int, int]]) -> list[Place]:
    """The town a regional official's figure is counted in when the sentence says it is "the city's": the town the
    claim's paragraph or page is set in, when it lies in the official's region ("Kharkiv regional governor Dmytro
    Lysenko said seven people were killed and 38 injured in the strike on the city's Kholodnohirskyi district" on a
    page about Kharkiv counts in the city the mayor's toll is counted in, not in the region around it)."""
    from claimdesk.extraction.gazetteer import gazetteer  # read only for a regional office's sentence naming the city

    claim = ordered[i]
    end = _SENTENCE_END.search(text, claim.span[1] - 1)
    sentence = text[claim.span[0]:end.start() if end else len(text)]
    if not _THE_CITY.search(sentence) or _BEYOND_THE_CITY.search(sentence):
        return []
    office = office_places(claim, text)
    if len(office) != 1 or office[0].kind != "region":
        return []
    # the town told around it, else the region's own seat of its name (the Kharkiv governor's "the city" is Kharkiv)
    town = _context_town(ordered, i, own, text, places, claimed) or _towns_in([p for c in ordered for p in own[id(c)]])
    if not town:
        seat = seat_town(office[0])
        return [seat] if seat is not None else []
    seat = gazetteer().region_seat(town[0].name, town[0].country, town[0].geonameid)
    return town if seat is not None and seat.lower() == office[0].name.lower() else []


def seat_town(region: Place) -> Optional[Place]:
    """The town of the region's name that the region is named after (Kharkiv for the Kharkiv region), if any."""
    town = _seat_town_named(region.name)
    return town.model_copy() if town is not None else None


@lru_cache(maxsize=1024)
def _seat_town_named(name: str) -> Optional[Place]:
    # asked for every claim of weapons on a target a regional office speaks of: the gazetteer is read once per name
    from claimdesk.extraction.gazetteer import gazetteer
    from claimdesk.extraction.places import find_places

    for town in find_places(f"the city of {name}"):
        if town.kind == "city":
            seat = gazetteer().region_seat(town.name, town.country, town.geonameid)
            return town if seat is not None and seat.lower() == name.lower() else None
    return None


def _sentence_town(ordered: Sequence[Claim], i: int, own: dict[int, list[Place]], text: str) -> list[Place]:
    """The one town the rest of claim `i`'s sentence names before the speaker it closes with, cut into later
    claims ("Four people were killed | and 11 injured when drones struck a five-storey apartment building in
    Chuhuiv, …, Kharkiv regional governor Andrii Sytnyk said"). A claim holding its own speaker ("Three people
    were killed, the Kherson governor said, and the wounded were taken to hospitals in Mykolaiv") is whole:
    what follows tells of something else."""
    claim = ordered[i]
    end, speaker = claim.span[1], claim.attribution.source_span
    if speaker is None or speaker[0] < end:
        return []
    rest = [c for c in ordered[i + 1:] if c.span[0] >= end and not _SENTENCE_END.search(text, max(0, end - 1), c.span[0])]
    return _towns_in([p for c in rest for p in own[id(c)] if p.span is not None and p.span[0] < speaker[0]])


# a site or a fire the page told of before, by a definite description: "The fire at the depot burned for
# about six hours" after "Drones set a fuel depot in Pavlohrad ablaze" (not "the fire service")
_SITE = re.compile(r"\bthe\s+(?:[a-z-]+\s+)?(depot|refinery|substation|terminal|plant|bridge|hospital|school|market|"
                   r"warehouse|airfield|airport|factory|shipyard|fire|blaze)\b(?!\s+(?:service|brigade|department|"
                   r"fighters?|crews?|station|chief|safety|alarm|escape))", re.I)
_FIRE_TOLD = re.compile(r"\b(?:fires?|blaze|ablaze|flames)\b(?!\s+(?:service|brigade|department|fighters?|crews?|"
                        r"station|chief|safety|alarm|escape))", re.I)
# gunfire, not a blaze: "opened fire on a bus stop", "came under artillery fire"
_NOT_A_BLAZE = re.compile(r"\b(?:open(?:ed|s|ing)?|under|artillery|mortar|machine-gun|gun|rocket|return(?:ed)?|cease|"
                          r"sniper|heavy|enemy|friendly)\s+$", re.I)
SITE_LOOKBACK = 8  # claims before it a site or fire is looked for in (a page's next section tells of another)


def _tells_of(noun: str, text: str) -> bool:
    if noun not in ("fire", "blaze"):
        return re.search(rf"\b{re.escape(noun)}s?\b", text, re.I) is not None
    return any(not _NOT_A_BLAZE.search(text[:m.start()]) for m in _FIRE_TOLD.finditer(text))


def _site_town(ordered: Sequence[Claim], i: int, own: dict[int, list[Place]]) -> list[Place]:
    """The town of the nearest claim before claim `i` on its page (within `SITE_LOOKBACK` claims) telling of the
    site (or the fire) claim `i` names as "the depot", "the fire": that claim's own one town, or its setting;
    none when that claim names two towns."""
    named = _SITE.search(ordered[i].text)
    if named is None:
        return []
    noun = named.group(1).lower()
    for c in reversed(ordered[max(0, i - SITE_LOOKBACK):i]):
        if _tells_of(noun, c.text):
            return _towns_in(own[id(c)] or c.setting)
    return []


def _context_town(ordered: Sequence[Claim], i: int, own: dict[int, list[Place]], text: str,
                  places: Sequence[Place], claimed: Sequence[tuple[int, int]]) -> list[Place]:
    """The one town told before claim `i` in its paragraph (by the claims there, their own places or
    settings), else in the line above (a claim's, or a heading's found places)."""
    start = ordered[i].span[0]
    line_start = text.rfind("\n", 0, start) + 1
    above_start = text.rfind("\n", 0, line_start - 1) + 1 if line_start else 0
    before, above = [], []  # the claims before it in its line, and in the line above
    for c in reversed(ordered[:i]):
        if c.span[0] < above_start:
            break
        if c.span[0] >= line_start and c.span[1] <= start:
            before.append(c)
        elif c.span[1] <= line_start:
            above.append(c)

    def told(cs: list[Claim]) -> list[Place]:
        return [p for c in cs for p in (own[id(c)] or [q for q in c.setting if q.kind == "city"])]

    if told(before):
        return _towns_in(told(before))
    if line_start == 0:
        return []
    if above:
        return _towns_in(told(above))
    if _NOT_A_HEADING.match(text, above_start):
        return []
    # a line without claims (a heading): the towns found in it, outside any claim
    return _towns_in([p for p in places if p.span is not None and above_start <= p.span[0] and p.span[1] < line_start
                      and not any(a <= p.span[0] < b for a, b in claimed)])

