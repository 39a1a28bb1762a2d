"""Rival figures (claimdesk/corroborate/rivals.py): two stories giving different figures of one count
in one town on one day are both shown contested, with both figures; a look-alike in another town, on
another day, from the same outlet, or named only by a dateline or a bearing is no rival.

Sentences are our own writing after the war sets' pattern (a wire lead telling several facts, a city's
own report of its dead), each run through the real extractor and the real corroboration engine."""

from __future__ import annotations

from datetime import date

import pytest

from claimdesk.corroborate import corroborate
from claimdesk.corroborate import rivals
from claimdesk.corroborate.rivals import _towns, harmed_staff, rivalries
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
    # an earlier strike's toll told as background (written after war set V's first look, tuning)
    kyiv_day = date(2028, 5, 16)
    city_doc, [city] = _claims("One person was killed in Kyiv on Tuesday, the city's military administration said.",
                               "Kyiv Ledger", kyiv_day)
    earlier_doc, [earlier] = _claims("The May 16 strike followed a May 3 combined strike against Kyiv City that killed "
                                     "four civilians and injured 30.", "Steppe Institute", kyiv_day)
    assert rivalries({"a": [city], "b": [earlier]}, {city_doc.id: kyiv_day, earlier_doc.id: kyiv_day}.get, _outlet) == []
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


# written after war set K: a city's toll told by "the city administration" on a page of one town, and a
# live blog giving a mayor's and a governor's tolls side by side
CITY_PAGE = ("The number of people killed in the overnight missile strike on a building in the Saltivskyi district has "
             "risen to 11, the city administration said on Tuesday.\nOn Monday, a drone damaged a school in Kharkiv, "
             "the mayor said.")
GOVERNOR = "In Kharkiv, the death toll from the overnight missile strike climbed to nine on Tuesday, the governor said."


def test_a_toll_told_without_a_town_rivals_by_the_town_its_page_sets_it_in(sqlite_url):
    city_doc, city_claims = _claims(CITY_PAGE, "Kharkiv Today")
    [city] = [c for c in city_claims if c.text.startswith("The number")]
    governor_doc, [governor] = _claims(GOVERNOR, "Harbor Wire")
    assert _towns(city) == set() and [p.name for p in city.setting] == ["Kharkiv"]
    published = {city_doc.id: DAY, governor_doc.id: DAY}.get
    [found] = rivalries({"a": [city], "b": [governor]}, published, _outlet)
    assert found.contradiction.detail == "11 vs nine"
    # without the page's town the toll places nothing: no rival
    city.setting = []
    assert rivalries({"a": [city], "b": [governor]}, published, _outlet) == []
    stories = _corroborated(sqlite_url, [(CITY_PAGE, "Kharkiv Today"), (GOVERNOR, "Harbor Wire")])
    assert any(s.status == "contested" for s in stories), [(s.status, s.text[:60]) for s in stories]


def test_one_page_giving_two_named_speakers_tolls_shows_them_at_odds():
    page = ("Kharkiv Mayor Andriy Korniyenko said 11 people had been killed in the strike on Tuesday. Those figures are "
            "higher than the ones given by the regional governor, whose office is still reporting nine dead.")
    doc, claims = _claims(page, "Meridian Live")
    mayor = next(c for c in claims if c.text.startswith("Kharkiv Mayor"))
    governor = next(c for c in claims if "nine dead" in c.text)
    [found] = rivalries({"a": [mayor], "b": [governor]}, {doc.id: DAY}.get, _outlet)
    assert {x.strip() for x in found.contradiction.detail.split("vs")} == {"11", "nine"}


def test_two_speakers_figures_told_side_by_side_without_a_word_of_difference_are_no_rivals():
    # a review of session 30: an official's update by his office, a toll's breakdown
    for page in ("Governor Oleh Syniehubov said seven people had been killed in Kharkiv on Tuesday. By evening, the "
                 "governor's office said nine people had been killed in Kharkiv.",
                 "Police Chief Sarah Jones said four people were killed in the shooting in Austin on Tuesday. Hospital "
                 "spokesman Tom Lee said two people were killed at the scene in Austin."):
        doc, claims = _claims(page, "Meridian Live")
        counting = [c for c in claims if c.quantities]
        assert len(counting) >= 2
        assert rivalries({str(i): [c] for i, c in enumerate(counting)}, {doc.id: DAY}.get, _outlet) == [], page


def test_one_pages_own_figures_or_one_speakers_updates_are_no_rivals():
    updates = ("Governor Oleh Syniehubov said seven people had been killed in Kharkiv on Tuesday morning. By evening, "
               "Governor Oleh Syniehubov said nine people had been killed in Kharkiv.")
    doc, claims = _claims(updates, "Meridian Live")
    assert len(claims) == 2
    assert rivalries({"a": [claims[0]], "b": [claims[1]]}, {doc.id: DAY}.get, _outlet) == []
    unnamed = ("Seven people were killed in Kharkiv on Tuesday. Nine people were killed in Kharkiv on Tuesday, the "
               "regional governor Oleh Syniehubov said.")
    doc, claims = _claims(unnamed, "Meridian Live")
    assert len(claims) == 2
    assert rivalries({"a": [claims[0]], "b": [claims[1]]}, {doc.id: DAY}.get, _outlet) == []


def test_a_figure_set_in_a_town_by_its_page_rivals_only_as_a_toll():
    # a page's town stands in for a count of the harmed or of homes without power, not for any figure: a tram
    # crash's "two people still trapped" is no rival of "trapping five" (news_cluster's Croydon pages)
    wire_doc, [wire] = _claims("A tram overturned in Croydon on Tuesday, trapping five people and injuring 40, "
                               "police said.", "Harbor Wire")
    trapped_doc, trapped_claims = _claims("Rescuers are working to free two people still trapped, the fire brigade "
                                          "said on Tuesday.\nThe tram overturned in Croydon.", "Steppe Wire")
    injured_doc, injured_claims = _claims("Fifty-one people were injured, the ambulance service said on Tuesday.\n"
                                          "The tram overturned in Croydon.", "Kyiv Ledger")
    trapped, injured = trapped_claims[0], injured_claims[0]
    assert [p.name for p in trapped.setting] == [p.name for p in injured.setting] == ["Croydon"]
    published = {d.id: DAY for d in (wire_doc, trapped_doc, injured_doc)}.get
    assert rivalries({"a": [wire], "b": [trapped]}, published, _outlet) == []
    [found] = rivalries({"a": [wire], "c": [injured]}, published, _outlet)
    assert found.contradiction.detail in ("40 vs Fifty-one", "Fifty-one vs 40")


