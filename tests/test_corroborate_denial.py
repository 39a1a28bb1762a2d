"""What counts as a denial: a party denying or rejecting a report or claim, not any negated statement.

Sentences come from real articles (PolNeAR train, the sample), found in place by a few of their
words; each claim carries the fields the extractor gives it (cue, target, event type, polarity), so
these tests pin the denial rule itself. The last test runs extraction and corroboration end to end.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from claimdesk.corroborate.contradictions import Evidence, find, is_denial
from claimdesk.corroborate.status import status
from claimdesk.models import Attribution, Claim

POLNEAR = "polnear/train/text"


def _sentence(path: Path, words: str) -> tuple[str, str]:
    """The sentence of a real article holding `words`, and the article's name."""
    text = path.read_text(encoding="utf-8")
    at = text.find(words)
    assert at >= 0, f"{words!r} not found in {path.name}"
    start = max(text.rfind("\n", 0, at), max(text.rfind(". ", 0, at) + 1, 0)) + 1
    end = min(i for i in (text.find(". ", at), text.find("\n", at), len(text)) if i >= 0) + 1
    return text[start:end].strip(), path.stem


def _claim(text: str, doc: str, kind: str = "none", source: str | None = None, cue: str | None = None,
           target: str | None = None, event_type: str = "other", polarity: str = "asserted",
           actors: list[str] | None = None) -> Claim:
    return Claim(id=Claim.make_id(doc, (0, len(text))), document_id=doc, text=text, span=(0, len(text)), line=1,
                 attribution=Attribution(kind=kind, source=source, cue=cue, target=target),
                 event_type=event_type, polarity=polarity, actors=actors or [])


def _article(corpus_dir: Path, prefix: str) -> Path:
    [path] = sorted((corpus_dir / POLNEAR).glob(prefix + "*.txt"))[:1] or [None]
    assert path is not None, f"no PolNeAR article {prefix}*"
    return path


# (article name prefix, words to find, fields the extractor gives)
DENIALS = [
    ("nyt_2016-04-18_for-news-outlet", "denied the report, saying",
     dict(kind="named_organization", source="BuzzFeed", cue="denied", target="the report", event_type="denial")),
    ("huff-post_2016-01-19_flint-wat", "has denied that Clinton",
     dict(kind="named_person", source="Snyder", cue="denied", event_type="denial")),
    ("nyt_2016-08-01_with-ailes-out", "denied the charges",
     dict(kind="named_person", source="Mr. Ailes", cue="denied", target="the charges", event_type="denial")),
    ("nyt_2016-01-19_bush-s-presiden", "rejected the notion that",
     dict(kind="named_person", source="Mr. Bush", cue="rejected", target="the notion", event_type="denial")),
    ("nyt_2016-03-12_protesting-at-t", "disputed their account",
     dict(kind="anonymous", source="A campaign spokeswoman", cue="disputed", target="their account",
          event_type="denial")),
]

NOT_DENIALS = [
    # negated statements by named people: the old rule linked these as denials
    ("nyt_2016-06-09_ryan-calls-trump-line-racist-but", "did not apologize for his remarks",
     dict(kind="named_person", source="Trump", cue="apologize", polarity="denied")),
    # refusing or voting down a thing is no denial of a report
    ("huff-post_2016-03-21_the-rise", "This proposal was rejected by",
     dict(kind="vague", source="64 percent of the electorate", cue="rejected", target="This proposal",
          event_type="denial")),
    ("huff-post_2015-11-11_a-meaning", "Reject The Idea Of A Minimum Wage Hike",
     dict(kind="named_organization", source="GOP Candidates", cue="Reject", target="The Idea Of A Minimum Wage Hike",
          event_type="denial")),
    ("politico_2016-01-14_wsj-editor", "rejects Nikki Haley",
     dict(kind="named_organization", source="A party", cue="rejects", target="Nikki Haley", event_type="denial")),
    # a denial verb under negation asserts rather than denies
    ("nyt_2016-08-22_pundit-turns-ad", "did not dispute that",
     dict(kind="named_person", source="he", cue="dispute", event_type="denial", polarity="denied")),
]


@pytest.mark.parametrize("prefix, words, fields", DENIALS, ids=[d[1] for d in DENIALS])
def test_a_party_denying_a_report_is_a_denial(corpus_dir, prefix, words, fields):
    text, doc = _sentence(_article(corpus_dir, prefix), words)
    assert is_denial(_claim(text, doc, **fields)), text


@pytest.mark.parametrize("prefix, words, fields", NOT_DENIALS, ids=[d[1] for d in NOT_DENIALS])
def test_a_negated_statement_or_a_refusal_is_no_denial(corpus_dir, prefix, words, fields):
    text, doc = _sentence(_article(corpus_dir, prefix), words)
    assert not is_denial(_claim(text, doc, **fields)), text


def test_sample_negation_is_no_denial_but_the_kremlin_denial_is(samples_dir):
    text = (samples_dir / "sofrep-north-korean-deserters.txt").read_text(encoding="utf-8")
    kremlin = re.search(r"the Kremlin has predictably denied these reports, calling them “fake news", text)
    yoon = re.search(r"he did not elaborate on the details", text)
    assert kremlin and yoon
    assert is_denial(_claim(kremlin.group(0), "sofrep", kind="named_organization", source="the Kremlin",
                            cue="denied", target="these reports", event_type="denial", polarity="denied"))
    assert not is_denial(_claim(yoon.group(0), "sofrep", kind="named_person", source="Yoon Suk Yeol",
                                cue="elaborate", polarity="denied"))


def test_a_denial_with_nothing_to_deny_leaves_the_status_alone(samples_dir):
    text = (samples_dir / "sofrep-north-korean-deserters.txt").read_text(encoding="utf-8")
    words = re.search(r"the Kremlin has predictably denied these reports, calling them “fake news", text).group(0)
    denial = _claim(words, "sofrep", kind="named_organization", source="the Kremlin", cue="denied",
                    target="these reports", event_type="denial", polarity="denied")
    alone = [Evidence(denial, "outlet:sofrep")]
    assert find(alone) == [] and status(alone, find(alone)) == "single_source"
    reports = _claim("North Korea has been sending troops to Russia, reports say.", "other", kind="vague",
                     source="reports", cue="say")
    linked = alone + [Evidence(reports, "outlet:other")]
    [c] = find(linked)
    assert c.kind == "denial" and c.mentions == [denial.id, reports.id] and "Kremlin" in c.detail
    assert status(linked, [c]) == "denied"


def test_two_outlets_reporting_a_denial_that_denies_no_story_corroborate_the_denial():
    """A story of denials only states the denial: two outlets reporting the Kremlin's words count as
    two sources of what it said (before, such a story counted none)."""
    peskov = _claim("Kremlin spokesman Dmitry Peskov told reporters that Russia had not targeted civilian sites.",
                    "reuters", kind="named_person", source="Dmitry Peskov", cue="told", event_type="statement",
                    polarity="denied", actors=["Russia"])
    kremlin = _claim("The Kremlin denied that it had targeted civilian infrastructure.", "aljazeera",
                     kind="named_organization", source="The Kremlin", cue="denied", event_type="denial",
                     polarity="denied", actors=["Kremlin"])
    both = [Evidence(peskov, "outlet:reuters.com"), Evidence(kremlin, "outlet:aljazeera.com")]
    assert find(both) == [] and status(both, []) == "corroborated"
    assert status(both[:1], []) == "single_source"
    # beside a mention asserting the story's fact, denials still count no source of it
    asserted = _claim("Russia targeted civilian sites in Odesa, the governor said.", "kyiv", kind="named_person",
                      source="the governor", cue="said", event_type="attack", actors=["Russia"])
    assert status([Evidence(asserted, "outlet:kyivindependent.com")] + both[:1], []) == "single_source"


def test_an_outlets_note_on_its_own_request_for_comment_corroborates_nothing():
    from claimdesk.corroborate import samefact

    notes = [_claim("Nature Air did not respond to phone and email messages.", "a", actors=["Nature Air"],
                    polarity="denied"),
             _claim("Nature Air could not immediately be reached for comment.", "b", actors=["Nature Air"]),
             _claim("A representative for Tarantino declined to comment on Saturday.", "c", actors=["Tarantino"]),
             _claim("Calls to Gordon Advisers were not answered this afternoon.", "g", actors=["Gordon Advisers"])]
    assert not any(p.informative for p in samefact.parts(notes))
    facts = [_claim("Nature Air did not fly the route again until March.", "d", actors=["Nature Air"], polarity="denied"),
             _claim("Klitschko landed hard jabs that Rahman just couldn't answer.", "e", actors=["Klitschko"]),
             _claim("Ukraine did not respond to the attack on Odesa until Friday.", "f", actors=["Ukraine"])]
    assert all(p.informative for p in samefact.parts(facts))


