"""What kind of event a claim reports, and who acts in it."""

from __future__ import annotations

from collections import deque

from spacy.tokens import Span, Token

from claimdesk.extraction.lexicons import Lexicons
from claimdesk.extraction.nlp import entities_in
from claimdesk.extraction.sources import is_agent

ACTOR_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
HEAD_ONLY = {"statement", "denial"}
MAX_DEPTH = 3
STRIP = {"det", "poss", "punct", "predet"}
_COUNT_NOUNS = {"number", "toll", "tally"}  # not "count": "convicted on three counts of murder" counts no dead


def event_type_of(head: Token, words: Span, lex: Lexicons) -> str:
    """The event type of the nearest lexicon word to the clause head (breadth-first over the parse),
    the most specific type winning ties; statements and denials count only as the head verb."""
    head_types = lex.event_of(head.lemma_.lower())
    if deprives(head, lex):
        head_types = []  # "The strike denied 40,000 homes power": what happened is the strike
    if head_types and (head.pos_ in ("VERB", "AUX") or head_types[0] not in HEAD_ONLY):
        return _phrasal(head, lex) or head_types[0]
    inside = range(words.start, words.end)
    queue = deque([(head, 0)])
    seen = {head.i}
    best: tuple[int, int, str] | None = None
    while queue:
        tok, depth = queue.popleft()
        if depth > MAX_DEPTH or (best and depth > best[0]):
            break
        if tok != head and tok.i in inside and tok.pos_ in ("VERB", "NOUN", "ADJ", "PROPN"):
            kinds = [k for k in lex.event_of(tok.lemma_.lower()) if k not in HEAD_ONLY]
            if tok.lower_ == "awol":
                kinds = ["desertion"]
            phrasal = _phrasal(tok, lex)
            if phrasal:
                kinds = [phrasal]
            if kinds:
                rank = lex.event_priority.index(kinds[0])
                if best is None or (depth, rank) < (best[0], best[1]):
                    best = (depth, rank, kinds[0])
        # "the number of people killed … has risen to 11": a count's noun and its "of" add no distance to
        # what is counted
        step = 0 if tok.lemma_.lower() in _COUNT_NOUNS or (tok.lower_ == "of" and tok.head.lemma_.lower() in _COUNT_NOUNS) else 1
        for child in tok.children:
            if child.i not in seen:
                seen.add(child.i)
                queue.append((child, depth + step))
    if best:
        return best[2]
    if head_types:
        return head_types[0]
    return "other"


def deprives(head: Token, lex: Lexicons) -> bool:
    """A denial verb whose subject cannot speak takes something away, it denies no report: "The
    strike denied nearly 40,000 homes power", "Russian attacks have denied civilians heat" (the
    small parser seldom marks the dative that would tell it)."""
    if head.pos_ != "VERB" or head.lemma_.lower() not in lex.denial_cues:
        return False
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return subject is not None and not is_agent(subject, lex)


def _phrasal(tok: Token, lex: Lexicons) -> str | None:
    for kind, second in lex.phrasal_by_first.get(tok.lemma_.lower(), ()):
        if any(_lemma_in_subtree(c, second) for c in tok.children if c.dep_ in ("prep", "dobj", "prt", "dative")):
            return kind
    return None


def _lemma_in_subtree(tok: Token, lemma: str) -> bool:
    return tok.lemma_.lower() == lemma or any(c.lemma_.lower() == lemma for c in tok.children)


def actors_of(head: Token, words: Span) -> list[str]:
    """Subject noun phrases of the clause head (each conjunct apart; a named entity inside a phrase
    stands for it), then other people and organizations named in the clause."""
    actors: list[str] = []
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "csubj")), None)
    if subject is None:
        agent = next((c for c in head.children if c.dep_ == "agent"), None)
        subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subject is not None and subject.lower_ in ("which", "who", "that") and head.dep_ == "relcl":
        subject = head.head
    if subject is not None and subject.pos_ != "PRON":
        for conjunct in [subject] + [c for c in subject.conjuncts if c.i > subject.i]:
            actors.append(_actor_text(conjunct))
    for ent in entities_in(words):
        if ent.label_ in ("PERSON", "ORG") and not any(ent.text in a for a in actors):
            actors.append(ent.text)
    out = []
    for a in actors:
        if a and a not in out:
            out.append(a)
    return out


def _actor_text(tok: Token) -> str:
    keep = [tok]
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "nummod", "nmod", "poss") and child.i < tok.i:
            keep.extend(child.subtree)
    tokens = sorted(set(keep), key=lambda t: t.i)
    doc = tok.doc
    span = doc[tokens[0].i: tokens[-1].i + 1]
    person = [e for e in entities_in(span) if e.label_ in ("PERSON", "ORG")]
    if person:
        return person[-1].text
    while len(span) > 1 and span[0].dep_ in STRIP:
        span = span[1:]
    return span.text


REPORTED = {"desertion", "casualty", "attack", "deployment", "agreement", "aid", "search"}
# verbs that only pass on what happened; a hint, a suggestion or a claim is itself the news ("Yoon hinted
# in July that military supplies had been earmarked for Ukraine" stays a statement)
_PLAIN_REPORT = {"say", "tell", "report", "announce", "confirm", "state", "add", "write"}


def _told_as_done(head: Token) -> bool:
    """A reported clause telling what has happened: a past or a participle head, no modal ("38 people
    had been injured", "drones struck a substation"; not "the soldiers would be legitimate targets",
    nor the ongoing "it was closely monitoring the deployment of North Korean troops")."""
    return head.tag_ in ("VBD", "VBN") and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)


def reported_event(speech: Token, content: list[Token], words: Span, lex: Lexicons) -> str | None:
    """What happened, when a statement reports it: the event named by the speech verb's object
    ("officials reported 18 deaths" -> casualty), by what was said before the verb ("Russia
    launched 71 missiles, the air force said" -> attack), or by a clause after it telling what has
    happened, passed on by a plain verb of saying ("Governor Oleksandr Hrytsenko said 38 people had
    been injured" -> casualty). A statement of what will or would be, or a hint ("Miller suggested
    that the soldiers would be legitimate targets") stays a statement: there the saying is the news."""
    objects = [c for c in speech.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    before = [h for h in content if h.i < speech.i and h.dep_ in ("ccomp", "parataxis")]
    after = [h for h in content if h.i > speech.i and h.dep_ == "ccomp" and _told_as_done(h)] \
        if speech.lemma_.lower() in _PLAIN_REPORT else []
    for candidate in objects + before + after:
        kind = event_type_of(candidate, words, lex)
        if kind in REPORTED:
            return kind
    return None
