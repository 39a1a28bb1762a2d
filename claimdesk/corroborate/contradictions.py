"""Disagreements inside a story: numbers, dates and places that independent mentions state differently,
and denials by a party of what the other mentions assert.

Two numbers disagree only when they measure the same quantity (`measures.Measure`: the same counted
thing, unit and event) at the same time and place, and their intervals (`measures.interval`, from
qualifiers and rounding) do not meet: "2.1 million" vs "2.6 million refugees registered in Poland"
disagree; a debt ratio, a GDP fall and a growth forecast do not; "nearly 500,000" and "more than
500,000" agree. Two days disagree only when they date the same event ("the vote was held on 3 March"
vs "held on March 5"), two cities only when they place the same event, each mention placing it in
one city. Cheap checks come first (counted-noun class, disjoint intervals, different days, far-apart
cities); only a pair at odds is parsed to see what its facts are about.

A denial (`denials.is_denial`) is linked to the mentions that state what it denies (`denials.denies`).
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Optional

from claimdesk.corroborate.denials import appended_denial, denied_object, denies, is_denial
from claimdesk.corroborate.measures import (EXTENT_UNITS, Measure, frame_at, interval, located, measure, overlap,
                                           reached_interval, unit_class)
from claimdesk.extraction.setting import own_places
from claimdesk.language.clock import ClockTime, clock_times
from claimdesk.models import Claim, Contradiction, Place, Quantity, Span

MAX_PLACE_KM = 100.0


@dataclass(frozen=True)
class Evidence:
    """A claim in a story with the source it is counted under (outlet after removing copies), and the
    outlet that published it (`publisher`, the source when not given)."""

    claim: Claim
    source: str
    copy_of: Optional[str] = None
    publisher: Optional[str] = None
    # the source its page's telling is traced to (`engine._tellings_traced`), when not `source`: it
    # counts under that source, but still disagrees with the mention it restates as its own words
    told_as: Optional[str] = None
    published: Optional[date] = None  # the day its page was published (`grown_since`)
    told_at: Optional[datetime] = None  # when its page or its live post was published, to the minute (`grown_since`)

    @property
    def counted(self) -> str:
        """The source this mention counts under among a story's independent sources."""
        return self.told_as or self.source


@dataclass(frozen=True)
class Disagreement:
    """Two mentions at odds on one fact: what it is and where each states it."""

    kind: str
    detail: str
    quantity: str
    spans: tuple[Optional[Span], Optional[Span]]

    def between(self, a: Claim, b: Claim) -> Contradiction:
        return Contradiction(kind=self.kind, detail=self.detail, quantity=self.quantity,
                             mentions=[a.id, b.id], spans=list(self.spans))


def counted_figures(claim: Claim) -> dict[str, list[Quantity]]:
    """The claim's figures by the kind of thing they count (`measures.unit_class`); years are no counts (a
    figure written with a thousands separator is none)."""
    out: dict[str, list[Quantity]] = {}
    for q in claim.quantities:
        u = unit_class(q)
        if u is None or (1900 <= q.value <= 2100 and q.value.is_integer() and u not in ("military", "people")
                         and u not in EXTENT_UNITS and not re.search(r"\d[,.]\d{3}", q.text)):
            # a year, not "2,000 square metres" nor "2000 square metres"
            continue
        if _increment(claim, q):
            continue
        out.setdefault(u, []).append(q)
    return out


def _increment(claim: Claim, q: Quantity) -> bool:
    """`q` counts what was added to a count, not the count: "Two more people died in hospital overnight,
    bringing the death toll to 11". ("Another 64 people were injured" after a count of the killed is the count of
    the injured: "another" tells no increment, and is not read.)"""
    if (at := _offsets(claim, q)) is None:
        return False
    # after another figure, "more" is others, not an increase: "killed four people and injured 20 more people"
    return bool(_MORE_AFTER.match(claim.text, at[1])) and not any(
        f.span is not None and f.span[1] <= q.span[0] for f in claim.quantities if f is not q)


_MORE_AFTER = re.compile(r"\s+(?:more|additional|further)\b", re.I)


def _offsets(claim: Claim, q: Quantity) -> Optional[tuple[int, int]]:
    """Where figure `q` stands in `claim.text` (start, end), or None when its span is not inside the claim."""
    if q.span is None:
        return None
    start, end = q.span[0] - claim.span[0], q.span[1] - claim.span[0]
    return (start, end) if 0 <= start <= end <= len(claim.text) else None


def _text_before(claim: Claim, q: Quantity) -> Optional[str]:
    """The claim's words before figure `q`, or None when its span is not inside the claim."""
    start = q.span[0] - claim.span[0] if q.span else -1
    return claim.text[:start] if 0 <= start <= len(claim.text) else None


def named_day(claim: Claim) -> Optional[str]:
    """The day the claim names (ISO), if it names one."""
    return claim.when.value if claim.when and claim.when.granularity == "day" else None


def _apart(a: Claim, b: Claim) -> bool:
    """The two mentions speak of different days or of events in far-apart cities."""
    da, db = named_day(a), named_day(b)
    if da and db and da != db:
        return True
    la, lb = located(a, _cities(a)), located(b, _cities(b))
    return bool(la and lb and _far(la, lb))


def number_conflict(a: Claim, b: Claim, told_apart: Optional[Callable[[str, Quantity, Quantity, Measure, Measure], bool]]
                    = None) -> Optional[Disagreement]:
    if told_apart is None:
        return _number_conflict(a, b, counted_figures(a), counted_figures(b))
    return _number_conflict(a, b, counted_figures(a), counted_figures(b), told_apart)


def grown_since(told_apart: Callable[[str, Quantity, Quantity, Measure, Measure], bool],
                published_a: Optional[date], published_b: Optional[date], a: Optional[Claim] = None,
                b: Optional[Claim] = None, told_a: Optional[datetime] = None, told_b: Optional[datetime] = None
                ) -> Callable[[str, Quantity, Quantity, Measure, Measure], bool]:
    """For figures of two pages published on different days, or at hours of one day at least
    UPDATE_GAP apart (`told_a`, `told_b`: a page's published time or its live post's): a toll of the dead
    or the injured that the later page gives no lower than the earlier gave is the count grown since
    (rescuers find more bodies, the hospitalised are counted), told apart whoever gives it: "At least 14
    people have been killed, the State Emergency Service said on Thursday" / "the service said on Friday
    morning that 16 people had been killed"; "two killed", the governor said in a live post at 10:40 / "nine
    killed", the police said on a page of 20:45. A later page's lower toll still disagrees, and so do figures
    told within the gap (two officials' counts at odds), counts that do not grow (drones launched, households
    without power), and the tolls of speakers of two countries (`a`, `b`: "Russia's defence ministry said three
    were killed" / "Ukraine's prosecutor said 17 were", a day apart, are two sides' accounts), and counts of an
    event told as days older than the first page ("On October 3, six officers were reportedly killed" on 16
    October, twenty on the 17th)."""
    b_later = _told_later(published_a, published_b, told_a, told_b)
    if b_later is None:
        return told_apart
    if a is not None and b is not None and (sides := (_speaker_countries(a), _speaker_countries(b))) \
            and all(sides) and not sides[0] & sides[1]:
        return told_apart
    first = min(d for d in (published_a, published_b, told_a and told_a.date(), told_b and told_b.date()) if d)
    if any((day := named_day(c)) and (first - date.fromisoformat(day)).days > 1 for c in (a, b) if c is not None):
        return told_apart  # an event of days before the first page: its count is settled, not growing

    def apart(unit: str, x: Quantity, y: Quantity, mx: Measure, my: Measure) -> bool:
        if mx.event in _GROWING_TOLLS and my.event in _GROWING_TOLLS:
            early, late = (x, y) if b_later else (y, x)
            if interval(late)[1] >= interval(early)[0]:
                return True
        return told_apart(unit, x, y, mx, my)
    return apart


