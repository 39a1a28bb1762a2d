"""Summaries the report and the web UI draw: stories per day and status, and located stories."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Optional

from claimdesk.models import STORY_STATUSES as STATUSES
from claimdesk.models import Story
from claimdesk.report.geojson_export import located_place
from claimdesk.report.worldmap import country_iso3, project
from claimdesk.store import Store
from claimdesk.store.stories import (
    StoryFilter, count_stories, counts_by_day_and_status, earliest_publications, iter_placed_stories,
)

def status_counts(store: Store) -> dict[str, int]:
    counts = dict.fromkeys(STATUSES, 0)
    counts.update({status: n for status, n in store.counts_by("stories", "status") if status})
    return counts


@dataclass
class TimelineBar:
    label: str
    since: date
    until: date
    counts: dict[str, int]
    total: int
    x: float = 0.0
    segments: list[tuple[str, float, float]] = field(default_factory=list)  # (status, y, height)
    earlier: bool = False  # the bin of stories first seen before the period the documents cover


@dataclass
class Timeline:
    bars: list[TimelineBar]
    width: float
    height: float
    bar_width: float
    peak: int
    undated: int
    label_every: int
    start: Optional[date] = None  # where the period the documents cover starts (see `period_start`)
    earlier: int = 0  # stories first seen before `start`, folded into the first bar


# The period the documents cover: a few documents dated long before the rest (an archive page, a
# wrong date in metadata, a background piece) would otherwise stretch the axis over years with
# nothing on it. At most BACKGROUND_SHARE of the dated documents (at least one) may fall before the
# period, and only across a gap longer than both GAP_DAYS and the period itself; documents spread
# evenly over years fold nothing.
BACKGROUND_SHARE = 0.1
GAP_DAYS = 30
MARGIN_DAYS = 7


def period_start(store: Store) -> Optional[date]:
    """The first day of the period the stored documents cover (None: no dated document)."""
    dates = earliest_publications(store, lambda dated: max(1, int(dated * BACKGROUND_SHARE)) + 1)
    if not dates.dated:
        return None
    earliest, last, most = dates.earliest, dates.last, max(1, int(dates.dated * BACKGROUND_SHARE))
    start, widest = earliest[0], 0
    for k in range(1, min(most, len(earliest) - 1) + 1):
        gap = (earliest[k] - earliest[k - 1]).days
        if gap > max(GAP_DAYS, (last - earliest[k]).days) and gap > widest:
            start, widest = earliest[k], gap
    return start - timedelta(days=MARGIN_DAYS) if widest else start


def _month_end(d: date) -> date:
    nxt = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


def _filled(keys: list[date], monthly: bool, max_bars: int = 400) -> list[date]:
    """`keys` with the empty days (or months) between them, so gaps in time show as gaps."""
    first, last = keys[0], keys[-1]
    span = (last.year - first.year) * 12 + last.month - first.month if monthly else (last - first).days
    if span >= max_bars:
        return keys
    if not monthly:
        return [date.fromordinal(first.toordinal() + i) for i in range(span + 1)]
    return [date(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1, 1) for i in range(span + 1)]


def timeline(store: Store, height: float = 120.0, max_days: int = 92) -> Timeline:
    """Stories per first-seen day (per month when they span more than `max_days`), stacked by status."""
    rows = [(r.day, r.status, r.count) for r in counts_by_day_and_status(store)]
    undated = sum(n for day, _, n in rows if day is None)
    start = period_start(store)
    before = [(day, status, n) for day, status, n in rows if day is not None and start and day < start]
    dated = [(day, status, n) for day, status, n in rows if day is not None and not (start and day < start)]
    if not dated and not before:
        return Timeline([], 0, height, 0, 0, undated, 1)
    if not dated:  # every story is older than the documents' period: nothing to fold
        dated, before, start = before, [], None
    days = [d for d, _, _ in dated]
    monthly = (max(days) - min(days)).days > max_days
    buckets: dict[date, dict[str, int]] = defaultdict(lambda: dict.fromkeys(STATUSES, 0))
    for day, status, n in dated:
        key = day.replace(day=1) if monthly else day
        buckets[key][status] = buckets[key].get(status, 0) + n
    keys = _filled(sorted(buckets), monthly)
    bar_width = round(max(4.0, min(40.0, 700 / (len(keys) + bool(before)) - 2)), 1)  # about 700 px wide, whatever the span
    earlier_counts = dict.fromkeys(STATUSES, 0)
    for _, status, n in before:
        earlier_counts[status] = earlier_counts.get(status, 0) + n
    peak = max([sum(c.values()) for c in buckets.values()] + [sum(earlier_counts.values())])
    bars = []
    if before:
        bars.append(TimelineBar(label="earlier", since=min(d for d, _, _ in before), until=start - timedelta(days=1),
                                counts=earlier_counts, total=sum(earlier_counts.values()), earlier=True))
    for key in keys:
        counts = buckets.get(key) or dict.fromkeys(STATUSES, 0)
        bars.append(TimelineBar(
            label=key.strftime("%Y-%m") if monthly else key.isoformat(),
            since=key, until=_month_end(key) if monthly else key, counts=counts, total=sum(counts.values())))
    for i, bar in enumerate(bars):
        bar.x = i * (bar_width + 2)
        counts = bar.counts
        y = height
        for status in STATUSES:
            h = height * counts.get(status, 0) / peak
            if h:
                y -= h
                bar.segments.append((status, round(y, 2), round(h, 2)))
    label_every = max(1, int(70 // (bar_width + 2)) + 1)
    return Timeline(bars, len(bars) * (bar_width + 2), height, bar_width, peak, undated, label_every,
                    start=start, earlier=sum(earlier_counts.values()))


@dataclass
class MapPoint:
    id: str
    text: str
    status: str
    sources: int
    place: str
    x: float
    y: float
    date: Optional[str]
    kind: Optional[str] = None  # city, region or country: a region or country is an area
    iso_a3: Optional[str] = None  # the country of a country-level place, to shade its outline


def map_points(store: Store, flt: StoryFilter = StoryFilter(), limit: int = 2000, scan: int = 20000) -> list[MapPoint]:
    """Up to `limit` located stories, best-sourced first (looking at no more than `scan` stories)."""
    return map_layer(store, flt, limit, scan).points


@dataclass
class MapLayer:
    """The located stories a map draws, and what it left out, so the page can say so."""

    points: list[MapPoint]
    scanned: int  # stories naming a place looked at, best-sourced first
    matching: int  # stories matching the filters
    stopped_at_limit: bool  # `limit` located stories were found before the end

    ended: bool = False  # every story naming a place was looked at

    @property
    def complete(self) -> bool:
        return self.ended and not self.stopped_at_limit


def map_layer(store: Store, flt: StoryFilter = StoryFilter(), limit: int = 5000, scan: int = 50000) -> MapLayer:
    """Up to `limit` located stories, best-sourced first, looking at no more than `scan` stories."""
    points: list[MapPoint] = []
    scanned, full, ended = 0, False, True
    for story in iter_placed_stories(store, flt):
        if len(points) >= limit or scanned >= scan:
            full, ended = len(points) >= limit, False
            break
        scanned += 1
        point = map_point(story)
        if point:
            points.append(point)
    return MapLayer(points, scanned, count_stories(store, flt), full, ended)


def map_point(story: Story) -> Optional[MapPoint]:
    place = located_place(story)
    if place is None:
        return None
    x, y = project(place.lon, place.lat)
    when = story.when.value if story.when else (story.first_seen.isoformat() if story.first_seen else None)
    iso_a3 = country_iso3(place.country) if place.kind == "country" else None
    return MapPoint(story.id, story.text, story.status, story.independent_sources, place.name, x, y, when,
                    place.kind, iso_a3)