@pytest.mark.slow
def test_political_news_denials_are_real_denials(corpus_dir, samples_dir, sqlite_url):
    """The sample and PolNeAR articles full of negated statements: only real denials come out `denied`."""
    from claimdesk.corroborate import corroborate
    from claimdesk.extraction import extract
    from claimdesk.models import Document
    from claimdesk.store import Store
    from claimdesk.store.stories import iter_stories

    store = Store(sqlite_url)
    sample = samples_dir / "sofrep-north-korean-deserters.txt"
    paths = [_article(corpus_dir, p) for p in ("nyt_2016-06-09_ryan-calls-trump-line-racist-but",
                                               "nyt_2016-04-18_for-news-outlet", "huff-post_2016-01-19_flint-wat")]
    docs = [Document.from_text(sample.read_text(encoding="utf-8"), source=str(sample), outlet="SOFREP",
                               published=date(2024, 10, 16))]
    docs += [Document.from_text(p.read_text(encoding="utf-8"), source=str(p), outlet=p.stem.split("_")[0],
                                published=date.fromisoformat(p.stem.split("_")[1])) for p in paths]
    for d in docs:
        store.add_document(d, claims=list({c.id: c for c in extract(d)}.values()))
    corroborate(store)
    stories = list(iter_stories(store))
    denials = [(s, c) for s in stories for c in s.contradictions if c.kind == "denial"]
    negated = [m for s in stories for m in s.mentions if m.polarity == "denied"]
    assert len(negated) >= 10  # the articles do hold many negated statements
    for s, c in denials:
        assert len(c.mentions) >= 2  # linked to something it denies
        said = next(m.text for m in s.mentions if m.claim == c.mentions[0])
        assert re.search(r"\b(?:den|reject|dismiss|refut|rebut|disput|disavow)", said, re.I), said
    assert not any("did not apologize" in next(m.text for m in s.mentions if m.claim == c.mentions[0])
                   for s, c in denials)
    assert sum(s.status == "denied" for s in stories) <= 3


def test_a_denial_stored_before_the_reports_it_denies_still_denies_them(sqlite_url):
    """Pages of one batch in the order they were stored: the Kremlin's denial first, the reports after.
    The denial is placed once the batch's assertions have their stories."""
    from claimdesk.corroborate import corroborate
    from claimdesk.extraction import extract
    from claimdesk.models import Document
    from claimdesk.store import Store
    from claimdesk.store.stories import iter_stories

    store = Store(sqlite_url)
    pages = [("Reuters", "https://www.reuters.com/world/kursk-1",
              "The Kremlin denied reports that North Korean troops were fighting in the Kursk region."),
             ("Ukrainska Pravda", "https://www.pravda.com.ua/eng/news/kursk-2",
              "North Korean troops are fighting in the Kursk region, Ukrainian military intelligence said."),
             ("DW", "https://www.dw.com/en/kursk-3",
              "North Korean soldiers are fighting alongside Russian troops in Kursk, according to South Korea's spy agency.")]
    for outlet, url, text in pages:
        doc = Document.from_text(text, source=url, outlet=outlet, url=url, published=date(2026, 2, 20))
        store.add_document(doc, claims=extract(doc))
    corroborate(store)
    [story] = [s for s in iter_stories(store) if any("Kremlin" in m.text for m in s.mentions)]
    assert story.status == "denied", [(m.outlet, m.text) for m in story.mentions]
    assert {m.outlet for m in story.mentions} == {"Reuters", "Ukrainska Pravda", "DW"}


def test_a_denial_corroborated_in_an_earlier_run_still_denies_the_reports_of_a_later_one(sqlite_url):
    """The same pages in two incremental runs: the Kremlin's denial corroborated first, alone; the
    reports arrive in the next run and join the denial's story, which is then denied."""
    from claimdesk.corroborate import corroborate
    from claimdesk.extraction import extract
    from claimdesk.models import Document
    from claimdesk.store import Store
    from claimdesk.store.stories import iter_stories

    store = Store(sqlite_url)

    def add(outlet: str, url: str, text: str) -> None:
        doc = Document.from_text(text, source=url, outlet=outlet, url=url, published=date(2026, 2, 20))
        store.add_document(doc, claims=extract(doc))

    add("Reuters", "https://www.reuters.com/world/kursk-1",
        "The Kremlin denied reports that North Korean troops were fighting in the Kursk region.")
    corroborate(store)
    add("Ukrainska Pravda", "https://www.pravda.com.ua/eng/news/kursk-2",
        "North Korean troops are fighting in the Kursk region, Ukrainian military intelligence said.")
    add("DW", "https://www.dw.com/en/kursk-3",
        "North Korean soldiers are fighting alongside Russian troops in Kursk, according to South Korea's spy agency.")
    corroborate(store)
    [story] = [s for s in iter_stories(store) if any("Kremlin" in m.text for m in s.mentions)]
    assert story.status == "denied", [(m.outlet, m.text) for m in story.mentions]
    assert {m.outlet for m in story.mentions} == {"Reuters", "Ukrainska Pravda", "DW"}


def _denied_stories(sqlite_url: str, pages: list[tuple[str, str]]) -> list:
    """Each page its own outlet, one day; the stories after corroboration."""
    from claimdesk.corroborate import corroborate
    from claimdesk.extraction import extract
    from claimdesk.models import Document
    from claimdesk.store import Store
    from claimdesk.store.stories import iter_stories

    store = Store(sqlite_url)
    for i, (outlet, text) in enumerate(pages):
        url = f"https://www.{outlet.lower().replace(' ', '')}.example/2026/02/12/story-{i}"
        doc = Document.from_text(text, source=url, outlet=outlet, url=url, published=date(2026, 2, 12))
        store.add_document(doc, claims=extract(doc))
    corroborate(store)
    return list(iter_stories(store))


@pytest.mark.parametrize("report, denial", [
    ("Russian forces have seized the village of Novoselivka in Donetsk region, the Russian defence ministry said "
     "on Thursday.",
     "Ukraine's General Staff denied Russian claims that the village of Novoselivka in Donetsk region had been "
     "captured, saying fighting continues there."),
    ("Russia's defence ministry said on Thursday its troops had captured the village of Novoselivka in Donetsk "
     "region.",
     "Ukraine's General Staff denied that Novoselivka had fallen, saying its units still held positions in the "
     "village."),
])
def test_denying_a_village_was_captured_or_had_fallen_denies_its_seizure(sqlite_url, report, denial):
    stories = _denied_stories(sqlite_url, [("Moscow Wire", report), ("Kyiv Ledger", denial)])
    [story] = [s for s in stories if any(m.outlet == "Moscow Wire" for m in s.mentions)]
    assert story.status == "denied", [(m.outlet, m.text) for m in story.mentions]


def test_a_fall_and_a_capture_are_one_deed_and_a_rise_is_not():
    from claimdesk.corroborate.denials import denied_deed

    assert denied_deed("the village had fallen") == "detain"
    assert denied_deed("the village had been captured") == "detain"
    assert denied_deed("grain prices had risen") != "detain"


def test_a_denial_pointing_back_denies_the_sentence_before_it_not_a_look_alike(sqlite_url):
    stories = _denied_stories(sqlite_url, [
        ("Port Ledger", "The strike set fire to a warehouse holding grain awaiting export at the Odesa terminal."),
        ("Coast Post", "Russia's Defence Ministry claimed the Odesa port was being used to supply the Ukrainian army. "
                       "The Odesa regional administration denied that, saying the terminal held only grain awaiting "
                       "export."),
    ])
    [denial_story] = [s for s in stories if any("denied that" in m.text for m in s.mentions)]
    assert any("supply the Ukrainian army" in m.text for m in denial_story.mentions), denial_story.mentions
    assert denial_story.status == "denied"
    [fire] = [s for s in stories if any("set fire" in m.text for m in s.mentions)]
    assert fire.status != "denied"