# two tellings of a toll on one day this far apart are two readings of a count, the later no lower when it
# grew; closer ones are two accounts of one moment ("The National Police say 12 people were killed" half an
# hour after the governor's "11 killed" disagrees)
UPDATE_GAP = timedelta(hours=1)


def _told_later(published_a: Optional[date], published_b: Optional[date], told_a: Optional[datetime],
                told_b: Optional[datetime]) -> Optional[bool]:
    """Whether b was told after a: by the days their pages were published, else by the times, when those
    are UPDATE_GAP apart or more; None when neither tells."""
    if published_a is not None and published_b is not None and published_a != published_b:
        return published_b > published_a
    if told_a is not None and told_b is not None and abs(told_b - told_a) >= UPDATE_GAP:
        return told_b > told_a
    return None


def one_speaker(a: Claim, b: Claim) -> bool:
    """Both figures come from one named speaker ("governor Kravets says" / "governor Oleh Kravets said"; one
    organisation named alike), or from one office when one of them gives only its title ("Odesa's regional
    governor" / "the regional governor, Vadym Hrytsenko"): successive updates of the speaker's own count
    through the day, not two accounts at odds. "Ukraine's interior ministry" and "Russia's defence ministry"
    are two speakers, and so are two outlets' "the regional governor" (a title alone names no one)."""
    name_a, office_a = _speaker(a)
    name_b, office_b = _speaker(b)
    if name_a or name_b:
        return name_a == name_b or (not (name_a and name_b) and office_a is not None and office_a == office_b)
    return False


def told_at_other_hours(a: Claim, b: Claim) -> bool:
    """Each figure is stamped with the hour it was given at, and the hours differ ("At 9:40 the governor
    reported two dead", "by 13:20 the figures stood at four dead", "As of 19:00, six people have died"):
    a count read at two hours of the day, not two accounts at odds. An hour the event happened at ("hit a
    market at about 8:15 a.m.") stamps no figure."""
    hour_a, hour_b = report_hour(a) or _outage_hour(a), report_hour(b) or _outage_hour(b)
    return hour_a is not None and hour_b is not None and hour_a != hour_b


_WITHOUT_SUPPLY = re.compile(r"\b(?:without|no|lost|cut\w*|restor\w*|back)\s+(?:\w+\s+){0,2}?(?:power|electricity|heat\w*|"
                             r"water|supply|supplies)\b", re.I)


