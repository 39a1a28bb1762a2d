"""Denials, and what each one denies.

A denial is a party denying or rejecting a report or claim ("the Kremlin denied these reports,
calling them fake news", "X denied that …"); ordinary negated statements ("Trump did not apologize")
and refusals of a thing ("attacks denied civilians power", "to deny Russia the ability to …", "the
court denied bail") are not denials (`is_denial`).

What it denies (`denied_object`) is the that-clause or the reported thing's complement ("denied
reports that North Korean troops are in Russia" -> "North Korean troops are in Russia"); a bare
"these reports" or "the report" points back to the report it answers. A denial is linked only to
the mentions of its story that state that object (`denies`), scored by `fact_similarity`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Optional

from claimdesk.corroborate.deeds import deeds as kinds_of_deed
from claimdesk.corroborate.measures import event_class, noun_class, parse
from claimdesk.corroborate.parties import claim_parties, parties
from claimdesk.corroborate.transfers import side_of
from claimdesk.models import Claim, Span

def is_denial(claim: Claim) -> bool:
    """A party denies a report or claim: "the Kremlin denied these reports", "X denied that …",
    "officials dismissed the allegations as fake".

    The claim must be spoken by someone (an attributed source or a named actor), its cue or head
    verb must be a denial verb, and what it denies must be a report, an accusation or a that-clause.
    A negated statement ("Trump did not apologize", "he did not elaborate") is no denial, and
    neither is refusing a thing ("the court denied bail", "the Senate rejected the bill")."""
    if claim.attribution.kind == "none" and not claim.actors:
        return False
    text = claim.text
    cue = _cue_in(claim)
    if cue is None:
        return False
    if _NEGATED_BEFORE.search(text, 0, cue.start()):
        return False  # "he did not dispute that …", "has never disavowed …"
    if cue.re is _STILL_HELD or cue.re is _NO_TRUTH or cue.re is _NO_HARM:
        return True
    after = text[cue.end():]
    if cue.re is _SAID_FALSE and _CALLED_IT.match(after) and _ANOTHER_CLAUSE_BEFORE.search(text, 0, cue.start()):
        return False  # "Russia claims to have captured the village; Ukraine says this is false": what "this" is lies
        # in the claim's own first clause, not in the sentence before, where a pointer would look for it
    if _THAT_CLAUSE.match(after) or _NOTION_THAT.match(after) or _CALLED_FALSE.search(after):
        return True
    if _PRONOUN_OBJECT.match(after) or cue.re is _SAID_FALSE and _CALLED_IT.match(after):
        return True  # "… denied it", "… rejected this, saying …", "calls this a lie"
    if _PROPOSITIONAL.match(cue.group(0)) and _denies_doing(text, cue.end()):
        return True  # "Moscow denies attacking civilians", "denied striking the bus station"
    if _PROPOSAL_TO.match(after):
        return False  # "rejected a Russian suggestion earlier this month to move the talks to Minsk": a proposal refused
    words = _object_words(after)
    target = claim.attribution.target or words
    if target and words.startswith(target) and _REPORTED.search(words) and not _REPORTED.search(target):
        target = words  # the parser took "claim" in "denied a Ukrainian Air Force claim that …" for a verb
    if not target:
        # "… which Mrs. Clinton has always denied": the object is what the clause hangs on
        return bool(_PROPOSITIONAL.match(cue.group(0))) and not after.strip(" .,;:”’\"'")
    # one denies what was said: a report, an accusation, someone's account. "denied bail", "denied
    # civilians power", "deny Russia the ability to …" refuse a thing to someone, whatever the verb
    return bool(_REPORTED.search(target)) and not _REFUSED.search(target)


def _denies_doing(text: str, end: int) -> bool:
    """The denial verb ending at `end` takes a deed as its clause ("denied striking the bus station"), not a
    noun a participle describes ("denied striking workers their pay")."""
    after = next((t for t in parse(text) if t.idx > end and not t.is_space), None)
    return after is not None and after.tag_ == "VBG" and after.dep_ in ("xcomp", "ccomp") and after.head.idx < end


# the denial verbs: "deny", "reject", "refute", "dismiss", "rebut", "disavow", "dispute"
_DENIAL_VERB = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|refut(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?|"
    r"rebut(?:s|ted|ting)?|disavow(?:s|ed|ing)?|disput(?:e|es|ed|ing))\b", re.I)
# "denied that …", "denies having …", "denied ever …", "denied it", "denied any wrongdoing"
_THAT_CLAUSE = re.compile(r"\s*(?:,\s*)?(?:that\b|having\b|ever\b|being\b|(?:any|all)\s+(?:wrongdoing|involvement|role|"
                          r"knowledge|responsibility|links?|ties|connection|part)\b)", re.I)
# "…, calling them fake news", "… as false", "…, saying they were untrue"
_CALLED_FALSE = re.compile(
    r"\b(?:calling|called|as|saying|said)\b[^.;]{0,40}?\b(?:fake|false|untrue|baseless|groundless|unfounded|"
    r"fabricat\w*|lies|lying|nonsense|absurd|ridiculous|propaganda|misinformation|disinformation|rumou?rs?|"
    r"inaccurate|incorrect|wrong|hoax|smear|laughable|misleading|fiction|fictional|invented)\b", re.I)
# "dismissed the figure as fiction": a figure given before, called false
_FIGURE_CALLED_FALSE = re.compile(r"\s*((?:the|these|those|this|that)\s+(?:figures?|numbers?|toll|tally|estimates?|count))"
                                  r"(?=\s+as\s+(?:\w+\s+){0,2}?(?:fake|false|untrue|baseless|groundless|unfounded|"
                                  r"fabricat\w*|lies|nonsense|absurd|propaganda|fiction|fictional|invented|inflated|"
                                  r"exaggerated)\b)", re.I)
# what a denial is about: a report or an accusation (not a bill, a motion, bail or an offer)
_REPORTED = re.compile(
    r"\b(?:reports?|reporting|claims?|allegations?|accusations?|charges?|rumou?rs?|stor(?:y|ies)|accounts?|"
    r"assertions?|suggestions?|speculation|statements?|suspicions?|assessment|findings?|figures?|numbers?|"
    r"estimates?|casualt(?:y|ies)|toll|wrongdoing|involvement|role|responsibility|knowledge|existence|presence|"
    r"participation|links?|ties|connections?|critici[sz]e?m?s?|critiques?|concerns?|attacks?|remarks|comments|"
    r"labels?|characteri[sz]ations?)\b", re.I)
# "rejected the notion that …", "dismissed any suggestion that …"
_NOTION_THAT = re.compile(r"\s*(?:(?:the|any|an?|this|that)\s+)?(?:notion|idea|implication|suggestion|premise|"
                          r"insinuation|impression|claim|assertion)s?\s+that\b", re.I)
# verbs whose object is what someone said, unless it names a thing refused
_PROPOSITIONAL = re.compile(r"den|refut|rebut", re.I)
_REFUSED = re.compile(r"\b(?:bail|entry|access|requests?|motions?|permission|permits?|visas?|applications?|appeals?|"
                      r"petitions?|service|benefits?|rights?|coverage|admission|parole|asylum|licen[cs]es?|loans?|"
                      r"him|her|them|us|me)\b", re.I)
_NEGATED_BEFORE = re.compile(
    r"\b(?:not|never|n't|no\s+longer|refus(?:e|es|ed|ing)\s+to|declin(?:e|es|ed|ing)\s+to)\s+(?:\w+\s+)?$", re.I)
# a suggestion or a call to do something is a proposal, whatever noun names it
_PROPOSAL_TO = re.compile(r"\s*(?:(?!(?:that|of|about|on|reports?|claims?|allegations?|rumou?rs?|stor(?:y|ies))\b)\S+\s+){0,3}?"
                          r"(?:suggestions?|proposals?|calls?|offers?|requests?|plans?|ideas?|demands?)"
                          r"\s+(?:(?!to\b)\S+\s+){0,4}?to\s+(?!(?:the|a|an|his|her|its|their|this|that)\b)[a-z]+\b", re.I)
_PRONOUN_OBJECT = re.compile(r"\s*(?:it|this|them)\s*(?:[,.;:”\"]|$|\band\b|\bbut\b|\bas\b)", re.I)
_OBJECT = re.compile(r"\s*((?:\w+[\s,’'-]*){1,5})")
# what is called false only pointed to: "calls this a lie", "said this was false"
_CALLED_IT = re.compile(r"\s+(?:this|that|it)\s", re.I)
_ANOTHER_CLAUSE_BEFORE = re.compile(r"[;:—–]|,\s+(?:but|while|and)\s", re.I)


def _cue_in(claim: Claim) -> Optional[re.Match]:
    """The denial verb of the claim: its attribution cue, or the verb of a denial event."""
    cue = claim.attribution.cue
    if cue and _DENIAL_VERB.fullmatch(cue.strip()):
        return next((m for m in _DENIAL_VERB.finditer(claim.text) if m.group(0).lower() == cue.strip().lower()),
                    _DENIAL_VERB.search(claim.text))
    if claim.event_type == "denial":
        return _DENIAL_VERB.search(claim.text)
    source = claim.attribution.source
    if source:  # "Donald Trump Denies Mike Tyson Invited …": the parse took another verb as the cue
        m = re.search(re.escape(source) + r"\s+(?:(?:has|had|have|also|again|quickly|flatly|strongly|\w+ly)\s+){0,2}",
                      claim.text)
        if m and (verb := _DENIAL_VERB.match(claim.text, m.end())):
            return verb
    said_false = _SAID_FALSE.search(claim.text)
    if said_false is not None and _NOT_SAID.search(claim.text, max(0, said_false.start() - 40), said_false.start()):
        said_false = None  # "Nobody can seriously claim that reports of the famine are fabricated"
    return said_false or _still_held(claim) or _NO_TRUTH.search(claim.text) or _no_harm(claim)


# a verb of saying denied, doubted or supposed: no one calls the report false ("Nobody has claimed that the reports of
# flooding were false", "It would be wrong to say that reports of abuse were lies", "Those who claim …")
_NOT_SAID = re.compile(r"\b(?:nobody|no\s+one|never|not|n['’]t|cannot|would|could|might|should|can|those\s+who|"
                       r"anyone\s+who|if)\s+(?:\w+\s+){0,3}?(?:to\s+)?$", re.I)


# whose fabrication it is, by name: "“a fabrication by Kyiv”" (not "disinformation from Telegram channels alarming")
_AUTHORED = r"(?:\s+(?:by|from)\s+(?-i:[A-Z][\w’'-]*)(?:\s+(?-i:[A-Z][\w’'-]*)){0,3})?"


# no denial verb, a report called false: "The Odesa regional administration said the claims were false",
# "the governor said reports of a strike on the substation were false", "a spokesman said on Thursday that
# the Russian claim \"does not correspond to reality\"", "…, calling the Ukrainian claim \"fiction\"" (the cue
# is the verb of saying, with the day and "that" after it; what follows names the report or points back to it)
# (a side's name may qualify it: "are Ukrainian disinformation", "are Kremlin propaganda")
_FALSE_WORD = (r"(?:(?:completely|totally|entirely|simply|absolutely|wholly|pure)\s+)?(?:(?-i:[A-Z][a-z’'-]+)\s+)?"
               r"(?:false|untrue|baseless|groundless|"
               r"unfounded|fabricated|fabrications?|lies|nonsense|propaganda|disinformation|misinformation|fake|"
               # "a lie", "a cynical lie", "a complete fabrication" (not "a brilliant invention")
               r"fiction|an?\s+(?:(?:cynical|blatant|complete|total|outright|deliberate|shameless|brazen|absolute|"
               r"pure|big|flagrant|monstrous|malicious|outrageous|utter|crude|gross)\s+)?(?:invention|fabrication|lie|fake))\b")
_REPORT_CALLED = (r"(?:(?:the|these|those|such|this|that|its|their|[A-Z][\w-]*['’]s)\s+)?(?:\w+\s+)?"
                  r"(?:claims?|reports?|allegations?|accusations?|assertions?|statements?)")
# what a report is called when it is called untrue or staged: "as a staged provocation", "as fake" (a bare
# "provocation" or "an invention" condemns: "described Macron's statements as a provocation")
_CALLED_UNTRUE = (r"(?:an?\s+|pure\s+)?(?:staged\s+provocations?|staged|fake|false|"
                  r"untrue|baseless|groundless|unfounded|fabricat\w*|lies|an?\s+lie|fiction|disinformation|"
                  r"misinformation|propaganda)\b")
# ("reports that its captain was detained are false": a that-clause may hold one verb of being of its own, up to the
# one the report is called false by; not a second one, nor another report or a turn: "reports that X was hit were
# confirmed although rumours that Y burned were false" calls X nothing)
_TOLD_WORD = r"(?:(?!\b(?:were|was|are|is|while|whereas|but|although|though|yet|claims?|reports?|allegations?|rumou?rs?|" \
             r"accounts?|stor(?:y|ies)|statements?)\b)[^.;\"“”])"
# a few words quoted inside what a report told: "reports … about a “destroyed kindergarten”", "claims by Ukrainian
# “intelligence” about a destroyed locomotive"
_QUOTED_WORDS = r"“[^.;\"“”]{1,40}”|\"[^.;\"“”]{1,40}\""
_REPORT_TOLD = (r"(?:\s+(?:of|about|by)\s+(?:(?!\b(?:were|was|are|is|had|has|have)\b)(?:[^.;\"“”]|" + _QUOTED_WORDS
                + r")){1,100}?"
                # "Russia's claim to have captured Synkivka was false"
                r"|\s+to\s+(?:(?!\b(?:were|was|are|is)\b)[^.;\"“”]){1,100}?"
                r"|\s+that\s+" + _TOLD_WORD + r"{1,100}?(?:\s+(?:were|was|are|is)\s+" + _TOLD_WORD + r"{1,60}?)?)?")
# what only a statement is called: "a lie", "false", "baseless" (not "fiction", "fake", "propaganda", "nonsense", which a
# novel, a painting, a truce or an idea may be called)
_UNTRUE_STATEMENT = (r"(?:(?:completely|totally|entirely|simply|absolutely|an?\s+(?:(?:blatant|outright|complete|total|"
                     r"deliberate|cynical|brazen|shameless|absolute|big)\s+)?)?(?:lies?|false|untrue|baseless|groundless|"
                     r"unfounded|fabricated|fabrication))\b")
_SAID_FALSE = re.compile(
    r"\b(?:(?:said|says|say|claimed)(?:\s+in\s+a\s+statement|\s+(?:late\s+|early\s+)?on\s+\w+|\s+\w+day|\s+earlier)*(?:\s+that)?"
    r"(?=\s+" + _REPORT_CALLED
    # what the report told, up to its own verb: "reports of damage … were confirmed while claims of …
    # were false" calls the damage nothing
    + _REPORT_TOLD
    + r"\s+(?:(?:were|was|are|is)\s+[\"“]?" + _FALSE_WORD
    + r"|[\"“]?(?:(?:does|do|did)\s+not|doesn['’]t|didn['’]t)\s+correspond\s+to\s+(?:the\s+)?(?:reality|facts?|truth)\b)"
    # the report only pointed back to: "Ukraine's air force says that is a lie", "said this was false" (only words
    # said of a statement: a novel "was fiction", a painting "was fake", a truce "was propaganda")
    r"|\s+(?:this|that|it)\s+(?:was|is)\s+[\"“]?" + _UNTRUE_STATEMENT + r"[\"”’']?(?=\s*(?:[.;,:)]|$|and\b|but\b)))"
    # "called the claims false"; "called reports that Malynivka had been captured false" (what they told, then the
    # word); "calls this a lie" (pointed back to)
    r"|(?:called|calling|calls)(?=\s+(?:(?:this|that|it)(?=\s+[\"“]?" + _UNTRUE_STATEMENT + r"[\"”’']?(?:\s*[.;,:)]|$|"
    r"\s+(?:and|but)\b))|" + _REPORT_CALLED + r"(?:\s+(?:of|that|about)\s+[^.;\"“”]{1,100}?)?)"
    r"\s+[\"“]?(?:" + _CALLED_UNTRUE + r"|" + _FALSE_WORD + r")" + _AUTHORED + r"[\"”’']?"
    r"(?=\s*(?:[.;,:)]|$|and\b|but\b|as\b))))"
    # a report described as false or staged: "He described Ukrainian media reports about a Russian drone attack
    # on a bus in Belozerka … as a staged provocation" (a report noun is needed: "described the attack as a
    # provocation" condemns it)
    # (and dismissed so, the cue being another verb: "claimed its strike had targeted a gathering of commanders and
    # dismissed reports of a hit on the hospital as staged"; the word may be quoted: "as \"staged\"")
    r"|(?:described|describing|describes|branded|branding|brands|labell?ed|labell?ing|termed|terming|dismissed|"
    r"dismissing|dismisses)(?=\s+"
    r"(?:(?:the|these|those|such|this|that|its|their|[A-Z][\w-]*['’]s)\s+)?(?:\w+\s+){0,2}?"
    r"(?:claims?|reports?|allegations?|accusations?)"
    r"(?:\s+(?:of|that|about|by)\s+[^.;\"“”]{1,160}?)?\s+as\s+[\"“]?" + _CALLED_UNTRUE + r")"
    # a quotation opening with the report called false: "\"The claims of the Ukrainian General Staff about a
    # strike on a depot are lies,\" the governor said."
    r"|^[\"“]?(?=" + _REPORT_CALLED + r"(?:\s+(?:of|that|about|by|to)\s+(?:[^.;\"“”]|" + _QUOTED_WORDS
    + r"){1,100}?)?\s+(?:were|was|are|is)\s+[\"“]?"
    r"(?:" + _FALSE_WORD + r"|" + _CALLED_UNTRUE + r"))", re.I)
# no denial verb, a place said to be still held by the side said to have lost it: "Kyiv said the village
# remained under Ukrainian control", "Bila Hora is under the control of the Defense Forces of Ukraine", "Kyiv
# says village still held" deny its capture. "The fire is under control" and "the situation remains under
# control" name no side, and hold nothing
_UNNAMED_HELD = r"(?:(?i:the)\s+)?(?:town|village|city|settlement|hamlet)"
_SIDE = r"(?P<side>Ukrainian|Russian|Ukraine['’]s|Russia['’]s|Kyiv['’]s|Moscow['’]s|its|our|their)"
_STILL_HELD = re.compile(
    r"(?P<held>" + _UNNAMED_HELD + r"|(?-i:[A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+){0,2}))\s+"
    r"(?:(?:is|was|remains|remained|stays|stayed|has\s+remained|had\s+remained)\s+(?:(?:still|firmly|fully|entirely)\s+)?"
    r"(?:under\s+(?:the\s+)?(?:full\s+)?(?:" + _SIDE + r"\s+control"
    r"|control\s+of\s+(?:the\s+)?(?:[A-Z][\w'’]*\s+){0,5}?(?P<forces>Ukraine|Russia|[Ff]orces|[Aa]rmy|[Tt]roops)\b)"
    r"|in\s+" + _SIDE.replace("side", "side2") + r"\s+hands)"
    r"|(?:(?:is|was|remains)\s+)?still\s+(?:held|in\s+" + _SIDE.replace("side", "side3") + r"\s+hands))"
    # held until some day: history, not a reply ("was under Ukrainian control until February 2024")
    r"(?!\s+(?:until|till|before|since)\b)")
# a held place left open is no denial: "did not say whether the village remained under Ukrainian control",
# "it was unclear if the village is still in Ukrainian hands"
_OPEN_QUESTION = re.compile(r"\b(?:whether|if|unclear|not\s+clear|uncertain|could\s+not\s+(?:confirm|verify)|"
                            r"unable\s+to\s+(?:confirm|verify))\b", re.I)
_SIDE_WORDS = {"ukrainian": "ukrain", "ukraine's": "ukrain", "ukraine’s": "ukrain", "kyiv's": "ukrain", "kyiv’s": "ukrain",
               "russian": "russia", "russia's": "russia", "russia’s": "russia", "moscow's": "russia", "moscow’s": "russia",
               "ukraine": "ukrain", "russia": "russia"}


def _still_held(claim: Claim) -> Optional[re.Match]:
    """A place said to be still held (`_STILL_HELD`), a place indeed ("the village", a town the gazetteer
    knows: "Johnson was still held in custody" holds no one's town), and not a question left open."""
    m = _STILL_HELD.search(claim.text)
    if m is None or _OPEN_QUESTION.search(claim.text, 0, m.start()):
        return None
    held = m.group("held")
    if re.fullmatch(_UNNAMED_HELD, held):
        return m
    if m.group(0).rstrip().lower().endswith("held"):
        return None  # "Johnson was still held in custody": a town is held by a side, not bare
    from claimdesk.extraction.places import find_places

    return m if find_places(f"the town of {held}") else None


def _holder(cue: re.Match) -> Optional[str]:
    """The side said to hold the place ("ukrain", "russia"), when the words name one."""
    for group in ("side", "side2", "side3", "forces"):
        word = cue.groupdict().get(group)
        if word and word.lower() in _SIDE_WORDS:
            return _SIDE_WORDS[word.lower()]
    return None


_CAPTURE_WORD = re.compile(r"\b(?:captur\w*|seiz\w*|tak(?:en|e|es|ing)|took|liberat\w*|fell|fallen|occup(?:y|ies|ied|ying))\b", re.I)


def _captured_there(claim: Claim, held: str, holder: Optional[str]) -> bool:
    """The mention tells of a capture of the held place by the other side: the place named after the capture
    word, and the holder's side not the one before it ("Russia's defence ministry said its forces captured
    Pishchane" is no capture a Russian "Pishchane is under Russian control" denies)."""
    capture = _CAPTURE_WORD.search(claim.text)
    if capture is None:
        return False
    if not re.fullmatch(_UNNAMED_HELD, held):
        # the place captured is the one held: "Kherson is still under Ukrainian control" denies no capture of a
        # village near Kherson
        at = claim.text.lower().find(held.lower(), capture.end())
        between = claim.text[capture.end():at] if at >= 0 else ""
        if at < 0 or len(between) > 40 or _NEAR.search(between):
            return False
    return holder is None or holder not in claim.text[:capture.start()].lower()


_NEAR = re.compile(r"\b(?:near|outside|close\s+to|around|towards?|north|south|east|west|from)\b", re.I)


# a quoted reply calling what was just said untrue: "\"There is no truth in this,\" the Coordination
# Headquarters said", "\"This is not true. …\"" (the pointer is what it answers: the report before it)
_NO_TRUTH = re.compile(r"^\W{0,3}(?:there(?:\s+is|['’]s)\s+no\s+truth\s+(?:in|to)\s+(?P<p1>this|that|it|these\s+\w+|those\s+\w+|the\s+(?:claims?|reports?))"
                       r"|(?P<p2>this|that|it)(?:\s+(?:is|was)|['’]s)\s+(?:simply\s+|absolutely\s+|completely\s+)?"
                       r"(?:not\s+true|untrue|a\s+lie|false))\b"
                       # the reply ends there ("This is not true," he said): "It is not true that I was jealous"
                       # says what is untrue, "This is false economy" is no reply
                       r"(?=\s*[,.!;]?\s*(?:[”\"]|$)|\s*[.!;]\s)", re.I)


# no denial verb, a party saying the harm told of was not done: "insists there was no damage", "said the strike on
# Feodosia caused no damage", "insisted no aircraft had been damaged", "the process units were not damaged", "its
# forces had not hit the bus station", "insisted the refinery was undamaged". No one hurt is a toll of none, not a
# denial (`extraction.hedging._no_one_harmed`): people are not in these words; nor is "cut" (jobs, rates, budgets)
_HARM_DONE = r"(?:damaged|hit|struck|destroyed|knocked\s+out|set\s+(?:on\s+fire|ablaze)|burned|burnt|disabled)"
# "had never been hit so hard", "not hit again": a comparison or a repetition, no harm said not done
_NOT_SO = r"(?!\s+(?:so|this|that|as|like|before|harder|again|back)\b)"
_NO_HARM = re.compile(
    r"\b(?:there\s+(?:was|were|is|are|had\s+been|has\s+been|have\s+been)|caused|causing|cause|causes|suffered|"
    r"suffers|sustained|sustains|resulted\s+in|with)\s+[\"“]?no\s+(?:(?:serious|significant|major|material|visible|"
    r"real)\s+)?(?:damage|fire|destruction|hits?)\b"
    # ("no fewer than 20 homes were damaged" tells of 20)
    r"|\b(?:no|none\s+of)\s+(?!(?:fewer|less|more)\s+than\b)(?:[\w’'-]+\s+){1,4}?(?:had|has|have|was|were|is|are)\s+"
    r"(?:been\s+)?[\"“]?" + _HARM_DONE + r"\b" + _NOT_SO +
    r"|\b(?:was|were|is|are|had|has|have)\s+[\"“]?(?:not|never)\s+(?:been\s+)?" + _HARM_DONE + r"\b" + _NOT_SO +
    r"|\b(?:did\s+not|didn['’]t|had\s+not|hadn['’]t|has\s+not|hasn['’]t|have\s+not|haven['’]t|never)\s+"
    r"(?:strike|struck|hit|target(?:ed)?|bomb(?:ed)?|shell(?:ed)?)\s+(?:any|the|a|an)\b"
    r"|\b(?:hit|struck|targeted|bombed|shelled)\s+no\s+(?!(?:fewer|less|more)\s+than\b)(?=\w)"
    r"|\b(?:was|were|is|are|remained|remains)\s+(?:(?:completely|entirely|fully)\s+)?(?:undamaged|unscathed)\b",
    re.I)
# what the words deny, said yes: the negation out, "undamaged" as "damaged"
_UNDONE = [(re.compile(r"\bno\s+(?:(?:serious|significant|major|material|visible|real|other)\s+)", re.I), ""),
           (re.compile(r"\b(?:none\s+of|no|not|never|any)\s+", re.I), ""), (re.compile(r"n['’]t\b", re.I), ""),
           (re.compile(r"\b(?:undamaged|unscathed)\b", re.I), "damaged")]
# people are no harm done to a thing ("the driver was not hit"): one hurt or spared is a toll
_PEOPLE = (r"(?:one|body|anyone|anybody|person|people|civilians|residents?|crew|passengers?|workers?|employees?|staff|"
           r"drivers?|pedestrians?|cyclists?|victims?|suspects?|players?|officers?|soldiers?|troops|servicemen|children|"
           r"child|wife|husband|women|woman|men|man|he|she|they|we|him|her|them|us)")
_PERSON_HARMED = re.compile(r"\b" + _PEOPLE + r"\s+(?:had|has|have|was|were|is|are)\s+[\"“]?(?:not|never)\b"
                            r"|\b(?:no|none\s+of(?:\s+the)?)\s+(?:\w+\s+)?" + _PEOPLE + r"\s+(?:had|has|have|was|were|is|are)\b",
                            re.I)
# ... or the thing said not harmed is one of people's ("the pedestrian", "hit the cyclist"), or no thing a weapon harms
# ("no jobs were hit", "sales were not hit by the strike", "his reputation was not damaged", "talks had not hit a snag")
_NOT_A_TARGET = re.compile(r"\b" + _PEOPLE + r"\b(?!\s+(?:vehicles?|trains?|bus(?:es)?|ships?|vessels?|cars?|boats?|"
                           r"buildings?|stations?|terminals?|ferr(?:y|ies)|planes?|flights?|quarters|centres?|centers?|"
                           r"blocks?|homes?|houses?)\b)"
                           r"|\b(?:jobs?|sales|growth|economy|rates?|prices?|budgets?|talks|deals?|reputation|coalition|"
                           r"ceasefire|visit|plans?|exports?|imports?|earnings|profits?|shares|stocks?|markets?|confidence|"
                           r"morale|relations|ties|snag|record|note|target)\b", re.I)


def _thing_words(text: str, m: re.Match) -> str:
    """The words naming the thing a no-harm match says was not harmed: inside it ("no civilian vessel had been hit"),
    after it ("did not hit the cyclist", "hit no homes"), or the few words before it ("sales were not hit", "the
    bridge was undamaged"); none for "there was no damage"."""
    words = m.group(0)
    if re.match(r"(?:no|none)\b", words, re.I):
        return words
    if re.search(r"\b(?:did|had|has|have|never)(?:\s+not|n['’]t)?\s+(?:strike|struck|hit|target|bomb|shell)|"
                 r"^(?:hit|struck|targeted|bombed|shelled)\s+no\b", words, re.I) and not re.search(r"\bbeen\b", words):
        return " ".join(text[m.end():].split()[:4])
    if re.match(r"(?:there|caused|causing|cause|causes|suffer|sustain|resulted|with)\b", words, re.I):
        return ""
    return " ".join(text[:m.start()].split()[-3:])


def _no_harm(claim: Claim) -> Optional[re.Match]:
    """A party saying that the harm told of was not done (`_NO_HARM`): not a question left open ("did not say whether
    the refinery was hit"), not one hurt or spared, not a promise ("will not be damaged")."""
    m = _NO_HARM.search(claim.text)
    if m is None or _OPEN_QUESTION.search(claim.text, 0, m.start()) or _PERSON_HARMED.search(claim.text, max(0, m.start() - 30), m.end()):
        return None
    if _NOT_A_TARGET.search(_thing_words(claim.text, m)):
        return None
    if re.search(r"\b(?:no|none\s+of\s+the)\s+(?:other|further|more|additional)\b", m.group(0), re.I):
        return None  # "No other ships were damaged": the one hit is granted
    if _BY_NATURE_OR_YEARS.match(claim.text, m.end()):
        return None  # "The surrounding area has not been hit by a quake in more than 25 years": history, no answer
    if re.search(r"\b(?:will|would|could|might|may|should|must|if|unless)\s+(?:\w+\s+){0,3}$", claim.text[:m.start()], re.I):
        return None
    if _DESPITE.search(claim.text, 0, m.start()):
        return None  # "forces likely struck an oil depot in Klintsy, despite the governor's claims that … caused no damage"
    return m


# what no party does, or a span of years: "not been hit by a quake", "not been hit in more than 25 years", "since 1990"
_BY_NATURE_OR_YEARS = re.compile(r"[^.;]{0,40}?\b(?:by\s+(?:an?\s+|the\s+)?(?:earthquake|quake|tremor|storm|hurricane|typhoon|"
                                 r"cyclone|tornado|flood|wildfire|lightning)|in\s+(?:more\s+than\s+|over\s+|nearly\s+)?"
                                 r"(?:\d+|a|two|three|four|five|ten|twenty)\s+(?:years?|decades?|centur(?:y|ies))|since\s+\d{4}|"
                                 r"for\s+(?:years|decades))\b", re.I)


# a harm told and the denial of it set against it: the sentence asserts the harm, what follows reports who says otherwise
_DESPITE = re.compile(r"\b(?:despite|notwithstanding|contrary\s+to|in\s+spite\s+of)\b", re.I)


# the words of harm done to a thing, in their class (`measures.event_class`, `noun_class`): a strike that "hit" or
# "struck" something, damage, destruction, a fire, a burning or a cut line
_HARM_DONE_TO = frozenset({"damage", "strike", "destroy", "burn", "knock"})
_HARM_NOUNS = frozenset({"damage", "fire", "blaze", "destruction", "explosion"})
_HARM = _HARM_DONE_TO | _HARM_NOUNS | {"hit", "cut"}
# what air defences bring down is no harm done to a thing ("destroyed 43 drones", "shot down 38 drones")
_WEAPONS = frozenset({"drone", "missile", "uav", "rocket", "projectile", "shell", "bomb"})
# what nature or the markets do to a place or a figure is no party's harm to deny ("a 6.1-magnitude earthquake hit northern
# Japan … There was no damage"; "temperatures hit 40C")
_NOT_DOERS = frozenset({"earthquake", "quake", "tremor", "aftershock", "typhoon", "hurricane", "storm", "cyclone", "tornado",
                        "flood", "flooding", "wildfire", "blaze", "temperature", "heatwave", "inflation", "price", "rate",
                        "sale", "share", "stock", "index", "unemployment", "growth", "economy", "record", "deal"})


_SHOOTING = frozenset({"defence", "defense", "artillery", "anti-aircraft", "antiaircraft", "gun", "machine", "sniper", "mortar",
                       "rifle", "enemy", "friendly", "heavy", "small", "arms", "tank", "counter", "covering"})


def _gunfire(noun) -> bool:  # noqa: ANN001 - a spaCy Token
    """"fire" that is shooting, not a blaze: "air defence fire", "heavy artillery fire", "came under fire", "opened fire"."""
    if noun.lemma_.lower() != "fire":
        return False
    if any(c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in _SHOOTING for c in noun.children):
        return True
    return noun.head.lemma_.lower() in ("under", "open", "return", "cease", "exchange", "draw", "face", "sale")


def _said_none(noun) -> bool:  # noqa: ANN001 - a spaCy Token
    """A harm noun said to be none or not known: "no damage", "no reports of any damage", "There's been no news of
    damage to aircraft", "without damage"."""
    before = noun.doc[max(noun.sent.start, noun.i - 5):noun.i]
    return any(t.lower_ in ("no", "none", "without", "nor") for t in before)


def _harms_a_thing(verb) -> bool:  # noqa: ANN001 - a spaCy Token
    """The verb's thing harmed (its object, or its subject when passive) is named and no weapon brought down;
    "hit" and "struck" with none strike nothing told ("the strike hit overnight")."""
    if any(c.dep_ == "nsubj" and (c.lemma_.lower() in _NOT_DOERS or c.ent_type_ in ("PERSON", "MONEY", "PERCENT"))
           for c in verb.children):
        return False  # "a quake hit northern Japan", "inflation hit a 40-year high", "Nadal destroyed Federer"
    things = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not things:
        return verb.lemma_.lower() not in ("strike", "hit")
    return not any(t.lemma_.lower() in _WEAPONS | _NOT_DOERS or t.ent_type_ == "PERSON" or _NOT_A_TARGET.fullmatch(t.text)
                   for t in things)


# verbs that only carry the harm in the words denied: "caused no damage", "suffered no damage"
_HARM_CARRIERS = frozenset({"cause", "suffer", "sustain", "result", "be"})


def tells_harm(claim: Claim) -> bool:
    """The claim tells of harm done (`_HARM`): a thing hit, struck, damaged, destroyed, set on fire; not an attack or a
    launch alone ("Ukraine launched 40 drones at Feodosia")."""
    if _no_harm(claim):
        return False  # harm said not done
    return bool(_harm_words(claim.text) & {"harm"})


def _harm_words(text: str) -> set[str]:
    """The content words of `text` (`content_words`) with each word of harm done as "harm", the verbs that only carry
    it left out."""
    out = set()
    for t in parse(text):
        if t.pos_ == "VERB" and event_class(t.lemma_) in _HARM_DONE_TO and _harms_a_thing(t):
            out.add("harm")
        elif t.pos_ == "NOUN" and t.lemma_.lower() in _HARM_NOUNS and not _gunfire(t) and not _said_none(t):
            out.add("harm")
    words = {_THING_FOLD.get(w, w) for w in content_words(text) if w not in _HARM and w not in _HARM_CARRIERS}
    return out | words


# things harmed named so generally that any thing told of may be them ("the facility suffered no damage")
_ANY_THING = frozenset({"facility", "site", "enterprise", "infrastructure", "object", "territory", "area", "it", "plant",
                        "installation", "target"})


def _harmed_thing(denied: str) -> Optional[str]:
    """The thing a harm said not done was done to, in its class (`measures.noun_class`): the subject of a passive
    ("the underground reservoirs were damaged": reservoir), the object ("hit civilian ships": ship), the subject of
    "suffered damage" (not of "the strike caused damage"); None when none is named or only a general one."""
    for t in parse(denied):
        harm_verb = t.pos_ == "VERB" and event_class(t.lemma_) in _HARM_DONE_TO
        carrier = t.pos_ == "NOUN" and t.lemma_.lower() in _HARM_NOUNS and t.head.lemma_.lower() in _HARM_CARRIERS
        if not (harm_verb or carrier):
            continue
        where = t if harm_verb else t.head
        deps = ("nsubjpass", "dobj") if harm_verb else ("nsubj",)
        thing = next((c for c in where.children if c.dep_ in deps and c.pos_ in ("NOUN", "PROPN")), None)
        if thing is not None and noun_class(thing.lemma_) in _STRIKES | {"attack", "strike", "hit"}:
            # "the strike on the airfield caused no damage": what was struck
            thing = next((g for c in thing.children if c.dep_ == "prep" and c.lower_ in ("on", "at", "against")
                          for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None)
        if thing is None or thing.pos_ == "PROPN" or thing.lemma_.lower() in _ANY_THING:
            return None  # a place by name is read as names are (`_proper_names`)
        return _thing_class(thing.lemma_)
    return None


def _names_the_thing(denied: str, claim: Claim) -> bool:
    """The claim names the thing the denied harm was done to (`_harmed_thing`), in its class; always when none is named."""
    thing = _harmed_thing(denied)
    return thing is None or thing in {_thing_class(t.lemma_) for t in parse(claim.text) if t.pos_ in ("NOUN", "PROPN")}


# one kind of thing in other words ("no civilian vessel had been hit" / "a drone hit the ship")
_THING_FOLD = {"vessel": "ship", "boat": "ship", "tanker": "ship", "freighter": "ship", "carrier": "ship",
               "house": "home", "building": "home", "block": "home", "apartment": "home", "residence": "home"}


def _thing_class(lemma: str) -> str:
    word = noun_class(lemma.lower())
    return _THING_FOLD.get(word, word)


def harm_similarity(denied: str, claim: Claim) -> float:
    """How much of a denied harm (`_NO_HARM`: "the strike on Feodosia caused damage") `claim` states, 0..1: none unless
    the claim tells of harm done (`tells_harm`), else the share of the denied words (harm one word) the claim holds,
    with its actors and places."""
    words = _harm_words(denied)
    said = _harm_words(claim.text)
    if "harm" not in said or not words:
        return 0.0
    if not _names_the_thing(denied, claim):
        return 0.0  # "the underground reservoirs were not damaged" denies no strike on the surface installations
    for name in [*claim.actors, *(p.name for p in claim.places)]:
        said.update(w.lower() for w in name.split())
    return len(words & said) / len(words)


# the speaker going on to say something else: "insisted its forces had not hit the bus station and said the targets were …"
_NEXT_SAYING = re.compile(r"\s+(?:and|but)\s+(?:\w+\s+){0,2}?(?:said|says|insist\w*|added|adds|claim\w*|stress\w*|blam\w*|"
                          r"described|called)\b", re.I)


def _no_harm_object(claim: Claim, cue: re.Match) -> "DeniedObject":
    """What a no-harm denial denies: the clause of the match said yes ("the strike on Feodosia caused no damage" -> "the
    strike on Feodosia caused damage"), from its subject; when it names no place or thing but the harm ("there was no
    damage"), it points back to the harm its page just told of."""
    text = claim.text
    start = 0
    frame = claim.attribution.source_span
    if frame is not None and frame[1] - claim.span[0] <= cue.start():
        start = frame[1] - claim.span[0]
    cut = max((m.end() for m in re.finditer(r"\b(?:that|and|but|while|insist\w*|sa(?:id|ys|y)|claim\w*|added|stress\w*)\s+|[,;:]\s*",
                                            text[start:cue.start()], re.I)), default=0)
    rest = text[start + cut:]
    if frame is not None and frame[0] - claim.span[0] > cue.end():
        rest = text[start + cut:frame[0] - claim.span[0]]  # "…, the ministry said"
    ends = [m.start() for m in (_CLAUSE_END.search(rest, cue.end() - start - cut),
                                _NEXT_SAYING.search(rest, cue.end() - start - cut)) if m]
    words = rest[:min(ends)] if ends else rest
    for pattern, replacement in _UNDONE:
        words = pattern.sub(replacement, words)
    words = re.sub(r"[\"“”]", "", words).strip(" '’,.")
    if not (_harm_words(words) - {"harm"}):
        return DeniedObject("", pointer=cue.group(0).strip(), harm=True)
    return DeniedObject(words, harm=True)


# what the denier adds about a place it names is not what it denies: "captured Huliaipole, a town in the
# Zaporizhzhia region that has been under heavy attack for months"
_PLACE_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:town|village|city|settlement|hamlet|port|"
                               r"district|region|province|oblast)\b.*$", re.I | re.S)
# who made a report, between its noun and what it told: "Statements by the Kiev regime that the patrol ship … was hit"
# not "dismissed the reports by saying that …"; where the report ran: "reports on Ukrainian Telegram channels that …"
_BY_CLAIMANT = (r"(?:\s+(?:by|from)\s+(?!\w+ing\b)[^,.;:]{1,60}?|\s+(?:on|in)\s+(?:[\w'’-]+\s+){0,3}?(?:Telegram(?:\s+channels?)?|"
                r"social\s+media|media|channels?|websites?|outlets?|television|TV|press|newspapers?|blogs?))")
# the report so called, when nothing after it says what it reported: it points back
_REPORT_POINTER = re.compile(r"\s*(" + _REPORT_CALLED + r")\b(?!\s+(?:of|that|about|to)\s)(?!" + _BY_CLAIMANT + r"\s+(?:that|about|of)\s)",
                             re.I)
# who made the report, before what it told: "the claims of the Ukrainian General Staff about a strike on a depot"
_CLAIMANT = re.compile(r"^(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,5}(?:about|that|on)\s+")
_CALLED_FALSE_TAIL = re.compile(r",?\s+(?:(?:were|was|are|is)\s+[\"“]?(?:" + _FALSE_WORD + r"|" + _CALLED_UNTRUE + r")"
                                + r"|as\s+[\"“]?" + _CALLED_UNTRUE
                                + r"|[\"“]?(?:" + _FALSE_WORD + r"|" + _CALLED_UNTRUE + r")" + _AUTHORED
                                + r"[\"”]?[\s.]*$).*$",
                                re.I | re.S)


# a denial told in the same sentence as what it denies: "Russia's defence ministry said the port stored
# fuel for Ukraine's armed forces, a claim Kyiv disputes", "…, which Kyiv denies", "…, a charge that
# party leaders strongly denied"
_DENIER = r"(?P<NAME>(?:(?:the|its|their|his|her)\s+[\w'’.-]+|[A-Z][\w'’.-]*)(?:\s+[\w'’.-]+){0,4}?)\s+(?:(?:has|have|had)\s+)?" \
          r"(?:(?:strongly|flatly|firmly|repeatedly|vehemently|also)\s+)?"
_APPENDED_DENIAL = re.compile(
    r"(?:,|\s+[-–—])\s+(?P<tail>(?:(?:a|an)\s+(?:claim|charge|assertion|allegation|accusation|account|report|version)\s+(?:that\s+)?"
    + _DENIER.replace("NAME", "denier") + r"(?:den(?:y|ies|ied)|disput(?:e|es|ed)|refut(?:e|es|ed))"
    # "a claim Kyiv rejects": a named party rejecting a claim denies it (an insurer rejecting a claim refuses it)
    r"|(?:a|an)\s+(?:claim|charge|assertion|allegation|accusation|account|report|version)\s+(?:that\s+)?"
    # "a claim Ukraine's air force rejected as \"pure fiction\"": a possessive's own words may be small
    r"(?P<denier3>[A-Z][\w'’.-]*(?:['’]s(?:\s+[a-z]+){1,2}|(?:\s+[A-Z][\w'’.-]*){0,3}))\s+(?:(?:has|have|had)\s+)?"
    r"(?:\w+ly\s+)?reject(?:s|ed)?(?:\s+as\s+[\"“]?(?:pure\s+|complete\s+|utter\s+)?(?:fiction|fake|false|lies|nonsense|"
    r"propaganda|fabricat\w*|baseless|groundless|untrue|disinformation)\b[^.;]{0,40}?)?"
    # "which Kyiv rejected" may be a proposal refused: after "which" only a denial verb answers a fact
    r"|(?:which|something)\s+" + _DENIER.replace("NAME", "denier2") + r"(?:den(?:y|ies|ied)|disput(?:e|es|ed)|refut(?:e|es|ed)))\s*[.;\"”]*(?:\[\d{1,3}\])*\s*)$")


@dataclass(frozen=True)
class AppendedDenial:
    denier: str
    denial: Span     # document offsets of ", a claim Kyiv disputes"
    denied: Span     # document offsets of what it follows


def appended_denial(claim: Claim) -> Optional[AppendedDenial]:
    """The denial a sentence ends with, of what the sentence says before it: the claim then states a
    report and its denial at once (issue 13: one claim carries both)."""
    m = _APPENDED_DENIAL.search(claim.text)
    if m is None or m.start() < 20:
        return None
    start = claim.span[0]
    denier = re.sub(r"(?:\s+(?:later|long|also|again|\w+ly))+$", "",
                    m.group("denier") or m.group("denier2") or m.group("denier3"))
    return AppendedDenial(denier, (start + m.start("tail"), start + len(claim.text.rstrip())),
                          (start, start + m.start()))


def _object_words(after: str) -> str:
    m = _OBJECT.match(after)
    return m.group(1) if m else ""




# --- what a denial denies, and which mentions state it -------------------------------------------

# A stated object must share at least this share of its content words with a mention for the denial
# to deny that mention: more than half of what is denied is what the mention says. Chosen on the
# development stories of bench/eval_contradictions.py (see its docstring), not fitted.
MATCH = 0.5
# A bare "these reports" answers a report given just before it in the same article.
ANTECEDENT_LINES = 2

# (", which Russia's defence ministry said it had 'liberated'": a relative clause says who claimed it, not what
# is denied)
_CLAUSE_END = re.compile(r",\s*(?:calling|saying|adding|describing|insisting|arguing|telling|claiming|stressing|and|"
                         r"but|while|though|although|according|as|which|who|where)\b|[;:—–(]|\.(?:\s|$)|[”\"]\s*$", re.I)
_EMBEDDED_RELATIVE = re.compile(r",\s+(?:who|which|where)\b[^,;.]*,(?=\s+(?:had|has|have|was|were|is|are|would|will|did|\w+ed)\b)", re.I)
_REPORT_NOUN = (r"(?:reports?|reporting|claims?|allegations?|accusations?|charges?|rumou?rs?|stor(?:y|ies)|"
                r"accounts?|assertions?|suggestions?|speculation|statements?|notion|idea|suspicions?|findings?)")
# what someone thinks or says of a thing: its content follows "that" ("concerns that he is bucking …");
# after "of" or "about" comes its target ("criticism of his performance" states nothing to deny)
_OPINION_NOUN = r"(?:concerns?|fears?|worries|arguments?|remarks|comments?|criticisms?|critiques?|characteri[sz]ations?)"
_SAID_NOUN = rf"(?:{_REPORT_NOUN}|{_OPINION_NOUN})"
_DET = r"(?:(?:the|these|those|this|that|such|any|all|its|their|his|her|western|media|press|recent|earlier|new)\s+)*"
# a word before the report noun ("preliminary", "Ukraine's"), never a preposition ("wrongdoing in statements")
_MODIFIER = r"(?:(?!(?:in|on|at|of|for|by|with|from|to|about|into|over|after|before)\s)[\w’'-]+\s+)"
_OBJECT_AFTER = re.compile(rf"\s*(?:,\s*)?(?:{_DET}{_MODIFIER}{{0,2}}?{_REPORT_NOUN}(?:{_BY_CLAIMANT})?\s+(?:that|of|about|saying|suggesting|claiming|to\s+have)\s+|"
                           rf"{_DET}{_MODIFIER}{{0,2}}?{_OPINION_NOUN}\s+that\s+|"
                           rf"that\s+|having\s+|ever\s+|being\s+)", re.I)
# "denied that, saying …": a bare "that" before a comma points back
# (a side may own it: "denied the Russian claim", "rejected Moscow's claims")
_ANAPHORIC = re.compile(rf"\s*(?:,\s*)?(?:{_DET}(?:(?-i:[A-Z][\w’'-]*)\s+)?{_SAID_NOUN}|it|this|them|that(?=\s*[,;:.]))\b"
                        rf"(?!\s+(?:that|of|about|by|from|raised|made|voiced|expressed)\b)", re.I)
# the governments a side's claim may be named by besides its country ("Moscow's claims", "the Kremlin's claim")
_SEATS = frozenset({"kremlin", "moscow", "kyiv", "kiev", "washington", "beijing", "tehran", "minsk", "warsaw"})


def _pointer(after: str) -> Optional[re.Match]:
    """A report pointed back to (`_ANAPHORIC`); one owned by a capitalised word only when it names a side ("the
    Russian claim", "Moscow's claims"): "rejected Clinton's claim" says whose words it answers, which need not be
    the sentence before."""
    from claimdesk.extraction.places import country_of_name

    m = _ANAPHORIC.match(after)
    if m is None:
        return None
    owners = [re.sub(r"['’]s$", "", w) for w in re.findall(r"\b[A-Z][\w’'-]*", m.group(0))]
    if any(not country_of_name(w) and w.lower() not in _SEATS for w in owners):
        return None
    return m


# "rejected that argument in a ruling", "dismissed those figures": a demonstrative points back, whatever its noun
_DEMONSTRATIVE = re.compile(r"\s*(?:,\s*)?(?:that|these|those|this)\s+[a-z][\w-]*\b(?!\s+(?:that|of|about)\b)")
# whose words a bare report noun names: "Trump's remarks about Muslims", "criticism from Jeb Bush"
_SPEAKER_OF = re.compile(rf"^\s*(?:the\s+)?(?P<before>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)['’]s?\s+(?:[\w-]+\s+)?{_SAID_NOUN}\b"
                         rf"|^\s*(?:the\s+|any\s+)?(?:[\w-]+\s+)?{_SAID_NOUN}\s+(?:by|from)\s+(?P<after>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)")
_REPORT_WORD = re.compile(r"\b(?:report(?:s|ed|edly)?|claims?|alleg\w*|rumou?r\w*|unconfirmed|purported\w*)\b", re.I)


@dataclass(frozen=True)
class DeniedObject:
    """What a denial denies: the words stated ("any North Korean soldiers had been killed near
    Donetsk"), or none when it only points back ("denied these reports")."""

    text: str
    pointer: Optional[str] = None  # "these reports" when the object is only pointed to
    # "the village remains under Ukrainian control": the capture of a village its own page names
    on_its_page: bool = False
    held: Optional[str] = None    # the place said to be still held, and by which side ("ukrain", "russia")
    holder: Optional[str] = None
    harm: bool = False  # harm done said not done ("there was no damage"): what it denies tells of harm (`tells_harm`)


_NAMES_ITS_TOPIC = re.compile(r"(?:\s+[^\s,.;:]+){0,3}?\s+(?:of|about|over|against)\b", re.I)
_IDEA_NOUN = r"(?:ideas?|notions?|arguments?|proposals?|offers?|calls?|requests?|plans?|labels?|attacks?)"
_WEIGHS_IDEAS = re.compile(r"reject\w*|dismiss\w*|rebut\w*", re.I)
_AN_INTENT = re.compile(r"\bto\s+(?:\w+ly\s+)?$", re.I)


def points_back_plainly(claim: Claim) -> bool:
    """A denial made (not one someone "will try to" make) whose object only points back, with
    nothing after the pointer saying what it is about: "China denied the reports Friday", "denied that,
    saying …". "Police denied rumors on social media of a subsequent hostage-taking" and "dismissed the
    allegations as a series of fibs aimed at discrediting Putin" say what they answer, and it need
    not be the sentence before."""
    cue = _cue_in(claim)
    if cue is None or _AN_INTENT.search(claim.text[:cue.start()]):
        return False
    if cue.re is _NO_TRUTH or cue.re is _NO_HARM:
        return True  # "There is no truth in this", "there was no damage": nothing after the pointer says what it answers
    after = claim.text[cue.end():]
    pointer = _pointer(after) or _DEMONSTRATIVE.match(after) or _FIGURE_CALLED_FALSE.match(after) \
        or (_REPORT_POINTER.match(after) if cue.re is _SAID_FALSE else None)
    if pointer is None or _NAMES_ITS_TOPIC.match(after, pointer.end()):
        return False
    return not re.search(rf"\b(?:{_OPINION_NOUN}|{_IDEA_NOUN})\b", pointer.group(0), re.I) and denies_a_fact(claim)


# "denied that the ship had been damaged": a thing named by a definite description, no name of its own
_DESCRIBED_THING = re.compile(r"(?:the|this|that)\s+(?:(?!(?:of|who|which|that|itself)\b)[a-z-]+\s+){0,2}?"
                             r"(?!(?:who|which|that|itself|themselves|week|day|month|year|time)\b)([a-z]+)\s+"
                             r"(?:had|has|have|was|were|is|are)\b")


# a telling of the thing at another time ("damaged in an earlier strike in 2024", "previously struck the Liski
# oil depot … on July 23"); not "as previously reported", "the second attack since last week"
_OTHER_TIME = re.compile(r"\b(?:an?|the)\s+(?:earlier|previous|former)\s+(?:strike|attack|raid)\b|\b(?:years?|months?)\s+ago\b"
                         r"|(?<!as )\bpreviously\s+(?:struck|hit|attacked|targeted|shelled|bombed|damaged|destroyed|raided)\b"
                         r"|(?<!since )\blast\s+(?:week|month|year|summer|winter|spring|autumn)\b", re.I)


def described_thing(claim: Claim) -> Optional[str]:
    """The noun of a denied object that opens with a definite description of a thing its page told of
    ("the ship" in "denied that the ship had been damaged", "the vessel was hit"): the page's earlier
    telling of it is what is denied, whatever other ships other pages tell of. None for an object
    naming someone or something by name, or opening with a report ("the reports were false")."""
    obj = denied_object(claim)
    m = _DESCRIBED_THING.match(obj.text.strip())
    if m is None or obj.pointer or re.fullmatch(_REPORT_NOUN, m.group(1), re.I) \
            or _proper_names(obj.text, _place_spellings(claim)):
        return None
    return m.group(1)


def describes(denial: Claim, noun: str, claim: Claim) -> bool:
    """`claim`, an assertion on the denial's page up to ANTECEDENT_LINES lines before it, tells of the
    thing `noun` names and states what is denied of it (`fact_similarity` from MATCH)."""
    return claim.document_id == denial.document_id and claim.span[0] < denial.span[0] \
        and denial.line - claim.line <= ANTECEDENT_LINES and not _tells_of_denial(claim) \
        and not _OTHER_TIME.search(claim.text) \
        and re.search(rf"\b{re.escape(noun)}\b", claim.text, re.I) is not None \
        and object_similarity(denied_object(denial), claim) >= MATCH


def denies_a_fact(claim: Claim) -> bool:
    """What the denial answers is a statement of fact. One rejects or dismisses a proposal, an idea,
    an argument or criticism as readily as a report ("Sanders rejected that, too", "dismissed critique
    of his performance", "dismissed ideological labels"): with those verbs only a report or a
    that-clause is a fact rejected ("rejected the allegation", "dismissed claims that …"); "denied",
    "disputed", "refuted" always answer one."""
    cue = _cue_in(claim)
    if cue is None:
        return False
    if not _WEIGHS_IDEAS.fullmatch(cue.group(0)):
        return True
    words = claim.text[cue.end():]
    reach = _CLAUSE_END.search(words)
    words = words[:reach.start()] if reach else words
    if re.match(rf"\s*(?:\S+\s+){{0,5}}?(?:{_OPINION_NOUN}|{_IDEA_NOUN})\b", words, re.I):
        return False
    return bool(re.match(rf"\s*(?:\S+\s+){{0,5}}?(?:{_REPORT_NOUN}\b|that\s+\w)", words, re.I)
                or _FIGURE_CALLED_FALSE.match(words))


def called_untrue(claim: Claim) -> bool:
    """The denial calls a report untrue with no denial verb: "said the claims were false", "\"The claims … are
    lies,\" the governor said", "described … reports about … as a staged provocation"."""
    cue = _cue_in(claim)
    return cue is not None and cue.re is _SAID_FALSE


def denied_object(claim: Claim) -> DeniedObject:
    cue = _cue_in(claim)
    if cue is not None and cue.re is _NO_TRUTH:
        return DeniedObject("", cue.group("p1") or cue.group("p2"))
    if cue is not None and cue.re is _NO_HARM:
        return _no_harm_object(claim, cue)
    if cue is not None and cue.re is _STILL_HELD:
        held = cue.group("held")
        return DeniedObject(f"captured {held}", on_its_page=bool(re.fullmatch(_UNNAMED_HELD, held)), held=held,
                            holder=_holder(cue))
    after = claim.text[cue.end():] if cue else claim.text
    if cue is not None and cue.re is _DENIAL_VERB:
        after = _CALLED_FIRST.sub(" ", after, count=1)  # "dismissed as fake the claims that …": the claims
    if cue is not None and cue.re is _SAID_FALSE and (report := _REPORT_POINTER.match(after)):
        return DeniedObject("", report.group(1))  # "said the Russian claim \"does not correspond to reality\""
    if cue is not None and (figure := _FIGURE_CALLED_FALSE.match(after)):
        return DeniedObject("", figure.group(1))
    stated = _OBJECT_AFTER.match(after)
    if stated and cue is not None and stated.group(0).strip(" ,").lower() == "that" \
            and _determiner_at(claim.text, cue.end() + stated.group(0).lower().index("that")):
        stated = None  # "rejected that argument": a demonstrative, not a that-clause
    if stated:
        # an embedded relative clause is no end ("denied that the four hostages, who were seized at the festival,
        # had been killed"); a trailing one is (", which Russia's defence ministry said it had 'liberated'")
        rest = _EMBEDDED_RELATIVE.sub("", after[stated.end():])
        end = _CLAUSE_END.search(rest)
        stated_text = rest[:end.start()] if end else rest
        if cue is not None and cue.re is _SAID_FALSE:  # "reports of a strike … were false": the strike
            stated_text = _CLAIMANT.sub("", _CALLED_FALSE_TAIL.sub("", stated_text))
        return DeniedObject(_PLACE_APPOSITION.sub("", stated_text))
    pointer = _pointer(after) or _DEMONSTRATIVE.match(after)
    if pointer:
        return DeniedObject("", pointer.group(0).strip(" ,"))
    if cue is not None and (obj := _direct_object(claim.text, cue.start())):
        return DeniedObject(obj)  # "denied his role repeatedly and stayed at the FBI …": "his role"
    end = _CLAUSE_END.search(after)
    return DeniedObject(after[:end.start()] if end else after)  # "denied any involvement in the attack"


# what the denier calls the report before naming it: "dismissed as fake the claims by Ukrainian officials that …"
_CALLED_FIRST = re.compile(r"^\s+as\s+" + _CALLED_UNTRUE + r"(?=\s+(?:the|these|those|this|that|such|all|any|[A-Z]))",
                           re.I)


def _determiner_at(text: str, at: int) -> bool:
    return any(t.idx == at and t.dep_ == "det" for t in parse(text))


def _direct_object(text: str, at: int) -> Optional[str]:
    """The words of the direct object of the verb at character `at`, from the parse: a later verb
    joined by "and" is not part of what is denied."""
    verb = next((t for t in parse(text) if t.idx == at), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None) if verb is not None else None
    if obj is None:
        return None
    return text[obj.left_edge.idx:obj.right_edge.idx + len(obj.right_edge.text)]


@lru_cache(maxsize=20_000)
def content_words(text: str) -> frozenset[str]:
    """The lemmas a statement is made of: nouns in their class (officers ~ soldiers),
    verbs in their event class (died ~ killed), a country however named ("Russian troops" ~ "Russia's
    troops"), names, adjectives, numbers; no function words."""
    from claimdesk.extraction.places import country_of_name

    out = set()
    for t in parse(text):
        if t.is_stop or t.is_punct or t.is_space or t.pos_ in ("DET", "AUX", "PRON", "ADP", "CCONJ", "SCONJ", "PART"):
            continue
        if t.text[:1].isupper() and t.pos_ in ("PROPN", "ADJ") and (code := country_of_name(t.text)):
            out.add(f"country:{code}")
        elif t.pos_ in ("NOUN", "PROPN"):
            out.add(noun_class(t.lemma_))
        elif t.pos_ == "VERB":  # a deed in its class, as `_deed` reads it ("liberated" the town: captured)
            deed = event_class(t.lemma_) or t.lower_
            out.add(_DEEDS.get(deed, deed))
        elif t.pos_ == "ADJ":
            out.add(event_class(t.lemma_) or t.lower_)
        elif t.pos_ == "NUM" or t.like_num:
            out.add(t.lower_)
        elif t.pos_ == "ADV":
            continue
        else:
            out.add(t.lemma_.lower())
    return frozenset(out)


# one deed in other words: "deaths" and "killed", "arrest" and "detained", "swapped" and "exchanged"
# (`measures.EVENT_CLASS` gives the verbs' classes first)
_DEEDS = {"death": "kill", "casualty": "kill", "fatality": "kill", "killing": "kill", "injury": "injure",
          "arrest": "detain", "detention": "detain", "capture": "detain", "seizure": "detain", "occupation": "detain", "fall": "detain",
          # a party "liberating" a town it takes tells the capture a denial denies (as a count's event,
          # freeing 40 civilians is no detention: `measures.EVENT_CLASS` leaves it alone)
          "liberate": "detain", "liberation": "detain",
          "deployment": "deploy", "launch": "fire", "shooting": "fire", "shelling": "fire", "swap": "exchange",
          "bombing": "strike",
          "trade": "exchange",
          "destruction": "destroy"}


# what a party "takes" when it captures it: "its troops had taken the village" ("would take Russia to court",
# "took control of the bank" capture nothing)
_TAKEN = {"village", "town", "city", "settlement", "hamlet", "outskirts"}


def _deed(token) -> Optional[str]:  # noqa: ANN001 - a spaCy Token
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma == "take" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _TAKEN for c in token.children):
        return "detain"
    if token.pos_ == "VERB" and lemma == "bomb":
        return "strike"  # "had bombed a hospital" denies "a guided bomb struck a hospital" (a bomb defused strikes nothing)
    if token.pos_ == "VERB":
        deed = event_class(lemma)
    elif token.pos_ == "NOUN":
        deed = noun_class(lemma)
    else:
        return None
    return _DEEDS.get(deed, deed)