@pytest.mark.parametrize("words, pointer", [
    ("The regional administration denied that, saying the terminal held only grain.", "that"),
    ("The Kremlin denied that.", "that"),
    ("The Kremlin denied that troops were there.", None),
    ("The Kremlin denied that report on Friday.", "that report"),
])
def test_a_bare_that_before_a_comma_points_back(words, pointer):
    from claimdesk.corroborate.denials import denied_object
    from claimdesk.models import Claim

    claim = Claim(id="x", document_id="d", text=words, span=(0, len(words)), line=1, event_type="denial",
                  polarity="denied")
    assert denied_object(claim).pointer == pointer


def test_a_denial_joins_the_story_of_its_deed_over_one_worded_more_like_it(sqlite_url):
    stories = _denied_stories(sqlite_url, [
        ("Sumy Herald", "Residents of border communities in Sumy region have reported an increase in shelling since "
                        "the start of the year, with several villages now almost deserted."),
        ("Border Wire", "A spokesperson for Ukraine's State Border Guard Service said on Thursday that North Korean "
                        "artillery crews have been firing on border settlements in Sumy Oblast."),
        ("Moscow Wire", "The Kremlin spokesman denied reports that North Korean servicemen are shelling Ukraine's "
                        "Sumy Region from the territory of the Kursk Region."),
    ])
    status = {m.outlet: s.status for s in stories for m in s.mentions if m.polarity == "asserted"}
    assert status["Border Wire"] == "denied", [(m.outlet, m.text) for s in stories for m in s.mentions]
    assert status["Sumy Herald"] != "denied"


def _main_claim(text: str, published: date):
    """The extractor's longest claim of a text standing as its own page."""
    from claimdesk.extraction import extract
    from claimdesk.models import Document

    doc = Document.from_text(text, source=text[:12], outlet="x", published=published)
    return max(extract(doc), key=lambda c: c.span[1] - c.span[0])


def test_a_denied_strike_on_a_town_spelt_otherwise_is_the_hit_reported():
    from claimdesk.corroborate.denials import denies

    def claim(text: str):
        return _main_claim(text, date(2026, 3, 6))

    denial = claim("The Kremlin denied reports that its forces struck a children's hospital in Zaporizhia, calling "
                   "them fabrications.")
    hit = claim("A Russian missile hit the regional children's hospital in Zaporizhzhia overnight, smashing windows "
                "in the surgical wing.")
    elsewhere = claim("A Russian missile hit the regional children's hospital in Kharkiv overnight, smashing windows "
                      "in the surgical wing.")
    assert denies(denial, [hit]) == [hit]
    assert denies(denial, [elsewhere]) == []
    from claimdesk.corroborate.denials import _place_spellings, denied_object, fact_similarity

    denied = denied_object(denial).text
    assert _place_spellings(denial) == {"zaporizhia": hit.places[0].name.lower()}  # the gazetteer's one name
    assert fact_similarity(denied, hit, _place_spellings(denial)) > fact_similarity(denied, hit)


# (words, answers a fact, points back plainly): PolNeAR's and news_cluster's denials read in session 24
DENIAL_OBJECTS = [
    ("China denied the reports Friday.", True, True),
    ("BuzzFeed, which does not disclose its finances, denied the report, saying this year will meet expectations.",
     True, True),
    ("Clinton and the DNC rejected the allegation.", True, True),
    ("The Kremlin dismissed claims that its troops had crossed the border.", True, False),
    ("Patricia Smith forcefully rejected Clinton's claim.", True, False),
    ("Sanders rejected that, too.", False, False),
    ("Priebus rejected that idea.", False, False),
    ("He dismissed critique of his performance at Saturday's debate.", False, False),
    ("He dismissed ideological labels altogether.", False, False),
    ("The ministry rejected calls from opposition lawmakers to shoot down drones.", False, False),
    ("Police denied rumors on social media of a subsequent hostage-taking.", True, False),
    ("Officials will try to deny it.", True, False),
    ("Some will try to downplay it, to dismiss it, to tell you it's a big misunderstanding.", False, False),
]


@pytest.mark.parametrize("words, a_fact, plainly", DENIAL_OBJECTS, ids=[d[0][:40] for d in DENIAL_OBJECTS])
def test_what_a_denial_answers_and_whether_it_only_points_back(words, a_fact, plainly):
    from claimdesk.corroborate.denials import denies_a_fact, points_back_plainly
    from claimdesk.models import Claim

    claim = Claim(id="x", document_id="d", text=words, span=(0, len(words)), line=1, event_type="denial",
                  polarity="denied")
    assert denies_a_fact(claim) == a_fact
    assert points_back_plainly(claim) == plainly


def test_a_denial_naming_a_village_denies_only_mentions_naming_it():
    from claimdesk.corroborate.denials import denies

    def claim(text: str):
        return _main_claim(text, date(2026, 5, 27))

    denial = claim("Ukraine's General Staff denied that Russian forces had captured Novoiehorivka, saying its units "
                   "still held the village.")
    same = claim("Russia's defence ministry said its troops had captured the village of Novoiehorivka.")
    other = claim("The defence ministry also said Russian troops had captured Hryhorivka.")
    disputed = claim("The company disputes a Bloomberg report released Monday, where an unnamed source said the "
                     "breaches involved the same intruders.")
    assert denies(denial, [same]) == [same]
    assert denies(denial, [other]) == []
    # who made a report and when are no names of what it reports
    source = claim("An unnamed source said the breaches involved the same intruders.")
    assert denies(disputed, [source]) == [source]


@pytest.mark.parametrize("text, denial, points_back", [
    # written after war set E: a report called false, with no denial verb
    ("The Odesa regional administration said the claims were false, noting that only grain was handled at the port.",
     True, True),
    ("Kyiv said these allegations were baseless.", True, True),
    # points back to what Moscow said (grouping takes an antecedent naming Moscow: see below)
    ("Kyiv said Moscow's allegations were baseless.", True, True),
    # written after war set F: the day of saying and "that" before the report; other words for false
    ("A spokesman for the southern command said on Friday that the Russian claim \"does not correspond to reality\".",
     True, True),
    ("The port authority said no ships had been hit, calling the Ukrainian claim \"fiction\".", True, True),
    ("The regional governor said reports of a strike on the dam were untrue.", True, False),  # says what it denies
    ("The ministry said in a statement that the reports were a fabrication.", True, True),
    # another verb before "false": what was confirmed is not denied
    ("The governor said reports of damage to the dam were confirmed while claims of casualties were false.",
     False, False),
    # written after war set W: a that-clause with its own verb, then the report called false
    ("Kestrel Maritime, which manages the Marisol Bay, says reports that its captain was detained are false.", True, False),
    ("The governor said reports that the plant was hit were confirmed while claims that a school burned were false.",
     False, False),
    # a review's cases: another turn than "while", and a that-clause with "and" or commas of its own
    ("The governor said reports that the plant was hit were confirmed although rumours that a school burned were false.",
     False, False),
    ("The General Staff said reports that Russian troops captured Malynivka and Ivanivka are false.", True, False),
    ("The General Staff said reports that Russian forces, backed by armour, captured Malynivka are false.", True, False),
    # what is said of reports or figures that is no denial
    ("The regional administration said the claims were being checked by investigators.", False, False),
    ("The ministry said the figures were accurate.", False, False),
    ("Analysts said the reports were alarming for grain traders.", False, False),
    # session 52, after war set BF (then made a tuning set): the report only pointed to, called false
    ("Ukraine's air force calls this a lie.", True, True),
    ("Ukraine's air force says that is a lie.", True, True),
    ("The General Staff called it false.", True, True),
    ("The spokesman said this was false.", True, True),
    ("Kyiv called it a blatant lie.", True, True),
    # a thing called something else, or called what things too may be called (a review's cases: a novel, a painting,
    # a truce, an idea)
    ("The mayor called it a great day for the city.", False, False),
    ("The mayor said it was nonsense to expect the bridge to reopen this week.", False, False),
    ("He called it a fake smile.", False, False),
    ("The author said it was fiction.", False, False),
    ("Experts said it was fake, after examining the canvas.", False, False),
    ("Zelensky said it was propaganda.", False, False),
    ("The opposition called it nonsense and walked out.", False, False),
])
def test_a_report_said_to_be_false_is_a_denial(text, denial, points_back):
    from claimdesk.corroborate.denials import points_back_plainly

    claim = _main_claim(text, date(2026, 8, 14))
    assert is_denial(claim) is denial, claim
    assert points_back_plainly(claim) is points_back


