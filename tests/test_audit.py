"""The audit checks, on the real sample article and on small texts that isolate one defect each."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from claimdesk.audit import ALL_KINDS, audit
from claimdesk.audit.placeholders import patterns
from claimdesk.models import Document


def doc(text: str, published: date | None = None) -> Document:
    return Document.from_text(text, source="test.txt", published=published)


def kinds(text: str, published: date | None = None) -> list[str]:
    return [f.kind for f in audit(doc(text, published))]


@pytest.fixture(scope="module")
def sample(samples_dir: Path):
    expected = json.loads((samples_dir / "sofrep-north-korean-deserters.expected.json").read_text("utf-8"))
    text = (samples_dir / "sofrep-north-korean-deserters.txt").read_text("utf-8")
    document = doc(text, date.fromisoformat(expected["published"]))
    return document, audit(document), expected


def test_sample_must_find(sample):
    document, findings, expected = sample
    for item in expected["audit"]["must_find"]:
        matches = [
            f for f in findings
            if f.kind == item["kind"] and f.line == item["line"]
            and f.end_line == item.get("end_line", item["line"])
            and ("quote" not in item or item["quote"] in f.quote)
            and ("related_line" not in item or (f.related and f.related.line == item["related_line"]))
            and ("related_end_line" not in item or (f.related and f.related.end_line == item["related_end_line"]))
        ]
        assert len(matches) == 1, f"expected one {item['kind']} at line {item['line']}: {findings}"


def test_sample_must_not_find(sample):
    _, findings, expected = sample
    banned = {item["kind"] for item in expected["audit"]["must_not_find"]}
    assert not [f for f in findings if f.kind in banned]


def test_sample_has_nothing_else(sample):
    """Every finding on the sample is one the editor's list expects: no false alarms on the rest."""
    _, findings, expected = sample
    wanted = {(i["kind"], i["line"]) for i in expected["audit"]["must_find"]}
    assert {(f.kind, f.line) for f in findings} == wanted


def test_findings_sorted_and_spans_point_at_quotes(sample):
    document, findings, _ = sample
    assert [f.span[0] for f in findings] == sorted(f.span[0] for f in findings)
    for f in findings:
        assert document.line_of(f.span[0]) == f.line
        assert f.quote.rstrip("…") in document.text[f.span[0]:f.span[1]] or f.quote.startswith(
            document.text[f.span[0]:f.span[0] + 40])


def test_one_finding_per_repeated_block_pointing_at_first_copy():
    a = "The council voted on Monday to close the old library, citing the cost of repairs and falling visits."
    b = "Residents who opposed the closure said they would take the decision to court before the end of the year."
    c = "The mayor said no final date had been set for the building to shut its doors to the public."
    text = "\n".join([a, b, c, "Something else entirely happened later that week in the town.", a, b, c, a])
    dups = [f for f in audit(doc(text)) if f.kind == "duplicated_passage"]
    assert [(f.line, f.end_line, f.related.line, f.related.end_line) for f in dups] == [(5, 7, 1, 3), (8, 8, 1, 1)]
    assert dups[0].severity == "error"


def test_near_exact_repeat_with_a_changed_word():
    a = "Officials said the bridge would reopen in the spring after engineers finish replacing the cracked beams."
    changed = a.replace("cracked", "damaged")
    dups = [f for f in audit(doc(f"{a}\n\nMore text in between here.\n\n{changed}")) if f.kind == "duplicated_passage"]
    assert [(f.line, f.related.line) for f in dups] == [(5, 1)]


def test_short_repeats_and_separators_are_not_passages():
    assert "duplicated_passage" not in kinds("Advertisement\n\nText one here.\n\nAdvertisement\n\n___\n\n___\n")


