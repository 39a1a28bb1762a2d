"""Web pages: trafilatura keeps the article (main text and its metadata) and drops the boilerplate.

The same extraction serves .html files, HTML records of WARC archives and the HTML content of feed
entries, so a story reads the same whichever way it arrived.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Optional

import trafilatura
from trafilatura.metadata import examine_title_element
from trafilatura.settings import DEFAULT_CONFIG
from trafilatura.utils import load_html
from lxml import html as lxml_html

from claimdesk.ingest.metadata import (
    clean, crumb_day, domain_of, dotted_day, human_size, language_code, over_limit, page_date, parse_date,
)
from claimdesk.ingest.options import IngestOptions
from claimdesk.ingest.page_times import live_posts, published_time
from claimdesk.language.dates import find_dates
from claimdesk.models import Document, Rejected, SourceFormat, TimedPost
from claimdesk.outlets import ingest_outlet

# A page whose main text is shorter than this is a navigation, error or index page, not an article.
MIN_ARTICLE_WORDS = 25

# Dates from structured metadata and the URL only: htmldate's extensive search reads dates out of
# copyright lines and page text, which would invent publication dates. htmldate also drops a date
# after the day it runs (its `max_date` is today): a page published in another time zone's tomorrow,
# or read on a machine whose clock lags, lost its date. Dates up to FUTURE_DAYS ahead are kept; a date
# years ahead (an event announced in a <time> element, a typo) is still no publication date.
FUTURE_DAYS = 400
EXTRACTION_OPTIONS = {
    "with_metadata": True, "include_comments": False, "include_tables": True,
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}


# Share and social bars ("Share this post · Copy link") are cut before extraction: trafilatura weighs a
# block's links against its words, and a live blog's short post with its own share bar was dropped whole
# (posts told the toll rising from seven to nine to eleven; three of them vanished). A block holding a
# paragraph or more than a line of text is never cut, nor a class merely starting so ("shared-story-body",
# "shareholders", "social-affairs").
_CLASS = "concat(' ', normalize-space(@class), ' ')"
SHARE_BARS = ["//*[(self::div or self::ul or self::section or self::nav or self::span)"
              f" and (contains({_CLASS}, ' share ') or contains({_CLASS}, '-share ') or contains({_CLASS}, ' share-bar ')"
              f" or contains({_CLASS}, ' social-share') or contains({_CLASS}, ' sharing ') or contains({_CLASS}, '-sharing ')"
              f" or contains({_CLASS}, ' social ') or contains({_CLASS}, '-social '))"
              " and not(.//p) and string-length(normalize-space()) < 200]"]


def _extraction_options(as_of: Optional[date] = None) -> dict:
    latest = ((as_of or date.today()) + timedelta(days=FUTURE_DAYS)).isoformat()
    return EXTRACTION_OPTIONS | {"prune_xpath": SHARE_BARS,
                                 "date_extraction_params": EXTRACTION_OPTIONS["date_extraction_params"] | {"max_date": latest}}

# trafilatura gives up on larger pages without a word (and claimdesk would have said "no article
# body"): such a page is rejected up front with its size, below the general `max_bytes` limit.
HTML_MAX_BYTES = DEFAULT_CONFIG.getint("DEFAULT", "MAX_FILE_SIZE")

_DECLARED_LANGUAGE = re.compile(
    rb"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})"""
    rb"""|<meta\b[^>]*?property\s*=\s*["']og:locale["'][^>]*?content\s*=\s*["']?([A-Za-z]{2,3})""",
    re.IGNORECASE,
)
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "pre", "section",
               "article"}


def extract_article(
    content: bytes | str, source: str, fmt: SourceFormat, options: IngestOptions, url: Optional[str] = None,
) -> Document:
    """The article of one HTML page as a Document; raises Rejected when the page holds no article.

    `url` is where the page was fetched (a WARC target URI); it wins over the page's canonical URL.
    The publication date comes from the page's metadata, else `options.published`, else what the
    page's text, title or URL states (`metadata.page_date`), else None.
    """
    size = len(content) if isinstance(content, bytes) else len(content.encode("utf-8", errors="replace"))
    if size > HTML_MAX_BYTES:
        raise Rejected(source, over_limit("HTML page", size, HTML_MAX_BYTES)
                       + f" of the main-text extractor (other inputs may be up to {human_size(options.max_bytes)}); not read")
    result = trafilatura.bare_extraction(content, url=url, **_extraction_options(options.as_of))
    text = result.text.strip() if result is not None and result.text else ""
    words = len(text.split())
    if words < MIN_ARTICLE_WORDS:
        found = "nothing" if not words else f"only {words} words"
        raise Rejected(source, f"no article body: the main-text extractor found {found} besides "
                               f"navigation and boilerplate (an article needs {MIN_ARTICLE_WORDS}+ words)")
    page_url = url or clean(result.url)
    published = (parse_date(result.date) or options.published or page_date(text, clean(result.title), page_url)
                 or stamp_date(content, options.as_of))
    doc = Document.from_text(
        text,
        source=source,
        format=fmt,
        url=page_url,
        title=clean(result.title),
        author=clean(result.author),
        outlet=(ingest_outlet(clean(result.sitename)) or domain_of(page_url) or clean(result.hostname)
                or options.outlet or title_site_name(content)),
        published=published,
        language=language_code(result.language) or declared_language(content),
    )
    doc.published_at, doc.posts = _page_times(content, doc.text, published, options.as_of)
    return doc


