"""Rival figures: two stories giving different figures of one count in one town on one day.

Grouping keeps a wire lead telling several facts ("… hit a power plant in Kremenchuk, killing three
people, wounding 11 and leaving more than 60,000 households without power") apart from another
outlet's sentence of one of them ("The death toll from Russia's overnight attack on Kremenchuk has risen
to four"): the lead is no story of the toll alone. Each story then looks settled, the wire's
`corroborated` by its copies, while the two outlets disagree on the dead. Here the two figures are
found (`contradictions.number_conflict`: one measured quantity, intervals that do not meet) and both
stories are shown `contested`, each with the contradiction naming both spans. Only that pair's
contradiction is added: the stories' other mentions are not compared with each other, since what makes
them comparable here (one town, one day, one count) holds for that pair only.

A pair is looked at only when two claims of the stories count the same kind of thing (the cheap
`unit_class`) in a town (or a region) both name, or that their pages set them in when they name none
(`Claim.setting`: "… has risen to 11, the city administration said"), from two sources and two speakers
(or one page giving two named speakers' figures), on one day: both claims
name it, or one names it and the other's page was published that day or the next ("has risen to 11" in a
live blog of the day), or neither names one and their pages were published within a day of each other.
The event clusters are not asked: a wire's round-up of the night and a city's own report of its dead
often fall in two. Only stories of the batch's neighbourhoods are compared; those stored before it and
not rewritten take part by their lead only. One day's count of workers, crew members or passengers harmed
is compared wherever it is told (`harmed_staff`), since such a count is often told of "the facility" or "the
ship" with no town, and so is one day's count of patients moved out of a hospital (`moves_patients`); a stored
lead of that kind takes part only when it names a town the batch's counts name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from dataclasses import dataclass
from itertools import combinations, product
from typing import Optional

from claimdesk.corroborate.contradictions import (PART_OF, Disagreement, counted_figures, grown_since, is_denial,
                                                  named_day, number_conflict, one_speaker, told_at_other_hours,
                                                  two_pages_two_speakers)
from claimdesk.corroborate.measures import AIRBORNE, EXTENT_UNITS, WEIGHTS, measure, overlap
from claimdesk.corroborate.samefact import told_as_part
from claimdesk.corroborate.transfers import Handover, handovers
from claimdesk.extraction.setting import own_places, seat_town, setting_region
from claimdesk.language.calendar_words import MONTHS, WEEKDAYS
from claimdesk.models import Claim, Contradiction, Place, Quantity, Story

MAX_STORIES_PER_KEY = 20  # stories giving one town's count of one day compared pairwise, at most (a bound on the work)


# a figure of history or of a trend, not the day's count: "the deadliest since a strike … killed 19", "road
# deaths fell to 11", "5.2 per 100,000", "since the start of the war", an earlier strike the day's followed
_NOT_THE_DAYS = re.compile(r"\b(?:deadliest|worst|since|fell\s+to|dropped\s+to|declined\s+to|per\s+\d|a\s+year\s+ago|"
                           r"last\s+(?:year|month))\b"
                           # an earlier attack's toll told as background: "The May 16 strike followed a May 3 combined
                           # strike against Kyiv that killed four civilians"
                           r"|\bfollow(?:ed|s|ing)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,5}?(?:strike|attack|raid|shelling|"
                           r"bombardment)s?\b"
                           # a day the sentence tells as before the one its page reports: "A day earlier, 148 people
                           # were evacuated, the administration said."
                           # (not "a day before the country marks its Independence Day": a day to come)
                           r"|\b(?:a|one|two|three|several)\s+(?:days?|weeks?)\s+(?:earlier\b|before\s*[,.;])"
                           r"|\bthe\s+(?:day|night)\s+before\s*[,.;]|\bthe\s+previous\s+(?:day|night|week)\b", re.I)
# what happened, by kind: a strike's toll and a fire's in one city are two counts
_INCIDENT = {"strike": "attack", "strikes": "attack", "attack": "attack", "attacks": "attack", "shelling": "attack",
             "bombing": "attack", "missile": "attack", "missiles": "attack", "drone": "attack", "drones": "attack",
             "airstrike": "attack", "fire": "fire", "blaze": "fire", "shooting": "shooting", "shootings": "shooting",
             "crash": "crash", "collision": "crash", "explosion": "explosion", "blast": "explosion", "flood": "flood",
             "flooding": "flood", "floods": "flood", "storm": "storm", "storms": "storm", "earthquake": "quake",
             "quake": "quake", "collapse": "collapse", "stampede": "stampede"}
_INCIDENT_WORD = re.compile(r"\b(?:" + "|".join(sorted(_INCIDENT, key=len, reverse=True)) + r")\b", re.I)
# counts a page's town stands in for: of the harmed or of homes without power (`_counted`)
_TOLLS = {"kill", "injure", "outage"}
_TOLL_CLASSES = {"people", "military", "household", "home", "children", "civilian", "resident",
                 "member", "worker", "passenger"}  # "two crew members were injured", "three workers were killed"
_HARM_WORD = re.compile(r"\b(?:kill|dead|die|death|wound|injur|hurt|casualt|power|electricity|heat|light|fires?\b|"
                        r"blaze|disconnect|de-energi[sz]|generator)", re.I)
# people evacuated from villages the sentence does not name ("1,200 residents had been evacuated on Tuesday" /
# "about 740 people were evacuated from the border villages on Tuesday"): one day's evacuation of an event's
# villages, the neighbourhood's other such count its rival
UNNAMED_VILLAGES = "villages:unnamed"
# people counted by what they were doing where harm came to them: one such count a day is one count wherever told
STAFF = frozenset({"worker", "member", "passenger", "employee", "miner", "rescuer", "firefighter", "patient"})
_STAFF_KEY = "staff:"
_CREW = re.compile(r"\bcrew\b", re.I)
_EVACUATION_WORD = re.compile(r"\bevacuat|\btaken out\b|\bmoved out\b", re.I)
_OVER_THE_REGION = re.compile(r"\b(?:over|above)\s+the\s+(?:region|oblast|province|peninsula|territory\s+of\s+the\s+region)\b",
                              re.I)
# what a strike on a depot or a plant sets on fire (not cars, which a night of riots or two strikes in one town burn)
_STORES = {"tank", "reservoir", "warehouse", "hangar", "wagon", "cistern", "silo"}
_BURNT_WORD = re.compile(r"\b(?:caught\s+fire|catch\w*\s+fire|ablaze|alight|on\s+fire|set\s+fire|burn\w*|in\s+flames)\b",
                         re.I)
# weapons that hit "the city" a page is set in, or a target there (`_counted`)
_WEAPONS = AIRBORNE | {"bomb", "shell"}
# how far a fire spread or how long it, a power cut or a plant's time on backup generators lasted
# (`measures.measure`): the page's town stands in too
_EXTENTS = {"burnt", "burning", "without power", "on generators"}
# goods a strike destroyed or damaged, counted by weight ("3,000 tonnes of grain had been destroyed"; lost, burnt
# and spoilt goods are destroyed ones, `measures.WEIGHTS`)
_LOSSES = {"destroy", "damage"}
_DAMAGED_OR_MOVED = _LOSSES | {"evacuate"}
_DAMAGE_OR_MOVE_WORD = re.compile(r"\b(?:damag|destroy|wreck|evacuat|moved\b|transferred\b)", re.I)
_NOT_DONE = re.compile(r"\b(?:could|would|might|may|will)\b|\bif\b", re.I)  # what could be: no count of what was
_LOSS_WORD = re.compile(r"\b(?:destroy|burn|damag|lost\b|spoil)", re.I)
# a running total ("attacks on ports have destroyed some 270,000 tonnes of grain in total") is no one strike's loss
_CUMULATIVE = re.compile(r"\b(?:in\s+total|so\s+far|to\s+date|altogether|overall|since)\b", re.I)


def _towns(claim: Claim) -> set[str]:
    """The towns (and regions, as "region:" names: a region's count is compared with a region's only) where
    the claim's event happened, as far as words tell (`setting.own_places`: not the speaker's "the Kharkiv
    governor", not the dateline's, not one giving a bearing)."""
    return _names(own_places(claim))


