"""When a web page and each post of a live page were published, to the minute.

A count read at two hours of one day is an update when the later is no lower ("two killed", the governor
said at 10:40; "nine killed", the police said in the evening): telling that from two accounts at odds needs
the hour each page, or each post of a live blog, gave its figure. trafilatura's metadata stops at the day and
its main text drops a live blog's post times, so both are read here from the page's markup.

A post's time is a `<time datetime>` with its zone, or a clock ("13:15", "18.40 BST", "20:16 EEST") in an
element of its own, in the zone the clock or the page names ("Kyiv time", "GMT+3"), else in the zone of the
page's own published time. A clock with no zone to read it in gives no time: a wrong hour would turn a
later count into an earlier one.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Optional
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateparser.timezones import timezone_info_list
from lxml import etree

from claimdesk.models import Span, TimedPost

# zone abbreviations a page prints beside its clocks (the abbreviation names the season); their offsets are
# dateparser's, which knows hundreds more, most of them words too short to trust beside a clock ("IT", "AT")
_ZONE_NAMES = ("UTC", "GMT", "BST", "CET", "CEST", "EET", "EEST", "MSK", "FET", "EST", "EDT", "CST", "CDT", "PST", "PDT")
_ZONE_OFFSETS = {name: next(seconds for group in timezone_info_list for known, seconds in group["timezones"]
                             if known == name) for name in _ZONE_NAMES}
# a city's time named in words: the page's own zone for the day it covers
_CITY_ZONES = {"kyiv": "Europe/Kyiv", "kiev": "Europe/Kyiv", "moscow": "Europe/Moscow", "london": "Europe/London",
               "warsaw": "Europe/Warsaw", "brussels": "Europe/Brussels", "berlin": "Europe/Berlin",
               "paris": "Europe/Paris", "washington": "America/New_York", "new york": "America/New_York"}
_ZONE = r"(?:(?:UTC|GMT)\s*[+-]\s*(?:1[0-4]|0?\d)(?!\d)|" + "|".join(_ZONE_NAMES) + r"|ET)"
_CLOCK = re.compile(rf"^\s*(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)\s*(?P<ampm>[ap]\.?m\.?)?\s*(?P<zone>{_ZONE})?\s*$", re.I)
_TIMES_ARE = re.compile(r"\btimes?\s+(?:are|in|shown)\b", re.I)
_PAGE_ZONE = re.compile(r"\b(?P<city>Kyiv|Kiev|Moscow|London|Warsaw|Brussels|Berlin|Paris|Washington|New York) time\b"
                        rf"|\b(?:all\s+)?times?\s+(?:are\s+|in\s+)+(?P<zone>{_ZONE})\b"
                        # the page's own stamp: "Tue 27 Feb 2029 08.30 EET"
                        rf"|\b\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?\s*)?(?P<stamp>{_ZONE})\b", re.I)
_BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "dd", "td"})
_NOT_POSTS = frozenset({"nav", "aside", "footer", "header", "a", "script", "style"})
# a page needs this many clocks of one markup to be read as a live page of timed posts (a header's clock widget
# and a byline's "Updated 21:10" make two); more than MAX_POSTS, or a page of more than MAX_ELEMENTS elements
# under its posts' container, gets none (no reading of a huge page is worth a slow ingest)
MIN_POSTS = 3
MAX_POSTS = 500
MAX_ELEMENTS = 50_000
# a bare clock this far behind the one before it (in the page's order of time) has passed midnight; a post
# stamped a little out of order has not
MIDNIGHT_TURN = timedelta(hours=6)
# a line naming the page's zone is short: "Live updates · June 14, 2029 · Kyiv time", "All times are GMT+3."
ZONE_LINE_CHARS = 80


def published_time(tree: etree._Element) -> Optional[datetime]:
    """The page's published time with its zone, from its metadata (`article:published_time`, JSON-LD's
    `datePublished`, `itemprop="datePublished"`); None when the metadata gives only a day or no zone."""
    values = tree.xpath("//meta[@property='article:published_time' or @property='og:published_time'"
                        " or @name='pubdate' or @name='publish-date' or @itemprop='datePublished']/@content")
    values += tree.xpath("//*[@itemprop='datePublished']/@datetime")
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        values.extend(_json_ld_dates(script))
    for value in values:
        if (when := aware_time(value)) is not None:
            return when
    return None


def _json_ld_dates(script: str) -> Iterator[str]:
    try:
        data = json.loads(script)
    except ValueError:
        return
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                yield item["datePublished"]
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))


def aware_time(value: object) -> Optional[datetime]:
    """An ISO date-time with its zone ("2029-04-05T07:05:00+03:00", "…Z"), else None."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if "T" not in value:
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo is not None else None


