"""Figures a page tells as at odds: a second party's figure of the count the sentence before it gives.

A reporter who has two offices' figures of one count sets them side by side and says so in the words of the
second: "Regional police put the death toll at two" after "The regional administration said one person, the
ferry operator, was killed"; "The city's own figure was about 350" after "More than 600 people left on Tuesday,
according to the regional administration"; "The State Emergency Service, however, says its teams … had
counted 171 miners out at the same hour". Neither sentence need name a town or a day, so no rival key
(`rivals`) pairs them; the page's order and the reporter's words do. Here the second figure is read against
the figure of the same or the paragraph before that the reporter sets it against:

- the second sentence carries the reporter's mark of another account (`_AT_ODDS`: "however", "put the number
  at", "its own figure", "a higher toll", "at the same hour", "over the same period", "stood by", "a
  discrepancy"), and no mark of an update ("later", "now", "has risen", "earlier", "initially");
- two parties speak: not one speaker's two updates (`contradictions.one_speaker`), and the second names a
  speaker or owns the figure ("the city's own figure");
- when the second figure names what it counts, it must count what the first does (`contradictions.number_conflict`,
  with all its readings: a part, a grown toll, a remaining outage …); when it names nothing ("put the number at
  about 350", "says 860"), it counts what the first does when the first counts one thing only.

Why by hand: no library reads a news page's discourse for the figures it sets against each other, and the
cue words are few and stable in news English.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Optional

from claimdesk.corroborate.contradictions import (Disagreement, counted_figures, grown_since, number_conflict,
                                                  one_speaker, told_at_other_hours)
from claimdesk.corroborate.denials import is_denial
from claimdesk.corroborate.measures import measure, overlap
from claimdesk.corroborate.rivals import Rivalry, disputed_kinds, other_incidents
from claimdesk.models import Claim, Quantity

# the reporter's words setting a figure against another party's: "however", "But the State Emergency Service …",
# "put the number of dead at six", "gave a higher toll", "the city's own figure", "the regional administration's
# figure", "at the same hour", "over the same seven days", "stood by its own figure", "maintains", "a discrepancy"
_AT_ODDS = re.compile(
    r"\bhowever\b|^\s*but\b|\bwhereas\b"
    r"|\b(?:higher|lower|different|smaller|larger|bigger)\s+(?:figure|toll|number|count|estimate|tally|total)s?\b"
    r"|\bput\s+(?:the|its|their|his|her)\s+(?:[\w-]+\s+){0,6}?(?:higher|lower)\b"
    r"|\bputs?\s+(?:the|its|their|his|her)\s+(?:[\w-]+\s+){0,6}?at\s+(?:about\s+|around\s+|some\s+|nearly\s+|"
    r"roughly\s+|at\s+least\s+|more\s+than\s+|over\s+|almost\s+)?(?:\d|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve)"
    r"|\bown\s+(?:figure|count|tally|estimate|number|toll|total)s?\b"
    r"|(?:['’]s|\b(?:its|their))\s+figures?\b"
    r"|\b(?:the\s+)?same\s+(?:hour|time|moment|period|day|night|week|month|(?:\d+|two|three|four|five|six|seven|"
    r"ten)\s+days)\b"
    r"|\b(?:stood|stands?)\s+by\s+(?:its|their|his|her|the)\s+(?:own\s+)?(?:figure|count|tally|estimate|number|toll|"
    r"total|account)s?\b|\bmaintain(?:s|ed)?\b|\binsist(?:s|ed)?\b"
    r"|\bdiscrepanc|\bat\s+odds\b|\bcannot\s+be\s+reconciled\b", re.I)
# a figure naming nothing it counts answers the figure before only when the sentence points back to a count:
# "put the number at about 350", "the city's own figure", "put the toll at two"
_POINTS_BACK = re.compile(r"\b(?:number|figures?|toll|count|tally|total|estimate)\b", re.I)
# shares and sums are not the counts of what happened that two offices give: "However, 63 percent said …" (a poll's
# other question), a year's or an age's figure
_NOT_A_COUNT = frozenset({"percent", "USD", "EUR", "GBP", "year"})
# an update of a count or an earlier reading of it, not another account: "later put the number at", "has risen to"
_UPDATE = re.compile(r"\b(?:later|now|since|updated?|revised|risen|rose|raised|climbed|increased|grown|grew|"
                     r"earlier|initially|originally|first|previously|final|finally|new)\b", re.I)
# a figure told as a part of the figure before it: "including 212 children", "174 of them children"
_PART = re.compile(r"\b(?:including|among\s+them|of\s+(?:them|whom|which)|of\s+the)\s+(?:some\s+|about\s+|at\s+least\s+)?$",
                   re.I)
# who gives the second figure, read off its own words: the owner of "The city's own figure was about 350", the
# subject of "the city council has stood by its figure of about 140", "Hnatiuk, however, put the number … at 21"
_OWNER = re.compile(r"^\s*(?:but\s+|however,?\s+)?(?:the\s+)?(?P<owner>[\w’' -]{2,80}?)(?:['’]s\s+(?:own\s+)?"
                    r"(?:figure|count|tally|estimate|number|toll)|,?\s+(?:however,?\s+)?(?:has\s+|have\s+|had\s+)?"
                    r"(?:stood|stands?|maintain\w*|insist\w*|puts?|gave|gives?|said|says?|reported|reports?|counted|"
                    r"recorded|estimated)\b)", re.I)
# a figure counted over a region ("nine drones had been shot down over the region"), another count than one over
# no area told ("destroyed 23 Ukrainian drones overnight"), of which it may be a part
_OVER_AN_AREA = re.compile(r"\b(?:over|above)\s+(?:the\s+)?(?:region|oblast|province|territory|[A-Z][\w'’-]+\s+"
                           r"(?:region|oblast|province))\b")
# the figure after these words is an earlier reading the sentence tells a count grew from: "whose figures rose
# through the day from an initial three dead"
_FROM_EARLIER = re.compile(r"\bfrom\s+(?:an?\s+|the\s+|its\s+)?(?:initial|earlier|first|original|previous)\s+$", re.I)
# a toll with no noun counts the dead: "has put the toll at three"
_TOLL = re.compile(r"\btoll\b", re.I)
_NOT_THE_DEAD = re.compile(r"\b(?:injur|wound|hurt)", re.I)
_LINES_BACK = 2   # the paragraph before the second figure's, and its own: how far back the figure it answers lies
_CLAIMS_BACK = 4  # claims looked back over, nearest first


def told_at_odds(claims_of: Mapping[str, list[Claim]], published: Callable[[str], Optional[date]],
                 told_at: Callable[[Claim], Optional[datetime]] = lambda _: None) -> list[Rivalry]:
    """For each page, the pairs of neighbouring claims the page tells as two parties' figures of one count, as
    rivalries of their stories (ids in `claims_of`; one story when both sit in it)."""
    story_of: dict[str, str] = {}
    pages: dict[str, list[Claim]] = {}
    for sid in sorted(claims_of):
        for claim in claims_of[sid]:
            if claim.id not in story_of:
                story_of[claim.id] = sid
                pages.setdefault(claim.document_id, []).append(claim)
    found: list[Rivalry] = []
    pairs: set[tuple[str, str]] = set()
    for document_id in sorted(pages):
        ordered = sorted(pages[document_id], key=lambda c: c.span)
        for i, b in enumerate(ordered):
            if not _sets_against(b):
                continue
            for j in range(i - 1, max(-1, i - 1 - _CLAIMS_BACK), -1):
                a = ordered[j]
                if b.line - a.line >= _LINES_BACK or a.span[1] > b.span[0]:
                    continue
                disagreement = _at_odds(a, b, _sentence_of(ordered, j), published(document_id), told_at)
                if disagreement is None:
                    continue
                first, second = sorted((story_of[a.id], story_of[b.id]))
                if (first, second) not in pairs:
                    pairs.add((first, second))
                    found.append(Rivalry((first, second), disagreement.between(a, b),
                                         disputed_kinds(a, b, disagreement)))
                break
    return found


def _sentence_of(ordered: list[Claim], i: int) -> list[Claim]:
    """The claims the extractor cut claim `i`'s sentence into ("four people were killed" | "and 20 injured"):
    neighbours on its line with no sentence's end between them."""
    first = last = i
    while first > 0 and _one_sentence(ordered[first - 1], ordered[first]):
        first -= 1
    while last + 1 < len(ordered) and _one_sentence(ordered[last], ordered[last + 1]):
        last += 1
    return ordered[first:last + 1]


