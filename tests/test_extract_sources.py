"""Who a claim's source is: an agent (person, organisation, government, group, outlet, document),
never a pronoun fragment, an abstract noun or the subject of a verb that is not speech; and of
which kind. Sentences written for these tests in the manner of war reporting, both ways."""

from __future__ import annotations

from datetime import date

import pytest

from claimdesk.extraction import extract
from claimdesk.models import Claim, Document


def first_claim(sentence: str) -> Claim:
    claims = extract(Document.from_text(sentence, source="test", published=date(2026, 2, 27)))
    assert claims, sentence
    return claims[0]


def attribution_on_line(text: str, line: int):
    """The attribution of the first claim a page makes on one of its lines."""
    on_line = [c for c in extract(Document.from_text(text, source="test")) if c.line == line]
    assert on_line, f"no claim on line {line}"
    return on_line[0].attribution


@pytest.mark.parametrize("sentence, kind, source", [
    ("Kyiv said the strike killed six people in Kharkiv.", "named_organization", "Kyiv"),
    ("Moscow denied that its troops had crossed the border.", "named_organization", "Moscow"),
    ("Bloomberg reported that the talks had stalled after the second round.", "named_organization", "Bloomberg"),
    ("The Kremlin has denied these reports, calling them fake news.", "named_organization", "Kremlin"),
    ("Ukraine's air force said Russia launched 71 missiles overnight.", "named_organization", "air force"),
    ("Spokesman Matthew Miller suggested that the soldiers would be legitimate targets.", "named_person", "Matthew Miller"),
    ("Two senior officials said the convoy was hit near the bridge.", "anonymous", "officials"),
    ("Some reports suggest that 3,000 soldiers were moved to the border.", "vague", "reports"),
    ("Reports of North Korean soldiers in Russia say that they arrived in October.", "vague", "Reports"),
    ("A report by the United Nations said that 18 civilians died in the shelling.", "named_organization", "United Nations"),
    ("Twenty soldiers were killed in a strike near Donetsk on October 3, Ukrainian military intelligence said on Thursday.",
     "named_organization", "Ukrainian military intelligence"),
])
def test_agents_are_sources_of_the_right_kind(sentence, kind, source):
    claim = first_claim(sentence)
    assert claim.attribution.kind == kind, (claim.attribution, sentence)
    assert source in (claim.attribution.source or ""), (claim.attribution, sentence)


@pytest.mark.parametrize("sentence", [
    "Let’s not forget that the war in Ukraine has been dragging on for nearly three years.",
    "Substations support the grid across the whole region during the winter.",
    "Like a blind person seeing the sun, the villagers stared at the restored power lines.",
    "This incident highlights the increasingly active role North Korean troops are playing.",
    "But the fact that the Russian military is scrambling to find them suggests a morale problem.",
    "The deployment of North Korean soldiers to support Russia has caught the attention of Seoul.",
    "As the Kremlin tries to keep this incident under wraps, questions are growing in Moscow.",
    "For a long time, Seoul has avoided providing lethal aid to Ukraine, sticking to supplies.",
])
def test_non_agents_are_never_sources(sentence):
    claim = first_claim(sentence)
    bad = {"’s", "substations", "a blind person", "this incident", "the fact", "the deployment of north korean soldiers"}
    assert (claim.attribution.source or "").lower() not in bad, (claim.attribution, sentence)
    if claim.attribution.kind != "none":
        # what is left is a real speaker elsewhere in the sentence, never the non-speech subject
        assert claim.attribution.source is None or claim.attribution.cue not in ("support", "seeing", "tries", "avoided",
                                                                               "forget", "highlights", "suggests")


@pytest.mark.parametrize("sentence, noun", [
    ("There have been increasing indications that North Korea has been sending troops to Russia.", "indications"),
    ("The desertions could be seen as a sign that Russia is reaching for anything it can get.", "sign"),
])
def test_abstract_nouns_make_a_claim_vague_without_a_fake_source(sentence, noun):
    claim = first_claim(sentence)
    assert claim.attribution.kind == "vague", claim.attribution
    assert claim.attribution.source is None and claim.attribution.source_span is None, claim.attribution
    assert noun in (claim.attribution.cue or "")


