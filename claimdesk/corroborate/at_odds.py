"""Figures a page tells as at odds: a second party's figure of the count the sentence before it gives.

A reporter who has two offices' figures of one count sets them side by side and says so in the words of the
second: "Regional police put the death toll at two" after "The regional administration said one person, the
ferry operator, was killed"; "The city's own figure was about 350" after "More than 600 people left on Tuesday,
according to the regional administration"; "The State Emergency Service, however, says its teams … had
counted 171 miners out at the same hour". Neither sentence need name a town or a day, so no rival key
(`rivals`) pairs them; the page's order and the reporter's words do. Here the second figure is read against
the figure of the same or the paragraph before that the reporter sets it against:

- the second sentence carries the reporter's mark of another account (`_AT_ODDS`: "however", "put the number
  at", "its own figure", "a higher toll", "at the same hour", "over the same period", "stood by its figure", "a
  discrepancy"), and no mark of an update ("later", "now", "has risen", "earlier", "initially");
- the figure it answers is the nearest one before it, in its paragraph or the one before, counting what it counts
  (`_answered`): whether the two agree or not, an older figure further up is not what it answers;
- two parties speak: not one speaker's two figures (`contradictions.one_speaker`, "Police" / "The police", no
  pronoun), and the second names its speaker or the figure's owner in its own words ("the city's own figure");
- one time and place: neither tells of another period or of what could be ("last year", "for the whole weekend",
  "could be lost", "still missing"), nor of other parts of the day, another incident ("a separate strike"),
  another town (in its words or its speaker's: "the mayor of York"), a whole against a part ("across the
  province", "alone", "over the region");
- when the second figure names what it counts, it must count what the first does (`contradictions.number_conflict`,
  with all its readings: a part, a grown toll, a remaining outage …); when it names nothing and points back to a
  count ("put the number at about 350", "the figure for the city over the same week is 860"), it counts what the
  first sentence does when that sentence counts one thing only (a toll the dead, an injury toll the injured);
  a figure given as "the number of" something ("put the number of destroyed buses at 21") counts that, on either
  side, and is no second account of a count it is a part of ("the number of injured children");
  shares, sums of money and years are no such counts.

A helper's review of the first version found each of these checks missing in ordinary news (arrests against
marchers, a season's average, two mayors' towns, "Police" and "The police"); each is a test.

Why by hand: no library reads a news page's discourse for the figures it sets against each other, and the
cue words are few and stable in news English.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Optional

from claimdesk.corroborate.contradictions import (Disagreement, counted_figures, figures_apart, grown_since,
                                                  number_conflict, one_speaker, told_at_other_hours)
from claimdesk.corroborate.denials import is_denial
from claimdesk.corroborate.measures import measure, overlap, unit_class
from claimdesk.corroborate.rivals import Rivalry, disputed_kinds, other_incidents
from claimdesk.extraction.setting import own_places
from claimdesk.language.numerals import BELOW_TWENTY, TENS
from claimdesk.models import Claim, Quantity

# the reporter's words setting a figure against another party's: "however", "But the State Emergency Service …",
# "put the number of dead at six", "gave a higher toll", "the city's own figure", "the regional administration's
# figure", "at the same hour", "over the same seven days", "stood by its own figure", "maintains", "a discrepancy"
_AT_ODDS = re.compile(
    r"\bhowever\b|^\s*but\b|\bwhereas\b"
    r"|\b(?:higher|lower|different|smaller|larger|bigger)\s+(?:figure|toll|number|count|estimate|tally|total)s?\b"
    r"|\bput\s+(?:the|its|their|his|her)\s+(?:[\w-]+\s+){0,3}?(?:higher|lower)\b"
    r"|\bputs?\s+(?:the|its|their|his|her)\s+(?:[\w-]+\s+){0,4}?at\s+(?:about\s+|around\s+|some\s+|nearly\s+|"
    r"roughly\s+|at\s+least\s+|more\s+than\s+|over\s+|almost\s+)?(?:\d|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve)"
    r"|\bown\s+(?:figure|count|tally|number|toll|total)s?\b"
    r"|(?:['’]s|\b(?:its|their))\s+figures?\b"
    r"|\bat\s+(?:about\s+|around\s+)?the\s+same\s+(?:hour|time|moment)\s*[,.;]"
    r"|\b(?:said|says|reported|reports|put|puts|gave|gives)\s+at\s+the\s+same\s+(?:hour|time|moment)\s+that\b"
    r"|\b(?:the\s+)?same\s+(?:period|day|night|"
    r"week|month|(?:\d+|two|three|four|five|six|seven|ten)\s+days)\b"
    r"|\b(?:stood|stands?)\s+by\s+(?:its|their|his|her|the)\s+(?:own\s+)?(?:figure|count|tally|number|toll|"
    r"total|account)s?\b|\b(?:maintain|insist)(?:s|ed)?\s+(?:that\b|the\b|its\b|their\b)"
    r"|\bdiscrepanc|\bat\s+odds\b|\bcannot\s+be\s+reconciled\b"
    # another speaker telling "the figure" of the count before: "Acting mayor Dmytro Oleksiuk said the figure was up to
    # 40,000 households", "The city council said the number was up to 40,000"
    r"|\b(?:said|says)\s+(?:that\s+)?the\s+(?:figure|number|toll|count)\s+(?:was|is|stood|stands)\b",
    re.I)
# a figure naming nothing it counts answers the figure before only when the sentence points back to a count with
# nothing after the noun: "put the number at about 350", "the city's own figure was", "put the toll at two", "stood
# by its figure of about 140" (not "put the number of arrests at 12", "the club's own figure for the crowd")
_NUMBER_WORD = r"(?:" + "|".join(sorted(BELOW_TWENTY.keys() - {"zero"} | TENS.keys(), key=len, reverse=True)) \
    + r"|a\s+hundred)\b"
_POINTS_BACK = re.compile(r"\b(?:number|figures?|toll|count|tally|total)\s+(?:[a-z]+ed\s+)?"
                          r"(?:(?:for|over|in|from)\s+the\s+(?:same\s+(?:\w+\s+)?"
                          r"(?:period|week|day|night|days|hour)|city|town|region|province|oblast|district|country)\s+){0,2}"
                          r"(?:(?:at|was|were|is|are|remains?|remained|"
                          r"stood|stands|higher|lower)\b|of\s+(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|"
                          r"almost\s+|more\s+than\s+|over\s+|at\s+least\s+)?(?:\d|" + _NUMBER_WORD + r"))", re.I)
_INJURED = re.compile(r"\b(?:injur|wound|hurt)", re.I)
# shares and sums are not the counts of what happened that two offices give: "However, 63 percent said …" (a poll's
# other question), money, a year's or an age's figure
_NOT_A_COUNT = frozenset({"percent", "USD", "EUR", "GBP", "year", "euro", "dollar", "pound", "hryvnia", "rouble",
                          "ruble", "yuan", "yen", "franc"})
# another period than the page's day, or what could be: "last year", "this week's flood", "for the whole weekend",
# "next season", "in 2019", "could be lost", "expect 50,000"; two such counts are not one
_OTHER_TIME = re.compile(r"\b(?:last|next|previous|this|coming|whole|entire)\s+(?:year|month|week|weekend|season|"
                         r"time|quarter|decade)|\bin\s+(?:19|20)\d\d\b|\b(?:weekend|season|annual|yearly|monthly|"
                         r"average|so\s+far|to\s+date|in\s+total|since)\b|\bfor\s+the\s+(?:week|month|year|day)\b"
                         r"|\b(?:could|would|might|may|will|expects?|expected|forecasts?|if)\b|\bbefore\s+the\b"
                         r"|\bstill\s+(?:be\s+|been\s+)?(?:missing|without|trapped|unaccounted|in\s+hospital|displaced|"
                         r"homeless|buried|held|waiting)\b"
                         r"|\b(?:longer|shorter|different)\s+period\b",
                         re.I)
_SAME_PERIOD = re.compile(r"\bsame\s+(?:period|week|month|(?:\d+|two|three|four|five|six|seven|ten)\s+days)\b", re.I)
_PARTS_OF_DAY = re.compile(r"\b(morning|afternoon|evening|night)\b", re.I)
# where a count was made: "across the province", "in Paradise alone", "in the east"; and the kind of area a count
# tells of ("from the city" on a page set in Kherson is Kherson, but not the region)
_AREA = re.compile(r"\b(?:across|throughout|nationwide|countrywide|alone|worldwide|in\s+the\s+(?:south|north|east|west))\b",
                   re.I)
_AREA_KIND = re.compile(r"\b(?:in|from|over|of)\s+the\s+(city|town|region|province|oblast|country|state|county)\b", re.I)
_AREA_KINDS = {"city": "town", "town": "town", "region": "region", "province": "region", "oblast": "region",
               "country": "country", "state": "region", "county": "region"}
# another incident than the one the other figure counts: "in a separate strike", "a second blast"
_ANOTHER_INCIDENT = re.compile(r"\b(?:separate|second|similar|earlier|previous|other)\s+(?:[\w-]+\s+)?(?:strike|attack|"
                               r"blast|explosion|incident|crash|raid|shelling|fire|wave|round)\b", re.I)
_NAMED_PLACE = re.compile(r"\b(?:in|across|from|of)\s+((?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?))", re.I)
_PRONOUN = frozenset({"he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its"})
# an update of a count or an earlier reading of it, not another account: "later put the number at", "has risen to"
_UPDATE = re.compile(r"\b(?:later|now|since|updated?|revised|risen|rose|raised|climbed|increased|grown|grew|"
                     r"earlier|initially|originally|previously|final|finally|another)\b", re.I)
# a figure told as a part of the figure before it: "including 212 children", "174 of them children"
_PART = re.compile(r"\b(?:including|among\s+them|of\s+(?:them|whom|which)|of\s+the)\s+(?:some\s+|about\s+|at\s+least\s+)?$",
                   re.I)
# who gives the second figure, read off its own words: the owner of "The city's own figure was about 350", the
# subject of "the city council has stood by its figure of about 140", "Hnatiuk, however, put the number … at 21"
_OWNER = re.compile(r"^\s*(?:but\s+|however,?\s+)?(?:the\s+)?(?P<owner>[\w’' -]{2,80}?)(?:['’]s\s+(?:own\s+)?"
                    r"(?:figure|count|tally|estimate|number|toll)|,?\s+(?:however,?\s+|in\s+[^,]{1,60},\s+)?"
                    r"(?:has\s+|have\s+|had\s+)?"
                    r"(?:stood|stands?|maintain\w*|insist\w*|puts?|gave|gives?|said|says?|reported|reports?|counted|"
                    r"recorded|estimated)\b)", re.I)
# a figure counted over a region ("nine drones had been shot down over the region"), another count than one over
# no area told ("destroyed 23 Ukrainian drones overnight"), of which it may be a part
_OVER_AN_AREA = re.compile(r"\b(?:over|above)\s+(?:the\s+)?(?:region|oblast|province|territory|[A-Z][\w'’-]+\s+"
                           r"(?:region|oblast|province))\b")
# the figure after these words is an earlier reading the sentence tells a count grew from: "whose figures rose
# through the day from an initial three dead"
_FROM_EARLIER = re.compile(r"\bfrom\s+(?:an?\s+|the\s+|its\s+)?(?:initial|earlier|first|original|previous)\s+$", re.I)
# a toll with no noun counts the dead ("has put the toll at three"), an injury toll the injured
_TOLL = re.compile(r"\btoll\b", re.I)
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
            answered = _answered(ordered, i)
            if answered is None:
                continue
            j, sentence = answered
            a = ordered[j]
            disagreement = _at_odds(a, b, sentence, published(document_id), told_at)
            if disagreement is None:
                continue
            first, second = sorted((story_of[a.id], story_of[b.id]))
            if (first, second) not in pairs:
                pairs.add((first, second))
                found.append(Rivalry((first, second), disagreement.between(a, b), disputed_kinds(a, b, disagreement)))
    return found


# "put the number of destroyed buses at 21", "the number of children moved out of the hospital at 38": the words after
# "number of" name the count of the figure closing the phrase
_NUMBER_OF = re.compile(r"\bnumber\s+of\s+(?:the\s+)?(?P<words>(?:[\w'’-]+\s+){1,3})[^.;:]{0,80}?\bat\s+(?:about\s+|around\s+|"
                        r"some\s+|roughly\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|at\s+least\s+|just\s+)?$", re.I)
_NOT_NOUNS = frozenset({"the", "its", "their", "his", "her", "all", "those", "people's", "that", "who"})


def _answered(ordered: list[Claim], i: int) -> Optional[tuple[int, list[Claim]]]:
    """The nearest claim before claim `i` in its paragraph or the one before that counts what `i`'s figure counts
    (the kind of thing its figures name, or anything when its figure names nothing), with its sentence's claims:
    the figure the second answers, whether the two agree or not (an older one further up is not what it answers)."""
    b = ordered[i]
    kinds, told = _measured(b), _told_things(b)
    for j in range(i - 1, max(-1, i - 1 - _CLAIMS_BACK), -1):
        a = ordered[j]
        if not _near(a, b) or a.span[1] > b.span[0]:
            break
        theirs = _measured(a)
        named = {thing for *_, thing, _, _ in _counts(a)}
        if (theirs and (kinds & theirs or not counted_figures(b) or told & {thing for thing, _ in theirs})) \
                or (named and not counted_figures(b)):
            return j, _sentence_of(ordered, j)
    return None


def _measured(claim: Claim) -> set[tuple[str, Optional[str]]]:
    """What the claim's figures count, as (thing, event): "34 buses had been destroyed" ("bus", "destroy")."""
    return {(m.thing, m.event) for qs in counted_figures(claim).values() for q in qs if (m := measure(claim, q)) is not None}


