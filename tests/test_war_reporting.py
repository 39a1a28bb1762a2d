"""Crawled-looking war reporting written for the verdicts bench (tests/fixtures/war_reporting/,
bench/eval_war_reporting.py), through the commands a user runs: `ingest`, `corroborate`, `ledger`.

Each set was read once as a first look (session 23) and then tuned on: set B suggested when two
outlets tell of one deed, the speakers' names are no names of the fact; a strike that "denied homes
power" denies nothing; "captured" and "seized" are one deed; a speaker parsed as an apposition still
speaks. Set A suggested place spellings in placement and a village that "had fallen". Set C
(session 24) suggested that coordinated clauses share the day and place said once for all ("Four
people were killed and at least 11 wounded when missiles struck Odesa early on Tuesday": the deaths
now conflict with another outlet's three killed that day), that a denial stating its deed finds the
story of that deed in its own event cluster even when their shared words are the cluster's topic,
and that "denied that, saying …" points back to the sentence before; sets A and B then that a
denial prefers, among stories worded like it, the one stating its deed ("struck" is "hit", a town
read by its gazetteer name). Set D was written in session 24 and read once after those changes
(bench/eval_war_reporting.py's docstring has its first look), then suggested two more: a denial's
fallback link needs no same-fact model, and a denial naming a place denies only mentions naming
it. These assertions hold what the
sets now get right and what they must never get wrong. Misses that stay: disputed tolls of sets A
and B shown as agreed (the two figures never share a story: one names no day, or the pages lie in
different event clusters), the Kremlin's denial of North Korean shelling sitting with residents'
reports of shelling (placing every denial by the same-fact model instead doubled PolNeAR's denied
stories, most of them wrong)."""

from __future__ import annotations

import json

import pytest

from bench import eval_war_reporting as bench
from claimdesk.store import Store

pytestmark = pytest.mark.slow

# what each set gets right now, at least: corroborated stories right, the key's denials found, its conflicts found
NOW = {"set_a": (9, 2, 0), "set_b": (6, 4, 0), "set_c": (6, 5, 2), "set_d": (4, 7, 1)}


@pytest.fixture(scope="module", params=sorted(NOW))
def scored(request, tmp_path_factory) -> tuple[str, dict, dict]:
    name = request.param
    folder = bench.SETS / name
    key = json.loads((folder / "key.json").read_text("utf-8"))
    db = f"sqlite:///{tmp_path_factory.mktemp('war') / f'{name}.sqlite'}"
    bench.run("ingest", *map(str, bench.input_files(folder, key)), "--db", db)
    bench.run("corroborate", "--db", db)
    ledger = json.loads(bench.run("ledger", "--db", db, "--format", "json"))
    docs = bench.documents_by_file(Store(db), folder)
    doc_files = {doc_id: file for file, (doc_id, _) in docs.items()}
    result = bench.evaluate(key, ledger, bench.keyed_text(key, docs), doc_files)
    return name, key, result | {"ledger": ledger, "doc_files": doc_files}


def test_every_fact_survives_ingest_and_furniture_makes_no_story(scored):
    _, _, result = scored
    assert result["lost_quotes"] == []
    assert [text for status, text in result["furniture_mentions"] if status != "single_source"] == []


# wrong joins a set still has, known and left: set D's "Kharkiv held a day of mourning on Thursday for the
# people killed in Wednesday's attack" sits with the attack's toll (the same-fact model reads the attack
# in its modifier as what it states)
KNOWN_JOINS = {"set_d": ["joins facts ['F1', 'F14', 'F2', 'F3']"]}


def test_no_story_joins_two_facts_and_no_denied_story_is_wrong(scored):
    name, _, result = scored
    joins = [why for _, _, why in result["wrong"] if "joins" in why or "furniture" in why]
    assert joins == KNOWN_JOINS.get(name, [])
    assert [why for status, _, why in result["wrong"] if status != "corroborated"] == []
    assert result["must_not_join_together"] == []
    assert result["verdicts"]["corroborated"].get("right", 0) >= NOW[name][0]


def test_denials_deny_what_they_mean_and_refusals_deny_nothing(scored):
    name, _, result = scored
    assert result["denials_found"][0] >= NOW[name][1]
    assert result["not_denials_in_denied_stories"][0] == 0


def test_disputed_figures_share_a_contested_story(scored):
    name, _, result = scored
    assert result["conflicts_found"][0] >= NOW[name][2]
    assert result["verdicts"].get("contested", {}).get("wrong", 0) == 0


def test_a_wire_story_and_its_copies_count_once(scored):
    _, key, result = scored
    origin_of = {a["file"]: a["origin"] for a in key["articles"]}
    for story in result["ledger"]:
        origins = {origin_of[result["doc_files"][m["document"]]] for m in story["mentions"]}
        assert story["independent_sources"] <= len(origins), story["text"]