@pytest.mark.parametrize("text, expected", [
    ("Ukraine received the bodies of 212 fallen soldiers from Russia on Tuesday.", [("212", "bodies", "UA")]),
    ("Russia handed over the bodies of 218 Ukrainian servicemen, negotiator Viktor Zorin said.",
     [("218", "bodies", "UA")]),
    ("Russia handed over 1,000 bodies of Ukrainian servicemen to Kyiv and received the bodies of 34 Russian "
     "soldiers, commissioner Yelena Garbuzova said.", [("1,000", "bodies", "UA"), ("34", "bodies", "RU")]),
    ("Russia received the bodies of 31 of its soldiers, a lawmaker said.", [("31", "bodies", "RU")]),
    ("Ukraine brought home 205 servicemen on Thursday in a prisoner exchange with Russia.", [("205", "soldiers", "UA")]),
    ("Officials said 215 Ukrainian soldiers had been freed in a swap brokered by the Emirates.",
     [("215", "soldiers", "UA")]),
    ("Ukraine got back 84 prisoners of war and the bodies of 909 soldiers on Friday.",
     [("84", "soldiers", "UA"), ("909", "bodies", "UA")]),
    ("Six Ukrainian civilians were also freed in the exchange.", [("Six", "civilians", "UA")]),
    # written after set L (tuning, after its first look): a demonym counted, an army named after the counted
    ("Ukraine's Coordination Headquarters for the Treatment of Prisoners of War says 84 Ukrainians have come home "
     "in today's exchange.", [("84", "people", "UA")]),
    ("In return, 90 prisoners of war of the Ukrainian Armed Forces were handed over, the ministry said.",
     [("90", "soldiers", "UA")]),
    # written after war set M (tuning, after its first look): a side's own citizens, a nationality before
    # "prisoners" (everyone it got back, not only prisoners of war)
    ("Ukraine says 95 of its citizens have come home in a prisoner exchange mediated by the United Arab Emirates.",
     [("95", "people", "UA")]),
    ("Russia's defence ministry gives a different figure, saying 90 Ukrainian prisoners were handed over in exchange "
     "for 90 Russian soldiers.", [("90", "people", "UA"), ("90", "soldiers", "RU")]),
    ("The mayor says 40 of its residents have come home in the prisoner exchange.", []),  # a mayor is no side
    # written after war set N's first look: the army named by its country after it
    ("In exchange, 110 prisoners of war of the Armed Forces of Ukraine were handed over.", [("110", "soldiers", "UA")]),
    ("The team came home with 3 medals after the exchange programme.", []),
    # "according to Moscow" names who said it, not who got them back
    ("Russia handed over the bodies of 1,000 Ukrainian soldiers, according to Moscow.", [("1,000", "bodies", "UA")]),
    # a review of session 30: no exchange in these
    ("Ukrainian forces returned fire, killing 12 Russian soldiers near the village.", []),
    ("Two Indian soldiers were killed in an exchange of fire on the border.", []),
    ("The Russian military released a video showing 12 Ukrainian soldiers surrendering.", []),
    ("Norway handed over six F-16 fighters to Ukraine.", []),
    ("Poland received 40,000 people fleeing the war.", []),
    ("Brazil brought back three defenders for Tuesday's match.", []),
    # a war's tally, no side named, no handover
    ("In total, 4,552 Ukrainians have been freed from Russian captivity since 2022.", []),
    ("Moscow said it had handed over 1,000 bodies.", []),
    ("Three people were killed when a drone hit a bus in Kherson.", []),
])
def test_an_exchanges_figures_are_read_by_the_side_that_got_them_back(text, expected):
    from claimdesk.corroborate.transfers import handovers

    _, [claim] = _claims(text, "Harbor Wire")
    assert [(h.quantity.text, h.what, h.side) for h in handovers(claim)] == expected


def test_one_sides_handover_told_two_ways_is_disputed_and_the_other_sides_is_not():
    # written after war sets I and J: an exchange's bodies counted by each side in its own words
    received_doc, [received] = _claims("Ukraine received the bodies of 212 fallen soldiers from Russia on Tuesday, "
                                       "the Coordination Headquarters said.", "Kyiv Ledger")
    handed_doc, [handed] = _claims("Russia handed over the bodies of 218 Ukrainian servicemen on Tuesday, Russian "
                                   "negotiator Viktor Zorin said.", "Steppe Wire")
    own_doc, [own] = _claims("Russia received the bodies of 34 of its soldiers on Tuesday, a Russian lawmaker said.",
                             "Harbor Wire")
    same_doc, [same] = _claims("On Tuesday Ukraine got back the bodies of 212 soldiers, Kyiv said.", "Harbor Wire")
    living_doc, [living] = _claims("Ukraine brought home 250 servicemen on Tuesday, the Coordination Headquarters "
                                   "said.", "Harbor Wire")
    published = {d.id: DAY for d in (received_doc, handed_doc, own_doc, same_doc, living_doc)}.get
    [found] = rivalries({"a": [received], "b": [handed]}, published, _outlet)
    assert found.contradiction.detail == "212 vs 218" and "bodies handed over to UA" in found.contradiction.quantity
    for other in (own, same, living):  # the other side's bodies, the same figure, the living
        assert rivalries({"a": [received], "b": [other]}, published, _outlet) == [], other.text


def test_everyone_a_side_got_back_is_no_rival_of_the_soldiers_among_them():
    # written after war set H: a total with its civilians and the other side's count of prisoners of war agree
    total_doc, [total] = _claims("Ukraine brought home 157 prisoners, including seven civilians, in a swap with Russia "
                                 "on Tuesday.", "Kyiv Ledger")
    soldiers_doc, [soldiers] = _claims("In return, 150 prisoners of war of the Ukrainian armed forces were handed over "
                                       "on Tuesday, the ministry said.", "Steppe Wire")
    other_doc, [other] = _claims("Ukraine brought home 160 prisoners, including seven civilians, in a swap with Russia "
                                 "on Tuesday.", "Harbor Wire")
    published = {d.id: DAY for d in (total_doc, soldiers_doc, other_doc)}.get
    assert rivalries({"a": [total], "b": [soldiers]}, published, _outlet) == []
    [found] = rivalries({"a": [total], "c": [other]}, published, _outlet)
    assert found.contradiction.detail == "157 vs 160"


