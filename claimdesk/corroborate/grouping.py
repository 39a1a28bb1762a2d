"""Claims into stories: mentions of one fact across the documents of one neighbourhood of event clusters.

Stories sharing a claim's rarer words (TF-IDF similarity to the story's centroid from
`CANDIDATE_THRESHOLD`) are its candidates; among those the extracted fields do not rule out (dates
within `DATE_WINDOW_DAYS`, a country in common when both name places, a person in common when both
name people, the event cluster rule below), the claim joins the one whose LEAD states the same fact
with the highest probability (`samefact`: static MiniLM sentence meaning + agreement of names,
numbers, event type, day, place, fitted on ECB+ 1-18 and GVC val), if it reaches the model's
threshold, or, across event clusters, if the claim is worded like the story (TF-IDF similarity from
`CLAIM_THRESHOLD`) and the model's probability still reaches `FALLBACK_MIN_PROBABILITY`. Claims
whose numbers or days conflict with the lead's never join it, and a claim stating no fact (no name,
number, place, day or kind of event) neither joins nor anchors a story.
The lead is the story's core: a claim is never compared with a later member, so stories do not
chain. So that a lead states one fact, a batch places first the claims telling one kind of deed
(`deeds`), then those telling several (a wire lead's attack, fire and toll in one sentence), which
join the story of one of their facts; two claims telling different kinds of deed (a toll and a fire)
never share a story. A denial joins the most similar story of its cluster at a lower bar, whatever the event
type, so it is linked to what it denies; the cluster gate below holds for it too (on ECB+ a
denial from one topic's documents had joined a story of another topic and made it `denied`).

A story is kept as a `Draft`: its summed vector and squared norm, its lead claim (the first asserted
claim that joined it), the countries its claims name and its mention count. That is all grouping
needs, so a story that grows over many batches is never rebuilt from its claims: corroboration
stores the draft (`claimdesk.store.corroboration`, table `story_state`) and a later batch adds to it.

A story holds at most `MAX_MENTIONS` mentions. A claim whose best match is a full story joins the
story's continuation: a fresh story opened by the first claim that overflowed it (recorded in
`continued_by`). A long-running claim is so told in pieces of bounded size, and the status and
contradictions of each piece are computed on at most `MAX_MENTIONS` mentions.

Inside a neighbourhood, three rules keep two similar events of one kind (two DUI arrests of one
team's players, two emergency patches of one browser) out of one story; each was chosen on ECB+
topics 1-18 and checked on the held-out 19-35 (bench/eval_ecbplus.py):
- a claim joins a story of another event cluster only when its document or one of the story's
  clusters stands alone (a document the clusterer found no event for: an opinion piece, another
  outlet's framing); two clusters of several documents each are two events the clusterer kept apart;
- inside an event cluster of several documents, the words of the cluster's centroid
  (`TOPIC_TERMS`: Chargers, DUI, arrested) weigh `TOPIC_WEIGHT` of their usual weight in a claim's
  vector: they say which topic a claim is about, and every claim of the cluster shares them; the
  rest (who, what number, which version) says which fact;
- a claim that names someone joins a story whose lead names others only if they share a name.
Measured 2026-11-27 (extracted claims, all 35 topics): cross-document mention pairs of a story that
join a topic's two events 0.155 -> 0.035 (topics 1-18 0.029, held-out 0.042); claim grouping
precision 0.669 -> 0.853 at recall 0.210 -> 0.078: fewer mentions are joined, and those joined
are mostly right. PAC stories corroborated by both outlets 0.73 -> 0.64 (0.55 -> 0.50 by a story
holding no other PAC story's article). Weekdays and months are no names.
"""

from __future__ import annotations

import hashlib
import heapq
import re
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import chain, repeat
from math import sqrt
from operator import mul
from typing import Optional

import numpy as np

from claimdesk.corroborate import samefact
from claimdesk.corroborate.contradictions import is_denial
from claimdesk.corroborate.deeds import other_happenings
from claimdesk.corroborate.denials import (ANTECEDENT_LINES, answered, called_untrue, denied_object, denies,
                                          denies_a_fact, described_thing, describes, harm_answered,
                                          points_back_plainly)
from claimdesk.corroborate.parties import claim_parties, parties
from claimdesk.corroborate.rivals import beyond_the_day, event_towns, other_incidents
from claimdesk.corroborate.vectors import Weights, names, term_counts
from claimdesk.models import Claim, When

# a story is a candidate for a claim from this TF-IDF similarity up; whether the claim joins it is
# the same-fact model's decision (`samefact`), against the story's lead
CANDIDATE_THRESHOLD = 0.1
CLAIM_THRESHOLD = 0.3  # the TF-IDF bar used before the same-fact model (kept for `Draft` rebuilt stories)
# that bar alone, across clusters, joined two short sentences on one word ("Earth reaches aphelion in
# July" / "the cargo reaches its target."): worded alike means at least this many fact words shared
FALLBACK_SHARED_STEMS = 2
# and a same-fact probability of at least this, the lowest floor at which such joins read by a person
# (tests/fixtures/fallback_join_labels.json) are one fact 80 % of the time, chosen by leave-one-group-out
# cross-validation on PAC dev and news_cluster's development events (bench/eval_fallback_joins.py:
# out of fold precision 0.78, recall 0.37). At the hand-set 0.1 before it, 0.54 of PAC's joins were one
# fact; on ECB+'s held-out topics, read once, 0.61 at 0.1 and 16 of 16 from this floor up
FALLBACK_MIN_PROBABILITY = 0.36
DENIAL_THRESHOLD = 0.12
# below DENIAL_THRESHOLD, a denial stating what it denies may still find it in its own event cluster,
# where the words both share are the cluster's topic and weigh little ("Ukraine's General Staff denied
# Russia's claim that its troops had captured the village of Bila Hora" / "Russia's Defence Ministry said
# its troops had captured the village of Belaya Gora (Bila Hora …)": similarity 0.06)
DENIED_FACT_BAR = 0.02
SEED_TERMS = 12
MIN_SEED_HITS = 2
MAX_POSTINGS = 2000
MAX_CANDIDATES = 32
SHORT_STORY_TERMS = 2  # a story of at most this many terms more than the seeds it shares is a candidate
DATE_WINDOW_DAYS = 7
CLAIM_TERMS = 48
MAX_MENTIONS = 50
MAX_WHENS = 8  # dates of a story's members kept for `compatible` (the first ones)
PARTS_MEMO = 30_000
TOPIC_TERMS = 100
TOPIC_WEIGHT = 0.3
# "statement" is the reporting frame ("…, officials said"), not what happened: it fits any event type
_ANY_EVENT = {"other", "statement"}
_DENIAL_CUE = re.compile(r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed)?|dismiss(?:es|ed)?|refut(?:es|ed))\b(?:\s+that)?", re.I)
_CONTENT = re.compile(r"[A-Za-z]{3,}|\d+")
# capitalised, but they name no one: two arrests "on Tuesday" share no person
_CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
             "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}


