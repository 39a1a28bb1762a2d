"""Inconsistent durations: two estimates of one span that cannot both hold ("nearly two years
(going on three)"), and a stated duration that the dates in the same sentence contradict
("from 2009 to 2012, a span of six years"; "since 2009, for nearly three years" published 2016).

Every duration becomes an interval of days from its qualifier ("nearly N" is just under N,
"going on N" is between N-1 and N, "more than N" is above N, a bare N is about N); two
statements conflict when their intervals do not meet.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Optional

from claimdesk.audit.context import AuditContext
from claimdesk.language.calendar_words import MONTHS
from claimdesk.language.numerals import NUMBER, value_of
from claimdesk.models import Finding

KIND = "inconsistent_duration"
INF = float("inf")
DATE_SLACK_DAYS = 3.0  # months are 28-31 days; a stated month is 30.44
WINDOW = 70  # characters before a unit word that its duration phrase may start
UNIT_WORDS = frozenset("hour hours day days week weeks month months year years decade decades".split())
UNIT_DAYS = {"hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25, "decade": 3652.5}

_QUALIFIERS = {
    "below": r"nearly|almost|close to|just under|not quite|approaching|coming up on|closing in on|shy of",
    "going_on": r"going on|heading into|pushing",
    "above": r"more than|over|upwards of|in excess of|longer than|just over|well over",
    "at_least": r"at least|no less than|not less than|a minimum of",
    "under": r"less than|under|fewer than|within|no more than|not more than|up to|at most",
    "about": r"about|around|roughly|approximately|some|an estimated|nearly or|or so|circa|close on",
}
_QUAL = "|".join(f"(?P<q_{k}>{v})" for k, v in _QUALIFIERS.items())
_UNIT = r"(?P<unit>hours?|days?|weeks?|months?|years?|decades?)"
DURATION = re.compile(
    rf"(?:\b(?:{_QUAL})\s+)?(?:(?:a|just|only)\s+)?\b(?P<num>{NUMBER}|an?(?=\s+(?:hour|day|week|month|year|decade)\b))"
    rf"(?P<plus>-plus|\+)?(?:\s+|-){_UNIT}\b(?P<long>-long| long)?",
    re.IGNORECASE,
)
# the second estimate right after the first: "(going on three)", "— more than three years", ", or almost three"
_SECOND = re.compile(
    rf"(?:\s+ago)?\s*(?:\(|—|–|--|,\s*or|;\s*or|, if not|, perhaps)\s*(?:or\s+|actually\s+|now\s+|really\s+|perhaps\s+)?"
    rf"(?:(?:{_QUAL})\s+)?(?:a\s+)?(?P<num>{NUMBER}|an?(?=\s+(?:hour|day|week|month|year|decade)\b))"
    rf"(?P<plus>-plus|\+)?(?:(?:\s+|-){_UNIT}\b)?\s*\)?",
    re.IGNORECASE,
)
_YEAR = r"(?:1[89]|20)\d\d"
_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|March|April|May|June|July|Aug(?:ust)?|Sept(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DATE = rf"(?:{_MON}\s+(?:\d{{1,2}},?\s+)?)?{_YEAR}(?!\d)"
_RANGE = re.compile(rf"\b(?:from|between)\s+(?P<a>{_DATE})\s+(?:to|and|until|till|through|thru)\s+(?P<b>{_DATE})", re.IGNORECASE)
_SINCE = re.compile(
    rf"\b(?:since|(?:founded|established|created|formed|launched|opened|started|begun|set up|built|elected|appointed)"
    rf"\s+in)\s+(?P<a>{_DATE})", re.IGNORECASE)
_PERFECT = re.compile(r"\b(?:has|have|hasn['’]t|haven['’]t)\b|\w['’]s been\b", re.IGNORECASE)
_AGO_IN = re.compile(rf"\b(?:in|on)\s+(?P<a>{_DATE})", re.IGNORECASE)


def check(ctx: AuditContext) -> list[Finding]:
    findings = []
    text = ctx.text
    by_sentence: dict[int, list[int]] = {}
    for p in ctx.positions(UNIT_WORDS):
        by_sentence.setdefault(ctx.sentence_index(p), []).append(p)
    for idx, units in by_sentence.items():
        start, end = ctx.sentences[idx]
        sentence = text[start:end]
        durations = _durations(sentence, [u - start for u in units])
        if not durations:
            continue
        findings.extend(_pairs(ctx, sentence, start, durations))
        findings.extend(_against_dates(ctx, sentence, start, durations))
    return findings


def _durations(sentence: str, units: list[int]) -> list[re.Match]:
    """The duration phrases ending at each unit word, searched in a short window before it."""
    out: list[re.Match] = []
    for u in units:
        if out and out[-1].end() > u:
            continue
        lo = max(out[-1].end() if out else 0, u - WINDOW)
        m = DURATION.search(sentence, lo, min(len(sentence), u + 12))
        while m is not None and m.end() <= u:
            m = DURATION.search(sentence, m.end(), min(len(sentence), u + 12))
        if m is not None and m.start() <= u:
            out.append(m)
    return out


def _pairs(ctx: AuditContext, sentence: str, offset: int, durations: list[re.Match]) -> list[Finding]:
    out = []
    for m in durations:
        second = _SECOND.match(sentence, m.end())
        if not second:
            continue
        qualified = any(v for k, v in second.groupdict().items() if k.startswith("q_") and v)
        if not (qualified or second.group("unit")) or (value_of(second.group("num")) or 0) >= 1000:
            continue
        first = _interval(m, m.group("unit"))
        other = _interval(second, second.group("unit") or m.group("unit"))
        if first is None or other is None or _meet(first, other):
            continue
        span = (offset + m.start(), offset + _end_of(sentence, second))
        out.append(ctx.finding(
            KIND, "warning", span,
            f"'{m.group(0).strip()}' and '{second.group(0).strip(' ()—–-,;')}' cannot both hold: "
            f"{_describe(first)} vs {_describe(other)}",
        ))
    return out


def _against_dates(ctx: AuditContext, sentence: str, offset: int, found: list[re.Match]) -> list[Finding]:
    durations = [m for m in found if not _is_modifier_of_age(sentence, m)]
    if len(durations) != 1:
        return []
    dur = durations[0]
    stated = _interval(dur, dur.group("unit"))
    if stated is None:
        return []
    elapsed = None
    anchor = None
    published = ctx.document.published
    for rng in _RANGE.finditer(sentence):
        if _linked(sentence, rng, dur):
            a, b = _bounds(rng.group("a")), _bounds(rng.group("b"))
            if a and b:
                elapsed, anchor = ((b[0] - a[1]).days, (b[1] - a[0]).days), rng
            break
    if anchor is None and published is not None:
        ago = re.match(r"\s+ago\b", sentence[dur.end():])
        for since in (_AGO_IN if ago else _SINCE).finditer(sentence):
            linked = _linked(sentence, since, dur, end=dur.end() + (ago.end() if ago else 0))
            if not linked and not ago:
                # "founded in 1996, has existed for six years": the span runs up to publication
                # only when told in the present perfect
                is_since = since.group(0)[:5].lower() == "since"
                linked = (is_since or bool(_PERFECT.search(sentence))) and _for_after(sentence, since, dur)
            if linked:
                a = _bounds(since.group("a"))
                if a and a[0] <= published:
                    elapsed, anchor = ((published - a[1]).days, (published - a[0]).days), since
                break
    if elapsed is None:
        return []
    lo, hi = max(0, elapsed[0]), max(0, elapsed[1])
    if _meet(stated, (lo, hi), slack=DATE_SLACK_DAYS):
        return []
    span = (offset + min(dur.start(), anchor.start()), offset + max(dur.end(), anchor.end()))
    since_pub = "" if anchor.re is _RANGE else f" up to publication ({published.isoformat()})"
    return [ctx.finding(
        KIND, "warning", span,
        f"'{dur.group(0).strip()}' ({_describe(stated)}) does not fit the dates "
        f"'{anchor.group(0)}'{since_pub}: {_describe((lo, hi))}",
    )]


def _interval(m: re.Match, unit: Optional[str]) -> Optional[tuple[float, float]]:
    n = value_of(m.group("num"))
    if n is None or unit is None or n <= 0:
        return None
    days = UNIT_DAYS[unit.lower().rstrip("s")]
    qual = next((k[2:] for k, v in m.groupdict().items() if k.startswith("q_") and v), None)
    if m.group("plus"):
        qual = "above"
    eps = 1e-6
    if qual == "below":
        lo, hi = n - min(1.0, max(0.25, 0.25 * n)), n - eps   # nearly two: 1.5-2; nearly a month: 3-4 weeks
    elif qual == "going_on":
        lo, hi = n - 1 + eps, n - eps
    elif qual == "above":
        lo, hi = n + eps, INF
    elif qual == "at_least":
        lo, hi = n, INF
    elif qual == "under":
        lo, hi = 0.0, n
    elif qual == "about":
        lo, hi = n - max(0.5, 0.25 * n), n + max(0.5, 0.25 * n)
    else:  # a bare "two years" is rounded either way by writers
        lo, hi = n - max(0.5, 0.1 * n), n + max(1.0, 0.1 * n) - eps
    return (max(0.0, lo) * days, hi * days)


def _meet(a: tuple[float, float], b: tuple[float, float], slack: float = 0.0) -> bool:
    return a[0] <= b[1] + slack and b[0] <= a[1] + slack


def _describe(iv: tuple[float, float]) -> str:
    lo, hi = iv
    unit, size = ("years", 365.25) if max(lo, hi if hi < INF else lo) >= 700 else (
        ("months", 30.44) if max(lo, hi if hi < INF else lo) >= 60 else ("days", 1.0))
    if hi == INF:
        return f"more than {lo / size:.1f} {unit}"
    return f"{lo / size:.1f}-{hi / size:.1f} {unit}"


def _bounds(text: str) -> Optional[tuple[date, date]]:
    """First and last day that a written date ('2009', 'March 2009', 'March 3, 2009') can mean."""
    year = int(re.search(r"\d{4}", text).group())
    mon = re.match(r"([A-Za-z]+)", text)
    day = re.search(r"\b(\d{1,2}),?\s+\d{4}", text)
    if not mon:
        return date(year, 1, 1), date(year, 12, 31)
    month = MONTHS.get(mon.group(1).lower())
    if month is None:
        return None
    if day:
        try:
            d = date(year, month, int(day.group(1)))
        except ValueError:
            return None
        return d, d
    last = date(year + (month == 12), month % 12 + 1, 1).toordinal() - 1
    return date(year, month, 1), date.fromordinal(last)


# what may stand between a date phrase and the duration it measures: "from 2009 to 2012, a span of
# six years", "for nearly three years since March 2009", "six years ago, in 2010"
_LINK = re.compile(
    r"^[\s,;:(—–-]*(?:(?:a|an|the|some|which is|that is|or|in all|in total|total(?:ling)?|span(?:ning)?|"
    r"period|stretch|run|tenure|term|of|for|lasting|over|or about|nearly|now|and|ago|past|last)\b[\s,;:()—–-]*)*$",
    re.IGNORECASE,
)


def _linked(sentence: str, anchor: re.Match, dur: re.Match, end: Optional[int] = None) -> bool:
    dur_end = end if end is not None else dur.end()
    if anchor.end() <= dur.start():
        gap = sentence[anchor.end():dur.start()]
    elif dur_end <= anchor.start():
        gap = sentence[dur_end:anchor.start()]
    else:
        return False
    return len(gap) <= 40 and bool(_LINK.match(gap))


def _for_after(sentence: str, anchor: re.Match, dur: re.Match) -> bool:
    """'<anchor>, has shaped hiring for <duration>': one short clause, no other date, ending in 'for'."""
    if anchor.end() > dur.start():
        return False
    gap = sentence[anchor.end():dur.start()]
    return len(gap) <= 45 and not re.search(r"[\d;:]|\b(?:but|while|although|when|after|before|until|and then)\b", gap) \
        and bool(re.search(r"\bfor\s+$", gap))


def _is_modifier_of_age(sentence: str, m: re.Match) -> bool:
    """'a 10-year-old', '30 years old', 'a five-year plan': not an elapsed span."""
    after = sentence[m.end():m.end() + 7].lower()
    hyphenated = sentence[m.start("unit") - 1] == "-"
    return after.startswith(("-old", " old", " of age")) or (hyphenated and not m.group("long"))


def _end_of(sentence: str, second: re.Match) -> int:
    end = second.end()
    while end > second.start() and sentence[end - 1].isspace():
        end -= 1
    return end
