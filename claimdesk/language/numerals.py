"""Numbers as news writes them: "18", "10,000", "1.5", "two", "twenty-one", "a dozen", "3 million".

The word tables are shared by the audit (`audit.numbers`, `audit.durations`), the date grammar
(`language.dates`: days and years in words) and the quantity finder (`extract.quantities`).
"""

from __future__ import annotations

import re
from typing import Optional

UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
# zero to nineteen: the words a number in words can end with before a scale
BELOW_TWENTY = {"zero": 0, **UNITS, **TEENS}

# whole phrases that are a number on their own
_PHRASES = {**BELOW_TWENTY, "a": 1, "an": 1, "a dozen": 12, "dozen": 12, "a couple of": 2, "a couple": 2,
            "half a": 0.5, "a half": 0.5}

WORD_NUMBER = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|a dozen|dozen|a hundred|a thousand)"
    r"(?:[- ](?:hundred|thousand|million))?"
)
DIGIT_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUMBER = rf"(?:{DIGIT_NUMBER}|{WORD_NUMBER})"


def word_value(words: str) -> Optional[float]:
    """The value of a number written in words ("two hundred and fifty thousand", "a dozen"), None
    if a word is not a number word.

    >>> word_value("two hundred and fifty thousand"), word_value("a dozen"), word_value("many")
    (250000.0, 12.0, None)
    >>> word_value("two dozen"), word_value("half a dozen"), word_value("half")
    (24.0, 6.0, None)
    """
    total = current = 0.0
    seen = False
    factor = 1.0
    for w in re.split(r"[\s-]+", words.lower()):
        if w in ("and",):
            continue
        if w == "half" and not seen:
            factor = 0.5  # "half a dozen", "half a million"
            continue
        if w in ("a", "an"):
            current, seen = 1.0, True
        elif w == "dozen":
            current, seen = (current or 1) * 12, True
        elif w in BELOW_TWENTY:
            current, seen = current + BELOW_TWENTY[w], True
        elif w in TENS:
            current, seen = current + TENS[w], True
        elif w == "hundred":
            current, seen = (current or 1) * 100, True
        elif w in SCALES:
            total, current, seen = total + (current or 1) * SCALES[w], 0.0, True
        else:
            return None
    return (total + current) * factor if seen else None


def value_of(text: str) -> Optional[float]:
    """The value of a number written in digits or words, None if it is not one.

    >>> value_of("10,000"), value_of("twenty-one"), value_of("a couple of"), value_of("half a")
    (10000.0, 21.0, 2.0, 0.5)
    """
    t = text.strip().lower().replace(",", "")
    try:
        return float(t)
    except ValueError:
        pass
    if t in _PHRASES:
        return float(_PHRASES[t])
    return word_value(t)