def _near(a: Claim, b: Claim) -> bool:
    """`a` is in `b`'s paragraph or the one before (one blank line between paragraphs allowed)."""
    lines = b.line - a.line
    return lines < _LINES_BACK or (lines == _LINES_BACK and b.span[0] - a.span[1] <= 4)


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
    """The disagreement between `a`'s figure and the figure `b` sets against it, if they are two parties' counts of
    one thing at one time and place (`sentence`: the claims of `a`'s sentence, all of whose figures a figure
    naming nothing may answer)."""
    if a.polarity != "asserted" or is_denial(a) or is_denial(b):
        return None
    if not _two_parties(a, b) or told_at_other_hours(a, b) or other_incidents(a, b) or _other_time(a, b) \
            or _other_place(a, b):
        return None
    a = a.model_copy(update={"quantities": [q for q in a.quantities if not _told_earlier(a, q)]})
    told = number_conflict(a, b, grown_since(lambda *_: False, on, on, a, b, told_at(a), told_at(b)))
    if told is not None and _names_another_count(a, b, told):
        return None
    told = told or _bare_figure_at_odds(a, b, sentence) or _told_figure_at_odds(a, b, sentence)
    if told is None or any(thing in _NOT_A_COUNT for thing, _ in disputed_kinds(a, b, told)):
        return None
    return told