def _names(places: Iterable[Place]) -> set[str]:
    return {p.name.lower() if p.kind == "city" else f"region:{p.name.lower()}" for p in places}


def _counted(claim: Claim) -> tuple[set[str], dict[str, list[Quantity]]]:
    """Where the claim's count was made and its figures by what they count: the towns its words name, else
    those its page sets it in (`Claim.setting`: "has risen to 11, the city administration said" on a page
    of one town); a count set in a town by its page only is one of the harmed or of homes without power, a
    fire's area or how long a fire or a power cut lasted, stores that burned, weapons that struck "the city" or a
    target there, goods destroyed by weight, or anything else told as damaged, destroyed or moved out there, not
    as a running total nor as what could be ("six trams were damaged"; the measured event: "I've been a Cubs fan
    for 55 years" on a Chicago page counts no toll of Chicago, nor "two people still trapped" on a page of a tram
    crash); people evacuated from villages no word names are counted in UNNAMED_VILLAGES. Two incidents of one
    town and day whose sentences name neither are not told apart here (`other_incidents` reads the sentences)."""
    figures = counted_figures(claim)
    towns = _towns(claim)
    if towns or not figures:
        return towns, figures
    towns = _names(p for p in claim.setting if p.kind in ("city", "region"))
    if towns and _HARM_WORD.search(claim.text):
        # the parse (`measure`) only for figures in a sentence telling of harm, fire or power
        tolls = {u: qs for u, qs in figures.items() if (u in _TOLL_CLASSES or u in EXTENT_UNITS)
                 and any((m := measure(claim, q)) is not None
                         and ((u in _TOLL_CLASSES and m.event in _TOLLS) or m.event in _EXTENTS) for q in qs)}
        if tolls:
            return towns, tolls
    if towns and _BURNT_WORD.search(claim.text):
        # "Sorokin acknowledged that two fuel tanks at the depot had caught fire" on a page set in Liski: what the
        # fire there took
        burnt = {u: qs for u, qs in figures.items() if u in _STORES
                 and any((m := measure(claim, q)) is not None and m.event == "burn" for q in qs)}
        if burnt:
            return towns, burnt
    if towns and figures.keys() & _WEAPONS:
        # "Savchuk said three missiles had struck the city shortly after 11 a.m." on a page set in Poltava, "Two guided
        # aerial bombs hit the central market" on a page set in Sumy: the weapons that hit the town its page tells of,
        # or what they hit there (the target tells two strikes' counts apart: `Measure.attribute`)
        struck = {u: qs for u, qs in figures.items() if u in _WEAPONS
                  and any((m := measure(claim, q)) is not None and m.event in ("strike", "attack") and m.attribute
                          for q in qs)}
        # a regional official's figure of a target hit is counted in the town the region is named after ("Ryazan
        # governor Pavel Malyshev said nine drones had attacked the refinery")
        in_towns = {t for t in towns if not t.startswith("region:")} or \
            _names(seat for p in claim.setting if p.kind == "region" and (seat := seat_town(p)) is not None)
        # "officials in Dnipro said three missiles had struck the city": the city is the one it names
        if struck and in_towns and not _names_another_town(claim, towns | in_towns):
            return in_towns, struck
    if _OVER_THE_REGION.search(claim.text):
        # "26 Ukrainian drones were shot down over the region overnight, the governor said" on a page set in Valuyki:
        # air defence's count over the region its town lies in
        region = setting_region(claim)
        downed = {u: qs for u, qs in figures.items()
                  if any((m := measure(claim, q)) is not None and m.thing in AIRBORNE and m.event == "intercept"
                         for q in qs)} if region else {}
        if downed:
            return {f"region:{region.lower()}"}, downed
    if towns and _LOSS_WORD.search(claim.text) and not _CUMULATIVE.search(claim.text):
        # "around 3,000 tonnes of grain had been destroyed, the terminal's operator said" on a page set in Izmail:
        # what the strike there destroyed, by weight
        lost = {u: qs for u, qs in figures.items() if u in WEIGHTS
                and any((m := measure(claim, q)) is not None and m.event in _LOSSES for q in qs)}
        if lost:
            return towns, lost
    if _EVACUATION_WORD.search(claim.text):
        evacuated = {u: qs for u, qs in figures.items() if u in _TOLL_CLASSES
                     and any((m := measure(claim, q)) is not None and m.event == "evacuate" for q in qs)}
        if evacuated:
            return {UNNAMED_VILLAGES}, evacuated
    if towns and _DAMAGE_OR_MOVE_WORD.search(claim.text) and not _CUMULATIVE.search(claim.text) \
            and not _NOT_DONE.search(claim.text):
        # things or people of the town its page tells of, damaged, destroyed or moved out that day and counted by
        # two offices: "The city administration said six trams were damaged" / "the regional administration … said
        # nine trams had been damaged"; "38 children were moved to other hospitals" / "52 children had been moved"
        # (not a running total, nor what could or would be: "800 jobs would be destroyed")
        hit = {u: qs for u, qs in figures.items() if u not in _WEAPONS and u not in WEIGHTS and u not in EXTENT_UNITS
               and any((m := measure(claim, q)) is not None and m.event in _DAMAGED_OR_MOVED for q in qs)}
        if hit:
            return towns, hit
    return set(), {}