def test_a_heading_with_a_colon_is_not_a_speaker():
    text = "Final Thoughts: A War That Is Becoming More Global\nPat Caddell: The war will go on for at least three more years."
    claims = extract(Document.from_text(text, source="test"))
    heading = [c for c in claims if c.line == 1]
    speaker = [c for c in claims if c.line == 2]
    assert all(c.attribution.kind == "none" for c in heading), [c.attribution for c in heading]
    assert speaker and speaker[0].attribution.source == "Pat Caddell", [c.attribution for c in speaker]


# Shapes PolNeAR train showed the extractor missing or over-reading (issue 13), in sentences
# written for these tests: the speaker is found, and a verb that is not speech gives no source.
@pytest.mark.parametrize("sentence, kind, source", [
    # a dateline's city is a subject too: the speaker is the subject nearest the verb
    ("KYIV (Reuters) - President Volodymyr Zelenskiy said the army had pushed back an assault near Pokrovsk.",
     "named_person", "Volodymyr Zelenskiy"),
    # the name after the verb is parsed under the participle that follows it
    ("“We have held the line for three days,” said Oleksandr Syrskyi, visibly tired.", "named_person", "Oleksandr Syrskyi"),
    # "by saying …": the subject of the verb the phrase hangs on speaks
    ("Governor Oleh Syniehubov ended the meeting by saying that the shelters would be ready before winter.",
     "named_person", "Oleh Syniehubov"),
    # a share of people polled speaks for itself
    ("Four in ten residents blamed the army for the delays, and a third said that the mayor had failed them.",
     "vague", "a third"),
])
def test_speakers_found_in_harder_shapes(sentence, kind, source):
    claims = extract(Document.from_text(sentence, source="test", published=date(2026, 2, 27)))
    attributed = [c.attribution for c in claims if c.attribution.source and source in c.attribution.source]
    assert attributed, [(c.text, c.attribution) for c in claims]
    assert all(a.kind == kind for a in attributed), attributed
    assert not any("KYIV" in (c.attribution.source or "") for c in claims)


def test_a_headline_name_before_a_quotation_is_its_speaker():
    text = "Zelensky: ‘We will not give up a single town in Donbas.’\nKey Takeaways: ‘Hold the line’ is the new motto."
    claims = extract(Document.from_text(text, source="test"))
    headline = [c for c in claims if c.line == 1]
    heading = [c for c in claims if c.line == 2]
    assert headline and headline[0].attribution.source == "Zelensky", [c.attribution for c in headline]
    assert all(c.attribution.source != "Key Takeaways" for c in heading), [c.attribution for c in heading]


@pytest.mark.parametrize("sentence, verb", [
    ("The army added two brigades to the defence of Pokrovsk last week.", "added"),
    ("The ministry made a new offer to the miners on Friday.", "made"),
    ("Zelensky knows the front better than anyone in Kyiv.", "knows"),
    ("Zelensky appeared at a press event in Lviv on Monday with the mayor.", "appeared"),
])
def test_verbs_that_are_not_speech_give_no_source(sentence, verb):
    """Verbs PolNeAR often marks as cues but that name no speech with a plain object (demoted in
    lexicons.json: they need a clause, a quotation or a colon), and ones the learnt filter drops."""
    claims = extract(Document.from_text(sentence, source="test", published=date(2026, 2, 27)))
    assert claims, sentence
    assert all(c.attribution.cue != verb for c in claims), [c.attribution for c in claims]


@pytest.mark.parametrize("sentence, source", [
    ("“The bridge will hold,” the governor added.", "governor"),
    ("Zelensky added that two brigades had reached Pokrovsk overnight.", "Zelensky"),
    ("The general knows that the front will not hold through the winter.", "general"),
])
def test_the_same_verbs_with_a_clause_or_quotation_still_speak(sentence, source):
    claims = extract(Document.from_text(sentence, source="test", published=date(2026, 2, 27)))
    assert any(source in (c.attribution.source or "") for c in claims), [(c.text, c.attribution) for c in claims]


def test_a_date_is_never_the_speaker():
    claim = first_claim("Saturday at the party convention in Lviv Mayor Andriy Sadovyi said the city would open "
                        "ten more shelters.")
    assert "Sadovyi" in (claim.attribution.source or ""), claim.attribution
    assert "Saturday" not in (claim.attribution.source or ""), claim.attribution


