"""The static report: one self-contained HTML file (inline CSS, JS and SVG) that opens offline."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime, timezone
from typing import TextIO

from markupsafe import Markup

from claimdesk.report.aggregate import map_layer, status_counts, timeline
from claimdesk.report.safe import csp_hash, script_json
from claimdesk.report.stream import stream_stories
from claimdesk.report.templating import asset, environment
from claimdesk.report.worldmap import country_paths
from claimdesk.store import Store
from claimdesk.store.stories import StoryFilter, count_stories


def write_report(store: Store, out: TextIO, max_stories: int = 1000, max_documents: int = 500) -> int:
    """Render the report to `out`; return the number of stories listed.

    The best-sourced `max_stories` stories and the `max_documents` articles with most findings are
    listed in full; the counts, timeline and map cover the whole store.
    """
    flt = StoryFilter()
    stories = []
    for story in stream_stories(store, flt):
        if len(stories) >= max_stories:
            break
        stories.append(story)
    layer = map_layer(store, flt)
    points = layer.points
    doc_ids, audited_total = store.documents_with_findings(max_documents)
    audited = []
    for doc_id in doc_ids:
        doc = store.get_document(doc_id)
        if doc is not None:
            audited.append((doc, store.findings_for(doc_id)))
    template = environment().get_template("report.html")
    js = asset("map.js")
    html = template.render(
        css=Markup(asset("claimdesk.css")), js=Markup(js), script_sources=csp_hash(js),
        generated_at=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        documents=store.count("documents"), counts=status_counts(store), timeline=timeline(store),
        countries=country_paths(), points=points, layer=layer, points_json=script_json([asdict(p) for p in points]),
        stories=stories, shown=len(stories), total=count_stories(store, flt),
        audited=audited, audited_shown=len(audited), audited_total=audited_total,
    )
    out.write(html)
    return len(stories)