def denied_deed(denied: str) -> Optional[str]:
    """The deed a stated clause denies, by class: its main verb ("the hostages were exchanged for
    prisoners": exchange; "ever threatening her": threaten). None for a state ("troops are in
    Russia") and for a noun phrase ("allegations of sexual assault", "any involvement"): what is
    denied there is an accusation, which a mention may pass on in other words ("Thurman's
    allegations against Weinstein")."""
    root = next((t for t in parse(denied) if t.dep_ == "ROOT"), None)
    return _deed(root) if root is not None and root.pos_ == "VERB" else None


# a deed that tells of another: destroying is damaging ("denied that any aircraft at Millerovo were damaged" denies
# "drones struck the air base, destroying six aircraft"); denying destruction denies no damage
_TELLS_OF = {"destroy": "damage"}


# a strike told as meant against civilians tells of targeting them: "called the attack a deliberate strike on
# civilians" is what "denied that Russia targets civilians" denies; a strike alone is not ("missiles struck Kharkiv,
# killing seven civilians"), nor one "not deliberate" or deliberately at a depot with civilians killed nearby
_MEANT = re.compile(r"(?<!\bnot\s)(?<!\bnever\s)\b(?:deliberate(?:ly)?|intentional(?:ly)?)\b(?=[^.;]{0,25}\bcivilians?\b)",
                    re.I)