def _one_sentence(before: Claim, after: Claim) -> bool:
    return before.line == after.line and 0 <= after.span[0] - before.span[1] <= _CUT \
        and not _SENTENCE_END.search(before.text)


_CUT = 6  # characters the extractor leaves between two claims of one sentence (", and ")
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s*$")


def _sets_against(claim: Claim) -> bool:
    """The claim gives a figure in the words of another account and none of an update."""
    return bool(claim.quantities) and claim.polarity == "asserted" and bool(_AT_ODDS.search(claim.text)) \
        and not _UPDATE.search(claim.text)


def _at_odds(a: Claim, b: Claim, sentence: list[Claim], on: Optional[date],
             told_at: Callable[[Claim], Optional[datetime]]) -> Optional[Disagreement]:
    """The disagreement between `a`'s figure and the figure `b` sets against it, if they are two parties'
    (`sentence`: the claims of `a`'s sentence, all of whose figures a figure naming nothing may answer)."""
    if a.polarity != "asserted" or is_denial(a) or is_denial(b) or not a.quantities:
        return None
    if not _two_parties(a, b) or told_at_other_hours(a, b) or other_incidents(a, b) \
            or bool(_OVER_AN_AREA.search(a.text)) != bool(_OVER_AN_AREA.search(b.text)):
        return None
    a = a.model_copy(update={"quantities": [q for q in a.quantities if not _told_earlier(a, q)]})
    told = number_conflict(a, b, grown_since(lambda *_: False, on, on, a, b, told_at(a), told_at(b))) \
        or _bare_figure_at_odds(a, b, sentence)
    if told is None or any(thing in _NOT_A_COUNT for thing, _ in disputed_kinds(a, b, told)):
        return None
    return told


