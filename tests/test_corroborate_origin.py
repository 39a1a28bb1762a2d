"""Independence by origin: wire credits, outlet identity across formats, shared passages, and the
ledger counting one source per origin, end to end (ingest -> corroborate -> ledger)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from claimdesk.corroborate.copies import shingles
from claimdesk.corroborate.origin import wire_origin
from claimdesk.corroborate.passages import SentenceShingles, shared_passages
from claimdesk.models import Document
from claimdesk.outlets import ingest_outlet, outlet_key

FIXTURES = Path(__file__).parent / "fixtures" / "origin"


def _doc(text: str, outlet: str = "Radio Five", url: str | None = "https://radiofive.example/news/1", **kw) -> Document:
    return Document.from_text(text, source="test", outlet=outlet, url=url, **kw)


# --- wire credits: found where a wire's credit stands -------------------------------------------

@pytest.mark.parametrize("text, wire, form", [
    ("Exclusive: US weighs new sanctions.\n\nWASHINGTON, Feb 26 (Reuters) - The United States is weighing "
     "new sanctions on Russian oil traders, three sources said.", "Reuters", "dateline '(Reuters) -'"),
    ("KYIV, Ukraine (AP) — Russian drones struck a power plant in the Kharkiv region overnight, officials said.",
     "AP", "dateline '(AP) —'"),
    ("Paris (AFP) - France will send more air defence systems to Ukraine, the defence minister said on Tuesday.",
     "AFP", "dateline '(AFP) -'"),
    ("MOSCOW, February 26. /TASS/. Russian air defences downed 40 drones over the Belgorod region, the ministry said.",
     "TASS", "dateline 'MOSCOW, February 26. /TASS/.'"),
    ("Drone maker raises funds.\n\nKYIV, Ukraine, Feb. 26, 2026 /PRNewswire/ -- A Ukrainian drone maker said it "
     "raised $20 million from European investors.", "PR Newswire", "press release dateline"),
    ("By Jane Doe, Associated Press\n\nUkraine's parliament voted on Thursday to extend martial law by 90 days.",
     "AP", "byline"),
    ("Ukraine's parliament voted on Thursday to extend martial law by 90 days.\n\nThe vote passed with 320 in favour.\n\n"
     "Copyright 2026 The Associated Press. All rights reserved. This material may not be published.",
     "AP", "copyright line"),
    ("Ukraine's parliament voted on Thursday to extend martial law by 90 days.\n\n"
     "(Reporting by Olena Harmash; Editing by Mark Heinrich)", "Reuters", "credit line"),
    ("Ukraine's parliament voted on Thursday to extend martial law by 90 days.\n\n— The Associated Press",
     "AP", "sign-off"),
])
def test_wire_credit_is_found(text, wire, form):
    origin = wire_origin(_doc(text))
    assert origin is not None and origin.outlet == wire
    assert origin.why.startswith(form)
    assert origin.span is None  # the whole text is the wire's


def test_wire_url_path_and_first_author():
    text = "A tourist ship struck a highway bridge on the Rhine on Sunday, injuring 27 people, police said."
    assert wire_origin(_doc(text, outlet="dailymail.co.uk", url="http://www.dailymail.co.uk/wires/afp/article-1/x.html")).outlet == "AFP"
    assert wire_origin(_doc(text, url="https://www.nytimes.com/reuters/2017/12/27/world/27reuters-ship.html")).outlet == "Reuters"
    assert wire_origin(_doc(text, author="The Associated Press, Staff")).outlet == "AP"
    # a wire named after a staff writer is a contribution, not the author
    assert wire_origin(_doc(text, author="Liam Quinn, Associated Press")) is None


@pytest.mark.parametrize("text", [
    # citing a wire in running text
    "The Kremlin declined to comment, Reuters reported. Two officials told AFP the talks would resume on Monday.",
    # photo credits in brackets, with no dash after them
    "A damaged building in Kharkiv on Tuesday. (Reuters) Firefighters worked through the night to put out the blaze.",
    "Image copyright Reuters Image caption The boy was found without his parents near the border.",
    "Ukrainian soldiers near Pokrovsk. AP:Associated Press The army said it had repelled 40 attacks on Monday.",
    # a contribution line and a dateline deep inside running text
    "Regional officials said six people were killed.\n\nThe Associated Press contributed to this report.",
    "Officials said six people were killed in the strike. " * 20 + "An earlier version said (AP) - wrongly, that the strike hit a school.",
])
def test_citing_a_wire_is_not_a_wire_copy(text):
    assert wire_origin(_doc(text)) is None


def test_a_wire_story_further_down_a_page_covers_the_page_from_its_dateline():
    own = "Good morning from the KFM newsroom. Here is what our reporters found overnight in the city. " * 8
    wire = "WASHINGTON, Feb 26 (Reuters) - The United States is weighing new sanctions on Russian oil traders."
    origin = wire_origin(_doc(own + "\n" + wire))
    assert origin.outlet == "Reuters" and origin.span == (len(own) + 1, len(own) + 1 + len(wire))
    assert not origin.covers((0, 40)) and origin.covers((len(own) + 1, len(own) + 60))


def test_a_wire_on_its_own_site_has_no_origin():
    text = "KYIV, Feb 26 (Reuters) - Russia launched 150 drones at Ukraine overnight, Ukraine's air force said."
    assert wire_origin(_doc(text, outlet="uk.reuters.com", url=None)) is None
    assert wire_origin(_doc(text, outlet="Reuters", url="https://www.reuters.com/world/x")) is None
    assert wire_origin(_doc(text, outlet="Kyiv Ledger", url=None)).outlet == "Reuters"


def test_polnear_wire_datelines_read_in_place(corpus_dir):
    """Real wire copies on Breitbart and HuffPost (PolNeAR train), read as plain text."""
    text = corpus_dir / "polnear" / "train" / "text"
    cases = {"breitbart_2016-01-10_trump-tells-in-reno-nfl-has-gone": "AP",
             "breitbart_2016-04-15_daggers-drawn-as-trump-cruz-wage": "AFP",
             "breitbart_2016-02-08_former-mexico-leader-calderon-ca": "UPI",
             "huff-post_2016-08-28_hillary-clinton-receives-first-n": "Reuters",
             "huff-post_2016-06-04_u-s-flexes-muscles-as-asia-worri": "Reuters"}
    for name, wire in cases.items():
        doc = Document.from_text((text / f"{name}.txt").read_text(encoding="utf-8"), source=name, outlet=name.split("_")[0])
        assert (wire_origin(doc) or doc).outlet == wire, name


@pytest.mark.slow
def test_polnear_train_precision_and_recall(corpus_dir):
    """The figures bench/eval_origin.py prints for train (where the rules were chosen)."""
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from eval_origin import polnear, score

    rows = polnear(corpus_dir, "train")
    s = score([(o.outlet if (o := wire_origin(plain)) else None, gold) for plain, _, gold in rows])
    assert s["wire_copies"] >= 60
    assert s["precision"] >= 0.95 and s["recall"] >= 0.9


# --- outlet identity -----------------------------------------------------------------------------

def test_one_outlet_across_formats():
    forms = [("Reuters", None), ("reuters.com", None), ("www.reuters.com", None), ("uk.reuters.com", None),
             ("REUTERS", None), ("Reuters", "https://www.reuters.com/world/europe/x"),
             ("Thomson Reuters", None), (None, "https://uk.reuters.com/article/y")]
    assert {outlet_key(o, u) for o, u in forms} == {"reuters.com"}
    assert outlet_key("BBC News", None) == outlet_key("www.bbc.com", None) == outlet_key(None, "https://www.bbc.co.uk/news/1")
    assert outlet_key("The Kyiv Independent", None) == outlet_key("kyivindependent.com", None)
    assert outlet_key("edition.cnn.com", None) == outlet_key("CNN", None)


def test_different_outlets_stay_apart():
    assert outlet_key("pravda.com.ua", None) != outlet_key("pravda.ru", None)
    # each writer on a hosting platform is their own outlet
    assert outlet_key(None, "https://alice.substack.com/p/1") != outlet_key(None, "https://bob.substack.com/p/2")
    assert outlet_key("Kyiv Post", None) != outlet_key("Kyiv Independent", None)
    assert outlet_key(None, None) is None


def test_ingest_writes_hosts_one_way():
    assert ingest_outlet("www.DW.com") == "dw.com"
    assert ingest_outlet("Deutsche Welle") == "Deutsche Welle"
    assert ingest_outlet(None) is None


# --- shared passages -----------------------------------------------------------------------------

LEDGER = ("Our correspondent in Kharkiv heard explosions shortly after three in the morning and saw smoke rising "
          "over the eastern districts of the city. The city council opened heating points in schools for residents "
          "whose flats lost power, and trams stopped running until noon. Engineers from the municipal utility were "
          "working to restore supply to the districts where substations had been damaged.")


def test_a_passage_reused_inside_a_longer_page_is_found():
    page = ("This note reviews the attack on Ukraine's energy system and what it says about the coming weeks.\n\n"
            + LEDGER + "\n\nWe expect repair crews to need spare transformers that are in short supply across the region.")
    [span] = shared_passages(page, shingles(LEDGER))
    assert page[span[0]:span[1]] == LEDGER


def test_independent_reports_of_one_event_share_no_passage():
    own = ("Explosions were heard in Kharkiv at about 3 a.m., our reporter said, and smoke rose above the east of the "
           "city. Schools were turned into heating points for people left without power by the city council. "
           "Trams did not run until midday while utility engineers repaired the damaged substations.")
    assert shared_passages(own, shingles(LEDGER)) == []
    # two sentences in a row are a quotation, not a rewrite
    two = LEDGER.rsplit(" Engineers", 1)[0]
    assert shared_passages("A different opening sentence about the night. " + two, shingles(LEDGER)) == []



def test_a_plural_possessive_is_not_a_quotation_but_a_closing_quote_is():
    """Sentences holding a quotation are not judged (outlets quote one speaker alike); a plural
    possessive ("passengers' complaints") had been read as a closing quote."""
    copied = ("The airline pledged to hire an outside firm to review its hiring, to retrain all of its cabin crews "
              "and to set up a team that reviews passengers' complaints about discrimination.")
    quoted = "We are deeply sorry for what happened on that flight,' the airline's spokeswoman said on Tuesday."
    page = "An earlier paragraph of the page says something else entirely.\n" + copied + "\n" + quoted
    judged = [page[s:e] for s, e in SentenceShingles(page).spans]
    assert copied in judged and quoted not in judged
    assert SentenceShingles(page).shared_sentences(shingles(copied))

# --- end to end: ingest -> corroborate -> ledger ----------------------------------------------------

@pytest.fixture(scope="module")
def carried(tmp_path_factory):
    from claimdesk.corroborate import corroborate
    from claimdesk.ingest import IngestOptions
    from claimdesk.pipeline import ingest
    from claimdesk.report.ledger_json import write_json
    from claimdesk.store import open_store

    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('origin') / 'origin.sqlite'}")
    report = ingest([FIXTURES / "reuters-drones.html", FIXTURES / "carried.jsonl"], store, IngestOptions())
    assert report.documents_new == 5
    corroborate(store)
    out = io.StringIO()
    write_json(store, out)
    return store, json.loads(out.getvalue())


def _by_outlet(stories, text):
    [story] = [s for s in stories if any(text in m["text"] for m in s["mentions"]) and len(s["mentions"]) > 1]
    return story


@pytest.mark.slow
def test_wire_copy_carries_origin_and_adds_no_source(carried):
    store, stories = carried
    story = _by_outlet(stories, "Ukrenergo said emergency power cuts")
    outlets = {m["outlet"]: m for m in story["mentions"]}
    # HTML site name, a domain with a sub-domain, and a radio site carrying the wire story
    assert {"Reuters", "uk.reuters.com", "kfm-radio.example"} <= set(outlets)
    assert outlets["kfm-radio.example"]["origin"] == {"outlet": "Reuters", "why": "dateline '(Reuters) -'"}
    assert outlets["Reuters"]["origin"] is None and outlets["uk.reuters.com"]["origin"] is None
    assert story["independent_sources"] == 1 and story["status"] == "single_source"


@pytest.mark.slow
def test_an_outlet_citing_reuters_is_its_own_source(carried):
    store, stories = carried
    story = _by_outlet(stories, "Russia launched 150 drones and 12 missiles at Ukraine overnight")
    outlets = {m["outlet"]: m for m in story["mentions"]}
    assert "kyivledger.example" in outlets and outlets["kyivledger.example"]["origin"] is None
    # Reuters (three pages) and the Kyiv Ledger: two origins, however many pages
    assert story["independent_sources"] == 2 and story["status"] == "corroborated", story["contradictions"]


@pytest.mark.slow
def test_a_reused_passage_counts_with_its_origin(carried):
    store, stories = carried
    story = _by_outlet(stories, "The city council opened heating points")
    page = [m for m in story["mentions"] if m["outlet"] == "energy-watch.example"]
    assert page and all(m["origin"]["outlet"] == "kyivledger.example" for m in page)
    assert page[0]["origin"]["why"].startswith("3 sentences shared with kyivledger.example")
    assert story["independent_sources"] == 1
    # the page's own analysis, outside the passage, is its own words
    own = _only_mentions(stories, "spare transformers")
    assert own and all(m["origin"] is None for m in own)


def _only_mentions(stories, text):
    return [m for s in stories for m in s["mentions"] if text in m["text"]]


@pytest.mark.slow
def test_origin_reaches_csv_claimreview_and_the_story_page(carried):
    from fastapi.testclient import TestClient

    from claimdesk.report.claimreview import write_claimreview
    from claimdesk.report.csv_export import write_csv
    from claimdesk.web.app import create_app

    store, stories = carried
    story = _by_outlet(stories, "Ukrenergo said emergency power cuts")
    out = io.StringIO()
    write_csv(store, out)
    [row] = [r for r in csv.DictReader(io.StringIO(out.getvalue())) if r["story_id"] == story["id"]]
    assert row["origins"] == "kfm-radio.example via Reuters"
    out = io.StringIO()
    write_claimreview(store, out)
    [review] = [r for r in json.loads(out.getvalue()) if r["identifier"] == story["id"]]
    based = [a["isBasedOn"] for a in review["itemReviewed"]["appearance"] if "isBasedOn" in a]
    assert based == [{"@type": "CreativeWork", "publisher": {"@type": "Organization", "name": "Reuters"},
                      "description": "dateline '(Reuters) -'"}]
    page = TestClient(create_app(store)).get(f"/stories/{story['id']}")
    assert page.status_code == 200 and "via Reuters" in page.text


# --- credits to another outlet ---------------------------------------------------------------------

@pytest.mark.parametrize("sentence, key", [
    ("Uma Thurman told The New York Times that the director pressed her to drive the car herself.", "nytimes.com"),
    ("A cache of emails obtained by Newsweek shows 67 were sent from company accounts.", "newsweek.com"),
    ("The ministry's plan was first reported by the Guardian on Monday.", "theguardian.com"),
    ("Two officers were wounded in the raid, according to Reuters.", "reuters.com"),
    ("CNN reported that the convoy had turned back before reaching the border.", "cnn.com"),
    ("In a statement sent to Newsweek, the company said it had cooperated with the police.", "newsweek.com"),
    ("A spokeswoman for the airline emailed Reuters a statement saying the crew had followed procedure.", "reuters.com"),
    ("The figures were provided to the Guardian by a former employee of the ministry.", "theguardian.com"),
])
def test_a_sentence_crediting_an_outlet_counts_under_it(sentence, key):
    from claimdesk.corroborate.credits import credits

    text = "The director has not commented. " + sentence + " The studio declined to comment."
    [credit] = credits(text, {"newsweek": "newsweek.com"})
    assert credit.key == key
    assert text[credit.span[0]:credit.span[1]] == sentence


@pytest.mark.parametrize("sentence", [
    "The officer told police he had been threatened, according to officials.",
    "She told John Smith that the deal was off.",
    "Times reported rising prices in the region, a survey of shops found.",
    "The mayor told The Times that the tram line would reopen next week.",  # "The Times" is any paper's self-reference
    "Residents reported hearing explosions shortly after midnight.",
    "Bloomberg said he would spend his own money on the campaign.",  # the man, not the outlet
    "The ministry emailed residents a statement saying the water was safe to drink.",
    "The report was sent to Parliament on Tuesday and published a week later.",
])
def test_credits_to_people_officials_or_ambiguous_names_are_not_outlets(sentence):
    from claimdesk.corroborate.credits import credits

    assert credits(sentence, {"newsweek": "newsweek.com"}) == []


def test_one_long_sentence_word_for_word_is_a_copy_a_rewording_is_not():
    from claimdesk.corroborate.passages import SentenceShingles

    wire = ("The Steelers led by 20-0 at halftime after taking advantage of two turnovers by the Texans in the "
            "first quarter of the game.")
    page = "Our match report follows. " + wire.replace("led by 20-0", "led 20-0") + " More on the playoffs soon."
    [span] = SentenceShingles(page).shared_sentences(shingles(wire))
    assert page[span[0]:span[1]].startswith("The Steelers led 20-0")
    reworded = ("Pittsburgh went into the break 20-0 up, having profited from two Houston turnovers early in the "
                "first quarter of the game.")
    assert SentenceShingles(reworded).shared_sentences(shingles(wire)) == []
    short = "The Steelers led by 20-0 at halftime."  # too short to tell a copy from a coincidence
    assert SentenceShingles(short).shared_sentences(shingles(short)) == []



def test_two_short_sentences_word_for_word_apart_are_copies_one_alone_or_relayed_is_not():
    """Written for this test after two versions of one local TV report in ECB+ (an early one and an
    update), which shared two short sentences of the writer's own, not in a row."""
    from claimdesk.corroborate.passages import SentenceShingles

    early = ("Police arrested a man they believe drove the van that struck a cyclist outside the library. "
             "Medics took the cyclist to Leeds General where he died that night. "
             "The driver was stopped a few streets away after hitting two parked cars. "
             "He also has two earlier convictions for driving without a licence.")
    update = ("A man now faces a manslaughter charge over the death of a cyclist outside the library. "
              "Prosecutors filed the charge on Friday morning after reviewing the video footage. "
              "Medics took the cyclist to Leeds General where he died that night. "
              "His neighbours described him as a quiet man who cycled to work every day. "
              "He also has two earlier convictions for driving without a licence. "
              "The driver is in custody.")
    found = [update[s:e] for s, e in SentenceShingles(update).shared_sentences(shingles(early))]
    assert found == ["Medics took the cyclist to Leeds General where he died that night.",
                     "He also has two earlier convictions for driving without a licence."], found
    one = update.replace("He also has two earlier convictions for driving without a licence. ", "")
    assert SentenceShingles(one).shared_sentences(shingles(early)) == []  # one short sentence may be chance
    relayed = one.replace("The driver is in custody.", "The driver was stopped a few streets away after hitting "
                          "two parked cars, police said.")
    assert SentenceShingles(relayed).shared_sentences(shingles(early)) == []  # a relay restates a statement
    # stock lines that name no one and give no figure, or appeal for information, are written alike by
    # outlets that never saw each other's pages
    stock = ("The cause of the fire at the warehouse is still under investigation. "
             "Anyone with information is asked to call police on 555 0100.")
    first = "Flames tore through a timber yard on the edge of Leeds overnight. " + stock
    second = "A warehouse by the canal in Leeds burned down before dawn on Tuesday. " + stock
    assert SentenceShingles(second).shared(shingles(first)) == []
    # one of the two telling something is enough: a release and a local site printing two of its lines
    release = ("The defendant was arrested five buildings away on Harbor Street shortly before midnight. "
               "Detectives said the victim had been stabbed several times. "
               "The killer was hiding behind the apartment's front door.")
    site = ("Our reporter spoke to neighbours on the block this morning. "
            "The defendant was arrested five buildings away on Harbor Street shortly before midnight. "
            "Several of them said they had heard shouting. "
            "The killer was hiding behind the apartment's front door.")
    assert len(SentenceShingles(site).shared_sentences(shingles(release))) == 2


