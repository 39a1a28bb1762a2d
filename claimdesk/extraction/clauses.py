"""Where one claim ends and the next begins: coordinated clauses and embedded statements.

A sentence gives one unit per main clause; a clause coordinated with its own subject ("A signed
the pact, and B sent troops") is a unit of its own, and so is a statement embedded in a relative
or adverbial clause ("…, the Department, which expressed concerns", "While the Kremlin denied …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span, Token

from claimdesk.extraction.attribution import Cue
from claimdesk.extraction.lexicons import lexicons

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}
TRIM_LEFT = {"cc", "punct", "mark", "advmod"}


@dataclass
class Unit:
    head: Token        # the clause's main verb (or the sentence root)
    start: int         # token index, inclusive
    end: int           # token index, exclusive
    embedded: bool = False   # a statement inside another clause
    # the part of a sentence before a second fact set beside it (`_set_against`): a speech verb of
    # its own speaks for it, though a cue around the whole sentence covers it too
    own_speaker: bool = False

    def tokens(self, sent: Span):
        return sent.doc[self.start:self.end]


def has_subject(tok: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in tok.children)


def units_of(sent: Span, cues: list[Cue]) -> list[Unit]:
    root = sent.root
    content_head = root
    for cue in cues:  # "X said that A and B": split the content, not the speech verb
        if cue.anchor == root and len(cue.content) == 1 and cue.content[0].dep_ == "ccomp":
            content_head = cue.content[0]
    conjuncts = sorted(set(_conjoined_clauses(content_head)) | set(_conjoined_clauses(root))
                       | set(_said_beside_a_denial(root, cues)), key=lambda t: t.i)
    units: list[Unit] = []
    start = sent.start
    heads = [content_head if content_head == root else root] + conjuncts
    for i, head in enumerate(heads):
        if i + 1 < len(heads):
            end = heads[i + 1].left_edge.i
            while end > start + 1 and sent.doc[end - 1].dep_ in ("cc", "punct"):
                end -= 1
        else:
            end = sent.end
        if i > 0:
            while start < end - 1 and sent.doc[start].dep_ in ("cc", "punct"):
                start += 1
        units.append(Unit(head, start, end))
        if i + 1 < len(heads):
            start = heads[i + 1].left_edge.i
    units = [part for u in units for part in _set_against(sent, u, cues)]
    units.extend(_embedded_statements(sent, cues, heads, {u.head for u in units}))
    return [_trimmed(sent, u) for u in units if _has_words(sent, u)]


def _set_against(sent: Span, unit: Unit, cues: list[Cue]) -> list[Unit]:
    """A unit cut where a second fact with its own subject is set beside the first: after a
    semicolon between two speakers' accounts ("Kyiv says the ship was damaged; Moscow says no ship
    was hit"), or before ", while" / ", whereas" opening a clause ("… drones struck a patrol ship near
    Novorossiysk, while Russian shelling of a market in Kherson killed two people, officials said").
    Each part is a fact of its own; a speech verb of its own speaks for each part (`own_speaker`), else
    a speaker closing the sentence does."""
    doc = sent.doc
    cut = next((t for t in doc[unit.start:unit.end] if _sets_against(t, unit, cues)), None)
    if cut is None:
        return [unit]
    if cut.text == ";":
        left_end, right_start, right_head = cut.i, cut.i + 1, None
    else:
        left_end, right_start, right_head = cut.i - 1, cut.i + 1, _finite_verb(cut, unit.end)
    left = Unit(_highest(doc, unit.start, left_end), unit.start, left_end, embedded=unit.embedded, own_speaker=True)
    right_head = right_head or _highest(doc, right_start, unit.end)
    # a second speaker set against the first ("…, while hospital officials said five had died") speaks for
    # the part after; else a speaker closing the sentence does
    spoken = any(c.anchor == right_head and c.attribution.kind != "none" for c in cues)
    right = Unit(right_head, right_start, unit.end, embedded=unit.embedded, own_speaker=spoken)
    return [left, *_set_against(sent, right, cues)]


def _sets_against(tok: Token, unit: Unit, cues: list[Cue]) -> bool:
    doc = tok.doc
    if tok.text == ";":
        # two speakers' accounts, each with its own cue and speaker on its side ("Kyiv says …; Moscow
        # says …"); a list, a quotation or a clause said by one speaker for both stays whole
        return _speaker_inside(cues, unit.start, tok.i) and _speaker_inside(cues, tok.i + 1, unit.end)
    if tok.lower_ not in ("while", "whereas") or tok.i == unit.start or doc[tok.i - 1].text != ",":
        return False
    return _finite_verb(tok, unit.end) is not None and _a_clause(doc[unit.start:tok.i - 1])


def _speaker_inside(cues: list[Cue], start: int, end: int) -> bool:
    return any(start <= c.anchor.i < end and c.source is not None and start <= c.source.start and c.source.end <= end
               and c.attribution.kind != "none" for c in cues)


def _finite_verb(mark: Token, end: int) -> Optional[Token]:
    """The finite verb of the clause `mark` opens ("while shelling of a market killed two people"),
    with a noun or pronoun before it as its subject; None for "while walking home". Read by tags, not
    by the parse: the parser often hangs such a subject elsewhere."""
    doc = mark.doc
    seen_subject = False
    first = doc[mark.i + 1] if mark.i + 1 < end else None
    gerund_subject = first is not None and first.i + 1 < end and doc[first.i + 1].lower_ == "of"
    if first is not None and first.tag_ in ("VBG", "VBN") and not gerund_subject:
        return None  # "while walking home", "while injured": no clause of its own ("while shelling of X killed …" is)
    for t in doc[mark.i + 1:end]:
        if t.text in (",", ";", ":") or t.tag_ in ("WDT", "WP"):
            return None  # a relative clause's verb is not the clause's own
        if t.tag_ in _FINITE and seen_subject:
            return t
        seen_subject = seen_subject or t.pos_ in ("NOUN", "PROPN", "PRON")
    return None


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _a_clause(words: Span) -> bool:
    """Words holding a verb with its own subject: by the parse, or by tags, a finite verb after a noun (the
    parser reads a wire lead's "… - Russian glide bombs killed two people and wounded 17 …" as a noun with
    a participle)."""
    if any(t.pos_ in ("VERB", "AUX") and has_subject(t) and t.dep_ not in ("relcl", "acl") for t in words):
        return True
    nouns = [t.i for t in words if t.pos_ in ("NOUN", "PROPN", "PRON")]
    return any(t.tag_ in _FINITE and t.dep_ not in ("relcl", "acl") and nouns and nouns[0] < t.i for t in words)


def _highest(doc, start: int, end: int) -> Token:  # noqa: ANN001
    """The token of doc[start:end] nearest the root (the first such on a tie)."""
    return min(doc[start:end], key=lambda t: (sum(1 for _ in t.ancestors), t.i))


def _trimmed(sent: Span, unit: Unit) -> Unit:
    doc = sent.doc
    while unit.end - 1 > unit.start and doc[unit.end - 1].is_space:
        unit.end -= 1
    while unit.start < unit.end - 1 and doc[unit.start].is_space:
        unit.start += 1
    return unit


def _conjoined_clauses(head: Token) -> list[Token]:
    found = []
    for child in head.children:
        # "A say …; B say …": a clause after a semicolon is a sentence of its own
        after_semicolon = child.dep_ == "parataxis" and child.i > head.i and head.doc[child.left_edge.i - 1].text == ";"
        if (child.dep_ == "conj" or after_semicolon) and child.pos_ in ("VERB", "AUX") and has_subject(child) \
                and child.i > head.i and _joined(head, child):
            found.append(child)
            found.extend(_conjoined_clauses(child))
    return sorted(found, key=lambda t: t.i)


DENIAL_LEMMAS = {"deny", "reject", "dismiss", "refute", "rebut", "dispute"}


def _said_beside_a_denial(root: Token, cues: list[Cue]) -> list[Token]:
    """A speech verb with a clause of its own coordinated with a denial: "The Russian MoD denied striking the
    bus station and claimed that its aircraft struck a fuel depot" denies one fact and states another; one
    claim of both would make the depot's strike a denial."""
    if root.lemma_.lower() not in DENIAL_LEMMAS:
        return []
    return [c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > root.i and _joined(root, c)
            and any(cue.anchor == c and any(h.dep_ == "ccomp" for h in cue.content) for cue in cues)
            and not _CALLED_FALSE.search(root.doc[c.i:c.right_edge.i + 1].text)]