_STRIKES = {"strike", "attack", "fire", "bomb"}


def _deeds_of(claim: Claim) -> set[str]:
    deeds = {d for t in parse(claim.text) if (d := _deed(t))}
    deeds |= {_TELLS_OF[d] for d in deeds if d in _TELLS_OF}
    if deeds & _STRIKES and _MEANT.search(claim.text):
        deeds.add("target")
    return deeds


def states_deed(deed: Optional[str], claim: Claim) -> bool:
    """Whether `claim` tells of `deed` (a verb or noun of its class, or one telling of it); always when there is none."""
    return deed is None or deed in _deeds_of(claim)


def object_similarity(obj: DeniedObject, claim: Claim, spellings: Optional[dict[str, str]] = None) -> float:
    """How much of a stated denied object `claim` states: `harm_similarity` for harm said not done, else
    `fact_similarity`."""
    if obj.harm:
        return harm_similarity(obj.text, claim)
    if denied_deed(obj.text) in _HARM_DONE_TO and not _names_the_thing(obj.text, claim):
        return 0.0  # "denied that its forces had struck the bus station" denies no strikes on riverside districts
    return fact_similarity(obj.text, claim, spellings)


def fact_similarity(denied: str, claim: Claim, spellings: Optional[dict[str, str]] = None) -> float:
    """How much of a denied statement `claim` states, 0..1: the share of the denied words' content
    lemmas, with the claim's actors and places, that the claim holds; 0 when the claim does not tell
    of the deed denied (`denied_deed`): "denied that the two hostages were exchanged for militant
    prisoners" shares the hostages, their number and the militants with the hostages' release,
    which it does not deny (on news_cluster, placed beside the release, such a denial made it `denied`).

    This is the seam for the sentence-embedding same-fact model (corroborate/, `samefact`): a
    function of two statements giving a score; replace or blend the overlap here, keep `MATCH`
    refitted on the same labelled sample."""
    words = content_words(denied)
    if spellings:
        words = frozenset(spellings.get(w, w) for w in words)
    if not words or not states_deed(denied_deed(denied), claim):
        return 0.0
    said = set(content_words(claim.text))
    said.update(_TELLS_OF[w] for w in list(said) if w in _TELLS_OF)
    if said & _STRIKES and _MEANT.search(claim.text):
        said.add("target")
    for name in [*claim.actors, *(p.name for p in claim.places)]:
        said.update(w.lower() for w in name.split())
    return len(words & said) / len(words)