def live_posts(tree: etree._Element, text: str, day: Optional[date], published_at: Optional[datetime]) -> list[TimedPost]:
    """The posts of a live page found in `text` (the page's main text), each with the time the page shows
    above it. A post is the text blocks after its clock up to the next clock, inside the element holding
    all the page's clocks; blocks the main text left out are skipped. `day` (the page's publication day)
    dates a bare clock. Blocks after the last post's element are the page's, not the post's."""
    body = tree.find("body")
    if body is None:
        return []
    clocks = _post_clocks(body)
    if not clocks:
        return []
    page_zone = _page_zone(body, published_at)
    container = _common_ancestor(clocks)
    boxes = _post_boxes(clocks, container)
    times = dict(zip((id(c) for c in clocks), _clock_times(clocks, day, page_zone)))
    posts: list[TimedPost] = []
    current: Optional[datetime] = None
    box: Optional[etree._Element] = None
    spans: list[Span] = []
    cursor = 0

    def close() -> None:
        if current is not None and spans:
            posts.append(TimedPost(span=(spans[0][0], spans[-1][1]), at=current))

    for blocks, element in enumerate(e for e in container.iter() if isinstance(e.tag, str)):
        if blocks > MAX_ELEMENTS:
            return []  # no page of posts is this large: a page this size gets no post times rather than a slow read
        if id(element) in times:
            close()
            current, box, spans = times[id(element)], boxes[id(element)], []
            continue
        if current is None or element.tag not in _BLOCKS:
            continue
        inside = list(_ancestors(element, container))
        if any(a.tag in _NOT_POSTS for a in inside) or box is not None and box not in inside:
            continue
        words = " ".join(element.text_content().split())
        if not words or _CLOCK.match(words):
            continue
        found = _find(text, words, cursor)
        if found is not None:
            spans.append(found)
            cursor = found[1]
    close()
    return posts


def _post_clocks(body: etree._Element) -> list[etree._Element]:
    """The clocks heading a live page's posts: elements holding only a time, outside navigation, sidebars and
    link lists, and not inside another clock (a `<time datetime>` around its shown "10:40"), of the markup
    most of them share (tag and class: a header's clock widget or a byline's "Updated 21:10" is no post's), at
    least MIN_POSTS of it."""
    clocks = [e for e in body.iter() if isinstance(e.tag, str) and _is_clock(e)]
    # elements themselves as keys: lxml hands out a new proxy (and id) for a node no reference keeps alive
    inner = {e for c in clocks for e in c.iterdescendants()}
    clocks = [c for c in clocks if c not in inner]
    if len(clocks) < MIN_POSTS or len(clocks) > MAX_POSTS:
        return []
    shapes = Counter(_shape(c) for c in clocks)
    shape, count = shapes.most_common(1)[0]
    return [c for c in clocks if _shape(c) == shape] if count >= MIN_POSTS else []


def _shape(element: etree._Element) -> tuple[str, str]:
    return element.tag, " ".join(sorted((element.get("class") or "").split()))


def _is_clock(element: etree._Element) -> bool:
    if element.tag in ("script", "style", "a") or len(element) > 0 and element.tag != "time":
        return False
    if not _CLOCK.match(" ".join(element.text_content().split())):
        return False
    # a sidebar's "12:40 Evacuation continues" list is headlines, not posts
    return not any(a.tag in ("nav", "aside", "footer", "a", "li") for a in element.iterancestors())


def _post_boxes(clocks: list[etree._Element], container: etree._Element) -> dict[int, Optional[etree._Element]]:
    """For each clock, the element holding its post: its highest ancestor under `container` holding no other
    clock; None when the clock stands alone among the page's paragraphs (its post runs to the next clock)."""
    held: Counter[etree._Element] = Counter()
    for clock in clocks:
        for a in clock.iterancestors():
            held[a] += 1
            if a is container:
                break
    boxes: dict[int, Optional[etree._Element]] = {}
    for clock in clocks:
        box = None
        for a in clock.iterancestors():
            if a is container or held[a] > 1:
                break
            box = a
        boxes[id(clock)] = box
    return boxes


def _ancestors(element: etree._Element, stop: etree._Element) -> Iterator[etree._Element]:
    yield element
    for a in element.iterancestors():
        if a is stop:
            return
        yield a