def test_a_version_of_a_report_has_its_quotations_and_lightly_edited_sentences_too():
    """A page sharing two of its own sentences word for word with an earlier report is a version of
    it: the quotation it prints as the report does, and a sentence edited in a few words, are the
    report's too. Another page quoting the same words, sharing nothing else, is its own source."""
    from claimdesk.corroborate.passages import SentenceShingles

    quote = "“We will rebuild the bridge before the winter comes, whatever it costs,” the mayor said."
    report = ("Floodwater swept away the old stone bridge over the river early on Sunday morning. "
              "Nobody was on the bridge when it fell, according to the fire brigade. " + quote + " "
              "The bridge carried about four thousand cars a day between the two halves of the town. "
              "Engineers from the regional government will inspect the river banks on Tuesday.")
    version = ("Floodwater swept away the old stone bridge over the river early on Sunday morning. "
               "Residents of the lower town spent the day pumping water out of their cellars and shops. " + quote + " "
               "The bridge carried about four thousand cars a day between both halves of the town. "
               "A ferry used by the town a century ago could be brought back into service, some suggested. "
               "Engineers from the regional government will inspect the river banks on Tuesday.")
    found = {version[s:e]: n for (s, e), n in SentenceShingles(version).shared(shingles(report))}
    assert found.get(quote) == 0, found
    assert found.get("The bridge carried about four thousand cars a day between both halves of the town.") == 0, found
    assert found.get("Engineers from the regional government will inspect the river banks on Tuesday.") == 1, found
    assert "Residents of the lower town spent the day pumping water out of their cellars and shops." not in found
    # a page sharing one of the report's lines and quoting the mayor alike is no version: her words are its own
    other_outlet = ("Floodwater swept away the old stone bridge over the river early on Sunday morning. The mayor "
                    "spoke at the town hall after the flood. " + quote + " Residents applauded her.")
    assert quote not in [other_outlet[s:e] for (s, e), _ in SentenceShingles(other_outlet).shared(shingles(report))]


