"""Do two claims state the same fact? Sentence meaning plus agreement of the fact's parts.

Meaning: a static sentence embedding, the mean of all-MiniLM-L6-v2's distilled word-piece vectors
(model2vec: each piece passed through the transformer alone, Zipf-weighted), reduced by PCA to
`data/minilm_static.npz` (int8 with a scale per piece, a few MB). A sentence costs one tokenizer call
and a table lookup: no torch, no transformer at run time. "fired more than 300 drones and about 30
missiles overnight" and "launched over 300 drones and roughly 30 missiles during the night" score
high although they share few words.

Parts: who is named, which numbers, which event type, which day, which places. Two claims of one
topic share names and topic words; what keeps "another strike on another night" or "another figure
from the same report" apart is a part that disagrees.

The decision is a logistic regression P(same fact | features) fitted by `bench/train_samefact.py`
on development data (ECB+ topics 1-18 mention chains, GVC val), with its threshold chosen by
cross-validation grouped by topic; weights, threshold and what they were fitted on are in
`data/samefact.json`. Inside an event cluster a join of two pages it takes gets a second look (`FactCheck`,
`data/samefact_check.json`), fitted on corroborated stories read by a person. A claim is compared with a story's lead (its core), never with any one later
member, so stories do not chain.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from math import exp, log
from pathlib import Path
from typing import Optional

import numpy as np

from claimdesk.corroborate.contradictions import distance_km, number_conflict
from claimdesk.corroborate.deeds import NO_DEATHS, UNHARMED, deeds
from claimdesk.corroborate.measures import near_interval, unit_class
from claimdesk.corroborate.vectors import names
from claimdesk.extraction.quantities import phone_spans
from claimdesk.extraction.token_vectors import piece_ids, vocabulary_digest
from claimdesk.models import Claim, Place, Quantity, When

DATA = Path(__file__).resolve().parent / "data"
VECTORS_FILE = DATA / "minilm_static.npz"
MODEL_FILE = DATA / "samefact.json"
CHECK_FILE = DATA / "samefact_check.json"

# "statement" is the reporting frame ("…, officials said"), not what happened: it fits any event type
_ANY_EVENT = {"other", "statement"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|\d[\d,.]*\d|\d")
_CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
             "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
_CUE_REACH = 40  # characters between a cue and its speaker ("said on Tuesday Mr. X")
# actors that name no one: "people were running" on two sites is not one fact corroborated
_ANYONE = frozenset({"people", "person", "someone", "somebody", "everyone", "everybody", "anyone", "anybody",
                     "others", "many", "some", "they", "we", "you", "he", "she", "it", "i"})
_ASKED = r"(?:requests?|calls?|messages?|e-?mails?|inquiries|queries|questions)"
NO_COMMENT = re.compile(
    r"\b(?:did|could|has|have|had|was|were)\s*(?:not|n['’]t)\s+(?:immediately\s+|yet\s+)?(?:"
    rf"(?:respond|reply|answer)(?:ed)?\s+to\s+(?:[\w-]+\s+){{0,3}}{_ASKED}"
    rf"|return(?:ed)?\s+(?:[\w-]+\s+){{0,3}}{_ASKED}|(?:be\s+)?reached\b|comment(?:ed)?\b)"
    rf"|\b{_ASKED}\b[^.]{{0,40}}\b(?:was|were)\s*(?:not|n['’]t)\s+(?:immediately\s+)?(?:returned|answered)"
    r"|\bdeclined\s+(?:a request\s+)?to comment|\bno immediate (?:comment|response)|\brequests? for comment"
    r"|\bunavailable for comment", re.IGNORECASE)
# a request to the public for tips: the police's or the outlet's standing appeal, no fact of the event
# ("Anyone with information is asked to call Crime Stoppers at …"; "Police have appealed for witnesses
# to come forward"); a number announced as one to call is one too ("call Sgt. La Croix at 745-4811")
_GET_IN_TOUCH = r"(?:call|contact|phone|ring|text|e-?mail|reach|come\s+forward|get\s+in\s+touch)"
APPEAL = re.compile(
    r"\b(?:anyone|anybody|whoever)\s+(?:who\s+(?:has|have|may\s+have|saw)\s+|with\s+)[^.;]{0,80}?\b" + _GET_IN_TOUCH + r"\b"
    r"|\b(?:ask(?:s|ed|ing)?|urg(?:es?|ed|ing)|encourag(?:es?|ed|ing)|appeal(?:s|ed|ing)?\s+(?:for|to))\s+(?:anyone|anybody|"
    r"the\s+public|members\s+of\s+the\s+public|witnesses|people|residents)\s+(?:[\w’'-]+\s+){0,6}?to\s+" + _GET_IN_TOUCH + r"\b"
    r"|\b(?:call|contact|text)\s+(?:the\s+)?(?:[\w’'.-]+\s+){0,5}?(?:crime\s*stoppers?|crime\s*solvers|tip\s*lines?)\b",
    re.IGNORECASE)


_CALL_VERB_BEFORE = re.compile(r"\b(?:call|contact|dial|phone|ring|text|reach)\b(?:[^;!?\n]{0,60}?\b(?:at|on)\s*|\W{0,3})$",
                               re.IGNORECASE)


def is_appeal(text: str) -> bool:
    """An appeal to the public for tips or calls (`APPEAL`, or a telephone number announced as one
    to call), unless a clause stating something else comes before it in the sentence."""
    at = None
    m = APPEAL.search(text)
    if m:
        at = m.start()
    else:
        called = [s for s, _ in phone_spans(text) if _CALL_VERB_BEFORE.search(text, max(0, s - 80), s)]
        at = called[0] if called else None
    if at is None:
        return False
    before = text[:at]
    boundary = max(before.rfind(";"), before.rfind(" — "), before.rfind(", and "), before.rfind(", but "))
    return boundary < 0 or len(_WORD.findall(before[:boundary])) < 5


TOWN_APART_KM = 60.0  # two towns this far apart are two places of an event
REGION_APART_KM = 250.0  # from a region's point: its towns lie up to ~200 km from it (Kharkiv oblast)
ONE_SHARED_MIN_STEMS = 4  # one speaker's two statements sharing one fact word are two facts past this
_STOP = frozenset("""a an the and or but if of in on at to for from by with as is are was were be been being has
have had it its this that these those he she they we you i his her their our your them him us not no said says
say told would will could should may might can also after before over about into than then there here who which
what when where while more most some any all one two""".split())

FEATURES = ("bias", "cosine", "cosine_sq", "word_overlap", "names_shared", "names_conflict", "numbers_shared",
            "numbers_conflict", "event_same", "event_conflict", "day_same", "day_conflict", "place_shared",
            "place_conflict", "uninformative", "shared_words", "shared_stems", "same_cluster", "same_cluster_cosine")


@lru_cache(maxsize=1)
def _table() -> np.ndarray:
    """Static vector of every MiniLM word piece (float32, by token id of `minilm_tokenizer`)."""
    with np.load(VECTORS_FILE) as z:
        if str(z["vocabulary"]) != vocabulary_digest():
            raise ValueError(f"{VECTORS_FILE} was built for another MiniLM vocabulary")
        return z["codes"].astype(np.float32) * z["scale"].astype(np.float32)[:, None]


def embed(texts: list[str]) -> np.ndarray:
    """Unit sentence vectors: the mean of the texts' word-piece vectors (a zero row for no pieces)."""
    table = _table()
    out = np.zeros((len(texts), table.shape[1]), dtype=np.float32)
    for i, ids in enumerate(piece_ids(texts)):
        if ids:
            v = table[ids].mean(axis=0)
            n = float(np.linalg.norm(v))
            if n > 0:
                out[i] = v / n
    return out


