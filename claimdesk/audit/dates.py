"""Weekday mismatches: "Tuesday, October 15" where October 15 of that year is not a Tuesday.

The year comes from the text when written ("Tuesday, October 15, 2024"), else from the
document's publication date (the nearest October 15 to it), else the finding lists the years
that would fit instead of guessing one.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Optional

from claimdesk.audit.context import AuditContext
from claimdesk.language.calendar_words import MONTHS, WEEKDAYS
from claimdesk.models import Finding

KIND = "weekday_mismatch"

_WD = (r"(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\b\.?)")
_MON = (r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
        r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?[ \t]+(?P<year>(?:1[6-9]|2[0-9])\d\d)(?!\d))?"
# "Tuesday, October 15", "Tuesday (Oct. 15)", "Tuesday, 15 October", "Tue 15th October 2024"
_PATTERNS = (
    re.compile(rf"\b{_WD}[ \t]*,?[ \t]*\(?[ \t]*{_MON}[ \t]+{_DAY}\b\)?{_YEAR}"),
    re.compile(rf"\b{_WD}[ \t]*,?[ \t]*\(?[ \t]*(?:the[ \t]+)?{_DAY}[ \t]+(?:of[ \t]+)?{_MON}\b\)?{_YEAR}"),
)
YEARS_BACK = 12
_WEEKDAY_WORDS = frozenset(WEEKDAYS)
NEAR_DAYS = 60


def check(ctx: AuditContext) -> list[Finding]:
    published = ctx.document.published
    findings = []
    seen: set[int] = set()
    for pos in ctx.positions(_WEEKDAY_WORDS):
        for pattern in _PATTERNS:
            m = pattern.match(ctx.text, pos)
            if m is None or m.start() in seen:
                continue
            seen.add(m.start())
            finding = _judge(ctx, m, published)
            if finding:
                findings.append(finding)
    return findings


def _judge(ctx: AuditContext, m: re.Match, published: Optional[date]) -> Optional[Finding]:
    weekday = WEEKDAYS[m.group("wd").lower().rstrip(".")]
    month = MONTHS[m.group("mon").lower().rstrip(".")]
    day = int(m.group("day"))
    said = m.group(0).rstrip(" ,)")
    span = (m.start(), m.start() + len(said))
    if not 1 <= day <= 31:
        return None
    if m.group("year"):
        year = int(m.group("year"))
        if not _valid(year, month, day):
            return ctx.finding(KIND, "error", span, f"{said}: there is no such date")
        actual = date(year, month, day).weekday()
        if actual == weekday:
            return None
        return ctx.finding(KIND, "error", span,
                           f"{said}: {calendar.month_name[month]} {day}, {year} was a {calendar.day_name[actual]}")
    if published is not None:
        when = _nearest(published, month, day)
        if when is None:
            return ctx.finding(KIND, "error", span, f"{said}: there is no such date")
        if when.weekday() == weekday:
            return None
        # a date far from publication may belong to another year than the nearest one
        severity = "error" if abs((when - published).days) <= NEAR_DAYS else "warning"
        return ctx.finding(
            KIND, severity, span,
            f"{said}: {calendar.month_name[month]} {day}, {when.year} (the nearest to publication on "
            f"{published.isoformat()}) is a {calendar.day_name[when.weekday()]}",
        )
    # anchored on when the document was read, looking back: news mostly reports the recent past
    around = ctx.document.ingested_at.year
    years = range(around - YEARS_BACK, around + 2)
    fits = [y for y in years if _valid(y, month, day) and date(y, month, day).weekday() == weekday]
    listed = ", ".join(map(str, fits)) if fits else "none of them"
    return ctx.finding(
        KIND, "info", span,
        f"{said}: no publication date to check against; of {years[0]}-{years[-1]} it fits {listed}",
    )


def _valid(year: int, month: int, day: int) -> bool:
    return day <= calendar.monthrange(year, month)[1]


def _nearest(published: date, month: int, day: int) -> Optional[date]:
    candidates = [date(y, month, day) for y in (published.year - 1, published.year, published.year + 1)
                  if _valid(y, month, day)]
    if not candidates:
        return None
    return min(candidates, key=lambda d: (abs((d - published).days), d > published))
