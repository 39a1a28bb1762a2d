"""A page's published time and its live posts' times: read from markup, stored, and used to tell a toll
read at two hours of one day from two accounts at odds. Pages written for these tests."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import create_engine, inspect, text

from claimdesk.corroborate.contradictions import Evidence, find
from claimdesk.extraction import extract
from claimdesk.ingest.html import extract_article
from claimdesk.ingest.options import IngestOptions
from claimdesk.models import Document
from claimdesk.store import Store
from claimdesk.store.corroboration import document_headers

KYIV_SUMMER = timezone(timedelta(hours=3))
FILLER = ("<p>Rescue crews worked through the night in the city, where the regional administration opened a help "
          "point for residents whose flats were damaged in the attack on the district.</p>")

LIVE_BLOG = """<html><head><title>Kharkiv strike: live updates - Eastern Daybook</title>
<meta property="article:published_time" content="2029-04-05T07:05:00+03:00"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/war">War</a></li></ul></nav>
<article><h1>Kharkiv strike: live updates</h1>
<p class="meta">Live updates · 5 April 2029 · Kyiv time</p>
<div class="post"><time>20:15</time>
<p>Mayor Ihor Lysenko says the toll has risen to eight dead and 37 injured in Kharkiv.</p>
<div class="share"><a>Share</a></div></div>
<div class="post"><time>13:15</time>
<p>Governor Oleksandr Hrytsenko now says four people were killed and 23 injured in Kharkiv.</p>
<p>Rescuers are still searching the rubble of the printing house, he says.</p></div>
<div class="post"><time>10:40</time>
<p>Governor Oleksandr Hrytsenko says two people were killed and 14 injured when guided bombs hit a printing
house in Kharkiv.</p></div>
""" + FILLER + """
</article>
<aside><ul class="latest"><li><span>12:40</span> <a href="/a">Evacuation near Vovchansk continues</a></li>
<li><span>12:15</span> <a href="/b">Drone drops explosives on a truck</a></li></ul></aside>
</body></html>"""

FLAT_BLOG = """<html><head><title>Ukraine war live - The Courier</title>
<meta property="article:published_time" content="2026-09-24"></head><body><main>
<h1>Ukraine war live: prisoner exchange</h1>
<p class="time">18.40 BST</p>
<p>The Kremlin's spokesman refused to comment on whether another exchange was being prepared.</p>
<p class="time">17.05 BST</p>
<p>Ukraine and Russia have each handed over 146 prisoners of war, Ukraine's coordination headquarters said.</p>
<p class="time">09.15 BST</p>
<p>Welcome to our live coverage of the war in Ukraine.</p>
""" + FILLER + "</main></body></html>"

NO_ZONE_BLOG = """<html><head><title>Live - Daybook</title></head><body><article>
<h1>Live: strikes on the south</h1>
<div class="post"><span class="ts">20:10</span><p>The governor says seven people were killed in Kherson today.</p></div>
<div class="post"><span class="ts">11:30</span><p>The governor says three people were killed in Kherson this morning.</p></div>
<div class="post"><span class="ts">08:05</span><p>Explosions were heard in Kherson early this morning, residents said.</p></div>
""" + FILLER + "</article></body></html>"

WIRE_PAGE = """<html><head><title>Guided bombs kill nine in Kharkiv - Kestrel</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "datePublished": "2029-04-05T17:45:00Z", "headline": "Guided bombs kill nine in Kharkiv"}</script></head>
<body><article><h1>Guided bombs kill nine in Kharkiv</h1>
<p>Nine people were killed and 41 injured when Russian guided bombs hit a printing house in Kharkiv on Thursday,
Ukraine's National Police said.</p>""" + FILLER + "</article></body></html>"


def read(page: str, name: str, as_of: date = date(2029, 4, 6)) -> Document:
    return extract_article(page, name, "html", IngestOptions(as_of=as_of))


def test_a_live_pages_posts_carry_the_time_the_page_shows_above_them():
    doc = read(LIVE_BLOG, "live.html")
    assert doc.published_at == datetime(2029, 4, 5, 7, 5, tzinfo=KYIV_SUMMER)
    posts = [(doc.text[p.span[0]:p.span[1]], p.at.astimezone(KYIV_SUMMER).strftime("%H:%M")) for p in doc.posts]
    assert posts == [
        ("Mayor Ihor Lysenko says the toll has risen to eight dead and 37 injured in Kharkiv.", "20:15"),
        ("Governor Oleksandr Hrytsenko now says four people were killed and 23 injured in Kharkiv.\n"
         "Rescuers are still searching the rubble of the printing house, he says.", "13:15"),
        ("Governor Oleksandr Hrytsenko says two people were killed and 14 injured when guided bombs hit a printing "
         "house in Kharkiv.", "10:40"),
    ]
    # "Kyiv time" names the zone: summer time in April
    assert all(p.at.utcoffset() == timedelta(hours=3) for p in doc.posts)
    # a sentence of a post is told at its post's time; the filler after the last post at the page's own
    rescuers = doc.text.index("Rescuers are still")
    assert doc.told_at((rescuers, rescuers + 10)).astimezone(KYIV_SUMMER).hour == 13
    assert doc.told_at((doc.text.index("Rescue crews"), doc.text.index("Rescue crews") + 5)) == doc.published_at