@dataclass(frozen=True)
class SameFactModel:
    weights: tuple[float, ...]  # in FEATURES order
    threshold: float

    def probability(self, features: np.ndarray) -> float:
        z = float(np.dot(self.weights, features))
        return 1.0 / (1.0 + exp(-z)) if z > -50 else 0.0

    def same(self, features: np.ndarray) -> bool:
        return self.probability(features) >= self.threshold


@lru_cache(maxsize=1)
def model() -> SameFactModel:
    spec = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    if tuple(spec["features"]) != FEATURES:
        raise ValueError(f"{MODEL_FILE} was fitted on other features: {spec['features']}")
    return SameFactModel(tuple(spec["weights"]), float(spec["threshold"]))


CHECK_FEATURES = ("bias", "logit", "content_overlap", "published_far_apart")


@dataclass(frozen=True)
class FactCheck:
    """The second look at a join the model took inside an event cluster: P(the two state one fact)
    from the model's own logit, the overlap of the fact's words other than names, and whether the two
    pages were published more than `far_apart_days` apart, fitted on corroborated stories read by a
    person (`bench/train_samefact_check.py`). The model is fitted on coreference chains, which join
    different facts of one event ("Trump called for Ginsburg to resign" / "Ginsburg regrets her
    insults of Trump"); what two such claims share is mostly names. An event cluster can run for
    months on a long topic (a primary season): two pages weeks apart inside it tell of one event less
    often than two of the same days."""

    weights: tuple[float, ...]  # in CHECK_FEATURES order
    threshold: float
    far_apart_days: int
    undated_far: float  # the feature for an undated page: the share of far-apart joins it was fitted on

    def probability(self, p: float, a: "Parts", b: "Parts", days_apart: Optional[int] = None) -> float:
        """`days_apart`: between the two pages' publication dates (None when either is undated:
        neither near nor far, the feature's mean where it was fitted)."""
        q = min(max(p, 1e-6), 1 - 1e-6)
        far = self.undated_far if days_apart is None else float(days_apart > self.far_apart_days)
        z = float(np.dot(self.weights, (1.0, log(q / (1 - q)), content_overlap(a, b), far)))
        return 1.0 / (1.0 + exp(-z)) if z > -50 else 0.0

    def passes(self, p: float, a: "Parts", b: "Parts", days_apart: Optional[int] = None) -> bool:
        return self.probability(p, a, b, days_apart) >= self.threshold