_TOWN_SIZE = 10_000  # people: a capitalised word naming a town this big is read as that town


def _names_another_town(claim: Claim, towns: set[str]) -> bool:
    """The claim's words name a town other than `towns`, placed or not ("officials in Dnipro said …", where the
    place finder leaves the speaker's town unplaced)."""
    from claimdesk.extraction.gazetteer import gazetteer

    if {p.name.lower() for p in claim.places if p.kind == "city"} - towns:
        return True
    return any(e.kind == "city" and e.population >= _TOWN_SIZE and e.name.lower() not in towns
               for word in re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z'’-]{2,}", claim.text)
               for e in gazetteer().lookup(word))


def event_towns(claim: Claim) -> set[str]:
    """`_towns` without regions: the towns where the claim's event happened, as far as words tell."""
    return {t for t in _towns(claim) if not t.startswith("region:")}


def beyond_the_day(claim: Claim) -> bool:
    """A figure of history or a trend, not of one day ("deadliest since", "fell to", "a year ago")."""
    return bool(_NOT_THE_DAYS.search(claim.text))


def _named_speaker(claim: Claim) -> bool:
    return claim.attribution.kind in ("named_person", "named_organization")


def _two_accounts(a: Claim, b: Claim, source_of: Callable[[Claim], str], extent: bool = False) -> bool:
    """Two sources tell the figures, or one outlet's two pages give two speakers' figures of an `extent` (a
    fire's area, how long it burned), or one page sets two named speakers' figures against each other
    ("Kharkiv Mayor Andriy Korniyenko said 11 people had been killed … Those figures are higher than the ones
    given by the regional governor, whose office is still reporting nine dead"). A page's own figures, a
    speaker's and the page's, or two speakers' told side by side with no word of their difference (a
    governor's morning figure and his office's evening one, a breakdown of a toll) are no two accounts."""
    if a.document_id != b.document_id:
        # one outlet's two pages giving two speakers' extents of one fire: two accounts ("the blaze covered an
        # area of 2,000 square metres, the service added" / "according to the mayor, the fire affected about 800
        # square metres"); its two pages' tolls are its own updates through the day
        return source_of(a) != source_of(b) or (extent and two_pages_two_speakers(a, b))
    return a.id != b.id and _named_speaker(a) and _named_speaker(b) and \
        (bool(_AT_ODDS.search(a.text + " " + b.text)) or _two_offices_tolls(a, b))


