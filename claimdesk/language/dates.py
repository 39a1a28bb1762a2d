"""Date expressions in a document, resolved against its publication date.

`find_dates` scans the whole text with a small regex grammar (month names and abbreviations,
weekdays, day numbers, years, relative expressions such as "yesterday", "two days ago", "last
month", "earlier this year") and resolves each match with plain calendar arithmetic. We do not
hand the text to `dateparser.search_dates`: it splits "Oct. 3, 2024" into two wrong dates, reads
"In 2023, 18 soldiers" as 2023-10-18 and gives "in June" the base date's day. Owning the grammar
also tells us the granularity: a value is only as precise as the words that state it.

Conventions (news usage):
- A date without a year ("October 3", "in June") is the occurrence nearest to publication, a
  distance into the future counting double; a future cue earlier in its sentence ("will", "scheduled") picks the next
  one, and a weekday given with it ("Tuesday, October 15") picks the year that fits.
- A bare weekday ("on Tuesday") is the most recent such day on or before publication, unless a
  future cue precedes it in the sentence ("will meet Monday"); "last Tuesday" is strictly before
  publication, "next Tuesday" / "this coming Tuesday" strictly after, "this Tuesday" on or after.
- Weeks cannot be written as a day, month or year: "last week" and "two weeks ago" resolve to
  a month only when the whole calendar week (Monday to Sunday) lies in one month.
- Without a publication date only expressions carrying their own year are resolved.
- Parts of a period keep the period as their value and say the days they cover in `start`/`end`:
  "early March" (1-10), "mid-March" (11-20), "late March" (21-end), granularity `part_of_month`;
  "early 2025" (January-April), "mid-2025" (May-August), "late 2025" (September-December),
  "summer 2024" (June-August; spring March-May, autumn/fall September-November), granularity
  `season`. A day range ("February 6 to 7", "Feb. 6-7") is its first day, with `end`.
- Expressions anchored to another event ("a year earlier", "that day") are left out.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable, Optional

from claimdesk.language.calendar_words import MONTHS, WEEKDAYS
from claimdesk.language.numerals import ORDINALS, TEENS, TENS, UNITS
from claimdesk.models import Granularity, When

# counts of days, weeks, months ("two days ago", "a week ago")
_SMALL_NUMBERS = {"a": 1, "an": 1, **UNITS, **TEENS, "twenty": 20}

# Month names are matched case-sensitively (capitalised) so that "may" and "march" stay verbs.
_MON = (r"(?<![\w])(?:January|February|March|April|May|June|July|August|September|October|November|December"
        r"|(?:Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec)\.?|(?:Mar|Apr|Jun|Jul)\.)(?![\w])")
_MON_FULL = (r"(?<![\w])(?:January|February|March|April|May|June|July|August|September|October|November"
             r"|December|(?:Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|Mar|Apr|Jun|Jul)\.)(?![\w])")
_WD = (r"(?<![\w])(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
       r"|(?:Mon|Tues|Tue|Wed|Thurs|Thu|Fri|Sat|Sun)\.)(?![\w])")
_DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w])"
_DAYWORD = r"(?:thirty-first|twenty-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|" + \
    "|".join(sorted(ORDINALS, key=len, reverse=True)) + r")(?![\w-])"
_DAY = rf"(?:{_DAYNUM}|{_DAYWORD})"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?![\w])(?!,\d)(?!\.\d)"
_TENS = "|".join(TENS)
_UNITS = "|".join(UNITS)
_TEENS = "|".join(TEENS)
_YEAR_WORDS = (rf"(?:nineteen[\s-]+(?:(?:{_TENS})(?:[\s-]+(?:{_UNITS}))?|{_TEENS}|hundred)"
               rf"|two[\s-]+thousand(?:[\s-]+(?:and[\s-]+)?(?:{_TEENS}|{_UNITS}))?)(?![\w-])")
_YEAR_ANY = rf"(?:{_YEAR}|(?i:{_YEAR_WORDS}))"
_WD_LEAD = rf"(?:(?P<wd>{_WD}),?\s+)?"
_PART_OF_DAY = r"(?:\s+(?i:morning|afternoon|evening|night))?"
_EDGE_WORDS = r"(?i:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of)"
_EDGE = rf"(?:{_EDGE_WORDS}[\s-]+)?"
_EDGE_G = rf"(?:(?P<edge>{_EDGE_WORDS})[\s-]+)?"
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}

# A year written alone is only a year when it is not a count: "2000 people" is not a date.
_COUNTED_AFTER = re.compile(
    r"\s+(?:people|persons|troops|soldiers|men|women|children|workers|employees|jobs|members|"
    r"residents|refugees|civilians|points|shares|units|cars|vehicles|homes|houses|miles|"
    r"kilometers|kilometres|km|feet|meters|metres|tons|tonnes|barrels|acres|votes|deaths|cases|"
    r"dollars|euros|pounds|yen|rubles|officers|students|patients|pages|times|rounds|calories)\b",
    re.IGNORECASE,
)
_NOT_YEAR_BEFORE = re.compile(r"(?:[$€£¥#]|\b(?:No|Nos|Article|Art|Section|Sec|Flight|Route|"
                              r"Room|Resolution|Rule|Highway|page|pages|p|pp)\.?\s*)$")
# Words that may stand right before a bare month name: "in May", "Last June", "mid-March".
_MONTH_CUES = re.compile(
    r"(?:\b(?i:in|on|since|by|until|till|through|throughout|during|from|to|of|early|late|mid|"
    r"last|this|next|before|after|between|and|or|back|as|for|until|around|about|before|"
    r"beginning|end|middle|start|late|past|coming)[\s-]+)$"
)


def _month_of(token: str) -> int:
    return MONTHS[token.rstrip(".").lower()]


def _weekday_of(token: str) -> int:
    return WEEKDAYS[token.rstrip(".").lower()]


def _day_of(token: str) -> int:
    token = token.lower()
    if token[0].isdigit():
        return int(re.match(r"\d+", token).group())
    if token.startswith("twenty-"):
        return 20 + ORDINALS[token.split("-", 1)[1]]
    if token == "thirty-first":
        return 31
    return ORDINALS[token]


def _year_of(token: str) -> int:
    if token[0].isdigit():
        return int(token)
    words = re.split(r"[\s-]+", token.lower())
    if words[0] == "two":  # two thousand [and] N
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + sum(TEENS.get(w, UNITS.get(w, 0)) for w in rest)
    rest = words[1:]
    if rest == ["hundred"]:
        return 1900
    return 1900 + sum(TENS.get(w, TEENS.get(w, UNITS.get(w, 0))) for w in rest)


def _valid(y: int, m: int, d: int) -> Optional[date]:
    if 1 <= m <= 12 and 1 <= d <= monthrange(y, m)[1]:
        return date(y, m, d)
    return None


def _pick(candidates: list[int], here: int, tense: int) -> int:
    """The candidate (a day or month ordinal) the text most likely means, seen from `here`.

    A future cue picks the next occurrence on or after `here`. Otherwise the nearest wins, a
    future distance counting double: news mostly reports what happened, so "peaked in March"
    written in October is the March before, while "Nov. 5" written in October is the one ahead.
    (On TimeBank this scores 0.877; "always the past" scored 0.787.)
    """
    ahead = [c for c in candidates if c >= here]
    if tense > 0 and ahead:
        return min(ahead)
    return min(candidates, key=lambda c: (2 * (c - here) if c > here else here - c, c > here))


def _month_day_without_year(m: int, d: int, weekday: Optional[int], published: date,
                            tense: int) -> Optional[date]:
    """The year of a (month, day) given without one; a stated weekday picks the year it fits."""
    candidates = [c for y in (published.year - 1, published.year, published.year + 1)
                  if (c := _valid(y, m, d))]
    if weekday is not None:
        fitting = [c for c in candidates if c.weekday() == weekday]
        if fitting:
            candidates = fitting
    if not candidates:
        return None
    return date.fromordinal(_pick([c.toordinal() for c in candidates], published.toordinal(), tense))


def _nearest_month(month: int, published: date, tense: int) -> tuple[int, int]:
    """(year, month) of a month named without a year."""
    here = published.year * 12 + published.month - 1
    options = [y * 12 + month - 1 for y in (published.year - 1, published.year, published.year + 1)]
    chosen = _pick(options, here, tense)
    return chosen // 12, chosen % 12 + 1


# A future cue earlier in the same sentence: "will meet Monday", "is scheduled for Dec. 7".
_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|'ll|scheduled|slated|upcoming|expected\s+to|set\s+to|plans?\s+to|"
    r"going\s+to)\b", re.IGNORECASE)


def _tense(text: str, start: int) -> int:
    """+1 if the words before `start` in its sentence look ahead, else 0 (unknown).

    Past-tense cues were tried and left out: a regex cannot tell "expected" from "ended".
    """
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), start - 200)
    return 1 if _FUTURE_CUE.search(text, sentence_start, start) else 0


def _day_value(d: date) -> tuple[str, Granularity]:
    return d.isoformat(), "day"


def _month_value(y: int, m: int) -> tuple[str, Granularity]:
    return f"{y:04d}-{m:02d}", "month"


def _year_value(y: int) -> tuple[str, Granularity]:
    return f"{y:04d}", "year"


def _shift_month(y: int, m: int, by: int) -> tuple[int, int]:
    index = y * 12 + (m - 1) + by
    return index // 12, index % 12 + 1


def _week_as_month(day_in_week: date) -> Optional[tuple[str, Granularity]]:
    monday = day_in_week - timedelta(days=day_in_week.weekday())
    sunday = monday + timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return _month_value(monday.year, monday.month)
    return None


def _part(edge: Optional[str]) -> Optional[int]:
    """0, 1 or 2 for the first, middle or last third of a period named by an edge word."""
    if not edge:
        return None
    edge = re.sub(r"\s+", " ", edge.lower())
    if edge in ("early", "the beginning of", "the start of"):
        return 0
    if edge in ("mid", "the middle of"):
        return 1
    return 2  # late, the end of


def _month_part(y: int, m: int, part: int) -> tuple:
    last = monthrange(y, m)[1]
    first_day, last_day = ((1, 10), (11, 20), (21, last))[part]
    return (f"{y:04d}-{m:02d}", "part_of_month", date(y, m, first_day).isoformat(),
            date(y, m, last_day).isoformat())


def _year_part(y: int, first_month: int, last_month: int) -> tuple:
    return (f"{y:04d}", "season", date(y, first_month, 1).isoformat(),
            date(y, last_month, monthrange(y, last_month)[1]).isoformat())


def _third_of_year(y: int, part: int) -> tuple:
    return _year_part(y, *((1, 4), (5, 8), (9, 12))[part])


# (value, granularity) or (value, granularity, first day, last day) for ranges and parts
Resolved = Optional[tuple]
Handler = Callable[[re.Match, str, Optional[date]], Resolved]


def _full_date(m: re.Match, text: str, published: Optional[date]) -> Resolved:
    d = _valid(_year_of(m["year"]), _month_of(m["mon"]), _day_of(m["day"]))
    return _day_value(d) if d else None


def _iso_date(m: re.Match, text: str, published: Optional[date]) -> Resolved:
    d = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
    return _day_value(d) if d else None


def _us_numeric_date(m: re.Match, text: str, published: Optional[date]) -> Resolved:
    d = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
    return _day_value(d) if d else None


def _month_day(m: re.Match, text: str, published: Optional[date]) -> Resolved:
    if published is None:
        return None
    weekday = _weekday_of(m["wd"]) if m["wd"] else None
    d = _month_day_without_year(_month_of(m["mon"]), _day_of(m["day"]), weekday, published,
                                _tense(text, m.start()))
    return _day_value(d) if d else None


def _month_year(m: re.Match, text: str, published: Optional[date]) -> Resolved:
    part = _part(m["edge"])
    if part is not None:
        return _month_part(_year_of(m["year"]), _month_of(m["mon"]), part)
    return _month_value(_year_of(m["year"]), _month_of(m["mon"]))


def _month_day_range(m: re.Match, text: str, published: Optional[date]) -> Resolved:
    """ "February 6 to 7", "Feb. 6-7, 2026", "6-7 February": the first day, ending on the last."""
    month, first, last = _month_of(m["mon"]), _day_of(m["day"]), _day_of(m["day2"])
    if last <= first:
        return None
    if m["year"]:
        start = _valid(_year_of(m["year"]), month, first)
    elif published is not None:
        start = _month_day_without_year(month, first, None, published, _tense(text, m.start()))
    else:
        return None
    end = _valid(start.year, month, last) if start else None
    if start is None or end is None:
        return None
    return start.isoformat(), "day", start.isoformat(), end.isoformat()


def _season(m: re.Match, text: str, published: Optional[date]) -> Resolved:
    """ "summer 2024", "the spring of 2025", "last summer", "this autumn"."""
    first, last = _SEASONS[m["season"].lower()]
    if m["year"]:
        return _year_part(_year_of(m["year"]), first, last)
    if published is None:
        return None
    rel = m["rel"].lower()
    y = published.year
    if rel == "last":
        y = y if last < published.month else y - 1
    elif rel == "next":
        y = y if first > published.month else y + 1
    return _year_part(y, first, last)


def _month_relative_year(m: re.Match, text: str, published: Optional[date]) -> Resolved:
    if published is None:
        return None
    shift = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    return _month_value(published.year + shift, _month_of(m["mon"]))


def _bare_month(m: re.Match, text: str, published: Optional[date]) -> Resolved:
    if published is None:
        return None
    mod = (m["mod"] or "").lower()
    before = text[max(0, m.start() - 40):m.start()]
    after = text[m.end():m.end() + 30]
    month_token = m["mon"]
    if not mod and m.group(0) == month_token:
        # "April Ryan", "Theresa May", "the March on Rome": a name or a noun, not a month.
        if re.match(r"\s+[A-Z][a-z]", after) and not re.match(r"\s+(?:The|In|On|At)\b", after):
            return None
        previous = re.search(r"([A-Za-z]+)[ \t]+$", before)
        if previous and previous.group(1)[0].isupper() and not _MONTH_CUES.search(before):
            return None
        if re.search(r"\b(?i:the|a)\s+$", before):
            return None
        if month_token in ("May", "March") and not _MONTH_CUES.search(before):
            return None
    month = _month_of(month_token)
    part = _part(m["edge"])
    y = published.year
    if mod == "last":
        y = y if month < published.month else y - 1
    elif mod == "next":
        y = y if month > published.month else y + 1
    elif mod == "this":
        pass
    else:
        y = _nearest_month(month, published, _tense(text, m.start()))[0]
    if part is not None:
        return _month_part(y, month, part)
    return _month_value(y, month)


# a day declared after an event is one to come: "declared Friday a day of mourning" on a Thursday's page is the
# next day ("declared Friday, September 8, a day of mourning"); "On Friday a day of mourning was held" is past
_DECLARED_BEFORE = re.compile(r"\b(?:declared|declares|declare|declaring|announced|announces|designated|designates|"
                              r"proclaimed|proclaims)\s+$", re.I)
_DAY_OF_MOURNING = re.compile(r"(?:,\s*[^,.]{1,25},)?\s+(?:as\s+)?an?\s+(?:\w+\s+)?day\s+of\s+(?:national\s+)?"
                              r"(?:mourning|remembrance)\b", re.I)


def _declared_to_come(text: str, m: re.Match) -> bool:
    return bool(_DECLARED_BEFORE.search(text, max(0, m.start() - 20), m.start()) and _DAY_OF_MOURNING.match(text, m.end()))


def _weekday(m: re.Match, text: str, published: Optional[date]) -> Resolved:
    if published is None:
        return None
    if re.search(r"\b(?i:the\s+(?:previous|following|next)|that|same)\s+$", text[max(0, m.start() - 20):m.start()]):
        return None  # anchored to another event, not to publication
    target = _weekday_of(m["wd"])
    mod = re.sub(r"\s+", " ", (m["mod"] or "").lower())
    back = (published.weekday() - target) % 7
    if mod in ("last", "this past"):
        back = back or 7
    elif mod in ("next", "this coming", "coming", "this"):
        ahead = (target - published.weekday()) % 7
        if mod != "this" and ahead == 0:
            ahead = 7
        return _day_value(published + timedelta(days=ahead))
    if not mod and (_tense(text, m.start()) > 0 or _declared_to_come(text, m)):
        return _day_value(published + timedelta(days=(target - published.weekday()) % 7))
    return _day_value(published - timedelta(days=back))



def _relative_day(m: re.Match, text: str, published: Optional[date]) -> Resolved:
    if published is None:
        return None
    word = re.sub(r"\s+", " ", m["rel"].lower())
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
              "the day before yesterday": -2, "the day after tomorrow": 2}[word]
    return _day_value(published + timedelta(days=offset))


def _ago(m: re.Match, text: str, published: Optional[date]) -> Resolved:
    if published is None:
        return None
    n = _SMALL_NUMBERS.get(m["n"].lower()) if not m["n"].isdigit() else int(m["n"])
    if n is None:
        return None
    unit = m["unit"].lower()
    if unit == "day":
        return _day_value(published - timedelta(days=n))
    if unit == "week":
        return _week_as_month(published - timedelta(days=7 * n))
    if unit == "month":
        return _month_value(*_shift_month(published.year, published.month, -n))
    # "42 years ago" written on 1 January 2018 may mean 1975 or 1976: the year n years back, covering
    # the half-year either side of that day
    back = _years_back(published, n)
    return (*_year_value(back.year), (back - timedelta(days=182)).isoformat(), (back + timedelta(days=182)).isoformat())


def _years_back(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year - n)
    except ValueError:  # 29 February
        return d.replace(year=d.year - n, day=28)


def _relative_period(m: re.Match, text: str, published: Optional[date]) -> Resolved:
    if published is None:
        return None
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    shift = {"this": 0, "the current": 0, "last": -1, "next": 1, "the coming": 1}[rel]
    unit = m["unit"].lower()
    part = _part(m["edge"]) if m["edge"] and m["edge"].lower() in ("early", "late") else None
    if unit == "week":
        return _week_as_month(published + timedelta(days=7 * shift))
    if unit == "month":
        y, month = _shift_month(published.year, published.month, shift)
        return _month_part(y, month, part) if part is not None else _month_value(y, month)
    if part is not None:
        return _third_of_year(published.year + shift, part)
    return _year_value(published.year + shift)


def _bare_year(m: re.Match, text: str, published: Optional[date]) -> Resolved:
    before = text[max(0, m.start() - 12):m.start()]
    after = text[m.end():m.end() + 20]
    if m["year"][0] in "Tt" and not (m.group(0).lower().startswith("the")
                                     or re.search(r"\b(?i:in)\s+$", before)):
        return None  # "two thousand people" is a count
    if m["edge"] is None:
        if _NOT_YEAR_BEFORE.search(before) or re.search(r"[\d,.]$", before):
            return None
        if re.match(r"\s*(?:%|percent|per cent|-\d)", after, re.IGNORECASE):
            return None
        if _COUNTED_AFTER.match(after):
            return None
    part = _part(re.sub(r"[\s-]+$", "", m["edge"])) if m["edge"] and not re.match(r"(?i:fiscal|calendar)", m["edge"]) \
        else None
    if part is not None:
        return _third_of_year(_year_of(m["year"]), part)
    return _year_value(_year_of(m["year"]))


class _SeasonMatch:
    """The two spellings of the season rule ("summer 2024" / "last summer") read as one."""

    def __init__(self, m: re.Match):
        self._m = m

    def __getitem__(self, key: str):
        if key == "season":
            return self._m["season"] or self._m["season2"]
        return self._m[key]

    def start(self) -> int:
        return self._m.start()


# (pattern, handler). The longest match wins where candidates overlap.
_RULES: list[tuple[re.Pattern, Handler]] = [
    (re.compile(rf"{_WD_LEAD}(?:the\s+)?(?P<mon>{_MON})\s+(?P<day>{_DAY}),?\s+(?P<year>{_YEAR_ANY})"),
     _full_date),
    (re.compile(rf"{_WD_LEAD}(?:the\s+)?(?P<day>{_DAY})(?:\s+of)?\s+(?P<mon>{_MON}),?\s+(?P<year>{_YEAR_ANY})"),
     _full_date),
    (re.compile(r"(?<![\w-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\w-])"), _iso_date),
    (re.compile(r"(?<![\w/.])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>(?:19|20)\d\d)(?![\w/])"),
     _us_numeric_date),
    (re.compile(rf"{_WD_LEAD}(?P<mon>{_MON})\s+(?P<day>{_DAY})(?!\s*[-–]\s*\d|:\d|\s*(?:%|percent))"), _month_day),
    (re.compile(rf"{_WD_LEAD}the\s+(?P<day>{_DAY})\s+of\s+(?P<mon>{_MON})"), _month_day),
    (re.compile(rf"{_WD_LEAD}(?P<day>{_DAYNUM})\s+(?P<mon>{_MON_FULL})"), _month_day),
    (re.compile(rf"{_EDGE_G}(?P<mon>{_MON_FULL})(?:,|\s+of)?\s+(?P<year>{_YEAR_ANY})"), _month_year),
    (re.compile(rf"{_WD_LEAD}(?P<mon>{_MON})\s+(?P<day>{_DAYNUM})\s*(?:-|–|\b(?i:to|and|through|until)\b)\s*"
                rf"(?P<day2>{_DAYNUM})(?!\s*(?:%|percent|:\d|[\w-]))(?:,?\s+(?P<year>{_YEAR}))?"), _month_day_range),
    (re.compile(rf"(?<![\w-])(?P<day>{_DAYNUM})\s*(?:-|–|\b(?i:to|and)\b)\s*(?P<day2>{_DAYNUM})\s+"
                rf"(?P<mon>{_MON_FULL})(?:,?\s+(?P<year>{_YEAR}))?"), _month_day_range),
    (re.compile(rf"(?<![\w-])(?:(?i:the)\s+)?(?P<season>(?i:spring|summer|autumn|fall))(?:\s+of)?\s+(?P<year>{_YEAR})"
                r"|(?<![\w-])(?P<rel>(?i:this|last|next))\s+(?P<season2>(?i:spring|summer|autumn|fall))(?![\w-])"),
     lambda m, text, published: _season(_SeasonMatch(m), text, published)),
    (re.compile(rf"(?P<mon>{_MON_FULL})\s+(?P<rel>(?i:this|last|next))\s+year(?![\w])"),
     _month_relative_year),
    (re.compile(rf"(?:(?P<mod>(?i:last|this|next))\s+|{_EDGE_G})(?P<mon>{_MON_FULL})"), _bare_month),
    (re.compile(rf"(?:(?P<mod>(?i:last|this|next|this\s+coming|this\s+past|early|late))\s+)?"
                rf"(?P<wd>{_WD}){_PART_OF_DAY}"), _weekday),
    (re.compile(r"(?<![\w-])(?:(?i:early|late|earlier|later)\s+)?(?P<rel>(?i:today|tonight|yesterday|tomorrow|"
                r"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow))(?![\w])" + _PART_OF_DAY),
     _relative_day),
    (re.compile(r"(?<![\w-])(?:(?i:nearly|almost|about|roughly|some|just|exactly)\s+)?"
                r"(?P<n>\d{1,2}|(?i:a|an|" + "|".join(k for k in _SMALL_NUMBERS if len(k) > 2) + r"))"
                r"\s+(?P<unit>(?i:day|week|month|year))s?\s+(?i:ago)(?![\w])"), _ago),
    (re.compile(r"(?<![\w-])(?:(?P<edge>(?i:earlier|later|early|late))(?:\s+in)?\s+)?"
                r"(?P<rel>(?i:this|last|next|the\s+current|the\s+coming))\s+(?:(?i:fiscal|calendar)\s+)?"
                r"(?P<unit>(?i:week|month|year))(?![\w-])"), _relative_period),
    (re.compile(rf"(?<![\w$€£¥#/.,-])(?P<edge>{_EDGE.rstrip('?')}|(?i:fiscal|calendar)\s+)?(?P<year>{_YEAR})"),
     _bare_year),
    (re.compile(rf"(?<![\w-])(?:(?i:the\s+year\s+))?(?P<edge>)(?P<year>(?i:{_YEAR_WORDS}))"),
     _bare_year),
]


# What each rule of _RULES cannot match without: a month name (_MON, _MON_FULL) or a weekday (_WD),
# as a group that is not optional. A window where that pattern, searched over the same window,
# finds nothing cannot hold a match of the rule, so the rule is not run there.
_RULE_NEEDS: list[Optional[str]] = ["mon", "mon", None, None, "mon", "mon", "mon_full", "mon_full", "mon",
                                    "mon_full", None, "mon_full", "mon_full", "wd", None, None, None, None, None]
_NEEDED = {"mon": re.compile(_MON), "mon_full": re.compile(_MON_FULL), "wd": re.compile(_WD)}
assert len(_RULE_NEEDS) == len(_RULES)

# Every rule needs one of these words or a digit (a run of digits is one anchor: the windows of its digits
# would merge into the one it gives); the rules run only near them (a tenfold saving
# on long articles, where Python's regex engine otherwise tries each rule at every character).
_ANCHOR = re.compile(
    r"\d+|(?<![\w])(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
    r"|(?i:week|month|year|ago\b|today|tonight|yesterday|tomorrow|nineteen|thousand|spring|summer|autumn|fall)")
_REACH = 60  # longer than the words any rule allows before or after its anchor


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of `text` around anchors, merged, widened to whole words."""
    windows: list[tuple[int, int]] = []
    for m in _ANCHOR.finditer(text):
        start = max(0, m.start() - _REACH)
        if windows and start <= windows[-1][1]:
            start = windows.pop()[0]
        else:
            while start > 0 and not text[start - 1].isspace():
                start -= 1
        end = min(len(text), m.end() + _REACH)
        while end < len(text) and not text[end].isspace():
            end += 1
        windows.append((start, end))
    return windows