def test_a_report_said_to_be_false_denies_the_report_it_names():
    from claimdesk.corroborate.denials import denied_object, denies

    denial = _main_claim("The regional governor said reports of a strike on the dam were untrue.", date(2026, 8, 14))
    assert denied_object(denial).text == "a strike on the dam"
    strike = _main_claim("Pro-Russian channels claimed overnight that a Russian missile had struck the dam.",
                         date(2026, 8, 14))
    assert denies(denial, [strike]) == [strike]


def test_a_report_that_something_happened_called_false_denies_that_thing():
    from claimdesk.corroborate.denials import denied_object

    denial = _main_claim("Kestrel Maritime, which manages the Marisol Bay, says reports that its captain was detained "
                         "are false.", date(2028, 7, 28))
    assert denied_object(denial).text == "its captain was detained"


def test_a_figure_dismissed_as_false_points_back_and_a_proposal_dismissed_denies_no_fact():
    from claimdesk.corroborate.denials import denied_object, denies_a_fact, points_back_plainly

    figure = _main_claim("The army dismissed the toll as exaggerated, saying only two soldiers had died.", date(2026, 8, 14))
    assert denies_a_fact(figure) and points_back_plainly(figure) and denied_object(figure).pointer == "the toll"
    proposal = _main_claim("The ministry dismissed the proposal as nonsense.", date(2026, 8, 14))
    assert not denies_a_fact(proposal)


def test_false_said_of_a_thing_inside_a_denial_stays_what_is_denied():
    from claimdesk.corroborate.denials import denied_object

    denial = _main_claim("The Russian defence ministry denied that the video was fake, saying it showed the strike.",
                         date(2026, 8, 14))
    assert denied_object(denial).text == "the video was fake"


def test_a_party_is_named_by_its_country_its_government_or_its_capital():
    from claimdesk.corroborate.parties import parties as _parties

    assert _parties("the Russian claim") == _parties("The Kremlin said") == _parties("Moscow said") == {"RU"}
    assert _parties("Kyiv's claims") == _parties("Ukraine's General Staff said") == {"UA"}
    assert _parties("the Western reports") == _parties("The claims") == frozenset()


def test_a_report_owned_by_a_party_points_back_to_what_that_party_said(sqlite_url):
    # the sentence just before is the analysts' reading; the Russian claim is the one before it
    stories = _denied_stories(sqlite_url, [
        ("Steppe Wire", "Russia's defence ministry said on Friday that its troops had captured the village of Kamianka."),
        ("Dnipro Daily", "Russia's defence ministry said on Friday that its troops had captured the village of Kamianka."
                         "\nThe front near the village has been shifting for weeks, according to analysts.\n"
                         "A spokesman for the southern command said on Friday that the Russian claim \"does not "
                         "correspond to reality\"."),
    ])
    denied = [s for s in stories if s.status == "denied"]
    assert len(denied) == 1 and "captured the village of Kamianka" in denied[0].text
    assert not any("front near the village" in m.text for m in denied[0].mentions)



def test_a_speaker_of_no_party_telling_what_a_party_did_is_no_claim_of_that_party(sqlite_url):
    # session 40, after war set AG's first look: the shipowner's "struck by a Russian missile" is no Russian claim,
    # so "the Russian allegation is an absolute lie" right after it answers Moscow's weapons claim, not the strike
    owner = ("The bulk carrier Kaldera Star was struck by a Russian missile shortly after departing Pivdennyi, its "
             "owner Egeomar Shipping said.")
    stories = _denied_stories(sqlite_url, [
        ("Steppe Wire", "Russia's defence ministry said on Friday that the Kaldera Star had been carrying Western "
                        "weapons to Ukraine."),
        ("Harbor Wire", owner),
        ("Dnipro Daily", "Russia's defence ministry said the Kaldera Star had been carrying Western weapons to "
                         "Ukraine.\n" + owner + "\n\"There were no weapons of any kind on board, and the Russian "
                         "allegation is an absolute lie,\" the company said in a statement."),
    ])
    denied = [s for s in stories if s.status == "denied"]
    assert denied and all("weapons" in s.text and "struck" not in s.text for s in denied), \
        [(s.status, s.text[:60]) for s in stories]
    struck = [s for s in stories if "struck by a Russian missile" in s.text]
    assert struck and all(s.status != "denied" for s in struck)


def test_a_sides_claim_told_by_a_spokesman_of_no_named_country_is_still_that_sides():
    # a review of session 40: "Russian forces destroyed …, Igor Konashenkov said" is the Russian claim Kyiv dismisses
    from claimdesk.corroborate.denials import denies
    from claimdesk.extraction import extract
    from claimdesk.models import Document

    for told, denial in [("Russian forces destroyed 12 Ukrainian tanks near Avdiivka in Ukraine, Igor Konashenkov said "
                          "on Monday.", "Kyiv dismissed the Russian claims as lies."),
                         ("Ukrainian drones set fire to an oil refinery in Ryazan, Russia, overnight, Andriy Kovalenko "
                          "said on Telegram.", "Moscow rejected the Ukrainian claims as fabrications.")]:
        claims = extract(Document.from_text(told + "\n" + denial, source="x", outlet="x", published=date(2026, 2, 12)))
        said, answer = claims[0], claims[-1]
        assert denies(answer, [said]) == [said], told

def test_a_denial_of_a_named_town_denies_the_town_of_its_own_page():
    # "liberated the town": the town its page names; the denier's description of the town is not denied
    from claimdesk.corroborate.denials import denies
    from claimdesk.extraction import extract
    from claimdesk.models import Document

    def claims(text: str, outlet: str) -> list:
        return extract(Document.from_text(text, source=outlet, outlet=outlet, published=date(2026, 9, 25)))

    page = claims("Kamianka has been under attack for months.\nRussia's defence ministry said on Friday that its "
                  "forces had \"liberated\" the town.\nUkraine's General Staff denied that Russian troops had "
                  "captured Kamianka, a village in the Zaporizhzhia region that had 800 residents before the war.",
                  "Dnipro Daily")
    denial = next(c for c in page if "denied" in c.text)
    liberated = next(c for c in page if "liberated" in c.text)
    assert denies(denial, [liberated]) == [liberated]
    # an attempt tells no capture
    trying = next(c for c in claims("Kamianka has been under attack for months.\nRussian forces have been trying to "
                                    "capture the town since spring.\nUkraine's General Staff denied that Russian "
                                    "troops had captured Kamianka.", "Dnipro Daily") if "trying" in c.text)
    assert denies(denial, [trying]) == []
    # on another page "the town" may be any town
    elsewhere = next(c for c in claims("Russia's defence ministry said on Friday that its forces had \"liberated\" "
                                       "the town.", "Steppe Wire") if "liberated" in c.text)
    assert denies(denial, [elsewhere]) == []


def test_a_report_said_to_be_false_denies_the_sentence_before(sqlite_url):
    stories = _denied_stories(sqlite_url, [
        ("Moscow Wire", "Russia's defence ministry said on Thursday that its forces had hit sites in the port of Izmail "
                        "where fuel for Ukrainian military equipment was stored."),
        ("Danube Courier", "In Moscow, the defence ministry said it had hit sites in Izmail where fuel for Ukrainian "
                           "military equipment was stored.\nThe Odesa regional administration said the claims were "
                           "false, noting that only grain and vegetable oil were handled at the terminal."),
    ])
    denied = [s for s in stories if s.status == "denied"]
    assert len(denied) == 1 and any("claims were false" in m.text for m in denied[0].mentions)


def test_a_claim_called_a_lie_by_pointing_back_is_denied(sqlite_url):
    stories = _denied_stories(sqlite_url, [
        ("Kyiv Courier", "Moscow claims its forces destroyed the airfield at Myrhorod; Ukraine's air force calls this a lie."),
        ("Rhine Public Broadcasting", "Moscow says its forces destroyed the military airfield at Myrhorod.\n"
                                     "Ukraine's air force says that is a lie."),
    ])
    denied = [s for s in stories if s.status == "denied"]
    assert len(denied) == 1 and any("airfield" in m.text for m in denied[0].mentions), \
        [(s.status, [m.text for m in s.mentions]) for s in stories]
    assert not any(s.status == "corroborated" for s in stories), [(s.status, s.text) for s in stories]
    # a claim that tells what it calls false in its own first clause points back to nothing before it (war set AS's
    # live page: the line had joined the mayor's toll above it)
    stories = _denied_stories(sqlite_url, [
        ("Kyiv Courier", "Dnipro's mayor says 12 people have been killed in the missile strike.\n"
                         "Russia claims to have captured the village of Vyshneve Pole; Ukraine says this is false."),
    ])
    toll = next(s for s in stories if any("12 people" in m.text for m in s.mentions))
    assert toll.status != "denied" and not any("Vyshneve" in m.text for m in toll.mentions)