_DENIED_SAYING = re.compile(rf"\s*(?:,\s*)?(?:{_DET}{_MODIFIER}{{0,2}}?{_SAID_NOUN}\b|that\b)", re.I)


def _place_spellings(denial: Claim) -> dict[str, str]:
    """A one-word town the denial spells otherwise, by its gazetteer name in lower case: "struck a
    children's hospital in Zaporizhia" then shares its town with "hit the regional children's hospital
    in Zaporizhzhia" (a mention's places count among its words by their gazetteer names)."""
    return {written.lower(): name.lower() for written, name in denial.places_spelt_otherwise() if " " not in written}


_CALENDAR_WORD = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|"
                            r"august|september|october|november|december", re.I)
_REPORT_NOUN_RE = re.compile(_REPORT_NOUN, re.I)


def _proper_names(denied: str, spellings: dict[str, str]) -> frozenset[str]:
    """The proper nouns of what is denied (lower case, a town by its gazetteer name); not days or
    months, nor who made the report ("a Bloomberg report released Monday, where an unnamed source said
    …" names no one in what it reports)."""
    names = set()
    for t in parse(denied):
        if t.pos_ != "PROPN" or _CALENDAR_WORD.fullmatch(t.lower_):
            continue
        owner = t.head.head if t.head.lower_ in ("by", "from") else t.head
        if owner is not t and _REPORT_NOUN_RE.fullmatch(owner.lower_):
            continue
        names.add(spellings.get(t.lower_, t.lower_))
    return frozenset(names)


