"""Event types from what happened, and quantities never read off dates, day ranges or page
furniture; sentences in the manner of war reporting, both ways."""

from __future__ import annotations

from datetime import date

import pytest

from claimdesk.extraction import extract
from claimdesk.extraction.quantities import find_quantities
from claimdesk.models import Document


def first_claim(sentence: str):
    claims = extract(Document.from_text(sentence, source="test", published=date(2026, 2, 27)))
    assert claims, sentence
    return claims[0]


@pytest.mark.parametrize("sentence, event_type", [
    ("Overnight on February 6 to 7, Russia launched 71 missiles and 183 drones at Ukraine's energy facilities, "
     "the air force said.", "attack"),
    ("Russia launched 71 missiles at Ukraine's power plants overnight.", "attack"),
    ("Health officials reported 18 deaths from carbon monoxide poisoning after the blackout.", "casualty"),
    ("There were 18 deaths from carbon monoxide in Kharkiv this week.", "casualty"),
    ("Russia deployed 10,000 troops to the border with Belarus.", "deployment"),
    ("The Kremlin has denied these reports, calling them fake news.", "denial"),
    # a clause after the verb telling what has happened (my sentences, in the manner of war reports)
    ("Governor Oleksandr Hrytsenko said 38 people had been injured.", "casualty"),
    # a count's noun adds no distance to what is counted
    ("Governor Volodymyr Kobzar said the number of people killed in Kremenchuk has risen to 11.", "casualty"),
    ("A jury in Miami convicted Johnson on three counts of murder on Tuesday.", "other"),
    ("The governor said Russian drones struck a substation in the region overnight.", "attack"),
    # the saying is the news when what was said is what will or would be, or no event
    ("Spokesman Matthew Miller suggested that the soldiers would be legitimate targets.", "statement"),
    ("The defence minister said the army would strike back at any attack on the port.", "statement"),
    ("The mayor said the city had a long history of welcoming refugees.", "statement"),
    ("South Korea's defence ministry said it was closely monitoring the deployment of North Korean troops.", "statement"),
    ("The US State Department expressed concerns about the reports on Tuesday.", "statement"),
    ("The company launched a new phone in Kyiv on Monday.", "other"),
])
def test_event_type_from_what_happened(sentence, event_type):
    assert first_claim(sentence).event_type == event_type


@pytest.mark.parametrize("sentence, event_type", [
    ("The overnight strike denied about 30,000 homes in Odesa power, the regional governor said.", "attack"),
    ("Russian attacks on the grid have denied civilians heat and water for a week.", "attack"),
    ("The shelling denied residents of Nikopol running water on Tuesday.", "attack"),
])
def test_a_denial_verb_whose_subject_cannot_speak_takes_something_away_and_denies_nothing(sentence, event_type):
    claim = first_claim(sentence)
    assert (claim.event_type, claim.polarity) == (event_type, "asserted")


@pytest.mark.parametrize("sentence", [
    "The Kremlin denied reports that its forces struck the maternity hospital.",
    "Ukraine's military denied that its troops had withdrawn from the town of Toretsk.",
    "Officials in Kyiv denied the claim on Wednesday.",
])
def test_a_party_denying_a_report_stays_a_denial(sentence):
    claim = first_claim(sentence)
    assert (claim.event_type, claim.polarity) == ("denial", "denied")


@pytest.mark.parametrize("text, values", [
    ("Overnight on February 6 to 7, Russia launched 71 missiles.", [71]),
    ("On Feb. 6-7 the city lost power for 12 hours.", [12]),
    ("Between 5 and 10 March, 40 drones were shot down.", [40]),
    ("Published: 14:05, 3 min read. Shelling hit 12 houses.", [12]),
    ("Photo 3 of 12: rescuers carry out 2 survivors.", [2]),
    ("The strike wounded 7 people on February 6.", [7]),
    ("Between 5 and 10 soldiers deserted.", [5]),
])
def test_quantities_are_never_dates_ranges_of_days_or_furniture(text, values):
    assert [q.value for q in find_quantities(text)] == values
