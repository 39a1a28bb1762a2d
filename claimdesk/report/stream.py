"""Read stories page by page so an export of 100,000 stories never holds them all in memory."""

from __future__ import annotations

from collections.abc import Iterator

from claimdesk.models import Story
from claimdesk.store import Store
from claimdesk.store.stories import StoryFilter, iter_stories

PAGE_SIZE = 500


def stream_pages(
    store: Store, flt: StoryFilter = StoryFilter(), page_size: int = PAGE_SIZE, with_mentions: bool = True,
) -> Iterator[list[Story]]:
    """Pages of the stories matching `flt`, in the store's ranking order."""
    offset = 0
    while True:
        page = list(iter_stories(store, flt, limit=page_size, offset=offset, with_mentions=with_mentions))
        if page:
            yield page
        if len(page) < page_size:
            return
        offset += page_size


def stream_stories(
    store: Store, flt: StoryFilter = StoryFilter(), page_size: int = PAGE_SIZE, with_mentions: bool = True,
) -> Iterator[Story]:
    for page in stream_pages(store, flt, page_size, with_mentions):
        yield from page
