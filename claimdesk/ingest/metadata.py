"""Small normalisers shared by the readers: dates, outlets, languages, sizes."""

from __future__ import annotations

import re
import time
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Optional
from urllib.parse import urlsplit

from claimdesk.language.calendar_words import MONTHS, WEEKDAYS
from claimdesk.language.dates import find_dates
from claimdesk.outlets import host_of

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?=$|[-_])")


def parse_date(value: Any) -> Optional[date]:
    """The calendar date of a metadata value (ISO text, RFC 822 text, datetime, struct_time), or None.

    Only the date as written is kept; no time-zone shifting, since a date line says which day the
    outlet meant.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, time.struct_time):
        return _safe_date(value.tm_year, value.tm_mon, value.tm_mday)
    if not isinstance(value, str):
        return None
    match = _ISO_DAY.match(value)
    if match:
        return _safe_date(*(int(g) for g in match.groups()))
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    return _parse_free_text_date(value)


def _safe_date(year: int, month: int, day: int) -> Optional[date]:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _parse_free_text_date(value: str) -> Optional[date]:
    # dateparser is slow to import; only dates like "March 12, 2024" need it.
    import dateparser

    parsed = dateparser.parse(value, languages=None, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["year"]})
    return parsed.date() if parsed else None


def domain_of(url: Optional[str]) -> Optional[str]:
    """'https://www.example.com/a' -> 'example.com'; None when there is no host."""
    host = host_of(url)
    return host.removeprefix("www.") if host else None


def language_code(value: Optional[str]) -> Optional[str]:
    """'en-GB' -> 'en'; None for anything that is not a language tag."""
    if not value:
        return None
    match = _LANGUAGE.match(value.strip())
    return match.group(0).lower() if match else None


def clean(value: Any) -> Optional[str]:
    """A metadata string trimmed, or None when empty or not a string; lists are joined with ', '."""
    if isinstance(value, (list, tuple)):
        parts = [clean(v) for v in value]
        value = ", ".join(p for p in parts if p)
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def over_limit(what: str, size: int, limit: int) -> str:
    """The reason for rejecting something too big, e.g. 'file is 100.0 MB (104857600 bytes), over the 50.0 MB limit'."""
    exact = f" ({size} bytes)" if size >= 1024 else ""
    return f"{what} is {human_size(size)}{exact}, over the {human_size(limit)} limit"


def human_size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    raise AssertionError("unreachable")


# -- the publication date from the page itself, when no metadata gives it -------------------------

_URL_DAY = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/._-]|$)")
_URL_COMPACT = re.compile(r"/((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/._-]|$)")
_STAMP_LINE = re.compile(
    r"^[ \t]*(?P<word>(?:first\s+)?published|posted|(?:last\s+)?updated|date|dated)\b(?:\s+on)?\s*[:\-–—]?\s*(?P<rest>.{6,80})$",
    re.IGNORECASE | re.MULTILINE)
_WIRES = r"Reuters|AP|AFP|UPI|Bloomberg|Interfax|TASS|RIA|Ukrinform|UNIAN|Xinhua|Yonhap|Kyodo|dpa|ANI|PTI"
# a dateline's agency: a wire by name, or any short capitalised name in brackets ("KYIV, June 13 (Eastwire) -")
_DATELINE = re.compile(
    rf"^[ \t]*[A-Z][A-Za-z .,'’-]{{1,60}}?,?\s+(?P<when>(?:[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}|\d{{1,2}}\s+[A-Z][a-z]{{2,8}}\.?)"
    rf"(?:,?\s+(?:19|20)\d\d)?)"
    rf"\s*(?:\((?:{_WIRES}|[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){{0,2}})\))?\s*[-–—]", re.MULTILINE)
_HEAD_CHARS = 1500  # datelines and stamp lines sit at the top (or, for stamps, the foot) of a page


def page_date(text: str, title: Optional[str] = None, url: Optional[str] = None) -> Optional[date]:
    """The publication date a page states about itself, for pages whose metadata gives none: a
    date in the URL path (/2026/02/26/), a "Published:"/"Updated:" line, a wire dateline
    ("KYIV, Feb 26 (Reuters) -"), a full date in the title not after a preposition, or one standing in the page's header
    (the first 250 characters, not after a preposition). None when none is clear.

    >>> page_date("Shelling went on.", url="https://example.com/2026/02/26/kyiv-strikes")
    datetime.date(2026, 2, 26)
    >>> page_date("KYIV, Feb 26, 2026 (Reuters) - Russia launched 71 missiles.")
    datetime.date(2026, 2, 26)
    """
    if url:
        path = urlsplit(url).path if "://" in url else url
        for pattern in (_URL_DAY, _URL_COMPACT):
            match = pattern.search(path)
            if match and (found := _safe_date(*(int(g) for g in match.groups()))):
                return found
    head, foot = text[:_HEAD_CHARS], text[-_HEAD_CHARS // 3:]
    stamps = sorted(_STAMP_LINE.finditer(head + "\n" + foot), key=lambda m: "updat" in m["word"].lower())
    for stamp in stamps:  # a "Published" line before an "Updated" one
        found = _full_date(stamp["rest"], find_dates)
        if found:
            return found
    dateline = _DATELINE.search(head)
    if dateline:
        found = _full_date(dateline["when"], find_dates) or _stamped_on_its_line(dateline, head) \
            or _dateline_day(dateline["when"], text, find_dates, dateline.end())
        if found:
            return found
    if title and (found := _title_date(title, find_dates)):
        return found
    return _date_line(text[:_TOP_CHARS], find_dates)


_TOP_CHARS = 250
_PREPOSITION_BEFORE = re.compile(r"\b(?:on|since|in|by|until|till|from|before|after|of|to|between|and|through|"
                                 r"during|around|as|due|ending|ended|dated|for|at|over|following|amid)\s+$", re.IGNORECASE)


_LINE_OPENS = re.compile(r"(?:^|\n)[ \t]*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?[ \t]+)?$")
_HOUR_AFTER = re.compile(r"[ \t]*,?[ \t]*\d{1,2}[:.]\d{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?\b(?:[ \t]*(?:[A-Z]{2,5}(?:[+-]\d{1,2})?|"
                         r"UTC|GMT(?:[+-]\d{1,2})?))?(?:[ \t]*[|·•-]?[ \t]*(?:Updated|Last updated)\b[^\n]*)?[ \t]*(?:\n|$)")


def _date_line(top: str, find_dates) -> Optional[date]:
    """A full date standing in the page's header, between the title and the body ("… contract
    March 01, 2008 Northrop Grumman …"), or on a line of its own with the hour ("June 13, 2028 10:42 AM
    GMT+3 Updated 12:15 PM"), not one inside a sentence ("on March 1, 2008")."""
    for when in find_dates(top, None):
        before, after = top[:when.span[0]], top[when.span[1]:]
        if when.granularity == "day" and not _PREPOSITION_BEFORE.search(before) \
                and (re.match(r"[ \t]*(?:\n|$|[A-Z])", after)
                     # a line of its own opening with the date, then its hour ("June 13, 2028 10:42 AM GMT+3")
                     or (_LINE_OPENS.search(before) and _HOUR_AFTER.match(after))):
            return date.fromisoformat(when.value)  # a line of its own, or a header run into the body
    return None