def test_according_to_names_the_source_over_the_clause_subject():
    claim = first_claim("The Pentagon is considering a plan to keep a base near Rzeszow for years, according to "
                        "two American officials.")
    assert (claim.attribution.kind, claim.attribution.cue) == ("anonymous", "according to"), claim.attribution
    assert "officials" in (claim.attribution.source or "")
    plain = first_claim("The Pentagon is considering a plan to keep a base near Rzeszow for years.")
    assert plain.attribution.cue != "according to"


# Kinds on real crawled pages (issue 13, bench/eval_attribution_kinds.py): the small model tags a
# surname alone as an ORG, misses a role's holder, and deeds were read as speech. Sentences
# written for these tests in the manner of the pages read; both ways.
@pytest.mark.parametrize("sentence, kind, source", [
    # a role and its holder in apposition, either order
    ("Ukraine's foreign minister Andrii Sybiha said Russia launched 300 drones overnight.", "named_person", "Sybiha"),
    ("Washington's ambassador to the United Nations, Nikki Haley, said the sanctions were the toughest ever imposed.",
     "named_person", "Nikki Haley"),
    ("Nikki Haley, the US ambassador to the UN, said the sanctions were the toughest ever imposed.",
     "named_person", "Nikki Haley"),
    ("His brother, Eric Paddock, said the family had no idea of any plan.", "named_person", "Eric Paddock"),
    # one office's holder is on the record, not anonymous
    ("Panama's attorney general has said that there will be an investigation into the firm.", "named_person",
     "attorney general"),
    # the other side: an organisation in apposition, an unnamed official
    ("Reuters, the news agency, said the talks had failed after two rounds.", "named_organization", "Reuters"),
    ("A senior US official said the talks had failed after two rounds.", "anonymous", "official"),
])
def test_roles_and_their_holders(sentence, kind, source):
    claim = first_claim(sentence)
    assert claim.attribution.kind == kind, (claim.attribution, sentence)
    assert source in (claim.attribution.source or ""), (claim.attribution, sentence)


def test_a_surname_alone_is_the_person_the_page_named_in_full():
    # the model tags "Moorhead" and "Arians" alone as ORG and NORP, their full names as PERSON
    text = ("Patrick Moorhead, president of Moor Insights, follows the chip market.\n"
            "It would also make sense, Moorhead says, for Google to build its own processors.\n"
            "Coach Bruce Arians retired on Monday.\n"
            "\"I know everybody speculated for months about the team,\" Arians said.\n"
            "Broadcom said it was willing to pay a fee if the deal failed.")
    claims = extract(Document.from_text(text, source="test"))
    by_line = {c.line: c.attribution for c in claims}
    assert (by_line[2].kind, by_line[2].source) == ("named_person", "Moorhead"), by_line[2]
    assert (by_line[4].kind, by_line[4].source) == ("named_person", "Arians"), by_line[4]
    assert (by_line[5].kind, by_line[5].source) == ("named_organization", "Broadcom"), by_line[5]


@pytest.mark.parametrize("sentence", [
    "Russia fired 40 missiles at Kyiv overnight.",
    "Ukrainian forces shot down 50 of the 60 drones overnight.",
    "Israel struck Hezbollah targets in southern Lebanon on Tuesday.",
    "The Pentagon withdrew 3,000 troops from Germany last year.",
    "It boasted one of the fastest growth rates in Latin America last year, above 6 percent.",
])
def test_a_deed_is_no_speech(sentence):
    claim = first_claim(sentence)
    assert claim.attribution.kind == "none", (claim.attribution, sentence)


def test_the_same_deed_verbs_reported_by_a_speaker_still_speak():
    claim = first_claim("Ukraine's air force said Russia fired 40 missiles at Kyiv overnight.")
    assert "air force" in (claim.attribution.source or ""), claim.attribution
    back = first_claim("Russia fired back that the claims about the strike were lies.")
    assert back.attribution.source == "Russia", back.attribution


def test_he_said_after_an_unnamed_spokesman_is_his():
    text = ("The attack was claimed by a group led by Noor Mohammad Faiz.\n"
            "A foreign ministry spokesman in Berlin said the attack was suppressed in the early hours of Friday.\n"
            "“All German employees of the consulate are safe,” he said.")
    said = attribution_on_line(text, 3)
    assert said.kind == "anonymous", said
    assert "spokesman" in (said.source or ""), said