def _other_time(a: Claim, b: Claim) -> bool:
    """Either tells of another period than the page's day or of what could be, or the two name other parts of the
    day ("in the morning" / "in the afternoon"); "over the same seven days" is the other's period."""
    if any(_OTHER_TIME.search(_without_same_period(c.text)) for c in (a, b)):
        return True
    parts_a, parts_b = ({m.lower() for m in _PARTS_OF_DAY.findall(c.text)} for c in (a, b))
    return bool(parts_a and parts_b and not parts_a & parts_b)


def _without_same_period(text: str) -> str:
    return _SAME_PERIOD.sub("", text)


def _other_place(a: Claim, b: Claim) -> bool:
    """The two tell of other places: their towns differ, or one tells where (a place the other does not name, or
    "across the province", "alone", "in the city") and the other does not."""
    towns_a, towns_b = ({p.name.lower() if p.kind == "city" else f"region:{p.name.lower()}" for p in own_places(c)}
                        for c in (a, b))
    if towns_a and towns_b and towns_a != towns_b:
        return True  # (a town named on one side only is the page's one: a new one in the second is caught below)
    # the towns the speakers name, else those the page sets the figures in
    set_a = _speakers_places((a.attribution.source or "") if a.attribution.kind != "none" else "") \
        or {p.name.lower() for p in a.setting}
    set_b = _speakers_places(_second_speaker(b)) or {p.name.lower() for p in b.setting}
    if set_a and set_b and not set_a & set_b:
        return True  # "Kharkiv's governor said …" / "Sumy's governor, however, said …"
    areas_a, areas_b = ({m.lower() for m in _AREA.findall(c.text)} | ({"over"} if _OVER_AN_AREA.search(c.text) else set())
                        for c in (a, b))
    if areas_a - areas_b == {"over"} and not areas_b and not counted_figures(b) \
            and _REGIONAL.search(_second_speaker(b)):
        areas_a = areas_b  # a region's office's figure naming nothing ("stood by its own figure of nine") counts
        # over the region, as the figure it answers does ("14 drones had been shot down over the region")
    if areas_a != areas_b:
        return True
    kinds_a, kinds_b = ({_AREA_KINDS[m.lower()] for m in _AREA_KIND.findall(c.text)} for c in (a, b))
    if kinds_a and kinds_b and kinds_a != kinds_b:
        return True  # "3,000 evacuated from the region" / "800 from the city"
    if any(_ANOTHER_INCIDENT.search(c.text) for c in (a, b)):
        return True
    return bool(_named_places(b, without_speaker=True) - _named_places(a))


