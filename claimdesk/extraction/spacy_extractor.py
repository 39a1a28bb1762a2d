"""The rule-and-parse extractor: spaCy's dependency parse, entities and lemmas, read by small
modules (clauses, attribution, hedging, events, check-worthiness)."""

from __future__ import annotations

import logging
import multiprocessing
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Optional

import numpy as np
from spacy.attrs import IS_ALPHA, POS
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span, Token

from claimdesk.extraction import attach, base, discourse, setting
from claimdesk.extraction.attribution import Cue, PronounResolver, find_cues
from claimdesk.extraction.checkworthiness import checkworthiness_many, encoder_scores
from claimdesk.extraction.clauses import Unit, units_of
from claimdesk.extraction.events import actors_of, event_type_of, reported_event
from claimdesk.extraction.hedging import hedges_of, polarity_of
from claimdesk.extraction.lexicons import Lexicons, lexicons
from claimdesk.extraction.nlp import doc_text, load_nlp, parsed_from, span_text
from claimdesk.models import Attribution, Claim, Document, Place, When
from claimdesk.workers import default_workers

MIN_WORDS = 4
IN_FLIGHT = 4  # documents drafted ahead of the one being finished while their claims are scored

log = logging.getLogger(__name__)


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _parseable(doc: Document) -> str:
    """The text to parse: all of it, or (for a book-length text) its first part, up to
    `base.EXTRACT_MAX_CHARS`, so spans stay offsets into the document."""
    limit = base.extraction_limit(doc.text)
    if limit >= len(doc.text):
        return doc.text
    log.info("%s: %d characters; claims are extracted from the first %d", doc.source, len(doc.text), limit)
    return doc.text[:limit]


@dataclass
class _Draft:
    """A document's claims as its sentences give them, with what finishing them reads."""

    doc: Document
    parsed: Doc
    claims: list[Claim]
    signals: list[tuple[Span, str, list[str], str]]  # what check-worthiness reads of each claim
    cues: list[Cue]  # every cue, also of sentences too short for a claim ("Clinton said.")
    resolver: PronounResolver
    places: list[Place]

    def signal_texts(self) -> list[str]:
        return [span_text(span) for span, *_ in self.signals]


def _spare_core() -> bool:
    """A main process with more than one core to run on (a pool's worker shares every core)."""
    return multiprocessing.parent_process() is None and default_workers() > 1