# a city's office and a region's tolls: a live page's "Mayor Savchuk now puts the toll at nine killed" and "Governor
# Dmytro Lysenko's latest update: seven killed" are two offices' counts, whatever words set them apart (not a deed's
# own figure beside the day's: "struck a bus …, killing four people" / "strikes killed seven civilians in Kherson")
_CITY_OFFICER = re.compile(r"\b(?:mayor|city (?:council|(?:military )?administration|hall))\b", re.I)
_REGION_OFFICER = re.compile(r"\b(?:governor|(?:regional|oblast|provincial) (?:(?:military )?administration|head|"
                             r"council|authorities)|head of the (?:\w+ )?(?:region|oblast))\b", re.I)


# a toll of more than the town: "the death toll across the region had risen to 14"
_WIDER = re.compile(r"\b(?:region|oblast|province|across|throughout|villages|district)\b", re.I)
_TALLY_WORD = re.compile(r"\b(?:(?:death\s+)?toll|update|tally|figures?|count)\b", re.I)


def _two_offices_tolls(a: Claim, b: Claim) -> bool:
    """A city office's and a region office's speakers each give a toll as such (`_TALLY_WORD`)."""
    return {_office(a), _office(b)} == {"city", "region"} and all(_TALLY_WORD.search(c.text) for c in (a, b)) \
        and not any(_WIDER.search(c.text) for c in (a, b))


def _office(claim: Claim) -> Optional[str]:
    """"city" or "region" when the claim's speaker holds one such office only."""
    speaker = claim.attribution.source or ""
    kinds = [kind for kind, pattern in (("city", _CITY_OFFICER), ("region", _REGION_OFFICER)) if pattern.search(speaker)]
    return kinds[0] if len(kinds) == 1 else None


# a page's words for two figures at odds
_AT_ODDS = re.compile(r"\b(?:higher|lower|differ\w*|contradict\w*|disput\w*|discrepanc\w*|at\s+odds|conflicting|"
                      r"whereas|however|(?:is|are|was|were)\s+still\s+(?:reporting|giving|listing|saying)|"
                      r"still\s+(?:says|puts|gives|reports|lists|cites)|"
                      # "Mayor Ihor Savchuk has continued to cite nine deaths" after the governor's seven
                      r"continu\w*\s+to\s+(?:cite|give|put|insist\s+on|stand\s+by)\b[^.;]{0,40}\b(?:figure|toll|count|tally|"
                      r"deaths?|dead|killed|injured|wounded|\d)|(?:is|are)\s+sticking\s+(?:with|to)|"
                      r"put\s+(?:the|its|their)\s+(?:toll|number|figure)|"
                      # "the mayor said he stood by his figure of 23 dead" after the police's 21
                      r"(?:stood|stands|standing|stand|insist\w*\s+on)\s+(?:by\s+)?(?:his|her|its|their|the)\s+(?:own\s+)?"
                      r"(?:figure|count|toll|number|tally)s?)\b", re.I)