def test_a_copied_sentence_with_a_scare_quote_is_a_copy_a_quoted_statement_is_not():
    """Written for this test after a news_cluster page that printed a magazine's 22-word sentence
    word for word, kept from being judged by the two words it put in quotation marks."""
    from claimdesk.corroborate.passages import SentenceShingles, holds_quotation

    magazine = ("Designed by a British firm of architects, the plaza around the new store is meant to recreate a "
                "“town square” feeling that fosters a sense of community.")
    page = "Shoppers queued from dawn. " + magazine.replace("“town square”", "'town square'") + " It opens on Friday."
    [span] = SentenceShingles(page).shared_sentences(shingles(magazine))
    assert page[span[0]:span[1]].startswith("Designed by a British firm")
    statement = "“We are proud to bring a place of meeting and community to the heart of the city,” the company said."
    assert holds_quotation(statement) and holds_quotation("'We are proud,' the company said, 'and thankful.'")
    assert SentenceShingles("Shoppers queued. " + statement).shared_sentences(shingles(statement)) == []
    assert not holds_quotation("The president warned of “fire and fury” if the threats went on for much longer.")


def test_a_page_carrying_a_passage_copies_its_short_lines_too_a_page_without_one_does_not():
    """Written for this test after a news_cluster page that printed a wire's crash report: three
    sentences in a row word for word, and a short relayed line between them."""
    from claimdesk.corroborate.passages import SentenceShingles

    wire = ("The single-engine plane crashed into a wooded hillside shortly after taking off from the coast. "
            "All ten passengers and both crew members on board were killed, the civil aviation agency said. "
            "Rescue teams reached the wreckage after walking for several hours through thick forest. "
            "Officials said the airline had provided a passenger list to the embassy. "
            "The cause of the crash was not yet known and investigators were expected on Monday at the site.")
    page = ("Tragedy in the hills. " + wire.split(". Officials")[0] + ". "
            "People in the nearest village told our correspondent that they heard a loud bang at dawn. "
            "Officials said the airline had provided a passenger list to the embassy. "
            "The cause of the crash was not yet known and investigators are expected at the site on Monday.")
    found = [page[s:e] for (s, e), _ in SentenceShingles(page).shared(shingles(wire))]
    assert "Officials said the airline had provided a passenger list to the embassy." in found
    assert "The cause of the crash was not yet known and investigators are expected at the site on Monday." in found
    alone = "Officials said the airline had provided a passenger list to the embassy. Our reporter adds more below."
    assert SentenceShingles(alone).shared(shingles(wire)) == []  # a short relayed line alone is no copy
    own_words = "The cause of the crash was not yet known and investigators are expected at the site on Monday."
    assert SentenceShingles(own_words).shared(shingles(wire)) == []  # half its phrases alone: no copy