def _speakers_places(speaker: str) -> set[str]:
    """Towns the speaker's words name ("The mayor of Leeds", "York council", "Kharkiv's governor")."""
    from claimdesk.extraction.gazetteer import gazetteer

    # (not a first name: "Volyn governor Roman Kostiuk" is no word of Roman, Romania; but "Mayor of Kharkiv Ihor
    # Terekhov", "Kharkiv's Ihor Terekhov")
    words = (re.sub(r"['’]s$", "", m[1]) for m in re.finditer(r"\b([A-Z][\w'’-]+)(?![\w'’-])", speaker)
             if not _BEFORE_A_NAME.match(speaker, m.end()) or re.search(r"\bof\s+$", speaker[:m.start()])
             or re.search(r"['’]s$", m[1]))
    return {w.lower() for w in words if w.lower() not in _INSTITUTIONS
            and any(e.name == w and e.kind == "city" and e.population >= _TOWN_SIZE for e in gazetteer().lookup(w))}


_TOWN_SIZE = 10_000  # people: a capitalised word of a speaker's naming a town this big is read as that town
# words of an office after a town's name ("Lviv Mayor …", "Kharkiv Regional Military Administration")
_OFFICE_WORD = r"(?:Mayor|Governor|City|Town|Council|Regional|Region|Oblast|Military|Administration|Police|Fire|" \
               r"Emergency|Department|District|Municipal|State|Provincial|Head|Hospital|Port)\b"
