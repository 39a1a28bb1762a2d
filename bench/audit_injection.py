"""Recall and precision of the audit, per finding kind, on real articles with injected defects.

Each case copies one real article (PolNeAR, MEANTIME; read in place, never stored), injects ONE
defect of one kind at a known line and records where. A finding of that kind on that line (and
pointing at the right earlier line when the defect has one) is a hit; every other finding of a
kind, in any case, counts against that kind's precision, except findings the untouched article
already gets (its own repeats, say): those are counted apart ("pre") and in a strict precision.

    .venv/bin/python bench/audit_injection.py [--per-kind 150] [--seed 7]
"""

from __future__ import annotations

import argparse
import calendar
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Callable, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.audit_corpus import Article, all_articles, corpus_dir  # noqa: E402
from claimdesk.audit import KINDS, audit  # noqa: E402
from claimdesk.models import Document, Finding  # noqa: E402


@dataclass(frozen=True)
class Expected:
    kind: str
    line: int
    end_line: int
    related_line: Optional[int] = None


@dataclass(frozen=True)
class Case:
    article: str
    text: str
    published: Optional[date]
    expected: Expected
    original: str = ""


# ---------------------------------------------------------------- editing a text by paragraphs

class Draft:
    """An article as a list of lines, with insertions that keep its paragraph style."""

    def __init__(self, text: str):
        self.lines = text.split("\n")
        self.blank_separated = sum(1 for line in self.lines if not line.strip()) >= len(self.lines) // 3

    def paragraphs(self) -> list[int]:
        """0-based indices of non-blank lines."""
        return [i for i, line in enumerate(self.lines) if line.strip()]

    def insert(self, at: int, new: list[str]) -> int:
        """Insert paragraphs before line index `at`; return the 1-based line of the first."""
        block: list[str] = []
        for k, para in enumerate(new):
            if k and self.blank_separated:
                block.append("")
            block.append(para)
        if self.blank_separated:
            block.append("")
        self.lines[at:at] = block
        return at + 1

    def text(self) -> str:
        return "\n".join(self.lines)


def _word_count(line: str) -> int:
    return len(re.findall(r"[^\W_]+", line))


# ---------------------------------------------------------------- one injector per kind