def test_a_page_saying_one_office_still_gives_its_figure_sets_the_two_at_odds():
    # written after war set M (tuning): "still says" is a page's word for two figures at odds
    page = ("Six residents died in Chuhuiv, the Chuhuiv City Military Administration said on Tuesday. The regional "
            "military administration still says four people were killed in Chuhuiv.")
    doc, claims = _claims(page, "Meridian Live")
    city = next(c for c in claims if c.text.startswith("Six residents"))
    region = next(c for c in claims if "still says" in c.text)
    [found] = rivalries({"a": [city], "b": [region]}, {doc.id: DAY}.get, _outlet)
    assert {x.strip() for x in found.contradiction.detail.split("vs")} == {"Six", "four"}
    # told side by side by two offices of one level (session 42: a city's office and a region's are at odds
    # whatever words set them apart, `test_a_live_pages_mayor_and_governor_are_two_offices_at_odds`)
    side_by_side = ("Six residents died in Chuhuiv, the regional police said on Tuesday. The regional military "
                    "administration said four people were killed in Chuhuiv.")
    doc, claims = _claims(side_by_side, "Meridian Live")
    assert rivalries({str(i): [c] for i, c in enumerate(claims)}, {doc.id: DAY}.get, _outlet) == []


def test_a_story_led_by_another_harm_keeps_its_verdict_when_a_member_gives_the_disputed_dead():
    from claimdesk.corroborate.rivals import Rivalry, contest
    from claimdesk.models import Contradiction, Story

    _, [wounded] = _claims("Eleven people were injured in the strike on Chuhuiv on Tuesday.", "Kyiv Ledger")
    _, [children] = _claims("Three children were killed in the strike on Chuhuiv on Tuesday.", "Kyiv Ledger")
    _, [regional] = _claims("The regional figure remains four dead and 11 injured in Chuhuiv.", "Steppe Wire")
    _, [city] = _claims("Six people were killed in the strike on Chuhuiv on Tuesday, the city said.", "Harbor Wire")
    disputed = Contradiction(kind="number", detail="four vs Six", quantity="people kill", mentions=[regional.id, city.id],
                             spans=[None, None])
    found = [Rivalry(("a", "b"), disputed, frozenset({("people", "kill")}))]

    def stories() -> dict[str, Story]:
        return {sid: Story(id=sid, text="", status="corroborated", mentions=[]) for sid in ("a", "b")}

    ledger = stories()
    assert contest(ledger, found, {"a": wounded, "b": city}) == ["b"]  # the wounded's story keeps its verdict
    assert ledger["a"].status == "corroborated" and ledger["b"].status == "contested"
    ledger = stories()
    assert contest(ledger, found, {"a": children, "b": city}) == ["a", "b"]  # dead children are the dead


def test_crew_members_hurt_in_a_town_its_pages_set_rival_like_people():
    # written after war set O (tuning): a governor's two injured crew members and a port official's three, each
    # told with no town in its sentence on a page of one port
    governor_page = ("A bulk carrier loading grain was hit in the Danube port of Izmail overnight, the Odesa regional "
                     "governor said.\nTwo crew members were injured, the governor said.")
    port_page = ("A bulk carrier was hit at Izmail's commercial sea port early on Tuesday.\n"
                 "\"Three crew members were injured, one of them seriously,\" port official Larysa Bondarenko said.")
    governor_doc, governor_claims = _claims(governor_page, "Harbor Wire")
    port_doc, port_claims = _claims(port_page, "Izmail Herald")
    [two] = [c for c in governor_claims if c.text.startswith("Two crew")]
    [three] = [c for c in port_claims if "Three crew" in c.text]
    published = {governor_doc.id: DAY, port_doc.id: DAY}.get
    [found] = rivalries({"a": [two], "b": [three]}, published, _outlet)
    assert sorted(found.contradiction.detail.lower().split(" vs ")) == ["three", "two"]


FIRE_AREA = ("A fire at an oil depot in Novorossiysk covered an area of 3,000 square metres after a drone strike, "
             "the regional emergency service said on Tuesday.")
FIRE_AREA_OTHER = "The blaze at the oil depot in Novorossiysk spread across some 1,200 square meters, the port authority said on Tuesday."
FIRE_HOURS = "Firefighters battled the blaze at the oil depot in Novorossiysk for six hours, the emergency service said on Tuesday."
FIRE_HOURS_OTHER = "The fire at the Novorossiysk oil depot was put out in about two hours, the port authority said on Tuesday."
OUTAGE_HOURS = ("The nuclear plant in Enerhodar was left without external power for more than seven hours on Tuesday, "
                "the agency said.")
OUTAGE_HOURS_OTHER = "External power at the plant in Enerhodar was restored in about three hours on Tuesday, the operator said."
GENERATOR_HOURS = ("The nuclear plant in Enerhodar ran on its diesel generators for about three hours on Tuesday, "
                   "the operator said.")
GENERATOR_HOURS_OTHER = "The generators supplied the plant in Enerhodar for almost seven hours on Tuesday, the ministry said."
TALKS_HOURS = "Talks between the port authority and the unions in Novorossiysk lasted two hours on Tuesday, the mayor said."


@pytest.mark.parametrize("pair", [(FIRE_AREA, FIRE_AREA_OTHER), (FIRE_HOURS, FIRE_HOURS_OTHER),
                                  (OUTAGE_HOURS, OUTAGE_HOURS_OTHER), (GENERATOR_HOURS, GENERATOR_HOURS_OTHER)],
                         ids=["fire-area", "fire-duration", "power-cut", "on-generators"])
def test_two_outlets_extent_of_one_fire_or_power_cut_contest_each_other(sqlite_url, pair):
    stories = _corroborated(sqlite_url, [(pair[0], "Kuban Courier"), (pair[1], "Black Sea Wire")])
    # one story holding both, or each its own: either way every one shows the two figures at odds
    assert stories and all(s.status == "contested" for s in stories), [(s.status, s.text[:60]) for s in stories]
    assert all(any(c.kind == "number" for c in s.contradictions) for s in stories)


@pytest.mark.parametrize("pair", [(FIRE_HOURS, TALKS_HOURS), (GENERATOR_HOURS, OUTAGE_HOURS), (GENERATOR_HOURS, FIRE_HOURS.replace("Novorossiysk", "Enerhodar"))],
                         ids=["fire-talks", "generators-power-cut", "generators-fire"])
def test_hours_of_one_thing_are_no_rival_of_hours_of_another(sqlite_url, pair):
    stories = _corroborated(sqlite_url, [(pair[0], "Kuban Courier"), (pair[1], "Black Sea Wire")])
    assert not any(s.status == "contested" for s in stories), [(s.status, s.text[:60]) for s in stories]


def test_one_outlets_two_pages_giving_two_speakers_areas_of_one_fire_contest(sqlite_url):
    """A regional paper's morning page gives the emergency service's area of the fire, its evening page the
    mayor's: two accounts, though one outlet prints both (and "2,000", written with its comma, is no year)."""
    morning = ("Drones set a fuel depot in Pavlohrad ablaze overnight.\nThe blaze covered an area of 2,000 square "
               "metres, the emergency service said on Tuesday.")
    evening = "According to the Pavlohrad mayor, the fire at the depot affected about 800 square metres of the site on Tuesday."
    stories = _corroborated(sqlite_url, [(morning, "Dnipro Courier"), (evening, "Dnipro Courier")])
    contested = [s for s in stories if s.status == "contested"]
    assert contested and all(any(c.kind == "number" for c in s.contradictions) for s in contested), \
        [(s.status, s.text[:60]) for s in stories]