@pytest.mark.parametrize("text, denied", [
    ("Russia's defence ministry said the depot stored shells for Ukrainian artillery, a claim Kyiv disputes.", True),
    ("Moscow says its troops have taken the village of Pishchane, which Ukraine's General Staff denies.", True),
    ("The company paid the consultants in cash, a charge that its chief executive strongly denied.", True),
    # a proposal refused is no fact denied
    ("Moscow proposed a three-day truce over the holiday, which Kyiv rejected.", False),
    ("The ministry said the plan, which analysts disputed, would cut costs by a third.", False),
    ("The family filed a $2 million insurance claim, a claim the insurer rejected.", False),
    ("Moscow said its forces had taken the village of Pishchane, a claim Kyiv rejects.", True),
    # an analyst's report cites its sources after the sentence (written after war set H)
    ("The ministry also claimed to have destroyed a radar station near Pishchane, a claim Kyiv rejects.[4]", True),
    # written after war set R (tuning): a dash before the claim, a possessive denier, what it was called
    ("The ministry also said it had destroyed a radar station near Pishchane - a claim Ukraine's air force rejected "
     "as \"pure fiction\".", True),
    ("The ministry said the bridge was reopened to traffic - a report Kyiv's city council rejected as premature.", False),
])
def test_a_denial_told_in_the_same_sentence_denies_what_the_sentence_reports(sqlite_url, text, denied):
    stories = _denied_stories(sqlite_url, [("Danube Courier", text)])
    story = next(s for s in stories if any(text[:30] in m.text for m in s.mentions))
    assert (story.status == "denied") is denied
    if denied:
        [contradiction] = [c for c in story.contradictions if c.kind == "denial"]
        assert contradiction.mentions[0] == contradiction.mentions[1] == story.mentions[0].claim


@pytest.mark.parametrize("clause, deed", [
    ("its troops had taken the village south-west of the town", "detain"),
    ("the company had taken control of the bank", "take"),
    ("the delegation took part in the talks", "take"),
])
def test_taking_a_village_is_capturing_it(clause, deed):
    # written after war set H: "said its troops had taken the village" is the capture a denial denies
    from claimdesk.corroborate.denials import denied_deed

    assert denied_deed(clause) == deed


@pytest.mark.parametrize("text, held", [
    ("Kyiv said the village remained under Ukrainian control.", "the village"),
    ("Kamianka is under the control of the Defence Forces of Ukraine, the General Staff said.", "Kamianka"),
    ("A spokesman told reporters that Kamianka remains firmly in Ukrainian hands.", "Kamianka"),
    ("Kyiv says village still held", "village"),
    # no side named, nothing held: a fire or a situation under control denies no capture
    ("Firefighters said the blaze was under control by noon.", None),
    # (a review of session 28) a question left open, history, a person in custody: no denial
    ("Ukraine's military did not say whether the village remained under Ukrainian control.", None),
    ("Analysts said Kamianka was under Ukrainian control until February 2024.", None),
    ("Police said on Tuesday that Johnson was still held in custody.", None),
    ("The governor said the situation remains under control.", None),
    ("Kamianka was under Russian shelling all night, the mayor said.", None),
])
def test_a_place_said_to_be_still_held_denies_its_capture(text, held):
    # written after war sets C, D, G, H and I: a side saying a place is still its own denies its capture
    from claimdesk.corroborate.denials import denied_object
    from claimdesk.extraction import extract
    from claimdesk.models import Document

    [claim] = extract(Document.from_text(text, source="held", outlet="Dnipro Daily", published=date(2026, 9, 25)))
    assert is_denial(claim) is (held is not None)
    if held:
        assert denied_object(claim).text == f"captured {held}"


def test_the_village_still_held_denies_the_capture_its_own_page_told(sqlite_url):
    stories = _denied_stories(sqlite_url, [
        ("Steppe Wire", "Russia's defence ministry said on Thursday that its forces had captured the village of "
                        "Kamianka in the Zaporizhzhia region."),
        ("Dnipro Daily", "Russia's defence ministry said its forces had captured the village of Kamianka in the "
                         "Zaporizhzhia region.\nA spokesman for the southern command said the village remained under "
                         "Ukrainian control and that Russian assault groups had been pushed back."),
        # another page's "the village" may be any village: it denies nothing here
        ("Kharkiv Herald", "A spokesman for the northern command said the village remained under Ukrainian control."),
    ])
    denied = [s for s in stories if s.status == "denied"]
    assert len(denied) == 1 and "captured the village of Kamianka" in denied[0].text
    [link] = [c for c in denied[0].contradictions if c.kind == "denial"]
    texts = {m.claim: m.text for m in denied[0].mentions}
    assert "remained under Ukrainian control" in texts[link.mentions[0]]
    # it denies its own page's capture (the one without "on Thursday"); the northern command's stands apart
    assert [texts[i][:45] for i in link.mentions[1:]] == ["Russia's defence ministry said its forces had"]
    assert all("northern command" not in t for t in texts.values())


def test_a_quoted_no_truth_reply_denies_the_report_just_before(sqlite_url):
    # written after war set J: no denial verb, a reply calling what was just said untrue
    stories = _denied_stories(sqlite_url, [
        ("Steppe Wire", "Russia's human rights commissioner claimed on Tuesday that 12 Ukrainian prisoners of war "
                        "had refused to be included in future exchanges."),
        ("Dnipro Daily", "Russia's human rights commissioner claimed on Tuesday that 12 Ukrainian prisoners of war "
                         "had refused to be included in future exchanges.\n\"There is no truth in this,\" the "
                         "Coordination Headquarters said in response."),
        # a truth said of something else denies nothing
        ("Kharkiv Herald", "Officials said there is no truth in rumours of a ceasefire, and talks would go on."),
    ])
    denied = [s for s in stories if s.status == "denied"]
    assert len(denied) == 1 and "12 Ukrainian prisoners" in denied[0].text
    assert not any("rumours of a ceasefire" in m.text for s in denied for m in s.mentions)


@pytest.mark.parametrize("text, denial", [
    ("\"This is not true,\" the spokesman said.", True),
    ("\"That is simply untrue,\" a Kremlin spokesman told reporters.", True),
    ("\"It is true that the depot burned,\" the governor said.", False),
    ("\"That's not true,\" the spokesman said.", True),
    ("\"This is false economy,\" the minister said.", False),
    # a that-clause says what is untrue: no pointer to the sentence before (ECB+: "It is not true that I was
    # jealous of Gray," he wrote, had denied his "It is true that I would have welcomed an appointment")
    ("\"It is not true that I was jealous of him,\" he wrote.", False),
    ("The spokesman said the figures were not final.", False),
])
def test_a_reply_calling_it_untrue_is_a_denial(text, denial):
    from claimdesk.extraction import extract
    from claimdesk.models import Document

    [claim] = extract(Document.from_text(text, source="reply", outlet="Dnipro Daily", published=date(2026, 9, 25)))
    assert is_denial(claim) is denial


def test_a_held_place_denies_only_the_other_sides_capture_of_that_place():
    # a review of session 28: Russia saying a village is under Russian control confirms its capture; Kherson
    # still held denies no capture of a village near Kherson
    from claimdesk.corroborate.denials import denies
    from claimdesk.extraction import extract
    from claimdesk.models import Document

    def claim(text: str):
        [c] = extract(Document.from_text(text, source=text[:20], outlet="Dnipro Daily", published=date(2026, 9, 25)))
        return c

    capture = claim("Russia's defence ministry said on Tuesday its forces had captured the village of Kamianka.")
    near = claim("Russia's defence ministry said its forces had captured the village of Mykilske near Kherson.")
    assert denies(claim("Kyiv said Kamianka remained under Ukrainian control."), [capture]) == [capture]
    assert denies(claim("The defence ministry said that Kamianka is under Russian control."), [capture]) == []
    assert denies(claim("Kherson is still under Ukrainian control, the governor said."), [near]) == []