# "rejected the accusations and said that they were lies": the second clause restates the denial
_CALLED_FALSE = re.compile(r"\b(?:lies?|lying|false|fake|untrue|baseless|groundless|unfounded|fabricat\w*|nonsense|"
                           r"propaganda|disinformation|fiction)\b", re.I)


def _joined(head: Token, clause: Token) -> bool:
    """Something joins the two clauses: a conjunction or a comma, semicolon or dash between them. With
    nothing between, the parse is wrong ("Sorokina dismissed as fake the claims … that returned prisoners
    had been tortured" parsed "tortured" as a second clause of "dismissed")."""
    # up to the clause's verb, not its left edge: a misparse may hang the first clause's object on the second's
    # subject ("shelled Kherson and Ukrainian forces struck …" has "Kherson and" inside "forces")
    return any(t.dep_ == "cc" or t.text in (",", ";", ":", "-", "–", "—")
               for t in head.doc[head.i + 1:clause.i])


def _embedded_statements(sent: Span, cues: list[Cue], heads: list[Token], unit_heads: set[Token]) -> list[Unit]:
    """A unit for each attributed statement that no main clause carries: relative and adverbial
    clauses ("the Department, which expressed …", "While the Kremlin denied …"), participles,
    report nouns ("Stumpf's emphasis that …"). Statements nested in another's content stay inside it,
    except a relative clause's ("… whether candidates like Mr. Carson, who claimed that …": Carson's)."""
    units = []
    for cue in cues:
        anchor = cue.anchor
        if anchor in heads or anchor in unit_heads or cue.source is None or cue.attribution.kind == "none" \
                or anchor.lower_ == "according":
            continue
        # "…, Mr. Carson, who claimed that China …" is Carson's statement wherever it stands; "the police
        # source, who wished to remain anonymous" or "the officer who fired the shot" states nothing
        relative_statement = anchor.dep_ == "relcl" and _states_something(cue) or _contrasted(anchor)
        if not relative_statement and any(other is not cue and other.covers(anchor) for other in cues):
            continue
        if any(cue.covers(h) for h in heads):
            continue  # it already attributes a main clause
        if not relative_statement and any(h in anchor.ancestors and cue.source.root.head == h
                                          and cue.source.root.dep_ in SUBJECT_DEPS for h in heads):
            continue  # "Zelenskyy alluded to …, pointing out that …": the main clause's speaker goes on
        start = min(cue.source.start, anchor.left_edge.i)
        end = max(anchor.right_edge.i + 1, cue.source.end)
        while start < end - 1 and sent.doc[start].dep_ in TRIM_LEFT and start < cue.source.start:
            start += 1
        while end - 1 > start and (sent.doc[end - 1].is_punct or sent.doc[end - 1].is_space):
            end -= 1
        units.append(Unit(anchor, start, end, embedded=True))
    return units


def _contrasted(anchor: Token) -> bool:
    """ "…, while other voters said they had not heard …": a second speaker set against the first
    inside the first one's words is a statement of its own."""
    return anchor.dep_ == "advcl" and has_subject(anchor) and any(
        c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in anchor.children)


def _states_something(cue: Cue) -> bool:
    """A relative clause that reports words: a clause ("who claimed that China …") or a speech verb's
    object ("who announced a $275 billion plan", "which Mr. Putin opposed"), not a wish, a deed or a
    passive ("who wished to remain anonymous", "who fired the shot", "who was nominated in 2011")."""
    anchor = cue.anchor
    if any(h.dep_ == "ccomp" for h in cue.content):
        return True
    lex = lexicons()
    lemma = anchor.lemma_.lower()
    if lemma not in lex.speech_verbs or lemma in lex.intention_verbs or anchor.tag_ == "VBN" \
            and any(c.dep_ == "auxpass" for c in anchor.children):
        return False
    return any(c.dep_ == "dobj" and c.pos_ != "PRON" for c in anchor.children) or any(
        c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") for c in anchor.children)


def _has_words(sent: Span, unit: Unit) -> bool:
    return any(t.is_alpha for t in sent.doc[unit.start:unit.end])