@pytest.mark.parametrize("text, quote", [
    ("(Screenshot)", "(Screenshot)"),
    ("The mayor said [Image: the mayor at city hall] nothing.", "[Image: the mayor at city hall]"),
    ("INSERT QUOTE FROM MAYOR HERE", "INSERT QUOTE FROM MAYOR HERE"),
    ("The fire killed TK people.", "TK"),
    ("Lorem ipsum dolor sit amet.", "Lorem ipsum dolor sit amet"),
    ("Crime fell by half [citation needed].", "[citation needed]"),
    ("Written by {{author_name}}.", "{{author_name}}"),
    ("As an AI language model, I cannot give opinions.", "As an AI language model"),
    ("I cannot browse the internet, so here is a summary.", "I cannot browse the internet"),
])
def test_placeholders(text, quote):
    found = [f for f in audit(doc(text)) if f.kind == "placeholder"]
    assert [f.quote for f in found] == [quote]


@pytest.mark.parametrize("text", [
    "Shoppers at TK Maxx said prices rose.",  # a brand, not "to come"
    "The photo (right) shows the square.",
    "He scored in Super Bowl XXX and later coached.",
    "The tally is in the table (below).",
    "She quoted the [Wall Street Journal] report, the lawyer said.",
    # a review's look-alikes of the 'fourth' wording's new patterns
    "The study's results (Table 2) were clear.",
    "He played [table-tennis] as a boy, she recalled.",
    "The page linked [[Barack Obama]] twice.",
    "The FCU [Fact Check Unit] said so.",
    '"I don\'t have access to current information on the case," the minister said.',
])
def test_placeholder_look_alikes_are_not_flagged(text):
    assert "placeholder" not in kinds(text)


def test_placeholder_patterns_live_in_the_data_file():
    data = json.loads(Path(__file__).resolve().parents[1].joinpath("claimdesk/audit/placeholders.json").read_text("utf-8"))
    assert len(patterns()) == len(data["patterns"]) >= 10


def test_ai_disclosure_only_about_this_article():
    assert kinds("Editor's note: This story was drafted with the help of ChatGPT.") == ["ai_disclosure"]
    assert audit(doc("This article was written with the help of AI."))[0].severity == "info"
    # news about AI is not a disclosure
    assert kinds("The company said it uses AI to generate product descriptions for its store.") == []
    # an assistant by its name (the 'fourth' injected wording), not a person who shares it
    assert kinds("Disclaimer: this story was composed with Claude and reviewed by an editor.") == ["ai_disclosure"]
    assert kinds("Disclaimer: this story was written with Claude Brown, our Paris correspondent.") == []
    for text in ("This story was edited by Claude, our Paris correspondent.", "This story was edited by Jean-Claude.",
                 "This story was written with Claude van Damme.",
                 "This report, composed of interviews with AI experts, ran on Sunday."):
        assert kinds(text) == [], text
    assert kinds("Our newsroom used machine learning tools to sort the documents cited in this story.") == ["ai_disclosure"]


@pytest.mark.parametrize("text, published, severity", [
    ("The vote was on Wednesday, October 15.", date(2024, 10, 16), "error"),   # a Tuesday in 2024
    ("The vote was on Tuesday, Oct. 15, 2023.", None, "error"),               # a Sunday in 2023
    ("The vote was on Tues., 15 October.", date(2019, 10, 20), None),         # a Tuesday in 2019
    ("The vote was on Tuesday (October 15).", date(2024, 10, 16), None),
    ("He died on Monday, December 30.", date(2025, 1, 3), None),              # 2024-12-30, the year before
    ("The vote was on Friday, February 30.", date(2024, 3, 1), "error"),
])
def test_weekday(text, published, severity):
    found = [f for f in audit(doc(text, published)) if f.kind == "weekday_mismatch"]
    assert [f.severity for f in found] == ([severity] if severity else [])


def test_weekday_without_a_year_lists_the_years_that_fit():
    found = [f for f in audit(doc("The vote was on Tuesday, October 15.")) if f.kind == "weekday_mismatch"]
    assert len(found) == 1 and found[0].severity == "info"
    listed = re.search(r"it fits ([\d, ]+)$", found[0].message).group(1).split(", ")
    assert listed and all(date(int(y), 10, 15).weekday() == 1 for y in listed)  # each a Tuesday