def _names_one_of(named: frozenset[str], claim: Claim) -> bool:
    """A denial naming someone or somewhere denies only mentions naming one of them: "denied that
    Russian forces had captured Myrne Pole" does not deny "Russian troops had captured Sosnivka", nor
    "struck a children's hospital in Zaporizhia" a hospital hit in Kharkiv, nor "dismissed a report that
    Hiller might be involved in a fatal workplace shooting" another shooting."""
    if not named:
        return True
    said = {t.lower_ for t in parse(claim.text)} | {w.lower() for p in claim.places for w in p.name.split()}
    return bool(named & said)


# "the town", "the village": a place the page named before
_UNNAMED_PLACE = re.compile(r"\bthe\s+(?:town|village|city|settlement|hamlet)\b", re.I)


# "have been trying to capture the town": no capture told
_ATTEMPT = re.compile(r"\b(?:try|tries|tried|trying|attempt\w*|seek\w*|sought|aim\w*|push\w*)\s+(?:to\s+)?", re.I)


def _the_place_of_its_page(claim: Claim, denial: Claim) -> bool:
    """A mention on the denial's own page naming no place but "the town" speaks of the town that page is
    about: "Ukraine's General Staff denied that Russian troops had captured Huliaipole" denies "its forces
    had 'liberated' the town" a few lines before it."""
    return claim.document_id == denial.document_id and 0 <= denial.line - claim.line <= ANTECEDENT_LINES \
        and claim.span[0] < denial.span[0] and all(p.kind == "country" for p in claim.places) \
        and bool(_UNNAMED_PLACE.search(claim.text)) and not _ATTEMPT.search(claim.text)


