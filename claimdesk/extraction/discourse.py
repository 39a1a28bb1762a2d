"""Attribution that reaches past one sentence: speaker labels ("PENCE: …", "Pat Caddell: …") and
quotations running over several sentences, whose speaker is named once, before or after."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from claimdesk.extraction.attribution import Cue, introduces_next_line
from claimdesk.extraction.sources import PronounResolver, classify, is_agent
from claimdesk.extraction.lexicons import Lexicons
from claimdesk.extraction.nlp import doc_entities
from claimdesk.models import Attribution, Claim

# a line opening with up to five capitalised words (or an all-caps name) and a colon
SPEAKER = re.compile(r"^[ \t]*[\"“]?((?:[A-Z][\w.’'\-]*\s+){0,4}[A-Z][\w.’'\-]*):[ \t]+\S", re.MULTILINE)
NOT_SPEAKERS = {"update", "note", "editor's note", "correction", "photo", "video", "watch", "read more", "related",
                "disclaimer", "source", "sources", "image", "credit", "q", "a", "by", "breaking", "exclusive"}
HEADING_WORDS = {"thought", "takeaway", "conclusion", "background", "summary", "analysis", "context", "outlook",
                 "bottom", "line", "next", "update", "timeline", "faq", "question", "answer", "lesson", "verdict"}
OPEN_QUOTES = {"“": "”", '"': '"', "``": "''", "''": "''"}
_OPENING = re.compile("|".join(re.escape(mark) for mark in OPEN_QUOTES))


def speaker_labels(text: str, parsed: Doc, lex: Lexicons, resolver: PronounResolver) -> list[tuple[int, int, Attribution]]:
    """(start, end, attribution) for the rest of each line that opens with a speaker label."""
    found = []
    for m in SPEAKER.finditer(text):
        label = m.group(1)
        if label.lower() in NOT_SPEAKERS or len(label) < 2:
            continue
        span = parsed.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None:
            continue
        # "Trump: ‘I’m the worst thing …’": a quotation after the colon is someone's words even where the
        # tagger takes the name for a common noun
        quoted = text[m.end(1) + 1:m.end(1) + 3].strip()[:1] in ("‘", "“", '"', "'")
        # a headline's "Trump: My immigration plans aren't set in stone": the tagger takes the name for a
        # common noun, but the article names the same someone elsewhere ("Donald Trump said …")
        elsewhere = _named_elsewhere(span, parsed)
        document = span.root.lemma_.lower() in lex.document_nouns and len(span) == 1  # "Poll: Trump and Clinton …"
        if not quoted and elsewhere is None and not document \
                and not any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") or t.is_upper for t in span):
            continue
        if any(t.lower_ in HEADING_WORDS or t.lower_[:-1] in HEADING_WORDS for t in span) \
                or not (quoted or elsewhere is not None or is_agent(span.root, lex)):
            continue  # a heading ("Final Thoughts:", "Key Takeaways:"), not a speaker
        line_end = text.find("\n", m.end(1))
        line_end = len(text) if line_end < 0 else line_end
        attribution = classify(span, ":", span.root, lex, resolver)
        if elsewhere is not None and attribution.kind not in ("named_person", "named_organization"):
            attribution.kind = "named_person" if elsewhere == "PERSON" else "named_organization"
        if attribution.kind == "named_organization" and not any(t.ent_type_ == "ORG" for t in span) \
                and elsewhere in (None, "PERSON"):
            attribution.kind = "named_person"  # transcript labels ("PENCE:") name people
        found.append((m.end(1) + 1, line_end, attribution))
    return found


# "Bernie Sanders ― “…”": a name and a dash opening a line, a quotation right after it
DASH_SPEAKER = re.compile(r"^[ \t]*((?:[A-Z][\w.’'\-]*\s+){0,4}[A-Z][\w.’'\-]*)[ \t]*[―—–-][ \t]*(?=[\"“‘])", re.MULTILINE)
# a quotation paragraph signed on the next line ("-Michelle Marks, Philadelphia.") or a tweet's
# "… — Paul Ryan (@SpeakerRyan) July 5, 2016"
SIGN_OFF = re.compile(r"^[ \t]*[―—–-]+[ \t]*((?:[A-Z][\w.’'\-]*\s+){0,4}[A-Z][\w.’'\-]*)[ \t]*(?:,[^\n]{0,60})?$", re.MULTILINE)
TWEET_SIGN_OFF = re.compile(r"[ \t][―—–][ \t]*((?:[A-Z][\w.’'\-]*\s+){0,4}[A-Z][\w.’'\-]*)[ \t]*\(@\w+\)")


def signed_lines(text: str, parsed: Doc, lex: Lexicons, resolver: PronounResolver) -> list[tuple[int, int, Attribution]]:
    """(start, end, attribution) of the words a dash credits to a name: the rest of the line after
    "Name ― “…", the quotation paragraph before a "-Name, Place" line, a tweet's text before its
    "— Name (@handle)"."""
    found = []
    for pattern, where in ((DASH_SPEAKER, "after"), (SIGN_OFF, "before"), (TWEET_SIGN_OFF, "line")):
        for m in pattern.finditer(text):
            name = m.group(1).rstrip(".")
            span = parsed.char_span(m.start(1), m.start(1) + len(name), alignment_mode="expand")
            if span is None or span.root.lower_ in NOT_SPEAKERS or name.isupper():
                continue  # "NEW YORK AT ITS CORE—“For …”" is a heading
            signed = where == "before" and len(span) >= 2 and all(t.is_title for t in span)  # "-Michelle Marks"
            if not signed and not any(t.ent_type_ in ("PERSON", "ORG") for t in span) \
                    and _named_elsewhere(span, parsed) is None:
                continue  # "WASHINGTON ― …" is a dateline; a name must name someone
            if where == "after":
                end = text.find("\n", m.end())
                start, end = m.end(), len(text) if end < 0 else end
            elif where == "line":
                start = text.rfind("\n", 0, m.start()) + 1
                end = m.start()
            else:
                end = text.rfind("\n", 0, m.start())
                while end > 0 and text[end - 1].isspace():
                    end -= 1
                start = text.rfind("\n", 0, end) + 1
                if text[start:end].lstrip()[:1] not in ('"', "“", "‘"):
                    continue  # only a quotation is signed
            attribution = classify(span, "―", span.root, lex, resolver)
            attribution.kind = "named_organization" if any(t.ent_type_ == "ORG" for t in span) else "named_person"
            attribution.source, attribution.source_span = name, (m.start(1), m.start(1) + len(name))
            found.append((start, end, attribution))
    return found


def _named_elsewhere(label, parsed: Doc):
    """The entity label (PERSON, ORG …) under which the article names the label's last word
    elsewhere, or None: "Trump" in a headline and "Donald Trump" in the story."""
    word = label[-1].text
    if not word[:1].isupper() or word.isupper() and len(word) <= 3:
        return None
    for ent in doc_entities(parsed):
        if ent.label_ in ("PERSON", "ORG", "NORP", "GPE") and not (label.start <= ent.start < label.end) \
                and word in (t.text for t in ent):
            return ent.label_
    return None


def quotations(text: str) -> list[tuple[int, int]]:
    """[start, end) of each quotation within a paragraph, marks included."""
    regions = []
    for line in re.finditer(r"[^\n]+", text):
        body, base, i = line.group(0), line.start(), 0
        while i < len(body):
            opening = _OPENING.search(body, i)  # the next opening mark, not a walk over each character
            if opening is None:
                break
            i, mark = opening.start(), opening.group(0)
            close = OPEN_QUOTES[mark]
            j = body.find(close, i + len(mark))
            if mark in ("“", '"'):  # typed text mixes curly and straight marks: '“At this point …," said X'
                other = body.find('"' if mark == "“" else "”", i + len(mark))
                j = other if other >= 0 and (j < 0 or other < j) else j
            if j < 0:
                regions.append((base + i, base + len(body)))  # runs on to the paragraph's end
                break
            regions.append((base + i, base + j + len(close)))
            i = j + len(close)
    return regions


def introduces_next_paragraph(cue: Cue, text: str) -> bool:
    """A cue verb followed by a colon that ends its line: "Caddell continued:", "Clinton released the
    following statement:" (the colon closing the verb's own phrase)."""
    anchor = cue.anchor
    end = anchor.idx + len(anchor.text)
    rest = text[end: text.find("\n", end) if "\n" in text[end:] else len(text)]
    if anchor.pos_ not in ("VERB", "AUX") or cue.source is None:
        return False
    return rest.strip() == ":" or introduces_next_line(anchor)


