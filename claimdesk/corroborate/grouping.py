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
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

import numpy as np
import scipy.sparse as sp

from claimdesk.corroborate.contradictions import is_denial
from claimdesk.corroborate.vectors import Weights, term_counts
from claimdesk.models import Claim, When

CLAIM_THRESHOLD = 0.4
DENIAL_THRESHOLD = 0.12
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
    vector: Optional[sp.csr_matrix] = None  # summed vectors of asserted claims
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


class StoryGrouper:
    """Groups the claims of one event cluster, keeping the stories it already had."""

    def __init__(self, weights: Weights, existing: dict[str, list[Claim]]):
        self.weights = weights
        self.stories: list[Draft] = []
        for sid, claims in existing.items():
            d = Draft(sid, list(claims))
            asserted = [c for c in claims if not is_denial(c)] or claims
            d.vector = self._vectors(asserted).sum(axis=0)
            d.vector = sp.csr_matrix(d.vector)
            self.stories.append(d)

    def _vectors(self, claims: list[Claim]) -> sp.csr_matrix:
        return self.weights.weigh(term_counts([_content(c) for c in claims]), CLAIM_TERMS)

    def add(self, claims: list[Claim]) -> list[Draft]:
        """Place `claims` (in publication order) and return the stories that changed.

        The story matrix is rebuilt once per document, not per claim; claims of the document being
        placed are compared with the stories it started through a second, small matrix.
        """
        claims = [c for c in claims if groupable(c)]
        if not claims:
            return []
        X = self._vectors(claims)
        by_doc: dict[str, list[int]] = {}
        for i, c in enumerate(claims):
            by_doc.setdefault(c.document_id, []).append(i)
        for idx in by_doc.values():
            base = list(self.stories)
            M, norms = _matrix(base)
            for i in idx:
                self._place(claims[i], X[i], base, M, norms)
        return [s for s in self.stories if s.touched]

    def _place(self, claim: Claim, x: sp.csr_matrix, base: list[Draft], M, norms) -> None:  # noqa: ANN001
        denial = is_denial(claim)
        bar = DENIAL_THRESHOLD if denial else CLAIM_THRESHOLD
        fresh = self.stories[len(base):]
        candidates: list[tuple[float, Draft]] = []
        for pool, (m, n) in ((base, (M, norms)), (fresh, _matrix(fresh))):
            if not pool:
                continue
            sims = (m @ x.T).toarray().ravel() / np.where(n > 0, n, 1.0)
            for j in np.nonzero(sims >= bar)[0]:
                candidates.append((float(sims[j]), pool[j]))
        best = None
        for _, story in sorted(candidates, key=lambda t: -t[0]):
            if denial and _DENIAL_CUE.search(story.lead.text):
                continue  # a denial is linked to what is asserted, not to another report of a denial
            if denial or compatible(claim, story):
                best = story
                break
        if best is None:
            best = Draft(story_id(claim.id), vector=sp.csr_matrix(x.shape))
            self.stories.append(best)
        best.claims.append(claim)
        if not denial:
            best.vector = best.vector + x
        best.touched = True


def _matrix(stories: list[Draft]):  # noqa: ANN202
    if not stories:
        return None, None
    M = sp.vstack([s.vector for s in stories]).tocsr()
    return M, np.sqrt(np.asarray(M.multiply(M).sum(axis=1)).ravel())
