"""Clock times in running text: "at 8 a.m.", "around 3:40 a.m.", "at 09:40 Moscow time", "shortly after 5 p.m.".

Written here rather than taken from dateparser: dateparser reads a whole string as one date and finds no
time inside a sentence, and `search_dates` also takes counts and years for hours ("at 11 wounded"). A clock
here needs its minutes ("09:40") or its a.m./p.m. ("8 a.m."), so a count is never one.

A time given as a bound ("until 10:15", "by 9 a.m.", "as of 19:30", "since 6 a.m.") tells when a state held
or a count stood, not when the event happened: it is kept, marked `bound`. A conversion in brackets
("2 a.m. local time (2300 GMT)") is not a second time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TIME = re.compile(
    r"(?<![\d:.,\-–])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\b\.?|[ap]m\b)?(?![\d:]|\.\d)",
    re.IGNORECASE)
_BOUND_BEFORE = re.compile(r"\b(?:until|till|by|since|from|before|as\s+of|as\s+at|between|and|to)\s+"
                           r"(?:about\s+|around\s+)?$", re.IGNORECASE)
_IN_BRACKETS_AFTER = re.compile(r"\s*(?:GMT|UTC|Z)\b", re.IGNORECASE)
# the zone a clock is given in: "GMT", "UTC", "Kyiv time", "local time", "Moscow time" ("local" and none are the
# place's own)
_ZONE_AFTER = re.compile(r"\s*\(?\s*(?P<zone>GMT|UTC|(?-i:[A-Z]{2,4}T)|(?-i:[A-Z][a-z]+)\s+time|local\s+time)\b", re.IGNORECASE)


@dataclass(frozen=True)
class ClockTime:
    minutes: int            # since midnight
    span: tuple[int, int]   # in the text given
    text: str
    bound: bool             # "until 10:15", "by 9 a.m.": when a state held, not when the event happened
    zone: str = ""          # "gmt", "moscow time"; "" for local time or none given


def clock_times(text: str) -> list[ClockTime]:
    """Every clock time in `text` with minutes or a.m./p.m., in text order, conversions in brackets left out.

    >>> [(t.text, t.minutes, t.bound) for t in clock_times("Traffic resumed at 09:40, not until 10:15.")]
    [('09:40', 580, False), ('10:15', 615, True)]
    """
    found = []
    for m in _TIME.finditer(text):
        if m["m"] is None and m["ampm"] is None:
            continue  # "at 11": an hour alone is no clock (it is as often a count)
        if m["m"] is not None and m["ampm"] is None and text[m.start("m") - 1] == ".":
            continue  # "3.40" with no a.m./p.m. is a decimal as often as a time
        hour, minute = int(m["h"]), int(m["m"] or 0)
        if m["ampm"]:
            if hour == 0 or hour > 12:
                continue
            pm = m["ampm"].lower().startswith("p")
            hour = (hour % 12) + (12 if pm else 0)
        opening = text.rfind("(", 0, m.start())
        if opening > text.rfind(")", 0, m.start()) and _IN_BRACKETS_AFTER.match(text, m.end()):
            continue  # "(2300 GMT)", "(0640 GMT)": the same time in another zone
        bound = bool(_BOUND_BEFORE.search(text, max(0, m.start() - 20), m.start()))
        zone = _ZONE_AFTER.match(text, m.end())
        name = " ".join(zone["zone"].lower().split()) if zone else ""
        found.append(ClockTime(hour * 60 + minute, (m.start(), m.end()), m.group(0).strip(), bound,
                               "" if name == "local time" else name))
    return found
