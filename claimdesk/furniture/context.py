"""What a line's neighbours say: furniture that no single line's shape gives away.

The line model (`model.py`) reads each line alone. Three kinds of furniture are written as
ordinary sentences and show only beside the lines around them:

- a gallery of captions: each slide's caption starts with the gallery's title ("Port of Duisburg
  turns 300 Trading place of global significance What started out …"), so three or more lines in
  a row opening with the same `GALLERY_OPENING` words are the gallery, not the article;
- an item of a list: a short line (at most `LIST_ITEM_WORDS` words, not ended by a full stop, as
  link texts and headlines are not) between two furniture lines is one more related-story link or
  menu entry ("How well do you know Elon Musk?" among a list of
  teasers); at the page's first or last line, one furniture neighbour is enough (a sign-up prompt
  opening the page, a disclaimer closing it);
- site boilerplate whatever its shape: syndication notes ("… originally appeared on BGR.com",
  "Read the original article on INSIDER", "Den Originalartikel gibt es auf …"), copyright notices
  inside a line, disclaimers, e-mail sign-up forms, screenshots and photo credits in parentheses
  ("(Photo: .)"), captions opened or closed by a credit, and the author's note under an
  "About the author" heading;
- the station's promotion of its own broadcast: a newscast slot opening a video title ("10PM: …"),
  a reporter who "went live from the scene", "… has the story";
- a box of help for readers: lines that give a helpline's or a support service's number (crisis
  lines, domestic-abuse and suicide hotlines, shelters), and any line between two of them. A police
  appeal for information ("Anyone with information is asked to call …") is the article's own;
- what an advertising or related-links label introduces: the line after "Anzeige:", "Sponsored:",
  "Trending Right Now:", "Read more:";
- the outlet's own posts embedded in its page: a tweet signed by the outlet's account ("… — RT
  (@RT_com) May 10, 2017" on rt.com) promotes another of its stories; a tweet by anyone else is
  quoted by the article and stays;
- a block of teasers closing the page: two or more last lines, each a headline kicker and its
  teaser ("Virtual reality 101: CNET tells you …"), none quoting anyone.

These are rules over the model's decisions, not fitted weights: the labelled development lines
hold too few galleries and list runs for a fitted weight to mean anything. What they cost on the
labelled lines is printed by `bench/eval_furniture.py`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimdesk.furniture.lines import Line

GALLERY_OPENING = 4  # words every caption of a gallery repeats
GALLERY_RUN = 3  # captions in a row
LIST_ITEM_WORDS = 20

_WORD = re.compile(r"[^\W_][\w'’-]*")
_FULL_STOP = re.compile(r"[.…:;][\"'”’)\]]*$")
_ALL_FROM_US = r"that(?:'s|’s| is) (?:all|it) from (?:us|me|the team)(?: (?:for )?(?:today|tonight|now|this (?:morning|evening)))?"
_RESUMES = (r"(?:our|this|the) live (?:coverage|blog|page|updates) (?:will )?(?:resumes?|continues?|returns?|be back) "
            r"(?:tomorrow|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|in the morning)\b[^.]{0,30}")
_BOILERPLATE = re.compile(
    r"\boriginally (?:appeared|published) (?:on|in|at)\b|\bread the original article\b|^\W*disclaimer\s*:|"
    # a line opening so ("Originally published by Polaris Wire. Republished under licence."); not a sentence's
    # "The report, originally published by the institute, found …"
    r"^\W*originally (?:appeared|published) by [^,.]{1,100}\.?(?:\s+re(?:published|produced) [^.]{0,60}\.?)?\s*$|"
    r"^\W*republished (?:under|with) (?:licen[cs]e|permission)\b[^.]{0,60}\.?\s*$|"
    # the page's notes on itself as whole lines: "This assessment was originally published by the Centre for … and is
    # reproduced with permission."; "NLB uses cookies which are essential for the site to work. We also use …"; "Read
    # the full report with maps and endnotes on the ICA website."; "We are pausing our live coverage for tonight.
    # Thanks for following along." (not "The app uses cookies to track users, researchers found")
    r"^\W*this (?:article|analysis|assessment|story|report|piece|brief) (?:was|is) originally published by\b|"
    r"^\W*(?:[\w.&'’-]+\s){0,3}uses? cookies\b(?=.*\b(?:essential|necessary|improve|experience|agree|accept|"
    r"consent|settings|preferences)\b)|"
    r"^\W*read the full (?:report|assessment|analysis|study|story|article|brief)\b[^.]{0,80}\b(?:website|site)\W*$|"
    r"^\W*we(?:'re|’re| are| will be) (?:pausing|closing|ending|wrapping up) (?:our|this|the) live "
    r"(?:coverage|blog|page)\b|"
    # a live page's sign-off as whole lines: "That's all from us for today.", "Our live coverage will resume tomorrow
    # morning." (not "That's all from us, the commander told the soldiers", "Shelling will resume tomorrow")
    r"^\W*(?:" + _ALL_FROM_US + r"[.!]?\s*(?:" + _RESUMES + r"\.?)?|" + _RESUMES + r"\.?)\s*$|"
    r"^\W*(?:that|this) (?:concludes|ends|wraps up) (?:our|this|the) live (?:coverage|blog|page)\b[^.]{0,40}\.?"
    r"(?:\s+thank(?:s| you) for (?:following|reading|joining us)\b[^.]{0,30}\.?)?\s*$|"
    # a live page closed, a view not the site's, an appeal for support or for tips as whole lines: "This live blog is
    # now closed. Thank you for following.", "The views expressed are those of the authors and do not necessarily
    # reflect those of …", "Support our work: … is a non-partisan, non-profit research organisation.", "Send us news
    # securely via our Telegram bot.", "Write to our Telegram bot @harbourpost_bot." (not "Residents sent news of the
    # strike via Telegram", "The views expressed by the minister were welcomed")
    r"^\W*(?:this|our) live (?:blog|coverage|page) (?:is|has) (?:now )?(?:closed|ended|over|paused)\b[^.]{0,40}\.?"
    r"(?:\s+thank(?:s| you) for (?:following|reading|joining us)\b[^.]{0,30}\.?)?\s*$|"
    r"^\W*(?:the )?(?:views|opinions) (?:and opinions )?expressed (?:here |in (?:this|partner|guest|sponsored) (?:\w+ )?)?"
    r"are (?:solely )?(?:those )?of the authors?\b[^.]{0,160}\.?\s*$|"
    # a video player's note, a page's time zone, a reader-funded appeal as whole lines: "This video can not be played.
    # To play this video you need to enable JavaScript in your browser."; "All times are Kyiv time (EEST)."; "The
    # Continental Observer is funded by its readers. If you value our reporting, please consider a contribution."
    r"^\W*this (?:video|content|media|clip) (?:can ?not|cannot|can['’]t|could not) be (?:played|loaded|displayed)\b"
    r"[^.]{0,20}\.?(?:\s+to (?:play|view|watch) this\b[^.]{0,80}\.?)?\s*$|"
    r"^\W*to (?:play|view|watch) this (?:video|content|media|clip)\b[^.]{0,40}\b(?:enable|update|upgrade|switch to)\b"
    r"[^.]{0,60}\.?\s*$|"
    r"^\W*all times (?:are|shown) (?:in )?(?:(?-i:[A-Z])[\w'’-]*\s+){0,2}(?:time|gmt|utc|cet|cest|eet|eest|est|edt|bst|msk)\b"
    r"[^.]{0,20}\.?\s*$|"
    r"^[^\w\"“”‘']*(?:[\w.&'’-]+\s){0,4}is (?:funded|supported) by (?:its|our) (?:readers|listeners|viewers)\."
    r"(?:\s+if you value our (?:journalism|reporting|work)\b[^.]{0,60}\.?)?\s*$|"
    r"^[^\w\"“”‘']*if you value our (?:journalism|reporting|work)\b[^.]{0,60}\b(?:contribut|support|donat|subscri)\w*\b"
    r"[^.]{0,30}\.?\s*$|"
    r"^\W*support (?:our|independent) (?:work|journalism|reporting|research)\s*[:.!–—-][^.]{0,120}\.?\s*$|"
    r"^\W*(?:send|share|submit) (?:us )?(?:your )?(?:news|tips?|stories|photos|videos)\b[^.]{0,60}"
    r"\b(?:telegram|whatsapp|signal|bot|securely)\b[^.]{0,40}\.?\s*$|"
    r"^\W*(?:(?:got|have) (?:a |any )?(?:news )?(?:tips?|news)\b[^.?]{0,60}\?\s+)?write to (?:us|our)\b[^.]{0,40}"
    r"\b(?:telegram|whatsapp|signal|bot)\b[^.]{0,60}\.?(?:\s+we guarantee (?:your )?anonymity\.?)?\s*$|"
    # a wire's credit line closing its story: "Reporting by Olena Marchuk in Kyiv for Kestrel; editing by Ruth
    # Fenwick", "(Additional reporting by …; Writing by …; Editing by …)"
    r"^\W*(?:additional )?reporting by\b[^.;]{1,200};\s*(?:additional reporting|writing|editing) by\b[^.]{0,200}\.?\s*$|"
    # a site's appeal and terms as whole short lines (no one quoted): "The Globe Sentinel is reader-funded. Please
    # consider supporting us today."; "When using materials, a hyperlink to VestRus is required."; "Sources and notes
    # are available in the PDF version of this report." (not "Meduza is reader-funded. Since the Kremlin declared it
    # …", "Please consider supporting the families of the victims, the mayor said", "Notes are available in the full
    # text of the resolution, which …")
    r"^[^\w\"“”‘']*(?:[\w.&'’-]+\s){0,4}is (?:reader|listener|viewer|member)-(?:funded|supported)\."
    r"(?:\s+please consider (?:supporting|subscribing|donating)\b[^.]{0,40}\.?)?\s*$|"
    r"^[^\w\"“”‘']*please consider (?:supporting|subscribing to|donating to) (?:us|our (?:journalism|work|reporting|newsroom))"
    r"\b[^.,]{0,30}\.?\s*$|"
    # "Our reporting from Ukraine is free to read. If you can, please support the Continental Observer." (not "Please
    # support the families of the victims, the mayor said")
    r"^[^\w\"“”‘']*our (?:journalism|reporting|work|coverage)\b[^.]{0,60}\bis free (?:to read|for (?:everyone|all readers))"
    r"\s*\.(?:\s+(?:if you can,?\s+)?please (?:consider )?support(?:ing)? [^.,]{1,60}[.!]?)?\s*$|"
    r"^[^\w\"“”‘']*(?:if you can,?\s+)?please (?:consider )?support(?:ing)? (?:us|our (?:journalism|work|reporting|newsroom))"
    r"\s*[.!]?\s*$|"
    r"^[^\w\"“”‘']*when (?:using|reproducing|quoting) (?:our |the site['’]s |these )?materials?,? (?:an? )?(?:active )?"
    r"(?:hyper)?link\b[^.]{0,40}\b(?:is|are) (?:required|mandatory|obligatory)\.?\s*$|"
    r"^[^\w\"“”‘']*(?:sources|references|notes|endnotes|footnotes)(?: and (?:notes|sources|references|endnotes|footnotes))? "
    r"(?:are|is) available (?:in|on|at) the (?:pdf|full|online|print)(?: version| edition)? of this "
    r"(?:report|assessment|article|analysis|brief|page|study)\.?\s*$|"
    r"\benter your e-?mail\b|\bemail address is invalid\b|\bclick (?:here )?to read\b|"
    r"\bnot in our deliverable area\b|\bis not intended to provide\b[^.]{0,40}\badvice\b|"
    r"\(\s*(?:photo|image|video)\s*:[^()]*\)\s*$|\boriginal-?(?:artikel|article)\b|\bcopyright (?:©\s*)?(?:19|20)\d\d\b|"
    r"^\W*(?:screenshot|screen ?grab)\b",
    re.IGNORECASE)
# a photo's caption under its button ("Buy Photo Wayne County Prosecutor … announces charges …"), when
# the line is no longer than a caption: a crawl that ran the article on into it keeps its sentences
_CAPTION_BUTTON = re.compile(r"^\W*(?:buy photo|view full caption|hide caption|toggle caption)\b", re.IGNORECASE)
CAPTION_WORDS = 30
_BROADCAST_PROMO = re.compile(
    r"^\d{1,2}(?::\d\d)?\s?[AP]\.?M\.?\s?:\s|"
    r"\b(?:reporter|correspondent|anchor|meteorologist)\b[^.]{0,60}\b(?:went|goes|is|was|reports?|reporting) live\b|"
    r"\bhas the (?:story|latest|details)\b\W*$",
    re.IGNORECASE)
# a number to call: "(801) 747-2201", "1 - 800 - 897-LINK (5465)", "800-273-TALK"
_PHONE = re.compile(r"(?:\(\d{3}\)|\b\d{3})\s?-?\s?\d{3}\s?-\s?(?:\d{4}|[A-Z]{4})\b")
_HELP = re.compile(
    r"\b(?:hotline|helpline|help ?line|crisis line|lifeline|crisis|suicide|domestic (?:abuse|violence)|shelter|"
    r"counsel(?:l)?ing|mental health|resources for help|support services?|samaritans)\b",
    re.IGNORECASE)
_APPEAL = re.compile(r"\b(?:anyone|those|people) with (?:any )?(?:additional )?information\b|\btips?\b|crime ?stoppers?|"
                     r"crime ?solvers?", re.IGNORECASE)
_INTRODUCES = re.compile(
    r"^\W*(?:anzeige|werbung|advertisement|sponsored(?: content)?|promoted|partner content|paid content|"
    r"(?:[\w'’]+ )?(?:top )?deals|trending(?: (?:right )?now)?|read more|related(?: stories| articles)?|"
    r"see also|also read|recommended(?: for you)?)\s*:$",
    re.IGNORECASE)
INTRODUCED_WORDS = 40  # a headline or a one-sentence pitch; a crawler that dropped the links leaves article text there
_SPEECH = re.compile(r"[\"“”]")
# "Magic Leap One: The fabled AR headset is real …": a kicker of two or more words, a colon, a teaser
_KICKER = re.compile(r"^(?:[^\s:]+\s){1,11}[^\s:]+: [A-Z0-9]")
_TWEET_HANDLE = re.compile(r"\(@(\w+)\)\s+\w+\.? \d{1,2},? \d{4}\s*$|\(@(\w+)\)\s+\d{1,2} \w+ \d{4}\s*$")
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac"})
_QUOTE = re.compile(r"[\"“”‘]|(?:^|\s)'|'(?:\s|$)")
TEASER_WORDS = 30
# a caption: a credit opening it ("Reuters The North Korean leader …", "Reuters North Korean leader
# Kim Jong-Un looks on …", "Kim Kyung Hoon / Reuters A man walks …", "AP:Associated Press South
# Korea's …"), an agency's file-photo opening ("FILE - In this Dec. 31, 2016 file photo …"), or a
# credit closing it without a full stop ("… four lensed background quasars (University of Oklahoma)").
# A sentence opening with an agency's name goes on with a verb ("Reuters reported …") or the rest
# of the agency's name ("PA Media said"), not with a capitalised noun phrase.
_AGENCY = r"(?:Reuters|AFP|AP|EPA|Getty Images|Alamy|PA|Rex Features|Shutterstock)"
_NOT_A_CAPTION_WORD = r"(?:Media|News|Photo|Images|Breakingviews|Graphics|Television|TV|Wire|Newswire|Institute|Exclusive)\b"
_CAPTION = re.compile(
    rf"^(?:[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){{0,3}}\s?/\s?)?{_AGENCY}(?::\s?{_AGENCY}?[\w ]{{0,20}}?)?\s+(?!{_NOT_A_CAPTION_WORD})[A-Z][\w'’-]*\s|"
    r"^FILE\s?[-–—]\s|"
    r"[^.!?\s\"”’]\s*\([A-Z][\w.&'’-]*(?:\s(?:[A-Z][\w.&'’-]*|of|the|and|for)){0,4}\)$")
_ABOUT_AUTHOR = re.compile(r"^\W*about (?:the|this) (?:author|writer|reporter)\W*$", re.IGNORECASE)


def _opening(line: Line) -> tuple[str, ...]:
    return tuple(w.casefold() for w in _WORD.findall(line.text)[:GALLERY_OPENING])


def gallery_lines(lines: Sequence[Line]) -> set[int]:
    """Indexes of lines in runs of GALLERY_RUN or more that open with the same GALLERY_OPENING words
    and say more after them (a caption, not a repeated heading)."""
    out: set[int] = set()
    i = 0
    while i < len(lines):
        head = _opening(lines[i])
        j = i + 1
        if len(head) == GALLERY_OPENING:
            while j < len(lines) and _opening(lines[j]) == head:
                j += 1
        if j - i >= GALLERY_RUN and all(len(_WORD.findall(lines[k].text)) > GALLERY_OPENING for k in range(i, j)):
            out.update(range(i, j))
        i = j
    return out


def boilerplate(line: Line) -> bool:
    return bool(_BOILERPLATE.search(line.text) or _CAPTION.search(line.text) or _BROADCAST_PROMO.search(line.text)
                or (_CAPTION_BUTTON.match(line.text) and len(_WORD.findall(line.text)) <= CAPTION_WORDS))


def help_box(line: Line) -> bool:
    """A helpline or support service for readers, with its number; not a police appeal for tips."""
    return bool(_PHONE.search(line.text) and _HELP.search(line.text) and not _APPEAL.search(line.text))


def _teaser(line: Line) -> bool:
    head = line.text.split(": ", 1)[0]
    return bool(_KICKER.search(line.text) and len(_WORD.findall(line.text)) <= TEASER_WORDS
                and not head.isupper() and not _QUOTE.search(line.text))


def outlet_name(outlet: str | None) -> str | None:
    """The name an outlet's accounts carry: "www.rt.com" -> "rt", "www.bbc.co.uk" -> "bbc",
    "RT" -> "rt", "The Guardian" and "theguardian.com" -> "guardian"."""
    if not outlet or not outlet.strip():
        return None
    folded = outlet.strip().casefold()
    if "." in folded and " " not in folded:  # a domain: the label before the public suffix
        labels = [label for label in folded.split(".") if label]
        if len(labels) > 2 and labels[-2] in _SECOND_LEVEL:
            labels = labels[:-2]
        elif len(labels) > 1:
            labels = labels[:-1]
        folded = labels[-1] if labels else ""
    name = re.sub(r"\W|_", "", folded)
    name = name[3:] if name.startswith("the") and len(name) > 5 else name
    return name or None


def own_post(line: Line, name: str | None) -> bool:
    """An embedded tweet signed by the outlet's own account (its name, "_com" or "news" after it allowed)."""
    found = _TWEET_HANDLE.search(line.text) if name else None
    if not found:
        return False
    handle = re.sub(r"[\W_]", "", (found.group(1) or found.group(2)).casefold())
    handle = handle[3:] if handle.startswith("the") and len(handle) > 5 else handle
    return handle in {name, f"{name}com", f"{name}news", f"{name}online"}


