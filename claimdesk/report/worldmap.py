"""An offline world map: shipped country outlines projected to SVG paths, and points on them.

Plate carrée (x = longitude, y = -latitude) in a 360 x 150 box that runs from 90°N to 60°S;
Antarctica is left out so the inhabited world fills the frame.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

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