_REGIONAL = re.compile(r"\b(?:regional|region['’]?s?|oblast|governor|province|provincial)\b", re.I)
_BEFORE_A_NAME = re.compile(r"\s+(?!" + _OFFICE_WORD + r")[A-Z]")
_INSTITUTIONS = frozenset({"police", "council"})  # town names that are also a speaker's word ("Police", Poland)


def _named_places(claim: Claim, without_speaker: bool = False) -> set[str]:
    """Capitalised names after "in", "across", "from", "of" ("in Manchester", "from Lebanon"), those in the
    speaker's words left out when `without_speaker` ("the Coordination Headquarters for the Treatment of Prisoners")."""
    source = (claim.attribution.source or "") if without_speaker else ""
    return {m[1].lower() for m in _NAMED_PLACE.finditer(claim.text) if not (source and m[1] in source)}


def _two_parties(a: Claim, b: Claim) -> bool:
    """Two parties give the figures: `b` names its speaker (or the figure's owner) in its own words, no pronoun,
    and it is not `a`'s. A speaker the extractor carried over from the first half of a sentence ("Ukraine's Health
    Ministry said …, while the city council has stood by its figure of about 140") is not the second half's."""
    words_b = _speaker_words(_second_speaker(b))
    if not words_b or words_b <= _PRONOUN:
        return False
    words_a = _speaker_words(a.attribution.source or "") if a.attribution.kind != "none" else frozenset()
    if words_a and (words_a <= words_b or words_b <= words_a):
        return False  # "Police" / "The police", "The health ministry" / "The ministry of health"
    return not (_speaks_itself(b) and one_speaker(a, b))


def _speaks_itself(claim: Claim) -> bool:
    """The claim's speaker is named in its own words, not carried over from another claim, and is no figure."""
    source_span = claim.attribution.source_span
    return claim.attribution.kind != "none" and source_span is not None \
        and claim.span[0] <= source_span[0] < claim.span[1] and not re.search(r"\d", claim.attribution.source or "")


