"""The origin of a document's words: the outlet that wrote them, when it is not the publishing one.

A wire story on another outlet's site says so in a few set forms; this module reads them:
- a dateline: "WASHINGTON, Feb 26 (Reuters) -", "RENO, Nev. (AP) —", "Cleveland (AFP) –",
  "SEOUL, Feb 26 (Xinhua) --", "MOSCOW, February 26. /TASS/.", a press release's "/PRNewswire/ --";
- a wire byline ("By Malcolm Foster, Associated Press"), a copyright line ("Copyright 2017 The
  Associated Press. All rights reserved."), a Reuters credit line ("(Reporting by …; Editing by …)"),
  a sign-off ("— The Associated Press"), a wire as the first author, a wire URL path ("/wires/ap/",
  "/reuters/").
An article that cites a wire ("Reuters reported", "told AFP", a photo credit "(Reuters)") is not a
wire copy: each form above is anchored where a wire's credit stands (the opening, a line start, the
closing lines), never in running text. Rules chosen on PolNeAR train, measured on PolNeAR dev
(`bench/eval_origin.py`).

Copies and rewrites of another outlet's text (whole documents or shared passages) get their origin
in `claimdesk.corroborate.passages` and the corroboration batch; this module only reads a text.

>>> doc = Document.from_text("Rail strike ends.\\n\\nLONDON, Feb 26 (Reuters) - Train drivers agreed a deal on Tuesday.",
...                          source="a", outlet="Radio Five", url="https://radiofive.example/news/1")
>>> wire_origin(doc).outlet, wire_origin(doc).why
('Reuters', "dateline '(Reuters) -'")
>>> wire_origin(Document.from_text("Train drivers agreed a deal, Reuters reported.", source="b", outlet="Radio Five")) is None
True
"""

from __future__ import annotations

import re
from typing import Optional

from claimdesk.outlets import outlet_key
from claimdesk.models import Document, Origin

# display name of each wire, and the names a text uses for it (regex alternatives)
WIRES: dict[str, str] = {
    "Reuters": r"Reuters|Thomson Reuters(?: Foundation)?",
    "AP": r"AP|Associated Press|The Associated Press",
    "AFP": r"AFP|Agence France[- ]Presse",
    "UPI": r"UPI|United Press International",
    "dpa": r"dpa|DPA",
    "Bloomberg": r"Bloomberg",
    "Xinhua": r"Xinhua",
    "Interfax": r"Interfax(?:-Ukraine)?",
    "Ukrinform": r"Ukrinform",
    "PA Media": r"PA|PA Media|Press Association",
    "ANI": r"ANI",
    "PTI": r"PTI",
    "IANS": r"IANS",
}
PRESS_WIRES: dict[str, str] = {
    "PR Newswire": r"PRNewswire(?:-[\w-]+)?",
    "Business Wire": r"BUSINESS WIRE|Business Wire",
    "GlobeNewswire": r"GLOBE NEWSWIRE|GlobeNewswire",
    "EIN Presswire": r"EIN Presswire|EINPresswire",
}
_ALL = {**WIRES, **PRESS_WIRES}
_KEYS = {"Reuters": "reuters.com", "AP": "apnews.com", "AFP": "afp.com", "UPI": "upi.com", "dpa": "dpa.com",
         "Bloomberg": "bloomberg.com", "Xinhua": "xinhuanet.com", "Interfax": "interfax.ru",
         "Ukrinform": "ukrinform.net", "PA Media": "pa.media", "ANI": "aninews.in", "PTI": "ptinews.com",
         "IANS": "ians.in", "TASS": "tass.com", "PR Newswire": "prnewswire.com",
         "Business Wire": "businesswire.com", "GlobeNewswire": "globenewswire.com",
         "EIN Presswire": "einpresswire.com"}
_DASH = r"(?:-{1,2}|–|—)"
OPENING = 600      # characters: a dateline or byline stands before this in a wire copy
CLOSING = 700      # characters: credit lines and sign-offs stand in the last this many


def _group(names: dict[str, str], tag: str = "") -> str:
    return "|".join(f"(?P<w{tag}_{i}>{alts})" for i, alts in enumerate(names.values()))


def _wire_of(match: re.Match, names: dict[str, str]) -> str:
    for group, value in match.groupdict().items():
        if value and group.startswith("w") and "_" in group:
            return list(names)[int(group.split("_")[1])]
    raise AssertionError("a wire alternative matched without a group")


# "(Reuters) -", "(AP) —", "(BUSINESS WIRE)--": the credit in brackets directly followed by a dash
_DATELINE = re.compile(rf"\(\s*(?:{_group(_ALL)})\s*\)\s*{_DASH}(?=\s|\w)")
_PRESS_SLASH = re.compile(rf"/\s*(?:{_group(PRESS_WIRES)})\s*/\s*{_DASH}")
_TASS = re.compile(r"\b[A-Z][A-Z -]+, [A-Z][a-z]+ \d{1,2}\. /TASS/\.")
_LINE_START = re.compile(r"(?:^|\n)\s*(?:By [^\n]{1,80}?\s)?[A-Z][\w .,'’/-]{1,60}$")
_BYLINE = re.compile(rf"(?:^|\n|\s)By\s+(?:[A-Z][\w.'’-]*[\s,]+){{0,4}}?(?:\|\s*|of\s+|for\s+)?(?:{_group(WIRES)})\b(?![\w-])(?!\s+(?:reporter|staff writer|correspondent)s?\b)")
_COPYRIGHT = re.compile(rf"(?:Copyright|©)\s*(?:\d{{4}}\s+(?:The\s+)?(?:{_group(WIRES, 'a')})|(?:The\s+)?(?:{_group(WIRES, 'b')})\s+\d{{4}})\b")
# "KYIV, Jan 27 (Meridian Wire) -": a place, a day and an agency in brackets opening the text credit an
# agency whatever its name (the known wires are read by `_DATELINE` anywhere on the page)
_AGENCY_DATELINE = re.compile(rf"(?:^|\n)\s*[A-Z][\w.'’ -]{{1,40}},\s+[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}\s+"
                              rf"\((?P<agency>[A-Z][\w&.'’ -]{{1,40}}?)\)\s*{_DASH}(?=\s)")
