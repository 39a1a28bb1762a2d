"""A store the report, ledger and web tests share: real articles (the sample and PolNeAR texts) with
claims and stories built by hand on spans of their real words, plus one hostile article whose text
is HTML markup, so every renderer is tested on input that tries to become code.

`build_store` is imported by the other report/ledger/web tests; the tests here check that it holds
what they rely on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from claimdesk.models import (
    Attribution, Claim, Contradiction, Document, Finding, Mention, Place, Quantity, Related, Story, When,
)
from claimdesk.store import Store, open_store
from claimdesk.store.stories import get_story, save_stories

SAMPLE = "sofrep-north-korean-deserters.txt"
HOSTILE_TEXT = (
    "Officials said <script>alert('pwned')</script> 25 North Korean soldiers were killed near Kursk "
    "<img src=x onerror=alert(1)> on Tuesday.\n"
    "Closing line with </script><!-- a comment opener and a \u2028 line separator.\n"
)
KURSK = Place(name="Kursk", lat=51.73, lon=36.19, country="RU", geonameid=538560)
BRYANSK = Place(name="Bryansk", lat=53.25, lon=34.37, country="RU", geonameid=571476)
HOSTILE_PLACE = Place(name="Oryol <img src=x onerror=alert(3)>", lat=52.97, lon=36.07, country="RU")
WASHINGTON = Place(name="Washington, D.C.", lat=38.9, lon=-77.04, country="US", geonameid=4140963)


@dataclass
class Built:
    store: Store
    sample: Document
    hostile: Document
    polnear: list[Document]
    stories: dict[str, Story] = field(default_factory=dict)


def _sentence(text: str, quote: str) -> tuple[int, int]:
    """The line of `text` holding `quote`, as a span."""
    at = text.index(quote)
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def _first_body_sentence(text: str) -> tuple[int, int]:
    for m in re.finditer(r"[^\n]{100,}", text):
        stop = text.find(". ", m.start(), m.end())
        return m.start(), (stop + 1 if stop > 0 else m.end())
    raise ValueError("no body line of 100+ characters")


def _claim(doc: Document, span: tuple[int, int], **fields) -> Claim:
    return Claim(id=Claim.make_id(doc.id, span), document_id=doc.id, text=doc.text[span[0]:span[1]], span=span,
                 line=doc.line_of(span[0]), extractor="hand-made/1", **fields)


def _mention(doc: Document, claim: Claim, copy_of: str | None = None) -> Mention:
    return Mention(claim=claim.id, document=doc.id, outlet=doc.outlet, url=doc.url, published=doc.published,
                   span=claim.span, text=claim.text, attribution=claim.attribution, hedges=claim.hedges,
                   polarity=claim.polarity, copy_of=copy_of)


def _polnear_docs(corpus_dir: Path, count: int) -> list[Document]:
    files = sorted((corpus_dir / "polnear" / "train" / "text").glob("*.txt"))
    by_outlet: dict[str, Path] = {}
    for f in files:  # one article per outlet first, so stories can have independent sources
        by_outlet.setdefault(f.name.split("_")[0], f)
    chosen = list(by_outlet.values()) + [f for f in files if f not in by_outlet.values()]
    docs = []
    for f in chosen[:count]:
        outlet, day, slug = f.stem.split("_", 2)
        docs.append(Document.from_text(
            f.read_text(encoding="utf-8"), source=str(f), outlet=outlet, url=f"https://{outlet}.example/{slug}",
            title=slug.replace("-", " "), published=date.fromisoformat(day)))
    return docs


def build_store(url: str, samples_dir: Path, corpus_dir: Path, extra_polnear: int = 0) -> Built:
    store = open_store(url)
    sample_text = (samples_dir / SAMPLE).read_text(encoding="utf-8")
    sample = Document.from_text(sample_text, source=str(samples_dir / SAMPLE), outlet="sofrep.com",
                                url="https://sofrep.com/news/north-korean-deserters/", title="North Korean deserters",
                                published=date(2024, 10, 16))
    hostile = Document.from_text(HOSTILE_TEXT, source="hostile.txt", outlet="<b>Evil</b> Outlet",
                                 url="javascript:alert('url')//https://evil.example/a?x=1&y=<script>", title="<script>alert('title')</script>",
                                 published=date(2024, 10, 17))
    polnear = _polnear_docs(corpus_dir, 7 + extra_polnear)

    desertion = _claim(
        sample, _sentence(sample_text, "18 North Korean soldiers have reportedly deserted"), event_type="desertion",
        actors=["North Korean soldiers"], hedges=["reportedly"],
        attribution=Attribution(kind="anonymous", source="unnamed intelligence officials", cue="according to"),
        when=When(text="Tuesday, October 15", value="2024-10-15", granularity="day"), places=[KURSK],
        quantities=[Quantity(text="18", value=18, unit="soldiers")], checkworthiness=0.94)
    deployment = _claim(
        sample, _sentence(sample_text, "up to 10,000 North Korean troops"), event_type="deployment",
        actors=["North Korean troops"], hedges=["may"], attribution=Attribution(kind="vague", cue="reports suggesting"),
        places=[BRYANSK], quantities=[Quantity(text="up to 10,000", value=10000, qualifier="up_to")])
    hostile_span = (0, HOSTILE_TEXT.index("\n"))
    second_line = (hostile_span[1] + 1, len(HOSTILE_TEXT) - 1)
    hostile_second = _claim(hostile, second_line, event_type="other", places=[HOSTILE_PLACE])
    hostile_claim = _claim(hostile, hostile_span, event_type="casualty", actors=["<script>x</script> soldiers"],
                           attribution=Attribution(kind="anonymous", source="<i>officials</i>", cue="said"),
                           hedges=["<b>near</b>"], places=[KURSK])
    store.add_document(sample, claims=[desertion, deployment], findings=[Finding(
        kind="duplicated_passage", severity="error", line=10, end_line=18,
        span=(sample.line_span(10)[0], sample.line_span(18)[1]), quote=sample.text[slice(*sample.line_span(10))],
        message="lines 10-18 repeat lines 1-9 word for word", related=Related(line=1, end_line=9))])
    store.add_document(hostile, claims=[hostile_claim, hostile_second], findings=[Finding(
        kind="placeholder", severity="warning", line=1, end_line=1, span=(15, 47), quote=HOSTILE_TEXT[15:47],
        message="markup <script> left in the body")])
    polnear_claims = []
    for doc in polnear:
        claim = _claim(doc, _first_body_sentence(doc.text), event_type="statement", actors=[doc.outlet or ""])
        polnear_claims.append(claim)
        store.add_document(doc, claims=[claim])

    p = polnear_claims
    stories = [
        Story(id="story-contested", text=desertion.text, event_type="desertion", status="contested",
              independent_sources=2, first_seen=date(2024, 10, 16), when=desertion.when, places=[KURSK],
              mentions=[_mention(sample, desertion), _mention(hostile, hostile_claim)],
              contradictions=[Contradiction(kind="number", detail="18 deserted vs 25 <b>killed</b>",
                                            mentions=[desertion.id, hostile_claim.id])]),
        Story(id="story-corroborated", text=p[0].text, event_type="statement", status="corroborated",
              independent_sources=2, first_seen=polnear[0].published, places=[WASHINGTON],
              mentions=[_mention(polnear[0], p[0]), _mention(polnear[1], p[1])]),
        Story(id="story-single", text=deployment.text, event_type="deployment", status="single_source",
              independent_sources=1, first_seen=date(2024, 10, 16), places=[BRYANSK],
              mentions=[_mention(sample, deployment)]),
        Story(id="story-denied", text=p[2].text, event_type="denial", status="denied", independent_sources=1,
              first_seen=polnear[2].published, mentions=[_mention(polnear[2], p[2])],
              contradictions=[Contradiction(kind="denial", detail="a party denies it", mentions=[p[2].id])]),
        Story(id="story-copied", text=p[3].text, event_type="statement", status="single_source",
              independent_sources=1, first_seen=polnear[3].published,
              mentions=[_mention(polnear[3], p[3]), _mention(polnear[4], p[4], copy_of=polnear[3].id)]),
        Story(id="story-hostile", text=hostile_second.text, event_type="other", status="single_source",
              independent_sources=1, first_seen=date(2024, 10, 17), places=[HOSTILE_PLACE],
              mentions=[_mention(hostile, hostile_second)]),
    ]
    save_stories(store, stories)
    return Built(store, sample, hostile, polnear, {s.id: s for s in stories})


def test_built_store_holds_real_spans_and_every_status(tmp_path, samples_dir, corpus_dir):
    built = build_store(f"sqlite:///{tmp_path / 'b.sqlite'}", samples_dir, corpus_dir)
    story = get_story(built.store, "story-contested")
    assert {m.outlet for m in story.mentions} == {"sofrep.com", "<b>Evil</b> Outlet"}
    for mention in story.mentions:
        doc = built.store.get_document(mention.document)
        assert doc.text[mention.span[0]:mention.span[1]] == mention.text
    assert "18 North Korean soldiers" in story.text
    assert {s.status for s in built.stories.values()} == {"corroborated", "single_source", "contested", "denied"}