@lru_cache(maxsize=1)
def fact_check() -> Optional[FactCheck]:
    """The fitted check, or None when its file is not shipped (joins then rest on the model alone)."""
    if not CHECK_FILE.is_file():
        return None
    spec = json.loads(CHECK_FILE.read_text(encoding="utf-8"))
    if tuple(spec["features"]) != CHECK_FEATURES:
        raise ValueError(f"{CHECK_FILE} was fitted on other features: {spec['features']}")
    return FactCheck(tuple(spec["weights"]), float(spec["threshold"]), int(spec["far_apart_days"]),
                     float(spec["undated_far"]))


def content_overlap(a: "Parts", b: "Parts") -> float:
    """Jaccard overlap of the two facts' word stems and numbers once the stems of every name either
    names are set aside: what the two say beyond who they are about."""
    names = _stems(frozenset(w for n in a.names | b.names for w in n.split()))
    mine, theirs = a.fact_stems - names, b.fact_stems - names
    union = mine | theirs
    return len(mine & theirs) / len(union) if union else 0.0


def _when_date(w: Optional[When]) -> Optional[date]:
    if w is None or w.granularity != "day":
        return None
    try:
        y, m, d = (int(p) for p in w.value.split("-"))
        return date(y, m, d) if y > 0 else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Parts:
    """What a claim states, read once: its meaning vector and the parts of its fact."""

    vector: np.ndarray
    words: frozenset[str]
    names: frozenset[str]
    numbers: frozenset[float]
    counted: frozenset[str]  # what the numbers count, by class (officers and soldiers: military)
    actors: frozenset[str]   # who acts, named or not ("the city council")
    event_type: str
    day: Optional[date]
    countries: frozenset[str]
    places: frozenset[str]
    speaker: frozenset[str] = frozenset()     # names in the attribution's source ("brandet", "interior", "ministry")
    fact_stems: frozenset[str] = frozenset()  # word stems and numbers of the fact without its frame (`fact_text`)
    deeds: frozenset[str] = frozenset()  # kinds of deed the fact tells (`deeds.deeds`: kill, strike, launch …)
    no_comment: bool = False  # an outlet's note on its own request for comment (`NO_COMMENT`), or an appeal for tips (`APPEAL`)
    # figures told as part of a count the claim gives (`told_as_part`), with the class of what each counts
    part_figures: frozenset[tuple[float, str]] = frozenset()
    # the whole figures with the class of what each counts (`measures.unit_class`), read once
    wholes: tuple[tuple[Quantity, str], ...] = field(default=(), compare=False, repr=False)
    claim: Optional[Claim] = field(default=None, compare=False, repr=False)  # read from; `_one_toll` parses it

    @property
    def informative(self) -> bool:
        """Names someone or something, gives a number, a place, a day or a kind of event: a sentence
        with none of these ("We want to hear from you") states no fact to corroborate. Nor does an
        outlet's note on its own request for comment ("Nature Air did not respond to phone and email
        messages"): two outlets saying so tell of two requests, not one fact; nor an appeal to the
        public for tips ("Anyone with information is asked to call Crime Stoppers"), which local pages
        print under every crime story."""
        if self.no_comment:
            return False
        return bool(self.names or self.actors or self.numbers or self.places or self.day
                    or self.event_type not in _ANY_EVENT or bool(self.deeds & _SPARED))

    @property
    def weight(self) -> float:
        """How much of a fact the claim gives (0-1): names, numbers, place, day, event kind."""
        return _weight(len(self.names), bool(self.numbers), bool(self.places), bool(self.day), self.event_type)


def _weight(names: int, numbers: bool, places: bool, day: bool, event_type: str) -> float:
    return (min(names, 3) / 3 + numbers + places + day + (event_type not in _ANY_EVENT)) / 5


def fact_text(claim: Claim, text: Optional[str] = None) -> str:
    """`text` (default: the claim's; a denial's object is its end) without the attribution's
    speaker, the cue next to it and the words between them ("…, said Pierre-Henry Brandet, a
    spokesman for the Interior Ministry"; "according to Nice Matin, …"; "…, Kyiv's Coordination
    Headquarters for the Treatment of Prisoners of War said", whose source span the parse ends at
    "Headquarters"), when what is left still has four words; else without the speaker and the cue
    alone ("The biggest teachers union in the state endorsed Senator Ellison": "in the state Senator
    Ellison"); else the whole text."""
    text = claim.text if text is None else text
    frame = claim.attribution.source_span
    if frame is None:
        return text
    offset = claim.span[0] + len(claim.text) - len(text)
    start, end = frame[0] - offset, frame[1] - offset
    if start < 0 or end > len(text) or start >= end:
        return text
    tries = [[(start, end)]]
    if claim.attribution.cue:
        near = [m.span() for m in re.finditer(rf"\b{re.escape(claim.attribution.cue)}\b", text, re.I)
                if 0 <= start - m.end() <= _CUE_REACH or 0 <= m.start() - end <= _CUE_REACH]
        if near:
            cue_start, cue_end = min(near, key=lambda c: min(abs(c[1] - start), abs(c[0] - end)))
            tries = [[(min(start, cue_start), max(end, cue_end))], [(start, end), (cue_start, cue_end)]]
    for cuts in tries:
        fact = _without(text, cuts)
        if len(_WORD.findall(fact)) >= 4:
            return fact
    return text


