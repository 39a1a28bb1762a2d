"""Page furniture: marked on the document, never a claim, never an audit finding, the same
whatever order an outlet's pages come in, stored through migration 6, and measured on lines
labelled by hand (tests/fixtures/furniture_labels.tsv, texts read in place from the corpus)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from claimdesk import furniture
from claimdesk.audit import audit
from claimdesk.audit.output import document_dict
from claimdesk.furniture.lines import FEATURES, features, line_key, lines_of
from claimdesk.ingest import IngestOptions
from claimdesk.models import Document
from claimdesk.pipeline import ingest
from claimdesk.store import Store, schema
from system_programs import require_shared_data

LABELS = Path(__file__).parent / "fixtures" / "furniture_labels.tsv"
BENCH = Path(__file__).resolve().parent.parent / "bench"  # the figures' own code: eval_furniture, train_furniture

ARTICLE = (
    "Russian forces fired more than 300 drones and about 30 missiles overnight, Ukraine's air force said on Monday.\n"
    "[Get In Touch]\n"
    "The strikes hit energy facilities in the Kyiv region, leaving 200,000 homes without power, officials said.\n"
    "Sign up for our morning newsletter\n"
    "Advertisement\n"
    "Related: Zelensky meets allies in Berlin\n"
    "Photo: Reuters\n"
    "Copyright 2026 Example News. All rights reserved.\n"
)


def _lines_marked(doc: Document) -> list[str]:
    return [doc.text[s:e] for s, e in doc.furniture]


def test_furniture_lines_are_marked_and_the_text_stays_as_given():
    doc = furniture.mark(Document.from_text(ARTICLE, source="a.txt"))
    assert doc.text == ARTICLE
    assert _lines_marked(doc) == [
        "[Get In Touch]", "Sign up for our morning newsletter", "Advertisement",
        "Related: Zelensky meets allies in Berlin", "Photo: Reuters",
        "Copyright 2026 Example News. All rights reserved.",
    ]
    assert doc.line_of(doc.furniture[0][0]) == 2


def test_article_sentences_and_tweets_quoted_in_them_are_not_furniture():
    text = ("A Delta flight returned to Detroit after a bird was found in the cockpit, the airline said.\n"
            "Time travel is possible! pic.twitter.com/x — Flightradar24 (@flightradar24) December 31, 2017\n"
            "The plane took off again in the early afternoon and landed in Atlanta without incident.\n")
    assert furniture.mark(Document.from_text(text, source="b.txt")).furniture == []


def test_half_of_a_span_in_furniture_decides():
    doc = Document.from_text("Advertisement\nThe minister resigned on Friday.", source="c.txt")
    doc.furniture = [(0, 13)]
    assert doc.in_furniture((0, 13))
    assert not doc.in_furniture((0, 45))  # a sentence that only runs on out of a furniture line
    assert not doc.in_furniture((14, 45))


def test_line_keys_fold_case_and_spacing_and_lines_keep_their_spans():
    assert line_key("Read  more ") == line_key("read more")
    assert line_key("Read more") != line_key("Read more:")
    lines = lines_of("first\n\n  Advertisement \nlast")
    assert [(l.number, l.text, l.span) for l in lines] == [(1, "first", (0, 5)), (3, "Advertisement", (9, 22)),
                                                            (4, "last", (24, 28))]


def test_audit_does_not_fire_on_furniture_but_keeps_an_empty_media_slot():
    plain = Document.from_text(ARTICLE, source="a.txt")
    assert [f.quote for f in audit(plain) if f.kind == "placeholder"] == ["[Get In Touch]"]
    assert [f.kind for f in audit(furniture.mark(plain))] == []
    slot = furniture.mark(Document.from_text(
        "The commander said 18 soldiers had deserted their posts near Kursk on Tuesday.\n(Screenshot)\n",
        source="d.txt"))
    assert [f.quote for f in audit(slot)] == ["(Screenshot)"]


def test_a_repeated_menu_is_not_a_duplicated_passage_but_a_repeated_paragraph_is():
    menu = ("Home | World | Politics | Business | Sport | Opinion\n"
            "Privacy Policy | Terms of Use | Cookie Settings | Contact Us | Advertise | Careers | Newsletters\n")
    body = ("Russian forces fired more than 300 drones overnight, the air force said on Monday, adding that "
            "most of them were shot down over the capital.\n")
    with_menus = Document.from_text(menu + body + menu + "Repairs will take weeks.\n", source="e.txt")
    assert [f.kind for f in audit(with_menus)] == ["duplicated_passage"]
    assert audit(furniture.mark(with_menus)) == []
    pasted = furniture.mark(Document.from_text(menu + body + body, source="f.txt"))
    assert [f.kind for f in audit(pasted)] == ["duplicated_passage"]


def test_audit_json_document_carries_the_furniture_spans():
    doc = furniture.mark(Document.from_text(ARTICLE, source="a.txt"))
    assert document_dict(doc)["furniture"] == [list(s) for s in doc.furniture]


def test_no_claim_is_made_from_furniture():
    from claimdesk.extraction import extract

    text = ("Officials said six soldiers were killed in Donetsk on Monday.\n"
            "Sign up for our newsletter and get the news you need every morning.\n")
    doc = Document.from_text(text, source="g.txt")
    assert any(c.line == 2 for c in extract(doc))
    furniture.mark(doc)
    assert doc.line_of(doc.furniture[0][0]) == 2
    claims = extract(doc)
    assert [c.line for c in claims] == [1]


# -- repetition across pages of one outlet, order independence, the store --------------------

REPEATED = "Want more stories like this one?"


def _page(i: int) -> str:
    facts = [
        "The city council approved a new budget of 4 million dollars for road repairs on Tuesday.",
        "Police arrested two men after a shooting outside a bar on Main Street late on Friday.",
        "The school board voted to extend the school year by five days starting next autumn.",
    ]
    said = ["The mayor said the decision was overdue.", "A witness said she heard four shots.",
            "Parents said they had asked for it for years."]
    return f"{facts[i]}\n{REPEATED}\n{said[i]}\n"


def _write_jsonl(path: Path, indices: list[int]) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i in indices:
            out.write(json.dumps({"text": _page(i), "source_domain": "www.Ledger.example",
                                  "url": f"https://ledger.example/{i}"}) + "\n")
    return path


def test_shape_alone_does_not_mark_the_line_but_three_pages_of_one_outlet_do():
    assert furniture.furniture_spans(_page(0)) == []
    assert furniture.furniture_spans(_page(0), [line_key(REPEATED)]) != []


def test_repeated_lines_give_the_same_furniture_in_any_ingest_order(tmp_path):
    together = Store(f"sqlite:///{tmp_path / 'together.sqlite'}")
    ingest([_write_jsonl(tmp_path / "all.jsonl", [0, 1, 2])], together, IngestOptions(), with_claims=False)
    apart = Store(f"sqlite:///{tmp_path / 'apart.sqlite'}")
    report = ingest([_write_jsonl(tmp_path / "two.jsonl", [2, 0])], apart, IngestOptions(), with_claims=False)
    assert report.furniture_redone == 0
    docs = {d.id: d for d in apart.documents()}
    assert all(d.furniture == [] for d in docs.values())  # two pages: not yet the outlet's
    report = ingest([_write_jsonl(tmp_path / "one.jsonl", [1])], apart, IngestOptions(), with_claims=False)
    assert report.furniture_redone == 2  # the two earlier pages are decided again
    for doc in together.documents():
        again = apart.get_document(doc.id)
        assert doc.furniture == again.furniture
        assert [doc.text[s:e] for s, e in doc.furniture] == [REPEATED]
    assert apart.outlet_line_pages("ledger.example", [line_key(REPEATED)]) == {line_key(REPEATED): 3}


def test_a_page_of_another_outlet_does_not_count(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    ingest([_write_jsonl(tmp_path / "two.jsonl", [0, 1])], store, IngestOptions(), with_claims=False)
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"text": _page(2), "source_domain": "other.example"}) + "\n")
    ingest([other], store, IngestOptions(), with_claims=False)
    assert all(d.furniture == [] for d in store.documents())


def test_migration_6_adds_the_column_to_a_store_made_before(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    Store(url).close()
    engine = create_engine(url)
    with engine.begin() as conn:  # make it look like a store from before migration 6
        conn.execute(text("ALTER TABLE documents DROP COLUMN furniture"))
        conn.execute(text("DROP TABLE outlet_lines"))
        conn.execute(text("DELETE FROM schema_migrations WHERE version = 6"))
    engine.dispose()
    store = Store(url)
    assert 6 in store.migrations_applied()
    doc = furniture.mark(Document.from_text(ARTICLE, source="a.txt", outlet="example.com"))
    assert store.add_document(doc)
    assert store.get_document(doc.id).furniture == doc.furniture
    assert store.count("outlet_lines") == len({l.key for l in lines_of(ARTICLE)})
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT furniture FROM documents")).scalar() is not None
    assert schema.outlet_lines.name == "outlet_lines"


# -- measured on the hand-labelled sample ------------------------------------------------------

def _labelled(corpus_dir: Path):
    from bench.corpora.news_pages import read_labels, read_pages

    if not (corpus_dir / "news_cluster").is_dir() or not (corpus_dir / "gvc" / "val").is_dir():
        require_shared_data("news_cluster or gvc/val not in the corpus")
    pages = read_pages(corpus_dir)
    return pages, read_labels(LABELS, pages)


def test_held_out_precision_and_recall_on_the_labelled_lines(corpus_dir, monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    from eval_furniture import line_figures
    from train_furniture import repeated_keys

    pages, labels = _labelled(corpus_dir)
    held = line_figures(labels, repeated_keys(pages))[("held-out", "both")]
    precision = held["tp"] / (held["tp"] + held["fp"])
    recall = held["tp"] / (held["tp"] + held["fn"])
    # bench/eval_furniture.py: held-out P 0.793 R 0.915 when this test was written
    assert precision >= 0.75 and recall >= 0.85, (precision, recall)


@pytest.mark.slow
def test_labelled_furniture_lines_inside_stories_on_news_cluster(corpus_dir, tmp_path, monkeypatch):
    """The issue's bar is none, met on news_cluster: the last three (two CNET teasers closing a page
    that end in a full stop, a German affiliate pitch under "Anzeige:") went with the closing-teaser
    and advertising-label rules of `furniture.context`. With GVC val, bench/eval_furniture.py still
    finds one labelled furniture line in stories (a local site's header run into its article's lead)."""
    monkeypatch.syspath_prepend(str(BENCH))
    from claimdesk.corroborate import corroborate
    from eval_furniture import labelled_line_spans, story_mentions_in_furniture

    pages, labels = _labelled(corpus_dir)
    path = tmp_path / "news_cluster.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for page in pages:
            if page.corpus == "news_cluster":
                out.write(json.dumps(page.record(), ensure_ascii=False) + "\n")
    store = Store(f"sqlite:///{tmp_path / 'nc.sqlite'}")
    report = ingest([path], store, IngestOptions())
    assert report.documents_new >= 380
    corroborate(store)
    spans = labelled_line_spans([item for item in labels if item.page.corpus == "news_cluster"])
    bad, total, examples = story_mentions_in_furniture(store, spans)
    assert total > 5000
    assert bad == 0, examples


def test_the_story_sample_is_a_held_out_part_of_its_own(corpus_dir):
    from bench.corpora.news_pages import STORY_SAMPLE

    _, labels = _labelled(corpus_dir)
    sample = [item for item in labels if item.part == STORY_SAMPLE]
    assert len(sample) == 150
    assert all(item.held_out and item.split == STORY_SAMPLE for item in sample)
    first = {(item.page.key, item.line) for item in labels if item.part != STORY_SAMPLE}
    assert not {(item.page.key, item.line) for item in sample} & first  # lines the first part did not cover
    assert sum(item.furniture for item in sample) == 0  # what reading found at the first look


def test_document_page_greys_furniture_escaped_like_everything_else(tmp_path):
    from claimdesk.web.views import document_view

    store = Store(f"sqlite:///{tmp_path / 'web.sqlite'}")
    doc = Document.from_text("Officials said six soldiers were killed in Donetsk on Monday.\n"
                             "Sign up <script>alert(1)</script> for our newsletter\n", source="h.txt")
    doc.furniture = [(62, 115)]
    store.add_document(doc)
    view = document_view(store, doc.id)
    assert "furniture" not in str(view.lines[0].html)
    line = str(view.lines[1].html)
    assert line.startswith('<mark class="furniture">Sign up &lt;script&gt;')
    assert "<script>" not in line


# -- what the neighbouring lines show (claimdesk/furniture/context.py) ---------------------------

def _news_cluster_page(corpus_dir: Path, key: str):
    from bench.corpora.news_pages import read_news_cluster

    if not (corpus_dir / "news_cluster").is_dir():
        require_shared_data("news_cluster not in the corpus")
    return next(p for p in read_news_cluster(corpus_dir / "news_cluster") if p.key == key)


def _marked_numbers(text: str) -> set[int]:
    return {line.number for line in furniture.furniture_lines(text)}


def test_a_gallery_of_captions_is_furniture_and_the_article_above_it_is_not(corpus_dir):
    # DW's Duisburg cruise-ship page ends with the eleven captions of its "Port of Duisburg turns 300" gallery
    page = _news_cluster_page(corpus_dir, "0302058689a7d4ed34fcc2e78c4addbcf35932b4df5d16c44869da0d")
    marked = _marked_numbers(page.text)
    assert set(range(9, 20)) <= marked
    assert not {6, 7, 8} & marked  # "According to Duisburg emergency services, the tour operator offered …"


def test_two_lines_opening_alike_are_no_gallery():
    text = ("The company said on Monday that profits rose by 12 percent in the third quarter.\n"
            "The company said on Tuesday that it would cut 300 jobs at its plant in Leeds.\n"
            "Shares fell 4 percent in early trading in London after the announcement.\n")
    assert _marked_numbers(text) == set()
    three = text.replace("Shares fell", "The company said on Wednesday that shares fell")
    assert _marked_numbers(three) == {1, 2, 3}


def test_a_teaser_among_related_links_is_furniture_but_a_sentence_between_captions_is_not(corpus_dir):
    # USA Today's Elon Musk page: lists of related headlines; the model alone missed these three
    page = _news_cluster_page(corpus_dir, "106fa91c2f79e76714586200ce1fd5b482f70db17ba173a6b29b7f18")
    lines = page.text.split("\n")
    assert lines[57].strip() == "How well do you know Elon Musk?"
    assert {45, 58, 71} <= _marked_numbers(page.text)
    # an article sentence (ended by a full stop) between two furniture lines stays the article's
    text = ("Advertisement\n"
            "Police said 46-year-old Steven Dolan shot his wife and himself late on Tuesday.\n"
            "Photo: Reuters\n")
    assert _marked_numbers(text) == {1, 3}


def test_syndication_notes_disclaimers_and_credited_captions_are_furniture():
    furniture_text = [
        "China’s Tiangong-1 space station is out of control and will soon fall to Earth originally appeared on "
        "BGR.com on Mon, 1 Jan 2018 at 10:05:01 EDT. Please see our terms for use of feeds.",
        "Disclaimer: This article should not be taken as, and is not intended to provide, investment advice.",
        "Reuters The North Korean leader Kim Jong-un has carried out a number of missile tests in recent month",
        # the captions news_cluster's verdict samples found corroborating one another (written here in
        # the same shapes: credit first, then what the photo shows)
        "Reuters North Korean leader Kim Jong-un waves to officials during a visit to a research institute",
        "Jane Smith / Reuters A woman watches a television news report on the launch in Seoul, South Korea",
        "AP:Associated Press South Korea's defence ministry released footage of its own drill",
        "FILE - In this Jan. 1, 2017 file photo visitors gather in front of the stage in Berlin, Germany.",
        "The gravitational lens RX J1131-1231 galaxy can be seen at the centre, with four lensed background "
        "quasars (University of Oklahoma)",
        # a caption under its button (a Gannett page's "Buy Photo", DNAinfo's "View Full Caption"),
        # which GVC's corroborated stories held
        "Buy Photo County Prosecutor Jane Smith announces charges in the shooting deaths of two children, May 25.",
        "View Full Caption DNAinfo/John Doe",
        # written after war set S: a wire copy's note on where it came from
        "Originally published by Polaris Wire. Republished under licence.",
        "Republished with permission from the Kyiv Independent.",
        # written after war sets T, U and V: a mirror's note, a cookie banner of two sentences, a think tank's link,
        # a live blog's pause
        "This assessment was originally published by the Centre for Eastern Security Studies and is reproduced "
        "with permission.",
        "NLB uses cookies which are essential for the site to work. We also use non-essential cookies to help us "
        "improve our digital services.",
        "Read the full report with maps and endnotes on the ICA website.",
        "We are pausing our live coverage for tonight. Thanks for following along.",
        # written after war sets W and X: a site's appeal, a reuse notice, a think tank's notes line
        "The Globe Sentinel is reader-funded. Please consider supporting us today.",
        "When using materials, a hyperlink to VestRus is required.",
        "Sources and notes are available in the PDF version of this report.",
    ]
    content = [
        "Reuters reported on Monday that the North Korean leader had watched the launch.",
        "PA Media said the crash happened shortly after six in the morning.",
        "Reuters, citing two officials, said the talks had stalled over sanctions.",
        "The bill was backed by the opposition leader, Keir Starmer (Labour).",
        "The findings were published in The Astrophysical Journal (ApJ) on Monday.",
        "Buyers of photo equipment said prices rose 12 percent in a year.",
        "The report, originally published by the institute in March, found a rise in attacks.",
        "The hospital is state-funded and the station is reader-funded, officials said.",
        "Sources said the plant was hit and notes found at the scene are available to investigators.",
        "When using materials from the depot, workers wore masks.",
        # a review's cases: the same words inside a quotation or an article's sentence
        "“Please consider donating blood at the city hospital,” Mayor Ihor Terekhov said after the strike wounded 41 "
        "people.",
        "Please consider supporting the families of the victims, the mayor said at the funeral of the six firefighters.",
        "Meduza is reader-funded. Since the Kremlin declared it an undesirable organisation in 2023, donors face up to "
        "six years in prison.",
        "Novaya Gazeta Europe is reader-funded, its editor Kirill Martynov said, after advertisers pulled out.",
        "Notes are available in the full text of the resolution, which the UN Security Council adopted 13-0.",
        # a crawl that ran the article on into the caption line keeps the article's sentences
        "View Full Caption DNAinfo/John Doe WOODLAWN — A man has been charged in a Father's Day shooting that "
        "left a three-year-old boy in critical condition, police said on Tuesday after a week of searching.",
    ]
    body = "Officials said six soldiers were killed near Donetsk on Monday, the ministry said in a statement."
    for line in furniture_text:
        assert _marked_numbers(f"{body}\n{line}\n{body}\n") == {2}, line
    for line in content:
        assert _marked_numbers(f"{body}\n{line}\n{body}\n") == set(), line


def test_the_note_under_about_the_author_is_furniture():
    text = ("Bitcoin fell 12 percent on Tuesday after regulators in Seoul announced new rules for exchanges.\n"
            "About The Author\n"
            "JP Buntinx is a FinTech and Bitcoin enthusiast living in Belgium.\n")
    assert _marked_numbers(text) == {2, 3}
    assert _marked_numbers(text.replace("About The Author\n", "")) == set()


# -- promotions, help boxes, advertising labels and closing teasers, on real lines ----------------

def _gvc_page(corpus_dir: Path, key: str):
    from bench.corpora.news_pages import read_gvc

    if not (corpus_dir / "gvc" / "val").is_dir():
        require_shared_data("gvc/val not in the corpus")
    return next(p for p in read_gvc(corpus_dir / "gvc" / "val") if p.key == key)


def _line(page, number: int) -> str:
    return page.text.split("\n")[number - 1].strip()


def test_teasers_closing_a_page_are_furniture_but_a_closing_exchange_or_list_is_not(corpus_dir):
    # CNET pages end with kicker-and-teaser lines for other stories ("Magic Leap One: The fabled AR headset …")
    for key, numbers in (("62586f125940b735d98dd687ab51662e3e2ca6221c700a87052bb284", {12, 13}),
                         ("b635ee6cf7062c948a622ba2258de6a6d569e3abfb2766496bcc44ed", {10, 11})):
        page = _news_cluster_page(corpus_dir, key)
        assert numbers <= _marked_numbers(page.text), key
        assert min(numbers) - 1 not in _marked_numbers(page.text)  # the article's last paragraph stays
    # look-alikes: an NPR transcript's closing thanks ("WALT: You're welcome.") and the Post's playoff
    # list ("Steelers: Host the Browns on Sunday.") also end pages with "Name: sentence" lines
    npr = _news_cluster_page(corpus_dir, "e951663c53b6a024569b5eaf1040d621a0a2441ab8548de2659e1e74")
    assert _line(npr, 18).startswith("WALT:")
    assert not {17, 18, 19} & _marked_numbers(npr.text)
    post = _news_cluster_page(corpus_dir, "f45bdcd37e601dc81b8a78cfd3af7b265405146dad1c725794e3db5b")
    assert _line(post, 31).startswith("Steelers:")
    assert not {31, 32} & _marked_numbers(post.text)


def test_a_help_box_is_furniture_but_a_police_appeal_for_information_is_the_article(corpus_dir):
    # a Utah page's "Resources for help" box: hotlines, the services between them, a closing helpline
    box = _gvc_page(corpus_dir, "0/613903/c657b5e13384a329d6909243da721285")
    assert _line(box, 17).startswith("Resources for help")
    assert {17, 18, 19, 33} <= _marked_numbers(box.text)
    assert not {15, 16, 31, 32} & _marked_numbers(box.text)
    # "Anyone with information is asked to call … at 301 - 772 - 4925" / "… Crime Solvers at 1 - 866 - 411-TIPS"
    appeal = _gvc_page(corpus_dir, "0/661322/1bebb62822642fe3e81da5f1e750a1e0")
    assert "772 - 4925" in _line(appeal, 6) and "411-TIPS" in _line(appeal, 7)
    assert _marked_numbers(appeal.text) == set()


def test_a_station_promoting_its_broadcast_is_furniture_but_a_live_tweet_in_the_article_is_not(corpus_dir):
    reporter = _gvc_page(corpus_dir, "0/591237/be72bc254d808cdf561a42cec76fdeae")  # "… Reporter … went Live from …"
    assert _marked_numbers(reporter.text) == {3}
    slot = _gvc_page(corpus_dir, "0/613903/f2aedab9724c967c9a8c38d87d6a39b4")  # "10PM: Salt Lake man shoots …"
    assert _line(slot, 2).startswith("10PM:")
    assert 2 in _marked_numbers(slot.text) and 3 not in _marked_numbers(slot.text)
    # "Biggest leak in the history of data journalism just went live …" (Snowden's tweet, quoted by RT)
    tweet = _news_cluster_page(corpus_dir, "1b031a941a53179cc222ed0071f54d0b9df0919f5f19a9588462b740")
    assert "went live" in _line(tweet, 5)
    assert _marked_numbers(tweet.text) == set()
    # an NPR host's sign-off "… with the latest on the attacks in Nice" is the transcript's
    npr = _news_cluster_page(corpus_dir, "63296f4e8d8958a6decc65453ae01503764434691fd314f1a9c3d366")
    assert "with the latest" in _line(npr, 15)
    assert 15 not in _marked_numbers(npr.text)


def test_what_an_advertising_label_introduces_is_furniture_but_not_after_a_label_whose_links_were_dropped(corpus_dir):
    # Business Insider Deutschland: "Anzeige:" then an affiliate pitch, then its German syndication note
    ad = _news_cluster_page(corpus_dir, "77a640c9398b7794976ce6c493edc40344903f4034e25d6ea31ec511")
    assert _line(ad, 18) == "Anzeige:"
    assert {18, 19, 20} <= _marked_numbers(ad.text)
    # CNBC: "More from The New York Times:" lost its links; the quote under it is the article's
    cnbc = _news_cluster_page(corpus_dir, "0a7e7848a39f7d27a8fc2858c6fea405b989a01c9fbf77f356322f61")
    assert _line(cnbc, 4) == "More from The New York Times:"
    assert 5 not in _marked_numbers(cnbc.text)
    # Gizmodo's "Screenshot: …" credit between two paragraphs
    gizmodo = _news_cluster_page(corpus_dir, "8c9b29cd27637c7db20792acbcb554139e9f91c9ae7f8c0ae0671c5c")
    assert 4 in _marked_numbers(gizmodo.text) and not {2, 3, 5} & _marked_numbers(gizmodo.text)


def test_the_outlets_own_tweet_is_furniture_but_a_tweet_it_quotes_is_not(corpus_dir):
    # rt.com embeds its own account's tweet for another story: "Mysterious fireball … — RT (@RT_com) November 25, 2017"
    page = _news_cluster_page(corpus_dir, "10f26ac662bd4171e73c44b33d487634b89538d78fe31b52fbd11f00")
    assert "(@RT_com)" in _line(page, 11)
    doc = furniture.mark(Document.from_text(page.text, source="rt.json", outlet=page.outlet))
    assert 11 in {doc.line_of(start) for start, _ in doc.furniture}
    assert 11 not in {line.number for line in furniture.furniture_lines(page.text, outlet="www.dailymail.co.uk")}
    # the same site quoting Snowden's tweet ("— Edward Snowden (@Snowden) April 3, 2016") keeps it
    quoted = _news_cluster_page(corpus_dir, "1b031a941a53179cc222ed0071f54d0b9df0919f5f19a9588462b740")
    assert "(@Snowden)" in _line(quoted, 5)
    assert furniture.furniture_lines(quoted.text, outlet=quoted.outlet) == []
    names = {outlet: furniture.context.outlet_name(outlet)
             for outlet in ("www.bbc.co.uk", "RT", "The Guardian", "theguardian.com", "uk.reuters.com", None)}
    assert names == {"www.bbc.co.uk": "bbc", "RT": "rt", "The Guardian": "guardian", "theguardian.com": "guardian",
                     "uk.reuters.com": "reuters", None: None}


# written for this test after war sets A, B and E: prompts of outlets with one page in a set, where no
# repetition can tell them, and article sentences using the same words
PROMPTS = [
    "Get breaking alerts from the Courier straight to your phone.",
    "Get our Daily Briefing: the top stories before breakfast.",
    "Check back later for updates on this story.",
    "The Post will update this page as news comes in.",
    "Join the discussion in our reader forum.",
    "Become a member from 4 euros a month.",
    "Stay informed: follow our live blog for the latest.",
    "Editor's note: this story has been updated with a correction.",
    # after war set F: a live page's promise, a newsletter's blurb
    "We'll bring you the ministry's reaction as soon as we have it.",
    "The Brief: a free evening email with the day's main stories.",
    # after war set G
    "We'll update this blog as more information becomes available.",
    "This story is being updated.",
]
SENTENCES = [
    "Air-raid alerts sounded across Kyiv every night this week, officials said.",
    "Residents were told to check back with the council about shelters.",
    "The governor said power would be restored to 40,000 homes by Friday.",
    "The charity said it would bring food to the villages as soon as the roads reopened.",
    "\"We will bring you home,\" the president told the families of the prisoners.",
    "\"We will publish the figures as soon as we have them,\" the ministry spokesman told reporters.",
    "\"It is a free daily briefing for the troops,\" the officer said.",
    "The ministry said the rules would be updated this year.",
    "Officials said they were closing the main road to traffic for the day.",
    "Hospitals rely on donations from readers and volunteers, the charity said.",
]


def test_sign_up_and_update_prompts_are_furniture_and_news_with_their_words_is_not():
    text = "\n".join([SENTENCES[0], *PROMPTS, *SENTENCES[1:]]) + "\n"
    assert _lines_marked(furniture.mark(Document.from_text(text, source="p.txt"))) == PROMPTS


@pytest.mark.parametrize("prompt", [
    # after war sets I and J (session 28): appeals, a live page's closing line, a map link, a typo prompt
    "The Courier is funded by readers like you.",
    "We rely on our readers to keep reporting.",
    "We're closing this live blog for today.",
    "Click here to see the institute's interactive map of the invasion.",
    "Found a mistake? Select it and press Ctrl+Enter.",
    # after war set K (session 29): a live page's close and thanks, its time zone, a syndication note (a
    # disclaimer and a wire note of set K are marked on their page, not among these lines: the patterns are features)
    "Our live coverage has now ended.",
    # after war set AD (session 38): a live page's welcome and its team's promise
    "Welcome to the Courier's live coverage.",
    "Our correspondents in Odesa and Kherson will bring you updates through the night.",
    "Thank you for following.",
    "Thank you for following along today.",
    "All times are Kyiv time (GMT+3).",
    "This analysis is republished from the Institute for Border Studies with permission.",
    # session 37, after war set Y: a wire's credit line, a long mirror note, a live page's close
    "Reporting by Anna Koval in Kyiv and Tom Reed in London for Polaris; editing by Mark Dunn.",
    "(Additional reporting by Iryna Bondar; Writing by Tom Reed; Editing by Mark Dunn)",
    "Originally published by the Institute for the Study of Border Security (ISBS) on 3 March 2028. Reproduced with "
    "permission.",
    "That concludes our live coverage for today. Thank you for following.",
    # session 37, after war set AB (and L's tip line): a closed live page, a disclaimer, appeals for support and tips
    "This live blog is now closed. Thank you for following.",
    "The views expressed are those of the authors and do not necessarily reflect those of the Border Review Network.",
    "Support our work: the institute is a non-partisan, non-profit research organisation.",
    "Send us news securely via our Telegram bot.",
    "Got a news tip or photos from the scene? Write to our Telegram bot @portledger_bot. We guarantee anonymity.",
    # session 39, after war sets AE and AF (their first look): a video player's note, a live page's zone, appeals
    "This video can not be played. To play this video you need to enable JavaScript in your browser.",
    "All times are Kyiv time (EEST).",
    "The Continental Observer is funded by its readers. If you value our reporting, please consider a contribution.",
    "The views expressed in partner content are those of the authors and do not necessarily reflect the position of "
    "the Observer.",
    # session 41, after war set AJ's first look: a live page's greeting, a free site's appeal
    "Good morning and welcome to our live coverage of the war in Ukraine.",
    "Our reporting from Ukraine is free to read. If you can, please support the Continental Observer.",
    # session 42, after war sets AK and AL's first look: live pages' sign-offs, a partner disclaimer without "The"
    "That's all from us for today.",
    "That's all from us for today. Our live coverage will resume tomorrow morning.",
    "That is all from us for today. Our live coverage continues tomorrow.",
    "Our live coverage continues tomorrow.",
    "Views expressed in partner content are those of the authors and do not necessarily reflect the position of the "
    "Herald.",
])
def test_appeals_and_closing_lines_are_furniture_and_news_with_their_words_is_not(prompt):
    text = "\n".join([*SENTENCES[:4], prompt, *SENTENCES[4:]]) + "\n"
    assert _lines_marked(furniture.mark(Document.from_text(text, source="p.txt"))) == [prompt]


def test_news_with_the_words_of_a_live_pages_welcome_or_promise_is_the_article():
    lines = ["Rescue teams will bring water and blankets to the shelters tonight, the mayor said.",
             "\"Welcome to the live coverage of our reconstruction,\" the mayor told the guests.",
             "Please support the families of the victims, the mayor said at the funeral.",
             "Our reporting of the strike was free of censorship, the editor said.",
             "This coverage is free for all children under 18, the governor said.",
             "If you can, please support the Feldman Ecopark."]
    text = "\n".join([*SENTENCES[:4], *lines, *SENTENCES[4:]]) + "\n"
    assert _lines_marked(furniture.mark(Document.from_text(text, source="p.txt"))) == []


def test_news_with_the_words_of_a_closing_line_or_a_syndication_note_is_the_article():
    text = (# session 39's notes in news
            "The footage of the strike cannot be played in court without consent, the judge said.\n"
            "The hospital is funded by its donors and by the city, the mayor said.\n"
            "If you value our freedom, support the army, the president told the crowd in Lviv.\n"
            "All times are estimates and the time of death is unclear, the coroner said.\n"
            "\"Thank you for following the evacuation orders,\" the mayor told residents of the border villages.\n"
            "The report, republished from the ministry's website, said 12 people had died in the shelling.\n"
            "All times in the police timeline are approximate, the prosecutor told the court on Monday.\n"
            "The governor said the repairs were for the winter and would not be edited by the council.\n"
            # written after a review: news with the words of the new notes
            "All times are approximate, the coroner told the inquest.\n"
            "All times shown on the CCTV footage were an hour behind, police said.\n"
            "The footage, republished from a Russian Telegram channel, shows the bridge collapsing.\n"
            "The photograph was republished with permission from the family.\n"
            "The video has not been edited by the broadcaster, a spokesman said.\n"
            "The report, originally published by the institute in May, found 40 schools damaged.\n"
            "Originally published by the Kyiv School of Economics in March, the estimate put direct damage to housing "
            "at $60bn.\n"
            "Reporting by the local broadcaster found that 40 homes had been damaged; the mayor confirmed it.\n"
            "That concludes our live coverage for today, but the shelling of Kherson went on into the night, officials "
            "said.\n"
            "Residents sent news of the strike securely via Telegram, the mayor said.\n"
            "The views expressed by the minister were welcomed by the allies, a spokesman said.\n"
            "Support our troops, the governor told the rally in Dnipro on Sunday.\n"
            # session 42's sign-offs in news
            "That's all from us, the commander told the soldiers before the evacuation.\n"
            "That is all from us for today, the negotiators said as talks broke up without a deal.\n"
            "The live coverage of the trial will resume tomorrow after the judge's ruling, the court said.\n"
            "Our live coverage continues tomorrow, but the shelling went on overnight, officials said.\n"
            "Views expressed by the public at the hearing were mostly against the dam.\n")
    assert furniture.furniture_spans(text) == []


def test_an_analysts_paragraphs_closing_on_reference_marks_are_the_article():
    # written after war set H: a think tank's daily assessment cites its sources after each paragraph
    # ("….[2]"); read as lines without a sentence end, whole paragraphs had been taken for a menu
    text = ("Russia conducted a combined strike overnight, firing 90 drones and six missiles at Ukraine's energy "
            "infrastructure, Ukraine's Air Force reported.[1] The regional governor reported that the strike killed "
            "two people.[2]\n"
            "Ground operations\n"
            "Geolocated footage published on March 2 indicates that Russian forces recently advanced east of "
            "Pishchane.[3] The Russian MoD claimed that Russian forces seized the village, but the footage does not "
            "show that Russian forces control it.[4][5]\n"
            "Ukraine's General Staff reported that Ukrainian forces repelled 14 assaults in the Pokrovsk "
            "direction.[6]\n")
    marked = furniture.furniture_spans(text)
    for sentence in ("Russia conducted a combined strike", "Geolocated footage published", "Ukraine's General Staff reported"):
        at = text.index(sentence)
        assert not any(s <= at < e for s, e in marked), (sentence, marked)


@pytest.mark.parametrize("line", [
    "Note: The institute will not publish a daily assessment on March 8.",
    "Editor's note: This story has been corrected to give the governor's full name.",
])
def test_an_outlets_note_to_its_readers_is_furniture(line):
    text = f"Russian drones struck a grain terminal in the port of Izmail overnight, the governor said.\n{line}\n"
    at = text.index(line)
    assert any(s <= at < e for s, e in furniture.furniture_spans(text)), line


def test_a_note_inside_a_quotation_or_a_sentence_is_the_article():
    text = ("The minister said the ministry will publish the full casualty figures next week, once families are told.\n"
            "Analysts noted that the figures would be the first official count since the summer.\n")
    assert furniture.furniture_spans(text) == []


def test_a_sentence_opening_with_by_and_a_day_is_the_article_and_a_byline_is_not():
    # session 39, after war set T: "By Sunday evening, Mayor … said 16 people had been killed" was read as a byline
    # (the byline's capitals were matched in any case), so the mayor's toll made no claim
    lines = ["By Sunday evening, Mayor Ihor Marchenko said 16 people had been killed, including two children.",
             "By the time rescuers arrived, the fire had spread to the roof, the emergency service said."]
    text = "\n".join([*SENTENCES[:4], *lines, *SENTENCES[4:]]) + "\n"
    assert _lines_marked(furniture.mark(Document.from_text(text, source="p.txt"))) == []
    assert features(lines_of("By June Thomas\n"))[0][FEATURES.index("phrase_start")] == 1.0  # a month as a name
    byline = features(lines_of("By Anna Koval and Tom Reed\n"))[0][FEATURES.index("phrase_start")]
    sentence = features(lines_of(lines[0] + "\n"))[0][FEATURES.index("phrase_start")]
    assert (byline, sentence) == (1.0, 0.0)