def test_an_embedded_relative_clause_does_not_end_what_is_denied():
    from claimdesk.corroborate.denials import denied_object
    from claimdesk.extraction import extract
    from claimdesk.models import Document

    text = ("The group denied that the four hostages, who were seized at the festival, had been killed in an "
            "air strike.")
    [claim] = [c for c in extract(Document.from_text(text, source="rel", published=date(2026, 9, 25))) if is_denial(c)]
    assert "had been killed" in denied_object(claim).text


@pytest.mark.parametrize("text, denial, denied", [
    # written after war set L (tuning): a quotation opening with the report called false
    ("\"The claims of the Ukrainian General Staff about a strike on a depot are lies,\" the governor said.", True,
     "a strike on a depot"),
    ("\"Reports that Russian troops have captured Bila Hora are false,\" the General Staff said.", True,
     "Russian troops have captured Bila Hora"),
    # a report described or called a staged provocation
    ("He described Ukrainian media reports about a Russian drone attack on a bus in Belozerka, on the right bank of "
     "the Dnieper, as a staged provocation intended for Western audiences.", True,
     "a Russian drone attack on a bus in Belozerka, on the right bank of the Dnieper"),
    ("The ministry branded the reports of a strike on the depot as fake.", True, "a strike on the depot"),
    # written after war set R (tuning): what the report told, between "called" and the word calling it false
    ("A spokesman for the Southern Defence Forces called reports that Stepove had been captured false.", True,
     "Stepove had been captured"),
    ("The governor called claims of a strike on the refinery \"pure fiction\".", True, "a strike on the refinery"),
    # written after war set T (tuning): the false word with an adjective before it
    ("Horobets called the claim \"a cynical lie\" and said only civilians lived in the building.", True, ""),
    ("The minister called the plan a bold invention.", False, None),
    ("She called reports that the talks had collapsed premature.", False, None),
    # a review's cases: the false word inside what the report told, not closing the clause
    ("The minister called reports that Russian troops had used fake IDs deeply troubling.", False, None),
    ("Zelensky called reports that Moscow was spreading propaganda in occupied towns a sign of weakness.", False, None),
    # where the report ran, between the report and what it told
    ("Governor Orlov rejected reports on Ukrainian Telegram channels that the refinery in Syzran had been hit.", True,
     "the refinery in Syzran had been hit"),
    ("A Moscow-installed official called the reports \"a staged provocation\".", True, ""),
    # an attack or a statement called a provocation is condemned, not denied; reports called worrying are not
    # called false (a review of session 31)
    ("He described the attack as a provocation.", False, None),
    ("He called the attack a provocation by Kyiv.", False, None),
    ("The Kremlin described Macron's statements as a provocation.", False, None),
    ("Beijing called the Philippine statement a provocation.", False, None),
    ("The court described the patent claims as an invention of the plaintiff.", False, None),
    ("She described the reports of shelling as worrying.", False, None),
    ("\"The claims were investigated by the prosecutor,\" the governor said.", False, None),
    # session 39, after war set AF (tuning): a report dismissed or described as staged, the word quoted; "calls";
    # a report opening the sentence called a staged provocation
    ("It described reports of damage to the school as \"staged\" and did not mention the office building.", True,
     "damage to the school"),
    ("The ministry claimed its strike had targeted a gathering of commanders and dismissed reports of a hit on the "
     "school as staged.", True, "a hit on the school"),
    ("It calls reports of a strike on the school \"staged.\"", True, "a strike on the school"),
    ("Reports by Ukrainian media about a strike on a school are a staged provocation aimed at a Western audience, the "
     "ministry said.", True, "a strike on a school"),
    ("He described the parade as a staged show of force.", False, None),
    ("Reports of the mayor's resignation are premature, his office said.", False, None),
])
def test_a_report_called_lies_or_a_staged_provocation_is_a_denial(text, denial, denied):
    from claimdesk.corroborate.denials import denied_object

    claim = _main_claim(text, date(2026, 8, 14))
    assert is_denial(claim) is denial, claim
    if denial:
        assert denied_object(claim).text == denied


def test_a_denial_told_in_the_other_sides_spelling_finds_the_strike_it_denies(sqlite_url):
    # written after war set L (tuning): Moscow's "Belozerka" is Kyiv's Bilozerka, and what is denied is the
    # attack on the bus, not the words around it ("described", "staged provocation", "Western audiences")
    stories = _denied_stories(sqlite_url, [
        ("Kherson Wire", "A Russian drone hit a passenger bus in the village of Bilozerka, west of Kherson, on "
                         "Thursday morning, the regional military administration said."),
        ("Dnipro Daily", "A Russian drone struck a passenger bus in Bilozerka, in the Kherson region, on Thursday."),
        ("Moscow Wire", "He described Ukrainian media reports about a Russian drone attack on a bus in Belozerka, on "
                        "the right bank of the Dnieper, as a staged provocation intended for Western audiences."),
    ])
    status = {m.outlet: s.status for s in stories for m in s.mentions if m.polarity == "asserted"}
    assert status["Kherson Wire"] == status["Dnipro Daily"] == "denied", \
        [(s.status, [m.text[:50] for m in s.mentions]) for s in stories]


def test_a_denial_finds_the_capture_it_denies_though_the_village_is_named_otherwise(sqlite_url):
    # written after a change of session 31 (a denial read by its object) lost set C's denials: Moscow's "Belaya
    # Gora" and Kyiv's "Bila Hora" share no word, yet the capture is what the denial names
    stories = _denied_stories(sqlite_url, [
        ("Riga Wire", "Russia's Defence Ministry said on Wednesday that its troops had captured the village of Belaya "
                      "Gora in the Donetsk region."),
        ("Kyiv Ledger", "Most of the others were captured in the past year in the Donetsk and Kharkiv regions."),
        ("Kyiv Ledger", "Ukraine's General Staff on Wednesday denied Russia's claim that its troops had captured the "
                        "village of Bila Hora in Donetsk Oblast, saying Ukrainian forces were holding their positions."),
    ])
    denied = [s for s in stories if s.status == "denied"]
    assert any("Belaya Gora" in m.text for s in denied for m in s.mentions), \
        [(s.status, [m.text[:50] for m in s.mentions]) for s in stories]
    assert not any("Most of the others" in m.text for s in denied for m in s.mentions)


def test_a_denial_of_the_thing_its_page_described_just_before_denies_that_telling(sqlite_url):
    # written for this test after war set O (tuning): "the ship" is the patrol ship the page named a line
    # before; words alike elsewhere ("Moscow says it repelled a sea drone attack as Kyiv insists the ship
    # was hit", a headline of two facts) had taken the denial instead
    ship = ("Navy spokesman Oleh Savchuk said the patrol ship Kapitan Serebrov was hit near the entrance to Tsemes "
            "Bay shortly after midnight and had been seriously damaged.")
    stories = _denied_stories(sqlite_url, [
        ("Kyiv Wire", ship + "\nRussia's Defence Ministry denied that the ship had been damaged, saying in a statement "
                             "that its forces had repelled an attack by Ukrainian uncrewed boats in the eastern Black Sea."),
        ("Harbour News", "The patrol ship Kapitan Serebrov was struck near the entrance to Tsemes Bay, Ukraine's navy "
                         "said, adding that it had been seriously damaged."),
        ("Moscow Wire", "Russia says it repelled sea drone attack on Novorossiysk as Kyiv insists ship was hit"),
    ])
    [told] = [s for s in stories if any("Savchuk" in m.text for m in s.mentions)]
    assert told.status == "denied", [(s.status, [m.text[:50] for m in s.mentions]) for s in stories]
    assert not any(m.polarity == "denied" for s in stories if s is not told for m in s.mentions)


@pytest.mark.parametrize("denial, thing", [
    ("Russia's Defence Ministry denied that the ship had been damaged.", "ship"),
    ("Moscow's Defence Ministry denied the vessel was hit, saying it struck port infrastructure.", "vessel"),
    ("The Kremlin denied that the reports were true.", None),       # a report: pointed back to otherwise
    ("Moscow denied that the Kerch bridge had been damaged.", None),  # named: found by its name
    ("Russia denied that any warship had been damaged.", None),      # no thing the page told of
])
def test_a_denied_thing_by_definite_description(denial, thing):
    from claimdesk.corroborate.denials import described_thing
    from claimdesk.extraction import extract
    from claimdesk.models import Document

    [claim] = extract(Document.from_text(denial, source="denial.txt", published=date(2028, 3, 22)))
    assert described_thing(claim) == thing