def test_clocks_beside_paragraphs_with_their_zone_and_none_without_a_zone_to_read_them_in():
    flat = read(FLAT_BLOG, "flat.html", as_of=date(2026, 9, 25))
    assert [(doc_words[:20], p.at.strftime("%H:%M %z")) for p in flat.posts
            for doc_words in [flat.text[p.span[0]:p.span[1]]]] == [
        ("The Kremlin's spokes", "18:40 +0100"), ("Ukraine and Russia h", "17:05 +0100"),
        ("Welcome to our live ", "09:15 +0100")]
    # no zone beside the clocks, none on the page, no published time: an hour in an unknown zone could turn a later
    # count into an earlier one, so the posts carry none
    assert read(NO_ZONE_BLOG, "nozone.html").posts == []


def test_a_sidebars_list_of_timed_headlines_is_no_live_page():
    # the live blog's own clocks gone, its sidebar's "12:40 Evacuation near Vovchansk continues" remain
    doc = read(re.sub(r"<time>[^<]*</time>", "", LIVE_BLOG), "no-posts.html")
    assert doc.posts == []
    assert doc.published_at is not None


def test_the_published_time_comes_from_json_ld_and_a_day_alone_gives_none():
    assert read(WIRE_PAGE, "wire.html").published_at == datetime(2029, 4, 5, 17, 45, tzinfo=timezone.utc)
    day_only = WIRE_PAGE.replace("2029-04-05T17:45:00Z", "2029-04-05")
    assert read(day_only, "wire-day.html").published_at is None


def test_times_are_stored_with_the_document_and_read_back_with_its_header(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'times.sqlite'}")
    doc = read(LIVE_BLOG, "live.html")
    store.add_document(doc)
    again = store.get_document(doc.id)
    assert again.published_at == doc.published_at and again.posts == doc.posts
    header = document_headers(store, [doc.id])[doc.id]
    assert header.posts == doc.posts and header.published_at == doc.published_at


def test_a_store_made_before_page_times_gets_the_column(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    Store(url)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE documents DROP COLUMN times"))
        conn.execute(text("DELETE FROM schema_migrations WHERE version = 17"))
    store = Store(url)
    assert "times" in {c["name"] for c in inspect(store.engine).get_columns("documents")}
    store.add_document(read(WIRE_PAGE, "wire.html"))


def _tolls(first: Document, second: Document) -> list[str]:
    evidence = []
    for i, doc in enumerate((first, second)):
        claim = next(c for c in extract(doc) if "killed" in c.text)
        evidence.append(Evidence(claim, f"outlet:{i}", published=doc.published, told_at=doc.told_at(claim.span)))
    return sorted(c.detail for c in find(evidence) if c.kind == "number")


def test_a_toll_told_hours_later_and_no_lower_is_the_count_grown_not_two_accounts():
    live = read(LIVE_BLOG, "live.html")
    morning = Document.from_text(live.text[live.posts[2].span[0]:live.posts[2].span[1]], source="morning.html",
                                 outlet="Eastern Daybook", published=date(2029, 4, 5))
    morning.posts = []
    morning.published_at = live.posts[2].at  # the 10:40 post
    wire = read(WIRE_PAGE, "wire.html")  # 20:45 Kyiv time: nine killed, the police said
    assert _tolls(morning, wire) == []
    # the same two figures half an hour apart are two accounts of one moment
    morning.published_at = wire.published_at - timedelta(minutes=30)
    assert _tolls(morning, wire) == ["two vs Nine"]
    # and a lower toll told later still disagrees
    morning.published_at = wire.published_at + timedelta(hours=3)
    assert _tolls(morning, wire) == ["two vs Nine"]
    # with no time on one page, one day's pages are two accounts, as before
    morning.published_at = None
    assert _tolls(morning, wire) == ["two vs Nine"]


def test_a_json_lines_record_gives_its_time_when_its_date_field_has_one_with_a_zone(tmp_path):
    from claimdesk.ingest.jsonl import read_jsonl

    body = "Nine people were killed when guided bombs hit a printing house in Kharkiv, the police said. " * 3
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": body, "date_publish": "2029-04-05T17:45:00Z"}) + "\n"
                    + json.dumps({"text": body + "Again.", "date_publish": "2029-04-05 17:45:00"}) + "\n"
                    # a time of another day than the record's date is no time of its publication
                    + json.dumps({"text": body + "Once more.", "date_publish": "2029-04-05",
                                  "date": "2029-04-09T10:00:00Z"}) + "\n")
    docs = list(read_jsonl(path, IngestOptions()))
    assert [(d.published, d.published_at) for d in docs] == [
        (date(2029, 4, 5), datetime(2029, 4, 5, 17, 45, tzinfo=timezone.utc)), (date(2029, 4, 5), None),
        (date(2029, 4, 5), None)]