def _without(text: str, cuts: list[tuple[int, int]]) -> str:
    kept, at = [], 0
    for s, e in sorted(cuts):
        kept.append(text[at:max(at, s)])
        at = max(at, e)
    kept.append(text[at:])
    return " ".join(" ".join(kept).split())


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in (t.lower() for t in _WORD.findall(text)) if w not in _STOP)


def _names(claim: Claim, text: str) -> frozenset[str]:
    return frozenset(_text_names(text) | {a.lower() for a in claim.actors if a[:1].isupper()}) - _CALENDAR - _ANYONE


@lru_cache(maxsize=16384)  # a story's lead is weighed again each time its row is written (`informativeness`)
def _text_names(text: str) -> frozenset[str]:
    return frozenset(names(text))


def _fields(claim: Claim, text: str) -> dict:
    words = _words(text)
    fact = fact_text(claim, text)
    fact_words = words if fact is text else _words(fact)
    told = deeds(fact)
    if told & _SPARED:
        # "Nobody was hurt" and "There were no casualties" share no word but state one thing
        words, fact_words = words | (told & _SPARED), fact_words | (told & _SPARED)
    return dict(
        words=words,
        names=_names(claim, text),
        # a part of a count ("43 wounded, among them four children") is no figure of the fact: "Four people were
        # injured in the city" shares no figure with it, nor does it give another (`part_numbers`)
        numbers=frozenset(q.value for q in claim.quantities if not told_as_part(claim, q)),
        part_figures=frozenset((q.value, unit_class(q) or "") for q in claim.quantities if told_as_part(claim, q)),
        wholes=tuple((q, c) for q in claim.quantities if (c := unit_class(q)) and not told_as_part(claim, q)),
        counted=frozenset(c for c in map(unit_class, claim.quantities) if c),
        actors=frozenset(a.lower() for a in claim.actors) - _ANYONE,
        event_type=claim.event_type, day=_when_date(claim.when),
        countries=frozenset(p.country for p in claim.places if p.country),
        places=frozenset(p.name.lower() for p in claim.places),
        speaker=_text_names(claim.attribution.source) - _CALENDAR if claim.attribution.source else frozenset(),
        no_comment=bool(NO_COMMENT.search(claim.text)) or is_appeal(claim.text),
        deeds=told,
        fact_stems=_stems(fact_words) | {w.replace(",", "") for w in fact_words if w[0].isdigit()}
        | _stems(_respelt_in(claim, fact)))


def _respelt_in(claim: Claim, fact: str) -> frozenset[str]:
    """The gazetteer's names of the places the fact's words spell otherwise: "14 attacks beaten back near
    Kupyansk" and "14 assaults repelled in the Kupiansk direction" then share a word."""
    low = fact.lower()
    return frozenset(w for written, name in claim.places_spelt_otherwise(towns_only=True) if written.lower() in low
                     for w in _words(name))


def parts(claims: list[Claim], texts: Optional[list[str]] = None) -> list[Parts]:
    """The parts of each claim; `texts` (default: the claims' texts) is what its meaning is read from."""
    texts = texts if texts is not None else [c.text for c in claims]
    return [Parts(vector=v, claim=c, **_fields(c, t)) for c, t, v in zip(claims, texts, embed(texts))]


def informativeness(claim: Claim) -> float:
    """`Parts.weight` of a claim, reading only the parts it weighs (a story's lead is weighed every time
    its row is written: the whole `parts` cost a tenth of corroboration at 10k documents)."""
    return _weight(len(_names(claim, claim.text)), bool(claim.quantities), bool(claim.places),
                   bool(_when_date(claim.when)), claim.event_type)


def _stems(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w[:5] for w in words if len(w) > 3 and not w[0].isdigit())


