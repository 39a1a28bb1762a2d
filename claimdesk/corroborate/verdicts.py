"""One fact, one verdict: stories that state the same fact do not hold opposite statuses.

Grouping keeps some mentions of one fact in two stories (the cluster gate, the names veto and the
candidate bar keep apart what they cannot tell apart). Each story then gets its status from its
own mentions, so one fact can be `corroborated` in one story and `contested` or `denied` in the
other. Here the stories of one event cluster whose leads the same-fact model (`samefact`) takes
for one fact are *siblings*, and each story's verdict is raised to the most severe verdict of its
group (itself and its siblings, their mentions taken together): a fact that mentions contest, or
that a party denies, is shown contested or denied wherever it is stated, with the contradiction
that says why (its mentions may lie in the sibling story).

Why raise the verdict instead of merging the stories: grouping's rules keep the two stories apart
for a reason (merging across them mixed a topic's two events on ECB+), a merge would move mentions
and retire a story id that reviewers may have acted on, and a wrong sibling costs only a warning
shown once too often, not a mixed story. A warning reaches a story only when its own mentions
state what the contradiction is about: a figure measuring the disputed quantity, a day, a place, or
what the denial denies. A sibling taken for the same fact by mistake ("Exports of coal were banned after the
launch of an ICBM" beside a story whose mentions dispute the ICBM's altitude in miles) keeps its
verdict, since nothing it says is disputed. Only warnings travel: `contested` and `denied`; a story's
independent sources stay its own (its mentions are what the ledger shows under it), so a
`single_source` story whose sibling is corroborated stays `single_source`.

Corroboration looks for siblings only around contested or denied stories (rewritten in the batch,
or stored so): comparing every rewritten story's lead with its neighbours cost 41 % more
corroboration CPU at 10k documents (bench/corroborate.py), for a verdict that only a warning can
change. Two stories that each look settled but give different figures of one count in one town on one
day are rivals (`rivals`): both are shown contested, with the contradiction of those two figures.

A denial reaches beyond its story too (`DenialReach`): a party denying a stated fact ("called reports that
Malynivka had been captured false") denies every story of its event clusters whose lead states that fact
(`denials.denies`, the same test that links it inside its story), though the model kept the leads apart
("The Russian MoD claimed the seizure of Malynivka" / "Russia's defence ministry claimed … its troops had
captured Malynivka", one of them `corroborated` by the Russian outlet that printed the claim). Only a denial
stating what it denies reaches other stories: one pointing back ("rejected the allegation") answers its page's
sentence before it, which its own story holds.

Leads sharing fewer than `MIN_SHARED_WORDS` content words are not compared (the model, fitted on
coreference chains, gives them no chance of one fact), and a story is compared with at most
`MAX_SIBLING_CANDIDATES` stories of its clusters, those sharing the most words first.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from functools import lru_cache
from typing import Optional

from claimdesk.corroborate import samefact
from claimdesk.corroborate.contradictions import Evidence, denial_links, find, is_denial, named_day
from claimdesk.corroborate.denials import (REACHING_DEEDS, deeds_denied, deeds_told, denied_object, denies,
                                           denies_beyond_its_story)
from claimdesk.corroborate.measures import measure, unit_class
from claimdesk.corroborate.grouping import Draft
from claimdesk.corroborate.status import status
from claimdesk.models import Claim, Contradiction, Story

MIN_SHARED_WORDS = 2
MAX_SIBLING_CANDIDATES = 20
SEVERITY = {"contested": 2, "denied": 1}
_CONTENT_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}|\d[\d,.]*")
_WARNING_KINDS = {"contested": {"number", "date", "place"}, "denied": {"denial"}}


def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _CONTENT_WORD.findall(text))


class SiblingFinder:
    """Same-fact siblings among the stories of one batch's neighbourhoods (`pool`)."""

    def __init__(self, pool: Mapping[str, Draft], cluster_size: Callable[[str], int]):
        self.pool = pool
        self.cluster_size = cluster_size
        self.words: dict[str, frozenset[str]] = {}
        self.index: dict[tuple[str, str], list[str]] = {}  # (cluster, word) -> story ids
        for sid in sorted(pool):
            draft = pool[sid]
            if not draft.clusters or is_denial(draft.lead):
                continue
            words = self.words[sid] = _words(draft.lead.text)
            for cluster in draft.clusters:
                for w in words:
                    self.index.setdefault((cluster, w), []).append(sid)

    def of(self, story_ids: Iterable[str]) -> dict[str, set[str]]:
        """story id -> ids of its siblings (stories sharing an event cluster whose lead is the same fact)."""
        out: dict[str, set[str]] = {}
        model = samefact.model()
        for sid in story_ids:
            draft = self.pool.get(sid)
            if draft is None or sid not in self.words:
                continue
            mine = draft.lead_parts
            if not mine.informative:
                continue
            hits: Counter = Counter()
            for w in self.words[sid]:
                hits.update({t for c in draft.clusters for t in self.index.get((c, w), ())} - {sid})
            shared = sorted((-n, t) for t, n in hits.items() if n >= MIN_SHARED_WORDS)
            found = set()
            for _, t in shared[:MAX_SIBLING_CANDIDATES]:
                other = self.pool[t]
                theirs = other.lead_parts
                if not theirs.informative or samefact.conflict(mine, theirs):
                    continue
                same_cluster = any(self.cluster_size(c) > 1 for c in draft.clusters & other.clusters)
                if model.same(samefact.features(mine, theirs, same_cluster)):
                    found.add(t)
            if found:
                out[sid] = found
        return out


