"""The ledger as schema.org ClaimReview JSON-LD, the markup fact-checkers publish.

One ClaimReview per story. claimdesk does not judge truth: its rating says how well a claim is
sourced, on a 1..4 scale (denied < contested < single source < corroborated), with the status as the
rating's alternateName, which is what ClaimReview readers show as the verdict.

A story a person reviewed carries their verdict: the review's `author` is that person, the rating is
their status (when they set one) explained by their reason, their note is the `reviewBody`, and the
review is dated when they made it.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Optional, TextIO

from claimdesk.models import Mention, Story
from claimdesk.report.safe import web_url
from claimdesk.report.plain_text import json_text
from claimdesk.report.stream import stream_stories
from claimdesk.store import Store
from claimdesk.store.stories import StoryFilter

REVIEWER = {"@type": "Organization", "name": "claimdesk"}
RATING_VALUES = {"denied": 1, "contested": 2, "single_source": 3, "corroborated": 4}
EXPLANATIONS = {
    "corroborated": "Asserted by {n} independent outlets.",
    "single_source": "Reported by a single independent outlet; no corroboration found.",
    "contested": "Independent reports disagree: {detail}.",
    "denied": "A party to the event denies it: {detail}.",
}


def _appearance(mention: Mention) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "identifier": mention.document}
    if web_url(mention.url):
        work["url"] = web_url(mention.url)
    if mention.outlet:
        work["publisher"] = {"@type": "Organization", "name": mention.outlet}
    if mention.published:
        work["datePublished"] = mention.published.isoformat()
    if mention.origin:
        # the words were written by another outlet (a wire, a copied page): schema.org's isBasedOn
        work["isBasedOn"] = {"@type": "CreativeWork", "publisher": {"@type": "Organization", "name": mention.origin.outlet},
                             "description": mention.origin.why}
    return work


def _claim_author(mention: Mention) -> dict[str, Any]:
    attribution = mention.attribution
    if attribution.kind == "named_person" and attribution.source:
        return {"@type": "Person", "name": attribution.source}
    if attribution.kind == "named_organization" and attribution.source:
        return {"@type": "Organization", "name": attribution.source}
    return {"@type": "Organization", "name": mention.outlet or "unknown outlet"}


def _explanation(story: Story) -> str:
    detail = "; ".join(c.detail for c in story.contradictions) or "see the mentions"
    return EXPLANATIONS[story.status].format(n=story.independent_sources, detail=detail)


def story_to_claimreview(story: Story, reviewed_on: Optional[date] = None, base_url: Optional[str] = None) -> dict[str, Any]:
    mentions = sorted(story.mentions, key=lambda m: (m.published or date.max, m.document))
    originals = [m for m in mentions if m.copy_of is None and m.origin is None] or \
        [m for m in mentions if m.copy_of is None] or mentions
    item: dict[str, Any] = {"@type": "Claim", "appearance": [_appearance(m) for m in mentions]}
    if originals:
        item["firstAppearance"] = _appearance(originals[0])
        item["author"] = _claim_author(originals[0])
    first = story.first_seen or (originals[0].published if originals else None)
    if first:
        item["datePublished"] = first.isoformat()
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": story.id,
        "claimReviewed": story.text,
        "itemReviewed": item,
        "author": dict(REVIEWER),
        "datePublished": (reviewed_on or date.today()).isoformat(),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATING_VALUES[story.status],
            "bestRating": max(RATING_VALUES.values()),
            "worstRating": min(RATING_VALUES.values()),
            "alternateName": story.status,
            "ratingExplanation": _explanation(story),
        },
    }
    if story.review is not None:
        _with_reviewer(review, story)
    if base_url:
        review["url"] = f"{base_url.rstrip('/')}/stories/{story.id}"
    return review


def _with_reviewer(review: dict[str, Any], story: Story) -> None:
    """The person's verdict over the machine's (`story.status` is already the reviewer's when set)."""
    r = story.review
    assert r is not None
    review["author"] = {"@type": "Person", "name": r.by}
    review["datePublished"] = r.at.date().isoformat()
    if r.status:
        review["reviewRating"]["ratingExplanation"] = r.reason or review["reviewRating"]["ratingExplanation"]
    if r.note:
        review["reviewBody"] = r.note


def write_claimreview(
    store: Store, out: TextIO, flt: StoryFilter = StoryFilter(), reviewed_on: Optional[date] = None,
    base_url: Optional[str] = None,
) -> int:
    """Write a JSON array of ClaimReview objects, one per story; return how many."""
    count = 0
    out.write("[")
    for story in stream_stories(store, flt):
        out.write(",\n" if count else "\n")
        out.write(json_text(story_to_claimreview(story, reviewed_on, base_url)))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count