def features(a: Parts, b: Parts, same_cluster: bool = False) -> np.ndarray:
    """`same_cluster`: the two claims' documents lie in one event cluster of several documents
    (`clusters.EventClusterer`): the clusterer already found them to report one event."""
    cos = float(np.dot(a.vector, b.vector))
    sa, sb = _stems(a.words), _stems(b.words)
    union = len(a.words | b.words)
    specific = a.event_type not in _ANY_EVENT and b.event_type not in _ANY_EVENT
    both_days = a.day is not None and b.day is not None
    place_shared = bool(a.places & b.places or a.countries & b.countries)
    place_conflict = bool(a.countries and b.countries and not a.countries & b.countries) or \
        bool(a.places and b.places and not place_shared)
    # a qualified figure allowing the other's counts as the same figure ("more than 40" / "43")
    shared_number = bool(a.numbers & b.numbers) or (bool(a.numbers and b.numbers) and figures_meet(a, b))
    # a figure one gives as a part of its count and the other as its own is neither shared nor another figure
    # ("Six children were killed" / "killed 12 people, including six children")
    other_number = bool(a.numbers and b.numbers) and not shared_number and not _part_in_common(a, b)
    return np.array([
        1.0, cos, cos * cos,
        len(a.words & b.words) / union if union else 0.0,
        float(bool(a.names & b.names)),
        float(bool(a.names and b.names and not a.names & b.names)),
        float(shared_number),
        float(other_number),
        float(specific and a.event_type == b.event_type),
        float(specific and a.event_type != b.event_type),
        float(both_days and abs((a.day - b.day).days) <= 1),
        float(both_days and abs((a.day - b.day).days) > 2),
        float(place_shared),
        float(place_conflict),
        float(not a.informative or not b.informative),
        min(len(a.words & b.words), 6) / 6,
        len(sa & sb) / len(sa | sb) if sa | sb else 0.0,
        float(same_cluster),
        float(same_cluster) * cos,
    ])


def conflict(a: Parts, b: Parts) -> bool:
    """Parts that cannot both be true of one fact: each gives numbers and they share none (another
    figure, another toll), each gives a day and they are more than two days apart (another
    night), the two share no word once speakers are cut (`no_fact_word_shared`), or one speaker says
    two things that share one word (`one_speaker_two_statements`). Not learnable from the development labels: a coreference chain marks one event, and
    two figures of one event's report share its chain."""
    if a.numbers and b.numbers and not a.numbers & b.numbers and not _part_in_common(a, b) and not _one_toll(a, b) \
            and not figures_meet(a, b):
        return True
    if one_speaker_two_statements(a, b) or no_fact_word_shared(a, b) or places_apart(a, b):
        return True
    return a.day is not None and b.day is not None and abs((a.day - b.day).days) > 2


def places_apart(a: Parts, b: Parts) -> bool:
    """Both claims tell of an event (each gives a figure, or each a kind of event) in towns or
    regions, and every such place of one lies far from every place of the other: "Russian drones
    struck Ukraine's Danube river port of Izmail overnight, killing two people" and "in the
    Zaporizhzhia region, Russian shelling killed two people on Friday" are two facts however alike
    they read. A region is far only past `REGION_APART_KM` of its point (a town inside it may lie a
    hundred kilometres from that point); places inside the speaker ("the Kharkiv governor") do not count."""
    if not ((a.numbers and b.numbers) or (a.event_type not in _ANY_EVENT and b.event_type not in _ANY_EVENT)):
        return False
    pa, pb = _event_places(a.claim), _event_places(b.claim)
    if not pa or not pb or {p.name for p in pa} & {p.name for p in pb}:
        return False
    return all(distance_km(x.lat, x.lon, y.lat, y.lon)
               > (REGION_APART_KM if "region" in (x.kind, y.kind) else TOWN_APART_KM) for x in pa for y in pb)


def _event_places(claim: Optional[Claim]) -> list[Place]:
    if claim is None:
        return []
    speaker = claim.attribution.source_span
    return [p for p in claim.places if p.kind in ("city", "region") and p.lat is not None and p.lon is not None
            and not (speaker and p.span and speaker[0] <= p.span[0] and p.span[1] <= speaker[1])]


def no_fact_word_shared(a: Parts, b: Parts) -> bool:
    """Once each claim's speaker and cue are taken out, the two share no word stem and no number:
    "Interior Minister Bernard Cazeneuve said 80 people were killed" and "he said that he expected
    an answer from Bernard Cazeneuve" share only the name, which one speaks and the other mentions
    (cosine 0.88, model 0.91). Paraphrases of one fact keep a word or a figure in common ("fired
    more than 300 drones" / "launched over 300 drones"), a figure in words too ("Another 21 people were injured" /
    "Twenty-one others were hurt")."""
    return bool(a.fact_stems and b.fact_stems) and not a.fact_stems & b.fact_stems and not _one_figure(a, b)


def _one_figure(a: Parts, b: Parts) -> bool:
    """The two give one figure of one kind of thing ("21 people" / "Twenty-one others"; not "two meetings" / "two
    people")."""
    return any(va == vb and (ua == ub or "other" in (ua, ub))
               for va, ua in whole_figures(a) for vb, ub in whole_figures(b))


def one_speaker_two_statements(a: Parts, b: Parts) -> bool:
    """Both claims are credited to one speaker (a name in common) and, their speaker and cue taken
    out, share no word: two things one spokesman said ("There are numerous victims," said X / Police
    shot the driver, said X), two reports credited to one newspaper. The static sentence vectors put
    such pairs as close as paraphrases (cosine 0.8-0.9 on news_cluster): the speaker's name and the
    frame make up much of each sentence. A single word in common ("the seafront" in a death toll and
    in a road closure) still leaves two statements when each has ONE_SHARED_MIN_STEMS words or more."""
    if not (a.speaker & b.speaker and a.fact_stems and b.fact_stems):
        return False
    shared = len(a.fact_stems & b.fact_stems)
    return shared == 0 or (shared == 1 and min(len(a.fact_stems), len(b.fact_stems)) >= ONE_SHARED_MIN_STEMS)