class SpacyExtractor:
    """Claims from the dependency parse.

    >>> from claimdesk.models import Document
    >>> doc = Document.from_text("Officials said six soldiers were killed in Donetsk.", source="example")
    >>> [c.event_type for c in SpacyExtractor().extract(doc)]
    ['statement']
    """

    name = "claimdesk.spacy"
    version = "v1"

    def __init__(self, batch_size: int = 16, n_process: int = 1):
        self.batch_size = batch_size
        self.n_process = n_process

    @property
    def label(self) -> str:
        return f"{self.name}.{self.version}"

    def extract(self, doc: Document) -> list[Claim]:
        text = _parseable(doc)
        return self.claims_from(doc, parsed_from(load_nlp()(text), text))

    def extract_many(self, docs: Iterable[Document]) -> Iterator[list[Claim]]:
        if self.n_process <= 1:
            yield from self._extract_batch(docs)
            return
        # Each worker parses *and* extracts its share, so both cores work on the whole job (with
        # spaCy's own n_process only the parse runs in the workers). Order is kept.
        import multiprocessing

        load_nlp()  # load before forking: workers share the model's memory
        context = multiprocessing.get_context("fork")
        with context.Pool(self.n_process) as pool:
            for claims_of_batch in pool.imap(self._extract_list, _batches(docs, self.batch_size)):
                yield from claims_of_batch

    def _extract_list(self, docs: list[Document]) -> list[list[Claim]]:
        return list(self._extract_batch(docs))

    def _extract_batch(self, docs: Iterable[Document]) -> Iterator[list[Claim]]:
        pairs = ((text, (text, d)) for d in docs for text in (_parseable(d),))
        parsed_docs = ((parsed_from(parsed, text), d)
                       for parsed, (text, d) in load_nlp().pipe(pairs, as_tuples=True, batch_size=self.batch_size))
        if not _spare_core():
            for parsed, doc in parsed_docs:
                yield self.claims_from(doc, parsed)
            return
        # The check-worthiness encoder releases the GIL while it runs, so on an idle core it scores
        # documents' claims while this thread parses and reads the next ones. A few documents are in
        # flight: the scorer waits for the GIL between its runs, and should never wait for work.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="claimdesk-checkworthiness") as scorer:
            pending: deque[tuple[_Draft, Future]] = deque()
            try:
                for parsed, doc in parsed_docs:
                    draft = self._draft(doc, parsed)
                    pending.append((draft, scorer.submit(encoder_scores, draft.signal_texts())))
                    if len(pending) > IN_FLIGHT:
                        draft, job = pending.popleft()
                        yield self._finish(draft, job.result)
            except Exception:  # the documents drafted before a failure come out before it is raised, as in line
                while pending:
                    draft, job = pending.popleft()
                    yield self._finish(draft, job.result)
                raise
            while pending:
                draft, job = pending.popleft()
                yield self._finish(draft, job.result)

    def claims_from(self, doc: Document, parsed: Doc) -> list[Claim]:
        return self._finish(self._draft(doc, parsed))

    def _draft(self, doc: Document, parsed: Doc) -> _Draft:
        """The document's claims before check-worthiness, cross-sentence links and settings."""
        lex = lexicons()
        # Dates, places and quantities only where claims can be: the parsed part of a too-long text.
        part = doc if len(doc_text(parsed)) >= len(doc.text) else doc.model_copy(update={"text": doc_text(parsed)})
        found = attach.find_all(part, parsed)
        resolver = PronounResolver(parsed)
        claims, signals = [], []  # signals: what check-worthiness reads, scored for all claims at once
        all_cues = []
        verbs_before, words_before = _running_counts(parsed)
        for sent in parsed.sents:
            if doc.furniture and doc.in_furniture((sent.start_char, sent.end_char)):
                continue  # site furniture (a menu, a sign-up prompt, a credit) is never a claim
            if verbs_before[sent.end] == verbs_before[sent.start]:
                continue  # no verb
            cues = find_cues(sent, lex, resolver)
            all_cues.extend(cues)
            if words_before[sent.end] - words_before[sent.start] < MIN_WORDS:
                continue
            coordinated = []
            for unit in units_of(sent, cues):
                made = self._claim(doc, sent, unit, cues, found, lex)
                if made is None:
                    continue
                claim, words = made
                if not doc.in_furniture(claim.span):
                    claims.append(claim)
                    signals.append((words, claim.attribution.kind, claim.hedges, claim.event_type))
                    if not unit.embedded:
                        coordinated.append(claim)
            share_setting(coordinated, found)
        return _Draft(doc, parsed, claims, signals, all_cues, resolver, found.places)

    def _finish(self, draft: _Draft,
                encoder_part: Optional[Callable[[], Optional[list[float]]]] = None) -> list[Claim]:
        for claim, score in zip(draft.claims, checkworthiness_many(draft.signals, encoder_part)):
            claim.checkworthiness = score
        claims = one_per_span(draft.claims)
        discourse.propagate(claims, draft.doc.text, draft.parsed, lexicons(), draft.resolver, draft.cues)
        setting.set_claims(claims, draft.doc.text, draft.places)
        return claims

    def _claim(self, doc: Document, sent: Span, unit: Unit, cues: list[Cue], found: attach.Found,
               lex: Lexicons) -> Optional[tuple[Claim, Span]]:
        """The claim (check-worthiness still unset) and its words; None for words that are only
        who spoke (`only_its_frame`)."""
        words = unit.tokens(sent)
        cue = _cue_for(unit, cues)
        if only_its_frame(words, cue, lex) if cue is not None else speaks_of_nothing(unit.head, words, lex):
            return None
        span = (words.start_char, words.end_char)
        attribution = cue.attribution if cue else Attribution()
        content = _content_head(unit.head, cue)
        hedges = hedges_of(words, cue.anchor if cue and cue.anchor.pos_ in ("VERB", "AUX") else None, lex)
        event_type = event_type_of(unit.head, words, lex)
        if event_type == "statement" and cue is not None and cue.anchor == unit.head:
            event_type = reported_event(unit.head, cue.content, words, lex) or event_type
        when, places, quantities = found.in_span(span)
        return Claim(
            id=Claim.make_id(doc.id, span),
            document_id=doc.id,
            text=words.text,
            span=span,
            line=doc.line_of(span[0]),
            event_type=event_type,
            actors=actors_of(unit.head, words),
            attribution=attribution,
            hedges=hedges,
            polarity=polarity_of(unit.head, content, lex),
            when=when,
            places=places,
            quantities=quantities,
            extractor=self.label,
        ), words


