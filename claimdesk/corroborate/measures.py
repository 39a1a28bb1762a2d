"""What a number, a date or a place in a claim is about, so that only statements about the same thing
are compared: 2.1 million vs 2.6 million refugees registered in Poland disagree; a debt ratio, a GDP
fall and a growth forecast, all in percent, do not; "nearly 500,000" and "more than 500,000" agree.

A number measures a `Measure`: the counted noun's class (`soldiers`/`officers` are one class,
`refugees` another, `percent`, `USD`), what it is "of" ("percent of GDP"), the words between it and
its predicate ("debt ratio of 60 percent", "7 percent bigger"), the predicate's subject ("GDP fell 3
percent" -> gdp, "the debt ratio rose to 60 percent" -> debt ratio) and the event it
counts (the predicate above it: "were killed", "registered"), read from the dependency parse, and
the stretch of time it is counted over when that is a part of a longer one ("in his last two games",
"during the deciding run": not the season's or the game's figure). Its value is an interval from its
qualifier and from how far the writer rounded it (`interval`).

A date or a place is compared only through the `Frame` it is attached to: the predicate and its core
arguments ("the vote was held on 3 March" -> hold {vote}); a date of speaking ("said on Thursday")
frames no event.

Parsing is the costly part, so it is done only for a pair that the cheap checks already found at odds
(same counted-noun class and disjoint intervals, two different days, two far-apart cities), and the
parse of a sentence is kept (`parse`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from claimdesk.extraction.quantities import elided_part, written_as_ratio
from claimdesk.extraction.setting import setting_region
from claimdesk.models import Claim, Place, Quantity, Span

# Nouns counting the same kind of person. A story that says "six officers killed" and another that
# says "twenty soldiers killed" count one group; soldiers and civilians are two groups.
MILITARY = {"soldier", "troop", "officer", "serviceman", "servicemen", "personnel", "fighter", "militant",
            "deserter", "marine", "sailor", "pilot", "commander", "conscript", "mercenary", "combatant"}
PEOPLE = {"people", "person", "dead", "killed", "injured", "wounded", "casualty", "victim", "death", "fatality"}
# Predicates that name one event in other words (kept small: the sentence-embedding matcher of the
# same-fact model is the general answer; these are the casualty and deployment verbs of war news).
EVENT_CLASS = {"die": "kill", "dead": "kill", "kill": "kill", "slay": "kill", "killed": "kill",
               "wound": "injure", "injure": "injure", "hurt": "injure", "injured": "injure", "wounded": "injure",
               "send": "deploy", "deploy": "deploy", "dispatch": "deploy", "station": "deploy",
               "launch": "fire", "fire": "fire", "shoot": "fire", "shell": "fire",
               "intercept": "intercept", "down": "intercept",
               "hit": "strike", "strike": "strike",
               # taking someone or somewhere: "capture" is both ("captured two soldiers", "captured the
               # village"), so seizing a place is in its class ("denied claims that the village had been
               # captured" denies "forces seized the village")
               "arrest": "detain", "detain": "detain", "capture": "detain", "seize": "detain", "occupy": "detain"}
# Counts of people coming home, one event however it is told: "freed 215 soldiers", "released 205",
# "returned 157 servicemen" (a figure's event only: as deeds a denial denies, freeing the girls and
# releasing fighters stay two, which news_cluster's labelled denial of a swap needs)
COUNTED_EVENT = {"free": "release", "release": "release", "repatriate": "release", "return": "release"}
# Bombs an aircraft dropped, released or struck a place with are the bombs of one strike, however it is told
# ("Russian aircraft dropped four guided aerial bombs on Sumy" / "Four guided aerial bombs hit the city" / "struck the
# city of Sumy with four guided aerial bombs"); the war sets' keys read each pair as one count.
_BOMBING = {"drop", "strike", "release", "use", "fall", "land"}
_PARTITIVE = {"include", "including", "excluding", "exclude"}
# What air defence did to drones and missiles, in whichever words, is one count: "21 drones were destroyed over the
# Kursk region" / "16 drones had been shot down over the region" / "27 drones were repelled and destroyed"
AIRBORNE = frozenset({"drone", "missile", "uav", "rocket"})
_AIR_DEFENCE = {"destroy", "intercept", "repel", "neutralise", "neutralize", "suppress", "down", "eliminate"}
# The date of these is when something was said, not when the event happened.
SPEECH = {"say", "tell", "report", "announce", "add", "state", "claim", "note", "confirm", "write", "publish",
          "declare", "speak", "comment", "explain", "insist", "warn"}
_LOCATIVE = {"in", "near", "at", "outside", "around", "inside", "into", "on", "across", "over"}
_CORE = {"nsubj", "nsubjpass", "dobj", "attr", "pobj", "agent"}


@lru_cache(maxsize=20_000)
def parse(text: str):  # noqa: ANN201 - a spaCy Doc; spaCy is imported only when a pair needs it
    """The dependency parse of one claim's text, with the extractor's pipeline."""
    from claimdesk.extraction.nlp import load_nlp

    return load_nlp()(text)


def noun_class(lemma: str) -> str:
    """A counted noun's class: military persons are one, people in general another, else the lemma."""
    low = lemma.lower()
    single = low[:-3] + "y" if low.endswith("ies") else low[:-1] if low.endswith("s") and not low.endswith("ss") else low
    if low in MILITARY or single in MILITARY:
        return "military"
    if low in PEOPLE or single in PEOPLE:
        return "people"
    return _SPELLING.get(single, single)


# one unit however spelt: "1,200 square meters" and "3,000 square metres" measure alike
_SPELLING = {"men": "man", "women": "woman", "meter": "metre", "kilometer": "kilometre", "square meter": "square metre",
             "square kilometer": "square kilometre", "feet": "foot", "square feet": "square foot"}


def event_class(lemma: Optional[str]) -> Optional[str]:
    return None if lemma is None else EVENT_CLASS.get(lemma.lower(), lemma.lower())


def _step(value: float) -> float:
    """One unit of the last significant digit the writer gave: 2,100,000 -> 100,000; 30 -> 10; 2.5 -> 0.1."""
    if value == 0:
        return 1.0
    if float(value).is_integer():
        n, step = int(abs(value)), 1
        while n and n % 10 == 0:
            n //= 10
            step *= 10
        return float(step)
    decimals = len(f"{value:.6f}".rstrip("0").split(".")[1])
    return 10.0 ** -decimals