def _one_toll(a: Parts, b: Parts) -> bool:
    """Two claims of one kind of event on one day counting the same kind of thing: "six officers
    killed" and "Twenty soldiers killed" near one town on October 3 may be one fact told with two
    figures — the contradiction that makes a story contested, which a veto would hide. Two claims
    of one day whose figures measure one quantity (`contradictions.number_conflict`: the same thing
    counted, in one unit, of one event, in no far-apart cities) may be too, whatever their event
    type: "Poland has registered 2.1 million Ukrainian refugees, the UN agency said" and "Some 2.6
    million Ukrainian refugees have registered in Poland" are two statements of one count."""
    if not (a.counted & b.counted and a.day is not None and a.day == b.day):
        return False
    if a.event_type == b.event_type and a.event_type not in _ANY_EVENT:
        return True
    return a.claim is not None and b.claim is not None and number_conflict(a.claim, b.claim) is not None


def one_toll_in_one_place(a: Parts, b: Parts) -> bool:
    """Two figures of one count (`_one_toll`: the same thing counted, one day, one kind of event or
    one quantity) in a town both name: "Three people were killed" (of "… when Russian attack drones
    hit the grain terminal at Izmail port in the early hours of Friday") and "Russian drones struck
    Ukraine's Danube river port of Izmail overnight, killing two people". What such claims state is
    the figure; the words around it differ too much for the sentence model (0.57 here) to say so."""
    if not (a.numbers and b.numbers) or not (a.places & b.places):
        return False
    return bool(_towns(a) & _towns(b)) and _one_toll(a, b)


def _towns(parts: Parts) -> set[str]:
    """The towns where the claim's event happened (not its speaker's)."""
    return {p.name for p in _event_places(parts.claim) if p.kind == "city"}


_HARMS = frozenset({"kill", "injure"})


def one_deed_in_one_town(a: Parts, b: Parts) -> bool:
    """The same figure of the same kind of thing (a figure and what it counts, as a pair), the same kinds of
    harm and a deed in common, in a town both name, on no two days: "In Nikopol, a Russian drone hit an
    ambulance and wounded two paramedics" and "In Nikopol, …, a Russian drone struck an ambulance, wounding
    two paramedics". Grouping asks more before it lets such a pair cross event clusters (`grouping`)."""
    if not (figures(a) & figures(b) and a.deeds & b.deeds) \
            or a.deeds & _HARMS != b.deeds & _HARMS:  # two killed is not two wounded
        return False
    if a.day is not None and b.day is not None and a.day != b.day:
        return False
    return bool(_towns(a) & _towns(b))


# a figure told as part of another ("43 wounded, among them four children", "four of them children", "including six")
_PART_BEFORE = re.compile(r"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them)\s+$", re.I)
# "four of them children"; not "71 of them were shot down", which counts what it tells
_PART_AFTER = re.compile(r"^\s+(?:of\s+(?:them|whom)|among\s+them)\s+(?:\w+\s+)?(?:children|minors|teenagers|women|men|girls|"
                         r"boys|babies|infants|pensioners|civilians|soldiers|servicemen|officers|rescuers|foreigners)\b", re.I)


def whole_figures(parts: Parts) -> set[tuple[float, str]]:
    """`figures` without those told as part of another count ("among them four children"): "Four people
    were injured in the city" is no mention of "43 people were wounded, among them four children"."""
    claim = parts.claim
    if claim is None:
        return set()
    return {(q.value, c) for q, c in parts.wholes}


def figures_meet(a: Parts, b: Parts) -> bool:
    """A figure given with a qualifier allows the other's figure of the same kind of thing ("more than 40
    people" / "43 people", "about 170 clashes" / "168 combat engagements"): two tellings of one count, not two
    counts. Two exact figures meet only when equal (`Parts.numbers`)."""
    if a.claim is None or b.claim is None:
        return False
    if not _meeting(a, b, exact_too=False):
        return False
    # and no kind of thing both count is counted apart ("more than 300 drones and about 30 missiles" / "280 of
    # the drones and 24 of the missiles")
    agreed = {c for c, _ in _meeting(a, b, exact_too=True)}
    return {c for _, c in a.wholes} & {c for _, c in b.wholes} <= agreed


def _meeting(a: Parts, b: Parts, exact_too: bool) -> set[tuple[str, float]]:
    """(class, value) of `a`'s whole figures that a figure of `b` of the same class allows: a qualified one
    allowing an exact one, and with `exact_too` two equal ones."""
    return {(cx, x.value) for x, cx in a.wholes for y, cy in b.wholes if cx == cy and (
        (exact_too and x.qualifier == y.qualifier == "exact" and x.value == y.value)
        or ("exact" in (x.qualifier, y.qualifier) and x.qualifier != y.qualifier and _near(x, y)))}