@lru_cache(maxsize=4096)  # a claim is checked against each candidate story in turn
def _names(text: str) -> frozenset[str]:
    # "Odesa's port" names Odesa: with its possessive it shared no name with "at Odesa" and vetoed the join
    return frozenset(_POSSESSIVE.sub("", n) for n in names(text)) - _CALENDAR - _MEDIA


_POSSESSIVE = re.compile(r"['’]s$")
# where something was said, not who or what it is about: "…, the air force said on Telegram" and
# "…, according to the Air Force Command" name no one apart
_MEDIA = {"telegram", "facebook", "twitter", "instagram", "youtube", "tiktok", "whatsapp", "viber", "vkontakte"}


def claim_names(claim: Claim, text: Optional[str] = None) -> frozenset[str]:
    """The names in `text` (the claim's own by default), with the gazetteer's name of each place
    it spells otherwise: "In Zaporizhia, officials said …" and "In the southern city of Zaporizhzhia, …"
    name one city."""
    found = _names(claim.text if text is None else text)
    respelt = {name.lower() for written, name in claim.places_spelt_otherwise() if written.lower() in found}
    return found | respelt if respelt else found


def fact_names(claim: Claim) -> frozenset[str]:
    """The names in what a claim states, without the speaker it is credited to ("…, Kyiv's
    Coordination Headquarters for the Treatment of Prisoners of War said" names no one in what it
    states; "…, according to the headquarters" neither)."""
    return claim_names(claim, samefact.fact_text(claim))


def groupable(claim: Claim) -> bool:
    """Questions and fragments are no facts to corroborate."""
    text = claim.text.strip()
    return not text.endswith("?") and len(_CONTENT.findall(text)) >= 4


def _content(claim: Claim) -> str:
    """What a claim is about; for a denial, what is denied: the words after the denial verb, or, for a report
    called untrue with no denial verb (`denials.called_untrue`), the object its words state: "He described
    Ukrainian media reports about a Russian drone attack on a bus in Belozerka … as a staged provocation" is
    about the attack on the bus. Always words of the claim's text, in one piece (`_place_spellings` finds
    them there)."""
    if is_denial(claim):
        if called_untrue(claim):
            stated = denied_object(claim).text.strip()
            if len(stated) > 20 and stated in claim.text:
                return stated
        m = _DENIAL_CUE.search(claim.text)
        if m and len(claim.text) - m.end() > 20:
            return claim.text[m.end():]
    return claim.text


def _place_spellings(claim: Claim, content: str) -> str:
    """The gazetteer's name of each place the claim's `content` (`_content`) spells otherwise, as
    extra words: "Zaporizhia" and "Zaporizhzhia" then share a term ("Zaporizhzhya"), as "Kupyansk" and
    "Kupiansk" do. A place spelt as the gazetteer spells it adds nothing (its weight stays as it was)."""
    at = claim.text.find(content)
    names = [name for _, name in claim.places_spelt_otherwise(claim.span[0] + max(at, 0))]
    return " " + " ".join(names) if names else ""


def _states_what_it_denies(claim: Claim) -> bool:
    return is_denial(claim) and not denied_object(claim).pointer


def placing_order(claim: Claim, fact: samefact.Parts) -> int:
    """When a claim of a batch is placed: assertions telling one kind of deed first, so that they
    anchor the stories; then those telling several (a wire lead's attack, fire and toll in one
    sentence), which join the story of one of their facts instead of drawing every fact's mentions
    into theirs; then denials that point back ("denied these reports"), once what they may point to is
    placed; then denials stating what they deny, which look for it among all of the batch's stories."""
    if is_denial(claim):
        return 3 if _states_what_it_denies(claim) else 2
    return 1 if len(fact.deeds) > 1 else 0


def story_id(first_claim: str) -> str:
    return hashlib.sha256(f"story:{first_claim}".encode()).hexdigest()[:32]


def _countries(claim: Claim) -> set[str]:
    return {p.country for p in claim.places if p.country}


class PartsMemo:
    """Claims' same-fact parts (`samefact.parts`) and names (`claim_names`, `fact_names`) read lately in a
    run, by claim id, bounded (the oldest dropped first). A story's lead is mostly a claim an earlier batch
    placed: its draft is loaded afresh each batch, and reading its parts again (meaning vector, names,
    deeds) had been a sixth of corroboration's time at 10k documents."""

    def __init__(self, limit: int = PARTS_MEMO):
        self.limit = limit
        self.items: OrderedDict[str, samefact.Parts] = OrderedDict()
        self.named: OrderedDict[str, tuple[frozenset[str], frozenset[str]]] = OrderedDict()

    def names(self, claim: Claim) -> tuple[frozenset[str], frozenset[str]]:
        """The claim's names and the names of what it states (`claim_names`, `fact_names`)."""
        found = self.named.get(claim.id)
        if found is None:
            found = self.named[claim.id] = (claim_names(claim), fact_names(claim))
            while len(self.named) > self.limit:
                self.named.popitem(last=False)
        return found

    def add(self, claims: Iterable[Claim], parts: Iterable[samefact.Parts]) -> None:
        for claim, fact in zip(claims, parts):
            self.items[claim.id] = fact
            self.items.move_to_end(claim.id)
        while len(self.items) > self.limit:
            self.items.popitem(last=False)

    def of(self, claim: Claim) -> samefact.Parts:
        fact = self.items.get(claim.id)
        if fact is None:
            fact = samefact.parts([claim], [_content(claim)])[0]
            self.add([claim], [fact])
        return fact


