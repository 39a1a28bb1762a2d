"""The corroboration engine: batches of new documents through copies, event clusters, story
grouping, origins and story status, each batch written in one transaction (see the package
docstring for what is kept between batches)."""

from __future__ import annotations

import gc
import time
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, timedelta, timezone
from typing import Optional

from claimdesk.corroborate.at_odds import told_at_odds
from claimdesk.corroborate.clusters import DocVector, EventClusterer, neighbourhoods
from claimdesk.corroborate.contradictions import Evidence, find
from claimdesk.corroborate.copies import CopyDetector, order_key
from claimdesk.corroborate.grouping import Draft, EventContext, PartsMemo, StoryGrouper, draft_from_claims
from claimdesk.corroborate.interviews import given_cue
from claimdesk.corroborate.rivals import Rivalry, contest, gives_a_rival_count, handover_figures, rivalries
from claimdesk.corroborate.transfers import EXCHANGE_WORDS
from claimdesk.corroborate.samefact import informativeness
from claimdesk.corroborate.sourcing import SourcingContext, assign
from claimdesk.outlets import outlet_key
from claimdesk.corroborate.status import first_seen, independent_source_keys, independent_sources, source_of, status
from claimdesk.corroborate.vectors import Weights, entity_counts, term_counts
from claimdesk.corroborate.verdicts import SEVERITY, DenialReach, SiblingFinder, deny_reached, reconcile
from claimdesk.models import Claim, Document, Story
from claimdesk.store import Store, changes
from claimdesk.store import corroboration as state
from claimdesk.store.corroboration import PendingDocument, ProcessedDocument, StoredDraft
from claimdesk.store.stories import (
    DocumentCopy, StoryMention, add_mentions, load_origins, origin_of, set_mention_copies, story_of_claims,
    write_copies, write_origins, write_story_rows,
)
from claimdesk.store.stories import copies as stored_copies

BATCH_SIZE = 1000
# a new claim can join a story only if the story has a mention published at most this long before
# the batch: older stories of a long-running topic are left as they are, and cost nothing
STORY_WINDOW_DAYS = 30
DOCUMENT_TERMS = 128
CLAIM_CACHE = 60_000


@dataclass
class CorroborationReport:
    documents: int = 0
    copies: int = 0
    clusters_touched: int = 0
    stories_written: int = 0
    statuses: Counter = field(default_factory=Counter)
    seconds: Counter = field(default_factory=Counter)  # wall time per stage: copies, clusters, stories, write


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
    run = changes.begin_run(store, full=not incremental)
    weights = Weights.from_bytes(state.get_meta(store, "df"))
    clusterer = EventClusterer(state.load_clusters(store))
    detector = CopyDetector(fetch=store.get_document, copy_of=stored_copies(store))
    for signature in state.iter_signatures(store):
        detector.load(signature.document_id, signature.minhash, signature.shingles)
    cache = ClaimCache()
    memo = PartsMemo()
    try:
        for start in range(0, len(pending), batch_size):
            ids = [p.id for p in pending[start:start + batch_size]]
            docs = store.get_documents(ids)
            _batch(store, docs, weights, clusterer, detector, cache, report, run, memo)
            # what stays across batches (LSH index, centroids, caches: millions of small objects)
            # is moved out of the cyclic collector's sight; else each full collection walks it
            # again and a batch costs more the larger the corpus (30k: 4.3 against 6.1 CPU-s per
            # 1000 documents at the end of the run)
            gc.freeze()
            if progress:
                progress(len(ids))
    finally:
        gc.unfreeze()
    changes.end_run(store, run, report.documents)
    return report


def _pending_key(pending: PendingDocument) -> tuple:
    ingested = pending.ingested_at
    ingested = ingested if ingested.tzinfo else ingested.replace(tzinfo=timezone.utc)
    return (pending.published or date.max, ingested, pending.id)