def _near(x: Quantity, y: Quantity) -> bool:
    (x0, x1), (y0, y1) = near_interval(x), near_interval(y)
    return x0 <= y1 and y0 <= x1


# a count this large, told alike on one day with the same deed, is one count however the pages were clustered
LARGE_COUNT = 100


def one_count_told_twice(a: Parts, b: Parts) -> bool:
    """Two whole figures of one deed that agree (or one of at least `LARGE_COUNT`), the same kinds of harm, on no
    two days, in no two towns: "Russia launched 412 drones and 38 missiles at Ukraine overnight" and "Ukraine's
    air force said Russia fired more than 400 drones and nearly 40 missiles" — a night's count told nationwide,
    which no town ties together. Grouping asks the model too before it lets such a pair cross event clusters."""
    if not a.deeds & b.deeds or a.deeds & _HARMS != b.deeds & _HARMS:
        return False
    if a.day is not None and b.day is not None and a.day != b.day:
        return False
    towns_a, towns_b = _towns(a), _towns(b)
    if towns_a and towns_b and not towns_a & towns_b:
        return False
    agreed = _meeting(a, b, exact_too=True)
    return len(agreed) >= 2 or any(value >= LARGE_COUNT for _, value in agreed)


def told_as_part(claim: Claim, q: Quantity) -> bool:
    """The figure is told as part of a larger count the claim gives ("43 wounded, among them four children",
    "12 people, including six children"); not a count of its own ("71 of them were shot down" after "94 drones"
    with no part word before it, "Air defences downed 41 of them")."""
    if not any(other.value > q.value for other in claim.quantities if other is not q):
        return False
    at = q.span[0] - claim.span[0] if q.span else claim.text.find(q.text)
    if not 0 <= at <= len(claim.text):
        return False
    return bool(_PART_BEFORE.search(claim.text[:at]) or _PART_AFTER.match(claim.text[at + len(q.text):]))


def _part_in_common(a: Parts, b: Parts) -> bool:
    """A figure one gives as part of its count the other gives of the same kind of thing, as its own or as a
    part ("six children" of "12 people, including six children" / "Six children were killed"; not "Four people
    were injured" / "among them four children")."""
    def figures_of(x: Parts) -> frozenset[tuple[float, str]]:
        return frozenset((q.value, c) for q, c in x.wholes) | x.part_figures
    return bool({f for f in a.part_figures if f[1]} & figures_of(b) or {f for f in b.part_figures if f[1]} & figures_of(a))


def one_deed_told_alike(a: Parts, b: Parts) -> bool:
    """The same figure of the same kind of thing, a deed in common and the same kinds of harm, on no two
    days, in no two towns (each names none, or they share one): "Across Ukraine, 71 drones were brought
    down overnight" and "Air defence units shot down 71 of the drones"; not "Three people were killed" in
    two towns of one night."""
    if not (whole_figures(a) & whole_figures(b) and a.deeds & b.deeds) or a.deeds & _HARMS != b.deeds & _HARMS:
        return False
    # a town the claim names, else the one its page sets it in ("three people died" on a page about Lozova)
    return _one_day_one_town(a, b)


def one_speakers_figure_told_twice(a: Parts, b: Parts) -> bool:
    """One named speaker's figure told alike on two pages (`one_deed_told_alike`: the same figure of the same
    kind of thing, the same deed, no two days or towns), the speaker's surname named by both: "As of 18:40, 17
    people had been killed, Hrebeniuk said in a video address." / "Sumy city head Viktoriia Hrebeniuk gave a
    higher toll of 17 dead in a video statement on Thursday evening." The sentence model reads the words around
    the figure (0.77 here); who gave which figure is what makes the two one fact. Two governors named Oleh are
    two speakers."""
    def surname(x: Parts) -> Optional[str]:
        source = x.claim.attribution.source if x.claim is not None and x.claim.attribution.kind == "named_person" else None
        last = source.split()[-1].strip(".,'’") if source else ""
        return last.lower() if last[:1].isupper() else None

    return any((name := surname(x)) and name in y.speaker | y.names for x, y in ((a, b), (b, a))) \
        and one_deed_told_alike(a, b)


# what a claim tells when it tells that no one came to harm, or that no one died
_SPARED = frozenset({UNHARMED, NO_DEATHS})


def spared(parts: Parts) -> Optional[str]:
    """The one kind of no-harm the claim tells and nothing else (`deeds.UNHARMED`, `deeds.NO_DEATHS`), if so."""
    return next(iter(parts.deeds)) if len(parts.deeds) == 1 and parts.deeds <= _SPARED else None


