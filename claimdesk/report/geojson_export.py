"""The ledger as GeoJSON (RFC 7946): a FeatureCollection with one Point per story that has a place
with coordinates, written feature by feature.

The point is the story's most specific place: a town before a region, a region before a country.
`properties.kind` says which (`city`, `region` or `country`): a region's or a country's point is
its capital, standing for an area, and a map should draw it as one."""

from __future__ import annotations

from typing import Any, Optional, TextIO

from claimdesk.models import Place, Story
from claimdesk.report.plain_text import json_text
from claimdesk.report.stream import stream_stories
from claimdesk.store import Store
from claimdesk.store.stories import StoryFilter


_SPECIFICITY = {"city": 0, None: 1, "region": 2, "country": 3}


def located_place(story: Story) -> Optional[Place]:
    """The most specific place with coordinates (the first of its kind in the story)."""
    located = [p for p in story.places if p.lat is not None and p.lon is not None]
    return min(located, key=lambda p: _SPECIFICITY.get(p.kind, 1), default=None)


def story_feature(story: Story) -> Optional[dict[str, Any]]:
    place = located_place(story)
    if place is None:
        return None
    return {
        "type": "Feature",
        "id": story.id,
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": {
            "id": story.id,
            "text": story.text,
            "status": story.status,
            "event_type": story.event_type,
            "sources": story.independent_sources,
            "mentions": len(story.mentions),
            "outlets": list(dict.fromkeys(m.outlet for m in story.mentions if m.outlet)),
            "place": place.name,
            "country": place.country,
            "kind": place.kind,
            "geonameid": place.geonameid,
            "date": story.when.value if story.when else (story.first_seen.isoformat() if story.first_seen else None),
        },
    }


def write_geojson(store: Store, out: TextIO, flt: StoryFilter = StoryFilter()) -> int:
    """Write a FeatureCollection; return the number of features (stories without coordinates are left out)."""
    count = 0
    out.write('{"type": "FeatureCollection", "features": [')
    for story in stream_stories(store, flt):
        feature = story_feature(story)
        if feature is None:
            continue
        out.write(",\n" if count else "\n")
        out.write(json_text(feature))
        count += 1
    out.write("\n]}\n")
    return count