def inject_duplicate(rng: random.Random, art: Article, t: "Templates") -> Optional[Case]:
    d = Draft(art.text)
    paras = [i for i in d.paragraphs() if _word_count(d.lines[i])]  # "___" separators carry no words
    long_paras = [i for i in paras if _word_count(d.lines[i]) >= 15]
    if len(long_paras) < 4:
        return None
    n = rng.choice((1, 2, 3))
    start_k = rng.randrange(0, max(1, len(paras) // 2))
    src = [i for i in paras[start_k:start_k + n]]
    if sum(_word_count(d.lines[i]) for i in src) < 15:
        return None
    if src[-1] - src[0] != (len(src) - 1) * (2 if d.blank_separated else 1):
        return None  # keep to a run of consecutive paragraphs
    copy = [d.lines[i] for i in src]
    if rng.random() < 0.5:  # near-exact: one word changed or dropped
        k = rng.randrange(len(copy))
        words = copy[k].split(" ")
        if len(words) > 8:
            w = rng.randrange(1, len(words) - 1)
            if rng.random() < 0.5:
                del words[w]
            else:
                words[w] = "also"
            copy[k] = " ".join(words)
    after = [i for i in paras if i > src[-1]]
    at = (rng.choice(after) if after and rng.random() < 0.8 else len(d.lines))
    line = d.insert(at, copy)
    end_line = line + (len(copy) - 1) * (2 if d.blank_separated else 1)
    return Case(art.name, d.text(), art.published, Expected("duplicated_passage", line, end_line, src[0] + 1))


PLACEHOLDERS_OWN_LINE = [
    "(Screenshot)", "[Image: {who} speaking at a rally]", "[Photo]", "[VIDEO]", "INSERT GRAPHIC HERE",
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit.", "[Insert chart of poll numbers]",
    "Caption goes here", "{{{{related_articles}}}}", "[EMBED]", "TKTK",
    "As an AI language model, I cannot verify the latest figures, but here is an overview.",
    "I cannot browse the internet, so the following details may be out of date.",
    "[Photo: {who} at the press conference]", "(Image)", "[TK]", "[placeholder]",
]
PLACEHOLDERS_INLINE = [
    " [citation needed]", " [source needed]", " TK", " {{{{author_name}}}}", " [link]", " INSERT QUOTE HERE",
    " [Name]", " [number needed]", " (TK)", " ${{headline}}",
]


def inject_placeholder(rng: random.Random, art: Article, t: "Templates") -> Optional[Case]:
    d = Draft(art.text)
    paras = d.paragraphs()
    if len(paras) < 3:
        return None
    who = rng.choice(("the senator", "the candidate", "protesters", "the governor"))
    if rng.random() < 0.55:
        at = rng.choice(paras[1:])
        line = d.insert(at, [rng.choice(t.own_line).format(who=who)])
    else:
        i = rng.choice(paras[1:])
        sentence_ends = [m.end() - 1 for m in re.finditer(r" [a-z]{3,}[.](?= [A-Z])", d.lines[i])]
        cut = rng.choice(sentence_ends) if sentence_ends else len(d.lines[i].rstrip())
        phrase = rng.choice(t.inline).format()
        d.lines[i] = d.lines[i][:cut] + phrase + d.lines[i][cut:]
        line = i + 1
    return Case(art.name, d.text(), art.published, Expected("placeholder", line, line))


AI_DISCLOSURES = [
    "Disclaimer: {outlet} utilizes AI for image generation and article research.",
    "This article was written with the help of AI and reviewed by an editor.",
    "Editor's note: Portions of this story were drafted using ChatGPT.",
    "Disclosure: We used AI tools to research and summarize this report.",
    "This content was generated by artificial intelligence and edited by our staff.",
    "Note: This article was produced with the assistance of generative AI.",
    "Our newsroom uses AI to help write summaries like this one.",
    "This story was translated from Spanish using an AI model and checked by our editors.",
    "The images in this piece were created with AI.",
    "We relied on artificial intelligence to compile the figures in this report.",
]


def inject_ai(rng: random.Random, art: Article, t: "Templates") -> Optional[Case]:
    d = Draft(art.text)
    paras = d.paragraphs()
    outlet = art.name.split("/")[-1].split("_")[0].replace("-", " ").title()
    sentence = rng.choice(t.ai).format(outlet=outlet)
    at = rng.choice((len(d.lines), paras[-1] + 1, paras[1] if len(paras) > 1 else 0))
    line = d.insert(at, [sentence])
    return Case(art.name, d.text(), art.published, Expected("ai_disclosure", line, line))


WEEKDAY_SENTENCES = [
    "The hearing was held on {wd}, {md}.", "Officials met on {wd}, {md}, to discuss the plan.",
    "The statement came late {wd} ({md}).", "Results were released {wd}, {md}, by state officials.",
    "On {wd}, {md}, the campaign announced new staff.",
]


def inject_weekday(rng: random.Random, art: Article, t: "Templates") -> Optional[Case]:
    if art.published is None:
        return None
    d = Draft(art.text)
    paras = d.paragraphs()
    when = art.published - timedelta(days=rng.randrange(0, 25))
    wrong = (when.weekday() + rng.randrange(1, 7)) % 7
    wd = calendar.day_name[wrong]
    if rng.random() < 0.3:
        wd = {"Tuesday": "Tues.", "Thursday": "Thurs."}.get(wd, wd[:3] + ".")
    month = calendar.month_name[when.month]
    style = rng.random()
    if style < 0.45:
        md = f"{month} {when.day}"
    elif style < 0.7:
        md = f"{month[:3]}. {when.day}" if len(month) > 4 else f"{month} {when.day}"
    elif style < 0.85:
        md = f"{when.day} {month}"
    else:
        md = f"{month} {when.day}, {when.year}"
    sentence = rng.choice(t.weekday).format(wd=wd, md=md)
    line = d.insert(rng.choice(paras[1:] or [0]), [sentence])
    return Case(art.name, d.text(), art.published, Expected("weekday_mismatch", line, line))


def inject_duration(rng: random.Random, art: Article, t: "Templates") -> Optional[Case]:
    d = Draft(art.text)
    paras = d.paragraphs()
    pub = art.published
    n = rng.randrange(2, 9)
    words = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    kind = rng.random()
    if t.durations and pub is not None:
        y = pub.year
        sentence = rng.choice(t.durations).format(y=y, y5=y - 5, y12=y - 12, y9=y - 9, y3=y - 3, y20=y - 20)
    elif kind < 0.4 or pub is None:
        first, second = rng.choice([
            (f"nearly {words[n]} years", f"going on {words[n + 1]}"),
            (f"almost {words[n]} months", f"more than {words[n]}"),
            (f"more than {words[n]} years", f"nearly {words[n]}"),
            (f"less than {words[n]} weeks", f"over {words[n + 1]}"),
            (f"{n} years", f"going on {n + 3}"),
            (f"about {words[n]} months", f"more than {words[n + 3]} months"),
        ])
        sep = rng.choice(("({})", "— {}", ", or {}"))
        sentence = f"The dispute has dragged on for {first} {sep.format(second)}, and neither side has moved."
    else:
        # a stated duration that is off by several years from the dates beside it
        n = rng.randrange(4, 10)
        qual, stated = rng.choice([("", n + 4), ("", n - 3), ("nearly ", n - 2), ("more than ", n + 2),
                                   ("about ", n + 5), ("almost ", n + 4), ("less than ", n - 2)])
        if kind < 0.7:
            y1 = pub.year - n
            sentence = rng.choice((
                f"He has led the group since {y1}, for {qual}{stated} years.",
                f"The program has run for {qual}{stated} years, since {calendar.month_name[rng.randrange(1, 13)]} {y1}.",
                f"The mill closed {qual}{stated} years ago, in {y1}.",
            ))
        else:
            y1 = pub.year - n - 6
            y2 = y1 + n
            sentence = rng.choice((
                f"From {y1} to {y2}, a span of {qual}{stated} years, the plant was closed.",
                f"She served on the board between {y1} and {y2} — {qual}{stated} years in all.",
            ))
    line = d.insert(rng.choice(paras[1:] or [0]), [sentence])
    return Case(art.name, d.text(), art.published, Expected("inconsistent_duration", line, line))


COUNT_PAIRS = [
    ("{a} soldiers deserted their unit near the border, officials said.", "The {b} deserters have not been found."),
    ("{a} prisoners escaped from the county jail overnight.", "Police were still searching for the {b} prisoners who escaped."),
    ("At least {a} workers were injured in the blast.", "The {b} workers injured were taken to a hospital."),
    ("{a} protesters were arrested outside the venue.", "The {b} protesters arrested were released by evening."),
    ("{a} passengers were rescued from the boat.", "All {b} passengers rescued were in good health."),
    ("Organizers said {a} volunteers registered for the drive.", "The {b} volunteers registered will be trained this week."),
    ("{a} employees were laid off in March.", "The {b} employees laid off received severance."),
    ("{a} migrants defected from the caravan.", "The {b} defectors were returned."),
]


def inject_numbers(rng: random.Random, art: Article, t: "Templates") -> Optional[Case]:
    d = Draft(art.text)
    paras = d.paragraphs()
    if len(paras) < 4:
        return None
    a = rng.randrange(3, 60)
    b = a + rng.choice((-2, -1, 1, 2, 5, 10))
    if b < 2:
        b = a + 3
    first, second = rng.choice(t.counts)
    i = rng.randrange(1, len(paras) - 2)
    j = rng.randrange(i + 1, min(len(paras), i + 6))
    at_second = paras[j]
    line_second_before = d.insert(at_second, [second.format(b=b)])
    line_first = d.insert(paras[i], [first.format(a=a)])
    shift = 2 if d.blank_separated else 1
    line_second = line_second_before + shift
    return Case(art.name, d.text(), art.published,
                Expected("conflicting_numbers", line_second, line_second, line_first))


HEDGED = [
    "{n} civilians were reportedly killed in the shelling.",
    "Two aides may have been detained by police, according to unconfirmed reports.",
    "Several guards allegedly deserted their posts.",
    "{n} people are believed to have died in the fire.",
    "There were unconfirmed reports of casualties near the checkpoint.",
]
CERTAIN = [
    "With confirmed deaths, the pressure on the government is mounting.",
    "The detentions are now confirmed, and the party is furious.",
    "It is clear the guards deserted, and the prison is in chaos.",
    "The confirmed casualties have shaken the town.",
    "It is now certain that people were killed.",
]
PAIRS = [(0, 0), (0, 3), (0, 4), (1, 1), (2, 2), (3, 0), (3, 3), (4, 3), (4, 0)]


def inject_certainty(rng: random.Random, art: Article, t: "Templates") -> Optional[Case]:
    d = Draft(art.text)
    paras = d.paragraphs()
    if len(paras) < 4:
        return None
    h, c = rng.choice(t.certainty_pairs)
    i = rng.randrange(1, len(paras) - 2)
    j = rng.randrange(i + 1, min(len(paras), i + 3))
    line_second_before = d.insert(paras[j], [t.certain[c]])
    line_first = d.insert(paras[i], [t.hedged[h].format(n=rng.choice(("Six", "Three", "Twelve")))])
    line_second = line_second_before + (2 if d.blank_separated else 1)
    return Case(art.name, d.text(), art.published,
                Expected("certainty_escalation", line_second, line_second, line_first))


@dataclass(frozen=True)
class Templates:
    """The wording of injected defects (see --templates). 'dev' was used while building the checks.
    'heldout' was written afterwards in other words; its first run found gaps (recall: placeholder
    48%, ai_disclosure 83%, inconsistent_duration 23%, conflicting_numbers 39%) that were then
    closed, so it is no longer held out. 'third' was written after that; its first run: recall 100%
    but placeholder 97.3% ('[link to poll]') and certainty_escalation 75.3% ('with injuries
    confirmed'), precision >= 99.3%; both gaps were then closed too."""
    own_line: list[str]
    inline: list[str]
    ai: list[str]
    weekday: list[str]
    counts: list[tuple[str, str]]
    hedged: list[str]
    certain: list[str]
    certainty_pairs: list[tuple[int, int]]
    durations: list[str]   # empty: generated from qualifiers and dates


TEMPLATES = {
    "dev": Templates(PLACEHOLDERS_OWN_LINE, PLACEHOLDERS_INLINE, AI_DISCLOSURES, WEEKDAY_SENTENCES, COUNT_PAIRS,
                     HEDGED, CERTAIN, PAIRS, []),
    "third": Templates(
        own_line=[
            "[Insert map of the district]", "(Video)", "[Chart: turnout since 2000]", "PHOTO TK",
            "[Photo caption TK]", "Lorem ipsum.", "[Gallery]", "((Headline goes here))",
            "As an AI language model, I do not have access to current polling data.",
            "I don't have real-time information, so these figures may be outdated.",
            "{{{{quote_of_the_day}}}}", "[Infographic]", "[Image via Getty]",
        ],
        inline=[" [TK]", " [need source]", " [citation needed]", " (TKTK)", " [link to poll]", " {{{{date}}}}",
                " [check spelling]", " INSERT NUMBER HERE", " [NAME]", " [TBD]"],
        ai=[
            "This article was created with the assistance of AI and reviewed by our editorial team.",
            "Editor's note: AI tools were used to transcribe and summarize the interviews in this report.",
            "Portions of this story were generated using artificial intelligence.",
            "Disclaimer: This post was written with ChatGPT.",
            "Our reporters used AI to analyze the data in this article.",
            "This content was produced with the help of an AI writing tool.",
        ],
        weekday=["Early voting begins {wd}, {md}, county officials said.", "The verdict came on {wd} ({md}).",
                 "Services will be held {wd}, {md}, at the church.", "Sources said the meeting on {wd}, {md} was tense."],
        counts=[
            ("{a} students were expelled after the protest.", "The {b} students expelled plan to appeal."),
            ("Officials said {a} patients were infected at the clinic.", "The {b} infected patients are in stable condition."),
            ("{a} officers were fired over the incident.", "The {b} fired officers have sued the city."),
            ("Authorities arrested {a} suspects on Tuesday.", "All {b} suspects arrested were charged with fraud."),
            ("{a} miners were trapped underground.", "Crews reached the {b} trapped miners on Friday."),
        ],
        hedged=["Several civilians were reportedly killed in the raid.", "The journalist may have been detained.",
                "Troops were rumored to be deployed to the border.", "At least 5 guards allegedly deserted.",
                "Unconfirmed reports spoke of injuries at the site."],
        certain=["The confirmed deaths prompted an inquiry.", "His detention is now confirmed.",
                 "The deployment has been confirmed, alarming neighbors.", "It is clear the guards deserted.",
                 "With injuries confirmed, the site was closed."],
        certainty_pairs=[(0, 0), (1, 1), (2, 2), (3, 3), (4, 4)],
        durations=[
            "The drought has lasted almost two years (going on three).",
            "He has been in office for less than a year, or more than two by his own count.",
            "The siege lasted nearly a week (more than nine days, residents said).",
            "The plant, opened in {y20}, has operated for only eight years.",
            "From {y12} to {y9} - a period of eight years - the bridge was closed.",
            "She has run the charity since {y3}, for more than seven years.",
            "The mine closed about two years ago, in {y12}.",
        ],
    ),
    "heldout": Templates(
        own_line=[
            "[Screenshot via Twitter]", "(Photo)", "[Graphic: poll results by state]", "PHOTO HERE",
            "[INSERT PHOTO OF THE SCENE]", "Image: TK", "[Embed tweet]", "Lorem ipsum dolor sit amet consectetur.",
            "[Pull quote]", "{{{{ byline }}}}", "As an AI developed by OpenAI, I don't have personal opinions.",
            "I'm sorry, but I cannot browse the internet to verify this.", "[VIDEO EMBED]", "(Screenshot/YouTube)",
        ],
        inline=[" (tk)", " [CITATION NEEDED]", " [confirm figure]", " [add link]", " [[link]]", " {{company_name}}",
                " <insert quote>", " TKTK", " [source?]", " XX"],
        ai=[
            "This summary was generated by an AI tool and checked by a journalist.",
            "Parts of this report were written using artificial intelligence.",
            "AI was used to help research this article.",
            "Disclosure: this piece was produced with help from a large language model.",
            "The text above was machine-generated with ChatGPT and lightly edited.",
            "We use generative AI to draft some of our coverage, including this story.",
            "Note: An AI assistant helped translate this interview.",
            "The illustration accompanying this story was generated with AI.",
        ],
        weekday=["Voting ends {wd}, {md}.", "Police said the shooting happened early {wd}, {md}.",
                 "{wd}, {md}: the deadline for filings.", "The rally is scheduled for {wd}, {md} in Des Moines."],
        counts=[
            ("Twelve firefighters were hurt battling the blaze.", "The {b} firefighters hurt are expected to recover."),
            ("Police detained {a} men after the raid.", "The {b} men detained were later released."),
            ("Some {a} hostages were freed on Sunday.", "The {b} freed hostages arrived in the capital."),
            ("{a} senators voted against the bill.", "The {b} senators who voted against it said they would try again."),
            ("Rescuers evacuated {a} residents.", "All {b} evacuated residents have returned."),
        ],
        hedged=["The minister was allegedly arrested at the airport.", "As many as 30 soldiers may have been killed.",
                "Unverified footage appeared to show troops deployed near the border.",
                "Two reporters are thought to have been detained."],
        certain=["The confirmed arrest has stunned the country.", "Those deaths are undeniable, and families are grieving.",
                 "The deployment is now confirmed.", "It's clear the reporters were detained."],
        certainty_pairs=[(0, 0), (1, 1), (2, 2), (3, 3)],
        durations=[
            "The standoff, which began nearly three years ago (going on four), shows no sign of ending.",
            "It has been less than a year — more than two, by some counts — since the merger.",
            "He spent almost a decade (more than twelve years) in prison.",
            "The company, founded in {y20}, has existed for just six years.",
            "Between {y12} and {y9} — a stretch of nine years — she taught in Ohio.",
            "It has been more than 10 years since {y3}.",
            "The law, in force since {y5}, has shaped hiring for nearly two decades.",
            "Talks have gone on for two weeks (nearly a month, officials concede).",
        ],
    ),
}


# 'forms': certainty_escalation only, written before its first run (issue 13, point 7): the
# confirmed statement names the hedged event by another word form or a synonym. The other kinds
# keep the 'third' wording. First run (seed 7, 150 cases): recall 46.0%, precision 100% (missed
# fled/escape, attacked/strike, abducted/kidnapping, shot/shooting, bombed/bombardment,
# resigned/resignation); after event_families.json and the stemmer: 100% / 100%.
TEMPLATES["forms"] = replace(
    TEMPLATES["third"],
    hedged=["Two aid workers were reportedly killed near the checkpoint.",
            "The opposition leader was allegedly arrested overnight.",
            "Dozens of prisoners may have fled the jail.",
            "Some conscripts reportedly deserted their unit.",
            "Several villagers were reportedly injured in the blast.",
            "The convoy was allegedly attacked on the highway.",
            "Three journalists are believed to have been abducted.",
            "Two protesters were possibly shot by the guards.",
            "The bridge was reportedly bombed overnight.",
            "The minister may have resigned."],
    certain=["The confirmed deaths of the aid workers drew condemnation.",
             "His arrest is now confirmed.",
             "The escape is now confirmed, and a manhunt is under way.",
             "The desertions are confirmed, and the unit has been disbanded.",
             "The confirmed wounded were taken to the district hospital.",
             "It is now clear the strike hit the convoy.",
             "The kidnapping is now confirmed.",
             "The shooting is now confirmed.",
             "The bombardment is confirmed, and traffic has been diverted.",
             "Her resignation is now confirmed."],
    certainty_pairs=[(k, k) for k in range(10)],
)


# 'fourth': every kind in new words, written in session 21 (2026-12-04) before its first run, to
# measure how the checks carry to wording nobody tuned them on. First run (seed 7, 150 cases a kind):
# recall duplicated_passage, weekday_mismatch, inconsistent_duration, conflicting_numbers 100%,
# placeholder 63.3% ('[to come]', 'PIC TO COME', '[[HED]]', '[SPOKESPERSON NAME]', '[fact-check this]',
# '[Interactive graphic]', '[Table: …]', 'I do not have access to live news'), ai_disclosure 66.7%
# ('composed with Claude', 'machine learning tools'), certainty_escalation 68.0% (fled/flight; and a
# template of ours, 'Damage to the dam is confirmed, engineers said', which names a new source: the
# check was right not to fire, and the template lost its source); precision >= 99.3%. After the
# patterns, the assistant names, 'their flight' and a damage family: 100% but certainty_escalation 99.3%;
# a review then narrowed what it found raising false alarms (people called Claude, 'composed of',
# '(Table 2)', '[table-tennis]', wiki links, '[Fact Check Unit]', a bare 'flight', legal 'damages').
TEMPLATES["fourth"] = Templates(
    own_line=[
        "[Map: front line as of this morning]", "(Audio)", "[Table: casualties by region]", "PIC TO COME",
        "[caption to come]", "Lorem ipsum dolor.", "[Slideshow]", "[[HED]]",
        "As an AI, I cannot confirm events that happened after my training data.",
        "I do not have access to live news, so please verify these figures independently.",
        "{{{{author_name}}}}", "[Interactive graphic]", "[Photo: Reuters]",
    ],
    inline=[" [TKTK]", " [add source]", " [verify]", " (TK)", " [link to report]", " {{{{place}}}}",
            " [fact-check this]", " INSERT QUOTE HERE", " [SPOKESPERSON NAME]", " [to come]"],
    ai=[
        "This report was drafted with the help of an AI model and edited by staff.",
        "Editor's note: artificial intelligence was used to translate the witness statements quoted here.",
        "Some passages in this article were written by an AI system.",
        "Disclaimer: this story was composed with Claude and reviewed by an editor.",
        "Our newsroom used machine learning tools to sort the documents cited in this story.",
        "AI-assisted: portions of this text were produced by a language model.",
    ],
    weekday=["The ceasefire takes effect {wd}, {md}, both sides said.", "The hearing resumed on {wd} ({md}).",
             "Polls close at 8 p.m. {wd}, {md}.", "Witnesses said the convoy left on {wd}, {md} at dawn."],
    counts=[
        ("{a} sailors were rescued from the sinking ferry.", "The {b} rescued sailors were flown to the mainland."),
        ("Officials said {a} homes were destroyed by the floods.", "Rebuilding the {b} destroyed homes could take years."),
        ("{a} prisoners were released under the amnesty.", "The {b} released prisoners must report to police weekly."),
        ("Police questioned {a} witnesses on Monday.", "All {b} witnesses questioned gave similar accounts."),
        ("{a} soldiers were wounded in the ambush.", "The {b} wounded soldiers were evacuated by helicopter."),
    ],
    hedged=["Four medics were reportedly killed when the ambulance was hit.",
            "The mayor has allegedly been detained by security forces.",
            "Hundreds of residents may have fled the town overnight.",
            "The dam was reportedly damaged in the shelling.",
            "Two pilots are believed to have been captured."],
    certain=["The deaths of the medics are now confirmed.", "The mayor's detention has been confirmed.",
             "Their flight is now confirmed, and the town is nearly empty.",
             "Damage to the dam is now confirmed.", "The capture of the pilots is confirmed."],
    certainty_pairs=[(0, 0), (1, 1), (2, 2), (3, 3), (4, 4)],
    durations=[
        "The blockade has lasted nearly four years (going on five).",
        "She has led the agency for less than a year, or more than three by her own account.",
        "The outage lasted almost two days (more than a week, some residents said).",
        "The factory, built in {y20}, has been running for only ten years.",
        "From {y12} to {y9} - a span of seven years - the road stayed closed.",
        "He has coached the team since {y3}, for more than eight years.",
        "The clinic shut about three years ago, in {y12}.",
    ],
)


INJECTORS: dict[str, Callable[[random.Random, Article, Templates], Optional[Case]]] = {
    "duplicated_passage": inject_duplicate,
    "placeholder": inject_placeholder,
    "ai_disclosure": inject_ai,
    "weekday_mismatch": inject_weekday,
    "inconsistent_duration": inject_duration,
    "conflicting_numbers": inject_numbers,
    "certainty_escalation": inject_certainty,
}


# ---------------------------------------------------------------- building and scoring

def build_cases(articles: list[Article], per_kind: int, seed: int = 7, templates: str = "dev") -> list[Case]:
    rng = random.Random(seed)
    t = TEMPLATES[templates]
    cases = []
    for kind, inject in INJECTORS.items():
        made = 0
        pool = articles[:]
        rng.shuffle(pool)
        for art in pool:
            if made >= per_kind:
                break
            case = inject(rng, art, t)
            if case:
                cases.append(Case(case.article, case.text, case.published, case.expected, art.text))
                made += 1
    return cases


def is_hit(f: Finding, e: Expected) -> bool:
    if f.kind != e.kind or not (f.line <= e.line <= f.end_line) or f.end_line != e.end_line:
        return False
    if e.related_line is not None:
        return f.related is not None and f.related.line == e.related_line
    return True


@dataclass
class Score:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    pre: int = 0  # findings already made on the untouched article (its own defects, or its own false alarms)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def strict_precision(self) -> float:
        """Counting every pre-existing finding as a false alarm too."""
        return self.tp / (self.tp + self.fp + self.pre) if self.tp + self.fp + self.pre else 1.0


def score(cases: list[Case], misses: Optional[list] = None) -> dict[str, Score]:
    scores = {kind: Score() for kind in KINDS}
    before: dict[str, Counter] = {}
    for case in cases:
        if case.article not in before:
            clean = Document.from_text(case.original, source=case.article, published=case.published)
            before[case.article] = Counter((f.kind, f.quote) for f in audit(clean))
        already = Counter(before[case.article])
        doc = Document.from_text(case.text, source=case.article, published=case.published)
        hit = False
        for f in audit(doc):
            if f.kind not in scores:
                continue  # a note of reading the text ("control_characters"), no audit check
            if not hit and is_hit(f, case.expected):
                hit = True
                scores[f.kind].tp += 1
            elif already[(f.kind, f.quote)] > 0:
                already[(f.kind, f.quote)] -= 1
                scores[f.kind].pre += 1
            else:
                scores[f.kind].fp += 1
                if misses is not None:
                    misses.append(("false alarm", case, f))
        if not hit:
            scores[case.expected.kind].fn += 1
            if misses is not None:
                misses.append(("missed", case, None))
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-kind", type=int, default=150)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--templates", choices=sorted(TEMPLATES), default="dev",
                        help="wording of the injected defects: dev (used while building) or heldout")
    parser.add_argument("--show", action="store_true", help="print every miss and false alarm")
    args = parser.parse_args()
    corpus = corpus_dir()
    if not corpus.is_dir():
        print(f"corpus not found at {corpus} (set CLAIMDESK_CORPUS)", file=sys.stderr)
        return 2
    articles = list(all_articles(corpus))
    cases = build_cases(articles, args.per_kind, args.seed, args.templates)
    misses: list = []
    scores = score(cases, misses if args.show else None)
    if args.show:
        for what, case, f in misses:
            print(what, case.article, case.expected, "" if f is None else (f.kind, f.line, f.quote[:100]))
    print(f"{len(cases)} cases from {len(articles)} real articles, seed {args.seed}, {args.templates} templates")
    print("pre: findings the untouched article already gets (listed by bench/audit_corpus.py --scan);")
    print("precision leaves them out, strict precision counts them as false alarms")
    print(f"{'kind':24} {'cases':>5} {'TP':>4} {'FN':>4} {'FP':>4} {'pre':>4} {'recall':>7} {'precision':>9} {'strict':>7}")
    worst = 1.0
    for kind, s in scores.items():
        print(f"{kind:24} {s.tp + s.fn:5} {s.tp:4} {s.fn:4} {s.fp:4} {s.pre:4} {s.recall:7.1%} "
              f"{s.precision:9.1%} {s.strict_precision:7.1%}")
        worst = min(worst, s.recall, s.precision)
    return 0 if worst >= 0.95 else 1


if __name__ == "__main__":
    sys.exit(main())