# written after a review of session 38's change: odd markup, zones the page does not give, midnight, stray clocks

def _blog(posts: str, head: str = "", intro: str = "") -> str:
    return (f"<html><head><title>Live - Daybook</title>{head}</head><body><article><h1>Live: the war</h1>{intro}"
            f"{posts}{FILLER}</article></body></html>")


def _post(clock: str, words: str) -> str:
    return f'<div class="post"><span class="ts">{clock}</span><p>{words}</p></div>'


THREE_POSTS = (_post("20:10", "The governor says seven people were killed in Kherson today.")
               + _post("11:30", "The governor says three people were killed in Kherson this morning.")
               + _post("08:05", "Explosions were heard in Kherson early this morning, residents said."))


def test_odd_markup_costs_a_page_its_times_never_the_page():
    bad_zone = _blog(THREE_POSTS.replace("20:10", "20:10 UTC+24"), head='<meta property="article:published_time" '
                     'content="2029-04-05T07:05:00+03:00">')
    assert "seven people were killed" in read(bad_zone, "bad-zone.html").text
    deep = '{"datePublished": "2029-04-05T07:05:00Z", "x": ' + "[" * 50_000 + "]" * 50_000 + "}"
    doc = read(_blog(THREE_POSTS, head=f'<script type="application/ld+json">{deep}</script>'), "deep.html")
    assert "seven people were killed" in doc.text


def test_clocks_take_no_zone_from_metadata_in_utc_nor_from_a_posts_sentence():
    utc = '<meta property="article:published_time" content="2029-04-05T04:05:00Z">'
    assert read(_blog(THREE_POSTS, head=utc), "utc.html").posts == []
    talks = THREE_POSTS.replace("residents said.", "residents said.</p><p>Talks resume at 10:00 Moscow time.")
    local = '<meta property="article:published_time" content="2029-04-05T07:05:00+01:00">'
    doc = read(_blog(talks, head=local), "talks.html")
    assert [p.at.utcoffset() for p in doc.posts] == [timedelta(hours=1)] * 3
    # a line of its own naming the zone is the page's
    doc = read(_blog(THREE_POSTS, head=utc, intro="<p>All times are Kyiv time.</p>"), "kyiv.html")
    assert [p.at.astimezone(timezone.utc).strftime("%H:%M") for p in doc.posts] == ["17:10", "08:30", "05:05"]
    # and so does the page's own stamp beside its metadata's UTC
    stamp = '<p class="date"><time datetime="2029-04-05T04:05:00Z">Thu 5 Apr 2029 07.05 EEST</time></p>'
    doc = read(_blog(THREE_POSTS, head=utc, intro=stamp), "stamp.html")
    assert [p.at.astimezone(timezone.utc).strftime("%H:%M") for p in doc.posts] == ["17:10", "08:30", "05:05"]


def test_a_clock_turning_back_on_a_newest_first_page_has_passed_midnight():
    posts = (_post("00:40", "The governor says nine people were killed in Kherson.")
             + _post("22:10", "The governor says five people were killed in Kherson today.")
             + _post("14:00", "The governor says three people were killed in Kherson this morning."))
    doc = read(_blog(posts, intro="<p>All times are Kyiv time.</p>",
                     head='<meta property="article:published_time" content="2029-04-05T07:05:00+03:00">'), "night.html")
    assert [p.at.strftime("%d %H:%M") for p in doc.posts] == ["06 00:40", "05 22:10", "05 14:00"]


def test_a_clock_widget_and_a_bylines_time_make_no_live_page_and_a_clock_inside_a_clock_is_one():
    page = ('<html><head><title>Strike on Kharkiv - Daybook</title><meta property="article:published_time" '
            'content="2029-04-05T07:05:00+03:00"></head><body><header><span>23:50</span></header><article>'
            '<h1>Strike on Kharkiv</h1><p class="byline">By Olena Marchuk. Updated <span>21:10</span></p>'
            '<p>Nine people were killed when guided bombs hit a printing house in Kharkiv, the police said.</p>'
            f'{FILLER}</article></body></html>')
    assert read(page, "widget.html").posts == []
    nested = "".join(f'<div class="post"><time datetime="2029-04-05T{t}:00+03:00"><span>{t}</span></time><p>{w}</p></div>'
                     for t, w in (("20:10", "The governor says seven people were killed in Kherson today."),
                                  ("11:30", "The governor says three people were killed in Kherson this morning."),
                                  ("08:05", "Explosions were heard in Kherson early this morning, residents said.")))
    doc = read(_blog(nested), "nested.html")
    assert [p.at.strftime("%H:%M %z") for p in doc.posts] == ["20:10 +0300", "11:30 +0300", "08:05 +0300"]
    assert all(p.span[0] < p.span[1] for p in doc.posts)
    assert doc.told_at((doc.text.index("Rescue crews"), doc.text.index("Rescue crews") + 5)) is None
