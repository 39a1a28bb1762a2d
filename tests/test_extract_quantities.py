"""Counted quantities with qualifiers and units; years, dates, ordinals and identifiers are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdesk.extraction.quantities import find_quantities


def _q(text: str) -> list[tuple]:
    return [(q.text, q.value, q.qualifier, q.unit, q.high) for q in find_quantities(text)]


def test_sample_article_quantities(samples_dir: Path):
    text = (samples_dir / "sofrep-north-korean-deserters.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    found = find_quantities(text)
    for q in found:
        assert text[q.span[0]:q.span[1]] == q.text

    def on_line(n: int) -> list[tuple]:
        start = sum(len(line) + 1 for line in lines[:n - 1])
        end = start + len(lines[n - 1])
        return [(q.value, q.qualifier, q.unit) for q in found if start <= q.span[0] < end]

    assert on_line(1) == [(18, "exact", "soldiers")]
    assert on_line(6) == [(10000, "up_to", "troops")]
    # "On October 3, six ... officers ... with three others injured": 3 is a date, not a count.
    assert on_line(22) == [(6, "exact", "officers"), (3, "exact", "officers")]  # three other officers
    assert on_line(29)[0] == (2, "about", "years")
    # "NATO's Article 5" is an identifier.
    assert all(q.value != 5 for q in found)


@pytest.mark.parametrize("text, expected", [
    ("between 5 and 10 soldiers", [("between 5 and 10", 5, "range", "soldiers", 10)]),
    ("5-10 troops", [("5-10", 5, "range", "troops", 10)]),
    ("five to ten officers", [("five to ten", 5, "range", "officers", 10)]),
    ("1.5 million people fled", [("1.5 million", 1_500_000, "exact", "people", None)]),
    ("$5 million in aid", [("$5 million", 5_000_000, "exact", "USD", None)]),
    ("12 percent of voters", [("12 percent", 12, "exact", "percent", None)]),
    ("more than 1,000 civilians", [("more than 1,000", 1000, "at_least", "civilians", None)]),
    ("roughly 300 armored vehicles", [("roughly 300", 300, "about", "vehicles", None)]),
    ("as many as 40 drones", [("as many as 40", 40, "up_to", "drones", None)]),
    ("a dozen drones", [("a dozen", 12, "exact", "drones", None)]),
    # session 41 (war set AJ): "two dozen" had been read as two, "half a dozen" as nothing
    ("two dozen drones", [("two dozen", 24, "exact", "drones", None)]),
    ("half a dozen bombs", [("half a dozen", 6, "exact", "bombs", None)]),
    ("half a million households", [("half a million", 500_000, "exact", "households", None)]),
    # a review's cases: vague amounts and a span of years count nothing
    ("a few dozen people were injured", []),
    ("several dozen cars burned", []),
    ("the last dozen years were hard", []),
    ("three hundred and fifty troops", [("three hundred and fifty", 350, "exact", "troops", None)]),
    ("one soldier was killed", [("one", 1, "exact", "soldier", None)]),
    ("2000 people marched", [("2000", 2000, "exact", "people", None)]),
    # units written onto the number, as British and wire copy prints them
    ("a 40m dry well", [("40m", 40, "exact", "metres", None)]),
    ("the 80m-deep well", [("80m", 80, "exact", "metres", None)]),
    ("about 7,000km away", [("about 7,000km", 7000, "about", "kilometres", None)]),
    ("winds of up to 180mph", [("up to 180mph", 180, "up_to", "mph", None)]),
    ("a 425kg relay", [("425kg", 425, "exact", "kilograms", None)]),
    ("£40m for new roads", [("£40m", 40_000_000, "exact", "GBP", None)]),
    ("some $5bn in aid", [("some $5bn", 5_000_000_000, "about", "USD", None)]),
    ("nearly 3m people fled", [("nearly 3m", 3_000_000, "about", "people", None)]),
    ("1.2m barrels a day", [("1.2m", 1_200_000, "exact", "barrels", None)]),
    # one scale word for both ends of a range
    ("maybe 250 to 270 million miles", [("250 to 270 million", 250_000_000, "range", "miles", 270_000_000)]),
    ("between 2 and 3 million people", [("between 2 and 3 million", 2_000_000, "range", "people", 3_000_000)]),
    ("five hundred to one thousand people", [("five hundred to one thousand", 500, "range", "people", 1000)]),
    # the harmed with no noun after them count themselves; a noun after them is what is counted
    ("nine dead and 31 wounded", [("nine", 9, "exact", "dead", None), ("31", 31, "exact", "wounded", None)]),
    ("35 injured in the strike", [("35", 35, "exact", "injured", None)]),
    ("31 wounded soldiers", [("31", 31, "exact", "soldiers", None)]),
    # "over" after a verb is its particle, not a bound
    ("Russia handed over 1,000 bodies", [("1,000", 1000, "exact", "bodies", None)]),
    ("over 1,000 bodies", [("over 1,000", 1000, "at_least", "bodies", None)]),
    ("the operation took over 20 hours", [("over 20", 20, "at_least", "hours", None)]),
    # a bound denied is the other bound (war set X: "No fewer than eight people died" read as at most eight)
    ("No fewer than eight people died", [("No fewer than eight", 8, "at_least", "people", None)]),
    ("not less than 30 drones", [("not less than 30", 30, "at_least", "drones", None)]),
    ("fewer than ten people", [("fewer than ten", 10, "up_to", "people", None)]),
    ("no more than 12 people", [("no more than 12", 12, "up_to", "people", None)]),
    # a kind of weapon before its noun (war set W: "one Iskander-M ballistic missile" counted "ballistic"), the noun
    # right after it (not a verb: "remains"), or after "and" when two kinds share it (a review's case)
    ("one Iskander-M ballistic missile", [("one", 1, "exact", "missile", None)]),
    ("one Kalibr cruise missile", [("one", 1, "exact", "missile", None)]),
    ("one cruise missile remains unaccounted for", [("one", 1, "exact", "missile", None)]),
    ("two ballistic and 30 cruise missiles", [("two", 2, "exact", "missiles", None), ("30", 30, "exact", "missiles", None)]),
    ("40 cruise and ballistic missiles", [("40", 40, "exact", "missiles", None)]),
    # a capitalised word is a name, not a kind of weapon (a news_cluster page's "… 04 Naval Air Station …")
    ("two Naval Air Station officers", [("two", 2, "exact", "officers", None)]),
    # "no" or "not" as a word denies a bound, not as the end of one ("a casino less than 200 metres")
    ("near a casino less than 200 metres away", [("less than 200", 200, "up_to", "metres", None)]),
])
def test_quantities(text, expected):
    assert _q(text) == expected


@pytest.mark.parametrize("text", [
    "In 2023, the war went on.", "It began on October 15.", "It was the first attack.",
    "the 3rd brigade", "NATO's Article 5", "an 18-year-old soldier", "a 10-day truce",
    "at 10:30 a.m.", "hundreds of soldiers", "dozens of people", "one of the soldiers",
    "F-16 jets", "tweet_id=1449075600", "the 1960s and 70s", "two days ago",
    "a 4G network", "the 7k barrier", "Article 5m", "3D printers",
])
def test_not_quantities(text):
    assert _q(text) == []


def test_others_counts_what_the_figure_before_it_counts():
    killed, displaced = find_quantities("Boko Haram has killed more than 20,000 people and displaced 2.3 million others.")
    assert (killed.unit, displaced.unit) == ("people", "people")
    [alone] = find_quantities("Police said 40 others were treated at the scene.")
    assert alone.unit == "others"  # nothing before it says what they are


def test_a_share_counts_what_it_is_a_share_of():
    found = find_quantities("Air defences shot down 151 of the drones and 30 of its 40 missiles overnight.")
    assert [(q.value, q.unit) for q in found] == [(151.0, "drones"), (30.0, "missiles"), (40.0, "missiles")]
    # a share of people named by a pronoun says nothing of what is counted
    assert [(q.value, q.unit) for q in find_quantities("Three of them died in hospital.")] == [(3.0, None)]


@pytest.mark.parametrize("text, expected", [
    ("Six in 10 said they want the next president to continue those policies.", [("Six in 10", 60.0, "exact", "percent", None)]),
    ("About 4 in 10 voters say they want more liberal policies.", [("About 4 in 10", 40.0, "about", "percent", None)]),
    ("One in five Americans said they had been affected by the storm.", [("One in five", 20.0, "exact", "percent", None)]),
    ("Three out of four voters backed the measure, the poll found.", [("Three out of four", 75.0, "exact", "percent", None)]),
])
def test_a_share_written_as_a_ratio_is_one_percentage(text, expected):
    # before: "Six" and "10" as two counts, so "six in 10" and "4 in 10" shared the figure 10
    assert _q(text) == expected


@pytest.mark.parametrize("text", [
    "Militants killed 3 in 10 days of fighting.",   # a count over a time
    "Police arrested 5 in 2 raids on Sunday.",      # more than the whole: no share
    "Police arrested 5 in 20 raids on Sunday.",     # spread over events
    "Troops killed 1 in 3 attacks on the town.",
    "Troops killed 12 in 20 villages.",             # spread over places (and 20 is no share's whole)
    "It happens one in 5 decades.",
    "He scored 3 in 10:30 of play.",                # a clock time
    "She finished 2 in 3rd place.",                 # an ordinal
    "They killed 4 in 10-day offensive.",           # a compound adjective
    "She was one in a million.",                    # an idiom
])
def test_a_count_in_a_span_of_time_or_events_is_no_share(text):
    assert all(q.unit != "percent" for q in find_quantities(text))


@pytest.mark.parametrize("text, expected", [
    ("Anyone with information is asked to call Crime Stoppers at (419) 255-1111.", []),
    ("Call the tip line at 800-800-3855 or text 1-866-411-TIPS.", []),
    ("Crimestoppers can be reached anonymously on 0800 555 111 or +44 20 7946 0958.", []),
    ("Anyone who saw the attack should contact Greater Manchester Police on 0161 856 9400.", []),
    ("Sgt. La Croix can be reached at 745 - 4811.", []),
    ("Police said 3 men fled; call 389 - 4869 with tips.", [("3", 3.0, "exact", "men", None)]),
    # numbers that only look like telephone numbers stay counts
    ("Between 3000-4000 troops crossed; 1234567 votes were cast.",
     [("Between 3000-4000", 3000.0, "range", "troops", 4000.0), ("1234567", 1234567.0, "exact", "votes", None)]),
    ("After the game 300-400 fans left.", [("300-400", 300.0, "range", "fans", 400.0)]),
    # seven digits with a dash are a range unless a number to call is announced, even on a page that
    # gives a telephone number elsewhere
    ("Between 500-1000 people gathered; call police at (419) 255-1111.",
     [("Between 500-1000", 500.0, "range", "people", 1000.0)]),
    ("Rescuers could not reach the 500-1000 villagers; the number of dead rose to 600-1500.",
     [("500-1000", 500.0, "range", "villagers", 1000.0), ("600-1500", 600.0, "range", "deaths", 1500.0)]),
])
def test_telephone_numbers_are_not_quantities(text, expected):
    assert _q(text) == expected


def test_no_quantity_of_gvc_local_news_is_a_telephone_number(corpus_dir: Path):
    """GVC val's local pages end with tip lines and reporters' numbers ("(219) 755 - 3855"), and tell of
    ranges too: none of the first is a quantity, the second still are."""
    import re

    from bench.corpora.gvc import read_corpus
    from claimdesk.extraction.quantities import phone_spans

    docs = read_corpus(corpus_dir / "gvc" / "val")
    assert sum(len(phone_spans(d.document.text)) for d in docs) >= 20
    quantities = [q.text for d in docs for q in find_quantities(d.document.text)]
    phone_like = re.compile(r"\(?\d{3}\)?(?:\s*-\s*\d{3})?\s*-\s*\d{4}")
    assert not [q for q in quantities if phone_like.fullmatch(q)]
    assert len(quantities) > 300  # 332 on 2026-12-04

@pytest.mark.parametrize("text, expected", [
    ("In Sumy, the death toll from the strike on the night of 3-4 March stood at nine on Thursday.", [(9.0, "deaths")]),
    ("The death toll has risen to at least 14, the mayor said.", [(14.0, "deaths")]),
    # a casualty toll counts the wounded too; a price toll and the wounded after a comma are no deaths
    ("The casualty toll reached 31 by the evening.", [(31.0, None)]),
    ("The toll rose to 12 on the bridge.", [(12.0, None)]),
    ("The death toll was 41, with the number of wounded at 120.", [(41.0, "deaths"), (120.0, "injured")]),
    # the number of the killed or the wounded is a toll too, however long the words between
    ("Governor Kobzar has just said the number of people killed in Kremenchuk has risen to 11, two of them "
     "children.", [(11.0, "deaths"), (2.0, None)]),
    ("The death toll from the Russian missile strike on an apartment building in the centre of Kremenchuk has "
     "risen to 11.", [(11.0, "deaths")]),
    ("The number of people injured in the attack has risen to at least 14.", [(14.0, "injured")]),
    ("The number of protesters has risen to 500.", [(500.0, None)]),
    ("The death toll in Kharkiv rose to five and the number of injured climbed to 40.", [(5.0, "deaths"), (40.0, "injured")]),
    ("The number of Palestinians killed has risen to 50,000.", [(50000.0, "deaths")]),
    # a bare figure a verb of harm takes counts people; a reference mark is no figure
    ("The strike hit a plant, killing three people, wounding 11 and cutting power to 60,000 homes.",
     [(3.0, "people"), (11.0, "people"), (60000.0, "homes")]),
    ("A plane crash killed 10 U.S. citizens and two local pilots.", [(10.0, None), (2.0, "pilots")]),
    ("A major earthquake killed more than 31, 000 in the city of Bam.", [(31.0, None), (0.0, None)]),
    ("The governor reported that the strike killed three people.[2] Another 4 were missing.",
     [(3.0, "people"), (4.0, None)]),
    ("The toll bridge reopened to 12 lanes of traffic.", [(12.0, "lanes")]),
    ("The toll bridge closed for 3 hours.", [(3.0, "hours")]),
])
def test_the_figure_a_death_toll_stands_at_counts_the_dead(text, expected):
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("The fire covered an area of 3,000 square metres.", [(3000.0, "square metres")]),
    ("The blaze spread over 1,200 square meters of the warehouse.", [(1200.0, "square meters")]),
    # a square that is no unit of area, and a plain length
    ("Workers set out two square tables in the hall.", [(2.0, "tables")]),
    ("The convoy stretched for 40 kilometres along the road.", [(40.0, "kilometres")]),
])
def test_an_area_keeps_its_square(text, expected):
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected


def test_a_place_after_a_figure_is_not_what_it_counts():
    # session 37, after war set Y: "11 over the Belgorod region" had counted "over"
    text = ("According to the ministry, 18 drones were shot down over the Kursk region, 11 over the Belgorod region "
            "and three near Bryansk.")
    assert [(q.text, q.unit) for q in find_quantities(text)] == [("18", "drones"), ("11", "drones"), ("three", "drones")]


@pytest.mark.parametrize("text, expected", [
    # session 39, after the war sets' missed conflicts: a part of a figure given in a place, with no noun of its own
    ("Air defence systems destroyed 47 Ukrainian drones overnight, including 19 over the Belgorod region.",
     [("47", "drones"), ("19", "drones")]),
    ("The ministry said 41 drones were downed, 19 of them over the Krasnodar region.", [("41", "drones"), ("19", "drones")]),
    ("Russia said it downed 60 drones, 21 over the Bryansk Region and 12 over Kursk.",
     [("60", "drones"), ("21", "drones"), ("12", "drones")]),
    # a breakdown with no place, another sentence's figure, a year's count: no noun taken
    ("At least 17 people were wounded, three of them children.", [("At least 17", "people"), ("three", None)]),
    ("Ten people were injured, including three in serious condition.", [("Ten", "people"), ("three", None)]),
    ("Police arrested 12 people. 4 in Kyiv were later released.", [("12", "people"), ("4", None)]),
    ("He scored 30 points, 12 in the first quarter.", [("30", "points"), ("12", None)]),
    # an unmanned aerial vehicle is a drone, as the other pages count it
    ("Air defence systems destroyed 57 Ukrainian fixed-wing unmanned aerial vehicles, including eight over the "
     "Samara region.", [("57", "drones"), ("eight", "drones")]),
    ("The convoy lost 12 armoured vehicles near Pokrovsk.", [("12", "vehicles")]),
    ("Ukraine lost 12 vehicles and 3 unmanned aerial vehicles.", [("12", "vehicles"), ("3", "drones")]),
])
def test_a_part_in_a_place_counts_what_its_whole_counts(text, expected):
    assert [(q.text, q.unit) for q in find_quantities(text)] == expected


def test_a_count_opening_a_sentence_after_a_headline_or_a_full_stop_is_counted():
    # written after session 38's war-set pages: a page's headline line ("… in Kharkiv") or the sentence before
    # ("… hit Kharkiv.") ends in a capitalised word, which had been read as a label before a number ("Article 5")
    for text in ("Guided bombs kill nine in Kharkiv\nNine people were killed when bombs hit a printing house.",
                 "Guided bombs hit Kharkiv. Nine people were killed, the police said.",
                 "Strike on Kharkiv\n\n12 people were injured, the governor said."):
        counted = [(q.value, q.unit) for q in find_quantities(text) if q.span[0] > text.index("\n" if "\n" in text else ".")]
        assert counted and counted[0][0] in (9, 12), text
    # labels on the number's own line are still no counts
    assert find_quantities("under Resolution 2231 of the Security Council") == []
    assert find_quantities("Art. 5 of the treaty") == []
    # a no-break space joins a label to its number as a space does; short abbreviations are labels
    for label in ("Resolution\xa02231", "No.\xa03", "Article\xa05", "Pt. 2 of the series", "Ch. 11 of the code"):
        assert find_quantities(label) == [], label


def test_one_person_named_by_a_compound_counts_its_head():
    # session 40 (war set AG): "one crew member" had counted "crew", "two crew members" members
    units = lambda text: [q.unit for q in find_quantities(text)]  # noqa: E731
    assert units("One crew member was killed and one police officer was hurt.") == ["member", "officer"]
    assert units("Two crew members were killed.") == ["members"]
    assert units("One ship carrying grain and one soldier.") == ["ship", "soldier"]
    # not when the person names what a longer compound counts (a review of session 40)
    assert "guard" not in units("Russian artillery destroyed three border guard posts near the frontier.")
    assert "officer" not in units("Drones hit two police officer training centres overnight.")