def _next_paragraph(text: str, offset: int) -> tuple[int, int]:
    start = text.find("\n", offset)
    if start < 0:
        return len(text), len(text)
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n", start)
    return start, len(text) if end < 0 else end


def _open(claim: Claim) -> bool:
    """Unattributed, or attributed only to "I"/"you"/"we" inside someone else's words."""
    a = claim.attribution
    return a.kind == "none" or (a.source or "").lower() in ("i", "you", "we")


def propagate(claims: list[Claim], text: str, parsed: Doc, lex: Lexicons, resolver: PronounResolver,
              cues: list[Cue] = ()) -> None:
    """Give unattributed claims the attribution of their speaker label, their introduction
    ("X continued:" closing the previous paragraph) or the speaker of their quotation."""
    for start, end, attribution in speaker_labels(text, parsed, lex, resolver):
        for claim in claims:
            # "Dmytro Kuleba: Moscow claims the bridge was never hit": the line is Kuleba's, though Moscow
            # speaks inside it (the claim "Moscow claims …" alone stays Moscow's)
            inside = claim.attribution.source_span is not None and claim.attribution.source_span[0] >= start \
                and claim.span[0] < start
            if (_open(claim) or inside) and claim.span[0] < end and start < claim.span[1]:
                claim.attribution = attribution
    for start, end, attribution in signed_lines(text, parsed, lex, resolver):
        for claim in claims:
            if _open(claim) and claim.span[0] < end and start < claim.span[1]:
                claim.attribution = attribution
    for cue in cues:
        if introduces_next_paragraph(cue, text):
            start, end = _next_paragraph(text, cue.anchor.idx)
            for claim in claims:
                if _open(claim) and start <= claim.span[0] < end:
                    claim.attribution = cue.attribution
    speakers = [c for c in cues if c.source is not None and c.attribution.kind != "none"
                and c.anchor.pos_ in ("VERB", "AUX")]
    last_speaker: dict[int, Attribution] = {}  # paragraph start -> the speaker of its last quotation
    for q_start, q_end in quotations(text):
        donor = _speaker_of(speakers, q_start, q_end, text)
        if donor is None:
            continue
        last_speaker[text.rfind("\n", 0, q_start) + 1] = donor
        for claim in claims:
            if q_start <= claim.span[0] < q_end and _open(claim):
                claim.attribution = donor
    # a paragraph that is one speaker-less quotation goes on in the words of the speaker quoted last in
    # the paragraph before ('… said Murphy, who …' / '“I mean, I don't think …”')
    for start, end in _quotation_paragraphs(text):
        previous_end = start
        while previous_end > 0 and text[previous_end - 1].isspace():
            previous_end -= 1
        donor = last_speaker.get(text.rfind("\n", 0, previous_end) + 1) if previous_end > 0 else None
        inside = [c for c in claims if start <= c.span[0] < end]
        if donor is not None and inside and all(_open(c) for c in inside):
            for claim in inside:
                claim.attribution = donor


