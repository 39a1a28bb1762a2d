"""Who says it: attribution cues read from the dependency parse.

Three shapes are found: a speech or cognition verb with a subject ("Miller suggested that …",
"…, officials said"; relative clauses "the Department, which expressed …"; participles "reports
suggesting …"), "according to X", and a report-like noun with a clause ("indications that …").
Each gives a `Cue`: the source tokens, the cue words and the tokens of the content it governs.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Optional

import numpy as np
from spacy.attrs import IS_QUOTE, IS_SPACE, LEMMA, LOWER, ORTH, POS
from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Span, Token

from claimdesk.extraction.lexicons import Lexicons
from claimdesk.extraction.nlp import entities_in
from claimdesk.extraction.sources import (COLLECTION_HEADS, PERSON_ROLES, PronounResolver, a_name, agent_of, classify,
                                          is_agent)
from claimdesk.models import Attribution

CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "parataxis", "advcl", "prep", "attr", "oprd", "dative", "acomp"}
NOT_ACCORDING_SOURCES = {"plan", "schedule", "script", "expectation", "form", "tradition", "custom"}
NP_CUT = {"relcl", "acl", "advcl", "punct", "cc", "conj", "prep"}


@dataclass
class Cue:
    anchor: Token                 # the cue verb or noun, or "according"
    cue: str                      # the cue words, e.g. "according to", "said"
    source: Optional[Span]        # the words naming the source, if any
    content: list[Token]          # heads of what the source is said to say
    attribution: Attribution

    def covers(self, token: Token) -> bool:
        """Whether `token` sits inside the content this cue governs."""
        return any(token == h or h in token.ancestors for h in self.content)


def find_cues(sent: Span, lex: Lexicons, resolver: "PronounResolver") -> list[Cue]:
    """The cues of a sentence that name a source and that the learnt filter keeps (see
    `cue_features`), and those that name none ("indications that …": vague)."""
    # the filter learnt speech from PolNeAR, where a toll put at a figure is rare: such a cue is kept as found
    cues = [c for c in candidate_cues(sent, lex, resolver)
            if c.attribution.source_span is None or gives_figure(c.anchor) or lex.cue_filter.keeps(cue_features(c))]
    for cue in cues:
        if cue.source is not None:
            resolver.note_speaker(cue.source, cue.attribution.kind)
    return cues


def candidate_cues(sent: Span, lex: Lexicons, resolver: "PronounResolver") -> list[Cue]:
    """Every cue the parse offers, before the learnt filter."""
    cues: list[Cue] = []
    doc = sent.doc
    for i in _tokens_of(sent, _index(doc).anchors):
        tok = doc[i]
        cue = _according_to(tok) or _verb_cue(tok, lex) or _attitude_cue(tok, lex) or _noun_cue(tok, lex)
        if cue is None:
            continue
        anchor, words, source, content = cue
        if source is not None and words == "according to":
            # whatever it names is the source: "according to exit polling data", "… to his Facebook profile"
            root = source.root
            if root.lemma_.lower() in lex.non_agent_heads or root.lemma_.lower() in NOT_ACCORDING_SOURCES \
                    or root.pos_ not in ("NOUN", "PROPN", "PRON") or root.tag_ in ("WP", "WDT"):
                continue  # "according to the evidence", "according to plan", "according to what …"
            source = agent_of(source, lex) or source
        elif source is not None:
            agent = agent_of(source, lex)
            if agent is None and _says_words(anchor, source, content, lex):
                agent = source  # "Fields said she was …", "six in 10 said they …", "the affidavit said that …"
            if agent is None and len(source) == 1 and resolver.names_person(source.root) and gives_figure(anchor):
                # "Kravets put the number … at six": the surname of someone the page named in full giving a figure
                # (with any verb, "Waters refused to let go … and told the officer …, according to a jail report"
                # became Waters' on a GVC page, not the report's)
                agent = source
            if agent is None and anchor.pos_ in ("VERB", "AUX"):
                continue  # "the fact suggests", "substations support": no one speaks
            source = agent  # None for "indications that …", "a sign that …": vague, no one named
        attribution = classify(source, words, anchor, lex, resolver)
        relative = _relative_pronoun(anchor, source)
        if relative is not None and attribution.source_span:
            # "Barkley, who said …": the relative pronoun speaks for its head; the span holds both
            attribution.source_span = (min(attribution.source_span[0], relative.idx),
                                       max(attribution.source_span[1], relative.idx + len(relative)))
        target = _target(anchor, lex)
        if target is not None:
            attribution.target, attribution.target_span = target.text, (target.start_char, target.end_char)
        cues.append(Cue(anchor, words, source, content, attribution))
    return cues


SAYING_VERBS = {"say", "tell", "add", "write", "state", "declare", "insist", "argue", "announce", "report"}


def _says_words(anchor: Token, source: Span, content: list[Token], lex: Lexicons) -> bool:
    """Whether a verb of saying with a that-clause or a quotation makes its subject a speaker, though
    the word is none the agent lists know ("Fields said she …" with the name taken for a plural,
    "About four in 10 said …", "the 46-year-old said", "the affidavit said that …"): only someone or
    something that speaks says that something is so."""
    head = source.root
    if anchor.lemma_.lower() not in SAYING_VERBS or head.pos_ not in ("NOUN", "PROPN", "NUM"):
        return False
    if head.lemma_.lower() in lex.non_agent_heads or head.ent_type_ in ("DATE", "TIME"):
        return False
    subject_of = anchor.head if anchor.dep_ == "conj" else anchor  # "the affidavit cited … and said that …"
    if not (head.dep_ in ("nsubj", "nsubjpass") and head.head == subject_of or anchor.dep_ == "relcl" and head == anchor.head):
        return False  # "it would be a stretch to say that …", "the victory led X to declare …": no one speaks
    if head.i > anchor.i or any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children) \
            or head.lemma_.lower() == "time":
        return False  # "…, said closed primaries …", "his way to say that …", "only time will tell"
    doc = anchor.doc
    if 0 < anchor.i < len(doc) - 1 and doc[anchor.i - 1].text == "," and doc[anchor.i + 1].pos_ in ("PROPN", "NOUN", "DET"):
        return False  # "Any interpretation of Mr. Kerry's actions, said Michael Kofman, …": the name after speaks
    return any(h.dep_ == "ccomp" for h in content) or bool(_marks_in(anchor.sent))


QUOTE_MARKS = {'"', "“", "”", "''", "``"}


def cue_features(cue: Cue) -> list[str]:
    """What the learnt filter weighs: the cue word and how it is built (its dependency, what it
    governs, how its source was found), and what kind of words the source is. Learnt on PolNeAR
    train by bench/train_attribution_cues.py: "appear", "make", "know" with an object or "you",
    "they" as the speaker are seldom attributions there; "said" with a clause nearly always."""
    anchor, source = cue.anchor, cue.source
    lemma = anchor.lemma_.lower() if cue.cue != "according to" else "according to"
    deps = sorted({c.dep_ for c in anchor.children} & FRAME_DEPS)
    frame = ",".join(deps) or "-"
    feats = ["bias", f"l={lemma}", f"p={anchor.pos_}", f"d={anchor.dep_}", f"f={frame}", f"l={lemma}|f={frame}",
             f"l={lemma}|d={anchor.dep_}", f"p={anchor.pos_}|d={anchor.dep_}", f"k={cue.attribution.kind}"]
    if source is not None:
        head = source.root
        word = head.lower_ if head.pos_ == "PRON" or head.tag_ in ("WP", "WDT") else (head.ent_type_ or head.pos_)
        rel = "before" if source.end <= anchor.i else ("after" if source.start > anchor.i else "around")
        feats += [f"s={word}", f"sd={head.dep_}", f"sr={rel}", f"s={word}|p={anchor.pos_}",
                  f"sd={head.dep_}|d={anchor.dep_}", f"sl={head.lemma_.lower()}" if head.pos_ == "NOUN" else "sl=-"]
        if head.dep_ == "poss":
            feats.append(f"poss|l={lemma}")
    if _has_quote(anchor.sent):
        feats.append("quote")
    if any(c.dep_ == "neg" for c in anchor.children):
        feats.append("neg")
    aux = [c.lower_ for c in anchor.children if c.dep_ == "aux"]
    feats += [f"aux={a}" for a in aux if a in MODALS]
    if anchor.tag_:
        feats.append(f"t={anchor.tag_}")
    if cue.content:
        feats.append(f"c={cue.content[0].dep_}")
    return feats


FRAME_DEPS = {"ccomp", "xcomp", "dobj", "prep", "parataxis", "advcl", "acl"}
MODALS = {"will", "would", "could", "can", "should", "might", "may", "must", "to"}


def _relative_pronoun(anchor: Token, source: Optional[Span]) -> Optional[Token]:
    if anchor.dep_ != "relcl" or source is None or source.root != anchor.head:
        return None
    return next((c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "which", "that")),
                None)


def _target(anchor: Token, lex: Lexicons) -> Optional[Span]:
    """What a denial or confirmation is about: "denied [these reports]", "confirmed [the deaths]"."""
    lemma = anchor.lemma_.lower()
    if anchor.pos_ not in ("VERB", "AUX") or (lemma not in lex.denial_cues and lemma != "confirm"):
        return None
    obj = next((c for c in anchor.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return noun_phrase(obj) if obj is not None else None


def _according_to(tok: Token):
    if tok.lower_ != "according":
        return None
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    head = tok.head if tok.head != tok else None
    content = [head] if head is not None else []
    return tok, "according to", noun_phrase(pobj), content


def _verb_cue(tok: Token, lex: Lexicons):
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    lemma = tok.lemma_.lower()
    children = list(tok.children)
    clause = any(c.dep_ == "ccomp" for c in children) and lemma not in lex.clause_verbs_excluded
    intention = lemma in lex.intention_verbs and any(c.dep_ == "xcomp" for c in children)
    # "The Times reports: …", "Caddell continued: …", "Clinton released the following statement: …"
    # (asked only where the answer matters: most verbs are no cue whatever follows them)
    colon: Optional[bool] = None
    figure = gives_figure(tok)
    if lemma not in lex.cue_verbs and not (clause or intention or figure):
        colon = _introduces_colon(tok)
        if not colon:
            return None
    # the subject nearest the verb: "LONDON (Reuters) - Donald Trump said" has two
    subjects = [c for c in children if c.dep_ in ("nsubj", "csubj")]
    # of two, one that can speak: "A statement posted on the website GunBroker.com said …" parses both
    saying = tok.lemma_.lower() in SAYING_VERBS
    subjects.sort(key=lambda c: (saying and not is_agent(c, lex), abs(tok.i - c.i)))
    subject = subjects[0] if subjects else None
    if subject is None:
        passive = next((c for c in children if c.dep_ == "nsubjpass"), None)
        agent = next((c for c in children if c.dep_ == "agent"), None)
        agent_obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if agent_obj is not None:
            subject = agent_obj
        elif passive is not None and passive.lower_ == "it":  # "it is believed that …"
            subject = passive
    if subject is None and tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
        subject = tok.head  # "the Department, which expressed …"
    if subject is None and tok.dep_ == "acl" and (_can_speak(tok.head, lex) or _finds(tok, tok.head, lex)):
        subject = tok.head  # "reports suggesting …", not "a treaty pledging …"
    if subject is None and tok.dep_ in ("advcl", "conj", "xcomp") and tok.head.pos_ in ("VERB", "AUX"):
        # "it attacked Trump, saying …", "Pence said … and added …": the head's subject speaks
        subject = next((c for c in tok.head.children if c.dep_ in ("nsubj", "csubj")), None)
        if subject is None and tok.dep_ == "conj":  # "Trump was forced into … and said that …"
            subject = next((c for c in tok.head.children if c.dep_ == "nsubjpass" and c.lower_ != "it"), None)
    if subject is None and tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
        # "Bolton distanced himself … by saying he would …": the subject of the verb the phrase hangs on
        subject = next((c for c in tok.head.head.children if c.dep_ in ("nsubj", "csubj")), None)
    if subject is None and lemma in lex.cue_verbs_any_object and not any(c.dep_ == "nsubjpass" for c in children):
        subject = _name_before(tok)  # "… of the Washington Post Trump said that …" (misparsed)
    if subject is None and lemma in SAYING_VERBS and clause:
        subject = _apposition_before(tok, lex)  # "… injured, including a woman, the governor said"
    if subject is None and lemma in lex.cue_verbs and not _quoted(tok) \
            and _has_quote(tok.doc[tok.sent.start:tok.i]):
        subject = _name_after(tok)  # "'…,' said Robin Maynard, half joking": the name parsed under "joking"
    if subject is None:
        return None
    if subject.dep_ in ("nsubj", "nsubjpass") and subject.lower_ in ("which", "who", "that") and tok.dep_ == "relcl":
        subject = tok.head
    if _quoted(subject) and not _quoted(tok):
        # '"… Full panic mode," said Leslie Wimes': the speaker stands outside the quotation
        outside = [c for c in children if c.dep_ in ("nsubj", "dobj", "attr", "npadvmod", "nsubjpass")
                   and not _quoted(c) and c.pos_ in ("PROPN", "NOUN", "PRON")]
        subject = outside[0] if outside else (_name_after(tok) or subject)
    speech = lemma in lex.cue_verbs_any_object or (lemma in lex.cue_verbs and clause) or figure
    if subject.lower_ == "it" and subject.dep_ == "nsubj" and lemma not in lex.cue_verbs_any_object \
            and not (lemma in SAYING_VERBS and _marks_in(tok.sent)):  # 'It added, "We want …"' 
        return None  # "it appeared that …": no one speaks
    if subject.lower_ == "there" or not (speech or _can_speak(subject, lex) or _finds(tok, subject, lex)
                                         or (subject.lower_ == "it" and subject.dep_ == "nsubjpass")):
        return None  # "this war continues", "the use of troops adds"
    # "pledged to …", "denied having …" carry content; "tries to keep", "avoided providing" do not
    takes_infinitive = lemma in lex.intention_verbs or lemma in lex.cue_verbs_any_object
    content = [c for c in children if c.dep_ == "ccomp" or (c.dep_ == "xcomp" and takes_infinitive)]
    parenthetical = tok.dep_ == "parataxis" or (
        not content and tok.dep_ == "ccomp" and tok.i > tok.head.i and not any(c.dep_ == "mark" for c in children)
        and (tok.left_edge.i > tok.sent.start and tok.doc[tok.left_edge.i - 1].is_punct))
    # "as Joel Pollak observed, the biggest victor was …": the clause it hangs on is what was observed
    parenthetical = parenthetical or (
        not content and tok.dep_ == "advcl" and lemma in AS_REPORTING and tok.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in children))
    # "a CNN/ORC poll showed a one-point difference": a poll or study shows what it found
    finding = (_finds(tok, subject, lex) and any(c.dep_ in ("dobj", "ccomp", "oprd", "dative") for c in children)
               and not any(c.dep_ == "prt" for c in children))
    quoted = _has_quote(tok.sent)
    if not content and not parenthetical and not quoted and not finding and not figure \
            and tok.lemma_.lower() not in lex.cue_verbs_any_object \
            and not (colon if colon is not None else _introduces_colon(tok)):
        return None  # "adds another layer", "signals a shift": not speech
    if not content and tok.dep_ == "ccomp" and (colon := _figure_before_colon(tok)) is not None and colon < tok.head.i:
        content = [tok.head]  # "Kravets has updated the toll: five people were injured": the clause after the colon
    if not content:
        content = [c for c in children if c.dep_ in CONTENT_DEPS and c != subject and c.dep_ != "advcl"]
    if parenthetical:
        content = [tok.head] + content  # "…, officials said, …" parenthetical
    source = noun_phrase(subject) if subject.lower_ != "it" or subject.dep_ != "nsubjpass" else None
    return tok, _verb_words(tok), source, content


FIGURE_GIVING_VERBS = {"put", "place", "estimate"}
FIGURE_NOUNS = {"toll", "number", "figure", "count", "tally", "casualty", "loss", "death", "damage", "cost", "area"}


def gives_figure(verb: Token) -> bool:
    """Whoever puts a figure at a number (`_gives_figure`) or gives it after a colon ("Kravets has updated
    the toll: five people were injured", "the ministry revised its count: 14 dead", "Hordiienko's latest
    figures: 11 killed and 40 wounded") gives that figure."""
    return _gives_figure(verb) or _figure_before_colon(verb) is not None or _figures_owned_before_colon(verb) is not None


# the figures a colon may follow, and the verbs that give or revise one ("updated the toll:"; not "suffered heavy
# losses:", "paid a terrible toll:", "tripled the number:")
COLON_FIGURE_NOUNS = {"toll", "number", "figure", "count", "tally", "update", "estimate", "total"}
COLON_FIGURE_VERBS = {"update", "revise", "raise", "lower", "give", "release", "publish", "correct", "adjust"}


def _figures_owned_before_colon(noun: Token) -> Optional[tuple[Token, list[Token]]]:
    """(owner, what follows the colon) of "Hordiienko's latest figures: 11 killed and 40 wounded", "The
    governor's toll: 14 dead"; None for any other noun."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in COLON_FIGURE_NOUNS:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.i < noun.i), None)
    colon = noun.i + 1 if noun.i + 1 < len(noun.doc) and noun.doc[noun.i + 1].text == ":" else None
    if owner is None or colon is None:
        return None
    content = [c for c in noun.children if c.i > colon and c.dep_ != "punct"]
    return (owner, content) if content else None


def _figure_before_colon(verb: Token) -> Optional[int]:
    """The colon after a figure the verb gives or revises ("Kravets has updated the toll: five people were
    injured"), or None."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in COLON_FIGURE_VERBS:
        return None
    doc = verb.doc
    for obj in verb.children:
        if obj.dep_ == "dobj" and obj.lemma_.lower() in COLON_FIGURE_NOUNS and obj.i > verb.i:
            after = obj.right_edge.i + 1
            if after < len(doc) and doc[after].text == ":" and not any(t.like_num for t in obj.subtree):
                return after
    return None


def _gives_figure(verb: Token) -> bool:
    """Whoever puts or estimates a figure at a number gives that figure: "Regional authorities put the
    toll at five", "officials estimated the number of injured at 12" ("put the children at risk" does not)."""
    if verb.lemma_.lower() not in FIGURE_GIVING_VERBS:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in FIGURE_NOUNS]
    # "put the area at 1,200 square metres" (an area of something), not "placed the area under curfew at 10 pm"
    counted = any(o.lemma_.lower() != "area" or any(p.lower_ == "of" for p in o.children) for o in objects)
    at_number = any(c.dep_ == "prep" and c.lower_ == "at" and any((g.like_num or g.pos_ == "NUM") and g.ent_type_ not in
                                                                   ("TIME", "DATE") for g in c.subtree)
                    and not any(g.lower_.rstrip(".") in ("a.m", "p.m", "am", "pm") for g in c.subtree)
                    for c in verb.children)
    under = any(c.dep_ == "prep" and c.lower_ == "under" for c in verb.children)
    return counted and at_number and not under


def _finds(verb: Token, subject: Token, lex: Lexicons) -> bool:
    """A poll, study, record or papers that show, find or reveal something ("a new poll shows Trump
    with his largest lead", "emails that night showing that …", "the next series of emails shows that …")."""
    if verb.lemma_.lower() not in FINDING_VERBS:
        return False
    lemma = subject.lemma_.lower()
    if lemma in COLLECTION_HEADS:
        of = [g for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        lemma = of[0].lemma_.lower() if of else lemma
    return lemma in lex.document_nouns


AS_REPORTING = {"say", "note", "observe", "report", "write", "argue", "explain", "predict", "suggest", "tell", "show",
                "put", "warn", "acknowledge", "claim", "insist", "reveal", "conclude", "describe", "point", "indicate"}
FINDING_VERBS = {"show", "find", "indicate", "suggest", "reveal", "estimate", "project", "predict", "confirm"}
SPEAKING_PRONOUNS = {"he", "she", "they", "i", "we", "you", "who", "it", "someone", "somebody", "everyone",
                     "everybody", "nobody", "many", "some", "others", "few", "both", "all", "one"}


def _can_speak(noun: Token, lex: Lexicons) -> bool:
    """Whether a subject can be a source: people, organisations, documents, reports."""
    lemma = noun.lemma_.lower()
    if noun.pos_ == "PRON" or noun.tag_ in ("WP", "WDT"):
        return noun.lower_ in SPEAKING_PRONOUNS
    return (noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or noun.pos_ == "PROPN" or lemma in lex.agent_nouns
            or (noun.pos_ == "NOUN" and noun.is_title and is_agent(noun, lex))  # "Fields … said", mistagged
            or lemma in lex.vague_heads or lemma in lex.anonymous_heads or lemma in lex.organization_heads
            or lemma in lex.speaker_nouns or lemma in lex.cue_nouns)


def _quoted(tok: Token) -> bool:
    """Whether `tok` sits between quotation marks (a sentence may open inside a quotation that
    began in the sentence before: its first mark then closes)."""
    sent = tok.sent
    marks = _marks_in(sent)
    if not marks:
        return False
    first, first_text = marks[0]
    inside = first_text == "”" or (first_text in ('"', "''") and first > sent.start
                                   and tok.doc[first - 1].is_punct)
    for i, text in marks:
        if i >= tok.i:
            break
        inside = {"“": True, "``": True, "”": False}.get(text, not inside)
    return inside


def _introduces_colon(verb: Token) -> bool:
    return _index(verb.doc).colon_next[verb.i] or introduces_next_line(verb)


@dataclass
class _DocIndex:
    """What every sentence of a document is asked about its tokens, read once per document from
    spaCy's arrays instead of from a Token object per token and question."""

    anchors: list[int]            # tokens any cue shape can start from (see `_index`)
    marks: list[int]              # quotation marks (QUOTE_MARKS) ...
    mark_texts: list[str]         # ... and their text
    quotes_before: np.ndarray     # quotes_before[i]: tokens with spaCy's is_quote before token i
    colon_next: list[bool]        # whether _next_word(doc[i]) == ":"


def _index(doc: Doc) -> _DocIndex:
    index = doc.user_data.get(_INDEX_KEY)
    if index is None:
        strings = doc.vocab.strings
        table = doc.to_array([POS, LOWER, LEMMA, IS_QUOTE, ORTH, IS_SPACE]).astype(np.uint64).reshape(len(doc), 6)
        pos, lower, lemma, is_quote, orth, is_space = (table[:, k] for k in range(6))

        def hashes(words) -> np.ndarray:
            return np.array([strings[w] for w in words], dtype=np.uint64)

        # the first test of each cue shape: _according_to ("according"), _verb_cue (VERB, AUX),
        # _attitude_cue (lemma "put" or "be", or a contraction "'re", "'s", "'m"), _noun_cue (NOUN)
        anchors = (np.isin(pos, np.array([VERB, AUX, NOUN], dtype=np.uint64))
                   | np.isin(lemma, hashes(["put", "be"]))
                   | np.isin(lower, hashes(["according", *CONTRACTIONS])))
        marks = np.flatnonzero(np.isin(orth, hashes(sorted(QUOTE_MARKS)))).tolist()
        quotes_before = np.concatenate([[0], np.cumsum(is_quote != 0)])
        # _next_word: the first of the next two tokens that is not a space token
        n, colon, space = len(doc), (orth == strings[":"]).tolist(), (is_space != 0).tolist()
        colon_next = [i + 1 < n and (colon[i + 1] and not space[i + 1]
                                     or space[i + 1] and i + 2 < n and colon[i + 2] and not space[i + 2])
                      for i in range(n)]
        index = doc.user_data[_INDEX_KEY] = _DocIndex(np.flatnonzero(anchors).tolist(), marks,
                                                      [doc[i].text for i in marks], quotes_before, colon_next)
    return index


CONTRACTIONS = ("'re", "'s", "'m", "’re", "’s", "’m")  # what _attitude_cue reads as "be"
_INDEX_KEY = "claimdesk.attribution_index"


def _tokens_of(span: Span, positions: list[int]) -> list[int]:
    """The positions (sorted token indices) that fall inside `span`."""
    return positions[bisect.bisect_left(positions, span.start):bisect.bisect_left(positions, span.end)]


def _marks_in(span: Span) -> list[tuple[int, str]]:
    """The quotation marks inside `span`: (token index, text), in order."""
    index = _index(span.doc)
    lo, hi = bisect.bisect_left(index.marks, span.start), bisect.bisect_left(index.marks, span.end)
    return list(zip(index.marks[lo:hi], index.mark_texts[lo:hi]))


def _has_quote(span: Span) -> bool:
    """Whether any token of `span` is a quote character by spaCy's `is_quote`."""
    quotes_before = _index(span.doc).quotes_before
    return bool(quotes_before[span.end] - quotes_before[span.start])


def _name_after(tok: Token) -> Optional[Token]:
    for cand in tok.doc[tok.i + 1: min(tok.i + 4, tok.sent.end)]:
        if cand.pos_ == "PROPN" or cand.ent_type_ in ("PERSON", "ORG"):
            return cand.head if cand.dep_ == "compound" and cand.head.pos_ == "PROPN" else cand
    return None


def _name_before(tok: Token) -> Optional[Token]:
    prev = tok.i - 1
    while prev >= tok.sent.start and tok.doc[prev].pos_ in ("ADV", "AUX", "PART"):
        prev -= 1
    if prev < tok.sent.start:
        return None
    cand = tok.doc[prev]
    if cand.pos_ == "PROPN" or cand.ent_type_ in ("PERSON", "ORG") or cand.lower_ in ("he", "she", "they"):
        return cand
    return None


def _apposition_before(tok: Token, lex: Lexicons) -> Optional[Token]:
    """The speaker the parse hung as an apposition on the reported clause's last noun: "Four people
    were injured, including a 62-year-old woman, the head of the regional administration said" (the
    head taken for the woman's apposition, "said" left without a subject). Only a noun phrase set off
    by a comma, ending just before the verb, that can speak."""
    prev = tok.i - 1
    if prev <= tok.sent.start:
        return None
    cand = tok.doc[prev]
    while cand.dep_ in ("pobj", "prep", "compound", "amod") and cand.head.i < tok.i and cand.head != cand:
        cand = cand.head
    if cand.dep_ != "appos" or cand.left_edge.i <= tok.sent.start or tok.doc[cand.left_edge.i - 1].text != ",":
        return None
    if cand.right_edge.i != prev or not (_can_speak(cand, lex) or is_agent(cand, lex)):
        return None
    return cand


def introduces_next_line(tok: Token) -> bool:
    """Whether the verb's object closes its line with a colon ("released the following statement:")."""
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None or obj.i < tok.i:
        return False
    doc, last = tok.doc, obj.right_edge.i
    while last > obj.i and (doc[last].is_space or doc[last].text == ":"):
        last -= 1  # the parser may hang the colon and the line break under the object
    colon = last + 1
    if colon >= len(doc) or doc[colon].text != ":":
        return False
    return "\n" in doc[colon].whitespace_ or colon + 1 == len(doc) or "\n" in doc[colon + 1].text


def _next_word(tok: Token) -> str:
    for nxt in tok.doc[tok.i + 1: tok.i + 3]:
        if not nxt.is_space:
            return nxt.text
    return ""


def _verb_words(tok: Token) -> str:
    particles = [c for c in tok.children if c.dep_ == "prt"]
    return " ".join([tok.text] + [p.text for p in particles])


def _attitude_cue(tok: Token, lex: Lexicons):
    """ "Democrats are confident that …", "she was critical of …", "as Smith put it"."""
    if tok.lemma_ == "put" and any(c.lower_ == "it" and c.dep_ == "dobj" for c in tok.children) \
            and any(c.lower_ == "as" and c.dep_ == "mark" for c in tok.children):
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            content = [tok.head] if tok.head != tok else []
            return tok, "put it", noun_phrase(subject), content
        return None
    if tok.lemma_ != "be" and tok.lower_.replace("’", "'") not in ("'re", "'s", "'m"):
        return None  # "they’re hopeful": the curly contraction is not always lemmatised
    adjective = next((c for c in tok.children if c.dep_ == "acomp" and c.lemma_.lower() in lex.attitude_adjectives), None)
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if adjective is None or subject is None or not _can_speak(subject, lex) or subject.lower_ in ("it", "there"):
        return None
    content = [c for c in adjective.children if c.dep_ in ("ccomp", "prep", "xcomp")]
    if not content:
        return None
    return tok, f"{tok.text} {adjective.text}", noun_phrase(subject), content


def _noun_cue(tok: Token, lex: Lexicons):
    """ "indications that …", "Stumpf's emphasis that …", "Mr. Obama's announcement of …"."""
    if (owned := _figures_owned_before_colon(tok)) is not None:
        owner, content = owned
        if _can_speak(owner, lex) or owner.ent_type_ == "PERSON" or owner.pos_ == "PROPN" or owner.is_title:
            return tok, tok.text, tok.doc[owner.left_edge.i:owner.i + 1], content  # without its "'s"
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in lex.cue_nouns:
        return None
    clause = [c for c in tok.children
              if c.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None:
        by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if owner is not None and not _can_speak(owner, lex):
        owner = None
    if not clause:
        if owner is None:
            return None
        clause = [c for c in tok.children if c.dep_ in ("prep", "acl") and c.lower_ not in ("by", "from")]
    source = noun_phrase(owner) if owner is not None else noun_phrase(tok, keep_head_only=True)
    return tok, tok.text, source, clause


def _role_named_after(head: Token, prep: Token) -> bool:
    """ "ambassador to the United Nations, Nikki Haley": the parser hangs the role holder's name on
    the prepositional object; the phrase names her, so it keeps the preposition."""
    return prep.dep_ == "prep" and prep.lower_ in ("to", "for", "at") and head.tag_ == "NN" \
        and head.lemma_.lower() in PERSON_ROLES and any(
            t.dep_ == "appos" and a_name(t) for o in prep.children if o.dep_ == "pobj" for t in o.children)


def noun_phrase(head: Token, keep_head_only: bool = False) -> Span:
    """The words of the noun phrase headed by `head`, without clauses, conjuncts or prepositions
    hanging off it (except "of"/"familiar with"), trimmed of edge punctuation."""
    doc = head.doc
    if head.pos_ == "PRON":
        return doc[head.i: head.i + 1]
    keep = {head}
    for child in head.children:
        if child.dep_ in NP_CUT and not (child.dep_ == "prep" and child.lower_ in ("of", "familiar", "with")) \
                and not (child.lower_ == "in" and head.pos_ == "NUM") \
                and not _role_named_after(head, child):  # "Nine in 10 voters"; "ambassador to the UN, X"
            continue
        if keep_head_only and child.dep_ in ("acl", "ccomp", "relcl"):
            continue
        keep.update(child.subtree)
    for child in head.children:  # "sources familiar with the matter": amod carrying its prep
        if child.dep_ == "amod" and child.lower_ == "familiar":
            keep.update(child.subtree)
    idx = sorted(t.i for t in keep)
    start, end = idx[0], idx[-1] + 1
    # keep a contiguous stretch around the head
    while start < head.i and doc[start].is_punct:
        start += 1
    # a town the parse hung on the speaker, ending the sentence before it: "… struck a building in Chuhuiv,
    # Kharkiv regional governor Andrii Sytnyk said" (the speaker is the governor, not "Chuhuiv, …")
    comma = next((k for k in range(start + 1, head.i) if doc[k].text == ","), None)
    if comma is not None and all(t.ent_type_ in ("GPE", "LOC") for t in doc[start:comma]):
        start = comma + 1
    while end - 1 > head.i and doc[end - 1].is_punct:
        end -= 1
    if head.ent_type_ in ("ORG", "PERSON", "GPE", "NORP", "FAC") and head.ent_iob_ in ("B", "I"):
        # a name is said whole: "the Institute for the Study of War", not "the Institute"
        name = next((e for e in entities_in(doc[max(0, head.i - 12):head.i + 13]) if e.start <= head.i < e.end), None)
        if name is not None:
            start, end = min(start, name.start), max(end, name.end)
    return doc[start:end]
