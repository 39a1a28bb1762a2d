"""Country- and region-level places on the map and in GeoJSON: areas at the capital, never a lone
point at a centroid; a town in the same story is drawn before either."""

from __future__ import annotations

from claimdesk.models import Place, Story
from claimdesk.report.aggregate import map_point
from claimdesk.report.geojson_export import story_feature
from claimdesk.report.templating import environment
from claimdesk.report.worldmap import country_paths

UKRAINE = Place(name="Ukraine", lat=50.45466, lon=30.5238, country="UA", geonameid=690791, kind="country")
KUPIANSK = Place(name="Kupyansk", lat=49.71003, lon=37.61581, country="UA", geonameid=703656, kind="city")
KHARKIV_OBLAST = Place(name="Kharkiv", lat=49.98, lon=36.25, country="UA", kind="region")


def _render(points) -> str:
    macros = environment().from_string(
        '{% import "_macros.html" as m %}{{ m.world_map(countries, points, "[]", "#story-") }}')
    return macros.render(countries=country_paths(), points=points)


def test_geojson_carries_the_kind_and_prefers_the_most_specific_place():
    country_only = story_feature(Story(id="s1", text="Ukraine asked for air defence.", places=[UKRAINE]))
    assert country_only["properties"]["kind"] == "country"
    assert country_only["geometry"]["coordinates"] == [30.5238, 50.45466]  # Kyiv, the capital
    town = story_feature(Story(id="s2", text="Kupyansk, Ukraine, was shelled.", places=[UKRAINE, KUPIANSK]))
    assert town["properties"]["kind"] == "city" and town["properties"]["place"] == "Kupyansk"
    assert town["properties"]["geonameid"] == 703656
    region = story_feature(Story(id="s3", text="Strikes in Ukraine's Kharkiv Oblast.", places=[UKRAINE, KHARKIV_OBLAST]))
    assert region["properties"]["kind"] == "region"


def test_the_map_shades_a_country_level_story_and_rings_its_marker():
    country = map_point(Story(id="s1", text="Ukraine asked for air defence.", status="corroborated", places=[UKRAINE]))
    town = map_point(Story(id="s2", text="Kupyansk was shelled.", status="contested", places=[KUPIANSK]))
    assert (country.kind, country.iso_a3) == ("country", "UKR") and (town.kind, town.iso_a3) == ("city", None)
    svg = _render([country, town])
    assert svg.count('class="area corroborated"') == 1  # Ukraine's outline, shaded in the story's status
    assert '<circle data-id="s1" class="corroborated area"' in svg
    assert '<circle data-id="s2" class="contested"' in svg
    # A town alone shades nothing.
    assert 'class="area' not in _render([town])


def test_a_region_level_story_is_a_shaded_disc_and_a_town_is_not():
    region = map_point(Story(id="s3", text="Strikes in Kharkiv Oblast.", status="denied", places=[KHARKIV_OBLAST]))
    town = map_point(Story(id="s2", text="Kupyansk was shelled.", status="contested", places=[KUPIANSK]))
    svg = _render([region, town])
    assert '<circle class="region-area denied" data-region-of="s3"' in svg
    assert 'data-region-of="s2"' not in svg
    assert '<circle data-id="s3" class="denied area"' in svg  # its marker is a ring, as a country's


def test_the_map_layer_says_when_it_left_stories_out(sqlite_url):
    from claimdesk.report.aggregate import map_layer
    from claimdesk.store import Store
    from claimdesk.store.stories import save_stories

    store = Store(sqlite_url)
    save_stories(store, [Story(id=f"s{i}", text=f"claim {i}", places=[KUPIANSK] if i % 2 else []) for i in range(10)])
    whole = map_layer(store)
    assert whole.complete and len(whole.points) == 5 and whole.matching == 10
    cut = map_layer(store, limit=3)
    assert not cut.complete and cut.stopped_at_limit and len(cut.points) == 3
    short = map_layer(store, scan=2)
    assert not short.complete and short.scanned == 2 and len(short.points) == 2 and not short.stopped_at_limit
    exact = map_layer(store, limit=5)  # the limit reached by the last located story: nothing left out
    assert exact.complete and len(exact.points) == 5