@contextmanager
def _stage(report: CorroborationReport, name: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        report.seconds[name] += time.perf_counter() - start


@dataclass
class Neighbourhoods:
    """The event clusters a batch touches, grouped into neighbourhoods, and the stories in reach.

    `window`: cluster -> its documents published inside the story window; `stories_of`: document
    -> the stories its claims are mentions of; `pool`: the drafts of those stories (by id), with
    the clusters of their documents; `cluster_of`: document -> its cluster."""

    groups: list[list[str]]
    window: dict[str, list[str]]
    stories_of: dict[str, set[str]]
    pool: dict[str, Draft]
    cluster_of: dict[str, str]
    published: Callable[[str], Optional[date]]  # document -> publication date (read once, the window's at once)


def _batch(store: Store, docs: list[Document], weights: Weights, clusterer: EventClusterer,
           detector: CopyDetector, cache: ClaimCache, report: CorroborationReport, run: int = 0,
           memo: Optional[PartsMemo] = None) -> None:
    """One batch: everything is computed first, then written in one transaction, so a run killed
    half-way leaves the store as it was before the batch."""
    new_ids = {d.id for d in docs}
    with _stage(report, "copies"):
        verdicts = detector.add(docs)
    report.documents += len(docs)
    report.copies += sum(1 for v in verdicts if v.document_id in new_ids)
    with _stage(report, "clusters"):
        labels, changed_clusters = _cluster(docs, weights, clusterer)
    with _stage(report, "origins"):
        claims = state.claims_of_documents(store, [d.id for d in docs])
        cache.add(c for d in docs for c in claims[d.id])
        near = _neighbourhoods(store, docs, labels, clusterer, weights)
        report.clusters_touched += len(set(labels.values()))
        recopied = {v.document_id: v.copy_of for v in verdicts if v.document_id not in new_ids}
        origins = _origins(store, docs, recopied, labels, detector)
    with _stage(report, "stories"):
        drafts = _group(docs, claims, labels, near, clusterer, weights, memo)
        rewrite = _stories_to_rewrite(store, drafts, recopied, weights)
        mentions = [StoryMention(c.id, d.id, c.document_id, detector.copy_of.get(c.document_id))
                    for d in sorted(drafts.values(), key=lambda d: d.id) for c in d.claims]
    with _stage(report, "write"), store.engine.begin() as conn:
        write_copies(conn, [DocumentCopy(v.document_id, v.copy_of, v.similarity) for v in verdicts])
        write_origins(conn, origins)
        state.save_batch(conn, [ProcessedDocument(d.id, labels[d.id], *detector.signatures[d.id]) for d in docs],
                         changed_clusters)
        state.set_meta(conn, "df", weights.to_bytes())
        state.save_drafts(conn, [stored_draft(d) for d in sorted((d for d in drafts.values() if d.dirty),
                                                                  key=lambda d: d.id)])
        snapshots: list[changes.StorySnapshot] = []
        known = {**near.pool, **drafts}  # every story of the batch's neighbourhoods: where same-fact siblings are looked for
        sizes = clusterer.clusters
        stories = _stories(conn, store, [drafts[i] for i in sorted(rewrite)], detector.copy_of, cache, snapshots,
                           known, lambda c: sizes[c].size if c in sizes else 1)
        report.stories_written += write_story_rows(conn, stories)
        changes.record(conn, run, snapshots)  # the story-event log `claimdesk digest` reads
        add_mentions(conn, mentions)
        set_mention_copies(conn, recopied)
    for s in stories:
        report.statuses[s.status] += 1


def _cluster(docs: list[Document], weights: Weights, clusterer: EventClusterer) -> tuple[dict[str, str], list]:
    """Each document's event cluster (document id -> cluster id), and the clusters that changed."""
    texts = [d.text for d in docs]
    counts = term_counts(texts)
    weights.update(counts)
    X = weights.weigh(counts, DOCUMENT_TERMS)
    E = weights.weigh(entity_counts(texts), DOCUMENT_TERMS)
    labels, changed = clusterer.assign([DocVector(d.id, d.published, X[i], E[i]) for i, d in enumerate(docs)])
    # clusters in id order, as a later run loads them: the same candidates in the same order either way
    clusterer.clusters = dict(sorted(clusterer.clusters.items()))
    return labels, changed


def _neighbourhoods(store: Store, docs: list[Document], labels: dict[str, str], clusterer: EventClusterer,
                    weights: Weights) -> Neighbourhoods:
    """The stories a new claim may join: those with a mention published inside the window, in a
    document of the claim's neighbourhood of clusters (read for all neighbourhoods at once)."""
    new_ids = {d.id for d in docs}
    dates = [d.published for d in docs if d.published]
    since = min(dates) - timedelta(days=STORY_WINDOW_DAYS) if dates else None
    groups = sorted((sorted(g) for g in neighbourhoods(clusterer, set(labels.values()))), key=lambda g: g[0])
    window = state.documents_in_clusters(store, [c for g in groups for c in g], since)
    stories_of = state.stories_of_documents(store, [i for ids in window.values() for i in ids if i not in new_ids])
    pool = {d.id: d for d in _drafts(store, sorted({s for ss in stories_of.values() for s in ss}), weights, {})}
    cluster_of = dict(labels)
    for cluster, doc_ids in window.items():
        for i in doc_ids:
            cluster_of.setdefault(i, cluster)
            for s in stories_of.get(i, ()):
                if s in pool:
                    pool[s].clusters.add(cluster)
    published = {d.id: d.published for d in docs}
    published.update(state.publication_dates(store, [i for ids in window.values() for i in ids if i not in published]))
    return Neighbourhoods(groups, window, stories_of, pool, cluster_of, _dates_looked_up(store, published))


def _group(docs: list[Document], claims: dict[str, list[Claim]], labels: dict[str, str], near: Neighbourhoods,
           clusterer: EventClusterer, weights: Weights, memo: Optional[PartsMemo] = None) -> dict[str, Draft]:
    """Place the batch's claims among the stories of their neighbourhood; return the drafts that changed."""
    memo = memo if memo is not None else PartsMemo()
    rows = clusterer.clusters
    batch = {d.id: d for d in docs}
    context = EventContext(near.cluster_of, {c: rows[c].size for g in near.groups for c in g},
                           lambda c: zip(rows[c].terms[0].tolist(), rows[c].terms[1].tolist()),
                           published=near.published,
                           told_at=lambda c: batch[c.document_id].told_at(c.span) if c.document_id in batch else None)
    pool = near.pool
    # each new document is in exactly one cluster, so its claims are placed exactly once
    by_cluster: dict[str, list[Document]] = {}
    for d in docs:
        by_cluster.setdefault(labels[d.id], []).append(d)
    for group in near.groups:
        members = sorted((d for c in group for d in by_cluster.get(c, ())), key=order_key)
        new_claims = [c for d in members for c in claims[d.id]]
        if not new_claims:
            continue
        ids = {s for c in group for i in near.window.get(c, ()) for s in near.stories_of.get(i, ())}
        grouper = StoryGrouper(weights, _with_continuations(sorted(ids), pool), context, memo)
        grouper.add(new_claims)
        pool.update({d.id: d for d in grouper.stories})
    return {i: d for i, d in pool.items() if d.dirty}


def _dates_looked_up(store: Store, known: dict[str, Optional[date]]) -> Callable[[str], Optional[date]]:
    """A document's publication date from `known`, else read from the store once (a story's lead
    may lie before the window)."""
    def published_on(document_id: str) -> Optional[date]:
        if document_id not in known:
            known.update(state.publication_dates(store, [document_id]))
        return known.get(document_id)
    return published_on


def _stories_to_rewrite(store: Store, drafts: dict[str, Draft], recopied: dict[str, str], weights: Weights) -> set[str]:
    """The stories whose rows are recomputed: those that gained claims, and those of documents
    whose copy verdict changed (they count sources anew; their drafts are added to `drafts`)."""
    rewrite = {d.id for d in drafts.values() if d.touched}
    recheck = sorted(set(story_of_claims(store, sorted(recopied)).values()) - rewrite)
    for d in _drafts(store, recheck, weights, drafts):
        drafts.setdefault(d.id, d)
    return rewrite | set(recheck)


def _origins(store: Store, docs: list[Document], recopied: dict[str, str], labels: dict[str, str],
             detector: CopyDetector) -> dict[str, list]:
    """Origins of the batch's documents and of older documents whose copy verdict changed. A
    document's passages are compared with the documents LSH found near it and the batch's documents
    of its event cluster."""
    older = [d for d in (store.get_document(i) for i in sorted(recopied)) if d is not None]
    in_cluster: dict[str, list[str]] = {}
    for d in docs:
        in_cluster.setdefault(labels[d.id], []).append(d.id)
    # only LSH neighbours and the batch's own documents of the same cluster: comparing with every
    # document of the neighbourhood's 30-day window cost 3x the whole corroboration at 10k documents
    candidates = {}
    for d in docs:
        near = detector.near.get(d.id, [])
        candidates[d.id] = near + sorted(set(in_cluster.get(labels[d.id], ())) - set(near))
    earlier = {i for ids in candidates.values() for i in ids} | set(detector.copy_of.get(d.id, d.id) for d in docs + older)
    earlier -= {d.id for d in docs}
    headers = state.document_headers(store, earlier)
    with store.engine.connect() as conn:
        known = load_origins(conn, earlier)
    ctx = SourcingContext(headers=headers, origins=known, copy_of=detector.copy_of,
                          shingles_of=detector.shingles_of, candidates=candidates,
                          earlier_pages=lambda keys: _pages_of_outlets(store, set(labels.values()), keys))
    # quotations earlier pages of these clusters credit to an outlet's interview (`interviews`); a page
    # printing them before any page credited them keeps its origin until it is corroborated again
    batch = {d.id for d in docs + older}
    for doc_id, credited in state.credits_in_clusters(store, set(labels.values()), batch).items():
        if any(given_cue(o.why) for o in credited) and (earlier_doc := store.get_document(doc_id)) is not None:
            ctx.given.add_credits(earlier_doc.text, credited)
    return assign(docs + older, ctx)


def _pages_of_outlets(store: Store, clusters: set[str], keys: set[str]) -> list[Document]:
    """The stored pages of outlets `keys` in event clusters `clusters` (`PrintedQuotes`: the
    quotations an outlet printed, looked for on later pages that credit it)."""
    names = [o for o, site in state.stored_outlets(store) if outlet_key(o, None, site) in keys] if keys else []
    return [d for d in map(store.get_document, state.documents_of_outlets(store, clusters, names)) if d is not None]


def _with_continuations(story_ids: list[str], pool: dict[str, Draft]) -> list[Draft]:
    out = {i: pool[i] for i in story_ids}
    todo = [d.continued_by for d in out.values() if d.continued_by]
    while todo:
        i = todo.pop()
        if i not in out:
            out[i] = pool[i]
            if out[i].continued_by:
                todo.append(out[i].continued_by)
    return [out[i] for i in sorted(out)]


def _drafts(store: Store, story_ids: list[str], weights: Weights, known: dict[str, Draft]) -> list[Draft]:
    """The drafts of these stories and of their continuations: the ones this batch already changed,
    else stored ones, else (a story stored before drafts were kept) rebuilt from its claims."""
    out: dict[str, Draft] = {}
    todo = list(story_ids)
    while todo:
        need = [i for i in todo if i not in known and i not in out]
        with store.engine.connect() as conn:
            loaded = {i: draft_of(s) for i, s in state.load_drafts(conn, need).items()}
            missing = [i for i in need if i not in loaded]
            if missing:
                loaded.update(_rebuilt_drafts(conn, store, missing, weights))
        for i in todo:
            out[i] = known.get(i) or loaded[i]
        todo = sorted({d.continued_by for d in out.values() if d.continued_by and d.continued_by not in out})
    return [out[i] for i in sorted(out)]


def draft_of(stored: StoredDraft) -> Draft:
    return Draft(stored.story_id, vector=stored.vector, norm2=stored.norm2, lead_json=stored.lead_json,
                 countries=set(stored.countries), stored=stored.mentions, continued_by=stored.continued_by)


def stored_draft(draft: Draft) -> StoredDraft:
    return StoredDraft(draft.id, vector=draft.vector, norm2=draft.norm2,
                       lead_json=draft.lead_json or draft.lead.model_dump_json().encode(),
                       countries=frozenset(draft.countries), mentions=draft.mentions, continued_by=draft.continued_by)


def _rebuilt_drafts(conn, store: Store, story_ids: list[str], weights: Weights) -> dict[str, Draft]:  # noqa: ANN001
    claims = state.claims_of_stories(conn, story_ids)
    docs = state.document_headers(store, {c.document_id for cs in claims.values() for c in cs})
    out = {}
    for sid, cs in claims.items():
        if cs:
            cs.sort(key=lambda c: (order_key(docs[c.document_id]), c.span[0]))
            out[sid] = draft_from_claims(sid, cs, weights)
    return out


class ClaimCache:
    """Claims read or placed lately, by id: the stories a batch rewrites are mostly recent ones,
    whose claims a batch before read already. Bounded, the oldest dropped first."""

    def __init__(self, limit: int = CLAIM_CACHE):
        self.limit = limit
        self.items: OrderedDict[str, Claim] = OrderedDict()

    def add(self, claims: Iterable[Claim]) -> None:
        for c in claims:
            self.items[c.id] = c
            self.items.move_to_end(c.id)
        while len(self.items) > self.limit:
            self.items.popitem(last=False)

    def of_stories(self, conn, story_ids: list[str]) -> dict[str, list[Claim]]:  # noqa: ANN001
        """story id -> the claims of its stored mentions."""
        mentions = state.mentions_of_stories(conn, story_ids)
        found = {i: self.items[i] for ids in mentions.values() for i in ids if i in self.items}
        found.update(state.claims_by_id(conn, sorted({i for ids in mentions.values() for i in ids} - found.keys())))
        self.add(found[i] for i in sorted(found))
        return {s: [found[i] for i in ids] for s, ids in mentions.items()}


def _stories(conn, store: Store, drafts: list[Draft], copy_of: dict[str, str],  # noqa: ANN001
             cache: Optional[ClaimCache] = None, snapshots: Optional[list] = None,
             known: Optional[dict[str, Draft]] = None, cluster_size: Callable[[str], int] = lambda c: 1) -> list[Story]:
    """Story rows of these drafts, from their stored mentions and the claims they gained. With
    `known` (the drafts of the batch's neighbourhoods), one fact, one verdict (`verdicts`): the
    same-fact siblings of every contested or denied story among them (rewritten now, or stored so)
    take its verdict; a sibling not rewritten otherwise gets its row rewritten too. With
    `snapshots`, what each written story now is goes there (the story-event log, `changes`)."""
    claims_of = (cache or ClaimCache(0)).of_stories
    evidence: dict[str, list[Evidence]] = {}
    names: dict[str, str] = {}  # source key -> outlet name, for the story-event log
    stories: dict[str, Story] = {}
    published: dict[str, Optional[date]] = {}

    def build(batch: list[Draft], gained: bool) -> None:
        claims = claims_of(conn, [d.id for d in batch])
        if gained:
            for d in batch:
                claims[d.id].extend(d.claims)
        doc_ids = {c.document_id for cs in claims.values() for c in cs}
        docs = state.document_headers(store, doc_ids | {copy_of[i] for i in doc_ids if i in copy_of})
        published.update((i, d.published) for i, d in docs.items())
        origins = load_origins(conn, doc_ids)
        for d in batch:
            if claims[d.id]:
                evidence[d.id] = _evidence(claims[d.id], docs, copy_of, origins, names)
                stories[d.id] = _story(d, evidence[d.id], docs)

    build(drafts, True)
    out = [stories[d.id] for d in drafts if d.id in stories]
    if known:
        severe = {i for i, s in stories.items() if s.status in SEVERITY}
        severe |= state.stories_with_status(conn, sorted(set(known) - set(stories)), SEVERITY)
        if severe:
            warned_by: dict[str, set[str]] = {}  # story -> its contested/denied siblings
            for i, sibs in SiblingFinder(known, cluster_size).of(sorted(severe)).items():
                for t in sibs:
                    warned_by.setdefault(t, set()).add(i)
            build([known[i] for i in sorted(({i for ss in warned_by.values() for i in ss} | set(warned_by))
                                             - set(stories))], False)
            written = {s.id for s in out}
            out += [stories[i] for i in reconcile(stories, evidence, warned_by) if i not in written]
        reached = DenialReach(known, lambda ids: _dates_of(store, ids, published)).of(stories, evidence)
        if reached:
            build([known[i] for i in sorted(set(reached) - set(stories)) if i in known], False)
            written = {s.id for s in out}
            out += [stories[i] for i in deny_reached(stories, evidence, reached) if i not in written]
        found = _rivalries(store, stories, evidence, known, published)
        if found:
            build([known[i] for i in sorted({i for r in found for i in r.stories} - set(stories))], False)
            written = {s.id for s in out}
            leads = {i: known[i].lead for i in stories if i in known}
            out += [stories[i] for i in contest(stories, found, leads) if i not in written]
    if snapshots is not None:
        for story in out:
            keys = independent_source_keys(evidence[story.id])
            snapshots.append(changes.StorySnapshot.of(story, {k: names.get(k, k) for k in keys}))
    return out


def _dates_of(store: Store, document_ids: list[str], published: dict[str, Optional[date]]) -> dict[str, Optional[date]]:
    """The documents' publication dates, those not known yet read from the store (and kept in `published`)."""
    published.update(state.publication_dates(store, [i for i in document_ids if i not in published]))
    return {i: published.get(i) for i in document_ids}


def _rivalries(store: Store, stories: Mapping[str, Story], evidence: Mapping[str, list[Evidence]],
               known: Mapping[str, Draft], published: dict[str, Optional[date]]) -> list[Rivalry]:
    """Stories giving another figure of a count the rewritten stories give (`rivals`): the rewritten
    ones by all their mentions, each under the source it counts under, the other stories of the
    neighbourhoods by their leads, under their pages' outlets."""
    claims_of = {i: [e.claim for e in evidence[i]] for i in stories if i in known}
    pages = state.document_headers(store, {c.document_id for cs in claims_of.values() for c in cs})
    published.update((i, d.published) for i, d in pages.items())
    side_by_side = told_at_odds(claims_of, published.get, lambda c: pages[c.document_id].told_at(c.span))
    counting = [c for cs in claims_of.values() for c in cs if gives_a_rival_count(c)]
    if not counting:
        return side_by_side
    # a stored lead is parsed only when it names one of those towns (or tells of an exchange: no town names it)
    words = {p.name.lower() for c in counting for p in c.places + c.setting}
    if any(handover_figures(c) for c in counting):
        words |= EXCHANGE_WORDS
    for i, d in sorted(known.items()):
        if i in claims_of:
            continue
        if d.lead_claim is None:
            lead = d.lead_json.decode().lower()
            if not any(w in lead for w in words):
                continue
        if gives_a_rival_count(d.lead):
            claims_of[i] = [d.lead]
    docs = state.document_headers(store, {c.document_id for cs in claims_of.values() for c in cs})
    published.update((i, d.published) for i, d in docs.items())
    counted = {e.claim.id: e.counted for i in claims_of if i in evidence for e in evidence[i]}
    found = rivalries(claims_of, published.get, lambda c: counted.get(c.id) or source_of(docs[c.document_id], None),
                      lambda c: docs[c.document_id].told_at(c.span))
    paired = {r.stories for r in found}
    return found + [r for r in side_by_side if r.stories not in paired]


def _evidence(claims: list[Claim], docs: dict[str, Document], copy_of: dict[str, str],
              origins: Optional[dict[str, list]] = None, names: Optional[dict[str, str]] = None) -> list[Evidence]:
    """A story's mentions in publication order, each with the source it counts under (and, in
    `names`, each source's outlet name)."""
    evidence, taken_from = [], []
    claims = sorted(claims, key=lambda c: (order_key(docs[c.document_id]), c.span[0], c.id))
    for c in claims:
        doc = docs[c.document_id]
        root = copy_of.get(doc.id)
        origin = origin_of((origins or {}).get(doc.id, []), c.span)
        if origin is None and root is not None:  # a store corroborated before origins were kept
            src = source_of(docs[root], None) if root in docs else "document:" + root
        else:
            src = source_of(doc, origin)
        evidence.append(Evidence(c, src, root, publisher=source_of(doc, None), published=doc.published,
                                 told_at=doc.told_at(c.span)))
        taken_from.append(origin.document if origin is not None and origin.document else root)
        if names is not None:
            names.setdefault(src, (origin.outlet if origin else None) or docs.get(root or doc.id, doc).outlet or src)
    return _tellings_traced(evidence, taken_from)


def _tellings_traced(evidence: list[Evidence], taken_from: list[Optional[str]]) -> list[Evidence]:
    """The story's mentions with each page's telling traced to where it came from (`Evidence.told_as`),
    page by page in publication order. A mention copied from a page of the story counts under what
    that page's telling was traced to (a science site retelling the Daily Mail's sentence, which the
    Mail had printed from Sputnik, is Sputnik's, not a second source beside it); then a page that
    printed the fact from another outlet and restates it in its own words tells it as that outlet.
    The sources themselves stay as found: a restatement that disagrees with the copied sentence
    ("2.1 million" copied, "some 2.6 million" in the page's own words) still contests it."""
    pages: dict[str, list[int]] = {}
    for i, e in enumerate(evidence):
        pages.setdefault(e.claim.document_id, []).append(i)
    counted = [e.source for e in evidence]
    told: dict[str, set[str]] = {}  # page -> every source its mentions in this story count under
    for page, mine in pages.items():  # in publication order: `evidence` is sorted so
        copied = [i for i in mine if evidence[i].source != evidence[i].publisher]
        for i in copied:
            earlier = told.get(taken_from[i] or "", set())
            if len(earlier) == 1 and taken_from[i] != page:
                counted[i] = next(iter(earlier))
        if copied:
            for i in mine:
                if evidence[i].source == evidence[i].publisher:
                    counted[i] = counted[copied[0]]
        told[page] = {counted[i] for i in mine}
    return [replace(e, told_as=c) if c != e.source else e for e, c in zip(evidence, counted)]


def _story(draft: Draft, evidence: list[Evidence], docs: dict[str, Document]) -> Story:
    claims = [e.claim for e in evidence]
    contradictions = find(evidence)
    lead = draft.lead
    return Story(
        id=draft.id, text=lead.text, event_type=lead.event_type,
        status=status(evidence, contradictions), independent_sources=independent_sources(evidence),
        informativeness=round(informativeness(lead), 3),
        first_seen=first_seen([docs[c.document_id].published for c in claims]),
        when=next((c.when for c in claims if c.when), None),
        places=_places(claims), contradictions=contradictions,
    )


def _places(claims: list[Claim]):  # noqa: ANN202
    seen, out = set(), []
    for c in claims:
        for p in c.places:
            if p.name.lower() not in seen:
                seen.add(p.name.lower())
                out.append(p)
    return out


