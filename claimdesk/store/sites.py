"""The web domain behind each site name, learnt from the outlet's own pages.

An HTML page saved without its address names its outlet only by site name ("Pivdenna Khvylia"),
while the outlet's other pages carry a URL on pkhvylia.com.ua: `outlet_key` would count them as two
outlets. The store keeps, per site name, the registrable domain its pages with an address share
(`outlet_sites`), and stamps it on the name's pages without one (`documents.site`), whichever of them
was stored first. A name whose pages sit on two domains ("Live" on two broadcasters' sites) stays
ambiguous: its pages without an address keep the name as their identity.
"""

from __future__ import annotations

from typing import Optional

from sqlalchemy import Connection, or_, select, update

from claimdesk.models import Document
from claimdesk.outlets import host_of, name_key, registrable_domain, site_name
from claimdesk.store import schema


def domain_of(url: Optional[str]) -> Optional[str]:
    host = host_of(url)
    return registrable_domain(host) if host and "." in host else None


def site_for(conn: Connection, doc: Document) -> Optional[str]:
    """The `site` to store with `doc`, after learning from it: for a page with an address, its domain
    is recorded for its site name (and stamped on the name's stored pages without one); for a page
    without, the domain its name's pages share, if one is known."""
    name = site_name(doc.outlet)
    if name is None or not name_key(name).startswith("name:"):
        return None  # a host name is its own domain; a known outlet's name its known one ("Reuters" on yahoo.com)
    domain = domain_of(doc.url)
    sites = schema.outlet_sites.c
    known = conn.execute(select(sites.site).where(sites.outlet == name)).first()
    if domain is None:
        return known.site if known else doc.site
    if known is None:
        conn.execute(schema.outlet_sites.insert(), [{"outlet": name, "site": domain}])
        _stamp(conn, name, domain)
    elif known.site is not None and known.site != domain:
        conn.execute(update(schema.outlet_sites).where(sites.outlet == name).values(site=None))
        _stamp(conn, name, None)
    return None


def _stamp(conn: Connection, name: str, site: Optional[str]) -> None:
    """Set `site` on the name's stored pages without an address (none, or a relative one: "/news/live/2")."""
    d = schema.documents.c
    conn.execute(update(schema.documents).where(d.outlet == name, or_(d.url.is_(None), ~d.url.contains("://")))
                 .values(site=site))


def learn_stored_sites(conn: Connection) -> None:
    """Fill `outlet_sites` and `documents.site` from the documents already stored (migration 18)."""
    d = schema.documents.c
    domains: dict[str, set[str]] = {}
    for outlet, url in conn.execute(select(d.outlet, d.url).where(d.outlet.is_not(None), d.url.is_not(None))):
        name, domain = site_name(outlet), domain_of(url)
        if name and domain:
            domains.setdefault(name, set()).add(domain)
    for name, found in sorted(domains.items()):
        if not name_key(name).startswith("name:"):
            continue
        site = next(iter(found)) if len(found) == 1 else None
        conn.execute(schema.outlet_sites.insert(), [{"outlet": name, "site": site}])
        _stamp(conn, name, site)