def test_she_said_after_a_quotation_is_the_last_speaker_not_the_last_name():
    text = ("Uma Thurman told the paper that the first attack happened later in London. She described a meeting "
            "with Harvey Weinstein in a Paris hotel room.\n"
            "“He pushed me down,” she said.")
    assert attribution_on_line(text, 2).source == "Uma Thurman"
    # and the other way: a man named last is still "he"
    text = "Uma Thurman met Harvey Weinstein in Paris. He said the meeting was about a film."
    claims = extract(Document.from_text(text, source="test"))
    assert any(c.attribution.source == "Harvey Weinstein" for c in claims), [c.attribution for c in claims]


def test_an_organisations_name_is_its_whole_name():
    claim = first_claim("Russian forces advanced near Pokrovsk, the Institute for the Study of War said in its "
                        "daily assessment.")
    assert claim.attribution.source == "the Institute for the Study of War", claim.attribution
    assert claim.attribution.kind == "named_organization"
    # a preposition after a common noun still ends the phrase: the speaker is the officials
    plain = first_claim("Two officials at the ministry said the convoy was hit near the bridge.")
    assert "ministry" not in (plain.attribution.source or ""), plain.attribution


@pytest.mark.parametrize("sentence", [
    "The regional military command confirmed on Tuesday.",
    "Peter Novak, the deputy director of operations for the city ambulance service, said in a statement.",
    "Adam Smith, a spokesman for the Kyiv city council, said on Friday.",
    "Two senior observers report.",
])
def test_words_that_are_only_their_speaker_and_cue_make_no_claim(sentence):
    claims = extract(Document.from_text(sentence, source="test", published=date(2026, 2, 27)))
    assert claims == [], [(c.text, c.attribution.source) for c in claims]


def test_a_frame_with_a_fact_or_a_quotation_still_makes_its_claim():
    condemned = first_claim("President Volodymyr Zelensky has condemned the attack on the railway station.")
    assert condemned.attribution.source == "President Volodymyr Zelensky"
    quoted = first_claim("“We have done everything we can,” the mayor of Kharkiv said.")
    assert "everything we can" in quoted.text
    # a verb that names a decision or an agreement tells something even with nothing after it
    assert first_claim("The Supreme Court of the United States ruled on Monday.")
    assert first_claim("The foreign ministers of both countries agreed on Friday.")
    # a denial or a deed with a pronoun still says something
    assert first_claim("All three ministers have denied it.").polarity == "denied"
    assert "charged him" in first_claim("Police in Kharkiv have this morning charged him.").text
    # a verb of saying with its subject alone, cut off from its question, is no claim
    asked = extract(Document.from_text("“Who would have thought it?”\nThe Dynamo coach, Serhiy Rebrov, asked.",
                                       source="test"))
    assert [c.text for c in asked] == ["“Who would have thought it?”"], [c.text for c in asked]
    # the quotation before its frame keeps the frame's speaker
    said = first_claim("“The bridge will be rebuilt before the first snow falls.” Mayor Anna Kowalska of Gdansk "
                       "said on Thursday.")
    assert "Kowalska" in (said.attribution.source or ""), said.attribution


@pytest.mark.parametrize("text, source", [
    # written after war set U (tuning): a town the small model tags as a person is no one "he" stands for
    ("A drone hit the fuel depot in Liski overnight. Nobody was hurt, he said.", "he"),
    ("A fire broke out at the depot in Liski after a drone attack, governor Pavel Demidenko said. "
     "Nobody was hurt, he said.", "Pavel Demidenko"),
    ("He met Jackson in Washington. Later Jackson said he would run again.", "Jackson"),
    # a review's case: a person after "around" is a person
    ("Reporters crowded around Johnson outside the courthouse on Tuesday. The verdict was unjust, he said.", "Johnson"),
])
def test_a_town_after_in_is_not_who_a_pronoun_stands_for(text, source):
    doc = Document.from_text(text, source="test", format="text", outlet="Test", published=date(2028, 9, 7))
    claim = [c for c in extract(doc) if c.attribution.source][-1]
    assert claim.attribution.source == source