def _tells_of_denial(claim: Claim) -> bool:
    """A denial verb in the mention has a report or a that-clause for its object ("published a letter
    disputing accusations by Exxon"); "dismissed 300 workers" or "rejected the appeal" tell of deeds."""
    return any(_DENIED_SAYING.match(claim.text, m.end()) for m in _DENIAL_VERB.finditer(claim.text))


def speaker_of(denied: str) -> Optional[frozenset[str]]:
    """The surname (last name word) of whoever said what a bare report noun denies ("President Trump's
    remarks about Muslims" -> {"trump"}), or None when the object states a fact or names no one."""
    m = _SPEAKER_OF.match(denied)
    if not m or re.search(r"\bthat\b", denied[m.end():]):
        return None  # "Ukraine's claims that Russian troops shelled the plant" states what is denied
    return frozenset({_surname((m["before"] or m["after"]).split()[-1])})


def _surname(word: str) -> str:
    return word.lower().removesuffix("'s").removesuffix("’s").strip(".,")


def _said_by(claim: Claim, speaker: frozenset[str]) -> bool:
    """The mention passes on the words of `speaker`: its source, or the one who acts in it, is named so.
    Denying "Trump's remarks" denies what Trump said, not a reply to them ("Responding to Trump's
    remarks, Clinton wrote …")."""
    names = [claim.attribution.source] if claim.attribution.source else claim.actors
    return any(_surname(w) in speaker for n in names for w in n.split())