# what else a dateline's brackets hold: "(UPDATED)", "(Video)", "(Getty Images)"
_NO_AGENCY = {"updated", "update", "updates", "video", "videos", "photo", "photos", "live", "watch", "listen",
              "exclusive", "analysis", "opinion", "breaking", "corrected", "correction", "refile", "refiled",
              "file", "pictures", "graphic", "explainer", "sponsored", "advertisement"}
_CREDIT_TAG = re.compile(r"\b(?:images?|photos?|pictures?|handout|video)\b", re.I)
_REUTERS_CREDIT = re.compile(r"\((?:Additional\s+)?(?:[Rr]eporting|Writing)\s+by\b[^()]{0,400}?;\s*(?:Editing|Writing|Additional reporting)\s+by\b[^()]*\)")
_SIGN_OFF = re.compile(rf"(?:^|\n)\s*{_DASH}?\s*(?:{_group(WIRES)})\s*\.?\s*$|{_DASH}\s*(?:The\s+)?(?:{_group(WIRES, 'b')})\s*\.?\s*$")
_URL_PATH = re.compile(r"/(?:wires?/)?(?P<w>ap|aponline|afp|reuters|upi|dpa|bloomberg|pa)/", re.I)
_URL_WIRES = {"ap": "AP", "aponline": "AP", "afp": "AFP", "reuters": "Reuters", "upi": "UPI", "dpa": "dpa",
              "bloomberg": "Bloomberg", "pa": "PA Media"}
_AUTHOR = {n.lower(): wire for wire, alts in WIRES.items() for n in alts.split("|") if "(" not in n}
_AUTHOR.update({"reuters editorial": "Reuters", "reuters staff": "Reuters", "ap staff": "AP",
                "thomson reuters foundation": "Reuters", "agence france presse": "AFP"})


def wire_key(wire: str) -> str:
    return _KEYS.get(wire, outlet_key(wire) or wire.lower())


def _quote(text: str) -> str:
    return " ".join(text.split())


def wire_origin(doc: Document) -> Optional[Origin]:
    """The wire or press-release service that wrote `doc`, when the text or metadata credit one and
    it is not the document's own outlet; else None."""
    found = _credited_wire(doc)
    if found is None:
        return None
    wire, why, span = found
    key = wire_key(wire)
    if key == outlet_key(doc.outlet, doc.url, doc.site):
        return None
    return Origin(outlet=wire, key=key, why=why, span=span)


def _credited_wire(doc: Document) -> Optional[tuple[str, str, Optional[tuple[int, int]]]]:
    """(wire, why, span): span is None for the whole text, or, for a wire story that starts at a
    dateline further down a page (after the page's own text), from that line to the end."""
    text = doc.text
    for m in _DATELINE.finditer(text):
        if m.start() < OPENING:
            return _wire_of(m, _ALL), f"dateline '{_quote(m.group(0))}'", None
        line = _LINE_START.search(text, max(0, m.start() - 80), m.start())
        if line:
            start = line.start() + (text[line.start()] == "\n")
            return _wire_of(m, _ALL), f"dateline '{_quote(m.group(0))}'", (start, len(text))
    m = _AGENCY_DATELINE.search(text, 0, OPENING)
    if m and m.group("agency").strip().lower() not in _NO_AGENCY and not _CREDIT_TAG.search(m.group("agency")):
        return m.group("agency"), f"dateline '{_quote(m.group(0))}'", None
    m = _PRESS_SLASH.search(text, 0, OPENING) or _PRESS_SLASH.search(text)
    if m:
        return _wire_of(m, PRESS_WIRES), f"press release dateline '{_quote(m.group(0))}'", None
    m = _TASS.search(text, 0, OPENING)
    if m:
        return "TASS", f"dateline '{_quote(m.group(0))}'", None
    m = _BYLINE.search(text, 0, OPENING)
    if m:
        return _wire_of(m, WIRES), f"byline '{_quote(m.group(0))}'", None
    tail_start = max(0, len(text) - CLOSING)
    tail = text[tail_start:]
    m = _COPYRIGHT.search(tail)
    if m:
        return _wire_of(m, WIRES), f"copyright line '{_quote(m.group(0))}'", None
    m = _REUTERS_CREDIT.search(tail)
    if m:
        return "Reuters", f"credit line '{_quote(m.group(0))[:80]}'", None
    m = _SIGN_OFF.search(tail.rstrip())
    if m:
        return _wire_of(m, WIRES), f"sign-off '{_quote(m.group(0))}'", None
    first_author = (doc.author or "").split(",")[0].strip().lower()
    if first_author in _AUTHOR:
        return _AUTHOR[first_author], f"author '{doc.author.split(',')[0].strip()}'", None
    if doc.url:
        path = doc.url.split("://", 1)[-1].partition("/")[2]
        m = _URL_PATH.search("/" + path)
        if m:
            return _URL_WIRES[m.group("w").lower()], f"URL path '{_quote(m.group(0))}'", None
    return None
