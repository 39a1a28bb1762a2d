"""Corroboration: near-duplicate copies, claims grouped into stories, contradictions and status.

    from claimdesk.corroborate import corroborate
    report = corroborate(store)            # only documents not corroborated yet
    report = corroborate(store, incremental=False)   # forget earlier results and redo everything

Per batch of new documents (in publication order): find copies (`copies`), place each document in
an event cluster (`clusters`), group the claims of the touched clusters into stories (`grouping`),
and recompute contradictions and status (`contradictions`, `status`) of the stories that changed
only. What a later run needs is kept in the store (`state`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta, timezone
from typing import Optional

from claimdesk.corroborate import state
from claimdesk.corroborate.clusters import DocVector, EventClusterer, neighbourhoods
from claimdesk.corroborate.contradictions import Evidence, find
from claimdesk.corroborate.copies import CopyDetector, order_key
from claimdesk.corroborate.grouping import Draft, StoryGrouper
from claimdesk.corroborate.status import first_seen, independent_sources, source_key, status
from claimdesk.corroborate.vectors import Weights, entity_counts, term_counts
from claimdesk.models import Claim, Document, Mention, Story
from claimdesk.store import Store
from claimdesk.store.stories import copies as stored_copies
from claimdesk.store.stories import replace_stories, save_copies

BATCH_SIZE = 1000
# a new claim can join a story only if the story has a mention published at most this long before
# the batch: older stories of a long-running topic are left as they are, and cost nothing
STORY_WINDOW_DAYS = 30
DOCUMENT_TERMS = 128


@dataclass
class CorroborationReport:
    documents: int = 0
    copies: int = 0
    clusters_touched: int = 0
    stories_written: int = 0
    statuses: Counter = field(default_factory=Counter)


Progress = Callable[[int], None]


def corroborate(store: Store, incremental: bool = True, batch_size: int = BATCH_SIZE,
                progress: Optional[Progress] = None, on_total: Optional[Callable[[int], None]] = None,
                ) -> CorroborationReport:
    """Corroborate the documents not processed yet (all of them when `incremental` is False)."""
    if not incremental:
        state.reset(store)
    report = CorroborationReport()
    pending = sorted(state.unprocessed_documents(store), key=_pending_key)
    if on_total:
        on_total(len(pending))
    if not pending:
        return report
    weights = Weights.from_bytes(state.get_meta(store, "df"))
    clusterer = EventClusterer(state.load_clusters(store))
    detector = CopyDetector(fetch=store.get_document, copy_of=stored_copies(store))
    for doc_id, sig, n_shingles in state.iter_signatures(store):
        detector.load(doc_id, sig, n_shingles)
    for start in range(0, len(pending), batch_size):
        ids = [p[0] for p in pending[start:start + batch_size]]
        docs = [d for d in (store.get_document(i) for i in ids) if d is not None]
        _batch(store, docs, weights, clusterer, detector, report)
        state.set_meta(store, "df", weights.to_bytes())
        if progress:
            progress(len(ids))
    return report


def _pending_key(row: tuple) -> tuple:
    doc_id, published, ingested = row
    ingested = ingested if ingested.tzinfo else ingested.replace(tzinfo=timezone.utc)
    return (published or date.max, ingested, doc_id)


def _batch(store: Store, docs: list[Document], weights: Weights, clusterer: EventClusterer,
           detector: CopyDetector, report: CorroborationReport) -> None:
    verdicts = detector.add(docs)
    save_copies(store, [(v.document_id, v.copy_of, v.similarity) for v in verdicts])
    report.documents += len(docs)
    report.copies += sum(1 for v in verdicts if v.document_id in {d.id for d in docs})

    texts = [d.text for d in docs]
    counts = term_counts(texts)
    weights.update(counts)
    X = weights.weigh(counts, DOCUMENT_TERMS)
    E = weights.weigh(entity_counts(texts), DOCUMENT_TERMS)
    labels, changed = clusterer.assign([DocVector(d.id, d.published, X[i], E[i]) for i, d in enumerate(docs)])
    state.save_batch(store, [(d.id, labels[d.id], *detector.signatures[d.id]) for d in docs], changed)

    # stories to revisit: the clusters of the new documents, and of documents whose copy verdict changed
    touched = set(labels.values())
    old = [v.document_id for v in verdicts if v.document_id not in labels]
    touched |= set(state.cluster_of_documents(store, old).values())
    report.clusters_touched += len(touched)
    new_ids = {d.id for d in docs}
    recheck = {v.document_id for v in verdicts} | {v.copy_of for v in verdicts}
    cache = {d.id: d for d in docs}
    dates = [d.published for d in docs if d.published]
    since = min(dates) - timedelta(days=STORY_WINDOW_DAYS) if dates else None
    for group in neighbourhoods(clusterer, touched):
        doc_ids = [d for ids in state.documents_in_clusters(store, group, since).values() for d in ids]
        stories = _regroup(store, doc_ids, new_ids, recheck, weights, detector.copy_of, cache)
        for s in stories:
            report.statuses[s.status] += 1
        report.stories_written += replace_stories(store, stories)


def _regroup(store: Store, doc_ids: list[str], new_ids: set[str], recheck: set[str], weights: Weights,
             copy_of: dict[str, str], cache: dict[str, Document]) -> list[Story]:
    docs = {i: cache[i] for i in doc_ids if i in cache}
    docs.update(state.document_headers(store, [i for i in doc_ids if i not in cache]))
    # originals of copies count as the source of their copies, wherever they are clustered
    originals = {copy_of[i] for i in docs if i in copy_of} - docs.keys()
    sources = dict(docs)
    sources.update(state.document_headers(store, originals))
    membership = state.story_of_claims(store, [i for i in doc_ids if i not in new_ids])
    # a story found here may also hold claims of documents outside this neighbourhood: load them
    # too, so rewriting the story keeps every mention it had
    outside = state.documents_of_stories(store, set(membership.values())) - docs.keys()
    if outside:
        stories_here = set(membership.values())
        docs.update(state.document_headers(store, outside))
        membership.update({c: s for c, s in state.story_of_claims(store, outside).items() if s in stories_here})
        sources.update({i: docs[i] for i in outside if i in docs})
    existing: dict[str, list[Claim]] = {}
    new_claims: list[Claim] = []
    all_claims = state.claims_of_documents(store, list(docs))
    for doc_id, claims in all_claims.items():
        for c in claims:
            if c.id in membership:
                existing.setdefault(membership[c.id], []).append(c)
            elif doc_id in new_ids:
                new_claims.append(c)
    order = {i: order_key(d) for i, d in docs.items()}
    new_claims.sort(key=lambda c: (order[c.document_id], c.span[0]))
    grouper = StoryGrouper(weights, existing)
    changed = {s.id: s for s in grouper.add(new_claims)}
    for s in grouper.stories:
        if s.id not in changed and any(c.document_id in recheck for c in s.claims):
            changed[s.id] = s
    return [_story(d, sources, copy_of) for d in changed.values()]


def _story(draft: Draft, docs: dict[str, Document], copy_of: dict[str, str]) -> Story:
    evidence = []
    mentions = []
    claims = sorted(draft.claims, key=lambda c: (order_key(docs[c.document_id]), c.span[0]))
    for c in claims:
        doc = docs[c.document_id]
        root = copy_of.get(doc.id)
        src = source_key(docs[root]) if root in docs else source_key(doc) if root is None else "document:" + root
        evidence.append(Evidence(c, src, root))
        mentions.append(Mention(claim=c.id, document=doc.id, outlet=doc.outlet, url=doc.url, published=doc.published,
                                span=c.span, text=c.text, attribution=c.attribution, hedges=c.hedges,
                                polarity=c.polarity, copy_of=root))
    contradictions = find(evidence)
    lead = draft.lead
    return Story(
        id=draft.id, text=lead.text, event_type=lead.event_type,
        status=status(evidence, contradictions), independent_sources=independent_sources(evidence),
        first_seen=first_seen([docs[c.document_id].published for c in claims]),
        when=next((c.when for c in claims if c.when), None),
        places=_places(claims), mentions=mentions, contradictions=contradictions,
    )


def _places(claims: list[Claim]):  # noqa: ANN202
    seen, out = set(), []
    for c in claims:
        for p in c.places:
            if p.name.lower() not in seen:
                seen.add(p.name.lower())
                out.append(p)
    return out


__all__ = ["CorroborationReport", "corroborate"]