@lru_cache(maxsize=4)
def _matches(text: str) -> tuple[tuple[re.Match, Handler], ...]:
    """Every rule's non-empty matches near the anchors, in scanning order. The scan does not depend on
    the publication date, and the extractor asks for one article's dates twice (to resolve them,
    and to keep quantities off them), so the last few texts' scans are kept."""
    found = []
    for start, end in _windows(text):
        present: dict[str, bool] = {}
        for (pattern, handler), need in zip(_RULES, _RULE_NEEDS):
            if need is not None:
                if need not in present:
                    present[need] = _NEEDED[need].search(text, start, end) is not None
                if not present[need]:
                    continue
            found.extend((m, handler) for m in pattern.finditer(text, start, end) if m.start() != m.end())
    return tuple(found)


def find_dates(text: str, published: date | None) -> list[When]:
    """Every date expression in `text`, resolved against `published`, in text order.

    >>> [w.value for w in find_dates("On Oct. 3, 2024 and in June.", date(2024, 10, 16))]
    ['2024-10-03', '2024-06']
    """
    found: list[tuple] = []
    for m, handler in _matches(text):
        resolved = handler(m, text, published)
        if resolved:
            found.append((m.start(), m.end(), *resolved))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    taken: list[tuple] = []
    for f in found:
        if all(f[1] <= t[0] or f[0] >= t[1] for t in taken):
            taken.append(f)
    taken.sort()
    return [When(text=text[f[0]:f[1]], value=f[2], granularity=f[3], span=(f[0], f[1]),
                 start=f[4] if len(f) > 4 else None, end=f[5] if len(f) > 5 else None) for f in taken]