def _two_parties(a: Claim, b: Claim) -> bool:
    """Two parties give the figures: `b` names its speaker (or the figure's owner) in its own words, and it is
    not `a`'s. A speaker the extractor carried over from the first half of a sentence ("Ukraine's Health Ministry
    said …, while the city council has stood by its figure of about 140") is not the second half's."""
    own = b.attribution.kind != "none" and b.attribution.source_span is not None \
        and b.span[0] <= b.attribution.source_span[0] < b.span[1] and not re.search(r"\d", b.attribution.source or "")
    owner = _OWNER.match(b.text)
    if not own and owner is None:
        return False
    speaker_a = (a.attribution.source or "").strip().lower() if a.attribution.kind != "none" else ""
    if own:
        return not one_speaker(a, b) and (b.attribution.source or "").strip().lower() != speaker_a
    name = owner["owner"].strip().lower()  # type: ignore[index]
    return not (speaker_a and (name in speaker_a or speaker_a.removeprefix("the ") in name))


def _told_earlier(claim: Claim, q: Quantity) -> bool:
    start = q.span[0] - claim.span[0] if q.span else -1
    return 0 <= start <= len(claim.text) and bool(_FROM_EARLIER.search(claim.text[:start]))


def _bare_figure_at_odds(a: Claim, b: Claim, sentence: list[Claim]) -> Optional[Disagreement]:
    """`b` gives one figure naming nothing it counts ("put the number at about 350"): read as the one thing `a`'s
    sentence counts, at odds when the two cannot both be right."""
    bare = [q for q in b.quantities if q.unit is None and q.span is not None]
    if len(bare) != 1 or counted_figures(b) or not _POINTS_BACK.search(b.text):
        return None
    figures = [(c, q, m) for c in sentence for qs in counted_figures(c).values() for q in qs
               if not _told_as_part(c, q) and not _told_earlier(c, q) and (m := measure(c, q)) is not None]
    if not figures or len({(m.thing, m.event) for *_, m in figures}) != 1 or figures[0][0].id != a.id:
        return None
    _, x, mx = figures[0]
    y = bare[0]
    if _TOLL.search(b.text) and not _NOT_THE_DEAD.search(b.text) and mx.event != "kill":
        return None
    if overlap(x, Quantity(text=y.text, value=y.value, qualifier=y.qualifier, unit=x.unit, high=y.high, span=y.span)):
        return None
    what = f"{mx.thing}{' of ' + mx.of if mx.of else ''}{' ' + mx.event if mx.event else ''} ({mx.counted})"
    return Disagreement("number", f"{x.text} vs {y.text}", what, (x.span, y.span))


def _told_as_part(claim: Claim, q: Quantity) -> bool:
    start = q.span[0] - claim.span[0] if q.span else -1
    return 0 <= start <= len(claim.text) and bool(_PART.search(claim.text[:start]))