def _outage_hour(claim: Claim) -> Optional[tuple[int, int]]:
    """The one hour a count of homes without power was read at (`_OPENING_HOUR`, a bound, or just after the outage's
    words): such a count is a state read at an hour ("At 6 a.m., about 520,000 households … were without electricity"
    / "about 240,000 households … were still without power at 1 p.m."), so two of its hours are two readings, not two
    accounts."""
    supply = _WITHOUT_SUPPLY.search(claim.text)
    if supply is None or not any((m := measure(claim, q)) is not None and m.event == "outage" for q in claim.quantities):
        return None
    times = {(t.minutes // 60, t.minutes % 60) for t in clock_times(claim.text)
             if not t.zone and (t.bound or _OPENING_HOUR.match(claim.text[:t.span[0]])
                                or 0 <= t.span[0] - supply.end() <= _HOUR_REACH)}
    return times.pop() if len(times) == 1 else None


# the hour a count was read at, not the hour its cause happened ("a fire … at 2:10 p.m. left 50,000 homes without
# power"): one opening the sentence ("At 6 a.m., about 520,000 households …"), one given as a bound ("as of 8 p.m."),
# or one just after the words of the outage ("… were still without power at 1 p.m.")
_OPENING_HOUR = re.compile(r"^\s*(?:at|by|as\s+of)\s+(?:about\s+|around\s+)?$", re.I)
_HOUR_REACH = 12  # characters from the outage's words to the hour


# the hour a figure was given at: "as of 19:00", "by 13:20", "At 9:40 the governor reported", "… wrote on
# Telegram at 12:40"
_HOUR = r"([01]?\d|2[0-3]):([0-5]\d)\b"
_REPORT_HOUR = re.compile(
    rf"\bas of\s+{_HOUR}"
    rf"|\bby\s+{_HOUR}\s*,?\s+(?:the\s+)?(?:figures?|toll|count|number)\b"
    rf"|\bat\s+{_HOUR}(?:\s*[ap]\.?m\b\.?)?\s*,?\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s+(?:reported|wrote|posted|told)\b"
    rf"|\b(?:wrote|posted|updated)\b[^.;\d]{{0,40}}?\bat\s+{_HOUR}"
    # "The regional military administration's first update, at 6.10am, reported two people killed"
    r"|\bupdate\s*,?\s+at\s+([01]?\d|2[0-3])[.:]([0-5]\d)", re.I)


def report_hour(claim: Claim) -> Optional[tuple[int, int]]:
    """The hour `claim`'s figures were given at (`told_at_other_hours`), or None; "at 9:40 pm" is 21:40 and "at
    12:30 am" 0:30."""
    m = _REPORT_HOUR.search(claim.text)
    if m is None:
        return None
    first = next(i for i in range(1, (m.re.groups or 0) + 1) if m.group(i) is not None)
    hour, minute = int(m.group(first)), int(m.group(first + 1))
    half = _HALF_OF_DAY.match(claim.text, m.end(first + 1))
    if half is not None and hour <= 12:
        hour = hour % 12 + (12 if half.group(1).lower() == "p" else 0)
    return hour, minute


_HALF_OF_DAY = re.compile(r"\s*([ap])\.?m\b\.?", re.I)


# words of a person's title, not of the name ("Zaporizhzhia Oblast Military Administration Head Yurii Marchuk")
_TITLE_WORDS = frozenset("""the a regional region oblast city town district military civil administration
head chief governor mayor deputy spokesman spokeswoman spokesperson minister president commander secretary
police officer official general staff acting""".split())
# offices that give a town's or a region's toll: one holder each (two ministers are two speakers)
_OFFICES = ("governor", "mayor", "head")


def _speaker(claim: Claim) -> tuple[Optional[str], Optional[str]]:
    """The speaker's name (a person's surname, an organisation's words) and office ("governor", "mayor"), each
    when the attribution gives it. The name is read from the first comma-separated part naming someone: in
    "Oleh Syniehubov, head of the Kharkiv regional administration" the name, in "The regional governor, Andrii
    Sytnyk" the second part."""
    source = (claim.attribution.source or "").strip()
    kind = claim.attribution.kind
    if kind == "named_organization":
        if (office := _administration_office(source)) is not None:
            return None, office
        head = re.split(r"[,(]", source)[0].split()
        return " ".join(w for w in (t.lower() for t in head) if w != "the") or None, None
    if kind not in ("named_person", "vague"):
        return None, None
    words = re.findall(r"[\w'’-]+", source)
    office = next((w.lower() for w in reversed(words) if w.lower() in _OFFICES), None)
    if office == "head":
        # a Ukrainian region's governor heads its (military) administration, a city's mayor the city's
        office = "governor" if re.search(r"\b(?:regional|region|oblast)\b", source, re.I) \
            else "mayor" if re.search(r"\b(?:city|town)\b", source, re.I) else None
    if kind == "vague":
        return None, office
    for part in re.split(r"[,(]", source):
        named = [w for w in re.findall(r"[\w'’-]+", part)
                 if w[:1].isupper() and w.lower() not in _TITLE_WORDS and not re.search(r"['’]s$", w)]
        if named:
            return named[-1].lower(), office
    return None, office


# "the regional administration", "the Odesa Regional Military Administration" (a governor heads his region's); "the
# city administration" (a mayor's; a city's military administration has a head of its own: Kyiv's is not Klitschko).
# An occupation authority ("the Russian-installed regional administration") is no Ukrainian governor's office
_ADMINISTRATION = re.compile(
    r"^(?:the\s+)?(?:(?-i:[A-Z][\w'’]*)(?:['’]s)?\s+)?"
    r"(?:(?P<region>regional|region['’]s|region|oblast)\s+(?:military\s+|civil(?:-military)?\s+|state\s+)?"
    r"|(?P<city>city|city['’]s|town|town['’]s)\s+)administration$", re.I)


def _speaker_countries(claim: Claim) -> frozenset[str]:
    """The countries the claim's speaker names ("Russia's defence ministry", "the Ukrainian air force")."""
    from claimdesk.extraction.places import country_of_name

    source = claim.attribution.source if claim.attribution.kind != "none" else None
    return frozenset(c for w in re.findall(r"\b[A-Z][a-z]{2,}", source or "") if (c := country_of_name(w)))


def _administration_office(source: str) -> Optional[str]:
    """The office speaking for a Ukrainian region's or city's administration: its governor or mayor heads it
    ("In total, nine people were injured, according to the regional administration" is the governor's count)."""
    m = _ADMINISTRATION.match(source.strip())
    if m is None:
        return None
    return "governor" if m.group("region") else "mayor"


def _number_conflict(a: Claim, b: Claim, ca: dict[str, list[Quantity]], cb: dict[str, list[Quantity]],
                     told_apart: Callable[[str, Quantity, Quantity, Measure, Measure], bool] = lambda *_: False
                     ) -> Optional[Disagreement]:
    for unit in sorted(ca.keys() & cb.keys()):
        for x in ca[unit]:
            for y in cb[unit]:
                if overlap(x, y) and not (_reached(a, x) or _reached(b, y)):
                    continue
                if _replaced(a, x, b) or _replaced(b, y, a):
                    continue
                mx, my = measure(a, x), measure(b, y)
                if mx is None or my is None or not mx.same_quantity(my) or told_apart(unit, x, y, mx, my):
                    continue
                if not figures_apart(a, x, b, y, mx.event):
                    continue
                if _grown_past(a, x, mx, b, y) or _grown_past(b, y, my, a, x) \
                        or _grown_on(a, x, mx, b, y) or _grown_on(b, y, my, a, x):
                    continue
                if _moved_from(a, x, y) or _moved_from(b, y, x) or _earlier_lower_tolls(a, x, mx, b, y, my) \
                        or _remaining_of_the_cut(a, x, b, y, mx):
                    continue
                if _breakdown_item(a, ca[unit], x, mx) or _breakdown_item(b, cb[unit], y, my) \
                        or _one_of_a_list(a, ca[unit], mx) or _one_of_a_list(b, cb[unit], my):
                    continue
                if any(overlap(x2, y) for x2 in ca[unit] if x2 is not x and (m := measure(a, x2)) and _also_states(a, x2, m, my)) \
                        or any(overlap(x, y2) for y2 in cb[unit] if y2 is not y and (m := measure(b, y2)) and _also_states(b, y2, m, mx)):
                    continue  # one mention states the other's figure too ("$22 in stock" of an "$82 offer")
                if _included(a, y) or _included(b, x):
                    continue
                if _apart(a, b):
                    return None
                counted = mx.counted if mx.counted == my.counted else f"{mx.counted} / {my.counted}"
                what = f"{mx.thing}{' of ' + mx.of if mx.of else ''}{' ' + mx.event if mx.event else ''} ({counted})"
                return Disagreement("number", f"{x.text} vs {y.text}", what, (x.span, y.span))
    return _part_over_whole(a, b, ca, cb, told_apart) or _part_over_whole(
        b, a, cb, ca, lambda unit, x, y, mx, my: told_apart(unit, y, x, my, mx), swap=True)  # the pair's order kept


# counts of what happened that "up to N" tells as the figure reached (`measures.reached_interval`)
_REACHED_EVENTS = frozenset({"kill", "injure", "outage", "evacuate"})
# what could be or would be: "up to 40,000 households could lose power if the strike goes ahead"
_COULD_BE = re.compile(r"\b(?:could|would|might|may|will|can|if|expects?|expected|plans?|planned|face|faces)\b", re.I)


def _reached(claim: Claim, q: Quantity) -> bool:
    return q.qualifier == "up_to" and reached_interval(q) != interval(q) and not _COULD_BE.search(claim.text)


def figures_apart(a: Claim, x: Quantity, b: Claim, y: Quantity, event: Optional[str]) -> bool:
    """`x` and `y` cannot both be right: their intervals do not meet, a toll's, an outage's or an evacuation's "up to
    N" told of what happened read as the figure reached ("about 12,000" / "up to 40,000" households without heating;
    not "up to 40,000 households could lose power", nor "tickets cost up to $250" / "$95")."""
    (x0, x1) = reached_interval(x) if event in _REACHED_EVENTS and _reached(a, x) else interval(x)
    (y0, y1) = reached_interval(y) if event in _REACHED_EVENTS and _reached(b, y) else interval(y)
    return not (x0 <= y1 and y0 <= x1)


# kinds of people counted that are some of the people a toll counts: more of them than people is no toll's part
PART_OF = {"resident": "people", "civilian": "people", "children": "people"}


def _part_over_whole(a: Claim, b: Claim, ca: dict[str, list[Quantity]], cb: dict[str, list[Quantity]],
                     told_apart: Callable[[str, Quantity, Quantity, Measure, Measure], bool] = lambda *_: False,
                     swap: bool = False) -> Optional[Disagreement]:
    """`a` counts more of a kind of people (`PART_OF`: residents, civilians, children) harmed in one event
    than `b` counts people: "Six residents died" / "four people were killed" cannot both be right, while "two
    civilians" among "four people" can."""
    for part, whole in PART_OF.items():
        for x in ca.get(part, ()):
            for y in cb.get(whole, ()):
                if interval(x)[0] <= interval(y)[1] or _replaced(a, x, b) or _replaced(b, y, a):
                    continue
                mx, my = measure(a, x), measure(b, y)
                if mx is None or my is None or mx.event != my.event or mx.event is None or mx.of != my.of \
                        or mx.window != my.window or told_apart(part, x, y, mx, my) or _apart(a, b):
                    continue
                what = f"{my.thing} {my.event} ({mx.counted} / {my.counted})"
                spans = (y.span, x.span) if swap else (x.span, y.span)
                return Disagreement("number", f"{y.text} vs {x.text}" if swap else f"{x.text} vs {y.text}", what, spans)
    return None


# a figure its sentence tells as an earlier one, since replaced: "Marchuk initially reported two killed",
# "officials had earlier put the toll at two", "up from his early-morning figure of three dead"
_SUPERSEDED = re.compile(r"\b(?:(?:initially|originally)\s+(?:reported|said|put|gave|counted|told)|"
                         r"earlier\s+(?:reported|said|put|gave)|"
                         r"had\s+(?:earlier|initially|first|previously)\s+(?:reported|said|put|given|counted)|"
                         # "Earlier in the day, the governor had reported one dead and seven injured"
                         r"^\W*earlier\s+(?:in\s+the\s+day|(?:on\s+)?(?:today|this\s+morning|on\s+\w+day))\b[^;.]*?\bhad\s+"
                         r"(?:reported|said|put|given|counted)|"
                         # "In the morning, the administration had reported three dead and 14 injured"; "Earlier in
                         # the afternoon officials had counted seven dead": the reading of an earlier hour
                         r"^\W*(?:earlier\s+)?in\s+the\s+(?:morning|afternoon|night)\b[^;.]*?\bhad\s+"
                         r"(?:reported|said|put|given|counted)|"
                         # "The regional military administration's first update, at 6.10am, reported two people killed"
                         r"\bfirst\s+(?:update|report|count|figures?)\b(?:[^;.]|\.(?=\d))*?\b(?:reported|said|put|gave|counted)|"
                         r"up\s+from|down\s+from|revised\s+\w+\s+from)\b", re.I)
_CLAUSE_END = re.compile(r"[;:.!?]\s")
# what turns to the figure that replaced it: "initially said two … but now say 12"
_REPLACED_BY = re.compile(r"\b(?:but|now|later|while|whereas)\b", re.I)


def superseded(claim: Claim, q: Quantity) -> bool:
    """`q` is told as a figure given earlier and since replaced (`_SUPERSEDED` in its clause, before it, with
    no "but now" between): it disagrees with no later figure."""
    if (before := _text_before(claim, q)) is None:
        return False
    ends = [m.end() for m in _CLAUSE_END.finditer(before)]
    marks = list(_SUPERSEDED.finditer(before, ends[-1] if ends else 0))
    return bool(marks) and not _REPLACED_BY.search(before, marks[-1].end())


def _replaced(claim: Claim, q: Quantity, other: Claim) -> bool:
    """`q` is a figure since replaced (`superseded`) by the figure `other` gives: not when another speaker gives that
    ("The Defence Ministry had earlier reported that 14 drones were destroyed" against the governor's nine: two
    offices at odds, not one count revised)."""
    return superseded(claim, q) and not _told_by_two(claim, other)


def _grown_past(claim: Claim, q: Quantity, mq: Measure, other: Claim, lower: Quantity) -> bool:
    """`claim` tells its toll `q` as the count grown to ("the death toll in Chuhuiv has risen to five, Governor
    Kostenko says"), and `other` gives a lower figure of it that is the count before it grew: the same speaker's
    ("Marchenko says the number of injured has risen to 31" before his 46), or one no one is named for (the
    outlet's own "By 18:30 the number of injured had risen to 31"; "Early reports say … killing three people").
    A lower toll someone else gives ("The Israeli military said 20 people were killed", "Police said 12 …", "the
    governor said", the mayor's "had risen to nine") is a rival account still."""
    if mq.event not in _GROWING_TOLLS or interval(lower)[1] >= interval(q)[0] or not _told_grown(claim, q):
        return False
    return one_speaker(claim, other) or (other.attribution.kind in ("none", "vague") and _speaker(other) == (None, None))


def _grown_on(claim: Claim, q: Quantity, mq: Measure, other: Claim, higher: Quantity) -> bool:
    """`claim` tells its toll `q` as the count grown to ("the regional military administration said the death toll in
    Poltava had risen to seven"), and `other` gives a higher figure of it from the same office ("At least nine
    people were killed in Poltava, according to the regional administration"): the office's count grown on, read
    later, not two accounts. Another office's higher figure (the mayor's twelve) is still a rival account."""
    if mq.event not in _GROWING_TOLLS or interval(higher)[0] <= interval(q)[1] or not _told_grown(claim, q):
        return False
    (name, office), (other_name, other_office) = _speaker(claim), _speaker(other)
    # one office by the same words: no name or place told apart ("Kharkiv's governor" / "the Belgorod governor"),
    # not a city's military administration beside its mayor
    return office is not None and office == other_office and name == other_name \
        and _office_words(claim) == _office_words(other)


def _office_words(claim: Claim) -> tuple[frozenset[str], bool]:
    """The capitalised words of a speaker's title (towns, regions) and whether it is a military administration."""
    source = claim.attribution.source or ""
    words = frozenset(w.lower() for w in re.findall(r"\b[A-Z][\w'’-]*", source)) - _TITLE_CAPITALS
    return words, bool(re.search(r"\bmilitary\b", source, re.I) and re.search(r"\b(?:city|town)\b", source, re.I))


_TITLE_CAPITALS = frozenset({"the", "regional", "region", "oblast", "military", "administration", "city", "town",
                             "governor", "mayor", "head", "state", "civil"})


def _earlier_lower_toll(claim: Claim, q: Quantity, mq: Measure, later: Quantity) -> bool:
    """`q`, a toll of the dead or the injured told as an earlier hour's reading (`superseded`: "In the morning, the
    administration had reported three dead and 14 injured"), is lower than the other's: the toll grew since, whoever
    gives the later figure (the emergency service's evening 11). An earlier reading higher than another party's
    figure is still at odds with it."""
    return mq.event in _GROWING_TOLLS and interval(q)[1] < interval(later)[0] and superseded(claim, q)


def _earlier_lower_tolls(a: Claim, x: Quantity, mx: Measure, b: Claim, y: Quantity, my: Measure) -> bool:
    """`_earlier_lower_toll` either way, unless the two readings' hours put the earlier one after the other ("In the
    afternoon, the administration had reported three dead" after "At 6 a.m., the service said 11": a toll does not
    fall)."""
    if _earlier_lower_toll(a, x, mx, y):
        early, other = a, b
    elif _earlier_lower_toll(b, y, my, x):
        early, other = b, a
    else:
        return False
    hour_early, hour_other = _reading_hour(early), _reading_hour(other)
    return hour_early is None or hour_other is None or hour_early < hour_other


def _reading_hour(claim: Claim) -> Optional[int]:
    """The hour of the day a toll was read at, from a clock time ("At 6 a.m.", "as of 19:00") or a part of the day
    opening the sentence ("In the morning", "In the afternoon", "In the evening")."""
    if (hour := report_hour(claim)) is not None:
        return hour[0]
    times = [t for t in clock_times(claim.text) if not t.zone and _OPENING_HOUR.match(claim.text[:t.span[0]])]
    if times:
        return times[0].minutes // 60
    m = _PART_OF_DAY.match(claim.text)
    return _PART_HOURS[m.group(1).lower()] if m else None


_PART_OF_DAY = re.compile(r"\W*(?:earlier\s+)?in\s+the\s+(morning|afternoon|evening|night)\b", re.I)
_PART_HOURS = {"morning": 9, "afternoon": 15, "evening": 19, "night": 23}


def _remaining_of_the_cut(a: Claim, x: Quantity, b: Claim, y: Quantity, measured: Measure) -> bool:
    """Of two counts of homes without power, one is told as what remains ("about 9,000 households … are still
    without power", the word in the figure's own phrase), the other as a cut ("cutting electricity to about 42,000
    households", "lost power") and is higher: the cut and what is left of it after repairs, two readings whoever
    gives them. More homes still without power than were cut off, two counts told alike, and a count still without
    power read at the cut's hour or before it are at odds."""
    if measured.event != "outage":
        return False
    left_a, left_b = _told_remaining(a, x), _told_remaining(b, y)
    if left_a == left_b:
        return False
    (left, left_claim), (cut, cut_claim) = ((x, a), (y, b)) if left_a else ((y, b), (x, a))
    if not _TOLD_AS_CUT.search(cut_claim.text) or interval(left)[1] >= interval(cut)[0]:
        return False
    hour_left, hour_cut = report_hour(left_claim) or _outage_hour(left_claim), \
        report_hour(cut_claim) or _outage_hour(cut_claim)
    return hour_left is None or hour_cut is None or hour_left > hour_cut


def _told_remaining(claim: Claim, q: Quantity) -> bool:
    """The figure's own phrase, from the figure to the words of the outage, tells what remains: "about 9,000
    households in the Bohunskyi district are still without power", "9,000 homes remained without electricity" (not
    a sentence's "Still, the storm left …")."""
    at = _offsets(claim, q)
    if at is None:
        return False
    phrase = claim.text[at[1]:at[1] + _REMAINING_REACH]
    supply = _WITHOUT_SUPPLY.search(phrase)
    return supply is not None and bool(_STILL_OR_REMAINING.search(phrase, 0, supply.start()))


_REMAINING_REACH = 90  # characters after a figure its outage's words may open within
_STILL_OR_REMAINING = re.compile(r"\b(?:still|remain\w*)\b", re.I)
_TOLD_AS_CUT = re.compile(r"\b(?:lost|los(?:e|es|ing)|cut\w*|left|leaving|leaves|knock\w*\s+out|plunged|disconnected|"
                          r"de-?energi[sz]ed)\b", re.I)


def _moved_from(claim: Claim, q: Quantity, earlier: Quantity) -> bool:
    """`claim` gives, as the next figure after `q`, the figure the count moved from, and it is `earlier`'s: "About
    8,000 households in the city were still without power this evening, down from 60,000 this morning" tells the
    60,000 another page gives as the same count's earlier reading, not a rival. Not a figure of another count ("up
    from 20 injured" after "Twelve people were killed") nor of another period or event ("up from 12 in last year's
    hurricane")."""
    if q.span is None:
        return False
    after = sorted((f for f in claim.quantities if f is not q and f.span is not None and f.span[0] >= q.span[1]),
                   key=lambda f: f.span)
    if not after:
        return False
    f = after[0]
    before, at = _text_before(claim, f), _offsets(claim, f)
    if before is None or at is None or not _FROM_BEFORE.search(before) or not overlap(f, earlier):
        return False
    if f.unit is not None and unit_class(f) != unit_class(q):
        return False
    clause = _CLAUSE_END.split(claim.text[at[1]:], maxsplit=1)[0]
    return not _OTHER_PERIOD.search(clause)


_FROM_BEFORE = re.compile(r"\b(?:down|up)\s+from\s+(?:(?:some|about|around|roughly|nearly|almost|more\s+than|over|"
                          r"at\s+least|the|a|its|their)\s+)*$", re.I)
# a figure "up from" told of another period or event: not the count's earlier reading
_OTHER_PERIOD = re.compile(r"\b(?:last|previous|prior|a\s+year\s+ago|years?\s+earlier|in\s+(?:19|20)\d\d|"
                           r"(?:19|20)\d\d)\b", re.I)


def _told_grown(claim: Claim, q: Quantity) -> bool:
    """`q` follows a word of growing in its clause: "has risen to five", "climbed to more than 20,000"."""
    before = _text_before(claim, q)
    return before is not None and bool(_GROWN_TO.search(before))


_GROWN_TO = re.compile(r"\b(?:risen|rose|grown|grew|increased|climbed|jumped)\s+to\s+$", re.I)


def _told_by_two(a: Claim, b: Claim) -> bool:
    """Each claim's speaker is known (`_speaker`) and they are two: neither their names' last words nor their
    offices agree ("the ministry" and "Russia's defence ministry" are one)."""
    (name_a, office_a), (name_b, office_b) = _speaker(a), _speaker(b)
    if not (name_a or office_a) or not (name_b or office_b):
        return False
    if office_a and office_a == office_b:
        return False
    last_a, last_b = (name_a or "").split()[-1:], (name_b or "").split()[-1:]
    return not (last_a and last_a == last_b)


def _included(claim: Claim, q: Quantity) -> bool:
    """`claim` gives `q`'s figure as a part of its own count ("destroyed 41 Ukrainian drones overnight,
    including 17 over Crimea" of "destroyed 17 drones over Crimea"): the part is no rival of the whole."""
    return any(math.isclose(f.value, q.value, rel_tol=1e-6) and f.span is not None
               and (f.unit is None or f.unit == q.unit or f.unit.lower() in _NO_NOUN)
               and _INCLUDING.search(claim.text[:f.span[0] - claim.span[0]]) for f in claim.quantities)


# words the reading takes for a figure's noun where the figure has none of its own ("including 17 over Crimea")
_NO_NOUN = frozenset({"over", "in", "on", "at", "near", "from", "of", "across", "around"})
_INCLUDING = re.compile(r"\b(?:including|among them|of them|of which)\s+(?:some\s+|about\s+|at least\s+)?$", re.I)


def _breakdown_item(claim: Claim, figures: Sequence[Quantity], q: Quantity, mine: Measure) -> bool:
    """`q` is one item of a breakdown by kind its claim gives: another figure of the claim measures the same
    quantity, and each names its own kind before the noun ("launched four Iskander-M ballistic missiles from
    Kursk Oblast, two Kh-101 cruise missiles …": the four are some of the night's six, not another count of
    them), whichever deed the reading gave each (`_one_thing`). Two figures of one kind ("12 million
    iPhones in China and 3 million iPhones in India", "Ukraine said 12 were killed, while Russia said 5")
    are no breakdown."""
    mine_kind = _kind_words(claim, q)
    return bool(mine_kind) and any(
        f is not q and not overlap(f, q) and (theirs := _kind_words(claim, f)) and theirs != mine_kind
        and (m := measure(claim, f)) is not None
        and (m.same_quantity(mine) or (_one_thing(m, mine) and _listed_together(claim, q, f))) for f in figures)


LIST_PARTS = 2  # parts told by their places after a figure that make it the first item of a list


def _one_of_a_list(claim: Claim, figures: Sequence[Quantity], mine: Measure) -> bool:
    """`mine` opens a list of parts told by their places, with no word making it their whole ("22 drones were destroyed
    over the Kursk region, 16 over the Saratov region, 14 over the Belgorod region"): the reading gives the later items
    their regions (each compared as that region's count) but not the first, which is no count of the whole night."""
    if mine.scope or mine.part or _PARTS_NAMED.search(claim.text):
        return False  # "47 drones overnight, including 19 over the Belgorod region, …": 47 is the whole
    parts = [f for f in figures if (m := measure(claim, f)) is not None and m.thing == mine.thing
             and m.event == mine.event and m.part and m.scope]
    return len(parts) >= LIST_PARTS


_PARTS_NAMED = re.compile(r"\b(?:including|of\s+which|among\s+them|of\s+them|of\s+these)\b", re.I)


def _one_thing(a: Measure, b: Measure) -> bool:
    """Two figures of one thing (missiles, of the same owner) whose deeds the reading of the sentence
    told apart: items of one breakdown still ("attacked … with four Iskander-M ballistic missiles and two
    Kh-59 guided missiles, as well as 43 drones, 31 of which were shot down" lent "shot" to the four)."""
    return a.thing is not None and a.thing == b.thing and a.of == b.of


def _listed_together(claim: Claim, q: Quantity, f: Quantity) -> bool:
    """Two items of one list: between the first's noun and the second figure only "and", a comma, "plus" or
    "as well as" ("four Iskander-M ballistic missiles and two Kh-59 guided missiles"; not "arrested 40
    Chelsea fans and injured 3 Arsenal fans")."""
    first, second = sorted((q, f), key=lambda x: x.span or (0, 0))
    if first.span is None or second.span is None or not first.unit:
        return False
    start, end = first.span[1] - claim.span[0], second.span[0] - claim.span[0]
    m = re.match(r"\s+(?:[\w'’-]+\s+){0,3}?" + re.escape(first.unit) + r"\b", claim.text[start:end])
    return m is not None and re.fullmatch(r"\s*,?\s*(?:and|plus|as well as)?\s*", claim.text[start + m.end():end]) is not None


def _kind_words(claim: Claim, q: Quantity) -> str:
    """The words between a figure and the noun it counts ("Iskander-M ballistic" of "four Iskander-M ballistic
    missiles"), lower case; empty when the noun follows the figure."""
    end = q.span[1] - claim.span[0] if q.span else -1
    if not q.unit or not 0 <= end <= len(claim.text):
        return ""
    m = re.match(r"\s+((?:[\w'’-]+\s+){1,3}?)" + re.escape(q.unit) + r"\b", claim.text[end:end + 80])
    return m.group(1).strip().lower() if m else ""


def _also_states(claim: Claim, q: Quantity, mine: Measure, theirs: Measure) -> bool:
    """`q` of `claim` is the other mention's figure: the same quantity, or, inside a parenthesis of a
    list of several parties' figures, the same thing counted in the same event whoever the parse gives
    it to ("the Orioles (seven years, $140-$150 million) and Nationals (eight years, $160 million)"
    states the Nationals' "$160 million offer")."""
    return mine.same_quantity(theirs) or (_in_parenthesis(claim, q) and mine.counts_as(theirs))


def _in_parenthesis(claim: Claim, q: Quantity) -> bool:
    before = _text_before(claim, q)
    return before is not None and before.rfind("(") > before.rfind(")")


_SPANS_MIDNIGHT = re.compile(r"\b(?:night|overnight|midnight|evening|late|early|dawn|pre-dawn)\b", re.I)


def _days_apart(a: str, b: str) -> Optional[int]:
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except ValueError:
        return None


def date_conflict(a: Claim, b: Claim) -> Optional[Disagreement]:
    da, db = named_day(a), named_day(b)
    if not (da and db) or da == db:
        return None
    if a.when.text.strip().lower() == b.when.text.strip().lower():
        return None  # both write "Friday": the days differ only by the publication dates they were read from
    if _days_apart(da, db) == 1 and (_SPANS_MIDNIGHT.search(a.text) or _SPANS_MIDNIGHT.search(b.text)):
        return None  # "Tuesday night" and "overnight into Wednesday" are one night
    fa, fb = frame_at(a, a.when.span, a.when.text), frame_at(b, b.when.span, b.when.text)
    if fa is None or fb is None or not fa.same_event(fb):
        return None
    event = f"{fa.predicate} {', '.join(sorted(fa.arguments & fb.arguments))}"
    return Disagreement("date", f"{a.when.text} ({da}) vs {b.when.text} ({db})", f"date of {event}",
                        (a.when.span, b.when.span))


# one event's verbs of the clock in other words: "reopened at 8 a.m." / "resumed operations at 6:30 a.m."
_CLOCKED = {"reopen": "resume", "resume": "resume", "restart": "resume", "start": "begin", "begin": "begin",
            "commence": "begin", "finish": "end", "end": "end", "conclude": "end"}
_ORDINAL = re.compile(r"\b(?:first|last|second|third|final|next|previous|earlier|later)\b", re.I)
_UNREAD_HOUR = re.compile(r"\b(?:midnight|noon|midday)\b", re.I)  # hours the clock parse does not read
_CLOCK_MARK = re.compile(r"\d[:.]\d\d|\d\s?[ap]\.?m\b", re.I)  # a cheap look before the clock parse
# clock times of one event told this far apart are two accounts of it ("reopened at 8 a.m." / "resumed operations
# at 6:30 a.m."); closer, "about 3:30" and "shortly after 3" are one time told loosely
CLOCK_GAP_MINUTES = 45


def time_conflict(a: Claim, b: Claim) -> Optional[Disagreement]:
    """Each mention gives one clock time of its event, neither as a bound ("until 10:15", "as of 19:30"), for
    one event (its predicate or a core argument shared: "Rzeszów airport reopened at 8 a.m." / "Rzeszów airport
    resumed operations at 6:30 a.m."), at least CLOCK_GAP_MINUTES apart. A mention giving a figure is left
    out: its clock is the count's ("At 6 a.m., 520,000 households were without power" / "380,000 at 9 a.m.")."""
    ta, tb = _event_clock(a), _event_clock(b)
    if ta is None or tb is None or ta.zone != tb.zone:
        return None  # "7 a.m. local time" and "04:00 GMT" may be one hour
    gap = abs(ta.minutes - tb.minutes)
    if min(gap, 24 * 60 - gap) < CLOCK_GAP_MINUTES:
        return None
    if {w.lower() for w in _ORDINAL.findall(a.text)} != {w.lower() for w in _ORDINAL.findall(b.text)}:
        return None  # "the first train left at 6:15" / "the last train left at 11:40"
    fa, fb = (frame_at(c, (c.span[0] + t.span[0], c.span[0] + t.span[1]), t.text) for c, t in ((a, ta), (b, tb)))
    if fa is None or fb is None or _CLOCKED.get(fa.predicate, fa.predicate) != _CLOCKED.get(fb.predicate, fb.predicate) \
            or not fa.arguments & fb.arguments - {"time"}:
        return None  # "voting began at 8 a.m." / "voting ended at 8 p.m.": two events of one thing
    event = f"{fa.predicate} {', '.join(sorted(fa.arguments & fb.arguments - {'time'}))}".strip()
    return Disagreement("date", f"{ta.text} vs {tb.text}", f"time of {event}",
                        ((a.span[0] + ta.span[0], a.span[0] + ta.span[1]), (b.span[0] + tb.span[0], b.span[0] + tb.span[1])))


def _event_clock(claim: Claim, counts: Optional[dict[str, list[Quantity]]] = None) -> Optional[ClockTime]:
    if (counted_figures(claim) if counts is None else counts) or not _CLOCK_MARK.search(claim.text) \
            or _UNREAD_HOUR.search(claim.text):
        return None
    times = clock_times(claim.text)
    return times[0] if len(times) == 1 and not times[0].bound else None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


# a town a route or a launch starts from or goes to: "the plane from Moscow to St Petersburg", "missiles fired from
# Belgorod"
_ROUTE_BEFORE = re.compile(r"\b(?:from|to|towards?|via|bound\s+for)\s+(?:the\s+)?$", re.I)


def _event_towns(claim: Claim) -> list[Place]:
    """The one town the claim's words tell its event happened in (not a route's end), or none."""
    towns = [p for p in own_places(claim, ("city",)) if p.span is None
             or not _ROUTE_BEFORE.search(claim.text, 0, max(0, p.span[0] - claim.span[0]))]
    return towns if len({p.name for p in towns}) == 1 else []


DISTRICT_KM = 15.0  # a listed "town" this near a bigger one may be one of its districts


def _part_of_town(part: Place, town: Place) -> bool:
    from claimdesk.extraction.gazetteer import gazetteer  # read only for two towns of one story's figures

    if None in (part.lat, part.lon, town.lat, town.lon) or \
            distance_km(part.lat, part.lon, town.lat, town.lon) > DISTRICT_KM:
        return False

    def population(p: Place) -> int:
        return max((e.population for e in gazetteer().lookup(p.name) if e.geonameid == p.geonameid), default=0)
    return population(part) < population(town)


def _cities(claim: Claim) -> list[Place]:
    return [p for p in claim.places if p.kind == "city" and p.lat is not None]


def _far(pa: list[Place], pb: list[Place]) -> bool:
    """No city of one is named by, or lies near, any city of the other."""
    if {p.name.lower() for p in pa} & {p.name.lower() for p in pb}:
        return False
    return min(distance_km(x.lat, x.lon, y.lat, y.lon) for x in pa for y in pb) > MAX_PLACE_KM


def place_conflict(a: Claim, b: Claim) -> Optional[Disagreement]:
    """Each mention places one event in one town or city, the same event, and the two lie far apart
    (a sentence that merely names two places places nothing)."""
    return _place_conflict(a, b, _cities(a), _cities(b))


def _place_conflict(a: Claim, b: Claim, pa: list[Place], pb: list[Place]) -> Optional[Disagreement]:
    if not pa or not pb or not _far(pa, pb):
        return None
    la, lb = located(a, pa), located(b, pb)
    if len(la) != 1 or len(lb) != 1:
        return None
    da, db = named_day(a), named_day(b)
    if da and db and da != db:
        return None
    x, y = la[0], lb[0]
    fa, fb = frame_at(a, x.span, x.name), frame_at(b, y.span, y.name)
    if fa is None or fb is None or not fa.same_event(fb):
        return None
    event = f"{fa.predicate} {', '.join(sorted(fa.arguments & fb.arguments))}"
    return Disagreement("place", f"{x.name} vs {y.name}", f"place of {event}", (x.span, y.span))


@dataclass
class _Facts:
    """What a mention can disagree on, worked out once per mention rather than once per pair."""

    counts: dict[str, list[Quantity]]
    day: bool
    cities: list[Place]
    clock: bool = False
    towns: tuple[Place, ...] = ()  # where its figures were counted: its own towns, else its page's setting
    towns_told: bool = False  # the towns are its own words', not its page's setting

    @classmethod
    def of(cls, claim: Claim) -> "_Facts":
        counts = counted_figures(claim)
        own = _event_towns(claim) if counts else []
        towns = own or ([p for p in claim.setting if p.kind == "city"] if counts else [])
        return cls(counts, named_day(claim) is not None, _cities(claim), _event_clock(claim, counts) is not None,
                   tuple(towns), bool(own))

    def counted_elsewhere(self, other: "_Facts") -> bool:
        """Each tells where its figures were counted, and no town is both's: "a drone hit a warehouse in Pisochyn,
        injuring two people" counts no one of the 38 injured in Kharkiv, whatever story both sit in. A town near a
        bigger one may be one of its districts (Saltivka, which the gazetteer lists as a town, beside Kharkiv), unless
        words name the smaller and only a page's setting the bigger (Pisochyn's own words beside a page set in
        Kharkiv)."""
        if not (self.towns and other.towns) or {p.name for p in self.towns} & {p.name for p in other.towns}:
            return False
        if self.towns_told != other.towns_told:  # only a page's setting may be a part of the town words name
            set_in, told = (other, self) if self.towns_told else (self, other)
            return not any(_part_of_town(part, town) for part in set_in.towns for town in told.towns)
        # two towns named alike, or two settings, may be a town and one of its districts ("killed by the strike on
        # Saltivka" / "killed … in Kharkiv")
        return not any(_part_of_town(a, b) or _part_of_town(b, a) for a in self.towns for b in other.towns)

    def may_conflict(self, other: "_Facts") -> bool:
        return bool(self.may_disagree_on_numbers(other) or (self.day and other.day) or (self.cities and other.cities)
                    or (self.clock and other.clock))

    def may_disagree_on_numbers(self, other: "_Facts") -> bool:
        return bool({PART_OF.get(u, u) for u in self.counts} & {PART_OF.get(u, u) for u in other.counts})


def find(evidence: Sequence[Evidence]) -> list[Contradiction]:
    """Contradictions between asserted mentions of different sources, and denials of the story."""
    denial = [is_denial(e.claim) for e in evidence]
    asserted = [e for e, d in zip(evidence, denial) if e.claim.polarity == "asserted" and not d]
    facts = [_Facts.of(e.claim) for e in asserted]

    def told_apart(unit: str, x: Quantity, y: Quantity, mx: Measure, my: Measure) -> bool:
        return any(_side_by_side(e.claim, f.counts.get(unit, ()), x, y, mx, my) for e, f in zip(asserted, facts))

    out: list[Contradiction] = []
    seen: set[tuple[str, str]] = set()
    for i, a in enumerate(asserted):
        fa = facts[i]
        for j in range(i + 1, len(asserted)):
            fb, b = facts[j], asserted[j]
            one_outlet = a.source == b.source
            if (one_outlet and not two_pages_two_speakers(a.claim, b.claim)) or not fa.may_conflict(fb):
                continue  # a pair that shares no kind of fact cannot disagree
            # one outlet's two pages disagree only on an extent two speakers give (its tolls are its updates)
            ca, cb = (_extents(fa.counts), _extents(fb.counts)) if one_outlet else (fa.counts, fb.counts)
            apart = _updates_apart(told_apart, a.claim, b.claim) if one_speaker(a.claim, b.claim) \
                or told_at_other_hours(a.claim, b.claim) else told_apart
            for found in (_number_conflict(a.claim, b.claim, ca, cb,
                                           grown_since(apart, a.published, b.published, a.claim, b.claim,
                                                      a.told_at, b.told_at))
                          if fa.may_disagree_on_numbers(fb) and not fa.counted_elsewhere(fb) else None,
                          date_conflict(a.claim, b.claim) if fa.day and fb.day and not one_outlet else None,
                          time_conflict(a.claim, b.claim) if fa.clock and fb.clock and not one_outlet else None,
                          None if one_outlet else _place_conflict(a.claim, b.claim, fa.cities, fb.cities)):
                if found and (found.kind, found.detail) not in seen:
                    seen.add((found.kind, found.detail))
                    out.append(found.between(a.claim, b.claim))
    told = {e.claim.id: e.told_at for e in evidence}
    for d, is_d in zip(evidence, denial):
        if is_d:
            out.extend(denial_links(d.claim, [a.claim for a in asserted], lambda c: told.get(c.id)))
        if (own := appended_denial(d.claim)) is not None:
            # "…, a claim Kyiv disputes": the mention is the report and its denial; both spans are its own
            out.append(Contradiction(kind="denial", detail=f"{own.denier} denies: {d.claim.text[:160]}",
                                     quantity=None, mentions=[d.claim.id, d.claim.id],
                                     spans=[own.denial, own.denied]))
    return out


def two_pages_two_speakers(a: Claim, b: Claim) -> bool:
    """Two pages (of one outlet) each telling who gives its figure, and not the same one ("the service" / "the
    mayor"; "the State Emergency Service" and "Ukraine's State Emergency Service" are one), neither telling
    its figure as grown ("has spread to 3,000 square metres": the outlet's own update): what two accounts of
    an extent need when one outlet prints both."""
    if a.document_id == b.document_id or any(_GROWN.search(c.text) for c in (a, b)):
        return False
    sa, sb = (_speaker_words(c) for c in (a, b))
    return bool(sa and sb) and not (sa <= sb or sb <= sa)


_GROWN = re.compile(r"\b(?:spread|risen|rose|grown|grew|expanded|increased|climbed)\s+to\b", re.I)
_SPEAKER_FILLER = frozenset({"the", "a", "an", "of", "its", "their", "regional", "local", "city", "state", "national"})


def _speaker_words(claim: Claim) -> frozenset[str]:
    """The words naming the claim's speaker without a country's possessive or filler: "Ukraine's State
    Emergency Service" -> {"emergency", "service"}."""
    source = re.sub(r"\b[A-Z][\w-]*['’]s\s+", "", claim.attribution.source or "")
    return frozenset(w for w in re.findall(r"[a-z]+", source.lower()) if w not in _SPEAKER_FILLER)


def _extents(counts: dict[str, list[Quantity]]) -> dict[str, list[Quantity]]:
    return {u: qs for u, qs in counts.items() if u in EXTENT_UNITS}


def _updates_apart(told_apart: Callable[[str, Quantity, Quantity, Measure, Measure], bool], a: Claim, b: Claim
                   ) -> Callable[[str, Quantity, Quantity, Measure, Measure], bool]:
    """For two mentions of one speaker: a toll of the harmed is told apart too, since one official's count
    of the dead and the injured grows through the day ("two killed and nine injured" in the morning, "17
    injured" in the evening), and so is a count of homes without power one of them tells as what remains
    after repairs ("about 36,000 households … left without power" in the morning, "about 9,000 households
    remain without electricity" in the evening). A count that does not change (drones downed overnight:
    "87" / "78", both "Russia's defence ministry said"; two totals of homes left without power) still
    disagrees."""
    remaining = any(_REMAINING.search(c.text) for c in (a, b))

    def apart(unit: str, x: Quantity, y: Quantity, mx: Measure, my: Measure) -> bool:
        return mx.event in _GROWING_TOLLS or (mx.event == "outage" and remaining) or told_apart(unit, x, y, mx, my)
    return apart


_GROWING_TOLLS = frozenset({"kill", "injure"})
_REMAINING = re.compile(r"\b(?:remain(?:s|ed)?|still|restored)\b", re.I)


def _side_by_side(claim: Claim, figures: Sequence[Quantity], x: Quantity, y: Quantity, mx: Measure, my: Measure) -> bool:
    """`claim`, a mention of the story, states both figures as two finer quantities of the thing the
    pair counts, neither of them the pair's own: "Bush finished with 404 yards" and "… 52 catches for
    440 yards" disagree on his season's yards only until a third page writes "rushing for 404 yards …
    catching 52 passes for 440 yards". A mention whose figures are the pair's own quantity ("12
    killed and 18 injured" beside "12 killed" and "18 killed") settles nothing: the pair still
    disagree on the killed."""
    if len(figures) < 2:
        return False

    def measures_of(q: Quantity) -> list[Measure]:
        return [m for f in figures if math.isclose(f.value, q.value, rel_tol=1e-6)
                and (m := measure(claim, f)) is not None and m.thing == mx.thing]

    return any(not m1.same_quantity(mx) and not m2.same_quantity(my) and not m1.same_quantity(m2)
               for m1 in measures_of(x) for m2 in measures_of(y))


def denial_links(denial: Claim, asserted: Sequence[Claim],
                 told_at: Optional[Callable[[Claim], Optional[datetime]]] = None) -> list[Contradiction]:
    """The denial as a contradiction linked to the asserted mentions that state what it denies;
    none when it denies nothing the story asserts (the story's status is then left alone). `told_at`: when
    each was published, for a live page's posts (`denials.answered`)."""
    denied = denies(denial, asserted, told_at)
    if not denied:
        return []
    who = denial.attribution.source or (denial.actors[0] if denial.actors else "a party")
    return [Contradiction(kind="denial", detail=f"{who} denies: {denial.text[:160]}",
                          quantity=_denied_words(denial), mentions=[denial.id] + [c.id for c in denied],
                          spans=[denial.span] + [c.span for c in denied])]


def _denied_words(denial: Claim) -> Optional[str]:
    obj = denied_object(denial)
    return obj.text.strip() or obj.pointer


__all__ = ["Disagreement", "Evidence", "counted_figures", "date_conflict", "denial_links", "find", "is_denial", "named_day",
           "number_conflict", "place_conflict"]