def _title_date(title: str, find_dates) -> Optional[date]:
    """A full date in the title, not one inside its sentence: "Russia strikes Kyiv — February 26, 2026"
    is dated, "… sentenced for the crimes he committed on March 11, 2005" is not."""
    for when in find_dates(title, None):
        if when.granularity == "day" and not _PREPOSITION_BEFORE.search(title[:when.span[0]]):
            return date.fromisoformat(when.value)
    return None


def _full_date(text: str, find_dates) -> Optional[date]:
    """The first date in `text` that carries its own day, month and year (a stamp's "03.07.2029" too)."""
    for when in find_dates(text, None):
        if when.granularity == "day":
            return date.fromisoformat(when.value)
    return dotted_day(text)


def dotted_day(text: str) -> Optional[date]:
    """The first day written with dots, day first: "13.06.2028, 17:20" -> 2028-06-13."""
    dotted = _DOTTED_DAY.search(text)
    return _safe_date(int(dotted[3]), int(dotted[2]), int(dotted[1])) if dotted else None


def crumb_day(text: str) -> Optional[date]:
    """A day in a breadcrumb that spells the page's path: "westfieldgazette.com › world › 2029 › 07 › 03 › …"."""
    crumb = _CRUMB_DAY.search(text)
    return _safe_date(int(crumb[1]), int(crumb[2]), int(crumb[3])) if crumb else None