@dataclass
class Draft:
    """A story as grouping sees it. `claims` are the claims that joined it in this run (all of
    them for a new story); `stored` counts the mentions it had before."""

    id: str
    claims: list[Claim] = field(default_factory=list)
    vector: dict[int, float] = field(default_factory=dict)  # summed vectors of asserted claims
    norm2: float = 0.0
    lead_claim: Optional[Claim] = None
    lead_json: Optional[bytes] = None  # a stored lead, parsed the first time it is needed
    countries: set[str] = field(default_factory=set)
    stored: int = 0
    continued_by: Optional[str] = None
    clusters: set[str] = field(default_factory=set)  # event clusters of its documents (not stored)
    # the dates its asserted claims of this run name (not stored): a story led by an undated claim still has
    # a time when its members give one
    whens: list[When] = field(default_factory=list)
    touched: bool = False   # gained claims: its story row is recomputed
    dirty: bool = False     # its stored draft must be written
    _lead_names: frozenset[str] = field(default_factory=frozenset, repr=False)
    _lead_fact_names: frozenset[str] = field(default_factory=frozenset, repr=False)
    _names_of: str = field(default="", repr=False)  # the lead `_lead_names` were read from
    _lead_parts: Optional[samefact.Parts] = field(default=None, repr=False)
    _parts_of: str = field(default="", repr=False)
    memo: Optional[PartsMemo] = field(default=None, repr=False, compare=False)  # the run's, set by `StoryGrouper`

    def __post_init__(self) -> None:
        claims, self.claims = self.claims, []
        for c in claims:
            self.join(c)

    def join(self, claim: Claim) -> None:
        if self.lead_claim is None and self.lead_json is None:
            self.lead_claim = claim
        elif is_denial(self.lead) and not is_denial(claim):
            self.lead_claim, self.lead_json = claim, None
        self.countries |= _countries(claim)
        self.claims.append(claim)
        if claim.when is not None and claim.polarity == "asserted" and len(self.whens) < MAX_WHENS:
            self.whens.append(claim.when)

    @property
    def lead(self) -> Claim:
        if self.lead_claim is None and self.lead_json is not None:
            self.lead_claim = Claim.model_validate_json(self.lead_json)
        assert self.lead_claim is not None, "a story has at least one claim"
        return self.lead_claim

    @property
    def lead_names(self) -> frozenset[str]:
        lead = self.lead
        if self._names_of != lead.id:
            names, facts = self.memo.names(lead) if self.memo else (claim_names(lead), fact_names(lead))
            self._lead_names, self._lead_fact_names, self._names_of = names, facts, lead.id
        return self._lead_names

    @property
    def lead_fact_names(self) -> frozenset[str]:
        """The names in what the lead states, without its speaker (`fact_names`)."""
        self.lead_names  # noqa: B018 - reads both for the current lead
        return self._lead_fact_names

    @property
    def lead_parts(self) -> samefact.Parts:
        """The lead's fact as the same-fact model reads it (its meaning vector computed once)."""
        lead = self.lead
        if self._parts_of != lead.id:
            fact = self.memo.of(lead) if self.memo else samefact.parts([lead], [_content(lead)])[0]
            self._lead_parts, self._parts_of = fact, lead.id
        assert self._lead_parts is not None
        return self._lead_parts

    @property
    def mentions(self) -> int:
        return self.stored + len(self.claims)

    @property
    def full(self) -> bool:
        return self.mentions >= MAX_MENTIONS


def _days(w: When) -> Optional[tuple[date, date]]:
    """The first and last day a date covers: a day itself, a month or a year whole, a part of one
    ("late 2025", "early March") as the date finder gave its days."""
    period = _period(w)
    if period:
        return period
    try:
        parts = [int(p) for p in w.value.split("-")]
        if parts[0] <= 0:
            return None
        if len(parts) == 3:
            day = date(*parts)
            return day, day
        if len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            return first, date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1) - timedelta(days=1)
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    except ValueError:
        return None


def _period(w: When) -> Optional[tuple[date, date]]:
    try:
        return (date.fromisoformat(w.start), date.fromisoformat(w.end)) if w.start and w.end else None
    except ValueError:
        return None


def _near_day(w: When, day: date) -> bool:
    """The date can be the time of a fact a page published on `day` tells with no date of its own: the days
    it covers meet `day`, or, a day or a short span, lie within `DATE_WINDOW_DAYS` before it or a day after."""
    covered = _days(w)
    if covered is None:
        return True
    slack = DATE_WINDOW_DAYS if (covered[1] - covered[0]).days < DATE_WINDOW_DAYS else 0
    return covered[0] <= day + timedelta(days=1) and day - timedelta(days=slack) <= covered[1]


def _times_agree(a: When, b: When) -> bool:
    """Two dates can be the time of one fact: the days they cover overlap, or, two days or short
    spans ("February 6 to 7"), lie within `DATE_WINDOW_DAYS` (reports date one night by its evening
    or its morning, and "Monday" may be resolved a week off). Last year and this year, March and
    May, "late 2025" and March 2025 do not agree."""
    da, db = _days(a), _days(b)
    if da is None or db is None:
        return True
    short = (da[1] - da[0]).days < DATE_WINDOW_DAYS and (db[1] - db[0]).days < DATE_WINDOW_DAYS
    slack = DATE_WINDOW_DAYS if short else 0
    return da[0] - timedelta(days=slack) <= db[1] and db[0] - timedelta(days=slack) <= da[1]