# A number written with a scale word or round thousands ("2.1 million", "500,000") is rounded by
# its writer to its last digit; one written in full below that ("six", "20", "310") is a count.
ROUNDED_FROM = 1000.0


def interval(q: Quantity) -> tuple[float, float]:
    """The values a stated quantity allows. `about X` (also "nearly", "roughly", "some") allows what
    rounds to a round X, half a unit of its last significant digit either side ("about 30" -> 25..35,
    "nearly 500,000" -> 450,000..550,000, "about 3,000 square metres" -> 2,500..3,500: the emergency
    service's 2,400 disagrees), and one unit either side of a count that is not round ("about five" ->
    4..6, "some 12" -> 11..13); `at_least` and `up_to` are open on one side (but see `reached_interval`); an
    exact round number allows half a unit of its last digit either side, an exact small count only itself."""
    v = q.value
    step = _step(v)
    if q.qualifier == "about":
        # a round figure was rounded to its last digit; a small count told as "about five" or "some 12" is looser
        return (v - step / 2, v + step / 2) if step >= 10 else (v - step, v + step)
    if q.qualifier == "up_to":
        return 0.0, v
    if q.qualifier == "at_least":
        return v, math.inf
    if q.qualifier == "range" and q.high is not None:
        return v, q.high
    if step >= ROUNDED_FROM:
        return v - step / 2, v + step / 2
    return v, v


# "up to N" of what happened is a figure reached, not any figure below it: one under this share of N is another account
REACHED_SHARE = 0.5
_UP_TO = re.compile(r"(?:up\s+to|as\s+many\s+as)\b", re.I)


def reached_interval(q: Quantity) -> tuple[float, float]:
    """What "up to N" or "as many as N" allows when it tells the figure a count of what happened reached ("up to
    40,000 households" were without heating): REACHED_SHARE of N up to N, so the regional administration's "about
    12,000" disagrees and "nearly 30,000" does not. Other bounds from above ("fewer than", "under", "below", "at
    most") stay open below: `interval`."""
    if q.qualifier == "up_to" and _UP_TO.match(q.text.strip()):
        return q.value * REACHED_SHARE, q.value
    return interval(q)


def near_interval(q: Quantity) -> tuple[float, float]:
    """What one count told two ways allows, where `interval` says only what a figure rules out: half a unit of
    the last significant digit either side of an approximate figure ("about 30": 25-35, so not 24), on the open
    side of a bound ("more than 40": 40-45, allowing 43; "more than 400": 400-450); an exact figure only itself."""
    half = _step(q.value) / 2
    if q.qualifier == "about":
        return q.value - half, q.value + half
    if q.qualifier == "at_least":
        return q.value, q.value + half
    if q.qualifier == "up_to":
        return q.value - half, q.value
    if q.qualifier == "range" and q.high is not None:
        return q.value, q.high
    return q.value, q.value


def overlap(a: Quantity, b: Quantity) -> bool:
    (a0, a1), (b0, b1) = interval(a), interval(b)
    return a0 <= b1 and b0 <= a1


_RELATIVE = {"who", "which", "that"}
# a figure whose owner is only a pronoun the claim gives no antecedent for ("He finished with 14 points")
# is someone's the claim does not name: it is not compared with a figure of someone named (two such
# figures are compared: a story's mentions are taken to speak of one party)
UNKNOWN_OWNER = "?"
COUNTRY = "country:"  # an owner key for the country a subject names or belongs to


@dataclass(frozen=True)
class Frame:
    """The event a fact is attached to: its predicate's class and the lemmas of its core arguments."""

    predicate: Optional[str]
    arguments: frozenset[str]

    def same_event(self, other: "Frame") -> bool:
        return (self.predicate is not None and self.predicate == other.predicate
                and bool(self.arguments & other.arguments))


@dataclass(frozen=True)
class Measure:
    """What one quantity of a claim counts."""

    quantity: Quantity
    thing: str                 # class of the counted noun: "military", "refugee", "percent", "USD"
    of: Optional[str]          # "60 percent of GDP" -> "gdp"
    owners: frozenset[str]     # the predicate's subject: "GDP fell 3 percent" -> {"gdp"}
    event: Optional[str]       # class of the predicate: "kill", "register", "fall"
    counted: str               # the words naming it, for the report: "officers killed"
    attribute: frozenset[str] = frozenset()  # words between number and predicate: "debt ratio of 60%",
    #                                          "7 percent bigger" -> {"big"}; what a counted subject does it to:
    #                                          "states hold contests" -> {"contest"}
    window: frozenset[str] = frozenset()  # a part of the period it is counted over: "in his last two games"
    scope: frozenset[str] = frozenset()   # the places it is counted in: "drones over the Krasnodar region"
    over_several: bool = False            # counted over several areas: "drones over Russian regions"
    part: bool = False                    # a part of a figure before it: "47 drones, including 19 over Belgorod"

    def counts_as(self, other: "Measure") -> bool:
        """The same kind of thing counted in the same event, whoever it is credited to."""
        return self.thing == other.thing and self.event == other.event and self.of == other.of

    def same_quantity(self, other: "Measure") -> bool:
        if self.thing != other.thing or self.event != other.event or self.of != other.of:
            return False
        if self.window != other.window:
            return False  # "blocked two shots during the deciding run" is a part of the game's six
        if (self.scope or other.scope) and self.over_several != other.over_several:
            return False  # "34 drones over the Krasnodar region" is a part of "78 drones over Russian regions"
        if self.over_several and other.over_several and self.scope != other.scope:
            return False  # "12 drones over Kursk, Belgorod and Bryansk oblasts" is no count of "30 over several regions"
        if self.scope and other.scope and not self.scope & other.scope:
            return False  # "over the Belgorod region" / "over the Kursk region"
        if (self.part or other.part) and not (self.scope and other.scope):
            return False  # "including 19 over the Belgorod region" is no count of "41 drones overnight"
        if self.event is None and not ((self.owners | self.attribute) & (other.owners | other.attribute) - {UNKNOWN_OWNER}):
            return False  # neither an event nor an owner ties the two numbers to one thing
        # one country and its forces are one owner, two countries two; inside one country the finer
        # owner still tells them apart ("Ukraine's air force" / "Ukraine's navy")
        countries = _parties(self.owners), _parties(other.owners)
        finer = self.owners - countries[0], other.owners - countries[1]
        pairs = [(self.attribute, other.attribute), countries, finer] if all(countries) else \
            [(self.attribute, other.attribute), (self.owners, other.owners)]
        return not any(mine and theirs and not (mine & theirs) for mine, theirs in pairs)


