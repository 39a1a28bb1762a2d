"""The timeline spans the period the documents cover: stories first seen long before it (a page
dated years before the rest) fold into one "earlier" bar instead of stretching the axis."""

from __future__ import annotations

from datetime import date, timedelta

from claimdesk.models import Document, Story
from claimdesk.report.aggregate import period_start, timeline
from claimdesk.store import Store
from claimdesk.store.stories import save_stories


def _store(url: str, days: list[date]) -> Store:
    store = Store(url)
    stories = []
    for i, day in enumerate(days):
        doc = Document.from_text(f"Report number {i} of the desk, written on {day}.", source=f"{i}.txt",
                                 outlet=f"outlet{i % 3}", published=day)
        store.add_document(doc)
        stories.append(Story(id=f"s{i:03d}", text=f"claim {i}", first_seen=day,
                             status="corroborated" if i % 2 else "single_source"))
    save_stories(store, stories)
    return store


def test_a_background_date_years_before_folds_into_an_earlier_bar(sqlite_url):
    october = [date(2024, 10, 1) + timedelta(days=i % 20) for i in range(60)]
    store = _store(sqlite_url, october + [date(2012, 5, 3)])
    assert period_start(store) == date(2024, 9, 24)  # the earliest October day, less a week
    tl = timeline(store)
    assert tl.bars[0].earlier and tl.bars[0].label == "earlier" and tl.bars[0].total == 1 and tl.earlier == 1
    assert tl.bars[0].until == date(2024, 9, 23)
    rest = tl.bars[1:]
    assert all(not b.earlier for b in rest) and len(rest) == 20  # daily bars over October, not monthly since 2012
    assert (rest[0].label, rest[-1].label) == ("2024-10-01", "2024-10-20")
    assert sum(b.total for b in tl.bars) == 61


def test_documents_spread_over_years_fold_nothing(sqlite_url):
    weekly = [date(2022, 1, 3) + timedelta(days=7 * i) for i in range(104)]
    store = _store(sqlite_url, weekly)
    tl = timeline(store)
    assert tl.earlier == 0 and not any(b.earlier for b in tl.bars)
    assert tl.bars[0].label == "2022-01" and tl.bars[-1].label == "2023-12"


def test_one_old_page_among_a_few_folds_and_a_close_one_does_not(sqlite_url, tmp_path):
    store = _store(sqlite_url, [date(2024, 10, 16)] * 6 + [date(2024, 10, 17), date(2012, 3, 1)])
    assert period_start(store) == date(2024, 10, 9)
    near = _store(f"sqlite:///{tmp_path / 'near.sqlite'}", [date(2024, 10, 16)] * 6 + [date(2024, 10, 1)])
    assert period_start(near) == date(2024, 10, 1)  # a fortnight before is inside the period
