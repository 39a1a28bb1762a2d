"""Clock times in running text (claimdesk/language/clock.py), on sentences of our own writing after the war sets."""

from __future__ import annotations

import pytest

from claimdesk.language.clock import clock_times


@pytest.mark.parametrize("text, expected", [
    ("Rzeszów airport reopened at 8 a.m. local time.", [("8 a.m.", 480, False)]),
    ("The strike happened around 3:40 a.m., he said.", [("3:40 a.m.", 220, False)]),
    ("Traffic resumed at 09:40 Moscow time.", [("09:40", 580, False)]),
    ("The mayor spoke at 5 pm on Tuesday.", [("5 pm", 1020, False)]),
    ("The attack began at 12:15 a.m.", [("12:15 a.m.", 15, False)]),
    # a conversion in brackets is no second time; a bound tells when a state held
    ("The attack began shortly after 2 a.m. local time (2300 GMT).", [("2 a.m.", 120, False)]),
    ("Bombs hit the market at about 9:40 a.m. (0640 GMT).", [("9:40 a.m.", 580, False)]),
    ("Cars were not allowed back onto the bridge until 10:15.", [("10:15", 615, True)]),
    ("As of 19:30, 14 people have been killed.", [("19:30", 1170, True)]),
    ("By 9 a.m. the figure had fallen to about 410,000.", [("9 a.m.", 540, True)]),
    # no clock: an hour alone, a score, a decimal, a count
    ("The shelling lasted until 11 and killed 11 people.", []),
    ("The score was 3:2 at halftime.", []),
    ("A 3.5 magnitude quake hit at night.", []),
    ("Police said 24 officers were injured.", []),
    ("The shelling went on from 1-3 a.m.", []),
    # a review's cases: a zone is kept, a final dot may be missing
    ("Polls opened at 04:00 GMT.", [("04:00", 240, False)]),
    ("The siren sounded at 8 a.m today.", [("8 a.m", 480, False)]),
])
def test_clock_times(text, expected):
    assert [(t.text, t.minutes, t.bound) for t in clock_times(text)] == expected