def _parties(owners: frozenset[str]) -> frozenset[str]:
    return frozenset(o for o in owners if o.startswith(COUNTRY))


def unit_class(q: Quantity) -> Optional[str]:
    """The cheap key: a quantity whose counted noun is unknown is never compared."""
    if not q.unit:
        return None
    if q.unit in ("USD", "EUR", "GBP", "percent"):
        return q.unit
    if q.unit == "crew":
        return "member"  # "three of its crew" counts what "five of its 21 crew members" does (not "five rescue crews")
    return noun_class(q.unit)


def _relative(claim: Claim, span: Optional[Span], text: str) -> Optional[tuple[int, int]]:
    """A document span as offsets into the claim's text (found by its words if offsets disagree)."""
    if span is not None:
        start, end = span[0] - claim.span[0], span[1] - claim.span[0]
        if 0 <= start < end <= len(claim.text) and claim.text[start:end] == text:
            return start, end
    at = claim.text.find(text)
    return (at, at + len(text)) if at >= 0 else None


def _tokens(doc, where: tuple[int, int]) -> list:  # noqa: ANN001
    return [t for t in doc if t.idx < where[1] and t.idx + len(t.text) > where[0]]


def _predicate(token):  # noqa: ANN001, ANN202
    """The verb above a token (the nearest one), or a participle/adjective that describes it."""
    for child in token.children:
        if child.dep_ in ("acl", "relcl") and child.pos_ in ("VERB", "AUX"):
            return child
        if child.dep_ == "amod" and child.lemma_.lower() in EVENT_CLASS:
            return child
    t = token
    while t.head.i != t.i:
        t = t.head
        if t.dep_ == "prep" and t.lemma_.lower() in _PARTITIVE:
            continue  # "destroyed 47 drones, including 19 over Belgorod": the 19 were destroyed
        if t.dep_ == "prep" and t.lemma_.lower() == "accord" and token.dep_ == "appos":
            # "According to the administration, 212 people … were evacuated", the people parsed as the
            # administration's apposition: the source's phrase hangs on what happened to them (not "According
            # to two officials, …": the officials are the source)
            continue
        if t.pos_ in ("VERB", "AUX") or (t.pos_ == "ADJ" and t.lemma_.lower() in EVENT_CLASS):
            return t
    return None


def _arguments(pred, skip: set[int]) -> frozenset[str]:  # noqa: ANN001
    """Lemmas of a predicate's core nouns (subject, object, and the nouns of their compounds), but
    not the words at `skip` (the date or place being compared)."""
    out: set[str] = set()
    if pred is None:
        return frozenset()
    for child in pred.children:
        if child.dep_ in _CORE and child.pos_ in ("NOUN", "PROPN") and child.i not in skip:
            out.add(noun_class(child.lemma_))
            out.update(noun_class(c.lemma_) for c in child.children if c.dep_ == "compound")
    return frozenset(out)