def reconcile(stories: Mapping[str, Story], evidence: Mapping[str, list[Evidence]],
              siblings: Mapping[str, set[str]]) -> list[str]:
    """Raise each story's status to the most severe verdict of its group (itself and its siblings,
    all their mentions together) and add the contradictions behind it. `evidence` must hold every
    sibling's; returns the ids of the stories whose status changed."""
    changed = []
    for sid in sorted(siblings):
        story = stories.get(sid)
        if story is None:
            continue
        group = [sid] + sorted(t for t in siblings[sid] if t in evidence)
        seen: set[str] = set()
        together = []
        for g in group:
            for e in evidence[g]:
                if e.claim.id not in seen:
                    seen.add(e.claim.id)
                    together.append(e)
        own = [e.claim for e in evidence.get(sid, ())]
        by_id = {e.claim.id: e.claim for e in together}
        found = [c for c in find(together) if _speaks_to(c, own, by_id)]
        verdict = status(together, found)
        if SEVERITY.get(verdict, 0) <= SEVERITY.get(story.status, 0):
            continue
        story.status = verdict
        known = {(c.kind, tuple(c.mentions)) for c in story.contradictions}
        story.contradictions = story.contradictions + [
            c for c in found if c.kind in _WARNING_KINDS[verdict] and (c.kind, tuple(c.mentions)) not in known]
        changed.append(sid)
    return changed


def _speaks_to(contradiction: Contradiction, own: list[Claim], by_id: Mapping[str, Claim]) -> bool:
    """Whether a story whose mentions are `own` states what `contradiction` disputes."""
    if contradiction.kind == "denial":
        # what is denied must be stated here: a denial pointing back ("rejected the allegation")
        # that sits in this story denies its page's sentence before it, which may lie in the sibling
        if {c.id for c in own} & set(contradiction.mentions[1:]):
            return True
        denial = by_id.get(contradiction.mentions[0])
        if denial is None:
            return False
        asserted = [c for c in own if c.polarity == "asserted" and not is_denial(c)]
        # a denial only pointing back answers the sentence just before it on its page, whichever story of the
        # group holds it: this story's own earlier sentence there is not what was answered when another one came
        # between ("The IAEA said a drone had struck …" / "The plant's management said a Ukrainian drone had carried
        # out the attack." / "The ministry rejected the accusation as false")
        mine = {c.id for c in asserted}
        page = [c for c in by_id.values() if c.document_id == denial.document_id and c.id not in mine
                and c.polarity == "asserted" and not is_denial(c)]
        return any(c.id in mine for c in denies(denial, asserted + page))
    if {c.id for c in own} & set(contradiction.mentions):
        return True
    if contradiction.kind == "date":
        return any(c.when is not None for c in own)
    if contradiction.kind == "place":
        return any(c.places for c in own)
    disputed = [m for cid, span in zip(contradiction.mentions, contradiction.spans)
                for q in (by_id[cid].quantities if cid in by_id else ()) if tuple(q.span) == tuple(span)
                if (m := measure(by_id[cid], q)) is not None]
    if not disputed:
        return any(c.quantities for c in own)
    # the disputed quantity itself, as the contradiction was found: "189 rushing yards in his last
    # two games" is a figure of the same kind, not the season's 404 or 440 yards in dispute
    return any(m.same_quantity(d) for c in own for q in c.quantities if unit_class(q) == disputed[0].thing
               if (m := measure(c, q)) is not None for d in disputed)