def test_the_writers_own_sentence_around_a_short_quotation_is_copied_with_a_passage_and_breaks_none():
    """Written for this test after a news_cluster page carrying an AP story without its dateline: the
    wire's sentence "… signed a declaration which she said would allow "needed resources to be
    obtained."" kept its page's own origin beside three AP sentences."""
    from claimdesk.corroborate.passages import SentenceShingles, frames_quotation, holds_quotation

    framed = ("The county executive signed a declaration of disaster emergency which she said would allow "
              "“needed resources to be obtained.”")
    assert frames_quotation(framed) and not holds_quotation(framed)
    wire = ("Snow kept falling on the lakeside city, which has seen a record amount of snow over the past few days. "
            + framed + " The emergency management coordinator says that will help the city hire more plows and drivers. "
            "Schools and most county offices stayed closed on Wednesday while crews cleared the main roads.")
    page = "Interested in Weather? Add Interest\n" + wire
    [(span, n)] = SentenceShingles(page).shared(shingles(wire))
    assert n == 4 and page[span[0]:span[1]].startswith("Snow kept falling") and framed in page[span[0]:span[1]]
    # an outlet wording its own frame around the same quotation neither copies it nor ends the passage
    reframed = wire.replace(framed, "The declaration, signed by the county's executive in the morning after a long "
                                    "meeting, would allow “needed resources to be obtained.”")
    [(span, n)] = SentenceShingles(reframed).shared(shingles(wire))
    assert n == 3 and reframed[span[0]:span[1]].endswith("cleared the main roads.")


def test_a_page_carrying_a_wire_story_without_its_dateline_has_the_wire_words(corpus_dir, sqlite_url):
    # three news_cluster development pages of one AP story: ABC News' without a dateline, the Daily
    # Mail's with "(AP) -", the New York Times' under /aponline/
    from bench.corpora.news_cluster import read_page
    from claimdesk.corroborate import corroborate
    from claimdesk.store import Store
    from claimdesk.store.stories import iter_stories
    from claimdesk.extraction import extract

    store = Store(sqlite_url)
    urls = ("erie-smashes-snowfall-record", "ap-us-severe-weather-pennsylvania")
    pages = [page for page in map(read_page, sorted((corpus_dir / "news_cluster").glob("*.json")))
             if page is not None and any(u in (page.document.url or "").lower() for u in urls)]
    assert len(pages) == 3
    for page in pages:
        store.add_document(page.document, claims=extract(page.document))
    corroborate(store, incremental=False)
    [story] = [s for s in iter_stories(store) if any("Dahlkemper signed a declaration" in m.text for m in s.mentions)]
    assert {m.outlet for m in story.mentions} == {"abcnews.go.com", "www.nytimes.com", "www.dailymail.co.uk"}
    assert {m.origin.outlet for m in story.mentions if m.origin} == {"AP"} and all(m.origin for m in story.mentions)
    assert story.independent_sources == 1


def _jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _ledger_of(tmp_path: Path, records: list[dict]) -> list[dict]:
    """The JSON ledger of a new store holding these JSON Lines records, corroborated."""
    from claimdesk.corroborate import corroborate
    from claimdesk.ingest import IngestOptions
    from claimdesk.pipeline import ingest
    from claimdesk.report.ledger_json import write_json
    from claimdesk.store import open_store

    store = open_store(f"sqlite:///{tmp_path / 'pages.sqlite'}")
    ingest([_jsonl(tmp_path / "pages.jsonl", records)], store, IngestOptions())
    corroborate(store)
    out = io.StringIO()
    write_json(store, out)
    return json.loads(out.getvalue())


@pytest.mark.slow
def test_a_credited_outlet_and_a_shared_caption_add_no_source(tmp_path):
    """End to end: an outlet repeating what it credits to another is not a second source, and a
    sentence that states no part of a fact is never corroborated however many sites print it."""
    from claimdesk.corroborate import corroborate
    from claimdesk.ingest import IngestOptions
    from claimdesk.pipeline import ingest
    from claimdesk.report.ledger_json import write_json
    from claimdesk.store import open_store

    fact = "Russian forces fired 40 missiles at Lviv on Tuesday night, damaging two power plants"
    caption = "The snow falls off the roof."
    records = [
        {"url": "https://kyivledger.example/news/lviv-strike", "source_domain": "kyivledger.example",
         "date_publish": "2026-02-25 08:00:00", "title": "Missiles hit Lviv",
         "text": f"{fact}, the regional governor said on Wednesday.\n\n{caption}"},
        {"url": "https://radio-west.example/lviv", "source_domain": "radio-west.example",
         "date_publish": "2026-02-25 10:00:00", "title": "Lviv attacked",
         "text": f"{fact}, the regional governor told the Kyiv Ledger.\n\n{caption}"},
    ]
    store = open_store(f"sqlite:///{tmp_path / 'credits.sqlite'}")
    ingest([_jsonl(tmp_path / "pages.jsonl", records)], store, IngestOptions())
    corroborate(store)
    out = io.StringIO()
    write_json(store, out)
    stories = json.loads(out.getvalue())
    story = _by_outlet(stories, "fired 40 missiles at Lviv")
    radio = next(m for m in story["mentions"] if m["outlet"] == "radio-west.example")
    assert radio["origin"]["outlet"] == "Kyiv Ledger" and radio["origin"]["why"].startswith("credits Kyiv Ledger")
    assert story["independent_sources"] == 1 and story["status"] == "single_source"
    assert all(s["status"] != "corroborated" for s in stories if caption in s["text"])

    # a third outlet with its own words makes it corroborated
    own = {"url": "https://lviv-news.example/a", "source_domain": "lviv-news.example",
           "date_publish": "2026-02-25 12:00:00", "title": "Night attack on Lviv",
           "text": "Russia launched 40 missiles at Lviv overnight into Wednesday, hitting two power plants, "
                   "the city's mayor said."}
    ingest([_jsonl(tmp_path / "more.jsonl", [own])], store, IngestOptions())
    corroborate(store)
    out = io.StringIO()
    write_json(store, out)
    story = _by_outlet(json.loads(out.getvalue()), "fired 40 missiles at Lviv")
    assert story["independent_sources"] == 2 and story["status"] == "corroborated", story["contradictions"]


def test_a_summary_line_repeating_a_credited_sentence_has_the_credited_outlet_as_origin():
    from claimdesk.corroborate.sourcing import _repeats_of_credited, SourcingContext, document_origins

    bullet = "Ukrainian troops called in artillery support after being surrounded near the railway station"
    body = ("The clash, which has prompted an inquiry, began when Ukrainian troops called in artillery support after "
            "being surrounded near the railway station, reports the Kyiv Ledger.")
    other = "The regional governor said repairs to the station would take at least a month."
    text = f"{bullet}\n{other}\n{body}"
    doc = Document.from_text(text, source="t", format="text", outlet="radio-west.example", language="en")
    ctx = SourcingContext(headers={}, origins={}, copy_of={}, shingles_of=lambda _: None,
                          outlet_names={"kyivledger": "kyivledger.example"})
    found = document_origins(doc, ctx)
    spans = {text[o.span[0]:o.span[1]]: o for o in found}
    assert any(body.startswith(t[:40]) for t in spans)
    repeat = next(o for t, o in spans.items() if t.startswith("Ukrainian troops"))
    assert repeat.key == "kyivledger.example" and repeat.why.startswith("repeats a sentence that credits")
    assert not any(t.startswith("The regional governor") for t in spans)
    assert _repeats_of_credited(text, []) == []


@pytest.mark.parametrize("sentence, credited", [
    ("Troops called in air support when they were surrounded, reports BBC News.", True),
    ("Troops called in air support when they were surrounded, reported The Guardian.", True),
    ("The ministry reports BBC News is wrong about the strike.", False),
    ("Troops called in air support, reports said.", False),
])
def test_a_credit_can_name_the_outlet_after_its_verb_at_the_end_of_a_sentence(sentence, credited):
    from claimdesk.corroborate.credits import credits

    assert bool(credits(sentence, {})) is credited


