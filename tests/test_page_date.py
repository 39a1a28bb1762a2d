"""The publication date a page states about itself, used when no metadata gives one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claimdesk.extraction import extract
from claimdesk.ingest.metadata import page_date
from claimdesk.ingest.options import IngestOptions
from claimdesk.ingest.text import read_text
from claimdesk.models import Document

FEB_26 = date(2026, 2, 26)


@pytest.mark.parametrize("text, title, url, expected", [
    ("Russia launched 71 missiles.", None, "https://example.com/world/2026/02/26/kyiv-strikes/", FEB_26),
    ("Russia launched 71 missiles.", None, "https://example.com/news/20260226-kyiv.html", FEB_26),
    ("KYIV, Feb 26, 2026 (Reuters) - Russia launched 71 missiles.", None, None, FEB_26),
    ("KYIV, Feb 26 (Reuters) - Russia launched 71 missiles. A deal was signed on Feb. 20, 2026.", None, None, FEB_26),
    ("Strikes on Kyiv\nUpdated: Feb 27, 2026 10:14 GMT\nPublished: 26 February 2026\nRussia launched missiles.",
     None, None, FEB_26),
    ("Russia launched 71 missiles.", "Russia strikes Kyiv — February 26, 2026", None, FEB_26),
    ("Airbus parent EADS defeats Boeing for airtanker contract March 01, 2008 Northrop Grumman and EADS have "
     "defeated Boeing.", None, None, date(2008, 3, 1)),
    # written after war set R (tuning): an agency the wire list does not name; a date line with its hour
    ("KYIV, Feb 26 (Eastwire) - Russia launched 71 missiles. A deal was signed on Feb. 20, 2026.", None, None, FEB_26),
    ("Russia pounds Ukraine\nFebruary 26, 2026 10:42 AM GMT+3 Updated 12:15 PM GMT+3\nKYIV - Russia launched 71 "
     "missiles.", None, None, FEB_26),
    ("Russia pounds Ukraine\nThe talks of February 26, 2026 10:42 were cancelled.", None, None, None),
    # session 39: a Russian agency's day-first dateline stamped in dots, a stamp line's day in dots
    ("MOSCOW, 26 February — RusVesti. 26.02.2026, 17:20\nUnits of the group of forces advanced.", None, None, FEB_26),
    ("Strike on Dnipro\nUpdated: 26.02.2026\nA missile hit the city.", None, None, FEB_26),
    ("MOSCOW, 26 February — RusVesti. 27.02.2026, 17:20\nUnits of the group of forces advanced.", None, None, None),
    # a review's cases: another month's day, a day the sentence tells of
    ("MOSCOW, 26 February — RusVesti. Talks will resume on 26.03.2026, the ministry said.", None, None, None),
    ("MOSCOW, 26 February — RusVesti. The contract signed on 26.02.2025 was annulled.", None, None, None),
    ("Voting\nVoting closes: February 26, 2026 20:00 local time. The count follows.", None, None, None),
    ("Kyiv - The ultimatum expires February 26, 2026 12:00 GMT, the ministry said.", None, None, None),
    # session 41 (war set AI): a yearless dateline in the year of the page's copyright line, when the weekday its
    # paragraph names falls on that day; not when the weekday is another day's or no weekday is named
    ("KYIV, Oct 17 (Meridian) - Missiles struck Poltava on Thursday, the mayor said.\nMore.\n© 2030 Courier Ltd.",
     None, None, date(2030, 10, 17)),
    ("KYIV, Oct 18 (Meridian) - Missiles struck Poltava on Thursday, the mayor said.\nMore.\n© 2030 Courier Ltd.",
     None, None, None),
    ("KYIV, Oct 17 (Meridian) - Missiles struck Poltava, the mayor said.\nMore.\nCopyright 2030 Courier Ltd.",
     None, None, None),
    ("KYIV, Oct 17 (Meridian) - Missiles struck Poltava.\nOn Thursday the mayor spoke.\n© 2030 Courier Ltd.",
     None, None, None),
    # a review's cases: a day to come is not the dateline's; a month's short name
    ("WASHINGTON, Oct 16 (Wire) - Zelensky will meet Trump at the White House on Friday, officials said.\nMore.\n"
     "© 2026 Wire Ltd.", None, None, None),
    ("KYIV, Mar 3 (Wire) - Russian drones hit Kyiv on Tuesday, officials said.\nMore.\n© 2026 Wire Ltd.", None, None,
     date(2026, 3, 3)),
    # nothing the page states about itself: no guess
    ("He was sentenced on Saturday.", "Judge sentences the gunman for the crimes he committed on March 11, 2005",
     None, None),
    ("He was sentenced on Saturday.", "Judge sentences gunman for March 11, 2005 shooting", None, None),
    ("Russia launched 71 missiles on March 1, 2008 at the city.", None, None, None),
    ("KYIV, Feb 26 (Reuters) - Russia launched 71 missiles.", None, None, None),
    ("Russia launched 71 missiles in 2025 and more in late 2025.", "Russia strikes Kyiv", "https://example.com/kyiv", None),
    ("The report was published in the 2024 edition of the yearbook.", None, "https://example.com/2024/", None),
])
def test_page_date(text, title, url, expected):
    assert page_date(text, title, url) == expected


def test_a_claim_dated_from_the_dateline_when_metadata_is_missing():
    story = "Russia launched 71 missiles at Kyiv on February 25, the air force said."
    dated = extract(Document.from_text(f"KYIV, Feb 26, 2026 (Reuters) - Air raid sirens sounded.\n{story}", source="wire.txt"))
    undated = extract(Document.from_text(f"KYIV (Reuters) - Air raid sirens sounded.\n{story}", source="wire.txt"))
    assert [c.when.value if c.when else None for c in dated if c.line == 2] == ["2026-02-25"]
    assert [c.when for c in undated if c.line == 2] == [None]


def test_text_files_take_the_page_date_and_an_explicit_one_wins(tmp_path: Path):
    path = tmp_path / "wire.txt"
    path.write_text("KYIV, Feb 26, 2026 (Reuters) - Russia launched 71 missiles.", "utf-8")
    assert next(read_text(path, IngestOptions())).published == FEB_26
    assert next(read_text(path, IngestOptions(published=date(2026, 3, 1)))).published == date(2026, 3, 1)


def _page_dated(day: date, body_time: str = "") -> str:
    body = " ".join(["Officials said the repair crews restored power to the district overnight."] * 6)
    return ('<html><head><meta property="og:site_name" content="Harbour Gazette">'
            f'<meta property="article:published_time" content="{day.isoformat()}T07:48:00Z">'
            f'<title>Power restored</title></head><body><article><p>{body}</p>{body_time}</article></body></html>')


def test_a_page_dated_after_the_day_it_is_read_keeps_its_date():
    # htmldate drops dates after today by default: set H's first look (December 2026) read its pages of
    # January 2027 undated
    from datetime import timedelta

    from claimdesk.ingest.html import extract_article

    soon = date.today() + timedelta(days=60)
    assert extract_article(_page_dated(soon), "page.html", "html", IngestOptions()).published == soon


def test_a_date_years_ahead_is_no_publication_date():
    from claimdesk.ingest.html import extract_article

    far = date(date.today().year + 6, 6, 1)
    assert extract_article(_page_dated(far), "page.html", "html", IngestOptions()).published != far


@pytest.mark.parametrize("html, expected", [
    # written after war set S (tuning): the page's own stamp in an element the main-text extractor leaves out
    ('<div class="timestamp">Updated 7:52 PM EEST, Wed February 26, 2026</div>', FEB_26),
    ('<div class="meta">Posted by Newsdesk on February 26, 2026 at 9:02 am · Source: Polaris Wire</div>', FEB_26),
    ('<p class="byline">Staff with Polaris Wire · Thu, Feb 26, 2026 · 10:15</p>', FEB_26),
    ('<time datetime="2026-02-26">26 February 2026</time>', FEB_26),
    # a date in the article, a related-stories list or a copyright line is no stamp
    ('<p>The talks are set for February 26, 2026.</p>', None),
    ('<ul class="related"><li>Strikes on Kyiv, February 26, 2026</li></ul>', None),
    ('<footer><p class="copyright">© 2026 Polaris Wire</p></footer>', None),
    # session 39, after war sets AE and AF (and R's Russian agency): a day in dots, a breadcrumb spelling the path,
    # a stamp line in an element of no stamp class
    ('<div class="date">MOSCOW, 26 February — RusVesti. 26.02.2026, 17:20 (updated: 18:05)</div>', FEB_26),
    ('<div class="crumbs">westfieldgazette.com › world › 2026 › 02 › 26 › russian-missiles-hit-kyiv</div>', FEB_26),
    ('<div class="info"><span>Updated: 26.02.2026, 14:05</span> · Views: 8 412</div>', FEB_26),
    # a day in dots or a path in an article's sentence, a list of links, a count after "updated": no stamp
    ('<p>The vote of 26.02.2026 was annulled, officials said.</p>', None),
    ('<ul class="related"><li><a href="/local/2026/02/26/fireworks">Fireworks</a> 2026 › 02 › 26</li></ul>', None),
    ('<div class="info"><span>Updated 3 times</span></div>', None),
    # a review's cases: a related list's stamp line, a live post's hour before a date in its text, a version number,
    # a meta line's figures read as a path
    ('<div class="read-also"><ul><li><span>Published: 02.03.2026</span></li></ul></div>'
     '<div class="info"><span>Updated: 26.02.2026, 14:05</span></div>', FEB_26),
    ('<p>Updated 10:42: the strike of 26 February 2026 was repeated.</p>', None),
    ('<div class="info"><span>Updated: Python 3.10.2024</span></div>', None),
    ('<div class="meta">Season 2024 | 12 | 3 comments</div>', None),
])
def test_an_html_page_is_dated_by_its_own_stamp(html, expected):
    from claimdesk.ingest.html import stamp_date

    page = f"<html><head><title>Strikes</title></head><body>{html}<p>Russia launched 71 missiles.</p></body></html>"
    assert stamp_date(page) == expected


def test_an_html_page_dated_only_by_its_stamp_line_is_ingested_with_that_date(tmp_path: Path):
    from claimdesk.ingest.html import read_html

    body = " ".join(["Russia launched 71 missiles and 29 drones at Ukraine overnight, the air force said."] * 5)
    page = tmp_path / "page.html"
    page.write_text(f"<html><head><title>Strikes on Kyiv</title></head><body><header><div class=\"timestamp\">"
                    f"Updated 7:52 PM EEST, Thu February 26, 2026</div></header><article><p>{body}</p>"
                    f"<p>{body}</p></article></body></html>", encoding="utf-8")
    [doc] = list(read_html(page, IngestOptions()))
    assert doc.published == FEB_26


@pytest.mark.parametrize("html, expected", [
    # a review's cases: a masthead's "today" and a sidebar's dates are no stamp of the page; a <time>'s datetime
    ('<div class="masthead"><div class="date">Saturday, March 14, 2026</div></div><article>'
     '<div class="post-meta">Posted on February 26, 2026</div></article>', FEB_26),
    ('<aside><span class="date">March 1, 2026</span></aside><div class="entry-meta">February 26, 2026</div>', FEB_26),
    ('<time datetime="2026-02-26T10:00:00Z">3 hours ago</time>', FEB_26),
    ('<div class="timestamp">February 26, 2041</div>', None),  # decades ahead: no publication date
])
def test_a_stamp_is_the_pages_own(html, expected):
    from claimdesk.ingest.html import stamp_date

    page = f"<html><head><title>Strikes</title></head><body>{html}<p>Russia launched 71 missiles.</p></body></html>"
    assert stamp_date(page, as_of=date(2026, 3, 14)) == expected