@dataclass
class EventContext:
    """Where the documents of the claims being placed stand among the event clusters."""

    cluster_of: dict[str, str]  # document id -> event cluster id
    size: dict[str, int]        # event cluster id -> documents in it
    centroid_terms: Callable[[str], Iterable[tuple[int, float]]]  # cluster id -> (term, weight) of its centroid
    published: Callable[[str], Optional[date]] = lambda document_id: None  # document id -> publication date
    # a claim -> when its live post (else its page) was published, for the batch's documents
    told_at: Callable[[Claim], Optional[datetime]] = lambda claim: None
    _topics: dict[str, frozenset[int]] = field(default_factory=dict, repr=False)

    def topic(self, cluster: str) -> frozenset[int]:
        """The heaviest terms of a cluster of several documents (none for a document alone)."""
        if cluster not in self._topics:
            terms = sorted(self.centroid_terms(cluster), key=lambda tw: (-tw[1], tw[0]))[:TOPIC_TERMS]
            self._topics[cluster] = frozenset(t for t, _ in terms) if self.size.get(cluster, 1) > 1 else frozenset()
        return self._topics[cluster]

    def may_join(self, claim: Claim, story: Draft) -> bool:
        """False when the claim's document and the story lie in different event clusters of several
        documents each: the clusterer kept them apart as two events."""
        mine = self.cluster_of.get(claim.document_id)
        if mine is None or not story.clusters or mine in story.clusters or self.size.get(mine, 1) <= 1:
            return True
        return any(self.size.get(c, 1) <= 1 for c in story.clusters)


# which of the old hard rules still veto a join before the same-fact model weighs the rest
# (event types are among its features; days far apart, other countries and other people named stay
# vetoes: the model, fitted on coreference chains, weighs a names conflict at -0.1 only, and without
# the veto ECB+ stories mixed a topic's two events in 0.052 of pairs, held-out 0.065)
# a figure of several days ("has killed 12 civilians this week", "so far"): no one day's count
# a deed of days gone by, told beside the day's: "Last week's strike on the city's industrial district killed three"
_EARLIER = re.compile(r"\blast\s+(?:week|month|year)\b|\b(?:days|weeks|months|years)\s+ago\b"
                      r"|\b(?:an?|the)\s+(?:earlier|previous)\s+(?:strike|attack|raid|shelling)\b", re.I)
_OVER_DAYS = re.compile(r"\b(?:this|last|past) (?:week|month|year)\b|\bso far\b|\bto date\b|\bin total\b", re.I)
VETO_EVENT_TYPE = False
VETO_NAMES = True
USE_CLUSTER_GATE = True
# inside an event cluster, a join of two pages the model takes gets a second look (`samefact.FactCheck`);
# off only to make the stories that check is fitted on (bench/train_samefact_check.py)
CHECK_JOINS = True


def gate_allows(claim: Claim, story: Draft, context: Optional[EventContext] = None) -> bool:
    """The event-cluster gate (`EventContext.may_join`), when it is on and clusters are known."""
    return not (USE_CLUSTER_GATE and context is not None and not context.may_join(claim, story))


def compatible(claim: Claim, story: Draft, context: Optional[EventContext] = None, gate: bool = True,
               memo: Optional[PartsMemo] = None) -> bool:
    """No hard rule keeps the claim from the story (`gate`: nor the event-cluster gate; `memo`: where the
    claim's names are read once for all its candidates)."""
    if gate and not gate_allows(claim, story, context):
        return False
    lead = story.lead
    if VETO_EVENT_TYPE and claim.event_type != lead.event_type and not {claim.event_type, lead.event_type} & _ANY_EVENT:
        return False
    if claim.when and lead.when and not _times_agree(claim.when, lead.when):
        return False
    if claim.when and lead.when is None and story.whens and not any(_times_agree(claim.when, w) for w in story.whens) \
            and context is not None and (day := context.published(lead.document_id)) is not None \
            and not _near_day(claim.when, day):
        # a story led by an undated claim has the time its members give and its lead's page: "On 19 September,
        # a drone hit the depot in Lozova" agrees with neither October's page nor its Thursday (a lead undated
        # and alone may tell of a day long before its page: "the recently opened Apple store")
        return False
    ca = _countries(claim)
    if ca and story.countries and not ca & story.countries:
        return False
    return not VETO_NAMES or _names_agree(claim, story, memo)


def _names_agree(claim: Claim, story: Draft, memo: Optional[PartsMemo] = None) -> bool:
    """The claim and the story's lead name someone in common, or one of them names no one. When both
    tell of an event (an attack, deaths, a deployment), names that differ only in who is speaking do
    not count against a join: two sources stating one deed are what corroboration counts ("the
    bodies of 1,000 soldiers were handed over, the Coordination Headquarters said" / "…, according to
    the ombudsman"). What someone says of no event is that speaker's ("It was a game of ups and downs,"
    one fan said / "…all the ups and downs…", another said): there the speakers' names count."""
    mine, my_facts = memo.names(claim) if memo else (claim_names(claim), None)
    if not (mine and story.lead_names) or mine & story.lead_names:
        return True
    lead = story.lead
    if claim.event_type in _ANY_EVENT or lead.event_type in _ANY_EVENT or is_denial(claim):
        return False
    return not ((my_facts if my_facts is not None else fact_names(claim)) and story.lead_fact_names)


def _dot(x: dict[int, float], vec: dict[int, float]) -> float:
    # the same products summed in the same order as a generator over x, without its per-item frame:
    # this is the innermost loop of grouping
    return sum(map(mul, x.values(), map(vec.get, x.keys(), repeat(0.0))))


def claim_vectors(weights: Weights, claims: list[Claim]) -> list[dict[int, float]]:
    if not claims:
        return []
    contents = [_content(c) for c in claims]
    X = weights.weigh(term_counts([t + _place_spellings(c, t) for c, t in zip(claims, contents)]), CLAIM_TERMS)
    return [dict(zip(X.indices[X.indptr[i]:X.indptr[i + 1]].tolist(), X.data[X.indptr[i]:X.indptr[i + 1]].tolist()))
            for i in range(X.shape[0])]