def nobody_harmed_alike(a: Parts, b: Parts) -> bool:
    """Both tell only that no one came to harm (or only that no one died), at no two sites, on no two days, in
    no two towns (the town a claim names, else the one its page sets it in): "Nobody was hurt, he said." and
    "There were no casualties, Demidenko added." on two pages of one event. Such a line names nothing itself, so
    words cannot tie it to its story; inside one event cluster it is that event's. Not "No one was hurt at the
    fuel depot" / "Nobody was injured at the power substation", nor "No one was killed" / "Nobody was hurt"."""
    if spared(a) is None or spared(a) != spared(b) or a.claim is None or b.claim is None:
        return False
    sites_a, sites_b = ({site[-1] for site in site_phrases(fact_text(x.claim))} for x in (a, b))
    if sites_a and sites_b and not sites_a & sites_b:
        return False
    return _one_day_one_town(a, b)


def _one_day_one_town(a: Parts, b: Parts) -> bool:
    """No two days, and no two towns: the town a claim names, else the one its page sets it in."""
    if a.day is not None and b.day is not None and a.day != b.day:
        return False
    towns_a, towns_b = _towns(a) or _set_towns(a), _towns(b) or _set_towns(b)
    return not (towns_a and towns_b) or bool(towns_a & towns_b)


def _set_towns(parts: Parts) -> set[str]:
    """The towns the claim's page sets it in (`Claim.setting`) when it names none itself."""
    return {p.name for p in parts.claim.setting if p.kind == "city"} if parts.claim else set()


# what a strike hits, by name and kind: "a fuel depot", "the railway station", "a thermal power plant"
_SITE_NOUNS = ("depot", "refinery", "substation", "station", "terminal", "plant", "bridge", "hospital", "school",
               "market", "warehouse", "airfield", "airport", "port", "factory", "pipeline", "church", "shipyard",
               "arsenal")
_SITE = re.compile(r"\b((?:[a-z][a-z'’-]*\s+){0,2})(" + "|".join(_SITE_NOUNS) + r")s?\b")
_NOT_A_KIND = frozenset({"a", "an", "the", "its", "their", "his", "her", "this", "that", "these", "those", "of", "in",
                         "at", "on", "to", "and", "or", "near", "by", "from", "with", "city's", "town's", "city’s", "town’s", "another",
                         "one", "two", "three", "several", "major", "large", "big", "small", "local", "key", "main"})


def site_phrases(text: str) -> set[tuple[str, ...]]:
    """The sites a text names with the words of their kind before them: "drones set fire to a fuel depot" ->
    {("fuel", "depot")}; "a railway station" and "a power station" are two kinds."""
    out = set()
    for m in _SITE.finditer(text):
        words = m.group(1).split()
        while words and words[0] in _NOT_A_KIND:
            words = words[1:]
        if any(w in _NOT_A_KIND for w in words):
            words = words[[i for i, w in enumerate(words) if w in _NOT_A_KIND][-1] + 1:]
        out.add((*words, m.group(2)))
    return out


def one_site_in_one_town(a: Parts, b: Parts) -> bool:
    """A deed in common done to one site, of one kind by its words ("a fuel depot", not "a tram depot"), in a
    town both name, the same kinds of harm, no name in one the other lacks (another district: "Kyivskyi" /
    "Saltivskyi"), on no two days: "In the city of Pavlohrad, drones set fire to a fuel depot" and "Drones set
    a fuel depot in Pavlohrad ablaze overnight". Grouping asks the model too before it lets such a pair cross
    event clusters (`grouping`)."""
    if not a.deeds & b.deeds or a.deeds & _HARMS != b.deeds & _HARMS or a.claim is None or b.claim is None:
        return False
    if a.day is not None and b.day is not None and a.day != b.day:
        return False
    if not (a.names <= b.names or b.names <= a.names):
        return False
    return bool(site_phrases(fact_text(a.claim)) & site_phrases(fact_text(b.claim))) and bool(_towns(a) & _towns(b))


def one_capture_of_one_town(a: Parts, b: Parts) -> bool:
    """Both tell a capture (`deeds`: captured, seized, liberated, took control) of a town both name as the
    event's, the same kinds of harm, on no two days: "The Russian Defence Ministry claims its troops have
    captured Bahatyr in Donetsk region" and "the Russian Defense Ministry said its troops had 'liberated'
    Bahatyr". Grouping asks the model too before it lets such a pair cross event clusters (`grouping`)."""
    if "capture" not in a.deeds & b.deeds or a.deeds & _HARMS != b.deeds & _HARMS:
        return False
    if a.numbers or b.numbers:  # "captured 12 Russian soldiers near the village of Pishchane": people, not a town
        return False
    if a.day is not None and b.day is not None and a.day != b.day:
        return False
    return bool(_towns(a) & _towns(b))


def figures(parts: Parts) -> set[tuple[float, str]]:
    """The claim's figures with the class of what each counts (`measures.unit_class`); unclassed ones left out."""
    return {(q.value, c) for q in (parts.claim.quantities if parts.claim else []) if (c := unit_class(q))}


def probability(a: Parts, b: Parts, same_cluster: bool = False) -> float:
    """P(same fact); 0 when the parts conflict."""
    return 0.0 if conflict(a, b) else model().probability(features(a, b, same_cluster))