def _a_days_count(claim: Claim) -> bool:
    """An assertion giving figures of a day it names or of no time at all (a figure of "September" or "2003" is
    history, not the day's toll)."""
    return bool(claim.quantities and claim.polarity == "asserted" and (claim.when is None or named_day(claim))
                and not beyond_the_day(claim) and not is_denial(claim))


def counts_in_a_town(claim: Claim) -> bool:
    """An assertion giving a counted figure (`contradictions.counted_figures`) in a named town, of a day it
    names or of no time at all."""
    return _a_days_count(claim) and all(_counted(claim))


def handover_figures(claim: Claim) -> list[Handover]:
    """The claim's figures of people one side got back in an exchange (`transfers`), of a day it names or of
    no time at all."""
    if claim.polarity != "asserted" or not (claim.when is None or named_day(claim)) or beyond_the_day(claim) \
            or is_denial(claim):
        return []
    return handovers(claim)


def gives_a_rival_count(claim: Claim) -> bool:
    """A figure rival figures are looked for: a count in a town, of an exchange's handover, of one kind of people
    harmed at their work (`harmed_staff`), or of patients moved out of a hospital (`moves_patients`)."""
    return counts_in_a_town(claim) or bool(handover_figures(claim)) or bool(harmed_staff(claim)) or moves_patients(claim)


def harmed_staff(claim: Claim) -> set[str]:
    """The kinds of people harmed at a site (`STAFF`: workers, crew members, passengers …) an assertion of a day
    counts killed or injured, whether or not it names a town: "Three workers of the facility were killed, the
    State Emergency Service said" names none, "Two workers at the Stryi site were killed, Lviv regional
    governor Ostap Kravets said" names the region. One day's count of one such kind is one count, so two of them
    are compared, unless each is placed, by its words or its page, and they share no town (`_set_apart`; a town
    and its region count as two, so some such pairs are left uncompared). "Members" are a crew's only ("three
    family members were killed" counts no staff)."""
    if not _a_days_count(claim) or not _HARM_WORD.search(claim.text):
        return set()
    return {u for u, qs in counted_figures(claim).items() if u in STAFF and (u != "member" or _CREW.search(claim.text))
            and any(not told_as_part(claim, q) and (m := measure(claim, q)) is not None and m.event in ("kill", "injure")
                    for q in qs)}


def moves_patients(claim: Claim) -> bool:
    """An assertion of a day counting patients moved out of a hospital, whether or not it names the town: "About 140
    patients were moved to other hospitals in the city overnight, it said" / "Ukraine's Health Ministry says 112
    patients were evacuated from City Hospital No. 2 overnight". A struck hospital's evacuation is one count that
    day, compared wherever told (`_patients_apart` keeps evacuations told in other places or of other incidents
    apart). Not patients moved out of a nursing home, a care home or a school."""
    return _a_days_count(claim) and bool(_PATIENTS_MOVED.search(claim.text)) and not _NOT_A_HOSPITAL.search(claim.text) \
        and any((m := measure(claim, q)) is not None and m.event == "evacuate" and not told_as_part(claim, q)
                for q in counted_figures(claim).get("patient", ()))


_QUALIFIER = r"(?:about|some|around|more\s+than|over|all|nearly|almost|at\s+least|roughly)\s+"
_PATIENTS_MOVED = re.compile(r"\bpatients\b.*\b(?:evacuat|moved|taken|transferred)|\b(?:evacuat|moved|took|transferred)"
                             rf"\w*\s+(?:{_QUALIFIER})*[\d,]+\s+patients\b", re.I)
_NOT_A_HOSPITAL = re.compile(r"\b(?:nursing|care|retirement|old\s+people's)\s+homes?\b|\bhospices?\b|\bschools?\b|"
                             r"\bprisons?\b|\bshelters?\b", re.I)
_PATIENTS_KEY = "patients:"


def _patients_apart(a: Claim, b: Claim) -> bool:
    """Two counts of patients moved told in two places (one placed by its words or page and the other not, or both
    placed with no town in common: "evacuated to Lviv"), or of two incidents (one naming a fire, a strike or a flood
    the other does not): two evacuations, not two figures of one."""
    ta, tb = _placed_in(a), _placed_in(b)
    ia, ib = _incidents(a), _incidents(b)
    return bool(ta) != bool(tb) or bool(ta and tb and not ta & tb) or ia != ib


def _set_apart(a: Claim, b: Claim) -> bool:
    """Each claim is placed, by the towns its words name or else the town its page sets it in, and no town is
    both's: "one worker was injured" at Saratov's refinery and "three medical workers" injured in Kharkiv."""
    ta, tb = _placed_in(a), _placed_in(b)
    return bool(ta and tb and not ta & tb)