def _page_times(content: bytes | str, text: str, published: Optional[date], as_of: Optional[date]
                ) -> tuple[Optional[datetime], list[TimedPost]]:
    """The page's published time, when its metadata gives it on the publication day, and its live posts'."""
    try:
        tree = load_html(content)
        if tree is None:
            return None, []
        at = published_time(tree)
    except (ValueError, RecursionError):  # a page's times are extra: odd markup costs them, never the page
        return None, []
    if at is not None and (published is None and at.date() > (as_of or date.today()) + timedelta(days=FUTURE_DAYS)
                           or published is not None and abs((at.date() - published).days) > 1):
        at = None  # metadata at odds with the page's day, or years ahead: no hour is worth more than the day
    try:
        return at, live_posts(tree, text, published or (at.date() if at else None), at)
    except (ValueError, RecursionError):
        return at, []


# A site name closing the title ("Nikopol shelled again - Dnipro Region Now"): trafilatura takes a
# title's part for the site only when it reads as a domain ("Reuters.com"). A part is the site's
# name when it is a short name (capitalised, SITE_NAME_WORDS words at most) that the page prints
# again where a site names itself: a logo, brand or masthead element, the link home, a copyright
# line. A section ("… | Europe") printed in a menu is no site name; an outlet the user names wins.
SITE_NAME_WORDS = 6
_NAME_LIKE = re.compile(r"^[A-Z0-9][\w&'’.-]*(?: [\w&'’.-]+){0,%d}$" % (SITE_NAME_WORDS - 1))
_SELF_NAMING_CLASSES = ({"logo"}, {"brand"}, {"branding"}, {"masthead"}, {"sitename"}, {"site", "name"}, {"site", "title"},
                        {"paper", "name"})
_COPYRIGHT = re.compile(r"©|\bcopyright\b|all rights reserved", re.IGNORECASE)  # "(c)" also credits photos
# a section or a button beside the link home is no site's name
_SECTION_WORDS = frozenset("""home news world sport sports politics business opinion culture video live menu
latest europe local weather""".split())


def title_site_name(content: bytes | str) -> Optional[str]:
    """The site's name as the page's <title> ends (or begins) with it, when the page names itself so
    in a logo or masthead element or the link home (that very name) or a copyright line (the name as
    whole words in it)."""
    tree = load_html(content)
    if tree is None:
        return None
    _, first, last = examine_title_element(tree)
    body = tree.find("body")
    if not first or not last or body is None:
        return None
    own, lines = set(), []
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        words = set(re.split(r"[^a-z]+", f"{element.get('class', '')} {element.get('id', '')}".lower()))
        if element.get("href") == "/" or any(kind <= words for kind in _SELF_NAMING_CLASSES):
            # the element's text, and each of its parts' (a logo link beside a tagline)
            own.update(" ".join(e.text_content().split()).casefold() for e in element.iter() if isinstance(e.tag, str))
        if element.text and _COPYRIGHT.search(element.text):
            lines.append(" ".join(element.text_content().split()))  # "© 2027 <a>Dnipro Region Now</a>"
    for name in (last.strip(), first.strip()):
        whole = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
        if _NAME_LIKE.match(name) and name.casefold() not in _SECTION_WORDS \
                and (name.casefold() in own or any(whole.search(line) for line in lines)):
            return name
    return None


# the elements where a page stamps its own time: "<div class="timestamp">Updated 7:52 PM EEST, Wed August 23,
# 2028</div>", "<p class="byline">… · Wed, Aug 23, 2028 · 10:15</p>", "<div class="meta">Posted by … on August 23,
# 2028 at 9:02 am</div>"; the main-text extractor leaves them out, and htmldate's extensive search, which would
# read them, also reads copyright lines and page text
_CRUMB_CLASSES = frozenset({"crumbs", "breadcrumb", "breadcrumbs"})
_STAMP_CLASSES = frozenset({"time", "timestamp", "date", "dateline", "byline", "meta", "updated", "published", "posted",
                            "pubdate", "datetime"}) | _CRUMB_CLASSES
