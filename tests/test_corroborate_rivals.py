"""Rival figures (claimdesk/corroborate/rivals.py): two stories giving different figures of one count
in one town on one day are both shown contested, with both figures; a look-alike in another town, on
another day, from the same outlet, or named only by a dateline or a bearing is no rival.

Sentences are our own writing after the war sets' pattern (a wire lead telling several facts, a city's
own report of its dead), each run through the real extractor and the real corroboration engine."""

from __future__ import annotations

from datetime import date

from claimdesk.corroborate import corroborate
from claimdesk.corroborate.rivals import _towns, rivalries
from claimdesk.extraction import extract
from claimdesk.models import Claim, Document
from claimdesk.store import Store
from claimdesk.store.stories import iter_stories

DAY = date(2026, 3, 3)  # a Tuesday
WIRE = ("SUMY, March 3 (Harbor Wire) - A Russian drone and missile attack overnight hit a heating plant in "
        "the northern city of Sumy, killing three people, wounding 14 and cutting power to 20,000 homes, "
        "the regional governor said.")
CITY = "The death toll from the overnight Russian attack on Sumy has risen to five, the city council said on Tuesday."
ELSEWHERE = "The death toll from the overnight Russian attack on Poltava has risen to five, the city council said on Tuesday."
LATER = "The death toll from Sunday's Russian attack on Sumy has risen to five, the city council said."
LIVE = "The number of people killed in Sumy has risen to five, the city council has just said."


def _claims(text: str, outlet: str, published: date = DAY) -> tuple[Document, list[Claim]]:
    doc = Document.from_text(text, source=f"{outlet}/{abs(hash(text))}.txt", outlet=outlet, published=published)
    return doc, extract(doc)


def _corroborated(sqlite_url: str, pages: list[tuple[str, str]]) -> list:
    store = Store(sqlite_url)
    for text, outlet in pages:
        doc, claims = _claims(text, outlet)
        store.add_document(doc, claims=claims)
    corroborate(store)
    return list(iter_stories(store))


def test_a_wire_leads_toll_and_a_citys_own_toll_contest_each_other(sqlite_url):
    stories = _corroborated(sqlite_url, [(WIRE, "Harbor Wire"), (CITY, "Sumy Today")])
    contested = [s for s in stories if s.status == "contested"]
    assert contested, [(s.status, s.text[:60]) for s in stories]
    figures = {c.detail for s in contested for c in s.contradictions if c.kind == "number"}
    assert figures & {"three vs five", "five vs three"}
    # each contested story names both figures' spans, wherever the other one sits
    for s in contested:
        [c] = [c for c in s.contradictions if c.kind == "number"]
        assert len(c.mentions) == 2 and all(c.spans)


def test_a_live_blogs_undated_toll_rivals_the_days_toll(sqlite_url):
    stories = _corroborated(sqlite_url, [(WIRE, "Harbor Wire"), (LIVE, "Sumy Today")])
    assert any(s.status == "contested" for s in stories)


def test_no_rival_in_another_town_on_another_day_or_of_one_outlet(sqlite_url, tmp_path):
    for n, pages in enumerate([[(WIRE, "Harbor Wire"), (ELSEWHERE, "Poltava Today")],
                               [(WIRE, "Harbor Wire"), (LATER, "Sumy Today")],
                               [(WIRE, "Harbor Wire"), (CITY, "Harbor Wire")]]):
        stories = _corroborated(f"sqlite:///{tmp_path / f'{n}.sqlite'}", pages)
        assert not any(s.status == "contested" for s in stories), (n, [(s.status, s.text[:60]) for s in stories])


def test_a_dateline_or_a_bearing_places_no_event():
    _, [wire] = _claims(WIRE.replace("SUMY, March 3", "KYIV, March 3"), "Harbor Wire")
    assert _towns(wire) == {"sumy"}
    _, [bearing] = _claims("In Okhtyrka, west of Sumy, a drone hit a school overnight, wounding two people.", "x")
    assert _towns(bearing) == {"okhtyrka"}
    _, [kyiv] = _claims("In Kyiv, the death toll from the overnight attack rose to five, the mayor said on Tuesday.", "y")
    assert rivalries({"wire": [wire], "kyiv": [kyiv]}, {wire.document_id: DAY, kyiv.document_id: DAY}.get, _outlet) == []
    # another event compared names its town, not this one's
    _, [contrast] = _claims("One person died, in stark contrast with Tuesday's attack on Sumy.", "z")
    assert _towns(contrast) == set()


def _outlet(claim: Claim) -> str:
    return claim.document_id[:8]