def _placed_in(claim: Claim) -> set[str]:
    """The towns the claim's words name, else the town its page sets it in."""
    return _towns(claim) or _names(p for p in claim.setting if p.kind in ("city", "region"))


def _incidents(claim: Claim) -> set[str]:
    return {_INCIDENT[m.group(0).lower()] for m in _INCIDENT_WORD.finditer(claim.text)}


def other_incidents(a: Claim, b: Claim) -> bool:
    """Each names what happened and they share no kind ("the death toll from the Russian strike on Kharkiv"
    / "the death toll from a fire at a nursing home in Kharkiv")."""
    ia, ib = _incidents(a), _incidents(b)
    return bool(ia and ib and not ia & ib)


def _keys(claim: Claim, published: Callable[[str], Optional[date]]) -> set[tuple[str, str, date]]:
    """(town, kind of thing counted, day) for each figure of a count in a town, and ("handover:" what and
    the side that got it back, "people", day) for each of an exchange: the day the claim names, else the day
    its page was published and the day before (a live blog's "has risen to 11"); and ("round:" town, "date",
    day) when it dates the next round of talks (`_round_keys`)."""
    named, on = named_day(claim), published(claim.document_id)
    if named:
        days = {date.fromisoformat(named)}
    elif on is not None:
        days = {on, on - timedelta(days=1)}
    else:
        return set()
    keys = {(f"{_HANDOVER}{h.what}:{h.side}", "people", d) for h in handover_figures(claim) for d in days} \
        | _round_keys(claim, published)
    # an evacuation of unnamed villages or of named districts naming no day is keyed by its page's day only, not the
    # day before too as a toll is (a live blog's "has risen to 11"): the day before's evacuation is another count
    own = {date.fromisoformat(named)} if named else {on}
    if counts_in_a_town(claim):
        towns, figures = _counted(claim)
        keys |= {(t, PART_OF.get(u, u), d) for t in towns for u in figures
                 for d in (own if t == UNNAMED_VILLAGES else days)}
    if _a_days_count(claim):
        keys |= {(area, kind, d) for area, kind in _named_areas(claim) for d in own}
    keys |= {(_STAFF_KEY, kind, d) for kind in harmed_staff(claim) for d in days}
    keys |= {(_PATIENTS_KEY, "patient", d) for d in own if moves_patients(claim)}
    return keys


# districts the gazetteer does not know, named alike: where people were evacuated from ("from Korabel and Ostriv",
# "out of the Korabel and Ostriv districts") and where bombs fell ("dropped six guided aerial bombs on the Korabel
# and Ostriv island districts" / "dropped at least eight glide bombs on Korabel and Ostriv")
_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
# one name, or a list closed by "and" ("Korabel and Ostriv", "Korabel, Ostriv and Antonivka"; not "on Monday, Tkachuk")
_NAMES = rf"(?:the\s+)?({_NAME}(?:(?:\s*,\s*{_NAME})*\s+and\s+{_NAME})?)"
_FROM_NAMED = re.compile(r"\b(?:from|out\s+of)\s+" + _NAMES)
_ON_NAMED = re.compile(r"\b(?:on|onto)\s+" + _NAMES)
_CALENDAR = set(WEEKDAYS) | set(MONTHS)
# the figure's own phrase ends where a speaker comes in ("…, the governor said on Telegram")
_SPEECH = re.compile(r"[;]|,\s+(?:[\w'’-]+\s+){0,8}?(?:said|says|told|added|wrote|according)\b|\b(?:said|says|told|wrote)\b")
_AREA_REACH = 60  # characters after the figure its place may open within


def _named_areas(claim: Claim) -> set[tuple[str, str]]:
    """("area:" and the names, the kind of thing counted) for each evacuation or bomb count whose own phrase (after
    the figure, before any speaker) names where, in names the gazetteer does not know and that are no country or
    day: one count of one area by its names."""
    from claimdesk.extraction.gazetteer import gazetteer
    from claimdesk.extraction.places import country_of_name

    known = {w.lower() for p in claim.places for w in re.findall(r"[\w'’-]+", p.name)} | \
        {w.lower() for p in claim.places if p.span is not None
         for w in re.findall(r"[\w'’-]+", claim.text[p.span[0] - claim.span[0]:p.span[1] - claim.span[0]])}
    out: set[tuple[str, str]] = set()
    if not (_FROM_NAMED.search(claim.text) or _ON_NAMED.search(claim.text)):
        return out  # the parse below only for sentences naming where
    for unit, qs in counted_figures(claim).items():
        if unit != "bomb" and PART_OF.get(unit, unit) != "people" and unit not in _TOLL_CLASSES:
            continue
        for q in qs:
            m = measure(claim, q)
            pattern = _FROM_NAMED if m is not None and m.event == "evacuate" else \
                _ON_NAMED if m is not None and m.thing == "bomb" and m.event == "strike" else None
            at = claim.text.find(q.text, max(0, (q.span[0] - claim.span[0]) if q.span else 0))
            if pattern is None or at < 0:
                continue
            after = claim.text[at + len(q.text):]
            spoken = _SPEECH.search(after)
            found = pattern.search(after[:spoken.start() if spoken else len(after)])
            if found is None or found.start() > _AREA_REACH:
                continue
            words = re.findall(r"[A-Z][\w'’-]+", found[1])
            names = {w.lower() for w in words}
            if not names or names & (known | _CALENDAR) or any(country_of_name(w) or gazetteer().lookup(w) for w in words):
                continue  # a town or region the gazetteer knows has its own key; a side or a day is no area
            out.add(("area:" + "+".join(sorted(names)), PART_OF.get(unit, unit)))
    return out


