"""Whose words: the kind of a source (named person or organization, anonymous, vague) and the
person a pronoun source ("he said") stands for."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Optional

import numpy as np
from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from claimdesk.extraction.lexicons import Lexicons
from claimdesk.extraction.nlp import doc_entities, doc_text
from claimdesk.models import Attribution

PERSON_TITLES = {
    "president", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "minister", "secretary",
    "leader", "senator", "governor", "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "general", "gen.",
    "chancellor", "premier", "ambassador", "director", "chief", "chairman", "chairwoman", "rep.", "sen.",
    "representative", "mayor", "candidate", "nominee", "judge", "prosecutor", "king", "queen", "prince",
    "pope", "commander", "colonel", "lt.", "captain", "professor", "ceo", "founder", "lawyer", "attorney",
}
# "a series of emails", "a trove of documents": the papers speak, not the series
COLLECTION_HEADS = {"series", "set", "batch", "trove", "cache", "copy", "stack", "pile", "collection", "string"}
SHARE_HEADS = {"number", "lot", "handful", "hundred", "thousand", "million", "dozen", "couple", "slew", "bunch", "fraction",
               "portion", "quarter", "tenth"}
MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}
ORG_LABELS = {"ORG", "GPE", "NORP", "FAC", "LOC"}
AGENT_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
AGENT_SUFFIXES = ("er", "or", "ist", "ian", "eer", "ee", "ent", "ant", "man")
NOT_SPEAKERS = {"’s", "'s", "this", "that", "these", "those", "there", "what", "which", "it"}
# nouns naming one person by role, beside the titles: "his brother, Eric Paddock", "Maryam Violet, a witness"
PERSON_ROLES = PERSON_TITLES | {
    "head", "envoy", "aide", "official", "officer", "spokesman", "spokeswoman", "spokesperson", "analyst",
    "expert", "economist", "researcher", "scientist", "coach", "player", "pilot", "driver", "witness",
    "eyewitness", "survivor", "victim", "resident", "neighbour", "neighbor", "friend", "brother", "sister",
    "mother", "father", "wife", "husband", "son", "daughter", "cousin", "uncle", "aunt", "student", "owner",
    "shopkeeper", "member", "deputy", "diplomat", "author", "historian", "activist", "journalist",
    "correspondent", "columnist", "editor", "actor", "actress", "singer", "star", "manager", "executive",
}
NOT_PERSON_NAMES = ("GPE", "LOC", "FAC")


class PronounResolver:
    """Resolves "he"/"she"/"they"/"it" to the nearest earlier named person or organization, and
    knows which names of the document are people's."""

    def __init__(self, doc: Doc):
        ents = doc_entities(doc)
        persons = [e for e in ents if e.label_ == "PERSON"]
        # the small model often tags a surname alone as ORG, NORP or even DATE ("Haynes said" after
        # "Toby Haynes"; "Musk said in late September"): a name the document gives a person in full
        # is that person's wherever it stands alone
        self.surnames = frozenset(e[-1].lower_ for e in persons if len(e) > 1 and e[-1].is_title)
        persons = [e for e in persons if not _town_taken_for_a_person(e, self.surnames)]
        alone = [doc[i:i + 1] for i in _tokens_lowered(doc, self.surnames)
                 if doc[i].ent_type_ != "PERSON" and self.names_person(doc[i])]
        self.persons = sorted(persons + alone, key=lambda e: e.start)
        self.orgs = [e for e in ents if e.label_ == "ORG" and not (len(e) == 1 and self.names_person(e[0]))]
        self.genders = _genders(doc, self.persons)
        self.unnamed_speakers: list[Span] = []
        self.speakers: list[Span] = []  # people who spoke, in the order of their words
        self.resolved: dict[int, Span] = {}  # pronoun's token index -> whom it was taken for

    def note_speaker(self, source: Span, kind: str) -> None:
        """Someone has spoken: '"…," she said' after a quotation is most often the last speaker's,
        and the "he said" after an unnamed spokesman's words is his, not that of a name mentioned
        before him ("A foreign ministry spokesman in Berlin said …")."""
        head = source.root
        if head.pos_ == "PRON":
            named = self.resolved.get(head.i)
            if named is not None and kind in ("named_person", "anonymous"):
                self.speakers.append(named)
            return
        if kind == "anonymous" and head.tag_ == "NN" and head.lemma_.lower() in PERSON_ROLES \
                and not self.names_person(head):
            self.unnamed_speakers.append(source)
            self.speakers.append(source)
        elif kind == "named_person":  # the name, not the title around it: "Senator Dianne Feinstein"
            named = [e for e in self.persons if source.start <= e.start and e.end <= source.end]
            self.speakers.append(named[0] if named else source)

    def gender(self, mention: Span) -> Optional[str]:
        word = mention.root.lower_
        if word in GENDERED_ROLES:
            return GENDERED_ROLES[word]
        return _title_gender(mention) or self.genders.get(word)

    def unnamed(self, mention: Span) -> bool:
        return any(mention is s for s in self.unnamed_speakers)

    def names_person(self, tok: Token) -> bool:
        """Whether the word is a person's name here: tagged so, or the surname of one tagged in full."""
        if tok.ent_type_ == "PERSON":
            return True
        return tok.is_title and tok.lower_ in self.surnames and tok.ent_type_ not in NOT_PERSON_NAMES

    def resolve(self, pron: Token) -> Optional[Span]:
        word = pron.lower_
        if word in MALE | FEMALE:
            pool = sorted(self.persons + self.unnamed_speakers, key=lambda e: e.end)
        elif word in ("it", "they"):
            pool = self.orgs
        else:
            return None
        before = [e for e in pool if e.end <= pron.i and pron.i - e.end < 400]
        if not _quoted(pron):
            # '"I don't know anything about Jake Sullivan," she said': a name inside someone's words is
            # not who speaks outside them
            before = [e for e in before if not _quoted(e[0])] or before
        if not before:
            return None
        if word in MALE | FEMALE:
            want = "male" if word in MALE else "female"
            agreeing = [e for e in before if self.gender(e) in (want, None)]
            before = agreeing or before
            if pron.head.lemma_ in TAG_VERBS:
                spoke = [e for e in self.speakers if e.end <= pron.i and pron.i - e.end < SPEAKER_REACH
                         and self.gender(e) in (want, None)]
                before = spoke or before
        self.resolved[pron.i] = before[-1]
        return before[-1]