class DenialReach:
    """Stories of the batch's neighbourhoods (`pool`) whose lead a denial of another story denies: a denial among
    the mentions of the stories written now, or one leading a stored story of denials only."""

    def __init__(self, pool: Mapping[str, Draft], published: Callable[[list[str]], Mapping[str, Optional[date]]]):
        self.pool = pool
        self.published = published  # document ids -> their publication dates

    def of(self, stories: Mapping[str, Story], evidence: Mapping[str, list[Evidence]]) -> dict[str, list[Claim]]:
        """story id -> the denials of other stories (in `stories`, with `evidence`) that deny its lead."""
        words = {t: _lead_words(d) for t, d in self.pool.items()}
        denials = [(sid, d) for sid in sorted(stories) if sid in self.pool for d in _stated_denials(evidence.get(sid, ()))]
        # a story of denials only: what it denies no mention of its own states ("Ukraine's General Staff denied that
        # Russian troops had captured Huliaipole" kept apart from the ministry's claim)
        seen = {d.id for _, d in denials}
        denials += [(sid, lead) for sid in sorted(self.pool) if _DENIAL_HINT.search(words[sid])
                    and _deeds_of_lead(words[sid]) and (lead := self.pool[sid].lead).id not in seen
                    and is_denial(lead) and denied_object(lead).text.strip()]
        told = {d.id: deeds_denied(d) & REACHING_DEEDS for _, d in denials}
        denials = [(sid, d) for sid, d in denials if told[d.id]]  # denying no deed of war, a denial reaches no other story
        found: list[tuple[str, Claim, Claim]] = []
        if not denials:
            return {}
        any_told = frozenset().union(*told.values())
        for t in sorted(self.pool):
            deeds = _deeds_of_lead(words[t])
            if not deeds & any_told:
                continue
            lead = self.pool[t].lead
            if lead.polarity != "asserted" or is_denial(lead):
                continue
            found += [(t, lead, denial) for sid, denial in denials
                      if sid != t and deeds & told[denial.id] and denies_beyond_its_story(denial, lead)]
        published = self.published(sorted({c.document_id for _, lead, denial in found for c in (lead, denial)}))
        out: dict[str, list[Claim]] = {}
        for t, lead, denial in found:
            if _told_days_apart(lead, denial, published):
                continue
            out.setdefault(t, []).append(denial)
        return out


def _lead_words(draft: Draft) -> str:
    """The words of the story's lead, read off a stored lead's JSON without parsing it (a Claim's JSON holds its
    "text" before its "span")."""
    if draft.lead_claim is not None:
        return draft.lead.text
    raw = draft.lead_json or b""
    start = raw.find(b'"text":"')
    end = raw.find(b'","span":', start)
    return raw[start + 8:end].decode("utf-8", "replace") if 0 <= start < end else raw.decode("utf-8", "replace")


@lru_cache(maxsize=1 << 17)
def _deeds_of_lead(words: str) -> frozenset[str]:
    """The deeds a story's lead tells (`denials.deeds_told`), read once for each lead through a run's batches."""
    return deeds_told(words)


# the words of a denial, one of which a lead telling one holds: leads without any are not parsed to ask
_DENIAL_HINT = re.compile(r"\b(?:den(?:y|ie|ial)|reject|dismiss|refut|disput|false|fake|lie[sd]?\b|fabricat|untrue|"
                          r"fiction|propaganda|fallen|no\s+damage|not\s+(?:been\s+)?damaged|undamaged|control)", re.I)


# a denial answers what was told the days before it, not what is told days after it (the town taken three weeks
# later, the refinery struck again, the coach fired after all)
DENIAL_ANSWERS_DAYS = (3, 1)  # told up to three days before the denial, or a day after it


def _told_days_apart(claim: Claim, denial: Claim, published: Mapping[str, Optional[date]]) -> bool:
    """The claim was told more than `DENIAL_ANSWERS_DAYS` around the denial: by the day each names, else the day
    its page was published; unknown days are never apart."""
    def day(c: Claim) -> Optional[date]:
        named = named_day(c)
        return date.fromisoformat(named) if named else published.get(c.document_id)

    told, answered = day(claim), day(denial)
    if told is None or answered is None:
        return False
    before, after = DENIAL_ANSWERS_DAYS
    return not -before <= (told - answered).days <= after


def _stated_denials(evidence: Iterable[Evidence]) -> list[Claim]:
    """The story's denials that state what they deny ("denied that the village had been captured"), not those
    pointing back ("rejected the allegation")."""
    return [e.claim for e in evidence if is_denial(e.claim) and denied_object(e.claim).text.strip()]


def deny_reached(stories: Mapping[str, Story], evidence: Mapping[str, list[Evidence]],
                 reached: Mapping[str, list[Claim]]) -> list[str]:
    """Each story a denial reaches (`DenialReach.of`) shows it linked to its own mentions that state what it
    denies, and is `denied` unless a more severe verdict stands; returns the ids of the stories that changed."""
    changed = []
    for sid in sorted(reached):
        story = stories.get(sid)
        if story is None or SEVERITY.get(story.status, 0) >= SEVERITY["denied"]:
            continue
        asserted = [e.claim for e in evidence.get(sid, ()) if e.claim.polarity == "asserted" and not is_denial(e.claim)]
        links = [link for d in reached[sid] for link in denial_links(d, asserted)]
        if not links:
            continue
        story.status = "denied"
        story.contradictions = story.contradictions + links
        changed.append(sid)
    return changed