@pytest.mark.parametrize("sentence, key", [
    ('The ministry answered the letter, via The New York Times: "We are checking every case."', "nytimes.com"),
    ("The company provided Newsweek a statement by email, saying it was investigating.", "newsweek.com"),
    ("The director also answered other claims in The New York Times about the crash on set.", "nytimes.com"),
    ("The footage was shared via Twitter by a witness near the station.", None),
    ("The shells were moved via the Black Sea ports before the strike.", None),
    ("He gave the police a statement on Monday about the convoy.", None),
    ("The governor told reporters via video link that the bridge had held.", None),
])
def test_what_another_outlet_printed_is_credited_to_it(sentence, key):
    # the three credited forms the fifth verdict sample counted as independent outlets (2026-12-03)
    from claimdesk.corroborate.credits import credits

    found = credits(sentence, {"newsweek": "newsweek.com"})
    assert [c.key for c in found] == ([key] if key else [])


@pytest.mark.parametrize("sentence, key", [
    # agencies and outlets named by others, unknown to the batch (news_cluster pages, 2026-12-03)
    ("The boat sank off the coast at dawn, state news agency Xinhua reported.", "xinhuanet.com"),
    ("Seoul's military tracked the launch for ten minutes, Yonhap reported.", "yna.co.kr"),
    ("The regime called the drill a prelude to containing the island, KCNA quoted the army as saying.", "kcna.kp"),
    ("The team doctor told The Athletic that the coach had been unresponsive.", "theathletic.com"),
    ("The coach nearly died after the parade, according to a detailed account by The Athletic.", "theathletic.com"),
    ("The designer said to the Harbin Morning Post that the seeds would fly in May.", "harbinmorningpost"),
    ("A deputy minister was quoted by RIA Novosti as saying the talks were over.", "ria.ru"),
    ("A neighbour told the Erie Times-News that the bill was wrong.", "name:erietimesnews"),
    ("The director told Deadline on Monday that the crash was heartbreaking.", "deadline.com"),
    ("Trainers carried him to a golf cart, according to a story on The Athletic.", "theathletic.com"),
    ("The deadline for the talks passed on Monday, officials said.", None),
    # a cue opening the sentence
    ("According to The Beijing News, the boy was harvesting cabbages with his father.", "name:beijingnews"),
    ("Speaking to the BBC, the minister said the plant had been hit twice.", "bbc.co.uk"),
    ("According to officials, the plant had been hit twice.", None),
    # a site named by its domain, a period inside a word
    ("According to washingtonpost.com, the doctor is the team's first choice.", "washingtonpost.com"),
    ("The boy was treated for serious injuries, Cincinnati.com reported.", "cincinnati.com"),
    ("According to the U.S. Army, six soldiers died in the blast.", None),
    # the outlet naming its piece, where the words were said or printed
    ("In a New York Times interview published on Sunday, the actress said the car was unsafe.", "nytimes.com"),
    ("The car was unsafe, according to a Bloomberg report on Monday.", "bloomberg.com"),
    ("The company disputes a Bloomberg report released on Monday about the breach.", None),
    ("A source confirmed the mix-up to the Herald following a CNN report on Wednesday.", None),
    ("The story on the front page was about the strike.", None),
    # not a credit: no outlet, or the outlet is the subject of the deed
    ("The minister said to reporters that the border would stay shut.", None),
    ("The boat was said to be carrying 40 people when it sank.", None),
    ("Yonhap's reporters were barred from the briefing on Friday.", None),
    ("He gave an account of the crash to the police on Monday.", None),
])
def test_agencies_and_outlets_named_by_others_are_credited(sentence, key):
    from claimdesk.corroborate.credits import credits

    found = credits(sentence, {})
    assert ((key in found[0].key) if found else None) if key else found == []


def test_a_sentence_opening_before_a_short_name_is_no_newspaper_and_a_name_ends_with_its_sentence():
    from claimdesk.corroborate.credits import credits, outlet_key_of_name

    assert credits("About 3.5 million people fled, Reuters reported.", {})[0].span == (0, 48)
    assert outlet_key_of_name("Following The Times", {}) is None
    assert outlet_key_of_name("Chattanooga Times Free Press", {}) is None  # no paper word last
    text = ("Thurman spoke to The New York Times. Following The Times story, she posted the footage online. "
            "She told the newspaper that the crash still hurt.")
    assert [c.key for c in credits(text, {})] == ["nytimes.com", "nytimes.com"]


def test_a_credit_covers_its_whole_sentence_after_a_title_and_one_paper_is_one_outlet_however_written():
    from claimdesk.corroborate.credits import credits

    text = ('The coach collapsed on stage. Dr. Muntz told The Erie Times-News, "He was unresponsive." '
            "Mr. Smith said the bill was wrong, as the Erie Times News reported.")
    found = credits(text, {})
    assert [text[c.span[0]:c.span[1]].split()[0] for c in found] == ["Dr.", "Mr."]
    assert found[0].key == found[1].key == "name:erietimesnews"


@pytest.mark.parametrize("sentence, credited", [
    ("The designer told the Harbin Morning Post that the seeds would fly in May.", "harbinmorningpost"),
    ("A neighbour told The Lviv Evening News that the sirens woke everyone.", "lvivevening"),
    ("The clerk told the Post Office staff to leave the building.", None),
    ("The general told the Senate Armed Services Committee that stocks were low.", None),
    ("She told the Daily Briefing audience that the talks would go on.", None),
])
def test_a_newspaper_name_credits_an_outlet_that_is_neither_known_nor_in_the_batch(sentence, credited):
    from claimdesk.corroborate.credits import credits

    found = credits(sentence, {})
    assert (credited in found[0].key) if credited else found == []


def test_a_page_printing_a_wire_paragraph_before_the_wire_copy_arrives_has_the_wire_words():
    from datetime import date

    from claimdesk.corroborate.sourcing import SourcingContext, assign

    paragraph = ("The Steelers led by 20-0 at halftime after taking advantage of two turnovers by the Texans in "
                 "a cold and windy first half.")
    own = _doc("Our own preview ran last week. " + paragraph + " Our columnist reviews the season tomorrow.",
               outlet="Sports Daily", url="https://sportsdaily.example/steelers", published=date(2017, 12, 25))
    wire = _doc("PITTSBURGH (AP) — " + paragraph.replace("led by 20-0", "led 20-0") + " Roethlisberger threw two touchdowns.",
                outlet="Post Times", url="https://posttimes.example/ap-steelers", published=date(2017, 12, 26))
    other = _doc("Pittsburgh went into the break 20 points up after two Houston turnovers in a cold first half, and "
                 "never looked back.", outlet="City Sports", url="https://citysports.example/a",
                 published=date(2017, 12, 25))
    texts = {d.id: d.text for d in (own, wire, other)}
    ids = list(texts)
    ctx = SourcingContext(headers={}, origins={}, copy_of={}, shingles_of=lambda i: shingles(texts[i]),
                          candidates={i: [j for j in ids if j != i] for i in ids})
    found = assign([own, wire, other], ctx)
    [copied] = found[own.id]
    assert copied.outlet == "AP" and own.text[copied.span[0]:copied.span[1]] == paragraph
    assert found[wire.id][0].outlet == "AP" and found[other.id] == []


def test_a_later_wire_story_that_credits_the_page_took_its_words_from_the_page():
    """Written after a news_cluster event: an AP story on a Times interview, carried by another paper,
    quoted the Times' sentences; the Times' own page is not a copy of that later AP story."""
    from datetime import date

    from claimdesk.corroborate.sourcing import SourcingContext, assign

    paragraph = ("The producer pushed her down in a hotel room in London, and she fought him off before leaving the "
                 "building alone that night.")
    times = _doc("In a long interview at her home, the actress told her story. " + paragraph + " She says she "
                 "told no one for years.", outlet="The New York Times", url="https://www.nytimes.com/2018/02/03/x.html",
                 published=date(2018, 2, 3))
    wire = _doc("NEW YORK (AP) — " + paragraph + " the actress told The New York Times in an interview published "
                "on Saturday.", outlet="Post Times", url="https://posttimes.example/ap-actress",
                published=date(2018, 2, 4))
    texts = {d.id: d.text for d in (times, wire)}
    ids = list(texts)
    ctx = SourcingContext(headers={}, origins={}, copy_of={}, shingles_of=lambda i: shingles(texts[i]),
                          candidates={i: [j for j in ids if j != i] for i in ids})
    found = assign([times, wire], ctx)
    assert found[times.id] == [], found[times.id]
    assert any(o.outlet == "AP" and o.span is None for o in found[wire.id]), found[wire.id]