def fold(story: Draft, x: dict[int, float]) -> list[int]:
    """Add an asserted claim's vector to the story's centroid; return the terms new to it."""
    vec = story.vector
    story.norm2 += 2 * _dot(x, vec) + sum(w * w for w in x.values())
    new = []
    for t, w in x.items():
        if t not in vec:
            new.append(t)
            vec[t] = w
        else:
            vec[t] += w
    return new


def draft_from_claims(sid: str, claims: list[Claim], weights: Weights) -> Draft:
    """A story's draft rebuilt from its claims (in publication order), for a story stored without one."""
    draft = Draft(sid, stored=len(claims), dirty=True)
    asserted = [c for c in claims if not is_denial(c)]
    for c, x in zip(asserted, claim_vectors(weights, asserted)):
        fold(draft, x)
    lead = (asserted or claims)[0]
    draft.lead_claim = lead
    draft.countries = {country for c in claims for country in _countries(c)}
    return draft


class StoryGrouper:
    """Places claims among the stories of one neighbourhood, keeping the stories it already had.

    Story centroids are sparse dicts with an inverted index (term -> stories), so placing a claim
    costs the length of its terms' postings inside the neighbourhood, not the number of stories.

    >>> from claimdesk.corroborate.vectors import Weights
    >>> a = Claim(id="a", document_id="d1", text="Six officers were killed near Donetsk on Thursday.", span=(0, 50), line=1)
    >>> b = Claim(id="b", document_id="d2", text="Six officers were killed near Donetsk, officials said.", span=(0, 54), line=1)
    >>> [len(s.claims) for s in StoryGrouper(Weights()).add([a, b])]
    [2]
    """

    def __init__(self, weights: Weights, stories: Iterable[Draft] = (), context: Optional[EventContext] = None,
                 memo: Optional[PartsMemo] = None):
        self.weights = weights
        self.context = context
        self.memo = memo if memo is not None else PartsMemo()
        self.stories: list[Draft] = []
        self.index: dict[str, int] = {}
        self.postings: dict[int, list[int]] = {}
        # (value, counted class) -> stories a claim of this run giving that figure joined (`_by_figure`)
        self.figures: dict[tuple[float, str], list[int]] = {}
        # kind of no-harm -> stories a claim of this run telling only that no one was hurt (or died) joined
        self.spared: dict[str, list[int]] = {}
        self.placed: dict[str, list[tuple[Claim, int]]] = {}  # document id -> its claims placed in this run
        self.parts: dict[str, samefact.Parts] = {}  # claim id -> its parts, for the claims of this run
        self._crossing = False  # the claim being placed joins its story across the event-cluster gate
        for draft in stories:
            self._adopt(draft)

    def _adopt(self, draft: Draft) -> int:
        j = len(self.stories)
        draft.memo = self.memo
        self.stories.append(draft)
        self.index[draft.id] = j
        for t in draft.vector:
            self.postings.setdefault(t, []).append(j)
        return j

    def _fold(self, j: int, x: dict[int, float]) -> None:
        for t in fold(self.stories[j], x):
            self.postings.setdefault(t, []).append(j)

    def add(self, claims: list[Claim]) -> list[Draft]:
        """Place `claims` (in publication order within each step of `placing_order`) and return the
        stories that gained claims. A denial that states what it denies comes last: it finds the story
        it denies among all of the batch's assertions, whichever page was stored first ("The Kremlin
        denied reports that North Korean troops were fighting in Kursk" printed before the reports
        themselves had made its story alone). One that only points ("denied these reports") comes after
        the assertions it may point back to."""
        claims = [c for c in claims if groupable(c)]
        facts = samefact.parts(claims, [_content(c) for c in claims])
        order = sorted(range(len(claims)), key=lambda i: placing_order(claims[i], facts[i]))  # stable sort
        claims, facts = [claims[i] for i in order], [facts[i] for i in order]
        self.parts.update((c.id, f) for c, f in zip(claims, facts))
        self.memo.add(claims, facts)
        for claim, x, fact in zip(claims, claim_vectors(self.weights, claims), facts):
            self._place(claim, self._in_context(claim, x), fact)
        return [s for s in self.stories if s.touched]

    def claim_vector(self, claim: Claim) -> dict[int, float]:
        """The claim's TF-IDF vector as placement uses it (topic words of its cluster weighed down)."""
        return self._in_context(claim, claim_vectors(self.weights, [claim])[0])

    def _in_context(self, claim: Claim, x: dict[int, float]) -> dict[int, float]:
        """The claim's vector with the words of its event cluster's topic weighed down."""
        cluster = self.context.cluster_of.get(claim.document_id) if self.context else None
        topic = self.context.topic(cluster) if cluster else frozenset()
        if not topic.intersection(x):
            return x
        x = {t: w * TOPIC_WEIGHT if t in topic else w for t, w in x.items()}
        norm = sqrt(sum(w * w for w in x.values()))
        return {t: w / norm for t, w in x.items()}

    def _candidates(self, x: dict[int, float], bar: float, short: bool = False) -> list[tuple[int, float]]:
        """Stories sharing the claim's rarest words, most similar first, from TF-IDF similarity `bar` up;
        `short`: also a story of few words sharing one of them (a wire lead finding "Three people were
        killed")."""
        # candidates through the claim's heaviest (rarest) terms; a term shared by a great many
        # stories finds nothing by itself. At most MAX_CANDIDATES of them are then scored on the
        # whole vector: a long-running topic makes many stories share a claim's words.
        seeds = sorted(x, key=x.get, reverse=True)[:SEED_TERMS]
        postings = (p for p in map(self.postings.get, seeds, repeat(())) if len(p) <= MAX_POSTINGS)
        need = MIN_SEED_HITS if len(seeds) >= 4 else 1  # one shared rare word can be a coincidence
        if short:
            # a story of few words (a short clause: "Three people were killed") is found by one of them
            found = [(-h, j) for j, h in Counter(chain.from_iterable(postings)).items()
                     if h >= need or h >= len(self.stories[j].vector) - SHORT_STORY_TERMS]
        else:
            # the counts read as arrays: a loop (or a Counter) over every story hit was a tenth of
            # corroboration's time at 10k documents, and most are hit by one seed only
            stories, counts = np.unique(np.fromiter(chain.from_iterable(postings), dtype=np.int64), return_counts=True)
            kept = counts >= need
            found = list(zip((-counts[kept]).tolist(), stories[kept].tolist()))
        if len(found) > MAX_CANDIDATES:  # the stories sharing the most seed terms; the earlier ones on a tie
            found = heapq.nsmallest(MAX_CANDIDATES, found)
        candidates = []
        for _, j in found:
            n2 = self.stories[j].norm2
            sim = _dot(x, self.stories[j].vector) / sqrt(n2) if n2 > 0 else 0.0
            if sim >= bar:
                candidates.append((-sim, j))
        return [(j, -s) for s, j in sorted(candidates)]  # most similar first; the earlier story on a tie

    def _by_figure(self, claim: Claim, x: dict[int, float], fact: samefact.Parts) -> list[tuple[int, float]]:
        """Stories of the claim's event cluster a claim giving one of its figures (the same count of the same
        kind of thing) joined in this run, which TF-IDF similarity ranks below `CANDIDATE_THRESHOLD`: "Across
        Ukraine, 71 drones were brought down overnight" shares only "71" and "drones" with "Air defence units
        shot down 71 of the drones", whose story three copies' words weigh. The same-fact model decides."""
        found = {j for f in samefact.whole_figures(fact) for j in self.figures.get(f, ())}
        return self._below_the_bar(x, (
            j for j in found if self._same_cluster(claim, story := self.stories[j])
            and story.lead.document_id != claim.document_id and samefact.one_deed_told_alike(fact, story.lead_parts)
            and not any(beyond_the_day(c) or _OVER_DAYS.search(c.text) or _EARLIER.search(c.text) for c in (claim, story.lead))
            and self._one_time(claim, story.lead)))

    def _by_no_harm(self, claim: Claim, x: dict[int, float], fact: samefact.Parts) -> list[tuple[int, float]]:
        """Stories of the claim's event cluster that a claim telling only that no one was hurt (or only that no one
        died) joined in this run, which TF-IDF similarity ranks below `CANDIDATE_THRESHOLD` ("Nobody was hurt,
        he said." / "There were no casualties, Demidenko added." share no word). `samefact.nobody_harmed_alike`
        decides."""
        kind = samefact.spared(fact)
        found = [j for j in self.spared.get(kind, ()) if self._same_cluster(claim, self.stories[j])
                 and self.stories[j].lead.document_id != claim.document_id] if kind else []
        return self._below_the_bar(x, found)

    def _below_the_bar(self, x: dict[int, float], found: Iterable[int]) -> list[tuple[int, float]]:
        """(story, similarity) of the `found` stories whose TF-IDF similarity to `x` is below `CANDIDATE_THRESHOLD`
        (those from it up are candidates already)."""
        out = []
        for j in sorted(found):
            n2 = self.stories[j].norm2
            sim = _dot(x, self.stories[j].vector) / sqrt(n2) if n2 > 0 else 0.0
            if sim < CANDIDATE_THRESHOLD:
                out.append((j, sim))
        return out

    def _best(self, claim: Claim, x: dict[int, float], denial: bool, fact: samefact.Parts) -> Optional[int]:
        if denial:
            obj = denied_object(claim)
            if obj.pointer and points_back_plainly(claim) and (j := self._antecedent_story(claim)) is not None:
                return j
            if obj.on_its_page:  # "the village remained under Ukrainian control": its page's village
                return self._denied_on_its_page(claim)
            if (noun := described_thing(claim)) and (j := self._described_before(claim, noun)) is not None:
                return j  # "denied that the ship had been damaged": the ship its page told of just before
            stated = bool(obj.text.strip())
            verbless = called_untrue(claim)
            nearest = found = denied_there = None
            for j, sim in self._candidates(x, DENIED_FACT_BAR if stated else DENIAL_THRESHOLD):
                story = self.stories[j]
                if _DENIAL_CUE.search(story.lead.text) or is_denial(story.lead):
                    continue  # a denial is linked to what is asserted, not to another report of a denial
                if not gate_allows(claim, story, self.context):
                    continue  # another event cluster's story: what it says this denial cannot deny
                # the most similar story, unless a less similar one of its own event cluster states the
                # very deed denied: "denied reports that North Korean servicemen are shelling Sumy Region" is
                # worded most like residents reporting "an increase in shelling" in Sumy region, but denies
                # the border guards' "North Korean artillery crews have been firing on border settlements"
                # (across clusters, the words denied recur in other news: ECB+'s "dismissed a report that
                # Hiller might be involved in a fatal workplace shooting" and another city's fatal shooting).
                # A report called untrue with no denial verb is read by its object alone, whose few words may
                # share little with the deed's story: it takes that story below the bar too ("described …
                # reports about a Russian drone attack on a bus in Belozerka … as a staged provocation")
                if (sim >= DENIAL_THRESHOLD or verbless) and stated and denies_a_fact(claim) \
                        and denies(claim, [story.lead]):
                    if self._same_cluster(claim, story):
                        return j
                    # another cluster's story whose lead the object states, naming what it names ("denied that
                    # Bahatyr had fallen" / "claims its troops have captured Bahatyr"), before the nearest
                    # by words that states nothing denied ("milbloggers criticised … advances near Bahatyr")
                    denied_there = j if denied_there is None else denied_there
                if sim >= DENIAL_THRESHOLD:
                    nearest = j if nearest is None else nearest
                elif found is None and nearest is None and self._denies_lead(claim, story):
                    found = j
            return next((j for j in (denied_there, nearest, found) if j is not None), None)
        if not fact.informative:
            return None  # states no fact: corroborates nothing, alone in its story
        model = samefact.model()
        best, best_p = None, -1.0
        # only a claim telling several kinds of deed looks among short stories (a wire lead for the short
        # clause of one of its facts): with every claim doing so, the stories stage of bench/corroborate.py
        # at 10k documents took 65 s instead of 37
        for j, sim in self._candidates(x, CANDIDATE_THRESHOLD, short=len(fact.deeds) > 1) + self._by_figure(claim, x, fact) \
                + self._by_no_harm(claim, x, fact):
            story = self.stories[j]
            if not compatible(claim, story, self.context, gate=False, memo=self.memo):
                continue
            lead = story.lead_parts
            if not lead.informative:
                continue  # an empty sentence anchors nothing
            crossing = not gate_allows(claim, story, self.context)
            if crossing and not self._crosses_clusters(claim, story, fact, lead):
                continue
            same_cluster = self._same_cluster(claim, story)
            if samefact.conflict(fact, lead) or other_happenings(fact.deeds, lead.deeds):
                # another figure or another day: another fact, unless a member of another page gives the
                # same count on the same day in the same town (a lead read off a headline names no day:
                # "Twenty North Korean soldiers killed in strike near Donetsk, officials say")
                if same_cluster and fact.numbers and fact.counted and fact.day is not None \
                        and self._toll_member(claim, fact, story):
                    if model.threshold > best_p:  # a toll's contest joins at the model's bar
                        best, best_p = j, model.threshold
                        self._crossing = crossing
                continue
            # a pair let across clusters tells one deed in one town: the model reads it as the clusterer's own
            p = model.probability(samefact.features(fact, lead, same_cluster or crossing))
            # the model decides; across event clusters a claim worded as the story (TF-IDF similarity
            # from CLAIM_THRESHOLD, no other people named) joins as before it: the model, fitted on
            # coreference chains mostly inside one cluster, underrates two outlets' wordings of one
            # fact the clusterer kept apart (PAC's two articles share a cluster 9 % of the time;
            # model alone: PAC corroborated 0.09). Inside a cluster of several documents the model
            # alone decides (with this rule there too, ECB+ held-out mixing 0.063)
            # two figures of one count, one day, one town: the contest a story must show, whatever the
            # wording around the figures (the model and the check read the words); likewise two lines telling only
            # that no one was hurt, and one named speaker's figure told on two pages
            toll = same_cluster and (p >= FALLBACK_MIN_PROBABILITY and samefact.one_toll_in_one_place(fact, lead)
                                     or samefact.nobody_harmed_alike(fact, lead)
                                     or samefact.one_speakers_figure_told_twice(fact, lead))
            if toll:
                p = max(p, model.threshold)
            elif p < model.threshold and (same_cluster or sim < CLAIM_THRESHOLD or not _names_agree(claim, story, self.memo)
                                          or len(fact.fact_stems & lead.fact_stems) < FALLBACK_SHARED_STEMS
                                          or p < FALLBACK_MIN_PROBABILITY):
                continue
            if same_cluster and not toll and CHECK_JOINS and claim.document_id != story.lead.document_id \
                    and (check := samefact.fact_check()) is not None \
                    and not check.passes(p, fact, lead, self._days_apart(claim, story)):
                # one event's other fact, sharing names more than what it says; an article restating
                # its own fact ("the reports of North Korean troops" / "the deployment of North Korean
                # soldiers") is left to the model: the check is fitted on joins of two pages
                continue
            if p > best_p:  # the most probable story; the more similar one on a tie
                best, best_p = j, p
                self._crossing = crossing
        return best

    def _crosses_clusters(self, claim: Claim, story: Draft, fact: samefact.Parts, lead: samefact.Parts) -> bool:
        """A fact a page telling a day's many events (a live blog, a roundup: one event cluster holds it with
        the pages of one of them) shares with a page of another cluster: one figure of one thing, one harm (or
        one kind of site hit, as the model reads it), in a town both tell as the event's (`samefact.one_deed_in_one_town`, `rivals.event_towns`: not a
        speaker's, a bearing's or a comparison's), on pages published within a day, one kind of incident (a
        shooting's dead are not a crash's), and neither a figure of days gone by ("this week", "since")."""
        days = self._days_apart(claim, story)
        if days is None or days > 1:
            return False
        if any(beyond_the_day(c) or _OVER_DAYS.search(c.text) for c in (claim, story.lead)):
            return False
        deed = samefact.one_deed_in_one_town(fact, lead)
        count = samefact.one_count_told_twice(fact, lead)
        if not (deed or count or samefact.one_site_in_one_town(fact, lead) or samefact.one_capture_of_one_town(fact, lead)) \
                or other_incidents(claim, story.lead):
            return False
        mine, theirs = event_towns(claim), event_towns(story.lead)
        if not mine & theirs and not (count and not mine and not theirs):  # a night's count told nationwide names none
            return False
        # no figure, but one site of one kind hit, or one town captured, in one town, or a count told alike, worded
        # alike enough for the model to join the two had the clusterer put their pages together
        return deed or samefact.probability(fact, lead, same_cluster=True) >= samefact.model().threshold

    def _toll_member(self, claim: Claim, fact: samefact.Parts, story: Draft) -> bool:
        """A member of the story placed in this run, from another page, giving another figure of the
        claim's count on its day in its town (`samefact.one_toll_in_one_place`, with the same-fact model
        from `FALLBACK_MIN_PROBABILITY`): the contest the story must show."""
        model = samefact.model()
        for member in story.claims:
            theirs = self.parts.get(member.id)
            if theirs is None or member.document_id == claim.document_id or is_denial(member):
                continue
            if samefact.one_toll_in_one_place(fact, theirs) and not other_happenings(fact.deeds, theirs.deeds) \
                    and model.probability(samefact.features(fact, theirs, True)) >= FALLBACK_MIN_PROBABILITY:
                return True
        return False

    def _antecedent_story(self, denial: Claim) -> Optional[int]:
        """The story of what a denial that only points back ("denied that, saying …", "rejected these
        reports") points to: the assertion it answers in its own article (`denials.answered`: just before it,
        or on a live page running newest first the post below). The words after the pointer are the denier's
        own case ("the terminal held only grain"), which resemble other facts of the page more than the one
        denied."""
        obj = denied_object(denial)
        owner = parties(obj.pointer or "")
        placed = {c.id: j for c, j in self.placed.get(denial.document_id, ())
                  if not is_denial(c) and (not owner or owner & claim_parties(c))}
        told = [c for c, _ in self.placed.get(denial.document_id, ()) if c.id in placed]
        told_at = self.context.told_at if self.context is not None else None
        antecedent = harm_answered(denial, told, told_at) if obj.harm else answered(denial, told, told_at)
        if antecedent is None:
            return None
        j = placed[antecedent.id]
        return None if _DENIAL_CUE.search(self.stories[j].lead.text) else j

    def _described_before(self, denial: Claim, noun: str) -> Optional[int]:
        """The story of the nearest assertion before the denial on its page telling of the thing its
        object describes (`denials.describes`), unless that story's lead is itself a denial."""
        told = [(c, j) for c, j in self.placed.get(denial.document_id, ()) if not is_denial(c) and describes(denial, noun, c)]
        if not told:
            return None
        _, j = max(told, key=lambda cj: cj[0].span[0])
        return None if _DENIAL_CUE.search(self.stories[j].lead.text) else j

    def _denied_on_its_page(self, denial: Claim) -> Optional[int]:
        """The story of the nearest assertion on the denial's own page that it denies: what "the village
        remained under Ukrainian control" answers is the capture of the village that page named, however many
        lines lie between, before it or after it (a live blog's posts run newest first)."""
        told = [(c, j) for c, j in self.placed.get(denial.document_id, ()) if not is_denial(c) and denies(denial, [c])]
        return min(told, key=lambda cj: abs(cj[0].span[0] - denial.span[0]))[1] if told else None

    def _denies_lead(self, denial: Claim, story: Draft) -> bool:
        """A story of the denial's own event cluster whose lead states the very fact denied
        (`denials.denies`: its deed, most of its words, its speaker), the denial answering a fact
        (`denials.denies_a_fact`). The same-fact model is not asked: a denial and what it denies are
        worded apart ("Ukraine's General Staff denied that Russian forces had captured Myrne Pole" /
        "Russia's defence ministry said its troops had captured the village of Myrne Pole": 0.71 against
        its bar of 0.81), and on the development stores it kept out no link that the rest let in."""
        return self._same_cluster(denial, story) and denies_a_fact(denial) and bool(denies(denial, [story.lead]))

    def _one_time(self, a: Claim, b: Claim) -> bool:
        """Nothing dates the two claims apart: their dates agree (`_times_agree`), or one's date can be the time
        of a fact the other's page tells undated ("On 11 August, guided aerial bombs … killing three people"
        on a page of 19 August is no "Three people were killed" of that night)."""
        if a.when is not None and b.when is not None:
            return _times_agree(a.when, b.when)
        dated, undated = (a, b) if a.when is not None else (b, a)
        if dated.when is None or self.context is None:
            return True
        page = self.context.published(undated.document_id)
        return page is None or _near_day(dated.when, page)

    def _days_apart(self, claim: Claim, story: Draft) -> Optional[int]:
        """Days between the publication of the claim's page and of the story lead's page (None when
        either is undated)."""
        if self.context is None:
            return None
        mine, theirs = self.context.published(claim.document_id), self.context.published(story.lead.document_id)
        return abs((mine - theirs).days) if mine is not None and theirs is not None else None

    def _same_cluster(self, claim: Claim, story: Draft) -> bool:
        """The claim's document shares an event cluster of several documents with the story's, or is
        the document of the story's lead: an article restating its own fact in other words ("increasing
        indications that North Korea has been sending military personnel" / "the deployment of North
        Korean soldiers") is decided by the model as inside a cluster, not by the cross-cluster
        fallback, whose floor is fitted on joins of two documents."""
        if self.context is None:
            return False
        if claim.document_id == story.lead.document_id:
            return True
        mine = self.context.cluster_of.get(claim.document_id)
        return mine is not None and mine in story.clusters and self.context.size.get(mine, 1) > 1

    def _place(self, claim: Claim, x: dict[int, float], fact: Optional[samefact.Parts] = None) -> None:
        denial = is_denial(claim)
        if fact is None:
            fact = self.memo.of(claim)
        self._crossing = False
        best = self._best(claim, x, denial, fact)
        if best is None:
            best = self._adopt(Draft(story_id(claim.id)))
        else:
            best = self._continuation(best, claim)
        story = self.stories[best]
        story.join(claim)
        self.placed.setdefault(claim.document_id, []).append((claim, best))
        if not denial and (kind := samefact.spared(fact)) and best not in (stories := self.spared.setdefault(kind, [])):
            stories.append(best)
        if not denial:
            for figure in samefact.whole_figures(fact):
                if best not in (stories := self.figures.setdefault(figure, [])):
                    stories.append(best)
        if self.context and claim.document_id in self.context.cluster_of and not self._crossing:
            # a join across the gate (`_crosses_clusters`) opens the story to no other claim of that cluster
            story.clusters.add(self.context.cluster_of[claim.document_id])
        if not denial or is_denial(story.lead):
            # a denial alone in its story is found by the words of what it denies: reports of it in a
            # later run join it ("The Kremlin denied reports that North Korean troops were fighting in
            # Kursk" corroborated before the reports came in). Joined to a story of assertions, it adds
            # nothing to their words
            self._fold(best, x)
        story.touched = story.dirty = True

    def _continuation(self, j: int, claim: Claim) -> int:
        """The story a claim matching story `j` joins: `j`, or the continuation of a full story."""
        while self.stories[j].full:
            story = self.stories[j]
            if story.continued_by is None:
                story.continued_by = story_id(claim.id)
                story.dirty = True
                return self._adopt(Draft(story.continued_by))
            if story.continued_by not in self.index:
                raise ValueError(f"expected the continuation {story.continued_by} of story {story.id} to be loaded")
            j = self.index[story.continued_by]
        return j