def test_two_days_given_for_the_next_round_of_talks_are_rivals():
    """Issue 12: dates conflict for one event; the next round of talks in one town, dated by each side to another
    day, is one meeting to come (written after war set S, tuning). Not one side's two statements, not a round
    held already, not another town's round."""
    talks_day = date(2028, 8, 23)
    kyiv_doc, [kyiv] = _claims("Presidential adviser Dmytro Lytvynchuk said the next round of talks with Russia would "
                               "be held in Geneva on September 4.", "Kyiv Ledger", talks_day)
    moscow_doc, [moscow] = _claims("Foreign Ministry spokeswoman Anna Belova said the next round of Russian-Ukrainian "
                                   "consultations in Geneva was scheduled for September 11.", "Steppe Wire", talks_day)
    vienna_doc, [vienna] = _claims("Foreign Ministry spokeswoman Anna Belova said the next round of Russian-Ukrainian "
                                   "consultations in Vienna was scheduled for September 11.", "Steppe Wire", talks_day)
    past_doc, [past] = _claims("Foreign Ministry spokeswoman Anna Belova said the new round of talks in Geneva had taken "
                               "place on August 20.", "Steppe Wire", talks_day)
    published = {d.id: talks_day for d in (kyiv_doc, moscow_doc, vienna_doc, past_doc)}.get
    [found] = rivalries({"a": [kyiv], "b": [moscow]}, published, _outlet)
    assert found.contradiction.kind == "date" and "Geneva" in found.contradiction.quantity
    assert rivalries({"a": [kyiv], "b": [vienna]}, published, _outlet) == []
    assert rivalries({"a": [kyiv], "b": [past]}, published, _outlet) == []


# written after war sets AA and AC (session 38): evacuations from villages no word names
GOVERNOR_EVACUATED = ("Russian shelling forced evacuations along the Sumy border on Tuesday. Regional governor Oleh "
                      "Dmytrenko said 1,200 residents had been evacuated from the border villages on Tuesday.")
DISTRICT_EVACUATED = ("Shelling of the Sumy border continued on Tuesday. Viktor Lohvyn, head of the district military "
                      "administration, said about 740 people were evacuated from the border villages on Tuesday.")


def test_two_officials_counts_of_one_days_evacuation_from_unnamed_villages_contest_each_other(sqlite_url):
    stories = _corroborated(sqlite_url, [(GOVERNOR_EVACUATED, "Europa One"), (DISTRICT_EVACUATED, "Psel News")])
    figures = {c.detail for s in stories if s.status == "contested" for c in s.contradictions if c.kind == "number"}
    assert figures & {"1,200 vs about 740", "about 740 vs 1,200"}, [(s.status, s.text[:60]) for s in stories]


def test_an_evacuation_of_the_day_before_is_no_rival_of_the_days():
    day_before = ("Evacuations along the Sumy border went on. On Monday, 148 people were evacuated from the border "
                  "villages, Regional governor Oleh Dmytrenko said.")
    claims_of = {}
    today = DISTRICT_EVACUATED.replace(" on Tuesday.", ".").replace("continued on Tuesday", "continued")
    assert "Tuesday" not in today  # no day named: keyed by its page's day alone, not the day before too
    for i, (text, outlet) in enumerate(((day_before, "Europa One"), (today, "Psel News"))):
        doc, claims = _claims(text, outlet)
        claims_of[f"s{i}"] = [c for c in claims if "evacuated" in c.text]
    assert all(claims_of.values())
    assert rivalries(claims_of, lambda _: DAY, lambda c: c.document_id) == []
    # nor one told as "a day earlier" on the day's page
    earlier = "Evacuations along the Sumy border went on. A day earlier, 148 people were evacuated, the administration said."
    doc, claims = _claims(earlier, "Europa One")
    claims_of["s0"] = [c for c in claims if "evacuated" in c.text]
    assert claims_of["s0"] and rivalries(claims_of, lambda _: DAY, lambda c: c.document_id) == []
    # a day to come is no day gone by: the day's count still rivals
    from claimdesk.corroborate.rivals import beyond_the_day
    [eve] = [c for c in _claims("Russia launched 412 drones at Ukraine overnight, the air force said, a day before "
                                "the country marks its Independence Day.", "Polaris")[1] if "412" in c.text]
    assert not beyond_the_day(eve) and beyond_the_day(claims_of["s0"][0])


def test_a_governors_count_over_the_region_rivals_the_ministrys_count_over_it(sqlite_url, tmp_path):
    # session 39, after the war sets' missed conflicts (K, N): the governor's "over the region" on a page set in a town
    # of the Belgorod region, against the ministry's part of its night's total given for that region
    ministry = ("Russia's defence ministry said air defence systems destroyed 47 Ukrainian drones overnight, "
                "including 19 over the Belgorod region.")
    governor = ("A drone hit a fuel depot in Valuyki overnight, starting a fire.\n"
                "In total, 26 Ukrainian drones were shot down over the region overnight, the governor said.")
    stories = _corroborated(sqlite_url, [(ministry, "Moscow Wire"), (governor, "Belgorod Today")])
    figures = {c.detail for s in stories if s.status == "contested" for c in s.contradictions if c.kind == "number"}
    assert figures & {"19 vs 26", "26 vs 19"}, [(s.status, s.text[:60]) for s in stories]
    # a page set in a town of another region, or in towns of two regions, gives "the region" no name
    for n, setting in enumerate(["A drone hit a fuel depot in Bryansk overnight, starting a fire.",
                                 "Drones hit fuel depots in Valuyki and Bryansk overnight, starting fires."]):
        page = governor.replace("A drone hit a fuel depot in Valuyki overnight, starting a fire.", setting)
        stories = _corroborated(f"sqlite:///{tmp_path / f'{n}.sqlite'}", [(ministry, "Moscow Wire"), (page, "Bryansk Today")])
        assert not any(s.status == "contested" for s in stories), (n, [(s.status, s.text[:60]) for s in stories])


