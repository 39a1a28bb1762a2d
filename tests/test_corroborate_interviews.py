"""Words spoken to one outlet and printed again by others count under that outlet (issue #12,
point 3: independence by origin). Sentences are our own writing, modelled on news_cluster pages
where a doctor's interview with The Athletic and a designer's with a Chinese paper were printed by
two more sites each and counted as independent sources."""

import io
import json

import pytest

from claimdesk.corroborate.interviews import GivenQuotes, given_cue, quotations
from claimdesk.models import Origin

QUOTE = "The bridge was closed for six hours before the storm reached the coast"


def _credit(cue: str, outlet: str = "The Harbin Morning Post", key: str = "name:harbinmorningpost") -> Origin:
    return Origin(outlet=outlet, key=key, why=f"credits {outlet}: '{cue}'")


@pytest.mark.parametrize("cue, given", [
    ("told The Athletic", True), ("said to the Chongqing Morning Post", True),
    ("in an interview with Axios", True), ("an exclusive interview with CNN", True),
    ("quoted by RIA Novosti", True),
    # a statement is sent to every outlet that asks; a report is the outlet's own telling
    ("in a statement to CNBC.", False), ("emailed Newsweek", False), ("Reuters reported", False),
    ("according to Le Monde", False), ("via The New York Times", False),
])
def test_only_words_spoken_to_an_outlet_are_its_own(cue, given):
    assert given_cue(f"credits X: '{cue}'") is given


def test_quotations_of_six_words_or_more_in_either_kind_of_mark():
    assert quotations(f'Dr. Lee told the paper, "{QUOTE}."') == [QUOTE.lower()]
    assert quotations(f"'{QUOTE}, ' Lee said.") == [QUOTE.lower()]
    assert quotations("'He was unresponsive,' the doctor told the Athletic, 'just a disaster.'") == []
    assert quotations("She said the '90s were the best years of all of our lives.") == []


def test_a_quotation_given_to_an_outlet_is_its_own_on_another_page_and_nothing_else_is():
    credited = f'Dr. Lee told The Harbin Morning Post, "{QUOTE}."'
    given = GivenQuotes()
    given.add(credited, (0, len(credited)), _credit("told The Harbin Morning Post"))
    other = (f"The storm hit at dawn. “{QUOTE},” Lee said. "
             "“We have never seen water this high in forty years of records here,” the mayor said.")
    found = given.quoted_in(other, frozenset({"radiowest.example"}))
    assert [(other[o.span[0]:o.span[1]], o.key) for o in found] == [
        (f"“{QUOTE},” Lee said.", "name:harbinmorningpost")]
    assert found[0].why.startswith("quotes words given to The Harbin Morning Post")
    # part of the quotation is enough; five words in common are not
    assert given.quoted_in("“The bridge was closed for six hours,” he said.", frozenset())
    assert not given.quoted_in("“The bridge was closed for hours,” he said.", frozenset())
    # a page that says the words were spoken to it too, or that is the outlet itself, keeps them
    own = f"“{QUOTE},” Lee told Radio West."
    assert not given.quoted_in(own, frozenset(), [(0, len(own))])
    assert not given.quoted_in(other, frozenset({"name:harbinmorningpost"}))


def test_a_statement_sent_to_one_outlet_stays_the_speakers_own_words_elsewhere():
    credited = f'The airline said in a statement to CNBC: "{QUOTE}."'
    given = GivenQuotes()
    given.add(credited, (0, len(credited)), _credit("in a statement to CNBC", "CNBC", "cnbc.com"))
    assert not given and given.quoted_in(f"“{QUOTE},” the airline said.", frozenset()) == []


def _jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _page(domain: str, slug: str, published: str, title: str, text: str) -> dict:
    """A news-please record of one page."""
    return {"url": f"https://{domain}/{slug}", "source_domain": domain, "date_publish": published, "title": title,
            "text": text}


def _corroborated(tmp_path, pages, batches):
    """A store of `pages` (news-please records) ingested and corroborated in one run or two (the
    first page, then the rest)."""
    from claimdesk.corroborate import corroborate
    from claimdesk.ingest import IngestOptions
    from claimdesk.pipeline import ingest
    from claimdesk.store import open_store

    store = open_store(f"sqlite:///{tmp_path / 'pages.sqlite'}")
    for i, group in enumerate([pages] if batches == 1 else [pages[:1], pages[1:]]):
        ingest([_jsonl(tmp_path / f"pages{i}.jsonl", group)], store, IngestOptions())
        corroborate(store)
    return store