def _second_speaker(claim: Claim) -> str:
    """Who gives the second figure: its own speaker, else the owner its words name ("The city's own figure")."""
    if _speaks_itself(claim):
        return claim.attribution.source or ""
    owner = _OWNER.match(claim.text)
    return owner["owner"] if owner is not None else ""


def _speaker_words(speaker: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z]+", speaker.lower()) if w not in ("the", "of", "a", "an", "s"))


def _told_earlier(claim: Claim, q: Quantity) -> bool:
    start = q.span[0] - claim.span[0] if q.span else -1
    return 0 <= start <= len(claim.text) and bool(_FROM_EARLIER.search(claim.text[:start]))


def _bare_figure_at_odds(a: Claim, b: Claim, sentence: list[Claim]) -> Optional[Disagreement]:
    """`b` gives one figure naming no unit and points back to a count ("put the number at about 350") or names the
    count it gives ("put the number of destroyed buses at 21"): read as the one thing `a`'s sentence counts (that
    thing, when named), at odds when the two cannot both be right."""
    bare = [q for q in b.quantities if q.unit is None and q.span is not None]
    if len(bare) == 1 and not counted_figures(b):
        y = bare[0]
        named = _named_count(b, y)
        if named is None and not _POINTS_BACK.search(b.text):
            return None
    elif (y := _figure_pointed_back(b)) is not None:
        named = None
    else:
        return None
    figures = [f for c in sentence for f in _counts(c)]
    if not figures or len({(thing, event) for _, _, thing, event, _ in figures}) != 1 or figures[0][0].id != a.id:
        return None
    _, x, thing, event, counted = figures[0]
    if named is not None and named not in (thing, _class_of(x.unit or "")):
        return None
    if y.unit is not None and unit_class(y) != thing:
        return None  # "put the figure at 61,000 people" answers no count of households
    if _TOLL.search(b.text) and event != ("injure" if _INJURED.search(b.text) else "kill"):
        return None
    if not figures_apart(a, x, b, Quantity(text=y.text, value=y.value, qualifier=y.qualifier, unit=x.unit, high=y.high,
                                           span=y.span), event):
        return None
    return Disagreement("number", f"{x.text} vs {y.text}", f"{thing}{' ' + event if event else ''} ({counted})",
                        (x.span, y.span))


def _figure_pointed_back(claim: Claim) -> Optional[Quantity]:
    """The claim's one figure, naming what it counts, right after words pointing back to a count: "Regional
    distributor Podilskenerho puts the figure at 61,000 households", "the figure was up to 40,000 households"."""
    figures = [q for q in claim.quantities if q.span is not None]
    if len(figures) != 1 or figures[0].unit is None or _ANOTHER_READING.search(claim.text):
        return None
    start = figures[0].span[0] - claim.span[0]
    back = [m for m in _POINTS_BACK.finditer(claim.text, 0, max(start, 0)) if m.end() <= start]
    if not back or re.match(r"(?:toll|count|tally|total)", back[-1].group(0), re.I) \
            or len(claim.text[back[-1].end():start].split()) > _POINTED_GAP:
        return None  # (a total or a tally may sum more than the count before: "the total was 120,000 households")
    return figures[0]


_POINTED_GAP = 3  # words between "the figure was" and its figure: "closer to", "more than", "up to"
# a figure told as another reading of the count than the one before: "down from 61,000 in the morning", "at the peak"
_ANOTHER_READING = re.compile(r"\b(?:down|up)\s+from\b|\bpeak\b|\bearlier\b|\binitially\b", re.I)


def _told_figure_at_odds(a: Claim, b: Claim, sentence: list[Claim]) -> Optional[Disagreement]:
    """`b` gives one figure of what happened, named by its noun, with a verb that only tells it ("Ukrzaliznytsia
    maintains the delay was about four hours", "put the delay at about four hours"): read as the count `a`'s sentence
    gives of that happening ("had been delayed by nearly seven hours"), when the sentence counts it one way only."""
    things = _told_things(b)
    figures_b = [q for qs in counted_figures(b).values() for q in qs]
    if len(things) != 1 or len(figures_b) != 1:
        return None
    figures = [f for c in sentence for f in _counts(c) if f[2] in things]
    if len(figures) != 1 or figures[0][0].id != a.id:
        return None
    _, x, thing, event, counted = figures[0]
    y = figures_b[0]
    noun = _TOLD_HAPPENING.search(b.text)
    if event is None or noun is None or noun["noun"][:5].lower() != event[:5].lower() or overlap(x, y):
        return None
    return Disagreement("number", f"{x.text} vs {y.text}", f"{thing} {event} ({counted})", (x.span, y.span))