_CRUMB_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[›»>/|]\s*(0?[1-9]|1[0-2])\s*[›»>/|]\s*(0?[1-9]|[12]\d|3[01])(?!\d)")


def _stamped_on_its_line(dateline: re.Match, head: str) -> Optional[date]:
    """A dateline without a year stamped on its own line with the day in dots, as Russian agencies write it:
    "MOSCOW, 13 June — RusVesti. 13.06.2028, 17:20" (the stamp's day must be the dateline's)."""
    end = head.find("\n", dateline.end())
    stamp = _DOTTED_DAY.search(head, dateline.end(), end if end >= 0 else len(head))
    day = re.search(r"\d{1,2}", dateline["when"])
    month = re.search(r"[A-Z][a-z]+", dateline["when"])
    if stamp and day and month and int(stamp[1]) == int(day[0]) \
            and MONTHS.get(month[0].lower()) == int(stamp[2]) \
            and not re.search(r"\b(?:on|of|from|until|since|by)\s+$", head[max(0, stamp.start() - 8):stamp.start()]):
        return _safe_date(int(stamp[3]), int(stamp[2]), int(stamp[1]))
    return None



# a stamp's day written with dots, day first as Europe writes it: "13.06.2028, 17:20", "Updated: 03.07.2029"
_DOTTED_DAY = re.compile(r"(?<![\d.])(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.((?:19|20)\d\d)(?![\d.])")


def _dateline_day(month_day: str, text: str, find_dates, after: int = 0) -> Optional[date]:
    """A dateline without a year ("Feb 26"): the year of the latest full date the article gives,
    or the one after when the dateline would fall before that date; with no full date, the year of the
    page's copyright line when it puts the day on the weekday the dateline's paragraph names."""
    latest = max((date.fromisoformat(w.value) for w in find_dates(text[:20000], None) if w.granularity == "day"),
                 default=None)
    if latest is None:
        return _copyright_day(month_day, text, after, find_dates)
    for year in (latest.year, latest.year + 1):
        found = _full_date(f"{month_day}, {year}", find_dates)
        if found and found >= latest:
            return found
    return None


# "© 2030 Northfield Courier Ltd.", "Copyright 2028-2030 …", "(c) 2030": a site's footer, stamped with the year
# the page was served, which is the year it was published or a later one
_COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|\bCopyright\b)\s*(?:(?:19|20)\d\d\s*[-–]\s*)?((?:19|20)\d\d)\b", re.I)
_WEEKDAY_NAMED = re.compile(r"\b(" + "|".join(w for w in WEEKDAYS if w.endswith("day")) + r")\b", re.I)


def _copyright_day(month_day: str, text: str, after: int, find_dates) -> Optional[date]:
    """A yearless dateline's day ("KYIV, Oct 17 (Meridian) - … struck Poltava on Thursday") in the year of
    the page's copyright line, when that puts it on the weekday its paragraph names: the footer alone could
    be a later year's than the page's, the weekday alone any year's (a page of the year before, or one
    telling of the day before, finds its weekday elsewhere and stays undated)."""
    years = [int(y) for y in _COPYRIGHT_YEAR.findall(text)]
    end = text.find("\n", after)
    named = _WEEKDAY_NAMED.search(text, after, end if end >= 0 else len(text))
    if not years or named is None or _TO_COME.search(text, after, named.start()):
        return None  # "Zelensky will meet Trump on Friday": a day to come, not the dateline's
    day = _day_of(month_day, max(years))
    return day if day is not None and day.weekday() == WEEKDAYS[named[1].lower()] else None


# words telling of a day to come before a weekday: "will meet … on Friday", "is due to … on Friday", "next Friday"
_TO_COME = re.compile(r"\b(?:will|would|shall|is\s+due|are\s+due|is\s+expected|are\s+expected|plans?\s+to|"
                      r"planned|scheduled|to\s+be\s+held|next|until|from|ahead\s+of|before)\b", re.I)


def _day_of(month_day: str, year: int) -> Optional[date]:
    """'Oct 17', 'Mar. 3', '17 October' in `year` (a date parser may not read a month's short name with a year)."""
    month = re.search(r"[A-Za-z]+", month_day)
    day = re.search(r"\d{1,2}", month_day)
    number = MONTHS.get(month[0].lower()) if month else None
    return _safe_date(year, number, int(day[0])) if number and day else None