def test_rivalries_name_both_figures_and_only_across_sources():
    wire_doc, [wire] = _claims(WIRE, "Harbor Wire")
    city_doc, [city] = _claims(CITY, "Sumy Today")
    published = {wire_doc.id: DAY, city_doc.id: DAY}.get
    [found] = rivalries({"a": [wire], "b": [city]}, published, _outlet)
    assert found.stories == ("a", "b") and found.contradiction.mentions == [wire.id, city.id]
    assert found.contradiction.detail == "three vs five"
    assert rivalries({"a": [wire], "b": [city]}, published, lambda c: "one outlet") == []
    # a figure of another time is history, not the day's toll
    _, [history] = _claims("The 2003 attack on Sumy killed five people.", "Sumy Today")
    assert rivalries({"a": [wire], "b": [history]}, {wire_doc.id: DAY, history.document_id: DAY}.get, _outlet) == []


def test_one_speakers_successive_tolls_are_updates_not_rivals():
    # written after war set J: a governor's toll rising through the day, carried by two outlets
    morning_doc, [morning] = _claims("The death toll in Sumy has risen to four, governor Ivan Kravets says.", "Sumy Today")
    evening_doc, [evening] = _claims("In Sumy, governor Ivan Kravets said on Tuesday evening that five people had been "
                                     "killed.", "Harbor Wire")
    mayor_doc, [mayor] = _claims("Seven people died in the attack on Sumy, the city council said on Tuesday evening.",
                                 "Steppe Wire")
    published = {d.id: DAY for d in (morning_doc, evening_doc, mayor_doc)}.get
    assert rivalries({"a": [morning], "b": [evening]}, published, _outlet) == []
    [found] = rivalries({"b": [evening], "c": [mayor]}, published, _outlet)
    assert found.contradiction.detail in ("five vs Seven", "Seven vs five")


def test_a_regions_count_rivals_a_regions_count_only():
    ministry_doc, [ministry] = _claims("The energy ministry said on Tuesday that 160,000 households in Odesa region had "
                                       "lost power after strikes.", "Kyiv Ledger")
    governor_doc, [governor] = _claims("The governor said on Tuesday that 210,000 households in Odesa region were "
                                       "without electricity after strikes.", "Harbor Wire")
    city_doc, [city] = _claims("The mayor said on Tuesday that 40,000 households in Odesa were without electricity.",
                               "Steppe Wire")
    published = {d.id: DAY for d in (ministry_doc, governor_doc, city_doc)}.get
    assert _towns(ministry) == {"region:odesa"} and _towns(city) == {"odesa"}
    [found] = rivalries({"a": [ministry], "b": [governor]}, published, _outlet)
    assert found.contradiction.quantity.startswith("household outage")
    assert rivalries({"a": [ministry], "c": [city]}, published, _outlet) == []


def test_look_alike_tolls_that_are_no_rivals():
    # a review of session 28: a fire's toll and a strike's in one city, two ministries, a figure of history;
    # "more than" still places the toll
    wire_doc, [wire] = _claims(WIRE, "Harbor Wire")
    fire_doc, [fire] = _claims("The death toll from a fire at a nursing home in Sumy rose to 11 on Tuesday.", "Sumy Today")
    history_doc, [history] = _claims("The attack on Sumy on Tuesday was the deadliest since a strike on a market in "
                                     "the city killed 19 people.", "Steppe Wire")
    more_doc, [more] = _claims("More than 20 people were killed in Sumy on Tuesday, the governor said.", "Kyiv Ledger")
    published = {d.id: DAY for d in (wire_doc, fire_doc, history_doc, more_doc)}.get
    assert rivalries({"a": [wire], "b": [fire]}, published, _outlet) == []
    assert rivalries({"a": [wire], "b": [history]}, published, _outlet) == []
    assert _towns(more) == {"sumy"}
    ministry_doc, [ministry] = _claims("Three people were killed in Sumy on Tuesday, Ukraine's interior ministry said.",
                                       "Kyiv Ledger")
    defence_doc, [defence] = _claims("One person was killed in Sumy on Tuesday, Russia's defence ministry said.",
                                     "Steppe Wire")
    published = {ministry_doc.id: DAY, defence_doc.id: DAY}.get
    assert len(rivalries({"a": [ministry], "b": [defence]}, published, _outlet)) == 1


def test_a_story_already_contested_still_gains_the_rivals_contradiction():
    from claimdesk.corroborate.rivals import contest
    from claimdesk.models import Story

    wire_doc, [wire] = _claims(WIRE, "Harbor Wire")
    city_doc, [city] = _claims(CITY, "Sumy Today")
    [found] = rivalries({"a": [wire], "b": [city]}, {wire_doc.id: DAY, city_doc.id: DAY}.get, _outlet)
    stories = {"a": Story(id="a", text=wire.text, event_type="attack", status="contested", independent_sources=2),
               "b": Story(id="b", text=city.text, event_type="casualty", status="single_source", independent_sources=1)}
    assert contest(stories, [found]) == ["a", "b"]  # "a" was contested already: it changed by its contradiction
    assert all(s.status == "contested" and s.contradictions == [found.contradiction] for s in stories.values())
    assert contest(stories, [found]) == []  # nothing new the second time
