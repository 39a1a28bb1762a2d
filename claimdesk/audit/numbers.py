"""Conflicting numbers: one count given two values ("18 soldiers deserted" … "the 20 deserters").

A definite later mention ("the 20 deserters", "the 20 soldiers who deserted") points back at a
group already introduced. When the group it names (same noun, or the same deed: deserted /
deserters) was introduced with another number, and never with this one, the counts conflict.
Indefinite mentions ("3 people were killed … 5 people were killed") may be different groups and
are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from claimdesk.audit.context import AuditContext
from claimdesk.language.numerals import BELOW_TWENTY, SCALES, TENS, value_of
from claimdesk.models import Finding

KIND = "conflicting_numbers"

MAX_EARLIER = 50  # earlier mentions of one deed compared with a later one (keeps odd inputs linear)
_DIGIT = re.compile(r"(?<!\d)\d")
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[A-Za-z][A-Za-z'’-]*")
# number words from two up: "one" and "a" are too common to start a count worth comparing
_NUMBER_WORDS = frozenset(BELOW_TWENTY.keys() - {"zero", "one"} | TENS.keys() | {"dozen"})
_SCALES = {"hundred": 100, **SCALES}
_DEFINITE = frozenset("the those these all".split())
_DEFINITE_NUMBER = re.compile(r"\b(?:the|those|these|all)\s+(?:\d|(?:" + "|".join(sorted(_NUMBER_WORDS)) + r")\b)")
_STOP = frozenset(
    "of to in on at for from by with and or but as than that which who whom whose was were is are be been "
    "being have has had do does did will would could should may might must can this these those its their "
    "his her our your a an the per".split()
)
_AUX = frozenset("were was are is have has had been be being who that which reportedly allegedly all also "
                 "then later since just already apparently".split())
_NOT_COUNTED = frozenset(
    "years months weeks days hours minutes seconds times percent points cents dollars others ones "
    "decades centuries miles kilometers meters feet inches pounds votes odds games innings terms "
    "rounds laps goals runs yards seats states districts counties delegates".split()
)
_PLURALS = frozenset("men women people children police personnel staff crew".split())
_MORE = frozenset("more additional other others extra further".split())
_IRREGULAR = {
    "slain": "kill", "shot": "shoot", "hurt": "hurt", "held": "hold", "taken": "take", "fled": "flee",
    "left": "leave", "caught": "catch", "freed": "free", "hit": "hit", "laid": "lay", "paid": "pay",
    "sent": "send", "sold": "sell", "struck": "strike", "stolen": "steal", "found": "find", "lost": "lose",
    "kept": "keep", "brought": "bring", "bought": "buy", "beaten": "beat", "thrown": "throw",
    "driven": "drive", "flown": "fly", "seen": "see", "given": "give", "sworn": "swear", "won": "win",
    "freed": "free",
}


@dataclass
class Mention:
    value: float
    start: int
    end: int
    definite: bool
    noun: str
    agent: Optional[str]
    verb: Optional[str]
    line: int
    modifiers: tuple[str, ...] = ()
    participle: Optional[str] = None   # "the 10 freed hostages"; never indexed ("undocumented immigrants")

    @property
    def events(self) -> set[str]:
        return {e for e in (self.agent, self.verb, self.participle) if e}

    @property
    def deeds(self) -> set[str]:
        return {e for e in (self.verb, self.participle) if e}


def check(ctx: AuditContext) -> list[Finding]:
    # a conflict needs a definite count ("the 20 deserters"); most articles have none
    definite = {ctx.sentence_index(m.start()) for m in _DEFINITE_NUMBER.finditer(ctx.lower)}
    if not any(m.definite and m.events for m in _mentions(ctx, definite)):
        return []
    mentions = _mentions(ctx, _sentences_with_numbers(ctx))
    findings = []
    by_verb: dict[str, list[Mention]] = {}
    by_agent: dict[str, list[Mention]] = {}
    for later in mentions:
        if later.definite and later.events:
            pool = [m for key in later.events for m in by_verb.get(key, [])[-MAX_EARLIER:]]
            pool += [m for key in later.deeds for m in by_agent.get(key, [])[-MAX_EARLIER:]]
            earlier = sorted({id(m): m for m in pool if _same_group(m, later)}.values(), key=lambda m: m.start)
            if earlier and all(m.value != later.value for m in earlier) \
                    and sum(m.value for m in earlier) != later.value:  # "18 deserted, 2 more … the 20"
                first = earlier[-1]
                said = ctx.text[first.start:first.end]
                findings.append(ctx.finding(
                    KIND, "warning", (later.start, later.end),
                    f"'{ctx.text[later.start:later.end]}' but line {first.line} gives '{said}': "
                    f"{_fmt(later.value)} vs {_fmt(first.value)}",
                    related=(first.start, first.end),
                ))
        if later.verb:
            by_verb.setdefault(later.verb, []).append(later)
        if later.agent:
            by_agent.setdefault(later.agent, []).append(later)
    return findings


def _same_group(earlier: Mention, later: Mention) -> bool:
    """The same deed: 'soldiers deserted' ~ 'the deserters' ~ 'the soldiers who deserted'."""
    if earlier.modifiers and later.modifiers and earlier.modifiers != later.modifiers:
        return False  # "the 578 Republican voters surveyed" vs "the 514 Democratic voters surveyed"
    if later.agent and later.agent == earlier.verb:
        return True
    if earlier.agent and earlier.agent in later.deeds:
        return True
    return bool(earlier.verb) and earlier.verb in later.deeds and later.noun == earlier.noun


def _sentences_with_numbers(ctx: AuditContext) -> set[int]:
    found = {ctx.sentence_index(m.start()) for m in _DIGIT.finditer(ctx.text)}
    found.update(ctx.sentences_with(_NUMBER_WORDS))
    return found


def _mentions(ctx: AuditContext, sentences: set[int]) -> list[Mention]:
    text = ctx.text
    out = []
    for idx in sorted(sentences):
        s_start, s_end = ctx.sentences[idx]
        tokens = [(m.group(), m.start(), m.end())
                  for m in _TOKEN.finditer(text, s_start, s_end)]
        for i, (tok, start, end) in enumerate(tokens):
            mention = _mention_at(text, tokens, i)
            if mention:
                mention.line = ctx.line_of(mention.start)
                out.append(mention)
    return out


def _mention_at(text: str, tokens: list, i: int) -> Optional[Mention]:
    tok, start, end = tokens[i]
    low = tok.lower()
    if tok[0].isdigit():
        if re.fullmatch(r"(?:1[6-9]|20)\d\d", tok) or "." in tok:
            return None  # a year or a measurement
        if start > 0 and text[start - 1] in "$£€#":
            return None
    elif low.split("-")[0] not in _NUMBER_WORDS:
        return None
    value = value_of(low)
    if value is None:
        return None
    j = i + 1
    while j < len(tokens) and tokens[j][0].lower() in _SCALES and _adjacent(text, tokens[j - 1], tokens[j]):
        value *= _SCALES[tokens[j][0].lower()]
        j += 1
    if value < 2:
        return None
    noun_at = None
    increment = j < len(tokens) and tokens[j][0].lower() in _MORE and _adjacent(text, tokens[j - 1], tokens[j])
    if increment:
        # "2 more (soldiers) deserted": counts toward any group with the same deed
        noun_at = j + 1 if j + 1 < len(tokens) and _plural(tokens[j + 1][0].lower()) else j
        verb = _verb_after(text, tokens, noun_at)
        if verb is None:
            return None
        return Mention(value=value, start=start, end=tokens[noun_at][2], definite=False, noun="*",
                       agent=None, verb=verb, line=0)
    for k in range(j, min(j + 4, len(tokens))):
        if not _adjacent(text, tokens[k - 1], tokens[k]):
            break
        word = tokens[k][0]
        wl = word.lower()
        if wl in _STOP or word[0].isdigit():
            break
        if word[0].islower() and (_plural(wl) or wl in _PLURALS):
            noun_at = k
            break
    if noun_at is None:
        return None
    noun = tokens[noun_at][0].lower()
    if noun in _NOT_COUNTED:
        return None
    before = tokens[i - 1][0].lower() if i > 0 else ""
    definite = before in _DEFINITE and _adjacent(text, tokens[i - 1], tokens[i])
    agent = _agent_stem(noun)
    modifiers = [t[0].lower() for t in tokens[j:noun_at]]
    # "the 10 freed hostages": a participle before the noun names the deed
    # "the 10 freed hostages": a participle before the noun names the deed too
    participle = next((_verb_stem(m) for m in modifiers if _verb_stem(m) and not m.startswith("un")), None)
    verb = _verb_after(text, tokens, noun_at) or _verb_before(text, tokens, i - (2 if definite else 1))
    modifiers = [m for m in modifiers if not _verb_stem(m)]
    return Mention(value=value, start=tokens[i - 1][1] if definite else start, end=tokens[noun_at][2],
                   definite=definite, noun=noun.rstrip("s"), agent=agent, verb=verb, line=0,
                   modifiers=tuple(modifiers), participle=participle)


def _adjacent(text: str, a: tuple, b: tuple) -> bool:
    """Only spaces (or a hyphen) between two tokens: no punctuation breaks the phrase."""
    gap = text[a[2]:b[1]]
    return gap.strip(" -") == "" and "\n" not in gap


def _plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous", "'s", "’s"))


def _agent_stem(noun: str) -> Optional[str]:
    for suffix in ("ers", "ors"):
        if noun.endswith(suffix) and len(noun) > len(suffix) + 3:
            return _stem(noun[: -len(suffix)])
    return None


def _verb_stem(word: str) -> Optional[str]:
    """The stem of a past tense or participle ('deserted' -> 'desert', 'freed' -> 'free'), else None."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("ed") and len(word) > 4:
        return _stem(word[:-2])
    return None


def _verb_after(text: str, tokens: list, k: int) -> Optional[str]:
    for n in range(k + 1, min(k + 5, len(tokens))):
        if not _adjacent(text, tokens[n - 1], tokens[n]):
            return None
        wl = tokens[n][0].lower()
        stem = _verb_stem(wl)
        if stem:
            return stem
        if wl not in _AUX and not wl.endswith("ly") and not wl[0].isupper():
            return None
    return None


def _verb_before(text: str, tokens: list, k: int) -> Optional[str]:
    if k < 0 or not _adjacent(text, tokens[k], tokens[k + 1]):
        return None
    return _verb_stem(tokens[k][0].lower())


def _stem(word: str) -> str:
    word = word.rstrip("e")
    if len(word) > 3 and word[-1] == word[-2]:  # "stopped" -> "stop"
        word = word[:-1]
    return word


def _fmt(v: float) -> str:
    return str(int(v)) if v == int(v) else str(v)