def _town_taken_for_a_person(entity: Span, surnames: frozenset[str]) -> bool:
    """A one-word name the small model tags as a person where a place is written: after "in" or "near", a name
    the gazetteer knows, no person's surname on the page, no "'s" after it ("the depot in Liski": "Nobody was
    hurt, he said" is not Liski's; "confidence in Obama" after "Barack Obama", "crowded around Johnson" are
    people's)."""
    from claimdesk.extraction.gazetteer import gazetteer

    doc = entity.doc
    if len(entity) != 1 or entity.start == 0 or doc[entity.start - 1].lower_ not in ("in", "near"):
        return False
    if entity.end < len(doc) and doc[entity.end].lower_ in ("'s", "’s"):
        return False
    return entity[0].lower_ not in surnames and entity.text in gazetteer()


def _tokens_lowered(doc: Doc, words: frozenset[str]) -> list[int]:
    """Indices of the tokens whose lower case is one of `words`, found on the token array (a Python
    loop over every token of a long page costs more than the rest of the resolver)."""
    if not words:
        return []
    wanted = np.array([doc.vocab.strings[w] for w in words], dtype=np.uint64)
    return np.flatnonzero(np.isin(doc.to_array(LOWER), wanted)).tolist()


def _quoted(tok: Token) -> bool:
    """Whether the token stands inside a quotation opened earlier on its line."""
    text = doc_text(tok.doc)
    line = text[text.rfind("\n", 0, tok.idx) + 1:tok.idx]
    return line.count("“") > line.count("”") or line.count('"') % 2 == 1


GENDERED_ROLES = {"spokesman": "male", "spokeswoman": "female", "chairman": "male", "chairwoman": "female"}
TAG_VERBS = {"say", "tell", "add", "write", "ask", "explain", "recall"}
GENDER_REACH = 40  # tokens after a name in which its pronoun is looked for
SPEAKER_REACH = 150  # tokens back to the last speaker a tag pronoun ("she said") is taken for