def _quotation_paragraphs(text: str) -> list[tuple[int, int]]:
    """[start, end) of each paragraph that opens with a quotation mark and holds nothing but quotations."""
    found = []
    for m in re.finditer(r"[^\n]+", text):
        body = m.group(0).strip()
        if body[:1] not in ('"', "“") or not body.rstrip(".").endswith(('"', "”")):
            continue
        found.append((m.start(), m.end()))
    return found


NEAR = 60


def _speaker_of(cues: list[Cue], q_start: int, q_end: int, text: str):
    """The attribution of the speech verb just after the quotation ('…,” Clinton said.') or just
    before it ('Clinton said: “…'), on the same line and outside the quotation."""
    line_start = text.rfind("\n", 0, q_start) + 1
    line_end = text.find("\n", q_end)
    line_end = len(text) if line_end < 0 else line_end
    after, before = [], []
    for cue in cues:
        at = cue.anchor.idx
        if q_start <= at < q_end or not (line_start <= at < line_end):
            continue
        if q_start <= cue.attribution.source_span[0] < q_end if cue.attribution.source_span else False:
            continue
        if 0 <= at - q_end <= NEAR:
            after.append((at - q_end, cue))
        elif 0 <= q_start - (at + len(cue.anchor.text)) <= NEAR:
            before.append((q_start - at, cue))
        elif at < q_start and _ends_before(cue.anchor.sent.end_char, q_start, text):
            # '"…," said Amy Rao, the chief executive of a data firm and a donor. "Now it's mostly women."':
            # a quotation opening the sentence after its speaker's goes on in the speaker's words
            before.append((q_start - at, cue))
    best = min(after, key=lambda p: p[0], default=None) or min(before, key=lambda p: p[0], default=None)
    return best[1].attribution if best else None


def _ends_before(sent_end: int, q_start: int, text: str) -> bool:
    """Whether a sentence ending at `sent_end` ends where the quotation at `q_start` opens (the
    parser may take the opening marks into the sentence before)."""
    return sent_end <= q_start + 2 and not text[min(sent_end, q_start):q_start].strip()
