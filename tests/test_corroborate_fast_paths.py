"""The cheaper readings corroboration uses on its hot paths give what the plain readings give, on real
articles (PolNeAR train, news_cluster pages) and on edge cases written for this test: each is compared
with the straightforward definition it replaced (one regular expression tried at every word, a text
re-read per sentence), which stays here as the reference."""

from __future__ import annotations

import re

import pytest

from claimdesk.corroborate import credits as credits_module
from claimdesk.corroborate.copies import SpanShingles, shares_any, shingles
from claimdesk.corroborate.deeds import (_AIRBORNE_DESTROYED, _ATTRIBUTIVE, _FORMS, _HIT, _IN_THE_AIR, _NO_DEATHS,
                                        _NO_HARM, _OTHER_SENSE, NO_DEATHS, UNHARMED, deeds)
from claimdesk.corroborate.passages import SentenceShingles, sentences
from claimdesk.corroborate.vectors import _STOP, _term_analyzer, _words, names, title_cased

_DEED_REFERENCE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _FORMS), key=len, reverse=True)) + r")\b", re.I)


def _deeds_reference(text: str) -> frozenset[str]:
    # the no-harm phrases are read by one expression in both (what is compared is the word forms around them)
    spared = [m.span() for m in _NO_HARM.finditer(text)]
    survived = [m.span() for m in _NO_DEATHS.finditer(text)]
    others = [m.span() for m in _OTHER_SENSE.finditer(text)] + spared + survived
    found = {_FORMS[m.group(1).lower()] for m in _DEED_REFERENCE.finditer(text)
             if not (m.group(1).lower().endswith("ed") and _ATTRIBUTIVE.search(text, 0, m.start()))
             and not any(s <= m.start() < e for s, e in others)}
    if _HIT.search(text):
        found.add("strike")
    if _AIRBORNE_DESTROYED.search(text) and _IN_THE_AIR.search(text):
        found.add("intercept")
    if spared:
        found.add(UNHARMED)
    if survived:
        found.add(NO_DEATHS)
    return frozenset(found)


def _names_reference(text: str) -> set[str]:
    return {n for line in text.split("\n") if not title_cased(line) for n in _words(line)[1]}


def _credits_reference(text: str, batch_names: dict[str, str]) -> list[tuple]:
    if not credits_module._CREDIT.search(text):
        return []
    out = []
    named = credits_module._Named(text, batch_names)
    for start, end in credits_module._sentences(text):
        for m in credits_module._CREDIT.finditer(text, start, end):
            name = next((g for g in m.groups() if g), "")
            found = credits_module._outlet(name, batch_names) or named.before(m.start(), name)
            if found is not None:
                out.append((found[0], found[1], (start, end)))
                break
    return out


EDGE_CASES = [
    "Russia launched 476 drones at Ukraine, setting a power plant ablaze and killing three people",
    "The death toll rose to five; the death-toll figure was revised. KILLED in action: 4",
    "Debris from a downed drone fell on the refinery, starting a fire that was shot down later",
    "a  \n  downed drone; the\n\nwounded were taken away; the economy was hurt by sanctions",
    "İstanbul said the strike killed two. Officials told The New York Times the toll rose.",
    "Asked about it, the newspaper said the report was wrong, the Kyiv Post reported.",
    "Reporting by Jane Doe; editing by John Roe\nThe House Passes Bill For Gun Owners",
    "x_killed killed_x 2killed set fire to setfire struck a deal; he struck Kharkiv",
    "In a statement emailed to Reuters, the ministry said three people died, via the BBC.",
    "the" + " " * 38 + "wounded were taken away; a\n" + " " * 40 + "downed drone; the\t\n  killed",
    "Air defence systems destroyed 17 Ukrainian drones over the Voronezh region; DESTROYED 3 UAVs",
]


def _real_texts(corpus_dir, limit: int = 120) -> list[str]:
    from bench.corpora.news_cluster import read_page

    texts = [p.read_text(encoding="utf-8") for p in sorted((corpus_dir / "polnear" / "train" / "text").glob("*.txt"))[:limit]]
    pages = [read_page(p) for p in sorted((corpus_dir / "news_cluster").glob("*.json"))[:limit]]
    return texts + [p.document.text for p in pages if p is not None] + EDGE_CASES


@pytest.fixture(scope="module")
def real_texts(corpus_dir) -> list[str]:
    texts = _real_texts(corpus_dir)
    assert len(texts) > 200
    return texts


def test_deed_forms_read_word_by_word_are_the_forms_the_expression_finds(real_texts):
    sentences_read = [text[s:e] for text in real_texts for s, e in sentences(text)] + EDGE_CASES
    told = [s for s in sentences_read if _deeds_reference(s)]
    assert len(told) > 300  # the comparison covers sentences that tell deeds, not only empty ones
    assert [deeds(s) for s in sentences_read] == [_deeds_reference(s) for s in sentences_read]
    assert deeds("the wounded soldier; debris of a downed drone") == frozenset()  # attributive participles
    assert deeds("The death toll rose") == {"kill"}


def test_names_read_once_per_line_are_the_names_of_the_whole_reading(real_texts):
    assert [names(t) for t in real_texts] == [_names_reference(t) for t in real_texts]
    assert [_term_analyzer(t) for t in real_texts] == [_words(t)[0] for t in real_texts]
    assert names("Reporting by Jane Doe\nThe House Passes Bill For Gun Owners") == {"jane", "doe"}
    assert all(w not in _STOP for t in real_texts[:20] for w in _term_analyzer(t))


def test_shingles_of_a_span_read_from_the_whole_text_equal_the_span_read_alone(real_texts):
    compared = 0
    for text in real_texts:
        read = SpanShingles(text)
        for s, e in sentences(text):
            assert read.of(s, e).tolist() == shingles(text[s:e]).tolist()
            compared += 1
    assert compared > 5000


def test_a_page_sharing_no_shingle_with_another_shares_no_sentence_with_it(real_texts):
    # `sourcing` reads a page's sentences only for candidates whose shingle sets meet its own
    whole = [shingles(t) for t in real_texts[:120]]
    met = skipped = 0
    for i, text in enumerate(real_texts[:120]):
        read = SentenceShingles(text)
        for j in range(max(0, i - 6), i):
            meets = shares_any(whole[i], whole[j].astype("uint32"))
            assert meets == bool(len(set(whole[i].tolist()) & set(whole[j].tolist())))
            if meets:
                met += 1
            else:
                skipped += 1
                assert read.shares(whole[j]) is None
    assert met and skipped
    assert not shares_any(whole[0], whole[0][:0])


def test_credits_found_through_the_cue_words_are_the_credits_the_expression_finds(real_texts):
    batch = {"newsweek": "newsweek.com", "theguardian": "theguardian.com", "kyivpost": "kyivpost.com"}
    got = [[(c.outlet, c.key, c.span) for c in credits_module.credits(t, batch)] for t in real_texts]
    assert got == [_credits_reference(t, batch) for t in real_texts]
    assert sum(1 for g in got if g) > 20
    # a sentence whose only cue is "via", or a generic name before "said", still credits
    assert [c.key for c in credits_module.credits("He replied to the letter via The New York Times.", {})] == ["nytimes.com"]
    assert [c.key for c in credits_module.credits(
        "She told The New York Times she was hurt. The footage was real, the newspaper said.", {})] == ["nytimes.com"] * 2