def test_grain_destroyed_in_the_pages_town_rivals_the_towns_count():
    # session 40, after war set AG's first look: the operator's tonnes name no town, their page is set in Izmail
    page = ("The terminal's operator said around 3,000 tonnes of grain had been destroyed on Tuesday.\n"
            "Drones struck the port of Izmail overnight.")
    operator_doc, operator_claims = _claims(page, "Harbor Wire")
    operator = next(c for c in operator_claims if "tonnes" in c.text)
    assert _towns(operator) == set() and [p.name for p in operator.setting] == ["Izmayil"]
    city_doc, [city] = _claims("The head of the Izmail city administration said about 1,800 tonnes of grain had "
                               "been destroyed in Izmail on Tuesday.", "Kyiv Ledger")
    published = {operator_doc.id: DAY, city_doc.id: DAY}.get
    [found] = rivalries({"a": [operator], "b": [city]}, published, _outlet)
    assert found.contradiction.detail == "around 3,000 vs about 1,800"
    # grain shipped, not destroyed, is no loss of the strike's
    shipped_doc, shipped_claims = _claims("The terminal said around 3,000 tonnes of grain had been shipped on Tuesday.\n"
                                          "Drones struck the port of Izmail overnight.", "Steppe Wire")
    shipped = next(c for c in shipped_claims if "tonnes" in c.text)
    published = {shipped_doc.id: DAY, city_doc.id: DAY}.get
    assert rivalries({"a": [shipped], "b": [city]}, published, _outlet) == []
    # nor is a running total on a page set there (a review of session 40)
    total_doc, total_claims = _claims("Russian attacks on Ukrainian ports have destroyed some 270,000 tonnes of grain "
                                      "in total, the minister said on Tuesday.\nDrones struck the port of Izmail "
                                      "overnight.", "Steppe Wire")
    total = next(c for c in total_claims if "tonnes" in c.text)
    published = {total_doc.id: DAY, city_doc.id: DAY}.get
    assert rivalries({"a": [total], "b": [city]}, published, _outlet) == []


def _rival_details(first: tuple[str, str, str], second: tuple[str, str, str]) -> list[str]:
    """The rivalries between the claims of two pages (text, outlet, a word the claim holds)."""
    claims_of, published = {}, {}
    for key, (text, outlet, word) in zip("ab", (first, second)):
        doc, claims = _claims(text, outlet)
        claims_of[key] = [c for c in claims if word in c.text]
        assert claims_of[key], (text, [c.text for c in claims])
        published[doc.id] = DAY
    return [r.contradiction.detail for r in rivalries(claims_of, published.get, _outlet)]


def test_missiles_that_struck_the_city_its_page_is_set_in_rival_the_towns_count():
    # session 41, after war set AI's first look: the mayor's "the city" on a page set in Poltava
    mayor = ("Russian missiles struck the city of Poltava on Tuesday morning.\nMayor Ivan Koval said three missiles had "
             "struck the city shortly after 11 a.m.", "Poltava Today", "three missiles")
    military = ("Two Russian ballistic missiles hit the city of Poltava at 11:04 on Tuesday, the regional military administration "
                "said.", "Harbor Wire", "Two Russian")
    assert _rival_details(mayor, military) in (["three vs Two"], ["Two vs three"])
    # missiles launched at the country, or a strike on "the region", are no count of the town's
    launched = ("Russian missiles struck the city of Poltava on Tuesday morning.\nMayor Ivan Koval said Russia had "
                "launched three missiles at the country overnight.", "Poltava Today", "three missiles")
    assert _rival_details(launched, military) == []


def test_a_sentence_telling_of_a_mayor_standing_by_his_figure_sets_it_at_odds_with_the_polices():
    page = ("The National Police of Ukraine said on Tuesday that 21 people had been killed in the strike in Poltava. "
            "Mayor Ivan Koval said on Tuesday that he stood by his figure of 23 dead.")
    doc, claims = _claims(page, "Poltava Today")
    police = next(c for c in claims if "21" in c.text)
    mayor = next(c for c in claims if "23" in c.text)
    [found] = rivalries({"a": [police], "b": [mayor]}, {doc.id: DAY}.get, _outlet)
    assert {x.strip() for x in found.contradiction.detail.split("vs")} == {"21", "23"}
    # the same two figures told side by side with no word of their standing are one page's own figures
    plain = page.replace("that he stood by his figure of 23 dead", "that 23 people had been killed in Poltava")
    doc, claims = _claims(plain, "Poltava Today")
    police = next(c for c in claims if "21" in c.text)
    mayor = next(c for c in claims if "23" in c.text)
    assert rivalries({"a": [police], "b": [mayor]}, {doc.id: DAY}.get, _outlet) == []


def test_tanks_that_caught_fire_and_tanks_set_ablaze_in_one_town_are_one_count():
    governor = ("Drones hit an oil depot in Liski overnight.\nGovernor Pavel Orlov acknowledged on Tuesday that two "
                "fuel tanks at the depot had caught fire.", "Voronezh Wire", "two fuel")
    # the source's house names a country ("in Ukraine's SBU"): it sets no country as where the tanks burned
    source = ("Drones hit an oil depot in Liski overnight.\nA source in Ukraine's SBU security service told the agency "
              "on Tuesday that four fuel tanks had been set ablaze.", "Harbor Wire", "four fuel")
    assert _rival_details(governor, source) in (["two vs four"], ["four vs two"])
    # tanks delivered are no tanks burnt
    delivered = (source[0].replace("had been set ablaze", "had been delivered"), "Harbor Wire", "four fuel")
    assert _rival_details(governor, delivered) == []


def test_two_counts_of_people_evacuated_from_districts_named_alike_contest_each_other():
    # districts the gazetteer does not know, named alike (session 41, war set AJ); a volunteer group's crews are who
    # evacuated the residents, not whose residents they were
    city = ("According to the city military administration, 140 residents were evacuated from Korabel and Ostriv "
            "on Tuesday.", "Kherson Today", "140")
    volunteers = ("In Kherson, the volunteer group Kovcheh said its crews had taken 212 residents out of the Korabel "
                  "and Ostriv districts on Tuesday.", "Harbor Wire", "212")
    assert _rival_details(city, volunteers) in (["140 vs 212"], ["212 vs 140"])
    # residents evacuated from other districts are another evacuation
    other = (city[0].replace("Korabel and Ostriv", "Antonivka"), "Kherson Today", "140")
    assert _rival_details(other, volunteers) == []


def test_drones_downed_over_the_peninsula_on_a_crimean_page_rival_the_ministrys_over_crimea():
    governor = ("Drones attacked the ferry crossing in Kerch overnight.\nThe Russian-installed head said that 29 drones "
                "had been shot down over the peninsula.", "Crimea Today", "29")
    ministry = ("Air defence systems destroyed 41 Ukrainian drones over the Republic of Crimea overnight, the ministry "
                "said.", "Moscow Wire", "41")
    assert _rival_details(governor, ministry) in (["29 vs 41"], ["41 vs 29"])


