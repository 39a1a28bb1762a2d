"""Attribution on real articles: PolNeAR dev (gold Source/Cue/Content) and the sample article."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from claimdesk.extraction import extract, extract_many
from claimdesk.models import Document

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from eval_attribution import length, overlap, read_ann  # noqa: E402

TRUMP_URGES = "breitbart_2016-09-30_the-latest-trump-urges-supporter"
GENNIFER = "breitbart_2016-09-25_pence-gennifer-flowers-won-t-be-"
CADDELL = "breitbart_2016-09-15_pat-caddell-democrat-voters-worr"


def polnear(corpus_dir: Path, name: str) -> Document:
    path = corpus_dir / "polnear" / "dev" / "text" / f"{name}.txt"
    return Document.from_text(path.read_text("utf-8"), source=path.name)


def claims_on_line(doc: Document, claims, line: int):
    return [c for c in claims if c.line == line]


@pytest.fixture(scope="module")
def trump_urges(corpus_dir):
    doc = polnear(corpus_dir, TRUMP_URGES)
    return doc, extract(doc)


def test_pronoun_source_resolves_to_the_person_named_before(trump_urges):
    doc, claims = trump_urges
    # 'Clinton said she thinks … She said Republican Donald Trump favors a "strongman approach."'
    she = next(c for c in claims_on_line(doc, claims, 203) if "strongman" in c.text)
    assert she.attribution.kind == "named_person"
    assert she.attribution.source == "Clinton"
    assert doc.text[slice(*she.attribution.source_span)] == "She"
    # '… "there is no one single point of failure," he said.' after 'Johnson said …'
    he = next(c for c in claims_on_line(doc, claims, 275) if "single point of failure" in c.text)
    assert (he.attribution.kind, he.attribution.source) == ("named_person", "Johnson")


def test_speaker_labels_attribute_transcript_lines(corpus_dir):
    doc = polnear(corpus_dir, GENNIFER)
    claims = extract(doc)
    start = doc.text.index('"PENCE: Well, look')
    pence = [c for c in claims if doc.line_of(start) == c.line and c.attribution.source == "PENCE"]
    assert pence, [(c.text, c.attribution) for c in claims if c.line == doc.line_of(start)]
    assert pence[0].attribution.kind == "named_person"


def test_introduction_line_attributes_the_quoted_paragraph(corpus_dir):
    doc = polnear(corpus_dir, CADDELL)
    claims = extract(doc)
    start = doc.text.index('"The health issue overall')
    quoted = [c for c in claims if c.line == doc.line_of(start)]
    assert quoted and quoted[0].attribution.source == "Caddell", [(c.text, c.attribution) for c in quoted]


@pytest.mark.slow
def test_polnear_dev_sample_recall_and_precision(corpus_dir):
    """The first 20 dev articles: the bench (bench/eval_attribution.py) runs all 84."""
    root = corpus_dir / "polnear" / "dev"
    anns = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        anns.setdefault(re.sub(r"_[^_]+\.ann$", "", ann.name), ann)
    names = sorted(anns)[:20]
    docs = [polnear(corpus_dir, n) for n in names]
    hit = total = attributed = correct = 0
    for name, claims in zip(names, extract_many(docs)):
        gold = read_ann(anns[name])
        total += len(gold)
        for g in gold:
            hit += any(c.attribution.source_span and overlap([c.attribution.source_span], g.source)
                       and overlap([c.span], g.content) * 2 >= min(length(g.content), c.span[1] - c.span[0])
                       for c in claims)
        for c in claims:
            if c.attribution.kind != "none" and c.attribution.source_span:
                attributed += 1
                correct += any(overlap([c.attribution.source_span], g.source) for g in gold)
    assert hit / total >= 0.70, f"recall {hit / total:.3f}"
    assert correct / attributed >= 0.70, f"precision {correct / attributed:.3f}"


def polnear_train(corpus_dir: Path, name: str) -> Document:
    """A PolNeAR train article outside the held-out tenth (bench/polnear_split.py)."""
    from polnear_split import held_out

    assert not held_out(name), name
    path = corpus_dir / "polnear" / "train" / "text" / f"{name}.txt"
    return Document.from_text(path.read_text("utf-8"), source=path.name)


def claim_with(claims, words: str):
    found = [c for c in claims if words in c.text]
    assert found, words
    return found


@pytest.mark.parametrize("name, words, source", [
    # "according to" names whatever it names: a polling average, exit polls
    ("huff-post_2016-06-08_hillary-clinton-wins-south-dakot", "according to HuffPost Pollster", "HuffPost Pollster"),
    ("huff-post_2016-04-20_hillary-clinton-won-among-wall-s", "boon for the economy", "exit polling data"),
    # a common noun that speaks
    ("breitbart_2016-08-19_as-bill-clinton-turns-a-look-at-", "reader-chosen cookie poll", "The magazine"),
    # "Mr. Trump was forced into … and said that …": the passive subject of the first verb speaks
    ("nyt_2016-06-09_ryan-calls-trump-line-racist-but", "had been ''misconstrued", "Mr. Trump"),
    # a quotation opening the sentence after its speaker's: '"…," said Amy Rao, a donor. "Now it's mostly women."'
    ("nyt_2016-05-09_women-build-political-clout-as-b", "Now it's mostly women", "Amy Rao"),
    # "as Joel Pollak … observed, the biggest victor was …"
    ("breitbart_2015-11-11_the-ninth-circle-the-hellish-vie", "the biggest victor was not on the stage", "Joel Pollak"),
    # a poll shows what it found
    ("breitbart_2016-02-18_poll-bernie-sanders-burns-hillar", "mere one-point difference", "CNN/ORC poll"),
    ("breitbart_2016-02-18_poll-bernie-sanders-burns-hillar", "upstart Sen. Bernie Sanders", "a poll"),
    # a share of people speaks: "Nine in 10 Democratic registered voters say …"
    ("breitbart_2016-02-18_ap-gfk-poll-voters-increasingly-", "Nine in 10 Democratic registered voters say",
     "Nine in 10 Democratic registered voters"),
    # "President Clinton released the following statement:" and the statement in the next paragraph
    ("breitbart_2015-12-21_nytimes-casually-conflates-ted-c", "Governor Wallace was wheelchair-bound", "President Clinton"),
])
def test_polnear_train_sources_found(corpus_dir, name, words, source):
    claims = extract(polnear_train(corpus_dir, name))
    sources = [c.attribution.source for c in claim_with(claims, words)]
    assert any(source in (s or "") for s in sources), sources


def test_relative_clause_statement_inside_anothers_words_is_its_speakers(corpus_dir):
    # 'Republicans … may now ask whether candidates like Mr. Carson, who claimed at one point that China was
    # becoming involved in Syria, …': the whole sentence stays the Republicans' question, and Carson's
    # claim is a claim of its own
    claims = extract(polnear_train(corpus_dir, "nyt_2015-11-17_terrorism-moves-to-fore-of-u-s-c"))
    found = claim_with(claims, "China was becoming involved in Syria")
    carson = [c for c in found if c.attribution.source == "Mr. Carson"]
    assert carson and carson[0].text.startswith("Mr. Carson, who claimed"), [(c.text, c.attribution) for c in found]
    whole = [c for c in found if c.text.startswith("Republicans")]
    assert whole and whole[0].attribution.source == "Republicans"


def test_relative_clause_reporting_words_is_a_claim_of_its_speaker(corpus_dir):
    # 'Clinton, who announced a $275 billion infrastructure spending plan on Monday, …' (PolNeAR train)
    claims = extract(polnear_train(corpus_dir, "politico_2015-12-01_could-an-accident-by-janet-yelle"))
    found = [c for c in claim_with(claims, "who announced a $275 billion") if c.text.startswith("Clinton, who")]
    assert found and found[0].attribution.source == "Clinton", [(c.text, c.attribution) for c in claims
                                                                 if "$275 billion" in c.text]


@pytest.mark.parametrize("text, fragment", [
    # the speaker's wish is no statement: this fragment made ECB+ stories lose their right members
    ("The police source, who wished to remain anonymous, said the men drove a large car into the store.",
     "who wished to remain anonymous"),
    ("Officers said the officer who fired the shot was placed on leave after the raid on Tuesday.", "who fired the shot"),
    ("A woman who identified herself as his cousin told reporters the boy was unarmed.", "who identified herself"),
])
def test_relative_clause_reporting_no_words_is_no_claim(text, fragment):
    claims = extract(Document.from_text(text, source="test"))
    assert claims and not [c for c in claims if c.text.endswith(fragment.split()[-1]) and fragment in c.text], \
        [(c.text, c.attribution) for c in claims]


@pytest.mark.parametrize("name, words, source", [
    # a verb of saying with a clause makes its subject a speaker though the tagger took the name for a
    # plural ("Fields"), or no agent list knows the words: a share of those polled, "those surveyed"
    ("wash-post_2016-03-30_trump-sticking-by-his-campaign-m", "Fields said she was spurred", "Fields"),
    ("wash-post_2016-02-02_no-clear-favorites-going-into-ne", "About four in 10 said they were", "About four in 10"),
    ("usa-today_2015-11-23_trump-leads-pack-terrorism-a-top", "those surveyed said Trump was best able", "those"),
    # a name after a closing quotation mark is a name, not a sentence's first word
    ("politico_2016-01-27_the-steep-cost-of-cruz-s-county-", "It’s taxing on campaign resources", "O’Donnell"),
])
def test_saying_verb_makes_its_subject_a_source(corpus_dir, name, words, source):
    claims = extract(polnear_train(corpus_dir, name))
    sources = [c.attribution.source for c in claim_with(claims, words)]
    assert source in sources, sources


@pytest.mark.parametrize("text, not_source", [
    ("It would be a stretch to say that the border is secure after the floods.", "a stretch"),
    ("Only time will tell whether the ceasefire along the river holds until spring.", "Only time"),
    ("Any reading of the strikes, said Michael Kofman, an expert on Russia, would call them a warning.", "Any reading"),
    ("The victory led the party chairman to declare him the presumptive nominee on Tuesday.", "The victory"),
])
def test_saying_verb_gives_no_source_to_what_cannot_speak(text, not_source):
    claims = extract(Document.from_text(text, source="test"))
    assert claims and all(not (c.attribution.source or "").startswith(not_source) for c in claims), \
        [c.attribution for c in claims]


@pytest.mark.parametrize("text, source", [
    # the parse hangs the speaker on the last noun of what was said, as its apposition
    ("Four people were injured in the attack, including a 62-year-old woman, the head of the regional "
     "administration said.", "the head of the regional administration"),
    ("Two civilians were killed in Kherson, including a boy, Oleksandr Prokudin said on Telegram.", "Oleksandr Prokudin"),
])
def test_a_speaker_parsed_as_an_apposition_still_speaks(text, source):
    [claim] = extract(Document.from_text(text, source="test"))
    assert claim.attribution.source == source and claim.event_type == "casualty"


@pytest.mark.parametrize("text", [
    "The bridge was damaged, including its supports, engineers inspected on Monday.",
    "Several villages were shelled, including Vovchansk, the town nearest the border.",
])
def test_an_apposition_that_is_not_followed_by_saying_speaks_for_no_one(text):
    claims = extract(Document.from_text(text, source="test"))
    assert all(c.attribution.kind == "none" for c in claims), [c.attribution for c in claims]


@pytest.mark.parametrize("text, words, source", [
    # a headline's label though the tagger takes the name for a common noun: the story names him
    ("Trump: My immigration plans aren't set in stone.\n\nDonald Trump said on Monday that his plans could change.",
     "My immigration plans", "Trump"),
    ("Poll: Clinton and Sanders are tied in Iowa a week before the caucus.\n\nThe race is close.", "tied in Iowa", "Poll"),
    # a name and a dash before a quotation; a quotation signed on the next line; a tweet's author
    ('Senator Bernie Sanders spoke in Iowa.\nBernie Sanders ― "Almost all new income is going to the top 1 percent."',
     "Almost all new income", "Bernie Sanders"),
    ('We asked voters at the rally.\n\n"The whole idea of a crooked candidate is something we hear all the time."\n\n'
     "-Michelle Marks, Philadelphia.", "The whole idea", "Michelle Marks"),
    ("While I respect the professionals at the FBI, this announcement defies explanation. — Paul Ryan (@SpeakerRyan) "
     "July 5, 2016", "this announcement defies explanation", "Paul Ryan"),
])
def test_labels_and_dashes_credit_a_line(text, words, source):
    claims = extract(Document.from_text(text, source="test"))
    assert source in [c.attribution.source for c in claim_with(claims, words)], [(c.text, c.attribution) for c in claims]


@pytest.mark.parametrize("text, words", [
    ("Analysis: Clinton and Sanders are tied in Iowa a week before the caucus.\n\nDonald Trump leads.", "tied in Iowa"),
    ("WASHINGTON ― \"Heavy rain\" flooded the streets of the capital on Tuesday, closing schools.", "flooded the streets"),
    ('Markets fell on Tuesday.\n\n"Prices rose in the north of the country after the storm."\n\n- the end', "Prices rose"),
])
def test_headings_and_datelines_credit_no_one(text, words):
    claims = extract(Document.from_text(text, source="test"))
    assert all(c.attribution.kind == "none" for c in claim_with(claims, words)), [c.attribution for c in claims]


@pytest.mark.parametrize("name, words, source", [
    # papers and polls that show something are its source, a series of emails too
    ("west-journal_2015-11-25_busted-emails-reveal-hillary-aid", "The next series of emails shows", "The next series of emails"),
    ("politico_2016-03-10_trump-s-rivals-pull-their-punche", "every recent state poll has shown", "every recent state poll"),
])
def test_documents_that_show_are_sources(corpus_dir, name, words, source):
    claims = extract(polnear_train(corpus_dir, name))
    assert source in [c.attribution.source for c in claim_with(claims, words)]


@pytest.mark.parametrize("text", [
    "The old bridge showed signs of strain after the flood reached the town on Tuesday.",
    "The series of storms showed no sign of ending before the weekend in the north.",
])
def test_things_that_show_are_no_sources(text):
    claims = extract(Document.from_text(text, source="test"))
    assert claims and all(c.attribution.kind == "none" for c in claims), [c.attribution for c in claims]


@pytest.mark.parametrize("text, words, source", [
    # a paragraph that is one quotation goes on in the words of the last speaker quoted before it
    ("“There is something about all those stories, right?” said Murphy, who thinks often about them.\n\n"
     "“I mean, I don't think that all those things are coincidences.”", "coincidences", "Murphy"),
    # a quotation opened with a curly mark and closed with a straight one (and the other way round)
    ('“At this point, I don’t think there is bad publicity," said Mayor Don Guardian in an interview. '
     '"We have made bad mistakes and have been making them for 50 years."', "bad mistakes", "Mayor Don Guardian"),
    ('"ISIS murders gays regularly because of what they believe. We should oppose that,” said Jim Bopp, a delegate.',
     "ISIS murders gays", "Jim Bopp"),
])
def test_quotations_go_on_in_their_speakers_words(text, words, source):
    claims = extract(Document.from_text(text, source="test"))
    sources = [c.attribution.source or "" for c in claim_with(claims, words)]
    assert sources and all(s.startswith(source) for s in sources), [(c.text, c.attribution) for c in claims]


def test_a_quotation_paragraph_after_no_quoted_speaker_stays_unattributed():
    text = ("Colonel Petrenko said the line held through the night.\n\n"
            "“Residents left the town at dawn and the shelling went on until noon.”")
    claims = extract(Document.from_text(text, source="test"))
    assert all(c.attribution.kind == "none" for c in claim_with(claims, "Residents left")), [c.attribution for c in claims]


def test_a_second_speaker_set_against_the_first_gets_a_claim():
    text = ("After the rally, several supporters said the former president had made a good case for his wife, "
            "while other voters said they had not heard anything to pull them away from the senator.")
    claims = extract(Document.from_text(text, source="test"))
    other = [c for c in claims if c.attribution.source == "other voters"]
    assert other and other[0].text.startswith("other voters said"), [(c.text, c.attribution) for c in claims]
    assert any(c.attribution.source == "several supporters" for c in claims)
    # a clause set against another that reports no one's words is a fact of its own, told by no one (session 32:
    # two facts set side by side with ", while" are two claims)
    claims = extract(Document.from_text("The army advanced on the town, while the villagers fled across the river "
                                         "before dawn on Tuesday.", source="test"))
    assert [c.text for c in claims] == ["The army advanced on the town",
                                        "the villagers fled across the river before dawn on Tuesday."]
    assert all(c.attribution.kind == "none" for c in claims), [(c.text, c.attribution) for c in claims]


def test_it_adding_a_quotation_speaks():
    text = 'The World Bank issued a statement on Monday. It added, "We want no part in the listing on our site."'
    claims = extract(Document.from_text(text, source="test"))
    assert [c.attribution.source for c in claim_with(claims, "We want no part")] == ["The World Bank"]
    claims = extract(Document.from_text("It added to the pressure on the ministry before the vote in May.", source="test"))
    assert all(c.attribution.kind == "none" for c in claims), [c.attribution for c in claims]


def test_of_two_parsed_subjects_of_saying_the_one_that_can_speak():
    # the parser gives "said" two subjects, the statement and the website's name
    text = "A statement posted on the website GunBroker.com said listings are user generated."
    claims = extract(Document.from_text(text, source="test"))
    assert [c.attribution.source for c in claims] == ["A statement"], [c.attribution for c in claims]


def test_a_pronoun_speaker_is_not_a_name_inside_the_quotation():
    text = ('Senator Dianne Feinstein spoke on Tuesday. "I don\'t know anything about Jake Sullivan and the emails," '
            "she said.")
    claims = extract(Document.from_text(text, source="test"))
    found = claim_with(claims, "Jake Sullivan and the emails")
    assert [c.attribution.source for c in found] == ["Dianne Feinstein"], [c.attribution for c in found]
    assert text[slice(*found[0].attribution.source_span)] == "she"  # the words that credit it, in this sentence


def test_a_second_that_clause_is_the_same_speakers():
    text = ("Daniel Hamermesh, a labor economist, predicted that base wages would fall somewhat over time, but that the "
            "higher overtime payments would more than offset any loss in regular salary levels.")
    claims = extract(Document.from_text(text, source="test"))
    second = claim_with(claims, "overtime payments would more than offset")
    assert all((c.attribution.source or "").startswith("Daniel Hamermesh") for c in second), [c.attribution for c in claims]


@pytest.mark.parametrize("text", [
    # not a source: "according to plan" is no one's word
    "The convoy reached the bridge on Tuesday, according to plan, and crossed it before dark.",
    # a quotation after an unrelated sentence is not the earlier speaker's
    'Colonel Petrenko said the line held through the night. Residents left the town at dawn. "There is nothing left here."',
    # "as" with a verb that reports nothing, and a document that does not find anything
    "As Colonel Petrenko spoke, the shelling resumed near the bridge.",
    "The report reached the ministry on Tuesday, two days after the strike.",
    # a number of things is no one
    "A number of factors suggest the vote in the occupied districts was rigged.",
])
def test_sources_not_found_where_no_one_speaks(text):
    claims = extract(Document.from_text(text, source="test"))
    last = claims[-1]
    assert last.attribution.kind == "none", last.attribution
    assert all(c.attribution.source != "plan" for c in claims), [c.attribution for c in claims]


def test_speaker_label_takes_the_line_and_leaves_the_inner_speaker_its_own_claim():
    text = "Dmytro Kuleba: Moscow claims the bridge at Kerch was never hit by the drones.\n"
    claims = extract(Document.from_text(text, source="test"))
    line = next(c for c in claims if c.text.startswith("Dmytro Kuleba"))
    assert line.attribution.source == "Dmytro Kuleba", line.attribution
    inner = [c for c in claims if c.text.startswith("Moscow claims")]
    assert all(c.attribution.source == "Moscow" for c in inner), [c.attribution for c in inner]


@pytest.mark.parametrize("text,source", [
    ("Regional authorities put the toll at five, while the city administration said seven people had died.",
     "Regional authorities"),
    ("Local officials put the number of injured at 12 on Tuesday.", "Local officials"),
    # the learnt cue filter alone would drop these (it learnt speech, not figures)
    ("Russia's defence ministry has put the number at 90 on each side.", "Russia's defence ministry"),
    ("The Poltava Regional Military Administration has put the toll at three.",
     "The Poltava Regional Military Administration"),
    ("Ukraine's emergency service estimated the damage at 40 million hryvnias.", "Ukraine's emergency service"),
])
def test_whoever_puts_a_figure_at_a_number_gives_it(text, source):
    first = extract(Document.from_text(text, source="test"))[0]
    assert first.attribution.source == source, first.attribution


def test_a_figure_given_by_a_surname_the_page_named_in_full_or_before_a_colon_is_the_speakers():
    # written after war set W (tuning): the small model tags a bare "Kravets" as a common noun
    text = ("Odesa regional governor Oleh Kravets said the port was hit overnight. Kravets put the number of injured "
            "sailors aboard the Marisol Bay at six, two of whom are in a serious condition. Kravets has updated the "
            "toll: five people were injured in Izmail. The ministry revised its count: 14 people died.")
    _, put, updated, revised = extract(Document.from_text(text, source="test"))
    assert (put.attribution.kind, put.attribution.source) == ("named_person", "Kravets"), put.attribution
    assert (updated.attribution.kind, updated.attribution.source) == ("named_person", "Kravets"), updated.attribution
    assert revised.attribution.source == "The ministry", revised.attribution
    # only a figure: with any other verb the surname stays no agent (a GVC page, read after the rule's first form
    # made Waters the source of the jail report's account)
    text = ("Police said Jason Waters, 40, was arrested. Waters refused to let go of his wife and told the officer to "
            "shoot him, according to a Salt Lake County Jail report.")
    report = extract(Document.from_text(text, source="test"))[1]
    assert report.attribution.source == "a Salt Lake County Jail report", report.attribution
    # someone's figures before a colon (war set X's live blog)
    text = ("Donetsk regional governor Vadym Hordiienko said a bomb hit the station. Hordiienko's latest figures: 11 "
            "killed and 40 wounded in the Kostiantynivka strike. The Interior Ministry's count: 12 dead and 37 wounded "
            "in Kostiantynivka.")
    _, figures, count = extract(Document.from_text(text, source="test"))
    assert (figures.attribution.kind, figures.attribution.source) == ("named_person", "Hordiienko"), figures.attribution
    assert count.attribution.source == "The Interior Ministry", count.attribution
    # a colon after anything but a figure's noun, or after a figure, gives nothing
    for line in ("The company updated the app: users can now share their location.",
                 "Engineers checked the toll of 14 bridges: none was damaged.",
                 "The strike's damage: 14 homes and a school were destroyed in Kostiantynivka.",
                 # a review's cases: no verb of giving or revising a figure
                 "Russian forces suffered heavy losses: more than 1,000 soldiers were killed in a week.",
                 "Kharkiv has paid a terrible toll: 12 civilians were killed this week.",
                 "Russia has tripled the number: it now launches up to 700 drones a night."):
        first = extract(Document.from_text(line, source="test"))[0]
        assert first.attribution.cue not in ("updated", "checked", "damage", "suffered", "paid", "tripled"), first.attribution
        assert first.attribution.kind in ("none", "vague"), first.attribution


def test_a_figure_put_at_a_number_under_another_speakers_verb_leaves_the_sentence_to_that_speaker():
    # a review's case: the colon rule's clause-after-the-colon must not take over "… at nine, the mayor wrote"
    text = "Rescuers put the death toll at nine, Mayor Ihor Terekhov wrote on Telegram, and a search for survivors continues."
    first = extract(Document.from_text(text, source="test"))[0]
    assert first.attribution.source == "Mayor Ihor Terekhov", first.attribution
    text = "Police put the number of injured at 12, the mayor said, adding that two children were among them."
    first = extract(Document.from_text(text, source="test"))[0]
    assert first.attribution.source == "the mayor", first.attribution


@pytest.mark.parametrize("text", [
    "The strike on the school put 40 children at risk.",
    # a clock time is no figure, an area placed under a curfew no area measured (a review's cases)
    "Police placed the area under curfew at 10 pm.",
    "Authorities placed the area on lockdown at 11 p.m. after the explosion in Kherson.",
    "Police placed a number of streets under cordon at 6 a.m.",
])
def test_putting_someone_at_risk_or_an_area_under_curfew_gives_no_figure(text):
    [claim] = extract(Document.from_text(text, source="test"))
    assert claim.attribution.kind == "none", claim.attribution


def test_a_part_cut_from_its_sentence_keeps_its_own_speaker_over_the_closing_one():
    text = ("In the city of Pavlohrad, drones set fire to a fuel depot, the regional emergency service said, while a "
            "strike on an energy facility left about 41,000 households in the Zaporizhzhia region without power, "
            "Governor Ihor Palamarchuk said.")
    first, second = extract(Document.from_text(text, source="test"))
    assert first.attribution.source == "the regional emergency service", first.attribution
    assert second.attribution.source == "Governor Ihor Palamarchuk", second.attribution


def test_a_sentence_misparsed_after_one_cut_in_two_still_makes_its_claim():
    """After a sentence cut at ", while", the parser reads "The fire at the depot burned …" as the subject of
    "said": what it holds is still a claim, not a speaker with nothing said."""
    text = ("Drones set a fuel depot in Pavlohrad ablaze overnight, while Russian artillery shelling of Nikopol killed "
            "two people and injured four, regional governor Serhiy Lytvyn said on Tuesday.\nThe fire at the depot "
            "burned for about six hours before it was put out, the regional branch of the State Emergency Service said.")
    claims = extract(Document.from_text(text, source="test"))
    assert any(c.text.startswith("The fire at the depot burned for about six hours") for c in claims), \
        [c.text for c in claims]
    # a speaker with nothing said is still no claim
    assert extract(Document.from_text("Colts interim coach Bruce Arians asked.", source="test")) == []


@pytest.mark.parametrize("text, kind", [
    # session 37, after war set Z: an organisation's acronym the tagger takes for a common noun speaks for it
    ("The Russian MoD said 40 drones were shot down over the Belgorod region.", "named_organization"),
    ("The IAEA said the plant had lost its last external power line.", "named_organization"),
    # a plural of people or an office is no organisation (a review's cases)
    ("Freed POWs said they had been held in a prison near Taganrog.", "anonymous"),
])
def test_an_acronym_speaks_for_its_organisation_and_people_stay_people(text, kind):
    [claim] = extract(Document.from_text(text, source="a.txt"))
    assert claim.attribution.kind != "named_organization" if kind != "named_organization" \
        else claim.attribution.kind == kind, claim.attribution
