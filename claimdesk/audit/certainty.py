"""Certainty escalation: a thing first hedged ("reportedly killed", "may have deserted",
"unconfirmed reports of casualties") and later stated as settled ("confirmed casualties",
"it is clear they deserted") with no new source for it in between.

Events are recognised by small word families (casualties, injuries, desertion, capture, attack,
deployment); a later sentence that attributes the same kind of event to someone ("officials
said six died") counts as a new source and clears the hedge.
"""

from __future__ import annotations

import re
from typing import Optional

from claimdesk.audit.context import AuditContext
from claimdesk.models import Finding

KIND = "certainty_escalation"

FAMILIES = {
    "casualties": r"kill(?:ed|ing|ings)?|dead|deaths?|died|casualt(?:y|ies)|fatalit(?:y|ies)|slain|lost (?:their|his|her) li(?:fe|ves)",
    "injuries": r"injur(?:ed|y|ies)|wounded",
    "desertion": r"desert(?:ed|ion|ions|ers?|ing)|AWOL|defect(?:ed|ion|ions|ors?|ing)",
    "capture": r"captured|capture|arrested|arrests?|detained|detentions?|imprisoned|jailed|abducted|kidnapp?ed|taken (?:prisoner|hostage)",
    "attack": r"attack(?:ed|s)?|bomb(?:ed|ing)|shell(?:ed|ing)|(?:missile|drone|air) ?strikes?",
    "deployment": r"deploy(?:ed|ment|ments)?|stationed|sent (?:troops|soldiers|forces)",
}
# every word a family match can contain at least one of: sentences without them are skipped
TRIGGERS = frozenset(
    "kill killed killing killings dead death deaths died casualty casualties fatality fatalities slain lost "
    "injured injury injuries wounded deserted desertion desertions deserter deserters deserting awol "
    "defected defection defections defector defectors defecting captured capture arrested arrest arrests "
    "detained detention detentions imprisoned jailed abducted kidnapped kidnaped taken attack attacked "
    "attacks bombed bombing shelled shelling missile drone air airstrike airstrikes deploy deployed "
    "deployment deployments stationed sent".split()
)
_FAMILY = re.compile("|".join(rf"(?P<{k}>\b(?:{v})\b)" for k, v in FAMILIES.items()), re.IGNORECASE)
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
    hedged: dict[str, tuple[int, int, int]] = {}   # family -> (sentence index, span) of the latest hedge
    findings = []
    for idx in ctx.sentences_with(TRIGGERS):
        start, end = ctx.sentences[idx]
        sentence = text[start:end]
        families = _families(sentence)
        if not families:
            continue
        escalated = _escalation(sentence)
        if escalated and not _ATTRIBUTION.search(sentence):
            cue_start, cue_end = escalated
            for family, spans in families.items():
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
        if _ATTRIBUTION.search(sentence):
            for family in families:
                hedged.pop(family, None)  # someone vouches for it now: a new source
        for m in _HEDGE.finditer(sentence):
            for family, spans in families.items():
                for s in spans:
                    if _close(s, m.span()):
                        lo, hi = min(m.start(), s[0]), max(m.end(), s[1])
                        hedged[family] = (idx, start + lo, start + hi)
    return findings


def _families(sentence: str) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {}
    for m in _FAMILY.finditer(sentence):
        out.setdefault(m.lastgroup, []).append(m.span())
    return out


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
            if not _UNSOURCED_BEFORE.search(before) and not _FAMILY.search(before[-25:] + " ") \
                    or re.search(r"\b(?:they|he|she|it|we|officials?|police|authorities)\s+$", before, re.IGNORECASE):
                continue
        return m.span()
    return None


def _close(a: tuple[int, int], b: tuple[int, int]) -> bool:
    gap = max(a[0], b[0]) - min(a[1], b[1])
    return gap <= WINDOW