def test_a_denial_of_the_thing_passes_over_its_telling_at_another_time():
    # a review's case: the ship "damaged in an earlier strike in 2024" is not what "denied that the ship had been
    # damaged" answers; the navy's telling of the night's strike is
    from claimdesk.corroborate.denials import describes
    from claimdesk.extraction import extract
    from claimdesk.models import Document

    text = ("Navy spokesman Oleh Savchuk said the patrol ship Kapitan Serebrov was hit near Tsemes Bay and had been "
            "seriously damaged.\nSatellite images showed the ship had been damaged in an earlier strike in 2024.\n"
            "Russia's Defence Ministry denied that the ship had been damaged.")
    claims = extract(Document.from_text(text, source="ship.txt", published=date(2028, 3, 22)))
    [denial] = [c for c in claims if c.text.startswith("Russia's Defence Ministry denied")]
    told = [c.text[:20] for c in claims if c is not denial and describes(denial, "ship", c)]
    assert told == ["Navy spokesman Oleh "]


@pytest.mark.parametrize("denial_text, report", [
    ("Russian officials denied on Saturday that the oil depot was struck.",
     "Ukrainian forces previously struck the Liski oil depot in Voronezh Oblast on July 23, 2027."),
    ("Russian officials denied that the oil depot was struck on Saturday.",
     "Ukrainian drones struck the oil depot in Liski on July 23, 2027, the General Staff said."),
])
def test_a_denial_does_not_deny_the_thing_told_at_another_time(denial_text, report):
    """"Russian officials denied that the depot was struck" answers the day's report of the depot hit, not a
    page's background line of a strike on a depot weeks before (in words, or by a day the denied words name)."""
    from claimdesk.corroborate.denials import denies

    day = date(2027, 8, 14)
    denial = _main_claim(denial_text, day)
    todays = _main_claim("Ukrainian drones struck the oil depot in Rossosh on Saturday, the General Staff said.", day)
    background = _main_claim(report, day)
    assert denies(denial, [todays, background]) == [todays]


@pytest.mark.parametrize("denial_text, report", [
    # "as previously reported", "since last week" and a relative clause tell of the day's deed (a review's cases)
    ("Russia's defence ministry denied that the oil depot in Liski was struck.",
     "As previously reported, Ukrainian drones struck the oil depot in Liski overnight, the General Staff said."),
    ("Russia's defence ministry denied that the oil depot in Liski was struck.",
     "Ukrainian drones struck the oil depot in Liski overnight, the second attack since last week, the General Staff said."),
    # the day the denial was spoken is not the day of what it denies
    ("The Pentagon on August 14 denied reports that the strike in Kabul killed civilians.",
     "A US drone strike in Kabul on August 3 killed 10 civilians, relatives said."),
])
def test_a_denial_still_denies_the_days_report_told_with_time_words_or_denied_later(denial_text, report):
    from claimdesk.corroborate.denials import denies

    day = date(2021, 8, 14)
    denial, told = _main_claim(denial_text, day), _main_claim(report, day)
    assert denies(denial, [told]) == [told]


def test_a_report_by_a_claimant_said_to_be_false_denies_what_it_told_not_the_line_before():
    """Written after war set Q (a Russian ministry's page): "Statements by the Kiev regime that the patrol ship …
    was hit … are false" states what it denies; it does not point back to the HIMARS line before it."""
    from claimdesk.corroborate.denials import denied_object, denies

    day = date(2028, 3, 14)
    denial = _main_claim("Statements by the Kiev regime that the patrol ship Grigory Sidorov was hit near "
                         "Novorossiysk are false.", day)
    assert is_denial(denial)
    assert denied_object(denial).text == "the patrol ship Grigory Sidorov was hit near Novorossiysk"
    hit = _main_claim("Ukraine's navy reported that naval drones struck the patrol ship Grigory Sidorov near "
                      "Novorossiysk.", day)
    himars = _main_claim("Near Artemovsk, a US-made HIMARS multiple launch rocket system was destroyed.", day)
    assert denies(denial, [hit, himars]) == [hit]


def test_a_denial_by_saying_something_still_points_back():
    """"dismissed the reports by saying that …": what follows "by saying" is the denier's own account, not the
    report denied (a review's case)."""
    from claimdesk.corroborate.denials import denied_object

    denial = _main_claim("The Kremlin dismissed the reports by saying that they were fabricated by Western "
                         "intelligence.", date(2028, 3, 14))
    assert denied_object(denial).text == "the reports"


@pytest.mark.parametrize("text, denial", [
    # written after war set R (tuning): a suggestion to do something is a proposal refused, not a report denied
    ("Kyiv rejected a Russian suggestion earlier this month to move the talks to Minsk.", False),
    ("The ministry dismissed calls to close the border.", False),
    ("Kyiv rejected the Russian suggestion that its troops had left the town.", True),
    ("The governor rejected suggestions in the press that the refinery had been hit.", True),
    # a review's cases: a report of plans or requests is a report
    ("The Kremlin dismissed reports that Moscow plans to withdraw troops from Kherson.", True),
    ("The Pentagon denied reports of plans to send troops to Niger.", True),
])
def test_a_proposal_refused_is_no_denial(text, denial):
    assert is_denial(_main_claim(text, date(2026, 8, 14))) is denial


def test_denying_damage_denies_a_strike_that_destroyed_and_an_acronym_speaks():
    # session 37, after war set Z: a ministry named by its acronym ("the MoD", tagged as a common noun) denying
    # that anything was damaged, against a strike told as destroying aircraft
    from claimdesk.corroborate.denials import denies

    def claim(text: str):
        return _main_claim(text, date(2028, 3, 2))

    destroyed = claim("Ukraine's General Staff said its drones had struck the Morozovsk air base overnight, destroying "
                      "four aircraft.")
    mod = claim("The Russian MoD denied that Ukrainian drones had damaged any aircraft at Morozovsk.")
    assert is_denial(mod) and mod.attribution.kind == "named_organization"
    assert denies(mod, [destroyed]) == [destroyed]
    assert denies(claim("Russia's defence ministry has denied that any aircraft at Morozovsk were damaged."),
                  [destroyed]) == [destroyed]
    # denying destruction denies no damage (a review's case)
    damaged = claim("Ukrainian drones damaged the Kerch bridge overnight, the navy said.")
    not_destroyed = claim("The ministry denied that the Kerch bridge had been destroyed, saying only one span had been "
                          "damaged.")
    assert denies(not_destroyed, [damaged]) == []
    # damage elsewhere is another fact
    other = claim("Ukraine's General Staff said its drones had struck the Engels air base overnight, destroying two "
                  "aircraft.")
    assert denies(mod, [other]) == []


@pytest.mark.parametrize("text, denied", [
    # session 37, after war set Y: the report called false before it is named, a side's word before the false
    # word, a fabrication said to be someone's
    ("Lukyanova dismissed as fake the claims by Ukrainian officials that returned prisoners had been starved in "
     "custody.", "returned prisoners had been starved in custody"),
    ("Reports of a power cut at the plant are Ukrainian disinformation, the plant's spokesman told Pravda Today.",
     "a power cut at the plant"),
    ("Lukyanova called the reports of beatings “a fabrication by Kyiv”.", "beatings"),
    # after war set AA: a claim to have done something called false
    ("Russia's claim to have captured Pishchane is false, the General Staff said.", "captured Pishchane"),
    ("The General Staff said Moscow's claim to have captured Pishchane was false.", "captured Pishchane"),
    # session 44, after war set AP: a party claiming the reports false, a few words of the report quoted
    ("Russian state media outlets claimed that Ukrainian reports of a damaged kindergarten were fabricated, although "
     "geolocated footage confirms damage to the building.", "a damaged kindergarten"),
    ("Reports by Ukrainian media about a “destroyed kindergarten” are a fabrication intended for a Western audience, "
     "a source told the agency.", "a “destroyed kindergarten”"),
    ("Claims by Ukrainian “intelligence” about a destroyed locomotive are fake, the regional government stressed.",
     "a destroyed locomotive"),
])
def test_a_report_called_false_in_other_words_is_a_denial_of_what_it_told(text, denied):
    from claimdesk.corroborate.denials import denied_object

    found = _main_claim(text, date(2028, 3, 2))
    assert is_denial(found)
    assert denied_object(found).text == denied