def test_a_place_naming_a_speakers_house_is_not_where_it_happened():
    from claimdesk.extraction.setting import own_places

    [house] = extract(Document.from_text("A source in Ukraine's SBU security service said four fuel tanks had burned.",
                                         source="house.txt"))
    assert [p.name for p in house.places] == ["Ukraine"] and own_places(house, ("country",)) == []
    # without the possessive the place may be where it happened: kept
    [local] = extract(Document.from_text("A source in Ukraine said four fuel tanks had burned.", source="local.txt"))
    assert [p.name for p in own_places(local, ("country",))] == ["Ukraine"]



def test_two_counts_of_bombs_dropped_on_districts_named_alike_contest_each_other():
    # session 41 (war set AJ): one side's aircraft or forces, the districts unknown to the gazetteer
    governor = ("Russian aircraft dropped six guided aerial bombs on the Korabel and Ostriv island districts on "
                "Tuesday, the governor said.", "Kherson Today", "six")
    wire = ("Russian forces dropped at least eight glide bombs on Korabel and Ostriv on Tuesday.", "Harbor Wire", "eight")
    assert _rival_details(governor, wire) in (["six vs at least eight"], ["at least eight vs six"])
    # a day's name after "on" is no district; bombs on other districts are another count
    monday = ("Russian aircraft dropped six guided aerial bombs on Monday, Tkachuk said.", "Kherson Today", "six")
    other_day = ("Russian forces dropped at least eight glide bombs on Monday, the army said.", "Harbor Wire", "eight")
    assert _rival_details(monday, other_day) == []
    elsewhere = (wire[0].replace("Korabel and Ostriv", "Antonivka"), "Harbor Wire", "eight")
    assert _rival_details(governor, elsewhere) == []


def test_the_sessions_rules_leave_alone_what_a_review_found_they_misread():
    # a review of session 41's rules, each case reproduced on its first version: the town a sentence names itself,
    # a speaker's channel, two groups' own evacuations, cars burnt in a town's two incidents
    dnipro = ("Russian missiles struck the city of Kharkiv overnight, killing two people.\nIn a separate attack, officials "
              "in Dnipro said three missiles had struck the city.", "Kharkiv Today", "three missiles")
    kharkiv = ("Two Russian missiles hit the city of Kharkiv overnight, the regional governor said on Tuesday.",
               "Harbor Wire", "Two Russian")
    assert _rival_details(dnipro, kharkiv) == []
    telegram = ("Russian aircraft dropped 12 guided bombs, the governor said on Telegram.", "Kherson Today", "12")
    front = ("Russia dropped 40 guided bombs on the front, President Volodymyr Zelensky said on Telegram.",
             "Harbor Wire", "40")
    assert _rival_details(telegram, front) == []
    police = ("Police evacuated 120 civilians from Kupiansk on Tuesday, the regional police said.", "Kharkiv Today", "120")
    volunteers = ("Volunteers evacuated 30 civilians from Kupiansk on Tuesday, the charity said.", "Harbor Wire", "30")
    assert _rival_details(police, volunteers) == []
    car_park = ("Russian drones struck a car park in the city of Kharkiv on Tuesday.\nThe mayor said 30 cars had caught "
                "fire.", "Kharkiv Today", "30 cars")
    station = ("A drone hit a fuel station in the city of Kharkiv on Tuesday evening.\nFour cars were set on fire, the "
               "regional police said.", "Harbor Wire", "Four cars")
    assert _rival_details(car_park, station) == []


def test_tanks_set_fire_to_and_a_figure_stood_by_in_other_words_still_count():
    governor = ("Drones hit an oil depot in Liski overnight.\nGovernor Pavel Orlov acknowledged on Tuesday that two "
                "fuel tanks at the depot had caught fire.", "Voronezh Wire", "two fuel")
    set_fire = ("Drones hit an oil depot in Liski overnight.\nA security source said on Tuesday that the drones had set "
                "fire to four fuel tanks.", "Harbor Wire", "four fuel")
    assert _rival_details(governor, set_fire) in (["two vs four"], ["four vs two"])
    page = ("The National Police of Ukraine said on Tuesday that 21 people had been killed in the strike in Poltava. "
            "Mayor Ivan Koval said on Tuesday that he stands by the figure of 23 dead.")
    doc, claims = _claims(page, "Poltava Today")
    police = next(c for c in claims if "21" in c.text)
    mayor = next(c for c in claims if "23" in c.text)
    assert len(rivalries({"a": [police], "b": [mayor]}, {doc.id: DAY}.get, _outlet)) == 1


def test_bombs_on_a_target_in_the_town_a_page_is_set_in_rival_the_towns_count_of_them():
    # session 41, after set U's missed pair: the governor's bombs on "the central market", the page set in Sumy
    governor = ("Russian bombs struck the city of Sumy on Tuesday.\nTwo guided aerial bombs hit the central market at "
                "about 9:40 a.m., the governor said.", "Sumy Today", "Two guided")
    city = ("On Tuesday morning Russian troops dropped three guided aerial bombs on the Central Market in Sumy, the "
            "acting city head said.", "Harbor Wire", "three guided")
    assert _rival_details(governor, city) in (["Two vs three"], ["three vs Two"])
    # bombs on another target of the town are another count
    school = (governor[0].replace("the central market", "a school"), "Sumy Today", "Two guided")
    assert _rival_details(school, city) == []