_HANDOVER = "handover:"
_ROUND = "round:"
# a meeting to come named by its round: "the next round of direct talks … would take place in Istanbul on June 19"
# / "the next round of Russian-Ukrainian talks would be held in Istanbul on June 23" (issue 12: dates conflict only
# for one event; the next round in one town is one event however each side words it)
_NEXT_ROUND = re.compile(r"\b(?:next|new|further|coming|upcoming)\s+round\s+of\s+(?:[\w'’-]+\s+){0,4}?"
                         r"(?:talks|negotiations|consultations)\b", re.I)


def _round_keys(claim: Claim, published: Callable[[str], Optional[date]]) -> set[tuple[str, str, date]]:
    """("round:" town, "date", day) for a claim dating the next round of talks in a town to a day after its page's
    (the day of the page and the day after, so that two pages a day apart meet)."""
    named, on = named_day(claim), published(claim.document_id)
    if not named or on is None or claim.polarity != "asserted" or is_denial(claim) or not _NEXT_ROUND.search(claim.text):
        return set()
    if date.fromisoformat(named) < on:
        return set()  # a round held already
    return {(f"{_ROUND}{t}", "date", d) for t in event_towns(claim) for d in (on, on + timedelta(days=1))}


def _round_conflict(a: Claim, b: Claim, key: str) -> Optional[Disagreement]:
    """Two days given for the next round of talks in one town."""
    da, db = named_day(a), named_day(b)
    if not (da and db) or da == db or a.when is None or b.when is None:
        return None
    return Disagreement("date", f"{a.when.text} ({da}) vs {b.when.text} ({db})",
                        f"date of the next round of talks in {key[len(_ROUND):].title()}", (a.when.span, b.when.span))


def _handover_conflict(a: Claim, b: Claim, key: str) -> Optional[Disagreement]:
    """Two figures of one side's handover of one kind that cannot both be right: an exchange's people are
    counted one by one, so two exact figures differ when their values do ("757" / "1,000"; elsewhere a round
    1,000 allows 500-1,500), a qualified one by `measures.overlap`."""
    xs = [h.quantity for h in handover_figures(a) if f"{_HANDOVER}{h.what}:{h.side}" == key]
    ys = [h.quantity for h in handover_figures(b) if f"{_HANDOVER}{h.what}:{h.side}" == key]

    def agree(x: Quantity, y: Quantity) -> bool:
        return x.value == y.value if x.qualifier == y.qualifier == "exact" else overlap(x, y)

    if not xs or not ys or any(agree(x, y) for x in xs for y in ys):
        return None  # one of them states the other's figure
    x, y = xs[0], ys[0]
    what, side = key[len(_HANDOVER):].split(":")
    return Disagreement("number", f"{x.text} vs {y.text}", f"{what} handed over to {side} (people)", (x.span, y.span))


def _one_day(a: Claim, b: Claim, published: Callable[[str], Optional[date]]) -> bool:
    """Both tell of one day: both name it, or one names it and the other's page was published that day
    or the next, or neither names one and their pages were published within a day of each other."""
    da, db = named_day(a), named_day(b)
    if da and db:
        return da == db
    if da or db:
        told, undated = (date.fromisoformat(da), b) if da else (date.fromisoformat(db), a)  # type: ignore[arg-type]
        on = published(undated.document_id)
        return on is not None and 0 <= (on - told).days <= 1
    pa, pb = published(a.document_id), published(b.document_id)
    return pa is not None and pb is not None and abs((pa - pb).days) <= 1


@dataclass(frozen=True)
class Rivalry:
    """Two stories' mentions giving two figures of one count: the contradiction each story shows. `kinds`:
    what the count counts, as (thing, event) pairs ("people", "kill"), empty for an exchange's handover."""

    stories: tuple[str, str]
    contradiction: Contradiction
    kinds: frozenset[tuple[str, Optional[str]]] = frozenset()