# nouns of the reporting frame itself: "…, said in a statement", "told the paper in an interview"
_FRAME_NOUNS = frozenset({"statement", "interview", "release", "conference", "briefing", "email", "e-mail", "post",
                          "tweet", "message", "letter", "phone", "telephone"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "NUM", "VERB", "ADJ"})
_QUOTATION_MARK = re.compile("[\"“”«»„]|``|''")


def only_its_frame(words: Span, cue: Cue, lex: Lexicons) -> bool:
    """The words hold nothing but their speaker and a verb or noun of saying ("The military
    confirmed", "cited by Reuters", "Timberlake said", "Observers report"): no quotation and no
    noun, name, number, verb or adjective of their own beyond the speaker, the cue and the frame's
    day or medium ("announced on Thursday", "said in a statement"). Such words state nothing to
    check (news_cluster: 0.6 % of claims); the cue still lends its speaker to the quotation before it."""
    if cue.source is None or not (words.start <= cue.source.start and cue.source.end <= words.end):
        return False
    source = range(cue.source.start, cue.source.end)
    if cue.anchor.i in source:
        return False  # a source read over the whole clause: its words are not only a speaker
    lemma = cue.anchor.lemma_.lower()
    if cue.cue != "according to" and lemma not in lex.said_words:
        return False  # a learnt cue that is also a deed ("He pushed me down") keeps its words
    if _QUOTATION_MARK.search(words.text) or _answers_or_acts(words, lemma, lex):
        return False
    return not _holds_content(t for t in words if t.i not in source and t != cue.anchor)


def _answers_or_acts(words: Span, lemma: str, lex: Lexicons) -> bool:
    """A denial or a negation of what came before ("All have denied it.", "Felt never said it.",
    "Authorities are not commenting"), or a verb done to someone ("Police have charged him"): these
    say something with a pronoun alone."""
    return lemma in lex.denial_cues or any(t.dep_ == "neg" or t.lower_ == "never" for t in words) \
        or any(t.dep_ in ("dobj", "pobj") and t.lower_ in _PERSONS for t in words)


_PERSONS = frozenset({"him", "her", "them", "me", "us", "you"})


MISPARSED_CLAUSE_WORDS = 6  # a "subject" this long holding a verb of its own is a clause (`speaks_of_nothing`)