def _told_things(claim: Claim) -> set[str]:
    """What the claim's figures count when its words tell a happening's figure by its noun ("put the delay at",
    "the delay was") and each figure is measured by a verb that only tells it (`_TELLING`)."""
    kinds = _measured(claim)
    if not kinds or not _TOLD_HAPPENING.search(claim.text) or not all(event in _TELLING for _, event in kinds):
        return set()
    return {thing for thing, _ in kinds}


# verbs that tell a figure rather than what happened to what it counts ("put the delay at about four hours", "the
# delay was about four hours"), and the happening told by its noun, with nothing between it and the figure's verb (not
# "the delay to flights was", "the power cut was", "the driver's shift was")
_TELLING = frozenset({"put", "be", "give", "estimate", "maintain"})
_TOLD_HAPPENING = re.compile(r"\b(?:put|puts|putting|gave|gives|estimated?|estimates|maintains?|maintained|insists?|"
                             r"insisted|says?|said)\s+(?:that\s+)?the\s+(?P<noun>[a-z]+)\s+(?:at|was|is|had\s+been|"
                             r"has\s+been|stood\s+at|stands\s+at)\b")


def _names_another_count(a: Claim, b: Claim, told: Disagreement) -> bool:
    """`b`'s figure is given as "the number of" something other than what `a`'s counts ("40 people were injured" /
    "put the number of injured children at 12": a part of them)."""
    x = next((q for q in a.quantities if q.span is not None and told.spans[0] is not None
              and tuple(q.span) == tuple(told.spans[0])), None)
    y = next((q for q in b.quantities if q.span is not None and told.spans[1] is not None
              and tuple(q.span) == tuple(told.spans[1])), None)
    if x is None or y is None or (word := _named_word(b, y)) is None:
        return False
    if re.search(rf"\b{re.escape(word)}\b", a.text, re.I):
        return False  # "four people were injured, all of them crew members" / "the number of injured crew members"
    return _class_of(word) not in {_class_of(x.unit or ""), *(m.thing for m in [measure(a, x)] if m is not None)}


def _class_of(word: str) -> str:
    return unit_class(Quantity(text=word, value=1.0, unit=word)) or word


def _counts(claim: Claim) -> list[tuple[Claim, Quantity, str, Optional[str], str]]:
    """The claim's figures of a count, (claim, figure, thing, event, words): those naming what they count and
    measured (`measures.measure`), and those naming no unit but given as "the number of …" ("still put the number
    of children moved out of the damaged hospital at 38"), not a part nor an earlier reading."""
    out = [(claim, q, m.thing, m.event, m.counted) for qs in counted_figures(claim).values() for q in qs
           if not _told_as_part(claim, q) and not _told_earlier(claim, q) and (m := measure(claim, q)) is not None]
    out += [(claim, q, named, None, f"number of {named}") for q in claim.quantities
            if q.unit is None and q.span is not None and (named := _named_count(claim, q)) is not None]
    return out


def _named_count(claim: Claim, q: Quantity) -> Optional[str]:
    """The class of what "the number of …" before a figure counts ("put the number of destroyed buses at 21" -> the
    class of "buses"; "the number of injured crew at three" -> that of "crew"), or None."""
    word = _named_word(claim, q)
    return _class_of(word) if word else None


def _named_word(claim: Claim, q: Quantity) -> Optional[str]:
    """The noun "the number of …" names before figure `q`: the first word after it that is no participle."""
    start = q.span[0] - claim.span[0] if q.span else -1
    found = _NUMBER_OF.search(claim.text[:start]) if 0 <= start <= len(claim.text) else None
    if found is None:
        return None
    return next((w for w in found["words"].split() if not w.lower().endswith("ed") and w.lower() not in _NOT_NOUNS),
                None)


def _told_as_part(claim: Claim, q: Quantity) -> bool:
    start = q.span[0] - claim.span[0] if q.span else -1
    return 0 <= start <= len(claim.text) and bool(_PART.search(claim.text[:start]))