def _about_the_denier(denied: str) -> bool:
    """What is denied is said of the one who denies it: its subject is "he" or "she" with no one
    named before it ("Mr. Trump rejected attacks from Jeb Bush that he was not a conservative", "X
    denied that she had lied"; not "dismissed a report that Jeb Bush has said he will …", whose first
    subject is another)."""
    for t in parse(denied):
        if t.dep_ in ("nsubj", "nsubjpass"):
            # the first subject: "he"/"she", or someone else the pronoun after it may stand for
            return t.lower_ in ("he", "she")
    return False


# who speaks for another: "spokeswoman Hope Hicks denied that he had discussed …" denies for the principal
_SPEAKS_FOR = re.compile(r"\b(?:spokes(?:man|woman|person)|lawyers?|attorneys?|aides?|advis[eo]rs?|representatives?|"
                         r"secretary|counsel|campaign|manager|press|office|agent|publicist)\b", re.I)
_SUFFIX = re.compile(r"^(?:jr|sr|ii|iii|iv)\.?$", re.I)


def _denier(denial: Claim) -> Optional[frozenset[str]]:
    """The surname of the named person who denies, when the denial is credited to a person who
    speaks for herself and whom the sentence names ("the family … deny that he was carrying a
    weapon": "he" is the teen; "spokeswoman Hope Hicks denied that he …": the president; a source
    resolved from a pronoun may be the wrong person)."""
    a = denial.attribution
    if a.kind != "named_person" or not a.source or _SPEAKS_FOR.search(a.source):
        return None
    name = re.split(r"[,(]", a.source)[0].split()  # "Michael Cohen, Trump's personal lawyer"
    while name and _SUFFIX.match(name[-1]):
        name.pop()  # "Martin Luther King Jr."
    if not name:
        return None
    surname = _surname(name[-1])
    return frozenset({surname}) if surname in _words(denial.text) else None


def _words(text: str) -> set[str]:
    return {_surname(w) for w in re.findall(r"[\w’'.-]+", text)}


def _names(claim: Claim, surnames: frozenset[str]) -> bool:
    """The mention names one of `surnames` (in its words, source or actors), or may speak of that
    person: it names no one, or says "he" or "she" ("He was often mentioned as Deep Throat"; not the
    ", he said" of its attribution). A denial that "he was not a conservative" denies nothing of a story about other
    candidates' conservatism."""
    if not any(t.ent_type_ == "PERSON" for t in parse(claim.text)):
        return True  # names no one: "The former secretary of state sent …" may be the denier
    frame = claim.attribution.source_span
    for m in _PERSON_PRONOUN.finditer(claim.text):
        at = claim.span[0] + m.start()
        if frame is None or not frame[0] <= at < frame[1]:
            return True
    words = _words(claim.text)
    words.update(_surname(w) for n in [claim.attribution.source or "", *claim.actors] for w in n.split())
    return bool(words & surnames)


_PERSON_PRONOUN = re.compile(r"\b(?:he|she)\b", re.I)


def _reported(claim: Claim) -> bool:
    """The mention passes on a report rather than stating it: "reportedly", "reports say", "alleged"."""
    a = claim.attribution
    return any(_REPORT_WORD.search(h) for h in claim.hedges) or bool(
        a.kind == "vague" and a.source and _REPORT_WORD.search(a.source))


def _another_time(claim: Claim, denial: Claim) -> bool:
    """The claim tells of the thing at another time than the denial answers: in words ("previously struck
    the Liski oil depot", "an earlier strike") the denial does not share, or by a day three or more days
    from the day the denied words name ("denied that the depot was struck on Saturday"; a denial naming no
    day is not read by the day it was spoken: "on August 14 denied reports that the strike killed civilians"
    answers the strike of August 3)."""
    if _OTHER_TIME.search(claim.text) and not _OTHER_TIME.search(denial.text):
        return True
    a, b = claim.when, denial.when
    if a is None or b is None or a.granularity != "day" or b.granularity != "day" or b.span is None:
        return False
    denied = denied_object(denial).text
    at = denial.text.find(denied) if denied else -1
    start = denial.span[0] + at
    if at < 0 or not (start <= b.span[0] and b.span[1] <= start + len(denied)):
        return False  # the denial's day is when it was said, not what it denies
    try:
        return abs((date.fromisoformat(a.value) - date.fromisoformat(b.value)).days) >= 3
    except ValueError:
        return False


