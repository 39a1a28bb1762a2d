"""The ledger as JSON: a list of stories shaped as DESIGN.md says, written one story at a time."""

from __future__ import annotations

from typing import Any, TextIO

from claimdesk.models import Story
from claimdesk.report.plain_text import json_text
from claimdesk.report.stream import stream_stories
from claimdesk.store import Store
from claimdesk.store.stories import StoryFilter


def story_to_dict(story: Story) -> dict[str, Any]:
    return story.model_dump(mode="json")


def write_json(store: Store, out: TextIO, flt: StoryFilter = StoryFilter()) -> int:
    """Write the stories matching `flt` as one JSON array; return how many were written."""
    count = 0
    out.write("[")
    for story in stream_stories(store, flt):
        out.write(",\n" if count else "\n")
        out.write(json_text(story_to_dict(story)))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count
