"""Certainty escalation: a thing first hedged ("reportedly killed", "may have deserted",
"unconfirmed reports of casualties") and later stated as settled ("confirmed casualties",
"it is clear they deserted") with no new source for it in between.

Events are recognised by small word families (casualties, injuries, desertion, capture, attack,
deployment); a later sentence that attributes the same kind of event to someone ("officials
said six died") counts as a new source and clears the hedge.
"""

from __future__ import annotations

import json
from functools import lru_cache
import re
from pathlib import Path
from typing import Optional

from claimdesk.audit.context import AuditContext
from claimdesk.models import Finding

KIND = "certainty_escalation"

# Each family is a set of word forms (event_families.json); a form not listed joins a family when its
# stem equals a listed form's stem. The stemmer is a few hand-written suffix rules rather than
# spaCy's lemmatizer because the audit runs without a model and must stay fast (bench/audit.py);
# it also joins noun and verb ("resignation"/"resigned"), which a lemmatizer does not.
_FAMILY_DATA = json.loads((Path(__file__).with_name("event_families.json")).read_text(encoding="utf-8"))
FAMILIES: dict[str, frozenset[str]] = {
    name: frozenset(form.lower() for form in forms) for name, forms in _FAMILY_DATA.items() if not name.startswith("_")
}
_SUFFIXES = ("ations", "ation", "ated", "ating", "ates", "ments", "ment", "ions", "ion", "ings", "ing", "ers", "ed", "es", "s", "e")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light suffix stemmer: 'resignation', 'resigned' -> 'resign'; 'kidnapping' -> 'kidnap'."""
    w = word.lower()
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[:-len(suffix)]
            break
    if len(w) >= 5 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    return w


_WORD_FAMILY = {form: name for name, forms in FAMILIES.items() for form in forms if " " not in form}
_STEM_FAMILY = {stem(form): name for form, name in _WORD_FAMILY.items() if len(stem(form)) >= 4}
# a word can be in a family only if it starts like a listed form: one scan finds those candidates
_CANDIDATE = re.compile(
    r"\b(?:" + "|".join(sorted({re.escape(f[:4]) for f in _WORD_FAMILY} | {re.escape(s[:4]) for s in _STEM_FAMILY}))
    + r")[a-z'’-]*")


def _phrase_pattern(forms: frozenset[str]) -> str:
    phrases = sorted((f for f in forms if " " in f), key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, f.split())) for f in phrases)


_PHRASES = re.compile("|".join(
    rf"(?P<{name}>\b(?:{_phrase_pattern(forms)})\b)" for name, forms in FAMILIES.items() if _phrase_pattern(forms)
))  # matched on lower-cased text
# a phrase can only be there if its first word is: a cheap test that spares most sentences the scan
_PHRASE_HEADS = frozenset(f.split()[0] for forms in FAMILIES.values() for f in forms if " " in f)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# words before an unlisted event verb ("may have resigned") and words of a settled statement
HEDGE_CUES = frozenset(
    "reportedly allegedly purportedly supposedly apparently possibly rumored rumoured believed thought feared "
    "suspected may might could".split()
)
CERTAIN_CUES = frozenset(
    "confirmed verified proven undeniable undeniably undoubtedly definitely doubt clear certain established".split()
)
# a sentence can hold a family match only if it holds one of these: the single-word forms and, of
# each phrase, its longest word (the last on a tie: "run" of "on the run", not "on" or "the")
TRIGGERS = frozenset(
    max(reversed(f.split()), key=len) for forms in FAMILIES.values() for f in forms
)
_STEM_PREFIXES = frozenset(s[:4] for s in _STEM_FAMILY)
# a verb right after a hedge ("may have resigned") that no family lists is followed by its stem;
# these are reporting or hedging verbs, not events
_NOT_EVENTS = frozenset(
    "said reported claimed believed thought feared suspected used based called added asked noted stated "
    "confirmed denied expected planned wanted needed seemed appeared happened occurred involved "
    "included received raised increased decreased changed continued".split()
)
_AUXILIARIES = frozenset("have has had been be being to not also already even the a an".split())
NEAR_SENTENCES = 6  # a stem-only match needs the two statements this close, or a shared name or number
_HEDGE = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|supposedly|apparently|possibly|rumou?red|unconfirmed|unverified|"
    r"(?:is|are|was|were) (?:believed|thought|feared|suspected|said|understood|rumou?red) to|"
    r"(?:may|might|could) (?:well )?(?:have )?(?:been )?|alleged|suspected|presumed|claimed|"
    r"reports? (?:of|that|suggest\w*)|not (?:yet )?(?:been )?(?:confirmed|verified))\b",
    re.IGNORECASE,
)
_CERTAIN = re.compile(
    r"\b(?:confirmed|verified|proven|undeniabl[ey]|undoubtedly|definitely|without (?:a )?doubt|"
    r"it(?:'s|’s| is) (?:now )?(?:clear|certain|established|a fact|beyond doubt)|"
    r"no longer (?:just )?(?:a rumou?r|in doubt|disputed)|isn['’]t just a rumou?r|is not just a rumou?r)\b",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"(?:\bnot|n['’]t|\bnever|\byet to|\bcannot|\bwithout|\bno|\bnor|\bunable to)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# "with confirmed casualties", "the deaths were confirmed": confirmed with no one confirming
_UNSOURCED_BEFORE = re.compile(
    r"(?:\b(?:with|the|a|an|of|now|are|were|been|is|was|be|being|as|and|officially|fully|since|by now)\s+)$",
    re.IGNORECASE,
)
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|tells|according to|announced|stated|statement|spokes(?:man|woman|person)|"
    r"confirmed (?:by|that|to|the|it)|acknowledged|admitted|reported by|reports? from|quoted)\b",
    re.IGNORECASE,
)
WINDOW = 60  # characters between a cue and its event words


def check(ctx: AuditContext) -> list[Finding]:
    text = ctx.text
    # family (or "~stem" of an unlisted verb) -> (sentence index, span) of the latest hedge
    hedged: dict[str, tuple[int, int, int]] = {}
    findings = []
    event_words = TRIGGERS | {w for w in ctx.vocabulary if w[:4] in _STEM_PREFIXES and _STEM_FAMILY.get(stem(w))}
    events = set(ctx.sentences_with(event_words))
    hedges = set(ctx.sentences_with(HEDGE_CUES))
    certain = set(ctx.sentences_with(CERTAIN_CUES))
    stems_pending = False  # a hedge on an unlisted verb is open: every later sentence may settle it
    for idx in range(len(ctx.sentences)):
        if not stems_pending and idx not in events and idx not in hedges:
            continue
        start, end = ctx.sentences[idx]
        sentence = text[start:end]
        families = _families(ctx.lower[start:end]) if idx in events else {}
        if not families and idx not in hedges and not stems_pending:
            continue
        escalated = _escalation(sentence) if families or idx in certain else None
        attributed = bool(_ATTRIBUTION.search(sentence))
        stems = _stem_spans(sentence) if stems_pending and (escalated or attributed) else {}
        if escalated and not attributed:
            cue_start, cue_end = escalated
            candidates = list(families.items()) + [
                (k, v) for k, v in stems.items() if k in hedged and _near(ctx, hedged[k], idx, sentence)]
            for family, spans in candidates:
                near = [s for s in spans if _close(s, (cue_start, cue_end))]
                if family in hedged and near:
                    h_idx, h_start, h_end = hedged.pop(family)
                    span = (start + min(cue_start, near[0][0]), start + max(cue_end, near[0][1]))
                    findings.append(ctx.finding(
                        KIND, "warning", span,
                        f"stated as certain ('{text[span[0]:span[1]]}') but hedged on line "
                        f"{ctx.line_of(h_start)} ('{text[h_start:h_end]}'), with no new source in between",
                        related=(h_start, h_end),
                    ))
                    break
            continue
        if attributed:
            for family in list(families) + list(stems):
                hedged.pop(family, None)  # someone vouches for it now: a new source
        for m in _HEDGE.finditer(sentence):
            for family, spans in families.items():
                for s in spans:
                    if _close(s, m.span()):
                        lo, hi = min(m.start(), s[0]), max(m.end(), s[1])
                        hedged[family] = (idx, start + lo, start + hi)
            if not any(_close(s, m.span()) for spans in families.values() for s in spans):
                verb = _hedged_verb(sentence, m.end())
                if verb:
                    key, (v_start, v_end) = verb
                    hedged[key] = (idx, start + m.start(), start + v_end)
        stems_pending = any(k.startswith("~") for k in hedged)
    return findings


def _near(ctx: AuditContext, hedge: tuple[int, int, int], idx: int, sentence: str) -> bool:
    """A stem-only match holds when the statements are a few sentences apart or share a name or number."""
    h_idx = hedge[0]
    if idx - h_idx <= NEAR_SENTENCES:
        return True
    h_start, h_end = ctx.sentences[h_idx]
    return _shared_names(ctx.text[h_start:h_end], sentence)


def _families(sentence: str) -> dict[str, list[tuple[int, int]]]:
    """Family -> spans of its words in `sentence`, which must be lower-cased offset for offset."""
    out: dict[str, list[tuple[int, int]]] = {}
    for m in _CANDIDATE.finditer(sentence):
        word = m.group(0)
        name = _WORD_FAMILY.get(word) or _STEM_FAMILY.get(stem(word))
        if name:
            out.setdefault(name, []).append(m.span())
    if not _PHRASE_HEADS.isdisjoint(sentence.split()):
        for m in _PHRASES.finditer(sentence):
            out.setdefault(m.lastgroup, []).append(m.span())
    return out


def _hedged_verb(sentence: str, cue_end: int) -> Optional[tuple[str, tuple[int, int]]]:
    """The unlisted event verb a hedge bears on ("may have resigned"): its stem family and span."""
    for m in _WORD.finditer(sentence, cue_end):
        word = m.group(0).lower()
        if word in _AUXILIARIES:
            continue
        if word.endswith("ed") and len(word) >= 6 and word not in _NOT_EVENTS and word not in _WORD_FAMILY:
            return "~" + stem(word), m.span()
        return None
    return None


def _stem_spans(sentence: str) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {}
    for m in _WORD.finditer(sentence):
        if len(m.group(0)) >= 5:
            out.setdefault("~" + stem(m.group(0)), []).append(m.span())
    return out


_CONTENT = re.compile(r"\b(?:[A-Z][a-z]{2,}|\d[\d,.]*)\b")


def _shared_names(a: str, b: str) -> bool:
    """A capitalised word (not the first of its sentence) or a number both sentences hold."""
    def names(s: str) -> set[str]:
        return {m.group(0) for m in _CONTENT.finditer(s) if m.start() > 0}
    return bool(names(a) & names(b))


def _escalation(sentence: str) -> Optional[tuple[int, int]]:
    for m in _CERTAIN.finditer(sentence):
        before = sentence[max(0, m.start() - 30):m.start()]
        if _NEGATED.search(before):
            continue
        word = m.group(0).lower()
        if word in ("confirmed", "verified"):
            if re.match(r"\s+by\b", sentence[m.end():]):
                continue
            # "with confirmed casualties", "were confirmed", "with injuries confirmed": nobody confirming
            if not _UNSOURCED_BEFORE.search(before) and not _families(before[-25:].lower() + " ") \
                    or re.search(r"\b(?:they|he|she|it|we|officials?|police|authorities)\s+$", before, re.IGNORECASE):
                continue
        return m.span()
    return None


def _close(a: tuple[int, int], b: tuple[int, int]) -> bool:
    gap = max(a[0], b[0]) - min(a[1], b[1])
    return gap <= WINDOW
