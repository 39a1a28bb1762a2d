"""Counted quantities in a document: "18 soldiers", "up to 10,000 North Korean troops",
"six officers", "between 5 and 10", "1.5 million people", "$5 million", "12 percent".

Each `Quantity` carries its value, a qualifier read from the words before it (`about`, `up_to`,
`at_least`, `range` or `exact`), and the counted noun as `unit`, found by skipping adjectives
and demonyms to the head noun ("six North Korean officers" -> "officers"). Money is a value in
the currency's units with unit "USD", "EUR" or "GBP"; percentages have unit "percent". A unit
written onto its number is read too: "an 80m-deep well" is 80 "metres", "7,000km" 7,000
"kilometres", "£40m" 40 million GBP, "3m people" three million people. One scale word serves
both ends of a range ("250 to 270 million": 250 million to 270 million).

What is not a quantity: years, dates and weekdays (every span `find_dates` reports), ordinals
("first", "3rd"), clock times, identifiers ("Article 5", "F-16", "No. 3"), compound adjectives
("an 18-year-old", "a 10-day truce"), vague amounts ("hundreds of", "dozens") and telephone numbers
("call Crime Stoppers at (419) 255-1111", "+44 20 7946 0958", "0161 856 9400": found by `phonenumbers`,
Google's libphonenumber; see `phone_spans` for which it takes. A bare run of digits stays a count).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Optional

import phonenumbers

from claimdesk.language.dates import find_dates
from claimdesk.language.numerals import BELOW_TWENTY, SCALES, TENS, word_value
from claimdesk.models import Qualifier, Quantity, Span

_SCALES = {**SCALES, "bn": 1_000_000_000}
_CURRENCIES = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP"}

_WORD = "|".join(sorted([*BELOW_TWENTY, *TENS, "hundred", *SCALES],
                        key=len, reverse=True))
# "a dozen", "two dozen", "half a dozen" (not "dozens" nor "a few dozen", vague amounts; not "the last dozen years")
_WORD_NUMBER = (rf"(?:(?:half\s+)?(?:a|an)\s+(?:hundred|thousand|million|billion|dozen)"
                rf"|(?:{_WORD})(?:(?:\s+|-)(?:and\s+)?(?:{_WORD}))*(?:\s+dozen)?)(?![\w-])")
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s*(?:thousand|million|billion|trillion|bn)\b)?"
_NUMBER = (rf"(?:(?P<cur>US\$|[$€£])\s?)?(?:(?P<digits>{_DIGITS}){_SCALE}"
           rf"|(?P<words>(?i:{_WORD_NUMBER})))")
_PERCENT = r"(?P<pct>\s*(?:%|percent\b|per\s+cent\b))?"
_NUM = re.compile(rf"(?<![\w.,/:$€£-]){_NUMBER}{_PERCENT}")
_NUM_AT = re.compile(rf"{_NUMBER}{_PERCENT}")  # the second number of a range, right after "-"

_QUALIFIERS: list[tuple[Qualifier, re.Pattern]] = [
    ("up_to", re.compile(r"\b(?:up\s+to|as\s+many\s+as|as\s+much\s+as|no\s+more\s+than|not\s+more\s+than|"
                         # ("no fewer than eight" is at least eight)
                         r"at\s+most|(?<!\bno\s)(?<!\bnot\s)(?:fewer|less)\s+than|under|below|a\s+maximum\s+of|maximum\s+of)\s+$",
                         re.IGNORECASE)),
    # ("handed over 1,000 bodies": the verb's particle, no bound; "took over 20 hours" is one)
    ("at_least", re.compile(r"\b(?:more\s+than|(?<!handed\s)(?<!hands\s)(?<!hand\s)(?<!handing\s)over|at\s+least|upwards\s+of|in\s+excess\s+of|"
                            r"not?\s+fewer\s+than|not?\s+less\s+than|a\s+minimum\s+of|above|exceeding|"
                            r"just\s+over|well\s+over)\s+$", re.IGNORECASE)),
    ("about", re.compile(r"\b(?:nearly|roughly|about|around|approximately|approx\.|some|almost|"
                         r"close\s+to|an\s+estimated|estimated|circa|an\s+approximate|"
                         r"just\s+under|more\s+or\s+less|some\s+\w+\s+of)\s+$", re.IGNORECASE)),
]
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|\bto\b|\bor\b|\band\b)\s*", re.IGNORECASE)

# Words that end the search for the counted noun, and words skipped on the way to it.
_STOP = {
    "of", "and", "or", "in", "on", "at", "to", "from", "for", "with", "by", "were", "was", "are",
    "is", "be", "been", "have", "has", "had", "will", "would", "could", "may", "might", "who",
    "which", "that", "than", "as", "per", "but", "the", "a", "an", "this", "these", "those",
    "their", "his", "her", "its", "our", "we", "they", "he", "she", "it", "said", "says", "after",
    "before", "since", "while", "when", "if", "all", "each", "not", "no", "into", "i", "you",
    # a place or a time after the figure: "11 over the Belgorod region", "three near Izium" count no "over"
    "over", "near", "across", "around", "inside", "outside", "during", "through", "within", "among", "along",
    "amid", "toward", "towards", "against", "beyond", "behind", "under", "above", "below",
}
_ADJECTIVES = {
    "other", "additional", "new", "former", "active", "young", "old", "senior", "junior",
    "foreign", "local", "elite", "separate", "different", "large", "small", "major", "key", "top",
    "low", "military", "special", "extra", "further", "total", "fresh", "so-called", "suspected",
    "alleged", "unidentified", "unnamed", "civilian", "enemy", "regular", "full", "more", "less",
    "high", "long", "short", "front-line", "frontline", "retired", "ordinary", "innocent",
    "fewer", "present", "big", "great", "few", "many", "several", "likely", "possible", "such",
}
# kinds of weapon before their noun: "one Iskander-M ballistic missile" counts a missile ("one cruise missile
# remains …": the noun right after them); "two ballistic and 30 cruise missiles" the missiles after "and"
_WEAPON_KINDS = {"ballistic", "cruise", "hypersonic", "supersonic", "aerial", "naval", "unmanned", "uncrewed", "kamikaze"}
_COORDINATED_NOUN = re.compile(r"\s*(?:,|and\b|or\b)\s*(?:[\d,]+\s+)?(?:[A-Za-z][\w’'-]*\s+){0,2}?([a-z]+s)\b")
# a figure of the harmed with no noun after it: "with 31 wounded", "35 injured in the strike"
_HARMED = {"wounded", "injured", "killed", "hurt"}
_NOT_A_COUNT_AFTER = re.compile(
    r"(?:st|nd|rd|th)\b|[A-Za-z]|-(?=[a-z])|:\d|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|GMT|UTC)|\.\d|/\d", re.IGNORECASE)
_VAGUE_AFTER = re.compile(r"s\s+of\b|s\b(?!\s+(?:people|troops|soldiers))", re.IGNORECASE)
_ONE_NOT_A_COUNT = {"of", "another", "more", "day", "time", "hand", "side", "way", "thing", "point",
                    "or", "and", "in", "on", "at", "to", "who", "that", "which", "is", "was", "can",
                    "could", "would", "will", "should", "might", "must", "has", "had", "does", "did",
                    "says", "said", "another's", "another’s"}
# Page furniture: "3 min read", "12 comments", "1.2K shares", "Photo 3 of 12".
_FURNITURE_AFTER = re.compile(r"\s*(?:min(?:ute)?s?\s+read|comments?\b|shares\b(?!\s+of)|views\b|likes\b|"
                              r"retweets\b|replies\b|of\s+\d+\s*$|of\s+\d+\b(?=\s*(?:photos?|images?|slides?)?\s*$))",
                              re.IGNORECASE | re.MULTILINE)
_FURNITURE_BEFORE = re.compile(r"(?:\b(?:photos?|images?|slides?|pictures?|page|step)\s+|\d+\s+of\s+)$", re.IGNORECASE)
_SCALE_WORD = re.compile(r"\b(thousand|million|billion|trillion|bn)\s*$", re.IGNORECASE)
_DATE_REFERENCE = date(2000, 1, 1)  # any day: find_dates is asked only where dates are, not when
# A unit written onto its number ("a 40m dry well", "an 80m-deep well", "7,000km", "180mph", "£40m"):
# without it the figure was skipped as a word, and two figures of one well were no conflict.
_GLUED = re.compile(r"(?P<unit>km/h|kph|mph|km|kg|cm|mm|ft|mw|gw|kw|m|k)(?![A-Za-z0-9])", re.IGNORECASE)
_GLUED_UNITS = {"km/h": "km/h", "kph": "km/h", "mph": "mph", "km": "kilometres", "kg": "kilograms",
                "cm": "centimetres", "mm": "millimetres", "ft": "feet", "mw": "megawatts", "gw": "gigawatts",
                "kw": "kilowatts", "m": "metres"}
# "m" and "k" after money, or "m" before a plural noun ("40m people", "3m barrels"), are million and thousand
_GLUED_SCALE = {"m": 1_000_000, "k": 1_000}
_PLURALS = {"people", "children", "men", "women", "police", "cattle", "livestock"}


def _value(m: re.Match) -> Optional[float]:
    if m["words"]:
        return word_value(m["words"])
    value = float(m["digits"].replace(",", ""))
    scale = re.search(r"(thousand|million|billion|trillion|bn)\s*$", m.group(0), re.IGNORECASE)
    if scale:
        value *= _SCALES[scale.group(1).lower()]
    return value


def _shared_scale(low: float, m: re.Match, m2: re.Match, high: Optional[float]) -> float:
    """The low end of a range written with one scale word for both ends: "250 to 270 million" is
    250 million, "five to ten thousand" five thousand ("five hundred to one thousand" stays 500)."""
    scale = _SCALE_WORD.search(m2.group(0))
    if scale is None or high is None or _SCALE_WORD.search(m.group(0)):
        return low
    scaled = low * _SCALES[scale.group(1).lower()]
    return scaled if scaled < high else low


_SHARE_OF = re.compile(r"\s+of\s+(?:the|its|their|these|those|his|her|our)(?:\s+\d[\d,]*)?(?=\s+[a-z])")


def _unit(text: str, end: int) -> Optional[str]:
    """The counted noun after a number, skipping demonyms, capitalised words and adjectives:
    the first plural among the next two nouns-to-be ("two large screens" -> "screens"), else the
    first ("one soldier" -> "soldier"). A share counts what it is a share of: "151 of the drones",
    "30 of its 40 missiles"."""
    share = _SHARE_OF.match(text, end)
    if share:
        return _unit(text, share.end())
    candidates: list[str] = []
    harmed = None  # "31 wounded": the participle right after the figure, when no noun follows
    weapon, weapon_end = None, end  # a kind of weapon skipped on the way ("ballistic"), and where it ends
    position = end
    for w in re.finditer(r"(\s+)([A-Za-z][\w’'-]*)", text[end:end + 80]):
        if end + w.start() != position:
            break  # punctuation in between ends the noun phrase
        position = end + w.end()
        word = w.group(2)
        lower = word.lower()
        if lower in _STOP:
            break
        if lower in _HARMED and position - end == len(w.group(0)):
            harmed = lower
        if lower in _WEAPON_KINDS and word[0].islower() and not candidates:
            weapon, weapon_end = lower, position
            continue
        if word[0].isupper() or lower in _ADJECTIVES or "-" in word or lower.endswith("ly") \
                or (lower.endswith("ed") and len(lower) > 4):
            continue
        candidates.append(lower)
        if len(candidates) == 2 or weapon:
            break
    if weapon and not candidates:
        after = _COORDINATED_NOUN.match(text, weapon_end)
        return after.group(1) if after else weapon
    plural = [c for c in candidates if c.endswith("s") and not c.endswith("ss")]
    if not plural and candidates[1:] and candidates[1] in _PERSON_HEADS and _phrase_ends(text, position):
        return candidates[1]  # "one crew member", as "two crew members" counts members (not "three border guard posts")
    if candidates[:1] == ["square"] and candidates[1:] and candidates[1] in _LENGTHS:
        return f"square {candidates[1]}"  # "3,000 square metres" measures an area, not a length
    return (plural or candidates or [harmed])[0]


# the head of a singular compound naming a person: "one crew member", "a police officer", "one border guard"
_PERSON_HEADS = {"member", "officer", "worker", "employee", "official", "soldier", "guard", "driver", "servant",
                 "volunteer", "firefighter", "rescuer", "medic", "civilian", "resident", "passenger"}
def _phrase_ends(text: str, position: int) -> bool:
    """No noun-to-be follows at `position`: punctuation, the end, a function word or a past participle."""
    after = re.match(r"\s+([A-Za-z][\w’'-]*)", text[position:position + 40])
    return after is None or after.group(1).lower() in _STOP or after.group(1).lower().endswith("ed")


_LENGTHS = {"metre", "metres", "meter", "meters", "kilometre", "kilometres", "kilometer", "kilometers", "foot", "feet",
            "mile", "miles", "yard", "yards"}


def _qualifier(text: str, start: int) -> tuple[Qualifier, int]:
    lead = text[max(0, start - 30):start]
    for qualifier, pattern in _QUALIFIERS:
        m = pattern.search(lead)
        if m:
            return qualifier, start - (len(lead) - m.start())
    return "exact", start


def _is_identifier(text: str, start: int) -> bool:
    """"Article 5", "No. 3", "Resolution 2231": a capitalised word or No. right before the number, on its
    line. A word closing a sentence or a headline before it names nothing ("… in Kharkiv.\nNine people were
    killed")."""
    before = re.search(r"([A-Za-z][\w.]*)[^\S\r\n]+$", text[max(0, start - 25):start])
    if not before:
        return False
    word = before.group(1)
    if word in ("No.", "no.", "Nos.", "#", "Sec.", "Vol.", "Fig.", "Para.") or re.fullmatch(r"[A-Z][a-z]{0,2}\.", word):
        return True  # "Art. 5", "Pt. 2", "Ch. 11", "Nr. 7"
    if word.endswith("."):
        return False
    if word[0].isupper() and not re.match(r"(?i:about|nearly|some|almost|around|over|up|only|just|"
                                          r"roughly|approximately|more|less|at|between|from|the|"
                                          r"all|another|with|and|but|of|by|in|on|for|to|as|those|"
                                          r"these|estimated|an?)$", word):
        return True
    return False


def _overlaps(span: Span, spans: list[Span]) -> bool:
    return any(span[0] < s[1] and s[0] < span[1] for s in spans)


def _glued_quantity(text: str, m: re.Match, glued: re.Match) -> Optional[Quantity]:
    """A number with its unit written onto it: a measure ("80m-deep" -> 80 metres), or a scaled
    count ("£40m" -> 40,000,000 GBP; "3m barrels" -> 3,000,000 barrels)."""
    value = _value(m)
    if value is None:
        return None
    unit_word = glued["unit"].lower()
    end = glued.end()
    qualifier, q_start = _qualifier(text, m.start())
    if m["cur"]:
        if unit_word not in _GLUED_SCALE:
            return None
        value, unit = value * _GLUED_SCALE[unit_word], _CURRENCIES[m["cur"]]
    elif unit_word in _GLUED_SCALE:
        counted = _unit(text, end)
        plural = counted is not None and (counted in _PLURALS or counted.endswith("s") and not counted.endswith("ss"))
        if unit_word == "m" and plural and not text.startswith("-", end):
            value, unit = value * _GLUED_SCALE["m"], counted
        elif unit_word == "m":
            unit = _GLUED_UNITS["m"]
        else:
            return None  # "6k", "7k barrier": a count of nothing said, or a name
    else:
        unit = _GLUED_UNITS[unit_word]
    return Quantity(text=text[q_start:end], value=value, qualifier=qualifier, unit=unit, span=(q_start, end))


_SHARE_JOIN = re.compile(r"\s+(?:in|out\s+of)\s+", re.IGNORECASE)
# What a count is spread over, not a population a share is of: "killed 1 in 3 attacks", "arrested 5
# in 20 raids", "one in 5 decades", "3 in 10 days".
_SPREAD_OVER = re.compile(
    r"\s+(?:\w+\s+)?(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centur(?:y|ies)|"
    r"games?|matches|races|attempts|tries|innings|quarters?|halves|rounds?|shots|raids?|attacks?|strikes?|"
    r"operations?|incidents?|shootings?|villages?|towns?|cities|city|districts?|regions?|provinces?|"
    r"countries|country|states?|places?|locations?|sites?)\b", re.IGNORECASE)


def _share(text: str, m: re.Match, end: int, date_spans: list[Span]) -> Optional[tuple[float, int]]:
    """A share written as a ratio ("Six in 10 said", "about 4 in 10 voters", "one in five Americans",
    "three out of four"): its value in percent and where it ends. Not a share: a count spread over
    times, events or places ("killed 3 in 10 days", "5 in 20 raids", "1 in 3 attacks"), a whole that is
    no round denominator of a share (2-5, 10, 100, 1,000 ...: "12 in 20"), a clock time or ordinal after
    it ("3 in 10:30", "2 in 3rd place"), "one in a million" (an idiom as often as a figure)."""
    joined = _SHARE_JOIN.match(text, end)
    if joined is None or m["pct"] or m["cur"]:
        return None
    m2 = _NUM_AT.match(text, joined.end())
    if m2 is None or not (m2["digits"] or m2["words"]) or m2["pct"] or m2["cur"] \
            or re.match(r"an?\s", m2.group(0), re.IGNORECASE) \
            or _overlaps((m2.start(), m2.end()), date_spans) or _NOT_A_COUNT_AFTER.match(text, m2.end()) \
            or _SPREAD_OVER.match(text, m2.end()):
        return None
    part, whole = _value(m), _value(m2)
    if part is None or whole is None or not 0 < part <= whole or not _round_denominator(whole):
        return None
    return round(100 * part / whole, 6), m2.end()


def written_as_ratio(text: str) -> bool:
    """A percentage quantity's text is a share written as a ratio ("Six in 10", "three out of four")."""
    return _SHARE_JOIN.search(text) is not None


def _round_denominator(whole: float) -> bool:
    if whole in (2, 3, 4, 5):
        return True
    while whole >= 10 and whole % 10 == 0:
        whole /= 10
    return whole == 1


# Cheap signs of a telephone number; the matcher runs only on texts that show one: a local number
# ("389-4869", "389 - 4869" as tokenised text), a country code, an area code in brackets, a toll-free
# "1-800-", a national trunk prefix ("0800 123 456").
_PHONE_HINT = re.compile(r"\d{3}(?:\s*[-.]\s*|\s+)\d{4}\b|\+\s?\d|\(\d{3}\)|\b1\s*[-.]\s*\d{3}\s*[-.]|\b0\d{2,4}[\s-]\d{3}")
# Words that announce a number to call. A number the matcher only finds possible (a seven-digit local
# number, "389-4869", or a vanity "1-800-222-TIPS") is taken only after one of them: "500-1000 people"
# is a range, "call police at 389-4869" a telephone number.
_CALL_CUE = re.compile(r"\b(?:call(?:ing|ed)?|contact(?:ing|ed)?|dial|phone|telephone|tel|text|reach(?:ed)?|fax|hotline|"
                       r"helpline|tip ?line|crime ?stoppers?|crime ?solvers?)\b(?:[^;!?\n]{0,60}?\b(?:at|on)\s*|\W{0,3})$",
                       re.IGNORECASE)
PHONE_REGIONS = ("US", "GB")  # numbers written without a country code are read in these plans


def phone_spans(text: str) -> list[Span]:
    """Where `text` writes telephone numbers: formatted ones only (a separator, a '+' or brackets), valid
    in the North American or British plan, or any number with its country code ("+33 1 42 68 53 00");
    a merely possible one (a local seven-digit number) only after a word announcing a number to call."""
    if not _PHONE_HINT.search(text):
        return []
    found: set[Span] = set()
    for region in PHONE_REGIONS:
        for leniency in (phonenumbers.Leniency.VALID, phonenumbers.Leniency.POSSIBLE):
            for m in phonenumbers.PhoneNumberMatcher(text, region, leniency=leniency):
                if m.raw_string.isdigit():
                    continue
                if leniency == phonenumbers.Leniency.POSSIBLE and not _CALL_CUE.search(text, max(0, m.start - 80), m.start):
                    continue
                found.add((m.start, m.end))
    return sorted(found)


# "the death toll from the missile strike on the night of 3-4 November stood at nine", "the number of
# people killed in Kremenchuk has risen to 11": a toll's figure counts the dead (or the wounded), though
# no noun follows it (within its clause: "the death toll was 41, with the number of wounded at 120")
# (the words between never name another tally: "the death toll rose to five and the number of injured climbed
# to 40" gives 40 no deaths)
_TOLL_LEAD = r"(?:(?!\b(?:number\s+of|toll|tally)\b)[^.;:!?,]){0,120}?\b(?:at|to|of|reached|hit|is|was)\s+" \
             r"(?:(?:at\s+least|more\s+than|over|nearly|almost|about|around|some)\s+)?$"
_TOLL_WHO = r"number\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:who\s+(?:were\s+|have\s+been\s+|had\s+been\s+|have\s+)?)?"
_TOLL_FIGURE = re.compile(r"\b(?:death\s+toll|" + _TOLL_WHO + r"(?:killed|dead|died|deaths|fatalities))\b" + _TOLL_LEAD,
                          re.IGNORECASE)
_WOUNDED_FIGURE = re.compile(r"\b(?:" + _TOLL_WHO + r"(?:injured|wounded|hurt|injuries))\b" + _TOLL_LEAD, re.IGNORECASE)
# "killing three people, wounding 11": a bare figure right after a verb of harm counts people
_HARMED_BARE = re.compile(r"\b(?:killing|wounding|injuring|killed|wounded|injured)\s+"
                          r"(?:(?:at\s+least|more\s+than|over|nearly|almost|about|around|some|another)\s+)?$",
                          re.IGNORECASE)


# the bare figure ends its phrase ("wounding 11 and leaving …", "killing 11."), not a noun the reader did not
# see ("killed 10 U.S. citizens") nor a number split at its thousands ("killed more than 31, 000")
_BARE_END = re.compile(r"\s*(?:[;.)]|,(?!\s?\d{3}\b)|(?:and|or|but|in|on|at|when|after|while)\b|$)")


def _toll_counted(text: str, start: int, end: int) -> Optional[str]:
    """"deaths" for a figure a death toll (or the number of the killed) is said to stand at, rise to or
    reach, "injured" for the number of the wounded; "people" for a bare figure a verb of harm takes."""
    lookback = max(0, start - 180)
    if _TOLL_FIGURE.search(text, lookback, start):
        return "deaths"
    if _WOUNDED_FIGURE.search(text, lookback, start):
        return "injured"
    return "people" if _HARMED_BARE.search(text, max(0, start - 40), start) and _BARE_END.match(text, end) else None


# the figure's own noun phrase, up to "vehicles" ("57 fixed-wing unmanned aerial vehicles"; not "12 vehicles and 3
# unmanned aerial vehicles")
_AERIAL_VEHICLE = re.compile(r"\s+(?:(?!(?:vehicles?|and|or)\b)[A-Za-z-]+\s+){0,2}?(?:unmanned\s+)?aerial\s+vehicles?\b",
                             re.I)
# a figure naming no noun that is a part, in a place, of the figure before it in the sentence: "47 drones,
# including 19 over the Belgorod region", "41 drones, 19 of them over Krasnodar", "60 drones: 21 over the Bryansk
# region and 12 over Kursk" (a breakdown with no place, "17 wounded, three of them children", stays without a noun)
_PART_BEFORE = re.compile(r"(?:\bincluding|\bof\s+(?:which|whom|them|these|those),?|[,;:]|\band)\s+$", re.I)
_PLACE_AFTER = re.compile(r"(?:\s+of\s+(?:them|these|those|which))?\s+(?:over|in|above|near|across)\s+(?:the\s+)?[A-Z]")


def elided_part(text: str, previous_end: int, start: int, end: int) -> bool:
    """The figure at start..end names no noun and is a part, in a place, of the figure ending at previous_end."""
    between = text[previous_end:start]
    if re.search(r"[.!?]\s", between) or len(between) > 120:
        return False
    return bool(_PART_BEFORE.search(text[max(previous_end, start - 20):start]) and _PLACE_AFTER.match(text, end))


# a footnote mark, "….[2]", "the U.S.[4] Navy": a reference, not a count
_REFERENCE_MARK = re.compile(r"\[\d{1,3}\]")


def find_quantities(text: str) -> list[Quantity]:
    """Every counted quantity in `text`, in text order.

    >>> [(q.value, q.qualifier, q.unit) for q in find_quantities("up to 10,000 North Korean troops")]
    [(10000.0, 'up_to', 'troops')]
    """
    date_spans = [w.span for w in find_dates(text, _DATE_REFERENCE) if w.span]
    phones = phone_spans(text)
    found: list[Quantity] = []
    taken_until = -1
    for m in _NUM.finditer(text):
        start, end = m.start(), m.end()
        if start < taken_until or m.group(0).strip() == "":
            continue
        if m["words"] is None and m["digits"] is None:
            continue
        number_start = m.start("digits") if m["digits"] else m.start("words")
        if _overlaps((number_start, end), date_spans) or _overlaps((number_start, end), phones):
            continue
        glued = _GLUED.match(text, end) if m["digits"] and not m["pct"] and text[end - 1].isdigit() else None
        if glued:
            quantity = _glued_quantity(text, m, glued)
            if quantity is not None and not _is_identifier(text, m.start()):
                found.append(quantity)
                taken_until = quantity.span[1]
            continue
        if _NOT_A_COUNT_AFTER.match(text, end) or _is_identifier(text, m.start()):
            continue
        if _FURNITURE_AFTER.match(text, end) or _FURNITURE_BEFORE.search(text, max(0, start - 12), start):
            continue  # "3 min read", "Photo 3 of 12": the page, not the news
        if m["digits"] and _REFERENCE_MARK.fullmatch(text, number_start - 1, end + 1):
            continue
        if m["digits"] and len(m["digits"]) >= 8 and "," not in m["digits"]:
            continue  # an identifier or a timestamp, not a count
        value = _value(m)
        if value is None:
            continue
        if m["words"] and _VAGUE_AFTER.match(text, end):
            continue  # "hundreds of", "thousands"
        ratio = _share(text, m, end, date_spans)
        if ratio is not None:
            share, end = ratio
            qualifier, q_start = _qualifier(text, start)
            found.append(Quantity(text=text[q_start:end], value=share, qualifier=qualifier, unit="percent",
                                  span=(q_start, end)))
            taken_until = end
            continue
        if m["words"] and m["words"].lower() == "one":
            after = re.match(r"\s+([\w’']+)", text[end:end + 20])
            before = re.search(r"(\w+)\s+$", text[max(0, start - 15):start])
            if not after or after.group(1).lower() in _ONE_NOT_A_COUNT or (
                    before and before.group(1).lower() in {"no", "any", "every", "each", "the", "this",
                                                          "that", "which", "some", "someone", "only"}):
                continue
            if re.match(r"\s+\w+\s+of\b", text[end:end + 30]):
                continue

        qualifier, q_start = _qualifier(text, start)
        high = None
        between = re.search(r"\bbetween\s+$", text[max(0, start - 10):start], re.IGNORECASE)
        joined = _RANGE_JOIN.match(text, end)
        if joined and not m["pct"]:
            m2 = _NUM_AT.match(text, joined.end())
            if m2 and (m2["digits"] or m2["words"]) and not _NOT_A_COUNT_AFTER.match(text, m2.end()) \
                    and not _overlaps((m2.start(), m2.end()), date_spans):
                v2 = _value(m2)
                value = _shared_scale(value, m, m2, v2)
                join_word = joined.group(0).strip().lower()
                if v2 is not None and v2 > value and (join_word != "and" or between):
                    high, end = v2, m2.end()
                    qualifier = "range"
                    if between:
                        q_start = start - (len(text[max(0, start - 10):start]) - between.start())
                    m = m2 if m2["pct"] else m
        unit: Optional[str]
        if m["cur"]:
            unit = _CURRENCIES[m["cur"]]
        elif m["pct"] or re.match(r"\s*(?:%|percent\b|per\s+cent\b)", text[end:end + 10]):
            unit = "percent"
        else:
            unit = _unit(text, end) or _toll_counted(text, start, end)
            if unit == "others" and found and found[-1].unit not in (None, "others"):
                unit = found[-1].unit  # "20,000 people killed and 2.3 million others displaced": people
            if unit in ("vehicles", "vehicle") and _AERIAL_VEHICLE.match(text, end):
                unit = "drones" if unit == "vehicles" else "drone"  # "57 fixed-wing unmanned aerial vehicles"
            if unit is None and found and found[-1].unit not in (None, "others", "percent") \
                    and elided_part(text, found[-1].span[1], start, end):
                unit = found[-1].unit  # "destroyed 47 drones, including 19 over the Belgorod region": drones
        if m["cur"] is None and unit is None and value >= 1000 and m["digits"] and "," not in m["digits"] \
                and 1800 <= value <= 2099:
            continue  # a bare year-like number with nothing counted
        found.append(Quantity(text=text[q_start:end], value=value, qualifier=qualifier, unit=unit,
                              high=high, span=(q_start, end)))
        taken_until = end
    return found