def disputed_kinds(a: Claim, b: Claim, disagreement: Disagreement) -> frozenset[tuple[str, Optional[str]]]:
    """What the two disputed figures count, (thing, event) each."""
    out = set()
    for claim, span in zip((a, b), disagreement.spans):
        for q in claim.quantities:
            if q.span is not None and tuple(q.span) == tuple(span) and (m := measure(claim, q)) is not None:
                out.add((m.thing, m.event))
    return frozenset(out)


def _kinds(claim: Claim) -> frozenset[tuple[str, Optional[str]]]:
    """What the claim's counted figures count: (thing, event) of each (`measures.measure`)."""
    return frozenset((m.thing, m.event) for qs in counted_figures(claim).values() for q in qs
                     if (m := measure(claim, q)) is not None)


def rivalries(claims_of: Mapping[str, list[Claim]], published: Callable[[str], Optional[date]],
              source_of: Callable[[Claim], str], told_at: Callable[[Claim], Optional[datetime]] = lambda _: None
              ) -> list[Rivalry]:
    """Pairs of stories (ids in `claims_of`) with a claim each giving another figure of one count (same
    kind of thing, town and day, two sources by `source_of`, `contradictions.number_conflict`, a toll grown
    by a later day or hour by `told_at` told apart): the first such pair of claims for each pair of stories."""
    by_key: dict[tuple[str, str, date], dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for sid in sorted(claims_of):
        for claim in claims_of[sid]:
            for key in _keys(claim, published):
                by_key[key][sid].append(claim)
    found: dict[tuple[str, str], Rivalry] = {}
    for key in sorted(by_key):
        stories = by_key[key]
        if len(stories) < 2 or len(stories) > MAX_STORIES_PER_KEY:
            continue
        for s, t in combinations(sorted(stories), 2):
            if (s, t) in found:
                continue
            for a, b in product(stories[s], stories[t]):
                if key[0].startswith(_ROUND):  # two days of one meeting to come: no one day is shared
                    if _two_accounts(a, b, source_of) and not one_speaker(a, b) \
                            and (disagreement := _round_conflict(a, b, key[0])) is not None:
                        found[(s, t)] = Rivalry((s, t), disagreement.between(a, b))
                        break
                    continue
                if not _two_accounts(a, b, source_of, key[1] in EXTENT_UNITS) or not _one_day(a, b, published) \
                        or one_speaker(a, b) or told_at_other_hours(a, b) or other_incidents(a, b) \
                        or (key[0] == _STAFF_KEY and _set_apart(a, b)) \
                        or (key[0] == _PATIENTS_KEY and _patients_apart(a, b)):
                    continue
                handover = key[0].startswith(_HANDOVER)
                disagreement = _handover_conflict(a, b, key[0]) if handover else number_conflict(
                    a, b, grown_since(lambda *_: False, published(a.document_id), published(b.document_id), a, b,
                                      told_at(a), told_at(b)))
                if disagreement is not None:
                    kinds = frozenset() if handover else disputed_kinds(a, b, disagreement)
                    found[(s, t)] = Rivalry((s, t), disagreement.between(a, b), kinds)
                    break
    return [found[k] for k in sorted(found)]


def _other_harm(lead: frozenset[tuple[str, Optional[str]]], disputed: frozenset[tuple[str, Optional[str]]]) -> bool:
    """The lead counts one harm (the wounded) and the disputed figures another (the dead), nothing else: dead
    children or soldiers leading a story are the dead still."""
    mine, theirs = {event for _, event in lead}, {event for _, event in disputed}
    return bool(mine and theirs) and mine | theirs <= {"kill", "injure"} and not mine & theirs


def contest(stories: Mapping[str, Story], found: Sequence[Rivalry], leads: Optional[Mapping[str, Claim]] = None
            ) -> list[str]:
    """Each rival story shows the contradiction and is `contested` (the most severe verdict); returns the
    ids of the stories that changed (a story already contested may still gain the contradiction). A story
    whose lead (in `leads`) counts another harm only keeps its verdict: "11 were injured" leads a story of
    the wounded, which a mention also giving the disputed dead ("remains four dead and 11 injured") joined."""
    changed: list[str] = []
    for rivalry in found:
        c = rivalry.contradiction
        for sid in rivalry.stories:
            story = stories.get(sid)
            if story is None:
                continue
            lead = (leads or {}).get(sid)
            if lead is not None and lead.id not in c.mentions and _other_harm(_kinds(lead), rivalry.kinds):
                continue
            known = any(k.kind == c.kind and set(k.mentions) == set(c.mentions) for k in story.contradictions)
            if known and story.status == "contested":
                continue
            if not known:
                story.contradictions = story.contradictions + [c]
            story.status = "contested"
            if sid not in changed:
                changed.append(sid)
    return changed
