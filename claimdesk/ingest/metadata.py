"""Small normalisers shared by the readers: dates, outlets, languages, sizes."""

from __future__ import annotations

import re
import time
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Optional
from urllib.parse import urlsplit

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
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


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
