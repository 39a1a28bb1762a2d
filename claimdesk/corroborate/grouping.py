"""Claims into stories: mentions of one fact across the documents of one event cluster.

A claim joins the story whose centroid (summed TF-IDF vectors of its asserted claims) is most similar
to it, if the similarity reaches `CLAIM_THRESHOLD` and the extracted fields do not rule it out:
the same event type (or one of them `other` or `statement`), dates within `DATE_WINDOW_DAYS`, and at least one
country in common when both name places. Otherwise it starts a story. A denial joins the most
similar story of its cluster at a lower bar, whatever the event type, so it is linked to what it
denies.
"""

from __future__ import annotations

import hashlib
import re
from itertools import repeat
from operator import mul
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

import numpy as np

from claimdesk.corroborate.contradictions import is_denial
from claimdesk.corroborate.vectors import Weights, term_counts
from claimdesk.models import Claim, When

CLAIM_THRESHOLD = 0.3
DENIAL_THRESHOLD = 0.12
SEED_TERMS = 12
MIN_SEED_HITS = 2
MAX_POSTINGS = 2000
DATE_WINDOW_DAYS = 7
CLAIM_TERMS = 48
# "statement" is the reporting frame ("…, officials said"), not what happened: it fits any event type
_ANY_EVENT = {"other", "statement"}
_DENIAL_CUE = re.compile(r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed)?|dismiss(?:es|ed)?|refut(?:es|ed))\b(?:\s+that)?", re.I)
_CONTENT = re.compile(r"[A-Za-z]{3,}|\d+")


def groupable(claim: Claim) -> bool:
    """Questions and fragments are no facts to corroborate."""
    text = claim.text.strip()
    return not text.endswith("?") and len(_CONTENT.findall(text)) >= 4


def _content(claim: Claim) -> str:
    """What a claim is about; for a denial, what is denied (the words after the denial verb)."""
    if is_denial(claim):
        m = _DENIAL_CUE.search(claim.text)
        if m and len(claim.text) - m.end() > 20:
            return claim.text[m.end():]
    return claim.text


def story_id(first_claim: str) -> str:
    return hashlib.sha256(f"story:{first_claim}".encode()).hexdigest()[:32]


@dataclass
class Draft:
    id: str
    claims: list[Claim] = field(default_factory=list)
    vector: dict[int, float] = field(default_factory=dict)  # summed vectors of asserted claims
    norm2: float = 0.0
    touched: bool = False

    @property
    def lead(self) -> Claim:
        asserted = [c for c in self.claims if not is_denial(c)]
        return (asserted or self.claims)[0]


def _when_date(w: Optional[When]) -> Optional[date]:
    if w is None:
        return None
    try:
        parts = [int(p) for p in w.value.split("-")]
    except ValueError:
        return None
    return date(parts[0], parts[1] if len(parts) > 1 else 7, parts[2] if len(parts) > 2 else 1) if parts[0] > 0 else None


def _window(w: When) -> int:
    return {"day": DATE_WINDOW_DAYS, "month": 45, "year": 366}.get(w.granularity, DATE_WINDOW_DAYS)


def compatible(claim: Claim, story: Draft) -> bool:
    lead = story.lead
    if claim.event_type != lead.event_type and not {claim.event_type, lead.event_type} & _ANY_EVENT:
        return False
    if claim.when and lead.when:
        a, b = _when_date(claim.when), _when_date(lead.when)
        if a and b and abs((a - b).days) > max(_window(claim.when), _window(lead.when)):
            return False
    ca = {p.country for p in claim.places if p.country}
    cb = {p.country for c in story.claims for p in c.places if p.country}
    if ca and cb and not ca & cb:
        return False
    return True


def _dot(x: dict[int, float], vec: dict[int, float]) -> float:
    # the same products summed in the same order as a generator over x, without its per-item frame:
    # this is the innermost loop of grouping
    return sum(map(mul, x.values(), map(vec.get, x.keys(), repeat(0.0))))


class StoryGrouper:
    """Groups the claims of one event cluster, keeping the stories it already had.

    Story centroids are sparse dicts with an inverted index (term -> stories), so placing a claim
    costs the length of its terms' postings inside the cluster, not the number of stories.
    """

    def __init__(self, weights: Weights, existing: dict[str, list[Claim]]):
        self.weights = weights
        self.stories: list[Draft] = []
        self.postings: dict[int, list[int]] = {}
        owners, asserted = [], []
        for sid, claims in existing.items():
            self.stories.append(Draft(sid, list(claims)))
            for c in claims:
                if not is_denial(c):
                    owners.append(len(self.stories) - 1)
                    asserted.append(c)
        for j, x in zip(owners, self._vectors(asserted) if asserted else []):
            self._fold(j, x)

    def _vectors(self, claims: list[Claim]) -> list[dict[int, float]]:
        X = self.weights.weigh(term_counts([_content(c) for c in claims]), CLAIM_TERMS)
        return [dict(zip(X.indices[X.indptr[i]:X.indptr[i + 1]].tolist(), X.data[X.indptr[i]:X.indptr[i + 1]].tolist()))
                for i in range(X.shape[0])]

    def _fold(self, j: int, x: dict[int, float]) -> None:
        story = self.stories[j]
        vec = story.vector
        story.norm2 += 2 * _dot(x, vec) + sum(w * w for w in x.values())
        for t, w in x.items():
            if t not in vec:
                self.postings.setdefault(t, []).append(j)
                vec[t] = w
            else:
                vec[t] += w

    def add(self, claims: list[Claim]) -> list[Draft]:
        """Place `claims` (in publication order) and return the stories that changed."""
        claims = [c for c in claims if groupable(c)]
        if not claims:
            return []
        for claim, x in zip(claims, self._vectors(claims)):
            self._place(claim, x)
        return [s for s in self.stories if s.touched]

    def _place(self, claim: Claim, x: dict[int, float]) -> None:
        denial = is_denial(claim)
        bar = DENIAL_THRESHOLD if denial else CLAIM_THRESHOLD
        # candidates through the claim's heaviest (rarest) terms; a term shared by a great many
        # stories finds nothing by itself. Each candidate is then scored on the whole vector.
        hits: dict[int, int] = {}
        seeds = sorted(x, key=x.get, reverse=True)[:SEED_TERMS]
        for t in seeds:
            postings = self.postings.get(t, ())
            if len(postings) <= MAX_POSTINGS:
                for j in postings:
                    hits[j] = hits.get(j, 0) + 1
        need = MIN_SEED_HITS if len(seeds) >= 4 else 1  # one shared rare word can be a coincidence
        candidates = []
        for j in (j for j, h in hits.items() if h >= need):
            dot = _dot(x, self.stories[j].vector)
            n2 = self.stories[j].norm2
            sim = dot / np.sqrt(n2) if n2 > 0 else 0.0
            if sim >= bar:
                candidates.append((sim, j))
        best = None
        for _, j in sorted(candidates, reverse=True):
            story = self.stories[j]
            if denial and _DENIAL_CUE.search(story.lead.text):
                continue  # a denial is linked to what is asserted, not to another report of a denial
            if denial or compatible(claim, story):
                best = j
                break
        if best is None:
            self.stories.append(Draft(story_id(claim.id)))
            best = len(self.stories) - 1
        story = self.stories[best]
        story.claims.append(claim)
        if not denial:
            self._fold(best, x)
        story.touched = True
