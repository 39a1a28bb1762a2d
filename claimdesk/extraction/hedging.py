"""How sure the text is: hedge words and phrases, and whether the claim is asserted or denied."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import VERB
from spacy.tokens import Doc, Span, Token

from claimdesk.extraction.events import deprives
from claimdesk.extraction.lexicons import Lexicons
from claimdesk.extraction.nlp import doc_text
from claimdesk.language.hedges import APPROXIMATORS
from claimdesk.models import Polarity

NEGATIVE_DETS = {"no", "none", "nobody", "nothing", "neither", "never"}


@lru_cache(maxsize=4)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern:
    alternatives = sorted((re.escape(p).replace(r"\ ", r"\s+") for p in phrases), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


def hedges_of(words: Span, cue_verb: Token | None, lex: Lexicons) -> list[str]:
    """Hedge words in `words`, in text order, each once (lower case)."""
    found: list[tuple[int, str]] = []
    doc = words.doc
    candidates = _candidates(doc, lex)
    for i in candidates[bisect.bisect_left(candidates, words.start):bisect.bisect_left(candidates, words.end)]:
        tok = doc[i]
        low = tok.lower_
        if low in lex.hedge_words:
            if low in APPROXIMATORS and not _modifies_number(tok):
                continue
            if low in ("may", "might", "could", "would") and tok.tag_ != "MD":
                continue
            if low == "would" and _reported_future(tok, lex):
                continue
            if low == "reported" and tok.dep_ not in ("amod",):
                continue
            found.append((tok.idx, low))
        elif tok.lemma_.lower() in lex.hedge_cue_verbs and tok.pos_ == "VERB":
            found.append((tok.idx, tok.lower_))
        elif low == "if" and tok.dep_ == "mark":
            found.append((tok.idx, "if"))
        elif low == "whether" and tok.dep_ == "mark":
            found.append((tok.idx, "whether"))
        elif low == "up" and tok.i + 2 < len(tok.doc) and tok.nbor(1).lower_ == "to" and _modifies_number(tok.nbor(1)):
            found.append((tok.idx, "up to"))
    if cue_verb is not None and cue_verb.lemma_.lower() in lex.hedge_cue_verbs \
            and not (words.start <= cue_verb.i < words.end):
        found.append((cue_verb.idx, cue_verb.lower_))
    text = doc_text(doc)[words.start_char:words.end_char]  # words.text, without joining its tokens again
    for m in _phrase_pattern(lex.hedge_phrases).finditer(text.replace("’", "'")):
        found.append((words.start_char + m.start(), re.sub(r"\s+", " ", m.group(0).lower())))
    seen, out = set(), []
    for _, word in sorted(found):
        if word not in seen:
            seen.add(word)
            out.append(word)
    return out


def _candidates(doc: Doc, lex: Lexicons) -> list[int]:
    """The tokens of the document that one of hedges_of's tests can accept: a hedge word, "if",
    "whether" or "up", or a VERB whose lemma is a hedging verb. Read once per document from its
    arrays; the other tokens need no Token object."""
    cached = doc.user_data.get(_CANDIDATES_KEY)
    if cached is not None and cached[0] is lex:
        return cached[1]
    strings = doc.vocab.strings
    table = doc.to_array([LOWER, LEMMA, POS]).astype(np.uint64).reshape(len(doc), 3)
    lower, lemma, pos = table[:, 0], table[:, 1], table[:, 2]
    words = np.array([strings[w] for w in sorted(lex.hedge_words | {"if", "whether", "up"})], dtype=np.uint64)
    is_verb = pos == VERB
    verbs = np.array([h for h in np.unique(lemma[is_verb]).tolist() if strings[h].lower() in lex.hedge_cue_verbs],
                     dtype=np.uint64)
    found = np.flatnonzero(np.isin(lower, words) | (np.isin(lemma, verbs) & is_verb)).tolist()
    doc.user_data[_CANDIDATES_KEY] = (lex, found)
    return found


_CANDIDATES_KEY = "claimdesk.hedge_candidates"


def _reported_future(would: Token, lex: Lexicons) -> bool:
    """ "would" as the past of "will" in reported words ("she said the plan would allow …", "officials
    told him it would reopen"): what the speaker said will happen, not a doubt. "would have" stays a
    hedge (what did not happen), and so does "would" under a speech verb in the present ("says it
    would be a disaster" is a supposition)."""
    verb = would.head
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return False
    speech = verb.head
    return verb.dep_ == "ccomp" and speech.tag_ == "VBD" and speech.lemma_.lower() in lex.speech_verbs


def _modifies_number(tok: Token) -> bool:
    if tok.dep_ in ("quantmod", "advmod") and (tok.head.like_num or tok.head.pos_ == "NUM"):
        return True
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and (nxt.like_num or nxt.pos_ == "NUM")


def polarity_of(head: Token, content: Token | None, lex: Lexicons) -> Polarity:
    """Denied when the head is a denial cue, or the head (or the content it reports) is negated."""
    if head.lemma_.lower() in lex.denial_cues and not deprives(head, lex):
        return "denied"
    for verb in (head, content):
        if verb is None:
            continue
        if _negated(verb):
            # "X did not deny" reverses a denial cue; anything else negated is denied
            return "denied"
    return "asserted"


# "Nobody was hurt", "No one was injured in the attack", "None of the crew was hurt": a report that no one came to
# harm, asserted as any other toll is. Not "No Russian soldier killed civilians" (a deed denied) nor "No civilians
# were injured" (a kind of victim ruled out, the rest left open)
_HARM_LEMMAS = frozenset({"hurt", "injure", "wound", "kill", "harm"})


def _no_one_harmed(verb: Token, subject: Token) -> bool:
    return verb.lemma_.lower() in _HARM_LEMMAS and subject.dep_ == "nsubjpass" and (
        subject.lower_ in ("nobody", "none") or subject.lower_ == "one" and any(d.lower_ == "no" for d in subject.children))


def _negated(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ == "neg":
            # "has not gone unnoticed": a negated negative asserts
            return not any(c.lower_.startswith("un") and c.dep_ in ("acomp", "oprd", "xcomp", "advmod", "dobj")
                           and c.pos_ in ("ADJ", "VERB", "ADV") for c in verb.children)
        if child.dep_ in ("nsubj", "nsubjpass") and (
                child.lower_ in NEGATIVE_DETS or any(d.lower_ in NEGATIVE_DETS and d.dep_ == "det" for d in child.children)):
            return not _no_one_harmed(verb, child)
    return False
