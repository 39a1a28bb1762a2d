"""Story search (SQLite FTS5 / PostgreSQL tsvector) and the place filter, on both backends."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import delete, text

from claimdesk.models import Place, Story
from claimdesk.store import Store, schema
from claimdesk.store.reviews import remove_stories
from claimdesk.store.search import search_terms
from claimdesk.store.stories import (
    StoryFilter, count_stories, iter_stories, save_stories, search_stories, write_story_rows,
)

KURSK = Place(name="Kursk", lat=51.73, lon=36.19, country="RU", kind="city")
LATAKIA = Place(name="Latakia", lat=35.52, lon=35.78, country="SY", kind="city")

STORIES = [
    Story(id="deserters", text="Eighteen North Korean soldiers deserted near the border, officials said.",
          status="corroborated", independent_sources=3, first_seen=date(2024, 10, 15), places=[KURSK]),
    Story(id="drones", text="Drones struck a fuel depot in Kursk overnight; the governor said fires were out.",
          independent_sources=2, first_seen=date(2024, 10, 16), places=[KURSK]),
    Story(id="drones-twice", text="Drones, more drones: drones hit the port.",
          independent_sources=1, first_seen=date(2024, 10, 17), places=[LATAKIA]),
    Story(id="rates", text="Prices rose 100% in a year, the statistics office said (rate_of_change).",
          independent_sources=1, first_seen=date(2024, 10, 18)),
]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request, sqlite_url):
    url = sqlite_url if request.param == "sqlite" else request.getfixturevalue("fresh_postgres_url")
    store = Store(url)
    save_stories(store, STORIES)
    yield store
    store.close()


def _ids(stories) -> list[str]:
    return [s.id for s in stories]


def test_query_words_are_terms_and_wildcards_are_separators():
    assert search_terms("North-Korean  DESERTERS") == ["north", "korean", "deserters"]
    assert search_terms("100%") == ["100"] and search_terms("rate_of") == ["rate", "of"]
    assert search_terms("%") == [] and search_terms("_ %_ '\"") == []


def test_every_word_must_start_a_word_of_the_story(store):
    assert _ids(search_stories(store, "deserted")) == ["deserters"]
    assert _ids(search_stories(store, "desert")) == ["deserters"]  # a word start
    assert _ids(search_stories(store, "KOREAN soldiers")) == ["deserters"]  # any case, every word
    assert search_stories(store, "korean drones") == []  # one story must hold both
    assert search_stories(store, "serted") == []  # the middle of a word is no match
    assert count_stories(store, StoryFilter(search="said")) == 3


def test_words_inside_angle_brackets_are_words_on_both_backends(store):
    """Crawled text keeps markup such as '<post post-author=…>'; PostgreSQL's parser would take it
    for a tag and index none of it, where SQLite indexes its words."""
    save_stories(store, [Story(id="markup", text='<post post-author="@reporter">PIC: the rally fills half the hall.',
                               independent_sources=1, first_seen=date(2024, 10, 19))])
    assert _ids(search_stories(store, "post author")) == ["markup"]
    assert _ids(search_stories(store, "rally")) == ["markup"]


def test_percent_and_underscore_are_not_wildcards(store):
    assert search_stories(store, "%") == [] and count_stories(store, StoryFilter(search="%")) == 0
    assert search_stories(store, "_") == []
    assert _ids(search_stories(store, "100%")) == ["rates"]
    assert _ids(search_stories(store, "rate_of_change")) == ["rates"]
    assert search_stories(store, 'drones" OR "korean') == []  # quotes and operators are plain text


def test_more_relevant_stories_come_first_whatever_their_sources(store):
    # "drones" three times in a short text outranks once in a longer one with more sources
    assert _ids(search_stories(store, "drones")) == ["drones-twice", "drones"]
    assert _ids(iter_stories(store)) == ["deserters", "drones", "drones-twice", "rates"]  # unsearched: by sources


def test_search_combines_with_the_other_filters_and_pages(store):
    assert _ids(search_stories(store, "said", flt=StoryFilter(min_sources=2))) == ["deserters", "drones"]
    assert _ids(search_stories(store, "said", flt=StoryFilter(status="corroborated"))) == ["deserters"]
    everything = _ids(search_stories(store, "said"))
    assert len(everything) == 3
    assert _ids(search_stories(store, "said", limit=2)) + _ids(search_stories(store, "said", limit=2, offset=2)) == everything


def test_the_index_follows_every_write_of_a_story(store):
    changed = STORIES[0].model_copy(update={"text": "The ministry denied any desertion."})
    save_stories(store, [changed])
    assert search_stories(store, "korean") == [] and _ids(search_stories(store, "ministry")) == ["deserters"]
    write_story_rows_text = STORIES[1].model_copy(update={"text": "A refinery burned after the strike."})
    with store.engine.begin() as conn:
        write_story_rows(conn, [write_story_rows_text])  # the incremental path: an UPDATE
    assert search_stories(store, "depot") == [] and _ids(search_stories(store, "refinery")) == ["drones"]
    with store.engine.begin() as conn:
        remove_stories(conn, ["drones-twice"])  # as a reviewer's merge empties a story
    assert search_stories(store, "port") == [] and count_stories(store, StoryFilter(place="latakia")) == 0
    with store.engine.begin() as conn:
        conn.execute(delete(schema.stories))  # as `corroborate --full` starts
    assert search_stories(store, "refinery") == [] and count_stories(store, StoryFilter(place="kursk")) == 0
    save_stories(store, [STORIES[0]])  # the same id again, as after a rebuild
    assert _ids(search_stories(store, "korean")) == ["deserters"]


def test_place_matches_place_names_and_country_codes_not_the_json(store):
    assert _ids(iter_stories(store, StoryFilter(place="kursk"))) == ["deserters", "drones"]
    assert _ids(iter_stories(store, StoryFilter(place="URS"))) == ["deserters", "drones"]  # part of a name
    assert _ids(iter_stories(store, StoryFilter(place="sy"))) == ["drones-twice"]  # a country code
    assert _ids(iter_stories(store, StoryFilter(place="lat"))) == ["drones-twice"]  # Latakia, not the "lat" key
    assert list(iter_stories(store, StoryFilter(place="lon"))) == []
    assert list(iter_stories(store, StoryFilter(place="%"))) == [] and list(iter_stories(store, StoryFilter(place="_"))) == []
    moved = STORIES[1].model_copy(update={"places": [LATAKIA]})
    with store.engine.begin() as conn:
        write_story_rows(conn, [moved])
    assert _ids(iter_stories(store, StoryFilter(place="kursk"))) == ["deserters"]
    assert _ids(iter_stories(store, StoryFilter(place="latakia"))) == ["drones", "drones-twice"]


def _undo_search_migration(store: Store) -> None:
    """The store as it was before migration 14 (its stories stay)."""
    with store.engine.begin() as conn:
        if store.dialect == "sqlite":
            for trigger in ("stories_search_insert", "stories_search_update", "stories_search_delete"):
                conn.execute(text(f"DROP TRIGGER {trigger}"))
            for table in ("story_search", "story_search_keys", "story_places"):
                conn.execute(text(f"DROP TABLE {table}"))
        else:
            conn.execute(text("DROP TRIGGER stories_places_sync ON stories"))
            conn.execute(text("DROP FUNCTION stories_places_sync()"))
            conn.execute(text("DROP INDEX ix_stories_search"))
            conn.execute(text("DROP TABLE story_places"))
        conn.execute(delete(schema.schema_migrations).where(schema.schema_migrations.c.version == 14))


def test_migration_14_indexes_the_stories_already_stored(store):
    _undo_search_migration(store)
    url = store.url
    store.close()
    reopened = Store(url)
    try:
        assert 14 in reopened.migrations_applied()
        assert _ids(search_stories(reopened, "drones")) == ["drones-twice", "drones"]
        assert _ids(iter_stories(reopened, StoryFilter(place="lat"))) == ["drones-twice"]
    finally:
        reopened.close()