def answered(denial: Claim, candidates: Sequence[Claim],
             told_at: Optional[Callable[[Claim], Optional[datetime]]] = None) -> Optional[Claim]:
    """What a denial that only points back ("denied this") answers among `candidates`: the nearest of them
    before it on its own page, within ANTECEDENT_LINES lines. On a live page whose posts run newest first
    (`told_at`: each claim's post time), what was told before it in time: the nearest before it in its own post,
    else the first of the post below it, when the post above it is a later one."""
    page = [c for c in candidates if c.document_id == denial.document_id]
    before = [c for c in page if c.span[0] < denial.span[0] and denial.line - c.line <= ANTECEDENT_LINES]
    nearest = max(before, key=lambda c: c.span[0], default=None)
    mine = told_at(denial) if told_at is not None else None
    if mine is None:
        return nearest
    if nearest is not None and (told_at(nearest) or mine) <= mine:
        return nearest  # its own post's sentence, or an earlier post above it (a page oldest first)
    below = [c for c in page if c.span[0] > denial.span[0] and c.line - denial.line <= ANTECEDENT_LINES
             and (t := told_at(c)) is not None and t < mine]
    return min(below, key=lambda c: c.span[0], default=nearest)


# what debris falls on is told by the words around it, not these ("debris from downed drones fell on the grounds of an
# industrial enterprise")
_NOT_A_THING_HARMED = frozenset({"debris", "fragment", "wreckage", "piece", "ground", "territory", "part", "region", "area",
                                 "district", "night", "morning", "official", "governor"})


def harm_answered(denial: Claim, candidates: Sequence[Claim],
                  told_at: Optional[Callable[[Claim], Optional[datetime]]] = None) -> Optional[Claim]:
    """What harm said not done with no thing named ("there was no damage") answers: the claim just before it
    (`answered`) when that tells of harm; when that is the sentence's own first clause telling of none ("only debris fell
    on the depot and … there was no fire"), the nearest claim before the sentence telling of harm to the thing that
    clause names ("the depot"), any harm when it names none ("the grounds of an industrial enterprise")."""
    candidates = [c for c in candidates if in_the_towns_it_names(denial, c)]
    nearest = answered(denial, candidates, told_at)
    if nearest is None or tells_harm(nearest):
        return nearest
    if nearest.line != denial.line:
        return None
    things = _things_named(nearest)
    earlier = [c for c in candidates if c.span[0] < nearest.span[0] and tells_harm(c)
               and (not things or things & _things_named(c))]
    return answered(denial, earlier, told_at)


def in_the_towns_it_names(denial: Claim, claim: Claim) -> bool:
    """A denial of harm naming a town ("In Kharkiv, the mayor said there was no damage") answers harm told in that town:
    the claim names it (its places, its words), or names no town."""
    towns = {p.name.lower() for p in denial.places if p.kind == "city"}
    if not towns:
        return True
    theirs = {p.name.lower() for p in claim.places if p.kind == "city"}
    return not theirs or bool(towns & theirs) or any(t in claim.text.lower() for t in towns)


def _things_named(claim: Claim) -> set[str]:
    return {_thing_class(t.lemma_) for t in parse(claim.text) if t.pos_ == "NOUN"
            and t.lemma_.lower() not in _ANY_THING | _WEAPONS | _NOT_A_THING_HARMED}


def denies(denial: Claim, story: Sequence[Claim],
           told_at: Optional[Callable[[Claim], Optional[datetime]]] = None) -> list[Claim]:
    """The mentions of `story` (asserted, not denial) that `denial` denies.

    A stated object denies the mentions that state it (`fact_similarity` >= MATCH). An object only
    pointed to ("these reports") denies the report it answers in its own article (`answered`: the one just
    before it, or on a live page running newest first the post below) and the mentions stating the same, and
    the mentions that pass the story on as a report ("reportedly", "reports say")."""
    obj = denied_object(denial)
    # a mention telling of a denial itself ("the dean published a letter disputing Exxon's accusations")
    # reports the dispute; it does not state what is disputed
    others = [c for c in story if c.id != denial.id and not _tells_of_denial(c)  and not _another_time(c, denial)]
    if obj.held is not None:  # a place still held: mentions of its capture by the other side
        others = [c for c in others if _captured_there(c, obj.held, obj.holder)]
    if obj.on_its_page:  # its page's mentions telling of a village ("the village remains …": a village)
        noun = obj.text.split()[-1]
        others = [c for c in others if c.document_id == denial.document_id
                  and re.search(rf"\b{re.escape(noun)}\b", c.text, re.I)]
    if obj.text.strip():
        speaker = speaker_of(obj.text)
        denier = _denier(denial) if _about_the_denier(obj.text) else None
        spellings = _place_spellings(denial)
        named = _proper_names(obj.text, spellings)
        return [c for c in others if (not obj.harm or tells_harm(c) and in_the_towns_it_names(denial, c))
                and object_similarity(obj, c, spellings) >= MATCH
                and (_names_one_of(named, c) or _the_place_of_its_page(c, denial))
                and (speaker is None or _said_by(c, speaker))
                and (denier is None or _names(c, denier))]
    # a pointer naming a party points back to what that party said ("the Russian allegation is an absolute lie",
    # the shipowner said after telling of the strike): not to the sentence before if another party's
    owner = parties(obj.pointer or "")
    candidates = [c for c in others if not owner or owner & claim_parties(c)]
    antecedent = harm_answered(denial, candidates, told_at) if obj.harm else answered(denial, candidates, told_at)
    # the sides the answered report's own words name ("… said a Ukrainian drone had carried out the attack"): another
    # page's telling of the same deed naming none of them is not what was answered ("the IAEA said a drone had
    # struck near the plant's training centre" is no accusation of Ukraine's)
    sides = parties(_without_speaker(antecedent)) if antecedent is not None else frozenset()
    linked = []
    for c in others:
        if obj.harm and not (tells_harm(c) and in_the_towns_it_names(denial, c)):
            continue
        if c is antecedent or _reported(c) or (antecedent is not None and c.document_id != denial.document_id
                                               and fact_similarity(antecedent.text, c) >= MATCH
                                               and (not sides or sides & parties(c.text))):
            linked.append(c)
    return linked


# a place that "had fallen" was captured ("denied that Bahatyr had fallen"); `deeds` leaves it out, since prices fall
# too ("sales in Germany had fallen"), and so do soldiers ("300 of its soldiers had fallen")
_FALLEN = re.compile(r"^\s*(?:the\s+(?:town|village|city|settlement)\s+of\s+)?(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+))?"
                     r"\s+(?:had|has|have)\s+fallen\b", re.I)


def deeds_told(text: str) -> frozenset[str]:
    """The kinds of deed (`deeds`) words tell of, a place that "had fallen" being captured."""
    return kinds_of_deed(text) | (frozenset({"capture"}) if _FALLEN.search(text) else frozenset())


def deeds_denied(denial: Claim) -> frozenset[str]:
    """The kinds of deed what the denial states it denies tells of: "Malynivka had been captured", "Bahatyr had
    fallen"."""
    return deeds_told(denied_object(denial).text)


def denies_beyond_its_story(denial: Claim, claim: Claim) -> bool:
    """Whether a denial denies a claim grouping put in another story: inside its own story `denies` may lean on
    grouping having found one fact ("reports of a strike on the substation were false" denies its story's strike);
    outside it the denial must state a deed of war (`REACHING_DEEDS`) and name a place or someone other than a side,
    and the claim must tell that deed, name one of them, and name no side only other than the one the denial names
    ("called reports that Malynivka had been captured false" / "claimed … its troops had captured Malynivka"; not "a
    drone struck a warehouse in Stryi", nor "Ukrainian troops have liberated Kupiansk" against "denied that Russian
    troops had captured Kupiansk"). A capture denied is of a place the claim has captured, not one near it ("captured
    the village of Kotlyne near Pokrovsk"). When each was told is for the caller (`DenialReach`)."""
    obj = denied_object(denial)
    told = deeds_denied(denial) & REACHING_DEEDS
    if not told or not told & deeds_told(claim.text):
        return False
    named = frozenset(n for n in _proper_names(obj.text, _place_spellings(denial)) if side_of(n.title()) is None)
    if not named or not _names_one_of(named, claim):
        return False
    sides = parties(obj.text)
    if sides and (theirs := parties(claim.text)) and not sides & theirs:
        return False
    if told == {"capture"} and not _captures_one_of(claim, named):
        return False
    return bool(denies(denial, [claim]))


# the deeds a denial may deny in another story: a town captured, a strike, the dead, the wounded, damage. Not
# launches ("fired Erik ten Hag"), outages, evacuations or rescues, told alike of many days and places
REACHING_DEEDS = frozenset({"capture", "strike", "kill", "injure", "damage"})


def _captures_one_of(claim: Claim, named: frozenset[str]) -> bool:
    """The claim tells the capture of a place named: the place right after a capture word, a few words of a
    settlement between ("had captured Malynivka", "liberated the settlement of Malinovka"), not near it ("captured
    the village of Kotlyne near Pokrovsk") nor something else in it ("seized 200 kilograms of cocaine in Bunia")."""
    text = claim.text
    names = [(place.span[0] - claim.span[0], place.name.lower()) for place in claim.places if place.span is not None]
    names += [(m.start(), m.group(0).lower()) for m in re.finditer(r"[A-Z][\w'’-]+", text)]
    for capture in _CAPTURE_WORD.finditer(text):
        for at, name in names:
            if name in named and at >= capture.end() and _SETTLEMENT_WORDS.fullmatch(text[capture.end():at]):
                return True
    return False


# what may stand between a capture word and the place captured: "control of the strategic town of", the closing
# quotation mark of '"liberated" Bahatyr'
_SETTLEMENT_WORDS = re.compile(r"[\"“”'’]?\s*(?:(?:the|full|control|of|over|town|village|city|settlement|hamlet|strategic|"
                               r"key|frontline|small|eastern|western|northern|southern|Ukrainian|Russian|nearby|"
                               r"neighbouring)\s+)*", re.I)


def _without_speaker(claim: Claim) -> str:
    """The claim's words without its speaker's ("The Russian-installed management of the plant said")."""
    span = claim.attribution.source_span
    if span is None:
        return claim.text
    start, end = span[0] - claim.span[0], span[1] - claim.span[0]
    return claim.text[:max(0, start)] + " " + claim.text[max(0, end):]