def test_a_live_pages_mayor_and_governor_are_two_offices_at_odds():
    # session 42, after war set AK's first look: a live page's posts give the mayor's toll and the governor's, with no
    # word of their difference; a city's office and a region's are two counts
    page = ("Russian missiles hit the city of Kharkiv on Tuesday morning.\nMayor Ihor Savchuk now puts the toll at nine killed and 42 "
            "injured.\nGovernor Dmytro Lysenko's latest update: seven killed and 38 injured.")
    doc, claims = _claims(page, "Meridian Live")
    mayor = next(c for c in claims if "nine killed" in c.text)
    governor = next(c for c in claims if "seven killed" in c.text)
    [found] = rivalries({"a": [mayor], "b": [governor]}, {doc.id: DAY}.get, _outlet)
    assert {x.strip() for x in found.contradiction.detail.split("vs")} == {"nine", "seven"}
    # a deed's own figure beside the day's told by the two offices is a breakdown, not two counts (war set AB)
    page = ("Kherson City Military Administration Head Roman Tkachuk reported that Russian artillery struck a bus in the "
            "Dniprovskyi District, killing four people and injuring 11. Kherson Oblast Military Administration Head "
            "Oleksandr Dovhan reported that Russian strikes killed seven civilians in Kherson City on June 14.")
    doc, claims = _claims(page, "Meridian Live")
    counting = [c for c in claims if c.quantities]
    assert rivalries({str(i): [c] for i, c in enumerate(counting)}, {doc.id: DAY}.get, _outlet) == []
    # "has continued to cite" is a page's word for a figure kept against another
    page = ("Russian missiles hit the city of Kharkiv on Tuesday morning.\nPolice chief Ivan Vyhivskyi said on Tuesday "
            "that the death toll stood at seven.\nHealth Minister Viktor Liashko has continued to cite nine deaths.")
    doc, claims = _claims(page, "Meridian Live")
    police = next(c for c in claims if "seven" in c.text)
    minister = next(c for c in claims if "nine deaths" in c.text)
    assert len(rivalries({"a": [police], "b": [minister]}, {doc.id: DAY}.get, _outlet)) == 1
    # (a review of session 42) the two offices' tolls of the city and of the region are no two counts of one thing,
    # nor is a speaker who "continued to say" something else at odds with another's figure
    page_scopes = ("Russian missiles hit the city of Kharkiv on Tuesday morning.\nMayor Ihor Terekhov said the death toll "
                   "in the city had risen to nine.\nGovernor Oleh Syniehubov said the death toll across the region had "
                   "risen to 14.")
    doc, claims = _claims(page_scopes, "Meridian Live")
    counting = [c for c in claims if c.quantities]
    assert rivalries({str(i): [c] for i, c in enumerate(counting)}, {doc.id: DAY}.get, _outlet) == []
    saying = ("Russian missiles hit the city of Kharkiv on Tuesday morning.\nPolice chief Ivan Vyhivskyi said on Tuesday "
              "that seven people were killed.\nHealth Minister Viktor Liashko, who continued to say the city needs more "
              "air defence, said nine people were killed in the strike.")
    doc, claims = _claims(saying, "Meridian Live")
    counting = [c for c in claims if c.quantities]
    assert rivalries({str(i): [c] for i, c in enumerate(counting)}, {doc.id: DAY}.get, _outlet) == []
    side_by_side = page.replace("has continued to cite", "cited")
    doc, claims = _claims(side_by_side, "Meridian Live")
    assert rivalries({str(i): [c] for i, c in enumerate(claims)}, {doc.id: DAY}.get, _outlet) == []


def test_a_regional_officials_count_of_a_site_hit_rivals_a_count_set_in_its_town():
    # session 42, after war set AL's first look: the governor's drones "had attacked the refinery" (set in his region)
    # and a source's drones that attacked it on a page about the Ryazan refinery
    governor = ("A Ukrainian drone attack set the Ryazan oil refinery on fire overnight.\nRyazan governor Pavel Malyshev "
                "said nine drones had attacked the refinery.", "Ryazan Wire", "nine")
    source = ("Ukrainian drones struck the Ryazan oil refinery overnight.\nA source in Ukraine's SBU security service "
              "told ABN that 18 drones had attacked the refinery.", "Harbor Wire", "18")
    assert _rival_details(governor, source) in (["nine vs 18"], ["18 vs nine"])
    # another site attacked in the town is another count
    depot = (source[0].replace("had attacked the refinery", "had attacked the fuel depot"), "Harbor Wire", "18")
    assert _rival_details(governor, depot) == []


def test_one_days_count_of_harmed_workers_rivals_wherever_told():
    # session 47, written after reading war sets AG and AL (tuning): a toll of workers or crew told with no town
    # in its sentence on a page that sets none either ("the facility"), beside another outlet's count of them
    governor = "Two workers at the gas storage site near Stryi were killed, Lviv regional governor Ivan Hnat said."
    administration = "Three workers of the facility were killed, the State Emergency Service said."
    governor_doc, [two] = _claims(governor, "Harbor Wire")
    administration_doc, [three] = _claims(administration, "Karpaty Today")
    assert _towns(three) == set() and not three.setting  # no town key would ever have paired them
    published = {governor_doc.id: DAY, administration_doc.id: DAY}.get
    [found] = rivalries({"a": [two], "b": [three]}, published, _outlet)
    assert found.contradiction.detail == "Two vs Three"
    # one such count two days before, and a part of another toll, are no rivals
    _, [earlier] = _claims(administration, "Karpaty Today", date(2026, 3, 1))
    assert rivalries({"a": [two], "b": [earlier]}, {governor_doc.id: DAY, earlier.document_id: date(2026, 3, 1)}.get,
                     _outlet) == []
    # a family's members are no crew
    _, [family] = _claims("Three family members were killed when a shell hit their house, the police said.", "Karpaty Today")
    _, [crew] = _claims("Two crew members were killed when a missile hit the ship, the port authority said.", "Harbor Wire")
    assert harmed_staff(family) == set() and harmed_staff(crew) == {"member"}
    _, [part] = _claims("Nineteen people were injured, including three medical workers, he said.", "Karpaty Today")
    _, [one] = _claims("One worker was injured at the refinery, the governor said.", "Volga News")
    assert rivalries({"a": [part], "b": [one]}, {part.document_id: DAY, one.document_id: DAY}.get, _outlet) == []


def test_harmed_workers_on_pages_set_in_two_towns_are_no_rivals():
    # written after war set AH (tuning): a Russian refinery's injured worker and a Kharkiv hospital's injured staff
    saratov_doc, saratov_claims = _claims("Drone debris hit the refinery in Saratov overnight, the governor said.\n"
                                          "One worker was injured, the governor said.", "Volga News")
    kharkiv_doc, kharkiv_claims = _claims("Russian bombs hit a depot in Kharkiv on Tuesday, the mayor said.\n"
                                          "Three workers were injured, the mayor said.", "Kharkiv Today")
    [one] = [c for c in saratov_claims if c.text.startswith("One worker")]
    [three] = [c for c in kharkiv_claims if c.text.startswith("Three workers")]
    assert not _towns(one) and not _towns(three)  # only their pages set them in a town
    published = {saratov_doc.id: DAY, kharkiv_doc.id: DAY}.get
    assert rivalries({"a": [one], "b": [three]}, published, _outlet) == []
    # the same two counts on pages of one town are one count at odds
    same_town_doc, same_town_claims = _claims("Drone debris hit the refinery in Saratov overnight, the mayor said.\n"
                                              "Three workers were injured, the mayor said.", "Kharkiv Today")
    [three_in_saratov] = [c for c in same_town_claims if c.text.startswith("Three workers")]
    [found] = rivalries({"a": [one], "b": [three_in_saratov]}, {saratov_doc.id: DAY, same_town_doc.id: DAY}.get, _outlet)
    assert found.contradiction.detail == "One vs Three"


