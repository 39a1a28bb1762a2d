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

_FORMS: dict[str, str] = {}
for kind, forms in {
    "kill": "kill kills killed killing died dead deaths fatalities lives-lost death-toll",
    "injure": "wounded wounding injured injuring injuries hurt",
    "strike": "struck striking",
    "launch": "launched launching fired",
    "intercept": "intercepted downed shot-down suppressed repelled",
    "damage": "damaged damaging ablaze knocked-out caught-fire set-fire fire-broke-out blaze gutted",
    "capture": "captured capturing seized liberated took-control",
    "power": "without-power blackout blackouts outages power-cuts",
    "evacuate": "evacuated evacuating evacuation",
    "rescue": "rescued pulled-out",
    "mourn": "mourning",
}.items():
    for form in forms.split():
        _FORMS[form.replace("-", " ")] = kind

# "destroyed" is left out: air defences destroy drones (an interception) as missiles destroy buildings

# longer forms first, so "death toll" is read before "death" would be (it is not a form by itself)
_DEED = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _FORMS), key=len, reverse=True)) + r")\b", re.I)
# "hit" is a verb when what it hit follows ("hit a five-storey building", "hit the port"); "hits were
# recorded at 14 locations" counts impacts, no deed of its own
_HIT = re.compile(r"\bhit\s+(?:a|an|the|two|three|several|\d+|[A-Z])", re.I)


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
    """
    found = {_FORMS[m.group(1).lower()] for m in _DEED.finditer(text)
             if not (m.group(1).lower().endswith("ed") and _ATTRIBUTIVE.search(text, 0, m.start()))}
    if _HIT.search(text):
        found.add("strike")
    return frozenset(found)


# a strike and the damage it did are often one fact told two ways ("a missile hit a five-storey block" /
# "a strike that destroyed part of a five-storey block"); every other two kinds are two facts
_ONE_HAPPENING = {frozenset({"strike", "damage"})}


def other_happenings(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both tell deeds, and no kind of the one is a kind of the other (or its `_ONE_HAPPENING` fellow):
    "Four people were killed in the Poltava region" and "A fire broke out at the power plant" tell two
    facts however alike their setting."""
    return bool(a and b) and not any(x == y or frozenset({x, y}) in _ONE_HAPPENING for x in a for y in b)


def several_facts(text: str) -> bool:
    """The text tells deeds of two kinds or more: a sentence stating several facts."""
    return len(deeds(text)) >= 2
