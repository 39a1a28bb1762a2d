"""The lines of a page and what their shape says: the features the furniture model weighs.

A line is a run of text between line breaks. Its key (a hash of its folded words) is what the
per-outlet repetition count is kept by, so the store never holds a second copy of the text.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from dataclasses import dataclass

from claimdesk.models import Span

# a byline's name opening a line, in its own case: "By Anna Koval", "By JOHN SMITH", "By June Thomas" (not "By Sunday
# evening, the mayor said …", "By the time police arrived …")
_BYLINE_NAME = (r"(?-i:(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
                # a month is a name only before a capital ("By June Thomas"; not "By March 3", "By May the toll …")
                r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Mid|"
                r"Late|Early)\s+(?:\d|[a-z]))[A-Z][A-Za-z'’-]+ [A-Z])")
# Words that open or make up site furniture: navigation, sign-up and share prompts, credits.
# Fitted weights decide how much each family counts; the lists only say what to look at.
_START = re.compile(
    r"^\W*(?:advertisement|ad\b|sponsored|read more|read or share|related|more:|more from|also read|see also|"
    r"sign up|subscribe|newsletter|share this|share\b|follow\b|comments?\b|\d+ comments|like this|"
    r"copyright|©|\(c\)|all rights reserved|buy photo|photo\b|photos\b|image\b|images\b|video\b|watch\b|"
    r"click\b|tap\b|scroll down|continue reading|please enable|having trouble|enlarge this|toggle caption|"
    r"now playing|trending|most read|top deals|skip\b|close\b|next\b|prev(?:ious)?\b|posted\b|filed under|"
    r"updated:?\s*\d|by " + _BYLINE_NAME + r"|contributing:|contact\b|email:?\b|twitter:|facebook\b|get in touch|"
    r"stay with|for more\b|download our|credit:|source:|slideshow|gallery|\[|about the author|(?:editor'?s )?note:)",
    re.IGNORECASE)
_PROMPT = re.compile(
    r"cookie|consent|privacy policy|terms of (?:use|service)|newsletter|subscrib|sign up|sign-up|log in|"
    r"read more|continue reading|share this|get in touch|this material may not be published|all rights reserved|"
    r"will (?:continue to )?update this (?:story|page|blog|article)|\bwe(?:'ll|’ll) (?:continue to )?update this\b|"
    r"^\W*this (?:story|article|page|blog) (?:is being|will be) updated\b|developing story|follow us|download (?:our|the) app|"
    r"\b(?:news|breaking|email|e-mail|push) alerts?\b|\balerts? (?:delivered|straight to)\b|\bto your (?:inbox|phone)\b|"
    r"^\W*get (?:the|our) [^.:]{0,30}\b(?:weekly|daily|briefing|digest|bulletin)\b|\bcheck back (?:for|later|soon|here)\b|"
    r"\bdiscuss this (?:story|article)\b|\bcommunity forum\b|\bjoin the (?:conversation|discussion)\b|"
    r"follow our live (?:blog|coverage|updates)|\bstay informed\b|\bbecome a (?:member|subscriber|supporter)\b|"
    r"\bsupport (?:our|independent) journalism\b|\b\d+ (?:euros?|dollars?|pounds?) a month\b|"
    # the outlet's own voice, not a quote ("\"We will bring you home,\" Zelensky told the families")
    r"^[^\w\"“”‘’']*we(?:'ll|’ll| will) bring you\b|"
    # a live page's welcome and its team's promise: "Welcome to KNN's live coverage.", "Our team in Kyiv, Warsaw
    # and Bucharest will bring you updates throughout the day."
    r"^[^\w\"“”‘’']*(?:(?:good (?:morning|afternoon|evening)|hello|hi)[,!]?\s+(?:and\s+)?)?welcome (?:back )?to "
    r"(?:[\w'’.&-]+\s+){0,4}live (?:coverage|blog|updates|page)\b|"
    r"^[^\"“”]*\b(?:team|teams|reporters|correspondents)\b[^\"“”]{0,60}\bwill (?:be )?bring(?:ing)? you "
    r"(?:the latest |live |regular )?updates\b|"
    r"^(?!.*[\"“”]).*\bfree (?:daily |weekly |morning |evening |weekday )?(?:email|newsletter|briefing|digest)\b|"
    # the outlet's notes to its readers: "Note: CESS will not publish a daily assessment on January 30."
    r"^\W*(?:editor(?:'|’)?s )?note:\s|"
    # paywall counters, appeals, a live page's closing line, a think tank's map link, a typo-report prompt
    r"\bare reading \d+ of \d+ free\b|\bfree articles? (?:this|per|a) month\b|\breaders like you\b|"
    r"\bwe rely on (?:our )?readers\b|\b(?:closing|pausing|ending) (?:this|our|the) live (?:blog|coverage|page)\b|"
    r"\b(?:this|our) live (?:blog|page|coverage) (?:is now closed|has (?:now )?ended)\b|^\W*click here\b|"
    r"\bpress ctrl\s*\+\s*enter\b|"
    r"^\W*thank you for (?:following|reading|joining us)(?: along)?(?: today| tonight| our (?:live )?coverage)?\W*$|"
    # the page's notes on itself, not sentences of the article ("All times are Kyiv time (GMT+3)"; "This
    # assessment is republished from … with permission"; "This story … has not been edited by …")
    r"^\W*all times (?:are|shown) (?:in )?[^,.]{0,30}\b(?:time|gmt|utc|cet|eet|est|edt|bst)\b|"
    r"^\W*this (?:article|analysis|assessment|story|report|piece|brief) (?:is|was|has been) republished\b|"
    r"^\W*this (?:article|story|report) [^.]{0,80}\bhas not been edited by\b|\brepublishes selected\b|"
    r"^\W*this (?:brief|report|newsletter|article|material|content|page) is (?:provided )?for information(?:al)? "
    r"purposes only\b|\bdoes not constitute (?:investment|financial|legal) advice\b|"
    r"javascript|contributed to this (?:report|story)|»|›|→",
    re.IGNORECASE)
# Photo credits and captions that carry one: "(Photo: …)", "REUTERS/Name", "Getty Images", "1/30 …"
_CREDIT = re.compile(
    r"getty images|\bap photo|\(photo\b|photo:|photograph:|image copyright|image caption|reuters/|/\s?reuters\b|"
    r"/\s?ap\b|\bafp\b|\bepa\b|shutterstock|\bcredit\b|^(?:file|in this|this) [^.]{0,80}\bphoto\b|"
    r"^\d{1,3}\s?/\s?\d{1,3}\s|\s\d{1,3} / \d{1,3}(?:\s|$)|\([^()]*/[^()]*\)\s*$",
    re.IGNORECASE)
_TWEET = re.compile(r"— .{1,60}\(@\w+\) \w+ \d{1,2}, \d{4}\s*$")
_URL = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|net|org|co\.uk|ly)(?:/|\b)", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# a sentence may close on its reference marks: "…, killing three people.[2]", "… this year.[5][6]"
_SENTENCE_END = re.compile(r"(?:[.!?][\"'”’)\]]*|[\"”’])(?:\[\d{1,3}\])*$")
_COMMON_VERBS = frozenset(
    "is are was were be been being has have had do does did will would can could should may might must "
    "said says say told tells according reported reports announced added says".split())
_SEPARATORS = re.compile(r"\s[|•·]\s|^\s*[•·*-]\s")

FEATURES = (
    "log_words", "few_words", "sentence_end", "common_verb", "title_case", "all_caps", "digits",
    "phrase_start", "prompt", "credit", "url", "email", "first_line", "last_line", "position",
    "short_neighbours", "separators", "no_letters", "tweet", "list_run", "repeated", "repeated_long",
)


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    span: Span  # [start, end) of the stripped line in the document text
    text: str

    @property
    def key(self) -> str:
        return line_key(self.text)


def line_key(text: str) -> str:
    """What repeats of a line share: its words, case and spacing folded."""
    folded = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return hashlib.sha1(folded.encode("utf-8")).hexdigest()[:16]


def lines_of(text: str) -> list[Line]:
    """Every non-blank line, stripped, with its span into `text`."""
    out = []
    start = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(Line(number, (start + lead, start + lead + len(stripped)), stripped))
        start += len(raw) + 1
    return out


def features(lines: list[Line], repeated: frozenset[str] | set[str] = frozenset()) -> list[list[float]]:
    """One feature row per line (in FEATURES order). `repeated`: keys of lines that the outlet
    printed on at least REPEATED_PAGES of its pages."""
    words = [_WORD.findall(line.text) for line in lines]
    n = len(lines)
    open_ended = [not _SENTENCE_END.search(line.text) for line in lines]
    # how many neighbouring lines, this one included, run on without a sentence end: a list of
    # links or a menu is a run; a subhead between paragraphs is a run of one
    runs = [0] * n
    i = 0
    while i < n:
        j = i
        while j < n and open_ended[j]:
            j += 1
        for k in range(i, j):
            runs[k] = j - i
        i = max(j, i + 1)
    rows = []
    for i, (line, ws) in enumerate(zip(lines, words)):
        t = line.text
        n_words = len(ws)
        alpha = [w for w in ws if w[0].isalpha()]
        title = sum(1 for w in alpha if w[0].isupper()) / len(alpha) if alpha else 0.0
        caps = sum(1 for w in alpha if len(w) > 1 and w.isupper()) / len(alpha) if alpha else 0.0
        digits = sum(c.isdigit() for c in t) / len(t)
        prev_short = i > 0 and len(words[i - 1]) <= 6
        next_short = i + 1 < n and len(words[i + 1]) <= 6
        is_repeated = line.key in repeated
        rows.append([
            math.log1p(n_words),
            1.0 if n_words <= 3 else 0.0,
            1.0 if _SENTENCE_END.search(t) else 0.0,
            1.0 if any(w.lower() in _COMMON_VERBS for w in ws) else 0.0,
            title,
            caps,
            digits,
            1.0 if _START.search(t) else 0.0,
            1.0 if _PROMPT.search(t) else 0.0,
            1.0 if _CREDIT.search(t) else 0.0,
            1.0 if _URL.search(t) else 0.0,
            1.0 if _EMAIL.search(t) else 0.0,
            1.0 if i == 0 else 0.0,
            1.0 if i == n - 1 else 0.0,
            i / (n - 1) if n > 1 else 0.0,
            1.0 if n_words <= 6 and (prev_short or next_short) else 0.0,
            1.0 if _SEPARATORS.search(t) else 0.0,
            1.0 if not alpha else 0.0,
            1.0 if _TWEET.search(t) else 0.0,
            math.log1p(runs[i]),
            1.0 if is_repeated else 0.0,
            1.0 if is_repeated and n_words >= 15 else 0.0,
        ])
    return rows