@pytest.mark.parametrize("text, published, flagged", [
    ("The war has dragged on for nearly two years (going on three).", None, True),
    ("The war has dragged on for two years (going on three).", None, False),
    ("The talks lasted more than three months — nearly four.", None, False),
    ("The talks lasted almost three months, or more than four.", None, True),
    ("From 2009 to 2012, a span of six years, the plant was closed.", None, True),
    ("From 2009 to 2015, a span of six years, the plant was closed.", None, False),
    ("He has led the group since 2009, for nearly three years.", date(2016, 5, 1), True),
    ("He has led the group for seven years, since 2009.", date(2016, 5, 1), False),
    ("The mill closed six years ago, in 2013.", date(2016, 5, 1), True),
    ("The 10-year-old was born in 2006 and has lived here for three years.", date(2016, 5, 1), False),
])
def test_durations(text, published, flagged):
    assert ("inconsistent_duration" in kinds(text, published)) is flagged


def test_conflicting_numbers_the_sample_pattern():
    text = ("18 North Korean soldiers deserted their posts, officials said.\n"
            "A search began at once.\nThe 20 deserters have not been found.\n")
    found = [f for f in audit(doc(text)) if f.kind == "conflicting_numbers"]
    assert [(f.line, f.related.line, f.quote) for f in found] == [(3, 1, "The 20 deserters")]


@pytest.mark.parametrize("text", [
    "18 soldiers deserted on Monday. The 18 deserters were found.",                  # same number
    "18 soldiers deserted; 2 more deserted later. The 20 deserters were found.",    # a sum
    "3 people were killed on Monday. 5 people were killed on Tuesday.",             # not definite
    "Among the 578 Republican voters surveyed, and the 514 Democratic voters surveyed, views differ.",
])
def test_conflicting_numbers_look_alikes(text):
    assert "conflicting_numbers" not in kinds(text)


def test_certainty_escalation_and_a_new_source_clears_it():
    hedged = "Six officers were reportedly killed in a strike near the town."
    certain = "With confirmed casualties, the pressure is mounting."
    found = [f for f in audit(doc(f"{hedged}\nThe army is silent.\n{certain}")) if f.kind == "certainty_escalation"]
    assert [(f.line, f.related.line, f.quote) for f in found] == [(3, 1, "confirmed casualties")]
    sourced = f"{hedged}\nThe ministry said six officers died.\n{certain}"
    assert "certainty_escalation" not in kinds(sourced)
    assert "certainty_escalation" not in kinds(f"{hedged}\nThe deaths have not been confirmed.")


def _escalations(text: str) -> list[tuple[int, int, str]]:
    return [(f.line, f.related.line, f.quote) for f in audit(doc(text)) if f.kind == "certainty_escalation"]


FILLER = "Residents described a night of chaos.\nThe regional governor has not commented."


@pytest.mark.parametrize("hedged, certain, quote", [
    ("Two aid workers were reportedly killed near the checkpoint in Kherson.",
     "The confirmed deaths drew condemnation from the UN.", "confirmed deaths"),
    ("Dozens of inmates may have fled the prison overnight.",
     "The escape is now confirmed, and a manhunt is under way.", "escape is now confirmed"),
    ("Three reporters are believed to have been abducted outside the hotel.",
     "Their kidnapping is now confirmed.", "kidnapping is now confirmed"),
    ("The convoy was allegedly attacked on the highway.",
     "It is now clear the strike hit the convoy.", "It is now clear the strike"),
    ("The deputy minister may have resigned after the vote.",
     "Her resignation is now confirmed.", "resignation is now confirmed"),
    ("Several villagers were reportedly injured in the blast.",
     "The injuries are confirmed, and the clinic is full.", "injuries are confirmed"),
])
def test_certainty_escalation_across_word_forms_and_synonyms(hedged, certain, quote):
    assert _escalations(f"{hedged}\n{FILLER}\n{certain}") == [(4, 1, quote)]


