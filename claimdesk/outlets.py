"""One identity per outlet, whatever the input format called it.

An HTML page names its outlet by site name ("Reuters"), a JSON Lines record by domain
("reuters.com", "www.reuters.com", "uk.reuters.com"), a feed by its link's host. `outlet_key` maps
all of them to one key: the registrable domain of the document's URL (public suffix list, `tld`),
else of the outlet when it is a host name, else the domain the store learnt for a page saved without
its address (`site`), else a known site name's domain, else the name folded.
It reads only stored fields, so documents stored before this existed get the same keys.

>>> outlet_key("Reuters", None) == outlet_key("uk.reuters.com", None) == outlet_key("x", "https://www.reuters.com/a")
True
>>> outlet_key("The Kyiv Independent", None)
'kyivindependent.com'
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit

from tld import get_fld

# Site names whose domain differs from the folded name (data/known_outlets.json says which).
KNOWN_NAMES: dict[str, str] = json.loads((Path(__file__).resolve().parent / "data" / "known_outlets.json")
                                         .read_text(encoding="utf-8"))["names"]
# Hosting platforms: each sub-domain is a different writer, so the host itself is the outlet.
PLATFORMS = {"substack.com", "medium.com", "wordpress.com", "blogspot.com", "tumblr.com", "livejournal.com",
             "github.io", "telegram.org", "t.me", "go.com"}
_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}$")
_NAME_NOISE = re.compile(r"\s*\((opinion|online|news)\)\s*$", re.I)
# Host suffixes of institutions that issue their own releases: universities, governments, armed
# forces, international bodies, police, health services. The same pattern runs in Spark (Java regex).
INSTITUTION_HOST = r"(^|\.)(edu|gov|mil|int|(ac|edu|gov|govt|mil)\.[a-z]{2}|gc\.ca|gouv\.fr|police\.uk|nhs\.uk)$"
_INSTITUTION = re.compile(INSTITUTION_HOST)


def host_of(url: Optional[str]) -> Optional[str]:
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return host.lower().rstrip(".") if host else None


def registrable_domain(host: str) -> str:
    """'uk.reuters.com' -> 'reuters.com'; a platform's sub-domain and an unknown suffix stay whole."""
    host = host.lower().rstrip(".").removeprefix("www.")
    fld = get_fld(host, fix_protocol=True, fail_silently=True)
    if not fld or fld in PLATFORMS:
        return host
    return fld


def outlet_host(outlet: Optional[str]) -> Optional[str]:
    """The outlet as a host name when it is written as one ('www.Reuters.com', 'https://x.org/')."""
    if not outlet:
        return None
    value = outlet.strip().lower()
    if "://" in value:
        return host_of(value)
    value = value.rstrip("/").removeprefix("www.")
    return value if _HOST.match(value) else None


@lru_cache(maxsize=65536)
def is_institution(outlet: Optional[str], url: Optional[str] = None) -> bool:
    """Whether a page is on an institution's own site ('news.liverpool.ac.uk', 'www.fbi.gov'): what
    such a site publishes is its own release, and news sites that carry the text copied it.

    >>> is_institution("news.liverpool.ac.uk"), is_institution(None, "https://www.nasa.gov/x"), is_institution("Reuters")
    (True, True, False)
    """
    host = host_of(url) or outlet_host(outlet)
    return bool(host and _INSTITUTION.search(host))


def name_key(name: str) -> str:
    """The identity a site name stands for: a known outlet's domain, else the name folded, with no
    leading "the" ("The Erie Times-News" and "the Erie Times News" are one paper).

    >>> name_key("The Erie Times-News") == name_key("Erie Times News") == "name:erietimesnews"
    True
    """
    folded = " ".join(_NAME_NOISE.sub("", name).lower().split())
    bare = folded.removeprefix("the ")
    return KNOWN_NAMES.get(folded) or KNOWN_NAMES.get(bare) or "name:" + re.sub(r"\W+", "", bare)


@lru_cache(maxsize=65536)  # corroboration asks for the same few hundred outlets thousands of times
def outlet_key(outlet: Optional[str], url: Optional[str] = None, site: Optional[str] = None) -> Optional[str]:
    """The identity of the outlet that published a document, or None when nothing names it. `site`:
    the outlet's domain when the document's url does not give it (`Document.site`).

    >>> outlet_key("Pivdenna Khvylia", None, "pkhvylia.com.ua") == outlet_key("Pivdenna Khvylia", "https://pkhvylia.com.ua/a")
    True
    """
    host = host_of(url)
    if not (host and "." in host) and site:
        host = site
    if host and "." in host:
        domain = registrable_domain(host)
        return KNOWN_NAMES.get(domain, domain)
    as_host = outlet_host(outlet)
    if as_host:
        return KNOWN_NAMES.get(as_host) or registrable_domain(as_host)
    if outlet and outlet.strip():
        return name_key(outlet)
    return None


def site_name(outlet: Optional[str]) -> Optional[str]:
    """The outlet when it is a site's name ("Pivdenna Khvylia"), not a host name or nothing: the names
    whose web domain the store learns from their pages that carry an address."""
    if not outlet or not outlet.strip() or outlet_host(outlet):
        return None
    return outlet


def ingest_outlet(value: Optional[str]) -> Optional[str]:
    """How ingest writes an outlet: a host name lower-cased without 'www.'; a site name as given."""
    if value is None:
        return None
    return outlet_host(value) or value