@pytest.mark.parametrize("text, key", [
    ("Emails obtained by Newsweek show dozens were sent. The director told the magazine that the sector had "
     "embraced it.", "newsweek.com"),
    ("The New York Times interviewed her at home. The Times published footage of the crash.", "nytimes.com"),
    ("The Washington Post first reported the plan. A senior official told the Post it was final.", "washingtonpost.com"),
])
def test_a_short_or_generic_name_stands_for_the_outlet_named_before(text, key):
    from claimdesk.corroborate.credits import credits

    found = credits(text, {"newsweek": "newsweek.com"})
    assert found and found[-1].key == key
    second = text.split(". ", 1)[1]
    assert text[found[-1].span[0]:found[-1].span[1]] == second


def test_a_short_name_with_no_outlet_named_before_is_the_page_itself():
    from claimdesk.corroborate.credits import credits

    assert credits("The mayor told The Times that the line would reopen. She told the newspaper more on Monday.",
                   {}) == []


def test_a_relayed_statement_in_nearly_the_same_words_is_not_a_copy():
    from claimdesk.corroborate.passages import SentenceShingles

    wire = ("Russia launched 150 drones and 12 missiles at Ukraine overnight, targeting power stations in the "
            "Kharkiv and Poltava regions, Ukraine's air force said on Thursday.")
    own = "Russia launched 150 drones and 12 missiles at Ukraine overnight, Ukraine's air force said on Thursday."
    assert SentenceShingles(own).shared_sentences(shingles(wire)) == []


@pytest.mark.parametrize("text, key", [
    ("Thurman spoke to The New York Times about the crash. Tarantino persuaded her to drive, the article said.",
     "nytimes.com"),
    ("The interview was first published by The Guardian. The scientist was quoted in the Guardian as saying the "
     "radio telescope would fly.", "theguardian.com"),
])
def test_retelling_another_outlets_article_credits_it(text, key):
    from claimdesk.corroborate.credits import credits

    assert [c.key for c in credits(text, {})][-1] == key


@pytest.mark.parametrize("text", [
    "Reuters first reported the fire. The International Atomic Energy Agency inspected the plant, the agency said.",
    "CNN was at the scene. Investigators searched the crash site, the paper said in its findings on the wing.",
])
def test_an_agency_or_a_paper_that_is_not_an_outlet_is_not_credited(text):
    from claimdesk.corroborate.credits import credits

    assert [c.key for c in credits(text, {})] in (["reuters.com"], ["cnn.com"], [])
    assert all(text[c.span[0]:c.span[1]].split()[0] in ("Reuters", "CNN") for c in credits(text, {}))


def test_the_article_in_a_wire_story_is_not_the_wire_itself():
    from claimdesk.corroborate.credits import credits

    text = ("Thurman spoke to The New York Times. LOS ANGELES (AP) reporters could not reach her. "
            "Tarantino persuaded her to drive, the article said.")
    assert [c.key for c in credits(text, {}, own=frozenset({"apnews.com"}))][-1] == "nytimes.com"
    assert [c.key for c in credits(text, {})][-1] == "apnews.com"  # without knowing its own wire


def test_outlet_names_are_read_the_same_whatever_the_order_and_a_brand_credits_nothing_to_itself():
    from claimdesk.corroborate.credits import brand, outlet_names

    keys = ["businessinsider.de", "businessinsider.com", "newsweek.com"]
    assert outlet_names(keys) == outlet_names(list(reversed(keys))) == {
        "businessinsider": "businessinsider.com", "newsweek": "newsweek.com"}
    assert brand("businessinsider.de") == brand("businessinsider.com")


def test_a_hyphened_site_is_credited_by_its_name_written_with_or_without_the_hyphen():
    from claimdesk.corroborate.credits import credits, outlet_names

    names = outlet_names({"sun-sentinel.com", "wire.example"})
    for text in ("The shooting was first reported by the Sun Sentinel.", "The Sun-Sentinel reported the shooting first."):
        assert [c.key for c in credits(text, names, frozenset({"wire.example"}))] == ["sun-sentinel.com"]


def test_one_outlet_telling_a_fact_and_crediting_it_to_another_is_not_corroboration(tmp_path):
    """Written after news_cluster development stories where one outlet's own line and its line
    crediting state media ("…, state media Xinhua reported") made a story `corroborated`."""
    from claimdesk.corroborate import corroborate
    from claimdesk.corroborate.contradictions import Evidence
    from claimdesk.corroborate.status import status
    from claimdesk.ingest import IngestOptions
    from claimdesk.pipeline import ingest
    from claimdesk.store import open_store

    own = "The boy fell 40 metres down a dry well in Baoding, Hebei province, on Sunday morning"
    pages = [
        {"url": "https://world-desk.example/well", "source_domain": "world-desk.example",
         "date_publish": "2016-11-07 08:00:00", "title": "Boy trapped in well",
         "text": f"{own}.\n\nThe six-year-old fell 40 metres into the dry well in Baoding, Hebei province, on Sunday, "
                 "state media Xinhua reported."},
    ]
    from claimdesk.report.ledger_json import write_json

    store = open_store(f"sqlite:///{tmp_path / 'one-outlet.sqlite'}")
    ingest([_jsonl(tmp_path / "pages.jsonl", pages)], store, IngestOptions())
    corroborate(store)
    out = io.StringIO()
    write_json(store, out)
    story = _by_outlet(json.loads(out.getvalue()), "dry well in Baoding")
    assert [m["origin"] and m["origin"]["outlet"] for m in story["mentions"]] == [None, "Xinhua"]
    # the page's own line restates what it printed from Xinhua: it tells Xinhua's fact, one source
    assert story["independent_sources"] == 1 and story["status"] == "single_source", story

    by_id = {c.id: c for c in store.claims_for(story["mentions"][0]["document"])}
    claims = [by_id[m["claim"]] for m in story["mentions"]]
    own_line = Evidence(claims[0], "outlet:world-desk.example", publisher="outlet:world-desk.example")
    credited = Evidence(claims[1], "outlet:xinhuanet.com", publisher="outlet:world-desk.example")
    assert status([own_line, credited], []) == "single_source"
    relayed_elsewhere = Evidence(claims[1], "outlet:xinhuanet.com", publisher="outlet:coast-radio.example")
    assert status([own_line, relayed_elsewhere], []) == "corroborated"


def _assign(docs, copy_of=None):
    from claimdesk.corroborate.sourcing import SourcingContext, assign

    texts = {d.id: d.text for d in docs}
    ids = list(texts)
    ctx = SourcingContext(headers={}, origins={}, copy_of=copy_of or {}, shingles_of=lambda i: shingles(texts[i]),
                          candidates={i: [j for j in ids if j != i] for i in ids})
    return assign(docs, ctx)


def test_a_page_crediting_an_outlet_owes_it_the_sentences_it_carries_whichever_was_stored_first():
    """Written after an ECB+ held-out page (read once) that credits "RussiaToday" and carries RT's
    sentences word for word, relays of a speaker among them, though it was stored before RT's page."""
    from datetime import date

    relay = ("Residents on Twitter reported that police followed the march and searched apartment buildings in the "
             "district without warrants, looking for children seen throwing bottles from rooftops.")
    source = _doc("Police clashed with marchers in the district late on Monday. " + relay +
                  " The mayor called for calm.", outlet="RT", url="https://www.rt.com/usa/clashes",
                  published=date(2013, 3, 14))
    aggregator = _doc("Marchers and police clashed again, according to RussiaToday. " + relay +
                      " Readers can comment below.", outlet="Before It's News", url="https://beforeitsnews.com/a",
                      published=date(2013, 3, 13))
    found = _assign([aggregator, source])
    [credit, owed] = found[aggregator.id]
    assert credit.key == owed.key == "rt.com" and aggregator.text[owed.span[0]:owed.span[1]] == relay
    assert found[source.id] == []  # the page that credits RT took the words from it, not the reverse
    # a page crediting no one keeps a relayed sentence it shares with another (speakers are relayed alike)
    alone = _doc("Marchers and police clashed again. " + relay, outlet="City Desk", url="https://citydesk.example/a",
                 published=date(2013, 3, 13))
    assert _assign([alone, source])[alone.id] == []


