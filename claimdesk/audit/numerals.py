"""Numbers as news writes them: "18", "10,000", "1.5", "two", "twenty-one", "a dozen"."""

from __future__ import annotations

import re
from typing import Optional

_UNITS = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "a dozen": 12, "dozen": 12, "a couple of": 2, "a couple": 2, "half a": 0.5, "a half": 0.5,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

WORD_NUMBER = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|a dozen|dozen|a hundred|a thousand)"
    r"(?:[- ](?:hundred|thousand|million))?"
)
DIGIT_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUMBER = rf"(?:{DIGIT_NUMBER}|{WORD_NUMBER})"


def value_of(text: str) -> Optional[float]:
    """The value of a number written in digits or words, None if it is not one."""
    t = text.strip().lower().replace(",", "")
    try:
        return float(t)
    except ValueError:
        pass
    if t in _UNITS:
        return float(_UNITS[t])
    parts = re.split(r"[- ]+", t)
    total = 0.0
    for part in parts:
        if part in ("a", "an", "and"):
            total = total or 1.0 if part != "and" else total
            continue
        if part in _UNITS:
            total += _UNITS[part]
        elif part in _TENS:
            total += _TENS[part]
        elif part in _SCALES:
            total = (total or 1.0) * _SCALES[part]
        elif part == "dozen":
            total = (total or 1.0) * 12
        else:
            return None
    return total