def _story(store, words):
    from claimdesk.report.ledger_json import write_json

    out = io.StringIO()
    write_json(store, out)
    return next(s for s in json.loads(out.getvalue()) if any(words in m["text"] for m in s["mentions"]))


@pytest.mark.parametrize("batches", [1, 2])
def test_end_to_end_an_interview_printed_by_two_more_sites_is_one_source(tmp_path, batches):
    """Ingest → corroborate → ledger: the interview's page, a page crediting it and a page printing
    the quotation bare are one source, in one corroboration or when the bare page comes later."""
    pages = [
        _page("coast-daily.example", "storm", "2026-02-25 08:00:00", "Storm shuts Harbin bridge",
              "A storm closed the Harbin river bridge on Tuesday.\n\n"
              f'Engineer Li Wei told the Harbin Morning Post, "{QUOTE}."'),
        _page("radio-west.example", "storm", "2026-02-25 10:00:00", "Bridge closed in Harbin storm",
              "The Harbin river bridge was shut on Tuesday as the storm came in.\n\n"
              f"“{QUOTE},” engineer Li Wei said."),
    ]
    store = _corroborated(tmp_path, pages, batches)
    story = _story(store, "closed for six hours")
    assert {m["outlet"] for m in story["mentions"]} == {"coast-daily.example", "radio-west.example"}
    radio = next(m for m in story["mentions"] if m["outlet"] == "radio-west.example")
    assert radio["origin"]["outlet"] == "Harbin Morning Post", radio
    assert radio["origin"]["why"].startswith("quotes words given to Harbin Morning Post")
    assert story["independent_sources"] == 1 and story["status"] == "single_source"


PAPER_QUOTE = "If you do this to other people you will lose your bridge and your town"


def test_words_a_credited_outlet_printed_are_its_own_on_the_crediting_page_and_posts_are_anyones():
    """Written after a news_cluster page where a wire retold a paper's interview ("Her story came in an
    interview with New York Times columnist …") and printed its quotations with no credit beside them."""
    from claimdesk.corroborate.interviews import PrintedQuotes

    paper = Origin(outlet="Harbin Morning Post", key="harbinmorningpost.example", document="p1", why="paper page")
    printed = PrintedQuotes()
    printed.add_page(f"Li Wei spoke to us at the bridge. “{PAPER_QUOTE},” he said.", paper)
    retold = f"Later, he said, he warned the council: “{PAPER_QUOTE}.”"
    [found] = printed.quoted_in(retold, frozenset({"harbinmorningpost.example"}), frozenset({"wire.example"}))
    assert found.key == "harbinmorningpost.example" and found.why.startswith("quotes words Harbin Morning Post printed")
    # a page crediting no outlet, or only others, keeps the words; the outlet's own page too
    assert printed.quoted_in(retold, frozenset(), frozenset({"wire.example"})) == []
    assert printed.quoted_in(retold, frozenset({"radiowest.example"}), frozenset({"wire.example"})) == []
    assert printed.quoted_in(retold, frozenset({"harbinmorningpost.example"}), frozenset({"harbinmorningpost.example"})) == []
    # a post anyone can read is anyone's to quote, whoever printed it first
    printed.add_page(f"The mayor wrote on Facebook: “{QUOTE}.”", paper)
    assert printed.quoted_in(f"“{QUOTE},” the mayor said.", frozenset({"harbinmorningpost.example"}), frozenset()) == []


@pytest.mark.parametrize("batches", [1, 2])
def test_end_to_end_a_wire_retelling_a_papers_interview_is_no_second_source(tmp_path, batches):
    pages = [
        _page("harbin-post.example", "bridge-interview", "2026-02-25 08:00:00", "The engineer who closed the bridge",
              "Li Wei closed the Harbin river bridge on Tuesday, hours before the storm.\n\n"
              f"Li Wei said he had warned the Harbin city council for years: “{PAPER_QUOTE}.”"),
        _page("wire.example", "bridge-engineer", "2026-02-26 10:00:00", "Engineer tells of warnings",
              "An engineer who shut a bridge in Harbin says he warned officials for years.\n\n"
              "His story came in an interview with the Harbin Post published on Wednesday.\n\n"
              f"Li Wei said he had warned the Harbin council for years: “{PAPER_QUOTE}.”"),
    ]
    store = _corroborated(tmp_path, pages, batches)
    story = _story(store, "lose your bridge")
    assert {m["outlet"] for m in story["mentions"]} == {"harbin-post.example", "wire.example"}
    wire = next(m for m in story["mentions"] if m["outlet"] == "wire.example")
    assert wire["origin"]["why"].startswith("quotes words harbin-post.example printed"), wire
    assert story["independent_sources"] == 1 and story["status"] == "single_source"