def test_a_quotation_of_several_sentences_is_matched_in_each_of_them():
    from claimdesk.corroborate.interviews import quotation_spans

    text = ('It did not stop me," she told the paper. "What got me was the cheap shot. I had been through so many '
            'rings of fire by then. I had always felt a connection to the work."\nThe director did not respond.')
    [(span, words)] = quotation_spans(text)
    assert text[span[0]:span[1]].startswith("What got me") and words.endswith("a connection to the work")
    # an apostrophe opens no quotation running past its sentence
    text = "'I cant speak for the first death, but this looks like a lack of experience, \" he told the Herald.\nNext line of text here."
    assert all(span[1] <= text.index("\n") for span, _ in quotation_spans(text))


def test_a_second_version_of_a_page_owes_what_the_first_owes():
    from datetime import date

    wire = ("Rescue teams reached the wreckage after walking for several hours through thick forest near the border. "
            "All ten passengers and both crew members on board were killed, the civil aviation agency said. "
            "The cause of the crash was not yet known and investigators were expected on Monday at the site.")
    carrier = _doc("PARIS (AFP) - " + wire, outlet="Wire Daily", url="https://wiredaily.example/afp-crash",
                   published=date(2017, 12, 31))
    first = _doc("Our reporter was at the airport this morning when the news came. " + wire,
                 outlet="City Post", url="https://citypost.example/crash", published=date(2018, 1, 1))
    second = _doc("Our reporter was at the airport this morning when the news came in. " + wire,
                  outlet="City Post", url="https://citypost.example/crash?update=1", published=date(2018, 1, 1))
    found = _assign([carrier, first, second], copy_of={second.id: first.id})
    assert [o.outlet for o in found[first.id]] == ["AFP"]
    owed = found[second.id]
    assert {o.outlet for o in owed} == {"AFP"} and all(o.why.startswith("copied with its page") for o in owed)
    assert " ".join(second.text[o.span[0]:o.span[1]] for o in owed) == wire  # its three wire sentences, not its own


RELEASE = (
    "Researchers at the University of Northdale have found that a small freshwater snail can survive "
    "for three months frozen in lake ice, a study published on Monday in the journal Arctic Biology shows. "
    "The team collected 240 snails from Lake Varden in January and kept them at minus 12 degrees Celsius "
    "for 90 days before thawing them slowly over two days. "
    "Of the 240 snails, 171 recovered fully and went on to lay eggs within a month, the researchers said. "
    "\"We did not expect more than a handful to wake up,\" said Professor Mara Lind, who led the study. "
    "The snails appear to fill their cells with a sugar that stops ice crystals from tearing them apart. "
    "The team now plans to test snails from three other lakes in the region next winter."
)


@pytest.mark.slow
def test_a_press_release_on_the_institutions_own_site_is_the_origin_of_its_reposts(tmp_path):
    """A university's release carried whole by a news site is the university's text, even when the
    crawler dated the news page months earlier (as news_cluster's crawl dated a news site's repost
    of a university release eight months before the release)."""
    records = [
        {"url": "https://dailyglobe.example/science/frozen-snails", "source_domain": "dailyglobe.example",
         "date_publish": "2025-04-02 09:00:00", "title": "Snails survive three months in ice",
         "text": RELEASE + "\n\nShare this story. Sign up for our science newsletter."},
        {"url": "https://news.northdale.ac.uk/articles/snails-in-ice", "source_domain": "news.northdale.ac.uk",
         "date_publish": "2025-11-24 10:00:00", "title": "Snails that survive the winter frozen",
         "text": RELEASE + "\n\nMedia enquiries: press office, University of Northdale."},
    ]
    origin_of, story = _origins_by_outlet(tmp_path, records, "171 recovered fully")
    assert origin_of["dailyglobe.example"]["outlet"] == "news.northdale.ac.uk"
    assert origin_of["news.northdale.ac.uk"] is None
    assert story["independent_sources"] == 1 and story["status"] == "single_source"


SPUN = (
    "Scientists at the University of Northdale have discovered that a tiny freshwater snail can live "
    "for three months frozen inside lake ice, according to a study released on Monday in the journal Arctic Biology. "
    "The group gathered 240 snails from Lake Varden during January and held them at minus 12 degrees Celsius "
    "for 90 days prior to warming them gradually across two days. "
    "Out of the 240 snails, 171 recovered completely and continued to lay eggs inside a month, the scientists said. "
    "The snails seem to flood their cells with a sugar that prevents ice crystals from ripping them apart. "
    "The group now intends to examine snails from three other lakes in the area next winter."
)
OWN_WRITE_UP = (
    "A snail no bigger than a grain of rice has startled biologists by coming back to life after a winter in ice. "
    "Northdale researchers froze 240 of the animals, taken from Lake Varden, for 90 days, and 171 of them recovered. "
    "Professor Mara Lind, who led the work, said in an interview that the finding surprised her team. "
    "Independent experts cautioned that the laboratory freezing was gentler than conditions in a real lake. "
    "Dr Tomas Erb of the Baltic Institute, who was not involved, said the sugar the snails make deserves closer study. "
    "Fishermen on Lake Varden told this newspaper they had long seen snails crawling on the shore in early spring."
)


def _origins_by_outlet(tmp_path, records: list[dict], words: str) -> tuple[dict, dict]:
    """The origin of each outlet's mention in the story holding `words`, and the story."""
    story = _by_outlet(_ledger_of(tmp_path, records), words)
    return {m["outlet"]: m["origin"] for m in story["mentions"]}, story


def _page(site: str, day: str, text: str) -> dict:
    return {"url": f"https://{site}/science/snails", "source_domain": site, "date_publish": f"{day} 09:00:00",
            "title": "Snails survive months frozen in lake ice", "text": text}


@pytest.mark.slow
def test_a_spun_rewrite_of_a_page_has_that_pages_origin(tmp_path):
    """A rewrite site swaps a word every few words ("scientists" for "researchers", "prior to warming
    them gradually" for "before thawing them slowly"): few 5-word runs survive, the facts are the
    first page's."""
    origin_of, story = _origins_by_outlet(tmp_path, [_page("dailyglobe.example", "2025-04-02", RELEASE),
                                                     _page("rewrite-hub.example", "2025-04-03", SPUN)],
                                          "171 recovered")
    assert origin_of["rewrite-hub.example"]["outlet"] == "dailyglobe.example"
    assert origin_of["rewrite-hub.example"]["why"].startswith("retells ")
    assert story["independent_sources"] == 1


CATCHES = "Fishermen's cooperatives reported record catches of perch and pike across the northern fjords this autumn."


@pytest.mark.slow
def test_a_rewrites_line_telling_what_its_source_never_said_is_its_own(tmp_path):
    """Session 41 (war set AI): a next-day page retelling another outlet's page added a line of its own (Moscow's
    claim, which the other page never printed); read as wholly the other outlet's, that line counted one source
    too many. The rest of the page keeps the retold page's origin."""
    records = [_page("dailyglobe.example", "2025-04-02", RELEASE),
               _page("rewrite-hub.example", "2025-04-03", SPUN + " " + CATCHES)]
    stories = _ledger_of(tmp_path, records)
    origin = {m["text"]: m["origin"] for s in stories for m in s["mentions"] if m["outlet"] == "rewrite-hub.example"}
    [own] = [o for text, o in origin.items() if "record catches" in text]
    assert own is None
    assert [o["outlet"] for text, o in origin.items() if "171 recovered" in text] == ["dailyglobe.example"]


@pytest.mark.slow
def test_an_outlets_own_write_up_of_the_same_study_stays_its_own(tmp_path):
    origin_of, story = _origins_by_outlet(tmp_path, [_page("dailyglobe.example", "2025-04-02", RELEASE),
                                                     _page("lakeside-herald.example", "2025-04-03", OWN_WRITE_UP)],
                                          "Lake Varden")
    assert "lakeside-herald.example" in origin_of and origin_of["lakeside-herald.example"] is None
    assert story["independent_sources"] == 2


SECOND_REPORT = (
    "The snails were found in shallow water near the northern shore of Lake Varden, where ice forms every November. "
    "Local divers helped the researchers collect the animals under a permit from the regional council. "
    "The lake's snails are a favourite food of the rare Varden trout, which the council protects. "
    "Anglers' groups said they welcomed any study that helps the trout survive the warmer winters. "
    "The council plans to publish a new report on the health of the lake in the spring."
)
MIXED_REWRITE = (
    "Scientists from the University of Northdale found that a tiny freshwater snail can live three months "
    "frozen in lake ice, a study released Monday in the journal Arctic Biology shows. "
    "The snails were discovered in shallow water close to the northern shore of Lake Varden, where ice forms each November. "
    "Of the 240 snails, 171 recovered completely and went on to lay eggs inside a month, the scientists said. "
    "Local divers assisted the scientists to gather the animals under a permit from the regional council. "
    "The snails seem to fill their cells with a sugar that stops ice crystals from ripping them apart. "
    "The lake's snails are a favourite meal of the rare Varden trout, which the council protects. "
    "Anglers' groups stated they welcomed any research that helps the trout survive warmer winters."
)