@pytest.mark.parametrize("text", [
    # different events: hedged arrest, confirmed deaths
    "The opposition leader was reportedly arrested at the airport.\nThe confirmed deaths drew condemnation.",
    # a new source in between vouches for the escape
    "Dozens of inmates may have fled the prison.\nPolice said the inmates escaped through a tunnel.\n"
    "The escape is now confirmed, and a manhunt is under way.",
    "The deputy minister may have resigned.\nThe prime minister's office said she resigned on Friday.\n"
    "Her resignation is now confirmed.",
    # reporting verbs after a hedge are not events
    "The figures were reportedly revised upward.\nThe budget is now confirmed.",
    "Rebels may have attacked the base.\nThe attack has not been confirmed.",
])
def test_certainty_escalation_look_alikes(text):
    assert _escalations(text) == []


def test_an_unlisted_event_needs_the_statements_near_or_sharing_a_name():
    far = "\n".join(f"Paragraph {k} is about something else entirely." for k in range(8))
    hedged = "The deputy minister may have resigned."
    assert _escalations(f"{hedged}\n{far}\nHer resignation is now confirmed.") == []
    named = "Deputy minister Olena Kovalenko may have resigned."
    assert _escalations(f"{named}\n{far}\nThe resignation of Kovalenko is now confirmed.") != []


@pytest.mark.parametrize("a, b", [("resigned", "resignation"), ("kidnapped", "kidnapping"),
                                  ("evacuated", "evacuation"), ("deported", "deportation"), ("escaped", "escape")])
def test_stemmer_joins_verb_and_noun(a, b):
    from claimdesk.audit.certainty import stem
    assert stem(a) == stem(b)


def test_stemmer_keeps_different_words_apart():
    from claimdesk.audit.certainty import stem
    assert len({stem(w) for w in ("resigned", "revised", "arrested", "attacked", "injured")}) == 5


def test_spans_survive_letters_whose_lower_case_is_longer():
    text = "İstanbul İİ: the vote was on Wednesday, October 15, 2024 and TK people came."
    found = {f.kind: text[f.span[0]:f.span[1]] for f in audit(doc(text))}
    assert found == {"weekday_mismatch": "Wednesday, October 15, 2024", "placeholder": "TK"}


@pytest.mark.parametrize("text", ["", "\n\n\n", "x", "(" * 5000, "1 " * 20000, "Tuesday, " * 3000,
                                  "\x00\ufeff weird \u2028 text", "the 5 the 6 the 7 " * 500])
def test_robust_on_any_text(text):
    findings = audit(doc(text))
    assert all(f.kind in ALL_KINDS and 0 <= f.span[0] <= f.span[1] <= len(text) for f in findings)


def test_a_line_repeated_thousands_of_times_is_one_block():
    line = "The council voted on Monday to close the old library, citing the cost of repairs and falling visits."
    dups = [f for f in audit(doc("\n".join([line] * 3000))) if f.kind == "duplicated_passage"]
    assert [(f.line, f.end_line, f.related.line, f.related.end_line) for f in dups] == [(2, 3000, 1, 1)]


def test_sample_ai_disclosure_survives_its_footer_being_furniture(samples_dir: Path):
    """The sample's "Disclaimer: SOFREP utilizes AI …" line is marked as furniture (a disclaimer
    footer), as ingest marks it; the disclosure is still the article's own and must be reported."""
    from claimdesk import furniture

    text = (samples_dir / "sofrep-north-korean-deserters.txt").read_text("utf-8")
    document = furniture.mark(doc(text, date(2024, 10, 16)))
    assert document.in_furniture(document.line_span(55))
    assert [(f.kind, f.line) for f in audit(document) if f.kind == "ai_disclosure"] == [("ai_disclosure", 55)]
