"""The ledger as CSV: one row per story, with the columns an ACLED or GDELT user looks for first
(date, event type, actors, place with coordinates) followed by claimdesk's verdict and evidence."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from claimdesk.models import Story
from claimdesk.report.plain_text import strip_escapes
from claimdesk.report.stream import stream_pages
from claimdesk.store import Store
from claimdesk.store.stories import StoryFilter, actors_of_claims

COLUMNS = [
    "story_id", "date", "date_granularity", "first_seen", "event_type", "actors", "place", "country",
    "lat", "lon", "status", "independent_sources", "mentions", "outlets", "urls", "contradictions", "text",
    "origins",  # added after "text" so existing column positions stay: "outlet via origin" per mention
    # the review (empty when no one reviewed the story): `status` above is the reviewer's when set
    "review_status", "machine_status", "reviewed_by", "reviewed_at", "review_note", "changed_since_review",
]
_LIST_SEP = "; "
# A cell a spreadsheet would run as a formula; article text is untrusted, so such cells get a quote.
_FORMULA_START = ("=", "+", "@", "\t", "\r")


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = strip_escapes(str(value))  # data stays data; `cat export.csv` cannot drive the terminal
    if text.startswith(_FORMULA_START) or (text.startswith("-") and not text[1:2].isdigit()):
        return "'" + text
    return text


def _unique(values: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def story_row(story: Story, actors: list[str]) -> dict[str, str]:
    place = next((p for p in story.places if p.lat is not None and p.lon is not None), None) or (
        story.places[0] if story.places else None)
    row = {
        "story_id": story.id,
        "date": story.when.value if story.when else (story.first_seen.isoformat() if story.first_seen else None),
        "date_granularity": story.when.granularity if story.when else ("day" if story.first_seen else None),
        "first_seen": story.first_seen.isoformat() if story.first_seen else None,
        "event_type": story.event_type,
        "actors": _LIST_SEP.join(actors),
        "place": place.name if place else None,
        "country": place.country if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "status": story.status,
        "independent_sources": story.independent_sources,
        "mentions": len(story.mentions),
        "outlets": _LIST_SEP.join(_unique(m.outlet for m in story.mentions)),
        "urls": _LIST_SEP.join(_unique(m.url for m in story.mentions)),
        "contradictions": _LIST_SEP.join(c.detail for c in story.contradictions),
        "text": story.text,
        "origins": _LIST_SEP.join(_unique(f"{m.outlet or 'unknown outlet'} via {m.origin.outlet}"
                                          for m in story.mentions if m.origin)),
        **_review_cells(story),
    }
    return {k: _cell(v) for k, v in row.items()}


def _review_cells(story: Story) -> dict[str, object]:
    r = story.review
    if r is None:
        return {k: None for k in ("review_status", "machine_status", "reviewed_by", "reviewed_at", "review_note",
                                  "changed_since_review")}
    return {"review_status": r.status, "machine_status": r.machine_status, "reviewed_by": r.by,
            "reviewed_at": r.at.isoformat(), "review_note": r.note, "changed_since_review": str(r.changed_since_review).lower()}


def write_csv(store: Store, out: TextIO, flt: StoryFilter = StoryFilter()) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for page in stream_pages(store, flt):
        actors = actors_of_claims(store, [m.claim for s in page for m in s.mentions])
        for story in page:
            writer.writerow(story_row(story, _unique(a for m in story.mentions for a in actors.get(m.claim, []))))
            count += 1
    return count