def _genders(doc: Doc, persons: list[Span]) -> dict[str, str]:
    """Each surname's gender as the document tells it: a title, or the first "he"/"she" subject
    (outside quotation marks) after a mention of it before any other person is named ("Thurman said … She
    described …"), told at least twice as often as the other."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for k, mention in enumerate(persons):
        found = _title_gender(mention)
        stop = min(persons[k + 1].start if k + 1 < len(persons) else len(doc), mention.end + GENDER_REACH)
        quoted = False
        for tok in doc[mention.end:stop]:
            if found:
                break
            if tok.text in ('"', "“", "”"):
                quoted = tok.text == "“" or (tok.text == '"' and not quoted)
            elif quoted or tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.lemma_ in TAG_VERBS:
                continue  # "… attacked her": an object is mostly someone else; '"…," she said' the quoted one
            elif tok.lower_ in MALE:
                found = "male"
            elif tok.lower_ in FEMALE:
                found = "female"
        if found:
            votes[mention[-1].lower_][found] += 1
    return {name: said.most_common(1)[0][0] for name, said in votes.items()
            if said.most_common(1)[0][1] >= 2 * min(said["male"], said["female"])}


def _title_gender(ent: Span) -> Optional[str]:
    prev = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if prev in ("mr.", "mr", "sir", "king", "prince"):
        return "male"
    if prev in ("mrs.", "ms.", "mrs", "ms", "miss", "queen", "princess", "lady"):
        return "female"
    return None


def _entity_label(head: Token) -> str:
    """The entity label of the head word itself (or of its compound: "State Department"), not of
    any word in its phrase: "Reports of North Korean soldiers" is not an organisation."""
    if head.ent_type_:
        return head.ent_type_
    return next((c.ent_type_ for c in head.children if c.dep_ == "compound" and c.ent_type_), "")


def is_agent(head: Token, lex: Lexicons) -> bool:
    """Whether the word heading a would-be source names someone who can say something: a person,
    organisation, government, group, outlet or document; never a pronoun fragment ("’s" from
    "Let’s"), an abstract noun ("the fact", "a sign") or a thing ("substations")."""
    lower, lemma = head.lower_, head.lemma_.lower()
    if lower == "those" and any(c.dep_ in ("acl", "relcl") for c in head.children):
        return True  # "those surveyed said", "those who back her opponents say"
    if head.pos_ == "PRON" or head.tag_ in ("WP", "WDT", "PRP"):
        return lower not in NOT_SPEAKERS or lower == "it"
    if lower in NOT_SPEAKERS or lemma in lex.non_agent_heads or _entity_label(head) in ("DATE", "TIME"):
        return False  # "Saturday at the convention Sen. Warren said": a misparsed date is no speaker
    if lemma in COLLECTION_HEADS and any(g.lemma_.lower() in lex.document_nouns for c in head.children
                                         if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"):
        return True
    if head.pos_ == "NUM" or lemma in SHARE_HEADS:
        # a share of people: "Nine in 10 voters", "4 in 10", "a lot of readers", "thousands of protesters"
        of = [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "in") for g in c.children
              if g.dep_ == "pobj"]
        if any(g.pos_ == "NUM" or is_agent(g, lex) for g in of):
            return True
    if _entity_label(head) in AGENT_LABELS or lemma in lex.speaker_places:
        return True
    if head.pos_ == "PROPN" or _capitalised_name(head) or _ACRONYM.match(head.text):
        return True  # "The Russian MoD denied …": an acronym the tagger took for a common noun names a body
    if lemma in lex.agent_nouns or lemma in lex.document_nouns:
        return True
    # agentive suffixes name people: narrator, commissioner, environmentalist, historian, trustee
    return head.pos_ == "NOUN" and lemma.endswith(AGENT_SUFFIXES) and lemma not in lex.not_agent_er_words


# an organisation's acronym ("MoD", "IAEA", "SBU"); not a plural of people ("POWs", "IDPs") nor an office ("PM", "CEO")
_ACRONYM = re.compile(r"^(?=\w*[A-Z]\w*[A-Z])(?!(?:PM|CEO|CFO|COO|CTO|MP|GP|DJ|VP)$)[A-Z][A-Za-z]{0,6}[A-Z]$")


def _capitalised_name(head: Token) -> bool:
    """A capitalised word inside a sentence that the tagger took for a common noun ("Fields later
    tweeted … and said"), where the sentence is not a title-case headline."""
    sent = head.sent
    if head.pos_ != "NOUN" or not head.is_title or head.i == sent.start:
        return False
    before = head.doc[head.i - 1]
    if before.is_punct and not (before.text in (",", "”", "’") or before.text in ('"', "''") and head.i >= 2
                                and head.doc[head.i - 2].text == ","):
        return False  # a line opening after a colon or a dash; not '“…,” O’Donnell said'

    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return sum(t.is_title for t in words) * 2 < len(words)


def agent_of(source: Span, lex: Lexicons) -> Optional[Span]:
    """The words naming the agent of a would-be source, or None when it names none. A document
    with its author ("a report by Reuters", "Reuters' report") stays whole."""
    head = source.root
    if not is_agent(head, lex):
        return None
    if head.lemma_.lower() in lex.document_nouns:
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None:
            by = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
            owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if owner is not None and owner.pos_ != "PRON" and is_agent(owner, lex):
            doc = head.doc
            start = owner.left_edge.i
            while start < owner.i and doc[start].dep_ == "det":
                start += 1
            return doc[start:owner.i + 1]  # "Reuters' report": the owner without its possessive mark
    return source


def classify(source: Optional[Span], cue: str, anchor: Token, lex: Lexicons, resolver: PronounResolver) -> Attribution:
    """Attribution kind from the source's words: named person or organization, anonymous, vague."""
    if source is None:
        return Attribution(kind="vague", cue=cue)
    span = (source.start_char, source.end_char)
    head = source.root
    if head.pos_ == "PRON" and len(source) == 1:
        word = head.lower_
        if word in FIRST_PERSON:
            return Attribution(kind="none", source=source.text, source_span=span, cue=cue)
        named = resolver.resolve(head)
        if named is not None and resolver.unnamed(named):
            return Attribution(kind="anonymous", source=named.text, source_span=span, cue=cue)
        if named is not None:
            kind = "named_person" if word in MALE | FEMALE else "named_organization"
            return Attribution(kind=kind, source=named.text, source_span=span, cue=cue)
        if word in MALE | FEMALE:
            return Attribution(kind="named_person", source=source.text, source_span=span, cue=cue)
        return Attribution(kind="vague", source=source.text, source_span=span, cue=cue)
    label = _entity_label(head)
    lemmas = {t.lemma_.lower() for t in source}
    head_lemma = head.lemma_.lower()
    words = {t.lower_ for t in source if t.i <= head.i}
    kind: str
    named = head.pos_ == "PROPN" or bool(label)
    if named and (head_lemma in lex.speaker_places or head_lemma in lex.outlets
                  or (words & lex.outlets and label != "PERSON")):
        kind = "named_organization"  # "Kyiv said", "Moscow denied", "Bloomberg reported"
    elif label == "PERSON" or _titled_name(source) or _capitalised_name(head) or resolver.names_person(head) \
            or _role_and_name(source, lex) or _office_holder(head):
        kind = "named_person"
    elif head_lemma in lex.anonymous_heads and head.pos_ == "NOUN" and (
            head.tag_ in ("NNS", "NNPS") or lemmas & {"unnamed", "anonymous", "unidentified", "senior", "familiar"}
            or any(c.dep_ == "det" and c.lower_ in ("a", "an", "one", "some") for c in head.children)):
        kind = "anonymous"
    elif head_lemma in lex.vague_heads and label not in ORG_LABELS:
        kind = "vague"  # "reports of …", "some reports", "media"
    elif label in ORG_LABELS or head.pos_ == "PROPN" or head_lemma in lex.organization_heads or _ACRONYM.match(head.text):
        kind = "named_organization"
    elif head_lemma in lex.vague_heads or head.pos_ in ("NOUN", "PRON", "DET", "ADJ"):
        kind = "vague"
    else:
        kind = "vague"
    return Attribution(kind=kind, source=source.text, source_span=span, cue=cue)


def _role_and_name(source: Span, lex: Lexicons) -> bool:
    """A role and a name in apposition, whichever comes first: "Ukraine's foreign minister Andrii
    Sybiha", "his brother, Eric Paddock", "Washington's ambassador to the United Nations, Nikki
    Haley", "Nikki Haley, the US ambassador to the UN" (which the small model tags as an ORG)."""
    head = source.root
    appositions = [t for t in source if t.dep_ == "appos" and (t.head == head or t.head.head.head == head)]
    if _person_role(head, lex) and head.tag_ == "NN":
        return any(a_name(t) for t in appositions)
    return head.pos_ == "PROPN" and any(t.head == head and t.lemma_.lower() in PERSON_ROLES for t in appositions)


OFFICES = {"president", "minister", "secretary", "senator", "governor", "general", "chancellor", "premier",
           "ambassador", "chief", "chairman", "chairwoman", "mayor", "prosecutor", "king", "queen", "prince",
           "pope", "commander", "ceo", "founder", "envoy", "leader", "speaker"}


def _office_holder(head: Token) -> bool:
    """One office's holder, named by the office and whose it is: "Panama's attorney general", "the
    Nice mayor", "Ukraine's foreign minister" — a person on the record, not an anonymous source."""
    if head.tag_ != "NN" or head.lemma_.lower() not in OFFICES:
        return False
    return any(c.dep_ in ("poss", "compound", "amod") and (c.ent_type_ in ("GPE", "ORG", "NORP") or c.pos_ == "PROPN")
               for c in head.children)


def a_name(tok: Token) -> bool:
    """A proper name that may be a person's (not a place, a date or a number)."""
    return tok.pos_ == "PROPN" and tok.ent_type_ in ("", "PERSON", "ORG", "NORP")


def _person_role(tok: Token, lex: Lexicons) -> bool:
    """A noun naming one person by role: a title, a kin or job word, or an agent noun ("shopkeeper")."""
    if tok.pos_ != "NOUN":
        return False
    lemma = tok.lemma_.lower()
    return lemma in PERSON_ROLES or (lemma.endswith(AGENT_SUFFIXES) and lemma not in lex.not_agent_er_words
                                     and lemma not in lex.organization_heads)


def _titled_name(source: Span) -> bool:
    """ "National security adviser Chang Ho-jin" even when NER misses the name."""
    head = source.root
    if head.pos_ != "PROPN":
        return False
    return any(t.lower_ in PERSON_TITLES for t in source if t.i < head.i)