def closing_teasers(lines: Sequence[Line], marked: Sequence[bool]) -> set[int]:
    """Indexes of the run of two or more teasers that ends the page (furniture after it allowed)."""
    end = len(lines)
    while end > 0 and marked[end - 1]:
        end -= 1
    start = end
    while start > 0 and not marked[start - 1] and _teaser(lines[start - 1]):
        start -= 1
    return set(range(start, end)) if end - start >= 2 else set()


def with_context(lines: Sequence[Line], marked: Sequence[bool], outlet: str | None = None) -> list[bool]:
    """The model's per-line decisions `marked`, with the gallery, list-item and boilerplate rules added;
    `outlet` (the page's outlet, if known) tells its own embedded posts."""
    out = list(marked)
    name = outlet_name(outlet)
    for i in gallery_lines(lines):
        out[i] = True
    helps = [help_box(line) for line in lines]
    for i, line in enumerate(lines):
        if (boilerplate(line) or helps[i] or own_post(line, name)
                or (i > 0 and _ABOUT_AUTHOR.match(lines[i - 1].text))):
            out[i] = True
        elif (i > 0 and _INTRODUCES.match(lines[i - 1].text) and len(_WORD.findall(line.text)) <= INTRODUCED_WORDS
              and not _SPEECH.search(line.text)):
            out[i] = True
    for i in range(1, len(lines) - 1):
        if helps[i - 1] and helps[i + 1]:
            out[i] = True
    for i in closing_teasers(lines, out):
        out[i] = True
    decided = list(out)  # list items are judged on the lines around them as decided so far, not on each other
    n = len(lines)
    for i, line in enumerate(lines):
        if out[i] or len(_WORD.findall(line.text)) > LIST_ITEM_WORDS or _FULL_STOP.search(line.text):
            continue
        before = decided[i - 1] if i > 0 else None
        after = decided[i + 1] if i + 1 < n else None
        if before is not False and after is not False and (before or after):
            out[i] = True
    return out