@pytest.mark.slow
def test_a_page_retelling_two_pages_owes_each_its_sentences(tmp_path):
    """A rewrite site mixes two outlets' reports, each in part and in its own order: each retold
    sentence is the outlet's it came from, and the mixed page is no second source for either."""
    records = [_page("dailyglobe.example", "2025-04-02", RELEASE),
               _page("varden-courier.example", "2025-04-02", SECOND_REPORT),
               _page("rewrite-hub.example", "2025-04-03", MIXED_REWRITE)]
    origin_of, story = _origins_by_outlet(tmp_path, records, "171 recovered")
    assert origin_of["rewrite-hub.example"]["outlet"] == "dailyglobe.example"
    assert story["independent_sources"] == 1
    (tmp_path / "again").mkdir()
    origin_of, story = _origins_by_outlet(tmp_path / "again", records, "Local divers")
    assert origin_of["rewrite-hub.example"]["outlet"] == "varden-courier.example"
    assert origin_of["rewrite-hub.example"]["why"].startswith("retells a sentence of varden-courier.example")
    assert story["independent_sources"] == 1


def test_a_version_of_a_page_without_an_outlet_names_that_page_once_in_its_reason():
    """ECB+'s documents carry no outlet: the reason read "… with document 8a176a15421f document 8a176a15421f"."""
    from datetime import date

    early = _doc("Medics took the cyclist to Leeds General where he died that night. Police are "
                 "looking for witnesses. He also has two earlier convictions for driving without a licence.",
                 outlet=None, url=None, published=date(2026, 2, 1))
    update = _doc("A man now faces a manslaughter charge over the cyclist's death. Medics took the cyclist to "
                  "Leeds General where he died that night. His neighbours described a quiet man. He also has "
                  "two earlier convictions for driving without a licence.", outlet=None, url=None,
                  published=date(2026, 2, 2))
    found = _assign([early, update])
    reasons = [o.why for o in found[update.id]]
    assert reasons and all(o.document == early.id for o in found[update.id]), found[update.id]
    assert all(w.count(early.id[:12]) == 1 for w in reasons), reasons


@pytest.mark.slow
def test_a_version_of_another_outlets_report_adds_no_source_end_to_end(tmp_path):
    """End to end (JSON Lines -> ingest -> corroborate -> ledger), sentences written for this test: a
    radio site prints a port city's paper's report with an edited lead and two of its lines word for
    word, apart; a third outlet reports the same strike in its own words. Two sources, not three."""
    paper = ("Russian forces launched 120 drones and 8 missiles at Odesa overnight, damaging the grain terminal of "
             "the port.\n\n"
             "Firefighters worked until dawn to put out the blaze at the terminal's Black Sea warehouses.\n\n"
             "The regional administration said two dock workers were taken to hospital with burns.\n\n"
             "Shipping through the port was halted for six hours while divers checked the berths for debris.\n\n"
             "It was the third attack on the port this month, after strikes on the 4th and the 11th.")
    radio = ("Russian forces launched 120 drones and 8 missiles at Odesa during the night, damaging the port's grain "
             "terminal.\n\n"
             "Listeners in the city reported hearing explosions from about two in the morning.\n\n"
             "Firefighters worked until dawn to put out the blaze at the terminal's Black Sea warehouses.\n\n"
             "Our correspondent will report from the harbour later today.\n\n"
             "Shipping through the port was halted for six hours while divers checked the berths for debris.")
    own = ("The grain terminal of Odesa's port was damaged when Russia fired 120 drones and 8 missiles at the city "
           "overnight, the regional governor said on his Telegram channel.")
    ledger = _ledger_of(tmp_path, [
        {"url": "https://odesa-paper.example/news/port-strike", "source_domain": "odesa-paper.example",
         "date_publish": "2026-02-25 07:00:00", "title": "Port hit overnight", "text": paper},
        {"url": "https://radio-coast.example/odesa", "source_domain": "radio-coast.example",
         "date_publish": "2026-02-25 09:00:00", "title": "Odesa attacked", "text": radio},
        {"url": "https://black-sea-daily.example/odesa", "source_domain": "black-sea-daily.example",
         "date_publish": "2026-02-25 10:00:00", "title": "Odesa grain terminal damaged", "text": own},
    ])
    stories = [s for s in ledger if any("120 drones" in m["text"] for m in s["mentions"])]
    assert len(stories) == 1, " || ".join(" + ".join(m["outlet"] for m in s["mentions"]) for s in stories)
    story = stories[0]
    origins = {m["outlet"]: m["origin"] and m["origin"]["outlet"] for m in story["mentions"]}
    assert origins.get("radio-coast.example") == "odesa-paper.example", story["mentions"]
    assert story["independent_sources"] == 2 and story["status"] == "corroborated", story


def test_an_agency_known_only_by_its_dateline_is_one_origin_and_no_reuters(tmp_path):
    # written for this test after war set H: "(Reporting by …; Editing by …)" is Reuters' house style, but
    # an agency's dateline on the page says whose story it is; its copies count with its own page
    from claimdesk.corroborate import corroborate
    from claimdesk.ingest import IngestOptions
    from claimdesk.pipeline import ingest
    from claimdesk.report.ledger_json import write_json
    from claimdesk.store import open_store

    lead = ("ODESA, March 3 (Harbour Wire) - Russian drones struck a grain terminal in the port of Izmail overnight, "
            "setting two warehouses on fire, the regional governor said on Tuesday.")
    rest = ("Firefighters put out the blaze by morning, the emergency service said.\n\n"
            "The port handles much of Ukraine's grain exports along the Danube.")
    pages = [
        {"url": "https://www.harbourwire.example/world/izmail-port-strike", "title": "Drones hit Izmail grain terminal",
         "site_name": "Harbour Wire", "date_publish": "2026-03-03 08:00:00",
         "text": f"{lead}\n\n{rest}\n\n(Reporting by Anna Kovalenko; Editing by Mark Tibbs)"},
        {"url": "https://www.lakeside-times.example/news/world/4411", "title": "Drones hit grain terminal in Izmail",
         "site_name": "Lakeside Times", "date_publish": "2026-03-03 10:00:00", "text": f"{lead}\n\n{rest}"},
        {"url": "https://www.danube-herald.example/izmail", "title": "Warehouses burn in Izmail",
         "site_name": "Danube Herald", "date_publish": "2026-03-03 12:00:00",
         "text": "Russian drones struck the grain terminal at Izmail port overnight and set two warehouses on fire, "
                 "the governor of the Odesa region said on Tuesday.\n\nNobody was hurt, he said."},
    ]
    feed = tmp_path / "pages.jsonl"
    feed.write_text("\n".join(json.dumps(p) for p in pages) + "\n", encoding="utf-8")
    store = open_store(f"sqlite:///{tmp_path / 'agency.sqlite'}")
    ingest([feed], store, IngestOptions())
    corroborate(store)
    out = io.StringIO()
    write_json(store, out)
    stories = json.loads(out.getvalue())
    origins = [m["origin"] for s in stories for m in s["mentions"] if m["origin"]]
    assert origins and all(o["outlet"] == "Harbour Wire" for o in origins), origins
    [strike] = [s for s in stories if any("warehouses" in m["text"] and "Danube Herald" == m["outlet"] for m in s["mentions"])
                and len({m["outlet"] for m in s["mentions"]}) > 1]
    assert strike["independent_sources"] == 2, [(m["outlet"], m["origin"]) for m in strike["mentions"]]


@pytest.mark.parametrize("text", ["KYIV, Jan 27 (UPDATED) - Russia launched 90 drones at Ukraine overnight.",
                                  "KYIV, Jan 27 (Getty Images) - Russia launched 90 drones at Ukraine overnight."])
def test_a_tag_in_a_datelines_brackets_is_no_agency(text):
    assert wire_origin(_doc(text, outlet="Kyiv Independent", url="https://kyivindependent.example/news/1")) is None