def test_two_offices_counts_of_what_a_strike_damaged_or_moved_in_the_pages_town_contest_each_other():
    # session 48, after war sets AU and AW (read once as held out, then made tuning sets): the city's and the
    # region's counts of damaged trams, the region's and a ministry's of children moved out of a hospital, told
    # with no town on pages set in one
    city = ("Russian drones struck a tram depot in Kherson on Tuesday.\nThe city administration said six trams were "
            "damaged.", "Kherson Today", "six trams")
    region = ("Shelling hit the tram depot in Kherson on Tuesday.\nThe regional military administration said nine "
              "trams had been damaged.", "Harbor Wire", "nine trams")
    assert _rival_details(city, region) in (["six vs nine"], ["nine vs six"])
    moved = ("A guided bomb hit the children's hospital in Sumy on Tuesday.\nThe regional administration said 38 "
             "children were moved to other hospitals.", "Sumy Post", "38 children")
    ministry = ("A Russian bomb struck a hospital in Sumy on Tuesday.\nThe Health Ministry said 52 children had been "
                "moved to other hospitals.", "Harbor Wire", "52 children")
    assert _rival_details(moved, ministry) in (["38 vs 52"], ["52 vs 38"])
    # another thing damaged, another town, or a count of the war so far: no rivals
    buses = ("Shelling hit the bus depot in Kherson on Tuesday.\nThe regional military administration said nine "
             "buses had been damaged.", "Harbor Wire", "nine buses")
    assert _rival_details(city, buses) == []
    elsewhere = ("Shelling hit the tram depot in Mykolaiv on Tuesday.\nThe regional military administration said "
                 "nine trams had been damaged.", "Harbor Wire", "nine trams")
    assert _rival_details(city, elsewhere) == []
    since = ("Shelling hit the tram depot in Kherson on Tuesday.\nThe regional military administration said nine "
             "trams had been damaged since the start of the war.", "Harbor Wire", "nine trams")
    assert _rival_details(city, since) == []
    # a review's: a running total or what could be is no day's count
    so_far = ("Shelling hit the tram depot in Kherson on Tuesday.\nThe regional military administration said 450 "
              "trams have been damaged so far this winter.", "Harbor Wire", "450 trams")
    assert _rival_details(city, so_far) == []
    could = ("Shelling hit the tram depot in Kherson on Tuesday.\nThe regional military administration said 90 "
             "trams could be damaged if the shelling goes on.", "Harbor Wire", "90 trams")
    assert _rival_details(city, could) == []


def test_one_days_count_of_patients_moved_out_of_a_hospital_rivals_wherever_told():
    # session 50, written after reading war set BB (tuning since this session): the city council's "about 140
    # patients" and the Health Ministry's 112, each told with no town in its sentence and on pages naming several
    council_doc, [council] = _claims("About 140 patients were moved to other hospitals in the city overnight, the city "
                                     "council said.", "Harbor Wire")
    ministry_doc, [ministry] = _claims("Ukraine's Health Ministry says 112 patients were evacuated from City Hospital "
                                       "No. 2 overnight.", "Polissia Today")
    assert not _towns(council) and not council.setting and not _towns(ministry) and not ministry.setting
    published = {council_doc.id: DAY, ministry_doc.id: DAY}.get
    [found] = rivalries({"a": [council], "b": [ministry]}, published, _outlet)
    assert found.contradiction.detail == "About 140 vs 112"
    # another day's evacuation (the day before too), and patients harmed rather than moved, are no rivals
    for day in (date(2026, 3, 1), date(2026, 3, 2)):
        _, [earlier] = _claims(ministry.text, "Polissia Today", day)
        assert rivalries({"a": [council], "b": [earlier]}, {council_doc.id: DAY, earlier.document_id: day}.get,
                         _outlet) == []
    # a review's examples: a nursing home's evacuation, one after a fire, one to another town
    for other in ("About 200 patients were evacuated from a nursing home ahead of the hurricane.",
                  "Firefighters said 45 patients were evacuated after a fire broke out in the hospital.",
                  "Doctors said 20 patients were evacuated to Lviv on Tuesday."):
        other_doc, [other_claim] = _claims(other, "Harbor Wire")
        assert rivalries({"a": [ministry], "b": [other_claim]}, {ministry_doc.id: DAY, other_doc.id: DAY}.get,
                         _outlet) == [], other
    # all of them, told with a qualifier before the figure
    _, [all_of_them] = _claims("Staff evacuated all 140 patients from City Hospital No. 2 overnight, the city council "
                               "said.", "Harbor Wire")
    assert rivals.moves_patients(all_of_them)
    hurt_doc, [hurt] = _claims("Twelve patients were injured by flying glass, the ministry said.", "Polissia Today")
    assert rivalries({"a": [council], "b": [hurt]}, {council_doc.id: DAY, hurt_doc.id: DAY}.get, _outlet) == []
    # two hospitals in two towns, each placed, are two evacuations
    kyiv_doc, [kyiv] = _claims("In Kyiv, 112 patients were evacuated from the children's hospital overnight, the "
                               "ministry said.", "Polissia Today")
    lviv_doc, [lviv] = _claims("In Lviv, about 140 patients were evacuated from the regional hospital overnight, the "
                               "city council said.", "Harbor Wire")
    assert rivalries({"a": [kyiv], "b": [lviv]}, {kyiv_doc.id: DAY, lviv_doc.id: DAY}.get, _outlet) == []


def test_two_offices_hours_on_backup_generators_and_disconnected_homes_are_rivals():
    # session 53, after tuning set BI: how long a plant ran on its generators and the homes told as disconnected,
    # each told with no town on a page of one place, in two stories
    lead = "A Russian strike cut the power line to the nuclear plant in Enerhodar overnight.\n"

    def told(text: str, outlet: str) -> tuple[Document, Claim]:
        doc, claims = _claims(lead + text, outlet)
        return doc, next(c for c in claims if c.text == text)

    operator_doc, operator = told("Energoatom said the plant ran on the diesel generators for about three hours.",
                                  "Harbor Wire")
    ministry_doc, ministry = told("The energy ministry said the generators had supplied the plant for almost seven "
                                  "hours.", "Enerhodar Herald")
    region_doc, region = told("About 38,000 households lost power, the regional administration said.", "Harbor Wire")
    grid_doc, grid = told("The distributor reported 61,000 disconnected households.", "Enerhodar Herald")
    outage_doc, outage = told("The plant was left without external power for almost seven hours, the ministry said.",
                              "Enerhodar Herald")
    published = {d.id: DAY for d in (operator_doc, ministry_doc, region_doc, grid_doc, outage_doc)}.get
    [found] = rivalries({"a": [operator], "b": [ministry]}, published, _outlet)
    assert found.contradiction.detail == "about three vs almost seven", found
    [found] = rivalries({"a": [region], "b": [grid]}, published, _outlet)
    assert found.contradiction.detail == "About 38,000 vs 61,000", found
    # hours on generators are no rival of hours without power
    assert rivalries({"a": [operator], "b": [outage]}, published, _outlet) == []