@pytest.mark.parametrize("text", [
    "The governor said reports of a strike on the depot were not false.",
    "Lukyanova called the reports of beatings a matter for the courts.",
    "The spokesman dismissed as premature any talk of a ceasefire.",
    "The governor said the plans to rebuild the bridge were not false hopes.",
    "The minister called reports of Russian disinformation from Telegram channels alarming.",
    "The ministry claimed that reports of a damaged kindergarten were confirmed by footage.",
    "Reports about a “destroyed kindergarten” are confirmed by footage, the agency said.",
    # the review of session 44: no one claims the report false, and forged papers are no report called false
    "Nobody can seriously claim that reports of the famine in Gaza City are fabricated, the WFP chief said.",
    "It would be wrong to say that reports of abuse at the prison were lies, the inspector said.",
    "Nobody has claimed that the reports of flooding were false, the mayor said.",
    "Investigators said the insurance claims were fakes.",
])
def test_a_report_not_called_false_is_no_denial(text):
    assert not is_denial(_main_claim(text, date(2028, 3, 2)))


def test_denying_a_deed_told_as_a_gerund_is_a_denial_of_it():
    # session 37, after war set X: "denied striking the bus station" was no denial
    from claimdesk.corroborate.denials import denied_object

    denial = _main_claim("Russia's defence ministry denied striking the bus station in Kostiantynivka.", date(2028, 3, 2))
    assert is_denial(denial) and denied_object(denial).text.strip() == "striking the bus station in Kostiantynivka"
    # a participle describing a noun is no deed denied
    assert not is_denial(_main_claim("The court denied striking miners their back pay.", date(2028, 3, 2)))


def test_a_sides_claim_pointed_back_to_is_that_sides_not_a_line_naming_it(sqlite_url):
    # session 37, after war sets M and V: "rejected the Russian claim" points back to what Russia said, not to
    # the line just before it that names Russia in another's words
    stories = _denied_stories(sqlite_url, [
        ("Moscow Wire", "Russia's defence ministry said its forces had captured the village of Kalynove Pole."),
        ("Kyiv Ledger", "Russia's defence ministry said its troops had captured Kalynove Pole overnight.\n"
                        "Ukraine and Russia exchanged 205 prisoners each, Ukraine's coordination headquarters said.\n"
                        "A brigade spokesman rejected the Russian claim."),
    ])
    [exchange] = [s for s in stories if any("205 prisoners" in m.text for m in s.mentions)]
    assert exchange.status != "denied", [(m.outlet, m.text) for m in exchange.mentions]
    assert not any("rejected" in m.text for m in exchange.mentions)


@pytest.mark.parametrize("text, denial", [
    # written after war set AD (session 38): the small model takes "claim" after a name for a verb
    ("Poland's Operational Command denied a Ukrainian Air Force claim that a cruise missile had briefly crossed into "
     "Polish airspace.", True),
    ("The Kremlin denied a Ukrainian claim that a cruise missile had crossed into Polish airspace.", True),
    # a thing refused to someone stays no denial, whatever follows the name
    ("The court denied Ukrainian Air Force claims for compensation, the ministry said.", False),
    ("Russian attacks denied civilians power for hours, the governor said.", False),
])
def test_a_named_sides_claim_denied_is_a_denial_though_the_parser_reads_claim_as_a_verb(text, denial):
    assert is_denial(_main_claim(text, date(2029, 5, 8))) is denial


def _live_page_stories(sqlite_url: str, posts: list[tuple[str, str]]) -> list:
    """One live page of timed posts ("HH:MM", text), in the order given; the stories after corroboration."""
    from datetime import datetime

    from claimdesk.corroborate import corroborate
    from claimdesk.extraction import extract
    from claimdesk.models import Document, TimedPost
    from claimdesk.store import Store
    from claimdesk.store.stories import iter_stories

    text, spans = "", []
    for hour, words in posts:
        start = len(text)
        text += f"{hour}\n{words}\n"
        spans.append(((start, len(text)), datetime(2030, 4, 17, int(hour[:2]), int(hour[3:]))))
    url = "https://www.northern.example/2030/04/17/live"
    doc = Document.from_text(text, source=url, outlet="Northern Chronicle", url=url, published=date(2030, 4, 17))
    doc = doc.model_copy(update={"posts": [TimedPost(span=span, at=at) for span, at in spans]})
    store = Store(sqlite_url)
    store.add_document(doc, claims=extract(doc))
    corroborate(store)
    return list(iter_stories(store))


def test_a_live_page_running_newest_first_answers_the_post_below(tmp_path):
    # session 40, after war set AG's first look: "denied this" at 12:45 answers the 12:20 post below it, not 13:10's
    outage = "About 40,000 households in Mykolaiv lost power after drones hit a substation, the city's mayor says."
    denial = ("Ukraine's army spokesman Nazar Voloshyn denied this, telling national television that fighting in the "
              "village continues.")
    capture = "Russia's defence ministry says its troops have captured Bila Hora, a village near Kostiantynivka."
    for order, posts in (("newest", [("13:10", outage), ("12:45", denial), ("12:20", capture)]),
                         ("oldest", [("12:20", capture), ("12:45", denial), ("13:10", outage)])):  # the post above
        stories = _live_page_stories(f"sqlite:///{tmp_path / order}.sqlite", posts)
        status = {s.text[:30]: s.status for s in stories if s.text in (outage, capture)}
        assert status == {capture[:30]: "denied", outage[:30]: "single_source"}, (order, status)


def test_a_rejected_accusation_denies_the_accusers_telling_not_a_watchdogs_of_the_same_hit():
    # session 41 (war set AJ): "rejected the accusation" answers the plant management's blame on Ukraine, and the
    # other pages' tellings naming Ukraine as the doer; the IAEA's report of the hit names no doer
    from claimdesk.corroborate.denials import denies
    from claimdesk.extraction import extract
    from claimdesk.models import Document

    page = ("A drone struck near the training centre of the Zaporizhzhia nuclear power plant on Tuesday.\n"
            "The Russian-installed management of the plant said a Ukrainian drone had carried out the attack.\n"
            "Ukraine's energy ministry rejected the accusation as false.")
    claims = extract(Document.from_text(page, source="atom.html", outlet="Atomwatch", published=date(2026, 3, 3)))
    accusation = next(c for c in claims if c.text.startswith("The Russian-installed"))
    denial = next(c for c in claims if "rejected" in c.text)
    watchdog = _main_claim("The IAEA said a drone had carried out the attack near the plant's training centre.",
                           date(2026, 3, 3))
    blamed = _main_claim("Russia's defence ministry said a Ukrainian drone had carried out the attack on the plant.",
                         date(2026, 3, 3))
    assert denies(denial, [accusation, watchdog, blamed]) == [accusation, blamed]


def test_a_pointing_denial_speaks_to_the_sibling_story_holding_the_sentence_it_answers_only():
    # session 41 (war set AJ): the IAEA's report of the hit and the management's blame are sibling stories; "rejected
    # the accusation" answers the blame, the sentence just before it, not the IAEA's sentence above that
    from claimdesk.corroborate.verdicts import _speaks_to
    from claimdesk.extraction import extract
    from claimdesk.models import Contradiction, Document

    page = ("The IAEA said a drone had struck near the training centre of the Zaporizhzhia nuclear power plant.\n"
            "The Russian-installed management of the plant said a Ukrainian drone had carried out the attack.\n"
            "Ukraine's energy ministry rejected the accusation as false.")
    claims = extract(Document.from_text(page, source="atom.html", outlet="Atomwatch", published=date(2026, 3, 3)))
    watchdog = next(c for c in claims if c.text.startswith("The IAEA"))
    accusation = next(c for c in claims if c.text.startswith("The Russian-installed"))
    denial = next(c for c in claims if "rejected" in c.text)
    other = _main_claim("The International Atomic Energy Agency said a drone had struck near the training centre of "
                        "the Zaporizhzhia nuclear power plant.", date(2026, 3, 3))
    link = Contradiction(kind="denial", detail="denies", mentions=[denial.id, accusation.id],
                         spans=[denial.span, accusation.span])
    by_id = {c.id: c for c in (watchdog, accusation, denial, other)}
    assert not _speaks_to(link, [watchdog, other], by_id)
    assert _speaks_to(link, [accusation], by_id)
