"""Documents into event clusters: online centroid clustering, one batch at a time.

A document joins the cluster whose centroid is most similar to it when both its word similarity
and its entity (names) similarity are high enough and its date is within `WINDOW_DAYS` of the
cluster's; otherwise it starts a cluster. Claims are grouped into stories only inside one cluster,
so a claim is compared with a handful of stories, never with the whole corpus, and two similar
events (two earthquakes in one country a year apart) stay apart when their names or dates differ.

Centroids are kept as summed, pruned term vectors with their squared norm, so the cosine with a
centroid is exact as members are added within a batch: dot(x, sum)/|sum|.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

import numpy as np
import scipy.sparse as sp

from claimdesk.corroborate.vectors import N_FEATURES, prune
from claimdesk.store.corroboration import ClusterRow

TERM_THRESHOLD = 0.2
ENTITY_THRESHOLD = 0.3
WINDOW_DAYS = 30
CENTROID_TERMS = 200
CANDIDATES = 20


@dataclass
class DocVector:
    id: str
    published: Optional[date]
    terms: sp.csr_matrix     # 1 x N, L2-normalised
    entities: sp.csr_matrix


def _matrix(vecs: list[tuple[np.ndarray, np.ndarray]]) -> sp.csr_matrix:
    if not vecs:
        return sp.csr_matrix((0, N_FEATURES))
    indptr = np.zeros(len(vecs) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(i) for i, _ in vecs])
    indices = np.concatenate([i for i, _ in vecs]) if indptr[-1] else np.zeros(0, dtype=np.int64)
    data = np.concatenate([v for _, v in vecs]) if indptr[-1] else np.zeros(0)
    return sp.csr_matrix((data, indices, indptr), shape=(len(vecs), N_FEATURES))


def _within(d: Optional[date], c: ClusterRow) -> bool:
    if d is None or c.first_date is None or c.last_date is None:
        return True
    w = timedelta(days=WINDOW_DAYS)
    return c.first_date - w <= d <= c.last_date + w


class EventClusterer:
    def __init__(self, clusters: list[ClusterRow]):
        self.clusters: dict[str, ClusterRow] = {c.id: c for c in clusters}

    def _active(self, batch: list[DocVector]) -> list[ClusterRow]:
        dates = [d.published for d in batch if d.published]
        if not dates:
            return list(self.clusters.values())
        lo = min(dates) - timedelta(days=WINDOW_DAYS)
        return [c for c in self.clusters.values() if c.last_date is None or c.last_date >= lo]

    def assign(self, batch: list[DocVector]) -> tuple[dict[str, str], list[ClusterRow]]:
        """Cluster id of every document of `batch` (in its order), and the clusters that changed."""
        if not batch:
            return {}, []
        active = self._active(batch)
        X = sp.vstack([d.terms for d in batch]).tocsr()
        E = sp.vstack([d.entities for d in batch]).tocsr()
        old_t = (X @ _matrix([c.terms for c in active]).T).tocsr() if active else None
        old_e = (E @ _matrix([c.entities for c in active]).T).tocsr() if active else None
        in_t = (X @ X.T).toarray()
        in_e = (E @ E.T).toarray()
        # running state of clusters touched in this batch
        norm2: dict[str, float] = {}
        ent_norm2: dict[str, float] = {}
        members: dict[str, list[int]] = {}
        labels: dict[str, str] = {}
        label_idx: list[str] = []
        for i, doc in enumerate(batch):
            cands: dict[str, tuple[float, float]] = {}
            if old_t is not None:
                lo, hi = old_t.indptr[i], old_t.indptr[i + 1]
                cols, vals = old_t.indices[lo:hi], old_t.data[lo:hi]
                if len(vals) > CANDIDATES * 4:
                    top = np.argpartition(vals, -CANDIDATES * 4)[-CANDIDATES * 4:]
                    cols, vals = cols[top], vals[top]
                erow = old_e.getrow(i)
                edots = dict(zip(erow.indices, erow.data))
                for col, val in zip(cols, vals):
                    cands[active[col].id] = (float(val), float(edots.get(col, 0.0)))
            # sorted: on an exact tie the later candidate wins, which must not depend on the hash seed
            for cid in sorted({label_idx[j] for j in np.nonzero(in_t[i, :i] > 0.05)[0]}):
                cands.setdefault(cid, (0.0, 0.0))
            best, best_sim = None, TERM_THRESHOLD
            for cid, (dot_t, dot_e) in cands.items():
                c = self.clusters[cid]
                if not _within(doc.published, c):
                    continue
                batch_m = members.get(cid, [])
                if batch_m:
                    dot_t += float(in_t[i, batch_m].sum())
                    dot_e += float(in_e[i, batch_m].sum())
                n2 = norm2.get(cid, c.norm2)
                en2 = ent_norm2.get(cid, c.entity_norm2)
                sim_t = dot_t / np.sqrt(n2) if n2 > 0 else 0.0
                sim_e = dot_e / np.sqrt(en2) if en2 > 0 else 0.0
                x_has_names = in_e[i, i] > 0
                if x_has_names and en2 > 0 and sim_e < ENTITY_THRESHOLD:
                    continue
                if sim_t >= best_sim:
                    best, best_sim = cid, sim_t
                    best_dots = (dot_t, dot_e)
            if best is None:
                best = hashlib.sha256(f"cluster:{doc.id}".encode()).hexdigest()[:32]
                empty = (np.zeros(0, dtype=np.int64), np.zeros(0))
                self.clusters[best] = ClusterRow(best, 0, None, None, empty, empty, 0.0, 0.0)
                best_dots = (0.0, 0.0)
            c = self.clusters[best]
            norm2[best] = norm2.get(best, c.norm2) + 2 * best_dots[0] + in_t[i, i]
            ent_norm2[best] = ent_norm2.get(best, c.entity_norm2) + 2 * best_dots[1] + in_e[i, i]
            members.setdefault(best, []).append(i)
            labels[doc.id] = best
            label_idx.append(best)
        changed = [self._fold(cid, [batch[i] for i in idx]) for cid, idx in members.items()]
        return labels, changed

    def _fold(self, cid: str, docs: list[DocVector]) -> ClusterRow:
        c = self.clusters[cid]
        c.terms = _add(c.terms, [d.terms for d in docs])
        c.entities = _add(c.entities, [d.entities for d in docs])
        c.norm2 = float(np.dot(c.terms[1], c.terms[1]))
        c.entity_norm2 = float(np.dot(c.entities[1], c.entities[1]))
        c.size += len(docs)
        dates = [d.published for d in docs if d.published] + [x for x in (c.first_date, c.last_date) if x]
        if dates:
            c.first_date, c.last_date = min(dates), max(dates)
        return c


def _add(vec: tuple[np.ndarray, np.ndarray], rows: list[sp.csr_matrix]) -> tuple[np.ndarray, np.ndarray]:
    total = sp.csr_matrix((vec[1], (np.zeros(len(vec[0]), dtype=np.int64), vec[0])), shape=(1, N_FEATURES))
    for r in rows:
        total = total + r
    total = total.tocsr()
    total.sum_duplicates()
    return prune(total.indices.astype(np.int64), total.data, CENTROID_TERMS)


NEIGHBOUR_THRESHOLD = 0.05
NEIGHBOURS = 5


def neighbourhoods(clusterer: EventClusterer, touched: set[str]) -> list[set[str]]:
    """Touched clusters with their nearest related clusters, merged where they overlap.

    Event clusters are strict (they keep two similar events apart); one event is sometimes told in
    words different enough (an opinion piece and a news report) to land in two clusters. Claims are
    grouped within a neighbourhood, where the claims' own fields (dates, places, event type) keep
    the events apart.
    """
    ids = sorted(touched)
    if not ids:
        return []
    touched_rows = [clusterer.clusters[i] for i in ids]
    active = clusterer._active([DocVector("", d, None, None) for c in touched_rows  # type: ignore[arg-type]
                                for d in (c.first_date, c.last_date) if d] or [])
    if not active:
        active = list(clusterer.clusters.values())
    T = _matrix([c.terms for c in touched_rows])
    A = _matrix([c.terms for c in active])
    sims = (T @ A.T).tocsr()
    tn = np.sqrt([max(c.norm2, 1e-12) for c in touched_rows])
    an = np.sqrt([max(c.norm2, 1e-12) for c in active])
    parent: dict[str, str] = {i: i for i in ids}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r, cid in enumerate(ids):
        lo, hi = sims.indptr[r], sims.indptr[r + 1]
        cols, vals = sims.indices[lo:hi], sims.data[lo:hi] / (tn[r] * an[sims.indices[lo:hi]])
        order = np.argsort(-vals)[:NEIGHBOURS + 1]
        for k in order:
            other = active[cols[k]]
            if vals[k] < NEIGHBOUR_THRESHOLD:
                break
            if other.id != cid and _overlap(clusterer.clusters[cid], other):
                parent[find(other.id)] = find(cid)
    groups: dict[str, set[str]] = {}
    for x in list(parent):
        groups.setdefault(find(x), set()).add(x)
    return list(groups.values())


def _overlap(a: ClusterRow, b: ClusterRow) -> bool:
    if a.first_date is None or b.first_date is None:
        return True
    w = timedelta(days=WINDOW_DAYS)
    return a.first_date - w <= b.last_date and b.first_date - w <= a.last_date