_STAMP_CHARS = 160
# an element whose own text opens as a stamp, whatever its class: "<span>Updated: 18.10.2029, 14:05</span>"
_STAMP_WORD = re.compile(r"\s*(?:first\s+)?(?:published|posted|(?:last\s+)?updated)\b\s*(?:on\s*)?[:\-–—]?\s*\d", re.I)


def stamp_date(content: bytes | str, as_of: Optional[date] = None) -> Optional[date]:
    """The first full date in a <time> element (its `datetime` first) or an element whose class names a time
    stamp, a byline or the article's meta line: the page's own stamp, when neither metadata nor the main text
    dates it. Stamps inside the article or main element come first; none is read in navigation, asides,
    footers, related-story lists or widgets (a masthead's "today" or a sidebar's dates), nor one more than
    FUTURE_DAYS ahead of `as_of` (default today)."""
    tree = load_html(content)
    body = tree.find("body") if tree is not None else None
    if body is None:
        return None
    latest = (as_of or date.today()) + timedelta(days=FUTURE_DAYS)
    inside, outside, worded = [], [], []
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        words = set(re.split(r"[^a-z]+", element.get("class", "").lower()))
        stamped = element.tag == "time" or bool(words & _STAMP_CLASSES)
        if not stamped and not _STAMP_WORD.match(element.text or ""):
            continue
        ancestors = list(element.iterancestors())
        if any(a.tag in _NOT_THE_PAGES or set(re.split(r"[^a-z]+", a.get("class", "").lower())) & _NOT_THE_PAGES_CLASSES
               for a in ancestors):
            continue
        if not stamped:
            # a stamp line of no stamp class, its day right after the word; not one in a list of links
            if not any(a.tag in ("li", "ul", "ol", "a") for a in [element, *ancestors]):
                worded.append(element)
            continue
        (inside if any(a.tag in ("article", "main") for a in ancestors) else outside).append(element)
    for element in inside + outside:
        stamp = element.get("datetime") or ""
        if re.match(r"\d{4}-\d{2}-\d{2}", stamp):
            try:
                if (day := date.fromisoformat(stamp[:10])) <= latest:
                    return day
            except ValueError:
                pass
        for line in (stamp, " ".join(element.text_content().split())):
            if not line or len(line) > _STAMP_CHARS:
                continue
            found = next((w for w in find_dates(line, None) if w.granularity == "day"), None)
            crumbs = bool(set(re.split(r"[^a-z]+", element.get("class", "").lower())) & _CRUMB_CLASSES)
            day = date.fromisoformat(found.value) if found is not None else dotted_day(line) \
                or (crumb_day(line) if crumbs else None)
            if day is not None and day <= latest:
                return day
    for element in worded:
        # "Updated: 18.10.2029, 14:05": the day written right after the word, in dots or ISO
        after = _STAMP_WORD.match(element.text or "")
        text = (element.text or "")[after.end() - 1:after.end() + 11] if after else ""
        day = dotted_day(text) if re.match(r"\d{1,2}\.\d{1,2}\.\d{4}", text) else \
            _iso_day(text) if re.match(r"\d{4}-\d{2}-\d{2}", text) else None
        if day is not None and day <= latest:
            return day
    return None


def _iso_day(text: str) -> Optional[date]:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


_NOT_THE_PAGES = frozenset({"nav", "aside", "footer"})
_NOT_THE_PAGES_CLASSES = frozenset({"related", "sidebar", "widget", "promo", "comments", "comment", "trending", "popular",
                                    "recommended", "teaser", "teasers", "masthead", "weather", "ticker"})


def declared_language(content: bytes | str) -> Optional[str]:
    """The language the page declares in <html lang> or og:locale, read from its first 8 KB."""
    head = content[:8192]
    if isinstance(head, str):
        head = head.encode("utf-8", errors="ignore")
    match = _DECLARED_LANGUAGE.search(head)
    if not match:
        return None
    return language_code((match.group(1) or match.group(2)).decode("ascii"))


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content), one paragraph a line.

    Goes through trafilatura like a page does; short fragments that trafilatura declines (a
    one-line summary) fall back to the fragment's own text, split at block elements.
    """
    if "<" not in fragment:
        return unescape(fragment).strip()
    wrapped = f"<html><body><article>{fragment}</article></body></html>"
    result = trafilatura.bare_extraction(wrapped, include_comments=False, include_tables=True)
    if result is not None and result.text and result.text.strip():
        return result.text.strip()
    return _block_text(wrapped)


def _block_text(markup: str) -> str:
    try:
        root = lxml_html.fromstring(markup)
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def read_html(path: Path, options: IngestOptions) -> Iterator[Document]:
    yield extract_article(path.read_bytes(), str(path), "html", options)