def speaks_of_nothing(head: Token, words: Span, lex: Lexicons) -> bool:
    """A verb of saying with its subject and nothing said ("Colts interim coach Bruce Arians asked."
    after his question, which the sentence splitter cut off): no cue was found, for the verb has
    no clause or quotation, and no claim is made of it."""
    if head.lemma_.lower() not in lex.said_words or head.tag_ not in ("VBD", "VBZ", "VBP") \
            or _QUOTATION_MARK.search(words.text) or _answers_or_acts(words, head.lemma_.lower(), lex):
        return False
    # an active verb whose subject names someone ("I just know", "the names had not been confirmed"
    # and "None of them were charged" say something), followed by nothing but a day or a stop
    subjects = [c for c in head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
    if not subjects:
        return False
    speaker = {t.i for c in subjects for t in c.subtree}
    if len(speaker) >= MISPARSED_CLAUSE_WORDS and any(
            t.pos_ == "VERB" and t.tag_ in ("VBD", "VBN", "VBZ", "VBP") and t.dep_ not in ("amod", "relcl")
            and t.head.dep_ != "relcl" for c in subjects for t in c.subtree):
        # a clause hung on a "subject" by a misparse holds what was said: "The fire at the depot burned for
        # about six hours before it was put out, the regional branch of the service said", read after a
        # sentence cut by ", while", parses "fire" as the subject of "said"
        return False
    return all(t.i in speaker or t == head or t.pos_ == "PUNCT" or t.ent_type_ in ("DATE", "TIME") for t in words)


def _holds_content(tokens: Iterable[Token]) -> bool:
    """A noun, name, number, verb or adjective other than the frame's medium or day."""
    for t in tokens:
        if t.pos_ not in _CONTENT_POS or t.lower_ in _FRAME_NOUNS:
            continue
        if t.ent_type_ in ("DATE", "TIME") and t.pos_ != "NUM":
            continue
        return True
    return False


def _running_counts(parsed: Doc) -> tuple[np.ndarray, np.ndarray]:
    """For each token index i, how many tokens before it are verbs (VERB or AUX) and how many are
    words (`is_alpha`): a sentence's counts are two subtractions, not a walk over its Tokens."""
    table = parsed.to_array([POS, IS_ALPHA]).reshape(len(parsed), 2)
    verbs = np.isin(table[:, 0], np.array([VERB, AUX], dtype=table.dtype))
    return np.concatenate([[0], np.cumsum(verbs)]), np.concatenate([[0], np.cumsum(table[:, 1] != 0)])


def share_setting(coordinated: list[Claim], found: attach.Found) -> None:
    """Coordinated clauses of one sentence told by one speaker share the day and place said once for
    all: in "Four people were killed and at least 11 wounded when Russian missiles struck a port in
    Odesa early on Tuesday, the emergency service said" the parser hangs the when-clause on the last
    clause, yet the deaths are of that strike too. A clause naming no day (no town) takes the one day
    (the one town) its fellows name; when they name two or more, it takes none ("Police detained two
    men on Monday and released a third on Wednesday, and a fourth man was charged"). Years, months,
    countries and regions are not shared: on news_cluster they were a setting of the sentence's other
    clause more often than of both ("The South has no nuclear weapons of its own" took the United States)."""
    _share_closing_speaker(coordinated)
    for speaker in {c.attribution.source for c in coordinated}:
        told = [c for c in coordinated if c.attribution.source == speaker]
        if len(told) < 2:
            continue
        dates, places = [], []
        for claim in told:
            d, p = found.setting_in(claim.span)
            dates += [when for when in d if not _day_of_saying(claim, when) and not _after_closing_speaker(claim, when.span)]
            places += [place for place in p if not _inside(place.span, claim.attribution.source_span)
                       and not _after_closing_speaker(claim, place.span)]
        days = [d for d in dates if d.granularity == "day"]
        towns = [p for p in places if p.kind == "city"]
        one_setting = len({d.value for d in dates}) <= 1 and len({p.name for p in places}) <= 1
        for claim in told:
            if claim.when is None and days and one_setting:
                claim.when = days[0].model_copy()
            if not claim.places and towns and one_setting:
                claim.places = [towns[0].model_copy()]


# what may follow a speaker who closes a sentence: the verb of saying, a day, a medium
_CLOSES = re.compile(r"\s*(?:(?:said|says|told\s+\w+|wrote|reported|added|stated|confirmed)\b[^,;]{0,40})?[\s.\"”’)]*",
                     re.I)
_ADDED = re.compile(r"\b(?:adding|added|saying|and\s+said|noting)\b", re.I)


def _share_closing_speaker(coordinated: list[Claim]) -> None:
    """A speaker named after all the clauses of a sentence speaks for each: in "At least 12 people were
    killed and 31 wounded when a missile hit the building, according to the head of the city's
    administration" the parser hangs "according to" on the last clause, yet the deaths are his figure
    too, and of that strike. A clause with no speaker before the one whose speaker closes the sentence
    takes that speaker. A speaker opening its own clause ("Two people were killed and the governor said
    the attack was deliberate") speaks for that clause only."""
    spoken = [c for c in coordinated if c.attribution.kind != "none" and c.attribution.source_span is not None]
    if len({c.attribution.source for c in spoken}) != 1:
        return
    last = max(spoken, key=lambda c: c.span[0])
    source = last.attribution.source_span
    assert source is not None
    if source[0] <= last.span[0] or any(c.span[0] > last.span[0] for c in coordinated):
        return
    # the speaker closes the sentence: "…, according to the mayor." / "…, the governor said on Tuesday."
    # (not "…, and in Kyiv the president said the strike was a war crime": that speaker opens a clause)
    start = source[0] - last.span[0]
    before, after = last.text[:max(0, start)], last.text[source[1] - last.span[0]:]
    if not (re.search(r"(?:according\s+to|,)\s*$", before, re.I) and _CLOSES.fullmatch(after)):
        return
    for claim in coordinated:
        if claim.attribution.kind == "none" and claim.span[1] <= last.span[0]:
            claim.attribution = last.attribution.model_copy()


_SAID_ON = re.compile(r"\s+(?:said|told\s+\w+|wrote|announced|added|reported|stated|confirmed)"
                      r"(?:\s+in\s+a\s+statement)?\s+(?:(?:late|early)\s+)?(?:on\s+)?", re.IGNORECASE)


def _day_of_saying(claim: Claim, when: When) -> bool:
    """The date right after the speaker's verb is when it was said, not when it happened: "Two people
    were killed and fourteen injured after a drone slammed into a train in Shostka late on Friday,
    Ukraine's national rail operator said on Saturday"."""
    source = claim.attribution.source_span
    if source is None or when.span is None or when.span[0] < source[1]:
        return False
    if not claim.span[0] <= source[1] <= claim.span[1]:
        return False  # a speaker outside the clause (a source carried over from the sentence before)
    return bool(_SAID_ON.fullmatch(claim.text[source[1] - claim.span[0]:when.span[0] - claim.span[0]]))


def _after_closing_speaker(claim: Claim, span: Optional[tuple[int, int]]) -> bool:
    """`span` is in what a speaker named after the clause's telling added ("…, the region's governor said,
    adding that repair crews had restored power by Wednesday afternoon"), not the setting of the clauses
    before ("…, police said, in a knife attack in Lyon on Monday" still sets them)."""
    source = claim.attribution.source_span
    if span is None or source is None or not (claim.span[0] < source[0] and source[1] <= span[0]):
        return False
    between = claim.text[source[1] - claim.span[0]:max(0, span[0] - claim.span[0])]
    return bool(_ADDED.search(between))


def _inside(span: Optional[tuple[int, int]], outer: Optional[tuple[int, int]]) -> bool:
    """A place in the speaker ("Ukraine's national rail operator") is no setting of what was said."""
    return span is not None and outer is not None and outer[0] <= span[0] and span[1] <= outer[1]


def one_per_span(claims: list[Claim]) -> list[Claim]:
    """One claim for each span. Two clauses read off one stretch of words ("the Kremlin has denied
    these reports, calling them fake news": a denial and a statement) become one claim that carries
    both: the denial's polarity, event and denier, the hedges, actors and numbers of either."""
    by_span: dict[tuple[int, int], Claim] = {}
    for claim in claims:
        # one stretch of words with and without its closing stop is one span ("… captured false." and "… captured
        # false" read off one sentence by two clauses)
        key = (claim.span[0], claim.span[0] + len(claim.text.rstrip(_CLOSING)))
        kept = by_span.get(key)
        if kept is None:
            by_span[key] = claim
        elif kept.span == claim.span:
            by_span[key] = _merged(kept, claim)
        else:  # the reading of the whole sentence, stop and all, is the claim ("… signed for Burnley on Monday,
            # saying he didn't want to retire." is asserted, whatever the reading without its stop took from "didn't")
            whole, part = (kept, claim) if kept.span[1] > claim.span[1] else (claim, kept)
            by_span[key] = _merged(whole, part, keep_first=True)
    return list(by_span.values())  # a dict keeps each span where it first came


_CLOSING = ".!?;:,\"”’' \u00a0"


def _weight(claim: Claim) -> tuple[int, int, int]:
    return (claim.polarity == "denied" or claim.event_type == "denial",
            claim.attribution.kind != "none", claim.event_type not in ("other", "statement"))


def _merged(a: Claim, b: Claim, keep_first: bool = False) -> Claim:
    """One claim of two read off one span: the weightier's (`_weight`; `a` with `keep_first`) with the other's
    hedges, actors and numbers, and its speaker and event when it has none."""
    first, second = (b, a) if not keep_first and _weight(b) > _weight(a) else (a, b)
    merged = first.model_copy(deep=True)
    merged.hedges = first.hedges + [h for h in second.hedges if h not in first.hedges]
    merged.actors = first.actors + [x for x in second.actors if x not in first.actors]
    if merged.attribution.kind == "none":
        merged.attribution = second.attribution
    if merged.event_type in ("other", "statement") and second.event_type not in ("other", "statement"):
        merged.event_type = second.event_type
    merged.checkworthiness = max(first.checkworthiness, second.checkworthiness)
    return merged


def _cue_for(unit: Unit, cues: list[Cue]) -> Optional[Cue]:
    """The cue that governs the unit: its own speech verb, else the innermost cue whose content
    holds the unit's head, else a report-like noun or "according to" hanging off the head."""
    head = unit.head
    own = [c for c in cues if c.anchor == head and c.attribution.kind != "none"]
    if (unit.embedded or unit.own_speaker) and own:
        return own[0]  # "…, who claimed that …" inside another's words is still its own speaker's
    if head.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children):
        # "X predicted that wages would fall, but that the payments would offset …": the parser hangs the
        # second that-clause on the verb of saying; it is the second thing X said
        second = [c for c in cues if c.anchor == head.head and c.attribution.kind != "none"]
        if second:
            return second[0]
    candidates = [c for c in cues if c.anchor == head or c.covers(head)]
    speaking = [c for c in candidates if c.attribution.kind != "none"]
    candidates = speaking or candidates  # "Mr. Obama said" over an "I" inside his words
    if unit.own_speaker:
        # a part cut from its sentence keeps a speaker of its own over the one closing the sentence: "In
        # Pavlohrad, drones set fire to a depot, the emergency service said, while …, Governor X said"
        candidates = [c for c in speaking if unit.start <= c.anchor.i < unit.end] or candidates
    # "X is considering …, according to officials": the officials are the source, X the actor
    according = [c for c in candidates if c.cue == "according to" and c.attribution.kind != "none" and head in c.content]
    if according:
        return according[0]
    if candidates:
        # the outermost: "Clinton had told police …, the source added" is the source's claim
        outer = [c for c in candidates if not any(d is not c and d.covers(c.anchor) for d in candidates)]
        return (outer or candidates)[0]
    inside = [c for c in cues if unit.start <= c.anchor.i < unit.end and c.attribution.kind != "none"]
    near = [c for c in inside if c.anchor.head == head]
    return (near or inside or [None])[0]


def _content_head(head: Token, cue: Optional[Cue]) -> Optional[Token]:
    if cue is None or cue.anchor != head:
        return None
    return next((h for h in cue.content if h.dep_ in ("ccomp", "xcomp")), None)


def sentence_signals(sent: Span, resolver: PronounResolver) -> tuple[str, list[str], str]:
    """Attribution kind, hedges and event type of a whole sentence (its root clause), as the
    check-worthiness trainer sees a labelled sentence."""
    lex = lexicons()
    cues = find_cues(sent, lex, resolver)
    unit = Unit(sent.root, sent.start, sent.end)
    cue = _cue_for(unit, cues)
    hedges = hedges_of(sent, cue.anchor if cue and cue.anchor.pos_ in ("VERB", "AUX") else None, lex)
    return (cue.attribution.kind if cue else "none"), hedges, event_type_of(sent.root, sent, lex)
