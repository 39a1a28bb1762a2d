"""What happened, by kind, as a sentence tells it: how many facts one claim states.

A wire lead packs several facts into one sentence ("Russia launched 476 drones and 41 missiles
overnight, setting a power plant ablaze and killing at least three people"): the attack, the fire,
the toll. Other outlets tell each on its own, and each of their sentences resembles the lead. A
story led by such a sentence gathers mentions of all its facts, none of which states what the
others do. `deeds` names the kinds of deed a claim's words tell (killing, wounding, striking,
launching, shooting down, damaging, capturing, cutting power, evacuating, rescuing, mourning); a claim telling
two or more kinds states several facts, and grouping lets the claims telling one kind anchor the
stories first.

Read from word forms, not a parse: corroboration loads no parser (`tests/test_architecture.py`),
and the forms below are the verbs and participles of war and disaster news. Nouns that name the
event a sentence is about ("the strike on Kryvyi Rih", "in the attack") are not deeds: only forms
that tell one happening are ("struck", "killing", "were wounded", "death toll").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_FORMS: dict[str, str] = {}
for kind, forms in {
    "kill": "kill kills killed killing died dead deaths fatalities lives-lost death-toll",
    "injure": "wounded wounding injured injuring injuries hurt",
    "strike": "struck striking",
    "launch": "launched launching fired",
    "intercept": "intercepted downed shot-down brought-down suppressed repelled",
    "damage": "damaged damaging ablaze caught-fire set-fire fire-broke-out blaze gutted",
    "capture": "captured capturing seized liberated took-control taken-control taken-the-village taken-the-town "
               "taken-the-settlement took-the-village took-the-town took-the-settlement",
    "power": "without-power blackout blackouts outages power-cuts",
    "evacuate": "evacuated evacuating evacuation",
    "rescue": "rescued pulled-out",
    "mourn": "mourning",
}.items():
    for form in forms.split():
        _FORMS[form.replace("-", " ")] = kind

# "destroyed" is left out: air defences destroy drones (an interception) as missiles destroy buildings; what is
# destroyed tells which (`_AIRBORNE_DESTROYED`)
# drones or missiles destroyed are brought down: "Air defence systems destroyed 17 Ukrainian drones over the Voronezh
# region overnight", "17 drones were destroyed over the region" (not "destroyed a drone factory", "a drone destroyed
# three houses")
_AIRBORNE = r"(?:drones?|UAVs?|unmanned\s+aerial\s+vehicles?|missiles?|rockets?|Shaheds?|Geran-?2?s?)"
_AIRBORNE_DESTROYED = re.compile(
    r"\bdestroy(?:ed|ing)\s+(?:(?:all|about|around|some|at\s+least|more\s+than|over|up\s+to|[\d,]+|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|a|an|the)\s+){0,3}"
    r"(?:(?!(?:in|by|at|on|during|after|from|with|when|as|while)\b)[\w-]+\s+){0,3}?" + _AIRBORNE
    + r"\b(?!\s+(?:factory|plant|depot|workshop|warehouse|launchers?|production|storage|systems?|sites?|bases?))"
    r"|\b" + _AIRBORNE + r"\s+(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:\w+\s+)?destroyed\b", re.I)
# what tells the things destroyed were in the air: air defence, or "over" a region or territory ("a fire destroyed
# about 300 delivery drones" at a warehouse, "the Thunder destroyed the Houston Rockets" are no interception)
_IN_THE_AIR = re.compile(r"\bair[- ]defen[cs]es?\b|\bintercept|\bover\s+(?:the\s+)?(?:[A-Z][\w'’-]+\s+)?"
                         r"(?:region|oblast|territory|sea|peninsula|province|krai|republic)\b|\bover\s+(?:the\s+)?[A-Z]",
                         re.I)

# the forms by their first word, longer forms first. Looked up word by word: one regular expression of all
# the forms, tried at every letter of every claim, was a twentieth of corroboration's time at 10k documents
_BY_FIRST_WORD: dict[str, list[str]] = {}
for _form in sorted(_FORMS, key=len, reverse=True):
    _BY_FIRST_WORD.setdefault(_form.split()[0], []).append(_form)
_WORD = re.compile(r"\w+")
# "hit" is a verb when what it hit follows ("hit a five-storey building", "hit the port", "hit Kharkiv");
# "hits were recorded at 14 locations" counts impacts, and "hit back at critics" hits no one
_HIT = re.compile(r"\b[Hh]it\s+(?:(?:a|an|the|two|three|several)\s+(?!(?:record|high|low|peak|snag|wall|nerve|road|"
                  r"jackpot|button|target)s?\b)|\d|[A-Z])")
# word forms in their other senses: "struck a deal", "struck down the bill", "launched an investigation",
# "fired back", "captured on video", "the economy was hurt by sanctions"
_OTHER_SENSE = re.compile(
    r"\b(?:struck|striking)\s+(?:a\s+|an\s+)?(?:deal|agreement|accord|balance|chord|tone|note|down|off)\b"
    r"|\blaunch(?:ed|ing)\s+(?:a|an|the|its|his|her|their)\s+(?:\w+\s+)?(?:investigation|inquiry|probe|campaign|"
    r"appeal|bid|review|initiative|website|app|product|phone|book|album|fund|programme|program|career)\b"
    r"|\bfired\s+(?:back|off|up|\d+\s+(?:employees|workers|staff))\b|\bcaptured\s+on\s+(?:video|camera|film|tape)\b"
    r"|\bhurt\s+by\b|\bdead\s+end\b|\bDead\s+Sea\b|\bmedia\s+blackout\b"
    # "the missile brought down two floors of the block" fells a building, it downs no drone
    r"|\bbrought\s+down\s+(?:\w+\s+){0,2}(?:floors?|storeys?|stories|roofs?|ceilings?|walls?|sections?|buildings?|part)\b", re.I)


# harm denied: "Nobody was hurt", "There were no casualties", "no one in the building had been injured", "released
# unharmed", "There were no immediate reports of casualties" tell that no one came to harm (`UNHARMED`), "No one
# was killed", "There were no deaths" that no one died (`NO_DEATHS`: seven may still be wounded); the harm word
# inside tells no deed. Not "No one else was hurt", "No one was seriously hurt" (others were), "No one knows who
# was killed" (what lies between is only a place: "in the building", "aboard the ship")
_PLACE_GAP = r"(?:(?:in|at|on|aboard|inside)\s+(?:the\s+|a\s+)?[\w-]+\s+)?"
_AUX = r"(?:was|were|has\s+been|had\s+been|have\s+been|is|got)\s+(?:reportedly\s+|immediately\s+)?"
_NOT_HURT = r"(?:hurt|injured|wounded|harmed)"
_NOT_KILLED = r"(?:killed|dead)"
_NONE_OF = r"\b(?:no(?:body|\s+one|-one)|none\s+of\s+(?:the\s+|its\s+|their\s+)?[\w-]+)\s+"
_NO_CASUALTIES = r"(?:casualties|injuries|victims|injured)"
_NO_FATALITIES = r"(?:deaths|fatalities|dead)"


def _harm_ruled_out(participles: str, nouns: str, more: str = "") -> re.Pattern:
    """"nobody was <participle>", "there were no <noun>", "no <noun> were reported", and `more`."""
    return re.compile(
        _NONE_OF + _PLACE_GAP + _AUX + participles + r"\b"
        + r"|\b(?:were|was|are|had\s+been|have\s+been|has\s+been)\s+no\s+(?:immediate\s+)?(?:reports?\s+of\s+)?"
        + nouns + r"\b"
        + r"|\bno\s+(?:immediate\s+)?(?:reports?\s+of\s+)?" + nouns + r"\s+(?:were|was|have\s+been|had\s+been|"
        r"has\s+been)\s+(?:immediately\s+|initially\s+)?(?:reported|recorded)\b" + more, re.I)


_NO_HARM = _harm_ruled_out(_NOT_HURT, _NO_CASUALTIES,
                           r"|\bwithout\s+(?:casualties|injuries)\b|\b(?:was|were|escaped|released|rescued|evacuated)"
                           r"\s+unharmed\b|\bthere\s+was\s+no\s+one\s+(?:hurt|injured)\b")
_NO_DEATHS = _harm_ruled_out(_NOT_KILLED, _NO_FATALITIES)
UNHARMED = "unharmed"
NO_DEATHS = "no_deaths"
_MAY_DENY_HARM = re.compile(r"\b(?:no|nobody|none|no-one|without|unharmed)\b", re.I)

# a participle after an article describes a thing, it tells no deed: "debris from a downed drone fell on
# the refinery, starting a fire" tells the fire
_ATTRIBUTIVE = re.compile(r"\b(?:a|an|the)\s+$", re.I)


def deeds(text: str) -> frozenset[str]:
    """The kinds of deed `text` tells.

    >>> sorted(deeds("Russia launched 476 drones at Ukraine, setting a power plant ablaze and killing three people"))
    ['damage', 'kill', 'launch']
    >>> sorted(deeds("Russia launched more than 470 drones and 41 missiles in the attack"))
    ['launch']
    >>> sorted(deeds("The death toll from the missile strike on Kryvyi Rih stands at nine"))
    ['kill']
    >>> sorted(deeds("Nobody was hurt, he said."))
    ['unharmed']
    """
    others = [m.span() for m in _OTHER_SENSE.finditer(text)]
    spared = survived = []
    if _MAY_DENY_HARM.search(text):  # the two expressions only where one of their words stands (a hot path)
        spared = [m.span() for m in _NO_HARM.finditer(text)]
        survived = [m.span() for m in _NO_DEATHS.finditer(text)]
    others += spared + survived
    found = {_FORMS[form] for start, form in _forms(text)
             if not (form.endswith("ed") and _after_article(text, start))
             and not any(s <= start < e for s, e in others)}
    if _HIT.search(text):
        found.add("strike")
    if "estroy" in text and _AIRBORNE_DESTROYED.search(text) and _IN_THE_AIR.search(text):
        found.add("intercept")
    if spared:
        found.add(UNHARMED)
    if survived:
        found.add(NO_DEATHS)
    return frozenset(found)


def _after_article(text: str, at: int) -> bool:
    """An article and only spaces before `at` (`_ATTRIBUTIVE`), read from the end of those spaces."""
    start = at
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return _ATTRIBUTIVE.search(text, max(0, start - 3), at) is not None


def _forms(text: str) -> Iterator[tuple[int, str]]:
    """(offset, form) of each deed form in `text`, whole words in any case, none inside another. Letters
    that only case-insensitive matching reads as i or s ("KİLLED", "ſtruck") make no form."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer ("İ"): the offsets must stay the text's
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    after = 0  # the end of the last form found: a word inside it starts none
    for m in _WORD.finditer(low):
        if m.start() < after:
            continue
        for form in _BY_FIRST_WORD.get(m.group(), ()):
            end = m.start() + len(form)
            if low.startswith(form, m.start()) and not (end < len(low) and (low[end].isalnum() or low[end] == "_")):
                yield m.start(), form
                after = end
                break


# kinds often told of one happening: a strike and the damage it did ("a missile hit a five-storey block" /
# "a strike that destroyed part of a five-storey block"), the weapons launched and what they struck
# ("launched 476 drones" / "struck Ukraine with 476 drones"), a strike and its dead or wounded ("three
# killed in a missile strike" / "a missile struck Kharkiv, claiming three lives"), people rescued and
# evacuated; every other two kinds are two facts (the dead and the wounded, a toll and a fire, drones
# launched and drones shot down, outages and a damaged plant)
_ONE_HAPPENING = {frozenset(pair) for pair in (("strike", "damage"), ("strike", "launch"), ("strike", "kill"),
                                               ("strike", "injure"), ("rescue", "evacuate"))}


def other_happenings(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both tell deeds, and no kind of the one is a kind of the other (or its `_ONE_HAPPENING` fellow):
    "Four people were killed in the Poltava region" and "A fire broke out at the power plant" tell two
    facts however alike their setting."""
    return bool(a and b) and not any(x == y or frozenset({x, y}) in _ONE_HAPPENING for x in a for y in b)