def _subject(pred):  # noqa: ANN001, ANN202
    """The predicate's subject; for a relative clause's "who"/"which"/"that", the noun it hangs on ("the
    Chiefs, who rushed for 352 yards"); for a second verb without one, the first verb's ("He rushed for
    404 yards and had 52 catches"); for an -ing participle on the counted noun, the subject of the verb
    above unless that verb reports ("Smith had 440 yards receiving"); for a pronoun, the speaker it
    stands for ("Police said they arrested 12 people")."""
    if pred is None:
        return None
    subject = next((c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and pred.dep_ == "conj" and pred.head.pos_ in ("VERB", "AUX"):
        return _subject(pred.head)
    if subject is None and pred.dep_ == "acl" and pred.tag_ == "VBG":  # "had 440 yards receiving": who had them
        verb = next((t for t in pred.head.ancestors if t.pos_ in ("VERB", "AUX")), None)
        # not the one who reports them: "Rebels reported 12 soldiers killed" counts no rebels
        return _subject(verb) if verb is not None and verb.lemma_.lower() not in SPEECH else None
    if subject is not None and subject.lower_ in _RELATIVE:
        clause = pred  # "residents, who he said had lost 300 homes": the relative clause is the verb above
        while clause.dep_ in ("ccomp", "xcomp", "conj") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ == "relcl":
            return clause.head
    if subject is not None and subject.pos_ == "PRON" and subject.lower_ not in _RELATIVE and pred.dep_ == "ccomp" \
            and pred.head.lemma_.lower() in SPEECH:
        speaker = next((c for c in pred.head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
        if speaker is not None:
            return speaker  # "Police said they arrested 12 people": the police
    return subject


def _countries(subject) -> tuple[set[str], set[int]]:  # noqa: ANN001
    """The countries a subject names or belongs to, as owner keys, and the tokens that named them:
    "Russia", "Russian forces", "the Kremlin", "Ukraine's air force", "North Korea's military",
    "South African police" -> country:RU / UA / KP / ZA. Two-word names are read before single words."""
    from claimdesk.extraction.places import country_of_name

    words = sorted([t for t in subject.subtree if t.i <= subject.i and t.text[:1].isupper()], key=lambda t: t.i)
    keys, named = set(), set()
    for a, b in zip(words, words[1:]):
        if b.i == a.i + 1 and (code := country_of_name(f"{a.text} {b.text}")):
            keys.add(f"{COUNTRY}{code}")
            named.update((a.i, b.i))
    for t in words:
        if t.i not in named and (code := country_of_name(t.text)):
            keys.add(f"{COUNTRY}{code}")
            named.add(t.i)
    return keys, named


# A period a figure can be counted over, and the words that make it a part of a longer one: "in his
# last two games", "during the deciding run", "in the second half", "over the past 24 hours".
PERIODS = {"hour", "day", "week", "month", "year", "season", "game", "match", "half", "quarter", "inning", "run",
           "round", "minute"}
PART_MARKS = {"last": "last", "past": "last", "previous": "last", "first": "first", "opening": "first",
              "final": "final", "closing": "final", "deciding": "deciding", "decide": "deciding",
              **{w: w for w in ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")}}
_WINDOW_PREPOSITIONS = {"in", "during", "over", "within", "through", "throughout"}


def _window(pred, doc) -> frozenset[str]:  # noqa: ANN001
    """The part of a period a figure is counted over: "in/during/over …" with a period noun that is a
    part ("in his last two games", "in the first half", "in the past 24 hours"), hung on the figure's
    predicate or before the first of the verbs it is joined to, or opening the sentence before its
    first comma ("During the game's deciding 15-2 run, X scored …, grabbed … and blocked two shots",
    however the parser hangs it). Two figures of one thing are the same quantity only over the same
    period; "last" and "past" are one mark."""
    preps = [c for c in pred.children if c.dep_ == "prep"]
    t = pred
    while t.dep_ == "conj" and t.head.i != t.i:  # a phrase before the first of joined verbs scopes them all
        t = t.head
        preps += [c for c in t.children if c.dep_ == "prep" and c.i < t.i]
    for prep in (c for c in preps if c.lower_ in _WINDOW_PREPOSITIONS):
        for period in (c for c in prep.children if c.dep_ == "pobj"):
            window = _part_of_period(period, [m for m in period.children if m.dep_ in ("amod", "nummod")])
            if window:
                return window
    words = [t for t in doc if not t.is_space]
    if words and words[0].lower_ in _WINDOW_PREPOSITIONS:
        opening = []
        for t in words[1:]:
            if t.text == ",":
                break
            opening.append(t)
        else:
            return frozenset()  # no comma: not a phrase set before the clause
        for period in (t for t in reversed(opening) if t.pos_ == "NOUN"):
            window = _part_of_period(period, [t for t in opening if t.i < period.i])
            if window:
                return window
    return frozenset()


def _part_of_period(period, marks) -> frozenset[str]:  # noqa: ANN001
    """A period with a mark of a part (an ordinal, "last", "deciding") and its numbers; else nothing:
    "in the old quarter of Aleppo", "in the early hours", "in a remote stretch" are no part of a period."""
    noun = noun_class(period.lemma_)
    if noun not in PERIODS:
        return frozenset()
    found = {PART_MARKS[m.lemma_.lower()] for m in marks if m.lemma_.lower() in PART_MARKS}
    found |= {m.lower_ for m in marks if m.ent_type_ == "ORDINAL"}
    if not found:
        return frozenset()
    return frozenset({noun} | found | {m.text for m in marks if m.like_num and m.ent_type_ != "ORDINAL"})


def _object_besides(noun, pred) -> set[str]:  # noqa: ANN001
    """What the predicate does to something other than the counted: "11 states hold contests" and "two
    states hold primaries" count states holding two kinds of vote (the object refines the event)."""
    if pred is None or noun.head.i != pred.i or noun.dep_ not in ("nsubj", "nsubjpass"):
        return set()
    return {noun_class(_site_named(c).lemma_) for c in pred.children if c.dep_ == "dobj" and c.pos_ == "NOUN"}


# what a strike's weapons fell on, when a page names it by a proper name ("the Central Market", "the Regional Hospital")
_TARGETS = {"market", "hospital", "clinic", "school", "station", "terminal", "port", "plant", "depot", "bridge",
            "square", "university", "factory", "refinery", "warehouse", "church", "theatre", "theater", "stadium"}


def _target(pred) -> set[str]:  # noqa: ANN001 - a spaCy token
    """The thing a verb's weapons fell on, by its noun: "dropped three bombs on the Central Market" -> {"market"}
    (not a town: "on Sumy" is the count's place)."""
    if pred is None:
        return set()
    out = set()
    for prep in pred.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "onto", "at", "into"):
            for p in prep.children:
                if p.dep_ == "pobj" and (p.pos_ == "NOUN" or p.lower_ in _TARGETS):
                    out.add(noun_class(_site_named(p).lemma_.lower()))
    return out


def _bound_for(pred, places: set[str]) -> bool:  # noqa: ANN001
    """The predicate moves something to one of `places`: "moved to other hospitals"."""
    return any(p.lemma_.lower() in places for prep in pred.children if prep.dep_ == "prep" and prep.lower_ == "to"
               for p in prep.children if p.dep_ == "pobj")


def _out_of_a_place(pred) -> bool:  # noqa: ANN001
    """"taken out of" a settlement, named or not ("out of Vovchanski Khutory", "out of the villages")."""
    return any(p.pos_ == "PROPN" or p.lemma_.lower() in _SETTLEMENTS
               for out in pred.children if out.lower_ == "out" for of in [*out.children, *pred.children]
               if of.dep_ == "prep" and of.lower_ == "of" for p in of.children if p.dep_ == "pobj")


def _site_named(noun):  # noqa: ANN001, ANN202
    """The place a site word stands for: "hit the grounds of City Clinical Hospital No. 14" hit the hospital."""
    if noun.lemma_.lower() not in _SITE_OF:
        return noun
    named = next((p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
                  for p in prep.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")), noun)
    if named.lower_.rstrip(".") in ("no", "number"):  # "Hospital No. 14" parsed with "No" as the head
        named = next((c for c in reversed(list(named.children)) if c.dep_ == "compound"), named)
    return named


def _with_object(noun) -> bool:  # noqa: ANN001
    """The noun (or the first of the nouns it is listed with) is the object of "with": "with 143 drones and seven
    missiles"."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    return noun.dep_ == "pobj" and noun.head.lower_ == "with"


def _attacked_a_country(verb) -> bool:  # noqa: ANN001
    from claimdesk.extraction.places import country_of_name

    return any(c.dep_ == "dobj" and country_of_name(c.text) for c in verb.children)


def measure(claim: Claim, q: Quantity) -> Optional[Measure]:
    """What `q` counts in `claim`, from the claim's parse; None when its counted noun is unknown."""
    thing = unit_class(q)
    where = _relative(claim, q.span, q.text)
    if thing is None or where is None:
        return None
    doc = parse(claim.text)
    numbers = [t for t in _tokens(doc, where) if t.like_num or t.pos_ == "NUM"] or _tokens(doc, where)
    if not numbers:
        return None
    t = numbers[-1]
    while t.dep_ in ("compound", "quantmod", "nummod", "nmod") and t.head.pos_ == "NUM" and t.head.i != t.i:
        t = t.head
    noun = t.head if t.dep_ in ("nummod", "amod", "compound", "appos", "quantmod") and t.head.pos_ in ("NOUN", "PROPN", "SYM") else t
    bare = noun.i == t.i  # the figure stands for its noun ("including 19 over the Belgorod region")
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and (noun.head.head.like_num or noun.head.head.pos_ == "NUM") \
            and not any(c.dep_ in ("acl", "relcl") for c in noun.children):
        # a total another number counts out of ("won 18 of its next 23 games"), not what happened; "four
        # of the 12 people killed" still counts the killed
        return None
    of = next((noun_class(p.lemma_) for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
               for p in prep.children if p.dep_ == "pobj" and p.pos_ != "PRON"), None)  # not "19 of them"
    if of in _WORKPLACES and thing in _STAFF:
        of = None  # "three workers of the facility" / "two workers at the Stryi site": where they work
    if of is None and q.unit == "percent" and written_as_ratio(q.text):
        # a share written as a ratio is of the noun after it: "Six in 10 Democrats" (as "60% of Democrats")
        after = [t for t in doc if t.idx >= where[1] and not t.is_space][:1]
        if after and after[0].pos_ in ("NOUN", "PROPN"):
            of = noun_class(after[0].lemma_)
    if of == "crew":
        of = "member"
    pred = _predicate(noun)
    attribute: set[str] = set()
    t = noun
    stop = pred.i if pred is not None else -1
    while t.head.i != t.i and t.head.i != stop and t.i != stop:  # nouns on the way up: "debt ratio of 60%"
        t = t.head
        if t.pos_ in ("NOUN", "PROPN"):
            attribute.add(noun_class(t.lemma_))
            attribute.update(noun_class(c.lemma_) for c in t.children if c.dep_ == "compound")
        elif t.pos_ == "ADJ":  # "7 per cent bigger" and "30 percent brighter" measure two things
            attribute.add(t.lemma_.lower())
    owners: set[str] = set()
    subject = _subject(pred)
    if subject is not None and subject.i == noun.i and pred.dep_ in ("advcl", "acl") and pred.tag_ == "VBG" \
            and pred.head.pos_ in ("VERB", "AUX"):
        # "who had 352 yards rushing" parsed with the yards as the participle's subject: whoever had them
        subject = _subject(pred.head)
    agents: set[str] = set()  # the subject's own words, not its country: who did it
    if subject is not None and subject.i != noun.i and subject.pos_ in ("NOUN", "PROPN"):
        countries, named = _countries(subject)
        owners.update(countries)
        if subject.i not in named:  # "Russia fired": the country is the owner, "Russian forces": its forces
            agents.add(noun_class(subject.lemma_))
            agents.update(noun_class(c.lemma_) for c in subject.children if c.dep_ == "compound" and c.i not in named)
            owners.update(agents)
    elif subject is not None and subject.pos_ == "PRON":
        owners.add(UNKNOWN_OWNER)  # "he", or a "who" whose noun the parse does not give
    attribute.update(_object_besides(noun, pred))
    owners.discard(thing)
    attribute.discard(thing)
    event = event_class(pred.lemma_) if pred is not None else None
    event = COUNTED_EVENT.get(event, event) if event else event
    if event == "bring" and any(c.lower_ in ("home", "back") for c in pred.children if c.dep_ in ("advmod", "prt")):
        event = "release"  # "Ukraine brought home 205 servicemen"
    if thing in WEIGHTS and event in _GOODS_LOST:
        event = "destroy"  # "about 8,500 tonnes of grain were lost" / "12,000 tonnes of grain had been destroyed"
    if event in _MOVED and thing in _MOVABLE and _bound_for(pred, _CARE_PLACES):
        # "About 140 patients were moved to other hospitals" / "More than 200 patients were evacuated" (not moved
        # to the basement, to Russia, nor people who moved to a city)
        event = "evacuate"
    if event == "take" and thing in _MOVABLE and any(c.lower_ == "out" for c in pred.children if c.dep_ in ("prt", "prep")) \
            and _out_of_a_place(pred):
        event = "evacuate"  # "212 people were taken out of the villages" (not "out of the rubble": rescued)
    if any(c.dep_ == "prt" and c.lower_ == "down" for c in pred.children) if pred is not None else False:
        event = "intercept"  # "shot down 121 drones" counts what was downed, not what was fired ("launched 142")
    if thing in AIRBORNE and event in _AIR_DEFENCE:
        event = "intercept"  # "21 drones were destroyed over the Kursk region" / "16 drones had been shot down over it"
    if thing not in WEIGHTS and thing not in EXTENT_UNITS and pred is not None and _set_on_fire(pred):
        event = "burn"  # "two fuel tanks … had caught fire" / "four fuel tanks had been set ablaze": one count
    if event in _SUFFERED and attribute & _HARMS:
        event = "injure" if attribute & _HARMS != {"death"} else "kill"  # "two employees received minor injuries"
        attribute -= _HARMS
    if thing in AIRBORNE and event in _MOUNTED and _with_object(noun) and (event != "attack" or _attacked_a_country(pred)):
        # "carried out a massive strike with 11 long-range missiles", "attacked Ukraine with 143 drones": the weapons
        # fired in it, as "launched 143 drones and seven missiles" counts them
        event = "fire"
        attribute -= _STRIKE_NOUNS
    if thing == "bomb" and event in _BOMBING:
        event = "strike"  # "struck the city with four guided bombs" / "dropped three guided bombs on Sumy": one count
        owners -= agents  # "Russian aircraft dropped six" / "Russian forces dropped at least eight": one side's bombs
        attribute |= _target(pred)  # "dropped three guided aerial bombs on the Central Market": what they hit
    if event in _OUTAGE_VERBS and (taken := _supply_taken(pred)):
        event = "outage"  # "lost power", "are without electricity", "left … without power", "cutting power to",
        #                   "denied about 46,000 households power"
        # a place is no owner of the households: the subject the parse makes of a headline's "Sumy region: …"
        owners -= _AREA_WORDS | {w.lower() for p in claim.places for w in p.name.split()}
        of = _HEATING if taken in _HEAT else of
    elif (cut := _CUT_TO.search(claim.text, 0, where[0])) and _STRUCK.search(claim.text):
        # the parse takes "cut power" for a noun: "a strike on a substation cut power to some 31,000 households, the
        # ministry said" (its predicate is the speaker's verb, its subject the speaker)
        event, owners = "outage", set()
        of = _HEATING if cut.group("supply").lower() in _HEAT else of
    elif thing in _SUPPLIED and any(c.dep_ == "amod" and c.lower_ in _CUT_OFF for c in noun.children) \
            and (pred is None or pred.lemma_.lower() in _TELLING_VERBS):
        # "Podilskenerho reported 61,000 disconnected households": the households cut off, whoever reports them (not
        # "power was restored to 40,000 disconnected households": what was done to them)
        event = "outage"
        owners -= agents
    elif thing in _SUPPLIED and event in _DISCONNECT and pred is not None and not _supply_other_than_power(pred):
        event = "outage"  # "almost 52,000 households had been disconnected at the peak of the outage"
    tally = subject.lemma_.lower() if subject is not None else ""
    if thing == "people" and (tally == "toll" or (tally in _TALLIES and q.unit in ("deaths", "injured"))):
        # "the death toll … stood at nine", "the toll rose to 11", "the number of people killed has risen
        # to 11": the dead (or the wounded), whatever the toll did
        owners -= {"people"} | _TALLIES
        event = "injure" if q.unit == "injured" else "kill"
    elif thing == "people" and q.unit in _HARMED and pred is not None and pred.lemma_.lower() in _PUT_AT | _TELL_COUNT:
        # "the mayor put the death toll at 16", "put the number of injured crew members at three", "has continued to
        # cite nine deaths": the dead or the injured (not "20 of those injured were taken to hospital": a part of them)
        event = "injure" if q.unit in ("injured", "wounded") else "kill"
        owners -= agents  # who tells the toll ("Mayor Savchuk now puts the toll at nine killed"), not who was hit
    if event is None and thing == "people" and q.unit in _HARMED:
        event = "injure" if q.unit in ("injured", "wounded") else "kill"  # a toll with no verb: "update: seven killed"
    extent = _extent(thing, event, owners | attribute, pred)
    if extent is not None and (of is None or of in _SITE_OF):
        # "about 800 square metres of the site": the fire's area still ("300 square metres of its roof" is a part)
        # the hospitals' hours on generators are not the metro's
        owners = set(_generators_users(pred)) if extent == _ON_GENERATORS else {"power" if extent == _WITHOUT_POWER
                                                                              else "fire"}
        event, attribute, of = extent, set(), None
    counted = (q.unit or noun.text) + (f" {pred.text}" if pred is not None else "")
    window = _window(pred, doc) if pred is not None else frozenset()
    places, several = _scope(claim, noun)
    part = bare and any(_part_of(claim, q, other) for other in claim.quantities)
    if part and not places:
        return None  # a part in a place the gazetteer does not know: no count to compare
    if pred is not None and not (places and bare):
        # a figure with a place of its own and no noun is a part of the verb's count ("destroyed 47 drones over
        # several regions, including 19 over the Belgorod region"): its place alone scopes it
        more, also_several = _scope(claim, pred)
        places, several = places | more, several or also_several
    if not bare and any(_part_of(claim, other, q) for other in claim.quantities):
        # "41 drones were downed, 19 of them over the Krasnodar region": 41 is the whole's count, its parts' places
        # not its own
        several, places = True, frozenset()
    if not part and len(places) > 1:
        # "over Belgorod, Kursk, Bryansk, and Voronezh oblasts": a whole's count (not "on Pavlohrad, in the
        # Dnipropetrovsk region": a town and its region)
        kinds = [p.kind for p in claim.places if p.name in places and p.kind in ("city", "region")]
        several = several or any(kinds.count(k) > 1 for k in set(kinds))
    return Measure(q, thing, of, frozenset(owners), event, counted, frozenset(attribute), window, places, several,
                   part=part)


def _part_of(claim: Claim, part: Quantity, whole: Quantity) -> bool:
    """`part` is a part, in a place, of `whole` that the sentence gives after it with no noun of its own ("47
    drones, including 19 over the Belgorod region")."""
    if part is whole or part.unit != whole.unit:
        return False
    if re.search(r"[$€£¥%]", part.text):
        return False  # "$60 in cash and $22 in Broadcom stock": a sum of its own
    part_at, whole_at = _relative(claim, part.span, part.text), _relative(claim, whole.span, whole.text)
    return part_at is not None and whole_at is not None and part_at[0] > whole_at[1] \
        and elided_part(claim.text, whole_at[1], part_at[0], part_at[1])


# How far a fire spread and how long it or a power cut lasted, in whichever words: "the fire covered an area of
# 3,000 square metres" / "the blaze spread over 1,200 square meters"; "left without external power for more
# than seven hours" / "external power was restored in about three hours"; "the fire burned for six hours" /
# "firefighters battled the blaze for about two hours". Each is one quantity whatever its verb and subject.
_AREAS = {"square metre", "square kilometre", "square foot", "square mile", "hectare", "acre"}
_DURATIONS = {"hour", "minute"}
EXTENT_UNITS = frozenset(_AREAS | _DURATIONS)  # the kinds of thing an extent is counted in
_FIRE_VERBS = {"burn", "rage", "battle", "fight", "extinguish", "douse", "put", "contain", "last", "take", "spread"}
_RESTORED = {"restore", "reconnect", "resume"}


def _extent(thing: str, event: Optional[str], words: set[str], pred) -> Optional[str]:  # noqa: ANN001
    """The extent the figure gives, when it is one: "burnt" (a fire's area), "burning" (how long a fire
    burned), "without power" (how long a power cut lasted); None for any other figure. The fire must be what
    the figure's verb tells of (its subject, its object, or what its subject belongs to: "the blaze covered",
    "battled the blaze", "put the area of the fire at"), not a fire named elsewhere in the sentence ("the
    attack lasted three hours and sparked a fire", "a warehouse covering 10,000 square metres")."""
    if thing not in _AREAS and thing not in _DURATIONS:
        return None
    if thing in _DURATIONS and (event == "outage" or (event in _RESTORED and words & _POWER)):
        return _WITHOUT_POWER
    if thing in _DURATIONS and pred is not None and _on_generators(pred):
        return _ON_GENERATORS
    told = set(words)
    if pred is not None:
        near = [c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        told.update(t.lemma_.lower() for c in near for t in c.subtree if t.pos_ == "NOUN")
        # a participle hung on the noun it tells of: "a fire covering 250 square metres", and the noun above a
        # place it is at ("the fire at the depot affected about 800 square metres", parsed on "depot")
        up = pred.head if pred.dep_ in ("acl", "relcl") else None
        for _ in range(2):
            if up is None or up.pos_ not in ("NOUN", "PROPN"):
                break
            told.add(up.lemma_.lower())
            up = up.head.head if up.dep_ == "pobj" and up.head.dep_ == "prep" else None
    if not told & _FIRE_NOUNS:
        return None
    if thing in _AREAS:
        return "burnt"
    return "burning" if event in _FIRE_VERBS else None


_FIRE_NOUNS = {"fire", "blaze", "flame", "inferno"}
_WITHOUT_POWER = "without power"
_ON_GENERATORS = "on generators"


def _on_generators(pred) -> bool:  # noqa: ANN001
    """The figure's verb tells how long something ran on backup generators, in whichever words: "the plant ran on
    the diesel generators for about three hours", "the generators had supplied the plant for almost seven hours",
    "relied on its emergency diesel generators for about three hours", "the diesel generators ran for about three
    hours". Not how long fuel would last ("enough diesel fuel to run its generators for at least 10 days", "can run
    for ten days": a verb under "to" or a modal), nor what else was done with generators ("repaired the generators
    for two hours", "sold generators")."""
    if pred.lemma_.lower() not in _ON_GENERATOR_VERBS or any(c.dep_ == "aux" and c.tag_ in ("TO", "MD")
                                                               for c in pred.children):
        return False
    on = [g for c in pred.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children if g.dep_ == "pobj"]
    subjects = [c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(t.lemma_.lower() == "generator" for t in on + subjects)


def _generators_users(pred) -> list[str]:  # noqa: ANN001
    """Who ran on the generators: the verb's subject or object that is not the generators ("the plant", "hospitals")."""
    return [noun_class(c.lemma_) for c in pred.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
            and c.lemma_.lower() != "generator" and c.pos_ in ("NOUN", "PROPN")]


_ON_GENERATOR_VERBS = {"run", "rely", "depend", "operate", "work", "supply", "power", "keep"}
# what an area is of when it is the fire's still: "about 800 square metres of the site"
_SITE_OF = {"site", "territory", "area", "depot", "plant", "warehouse", "facility", "ground", "grounds", "premise",
            "premises", "terminal", "refinery", "enterprise"}


# goods a strike took, by weight, in whichever words (all told as "destroy")
WEIGHTS = frozenset({"tonne", "ton"})
_GOODS_LOST = {"lose", "burn", "spoil", "destroy"}
# people moved away from danger are evacuated, in whichever words: to other hospitals, from a town
_MOVED = {"move", "relocate", "transfer"}
_SUFFERED = {"receive", "suffer", "sustain", "get"}
_HARMS = {"injury", "wound", "burn", "death"}
# a strike carried out with weapons; "attacked" only a country with them ("attacked Ukraine with 143 drones", not
# "attacked Kharkiv with 12 drones": a town's share of the night)
_MOUNTED = {"carry", "conduct", "launch", "attack", "mount", "deliver", "fire"}
_STRIKE_NOUNS = {"strike", "attack", "assault", "raid", "barrage"}
_MOVABLE = {"people", "patient", "resident", "civilian", "children", "child"}
_CARE_PLACES = {"hospital", "clinic", "facility", "institution"}
_SETTLEMENTS = {"village", "town", "city", "settlement", "area", "district", "region", "zone", "home", "house"}
# people counted where they work, whose "of" names that place, not a whole they are part of
_STAFF = {"worker", "employee", "staff", "guard", "miner", "crew", "personnel"}
_WORKPLACES = {"site", "depot", "plant", "warehouse", "facility", "terminal", "refinery", "enterprise", "company",
               "station", "mine", "factory", "port"}
_TALLIES = {"toll", "number", "tally", "count", "total"}
_PUT_AT = {"put", "place", "set", "estimate", "give"}  # verbs telling a toll's figure: "put the death toll at 16"
_HARMED = {"deaths", "dead", "killed", "injured", "wounded"}  # a toll's units: "nine killed", "12 deaths"
_TELL_COUNT = {"cite"}  # "has continued to cite nine deaths" (not "confirmed 12 deaths on the roads last year")
# homes without power, in whichever words: "160,000 households … had lost power", "210,000 households … are
# without electricity", "left more than 60,000 households without power", "cutting power to 48,000 households"
_POWER = {"power", "electricity", "heat", "heating", "light", "lights"}
# what a supply is cut off from, told as cut off by a word before it: "61,000 disconnected households"
_SUPPLIED = {"household", "home", "consumer", "customer"}
# verbs that only tell a count of homes told as cut off ("reported 61,000 disconnected households")
_TELLING_VERBS = {"report", "say", "count", "put", "give", "be", "remain", "estimate", "number", "total", "have"}
_CUT_OFF = {"disconnected", "de-energised", "de-energized", "powerless", "unpowered"}


def _set_on_fire(pred) -> bool:  # noqa: ANN001 - a spaCy token
    """The figure's verb tells that what it counts burned: "caught fire", "set ablaze", "set on fire", "burned",
    "went up in flames"."""
    lemma = pred.lemma_.lower()
    kids = list(pred.children)
    if lemma in ("burn", "ignite"):
        return True
    if lemma == "catch":
        return any(c.dep_ == "dobj" and c.lemma_.lower() in _FIRE_NOUNS for c in kids)
    if lemma == "set" and any(c.dep_ == "dobj" and c.lemma_.lower() in _FIRE_NOUNS for c in kids):
        return True  # "the drones had set fire to four fuel tanks"
    if lemma in ("set", "go"):
        return any(c.lower_ in ("ablaze", "alight") for c in kids) or any(
            c.dep_ == "prep" and c.lower_ in ("on", "in", "up") and any(g.lemma_.lower() in _FIRE_NOUNS for g in c.subtree)
            for c in kids)
    return False


def _supply_taken(pred) -> Optional[str]:  # noqa: ANN001 - a spaCy token
    """The supply the figure's own verb takes away (power, electricity, heating): its object, or the object of its
    "without" ("Eleven people are dead … after the strike, which also left the city without power" counts the
    dead)."""
    near = list(pred.children)
    near += [g for c in near if c.dep_ in ("prep", "prt") for g in c.children]
    taken = [t for t in near if t.dep_ in ("dobj", "pobj", "attr")]
    if pred.lemma_.lower() == "wait":
        # "25,000 households were still waiting for heat to return", "for power to be restored": the supply waited for
        taken += [g for c in pred.children if c.dep_ in ("advcl", "xcomp", "ccomp") for g in c.children
                  if g.dep_ in ("nsubj", "nsubjpass")]
    taken += [c for t in taken for c in t.children if c.dep_ == "conj"]  # "without heat and power"
    supplies = [t.lemma_.lower() for t in taken if t.lemma_.lower() in _POWER]
    # "without heat and power" / "without power and heat": homes without power, whatever else they lack
    return next((w for w in supplies if w not in _HEAT), supplies[0] if supplies else None)


def _supply_other_than_power(pred) -> bool:  # noqa: ANN001 - a spaCy token
    """The verb cuts homes off from another supply than power ("disconnected from the gas network", "from water")."""
    return any(t.lemma_.lower() in _OTHER_SUPPLIES | _UNPAID for c in pred.children
               if c.dep_ == "prep" and c.lower_ in ("from", "for") for t in c.subtree) \
        or any(c.dep_ == "advmod" and c.lower_ == "digitally" for c in pred.children)


_DISCONNECT = {"disconnect", "de-energise", "de-energize"}
_UNPAID = {"payment", "non", "debt"}  # "disconnected for non-payment": a bill, not a strike
_OTHER_SUPPLIES = {"gas", "water", "heat", "heating", "internet", "telephone", "phone", "mobile", "broadband", "cable",
                   "television", "tv"}
# homes without heating are another count than homes without power: the outage's `of`
_HEATING = "heating"
_HEAT = {"heat", "heating"}
_CUT_TO = re.compile(r"\b(?:cut|cuts|cutting|knock(?:ed|s|ing)? out)\s+(?:off\s+)?(?:the\s+)?"
                     r"(?P<supply>power|electricity|heat|heating)"
                     r"(?:\s+supplies?)?\s+(?:to|for)\s+(?:(?:some|about|around|roughly|nearly|almost|more\s+than|over|"
                     r"up\s+to|at\s+least)\s+)?$", re.I)
_AREA_WORDS = {"region", "oblast", "province", "district", "city", "town", "area"}
_STRUCK = re.compile(r"\b(?:strikes?|struck|attacks?|attacked|shelling|drones?|missiles?|bomb\w*)\b", re.I)
_OUTAGE_VERBS = {"lose", "be", "leave", "remain", "stay", "cut", "plunge", "have", "hit", "affect", "deny", "deprive",
                 "wait"}
_AREA = {"in", "over", "across", "inside", "near", "around"}
_THE_REGION = {"region", "oblast", "province"}
_SEVERAL_AREAS = {"regions", "areas", "provinces", "oblasts", "cities", "towns", "territories", "districts", "states",
                  "countries", "parts"}


def _scope(claim: Claim, head) -> tuple[frozenset[str], bool]:  # noqa: ANN001 (a spaCy token)
    """The gazetteer's places (towns and regions, not countries) named in a locative phrase on `head`,
    and whether the phrase spans several areas: "over the Krasnodar region and the Black Sea" ->
    ({Krasnodar}, False), "over Russian regions" -> ((), True); "in Israeli strikes" and "over the
    Easter weekend" name no place."""
    places: set[str] = set()
    several = False
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in _AREA:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            several = several or obj.lower_ in _SEVERAL_AREAS
            if obj.lower_ in _THE_REGION and any(c.lower_ == "the" for c in obj.children) \
                    and not any(c.dep_ in ("compound", "amod", "poss") for c in obj.children):
                # "shot down over the region" on a page set in Valuyki: over the Belgorod region
                region = setting_region(claim)
                places.update([region] if region else [])
                continue
            lo = claim.span[0] + obj.left_edge.idx
            hi = claim.span[0] + obj.right_edge.idx + len(obj.right_edge.text)
            places.update(p.name for p in claim.places
                          if p.kind != "country" and p.span and lo <= p.span[0] and p.span[1] <= hi)
    return frozenset(places), several


def frame_at(claim: Claim, span: Optional[Span], text: str) -> Optional[Frame]:
    """The event that the words at `span` (a date or a place) are attached to; None for a date of speaking."""
    where = _relative(claim, span, text)
    if where is None:
        return None
    tokens = _tokens(parse(claim.text), where)
    if not tokens:
        return None
    pred = _predicate(tokens[-1])
    if pred is None or pred.lemma_.lower() in SPEECH:
        return None
    own = {t.i for t in tokens}
    args = _arguments(pred, own)
    while not args and pred.head.i != pred.i and pred.dep_ in ("advcl", "xcomp", "conj", "pcomp"):
        # a verb with no subject or object of its own names no event to compare ("held its vote on the
        # ceasefire deal on March 5", "deal" parsed as a verb): the one it hangs on does
        above = _predicate(pred)
        if above is None or above.lemma_.lower() in SPEECH:
            break
        pred, args = above, _arguments(above, own)
    # "the strike on Donetsk was carried out on 3 March": the noun the place hangs on is an argument too
    t = tokens[-1]
    while t.head.i != t.i and t.head.i != pred.i:
        t = t.head
        if t.pos_ in ("NOUN", "PROPN") and t.i not in own:
            args = args | {noun_class(t.lemma_)}
    return Frame(event_class(pred.lemma_), args)


def located(claim: Claim, cities: list[Place]) -> list[Place]:
    """The cities a claim places its event in ("killed in a strike near Donetsk"), not any it names:
    each must be the object of a locative preposition."""
    out = []
    doc = None
    for p in cities:
        where = _relative(claim, p.span, p.name) if p.span else _relative(claim, None, p.name)
        if where is None:
            continue
        doc = doc or parse(claim.text)
        tokens = _tokens(doc, where)
        head = tokens[-1] if tokens else None
        while head is not None and head.dep_ == "compound" and head.head.i != head.i:
            head = head.head
        if head is not None and head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE:
            out.append(p)
    return out