def _common_ancestor(elements: list[etree._Element]) -> etree._Element:
    paths = [list(reversed([e, *e.iterancestors()])) for e in elements]
    common = paths[0][0]
    for level in zip(*paths):
        if all(x is level[0] for x in level):
            common = level[0]
        else:
            break
    return common


def _page_zone(body: etree._Element, published_at: Optional[datetime]) -> Optional[tzinfo]:
    """The zone a page names for its clocks on a line of its own ("Live updates · 5 April 2029 · Kyiv time",
    "All times are GMT+3", its stamp "Tue 27 Feb 2029 08.30 EET"; not "talks resume at 10:00 Moscow time" in a
    post's sentence), else its published
    time's when that is not UTC (a site stamping its metadata in UTC says nothing of the clocks it shows)."""
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        line = " ".join((element.text or "").split())
        if not line or not (_TIMES_ARE.search(line) and len(line) <= 4 * ZONE_LINE_CHARS
                            or len(line) <= ZONE_LINE_CHARS and not line.endswith(".")):
            continue  # "Edited by … . All times are Kyiv time (GMT+3)." names it; a post's sentence does not
        match = _PAGE_ZONE.search(line)
        if match is None:
            continue
        if match.group("city"):
            try:
                return ZoneInfo(_CITY_ZONES[match.group("city").lower()])
            except (ZoneInfoNotFoundError, KeyError):
                return None
        return _zone(match.group("zone") or match.group("stamp"))
    if published_at is not None and published_at.utcoffset() != timedelta(0):
        return published_at.tzinfo
    return None


def _zone(abbreviation: str) -> Optional[tzinfo]:
    name = re.sub(r"\s+", "", abbreviation).upper()
    if (m := re.fullmatch(r"(?:UTC|GMT)([+-](?:1[0-4]|0?\d))", name)) is not None:
        return timezone(timedelta(hours=int(m.group(1))))
    if name == "ET":
        try:
            return ZoneInfo("America/New_York")
        except ZoneInfoNotFoundError:
            return None
    return timezone(timedelta(seconds=_ZONE_OFFSETS[name])) if name in _ZONE_OFFSETS else None


def _clock_times(clocks: list[etree._Element], day: Optional[date], page_zone: Optional[tzinfo]
                 ) -> list[Optional[datetime]]:
    """Each clock's time: a `<time datetime>`'s own, else the clock on `day` in its zone. A live page runs one way
    (newest first, or oldest first); a bare clock that turns back against that order has passed midnight
    ("00:40" above "22:10" on a newest-first page is the next day's)."""
    times = [_clock_time(c, day, page_zone) for c in clocks]
    bare = [i for i, c in enumerate(clocks) if not (c.tag == "time" and aware_time(c.get("datetime")))]
    shown = [(i, times[i]) for i in bare if times[i] is not None]
    # the page's order from the steps between its posts; a turn at midnight is a step of most of a day
    steps = [b - a for (_, a), (_, b) in zip(shown, shown[1:]) if abs(b - a) <= timedelta(hours=12)]
    newest_first = sum(s < timedelta(0) for s in steps) > sum(s > timedelta(0) for s in steps)
    chronological = list(reversed(shown)) if newest_first else shown
    extra, previous = timedelta(0), None
    for i, shown_at in chronological:
        at = shown_at + extra
        if previous is not None and at < previous - MIDNIGHT_TURN:
            extra += timedelta(days=1)
            at += timedelta(days=1)
        times[i] = previous = at
    return times


def _clock_time(element: etree._Element, day: Optional[date], page_zone: Optional[tzinfo]) -> Optional[datetime]:
    if element.tag == "time" and (when := aware_time(element.get("datetime"))) is not None:
        return when
    match = _CLOCK.match(" ".join(element.text_content().split()))
    if match is None or day is None:
        return None
    hour = int(match.group("h")) % 12 + (12 if (match.group("ampm") or "").lower().startswith("p") else 0) \
        if match.group("ampm") else int(match.group("h"))
    zone = _zone(match.group("zone")) if match.group("zone") else page_zone
    if zone is None:
        return None
    return datetime(day.year, day.month, day.day, hour, int(match.group("m")), tzinfo=zone)


def _find(text: str, words: str, start: int) -> Optional[Span]:
    """Where the block's words stand in the main text from `start` on (the main text keeps the page's order; a
    block found only before it is a repeat, a summary's copy), matched on the first words, the span running to
    the block's length."""
    head = words[:80]
    at = text.find(head, start)
    if at < 0:
        return None
    return at, min(len(text), at + len(words))
