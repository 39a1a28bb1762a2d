"""Near-duplicate documents: syndicated wire copy and republished articles, found with MinHash LSH.

A document is cut into overlapping 5-word shingles. MinHash signatures go into an LSH index
(datasketch), which returns, in time independent of the corpus size, the earlier documents that
probably share many shingles; each candidate is then checked on the exact shingle sets with
*containment* (shared shingles over the smaller set), so a copy with other boilerplate, another
title or a trimmed ending still counts, while two articles on the same event written separately
(which share phrases, rarely 5-word runs) do not.

Every member of a group of copies points (`copy_of`) to the group's earliest document: a page on
an institution's own site first (a university's or a government's release is the original of the
news pages that carry it, whatever dates the crawler gave them), then earliest published date, then
earliest ingested, then smallest id.

>>> det = CopyDetector()
>>> text = " ".join(f"Officials counted {n} boats in the harbour on day {n} of the strike." for n in range(5))
>>> a = Document.from_text(text, source="a")
>>> b = Document.from_text("Breaking: " + a.text + " Subscribe to our newsletter.", source="b")
>>> [(c.document_id == b.id, c.copy_of == a.id) for c in det.add([a, b])]
[(True, True)]
"""

from __future__ import annotations

import re
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Optional

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from claimdesk.models import Document
from claimdesk.outlets import is_institution

SHINGLE_WORDS = 5
NUM_PERM = 64
LSH_BANDS = (32, 2)      # 32 bands of 2 rows: a pair with Jaccard 0.27 (a trimmed copy with boilerplate) is found 9 times in 10
MIN_ESTIMATE = 0.4       # containment estimated from signatures, before the exact check
MIN_CONTAINMENT = 0.6    # verdict: share of the smaller document's shingles found in the other
MIN_SHINGLES = 15        # a text this short cannot be told from a shared quotation
# and share of the *larger* document's shingles: a page that quotes a short article in full inside
# its own, longer analysis contains it, but is not a copy of it (its shared passages get their
# origin in `passages`); a trimmed copy or one with boilerplate keeps well above this
MIN_LARGER_SHARE = 0.3
_SEED = 1
# shingle sets of indexed documents kept in memory (32-bit, ~1 KB a document), so verifying a
# candidate does not fetch and re-shingle its text; the oldest are dropped beyond this budget
SHINGLE_CACHE_BYTES = 256 * 2**20
SCHEME = "affine32"  # 32-bit hash values: half the memory of the legacy scheme

_WORD = re.compile(r"\w+")
_MASK32 = np.uint64(0xFFFFFFFF)
_PRIME = np.uint64(1_000_003)


def shingles(text: str) -> np.ndarray:
    """Sorted unique 32-bit hashes of the text's 5-word shingles (lowercased words)."""
    words = _WORD.findall(text.lower())
    if not words:
        return np.zeros(0, dtype=np.uint64)
    h = np.fromiter((zlib.crc32(w.encode()) for w in words), dtype=np.uint64, count=len(words))
    if len(words) < SHINGLE_WORDS:
        return np.unique(h)
    n = len(words) - SHINGLE_WORDS + 1
    acc = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(SHINGLE_WORDS):
            acc = acc * _PRIME + h[k:k + n]
    return np.unique(acc & _MASK32)


class SpanShingles:
    """`shingles` of spans of one text, its words read and hashed once: `of(s, e)` equals
    `shingles(text[s:e])` for a span that cuts no word (a sentence), save where lower case reads a
    letter's neighbours across the span's end (a Greek final sigma)."""

    def __init__(self, text: str):
        self.text = text
        low = text.lower()
        self.starts: np.ndarray | None = None
        if len(low) != len(text):  # a letter whose lower case is longer ("İ"): spans are read one by one
            return
        found = [(m.start(), m.group()) for m in _WORD.finditer(low)]
        self.starts = np.fromiter((at for at, _ in found), dtype=np.int64, count=len(found))
        self.hashes = np.fromiter((zlib.crc32(w.encode()) for _, w in found), dtype=np.uint64, count=len(found))
        n = len(found) - SHINGLE_WORDS + 1
        self.windows = np.zeros(max(n, 0), dtype=np.uint64)
        with np.errstate(over="ignore"):
            for k in range(SHINGLE_WORDS if n > 0 else 0):
                self.windows = self.windows * _PRIME + self.hashes[k:k + n]
        self.windows &= _MASK32

    def of(self, start: int, end: int) -> np.ndarray:
        if self.starts is None:
            return shingles(self.text[start:end])
        first, last = np.searchsorted(self.starts, (start, end)).tolist()
        if last == first:
            return np.zeros(0, dtype=np.uint64)
        if last - first < SHINGLE_WORDS:
            return np.unique(self.hashes[first:last])
        return np.unique(self.windows[first:last - SHINGLE_WORDS + 1])


def signature(sh: np.ndarray) -> np.ndarray:
    m = MinHash(num_perm=NUM_PERM, seed=_SEED, hashfunc=int, scheme=SCHEME)
    if len(sh):
        m.update_batch(sh.tolist())
    return m.hashvalues.astype(np.uint32)


def containment(a: np.ndarray, b: np.ndarray) -> float:
    return overlap(a, b)[0]


def overlap(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Shared shingles over the smaller set (containment) and over the larger one."""
    if not len(a) or not len(b):
        return 0.0, 0.0
    if a.dtype != b.dtype:  # cached sets are 32-bit
        a, b = a.astype(np.uint32), b.astype(np.uint32)
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / min(len(a), len(b)), shared / max(len(a), len(b))


def shares_any(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether sorted unique shingle sets `a` and `b` have a shingle in common."""
    if not len(a) or not len(b):
        return False
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if small.dtype != large.dtype:
        small, large = small.astype(np.uint32), large.astype(np.uint32)
    at = np.searchsorted(large, small)
    at[at == len(large)] = 0
    return bool((large[at] == small).any())


@dataclass(frozen=True)
class CopyVerdict:
    document_id: str
    copy_of: str
    similarity: float


@dataclass
class _Known:
    order: tuple
    shingles: Optional[np.ndarray] = None


def order_key(doc: Document) -> tuple:
    """Which of two documents wrote first: the institution's own page, then the earlier date."""
    ingested = doc.ingested_at if doc.ingested_at.tzinfo else doc.ingested_at.replace(tzinfo=timezone.utc)
    return (not is_institution(doc.outlet, doc.url), doc.published or date.max, ingested, doc.id)


class CopyDetector:
    """An LSH index of every document seen, and the copy groups found so far.

    `fetch(doc_id)` returns a stored Document; it is asked only for earlier documents that are
    candidate originals, so the texts of a large store are never all in memory at once.
    """

    def __init__(self, fetch: Optional[Callable[[str], Optional[Document]]] = None,
                 copy_of: Optional[dict[str, str]] = None):
        self.lsh = MinHashLSH(num_perm=NUM_PERM, params=LSH_BANDS)
        self.sigs: dict[str, tuple[np.ndarray, int]] = {}
        self.fetch = fetch
        self.copy_of: dict[str, str] = dict(copy_of or {})
        self.members: dict[str, set[str]] = {}
        for doc, root in self.copy_of.items():
            self.members.setdefault(root, {root}).add(doc)
        self._known: dict[str, _Known] = {}
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_bytes = 0

    def load(self, doc_id: str, sig: np.ndarray, n_shingles: int) -> None:
        """Index a document processed in an earlier run, by its stored signature."""
        self.sigs[doc_id] = (sig, n_shingles)
        self.lsh.insert(doc_id, LeanMinHash(seed=_SEED, hashvalues=sig, scheme=SCHEME), check_duplication=False)

    def add(self, docs: Iterable[Document]) -> list[CopyVerdict]:
        """Index `docs` and return the copy verdicts that are new or changed (also for older documents
        whose original turned out to be one of `docs`)."""
        batch = sorted(docs, key=order_key)
        changed: dict[str, CopyVerdict] = {}
        self.signatures: dict[str, tuple[np.ndarray, int]] = {}
        # per document of the batch, the indexed documents LSH returned (copies or not): where
        # `passages` looks first for a shared passage
        self.near: dict[str, list[str]] = {}
        for doc in batch:
            sh = shingles(doc.text)
            sig = signature(sh)
            self.signatures[doc.id] = self.sigs[doc.id] = (sig, len(sh))
            self._known[doc.id] = _Known(order_key(doc), sh)
            if len(sh) >= MIN_SHINGLES:
                matches = self._verified(doc.id, sh, sig)
                if matches:
                    for v in self._join(doc.id, matches):
                        changed[v.document_id] = v
            self.lsh.insert(doc.id, LeanMinHash(seed=_SEED, hashvalues=sig, scheme=SCHEME), check_duplication=False)
        # the batch's texts are no longer needed; keep order keys and (within budget) shingle sets
        for doc in batch:
            known = self._known[doc.id]
            self._remember(doc.id, known.shingles)
            known.shingles = None
        return list(changed.values())

    def shingles_of(self, doc_id: str) -> Optional[np.ndarray]:
        """The shingle set of any indexed document (cached; else fetched and shingled)."""
        known = self._known.get(doc_id)
        if known and known.shingles is not None:
            return known.shingles
        cached = self._cache.get(doc_id)
        if cached is not None:
            self._cache.move_to_end(doc_id)
            return cached
        doc = self.fetch(doc_id) if self.fetch else None
        if doc is None:
            return None
        self._known[doc_id] = _Known(order_key(doc), None)
        sh = shingles(doc.text)
        self._remember(doc_id, sh)
        return sh

    def _remember(self, doc_id: str, sh: Optional[np.ndarray]) -> None:
        if sh is None or doc_id in self._cache:
            return
        small = sh.astype(np.uint32)  # the hashes are 32-bit; the sorted order is unchanged
        self._cache[doc_id] = small
        self._cache_bytes += small.nbytes
        while self._cache_bytes > SHINGLE_CACHE_BYTES and self._cache:
            self._cache_bytes -= self._cache.popitem(last=False)[1].nbytes

    def _order(self, doc_id: str) -> tuple:
        known = self._known.get(doc_id)
        if known is None:
            doc = self.fetch(doc_id) if self.fetch else None
            key = order_key(doc) if doc else (True, date.max, datetime.max.replace(tzinfo=timezone.utc), doc_id)
            self._known[doc_id] = known = _Known(key)
        return known.order

    def _verified(self, doc_id: str, sh: np.ndarray, sig: np.ndarray) -> dict[str, float]:
        out: dict[str, float] = {}
        found = self.lsh.query(LeanMinHash(seed=_SEED, hashvalues=sig, scheme=SCHEME))
        self.near[doc_id] = sorted(c for c in found if c != doc_id)
        for cand in found:
            if cand == doc_id or cand not in self.sigs:
                continue
            other_sig, other_n = self.sigs[cand]
            if other_n < MIN_SHINGLES:
                continue
            jaccard = float(np.mean(other_sig == sig))
            shared = jaccard * (len(sh) + other_n) / (1 + jaccard)
            if shared / min(len(sh), other_n) < MIN_ESTIMATE:
                continue
            other = self.shingles_of(cand)
            if other is None or len(other) < MIN_SHINGLES:
                continue
            sim, of_larger = overlap(sh, other)
            if sim >= MIN_CONTAINMENT and of_larger >= MIN_LARGER_SHARE:
                out[cand] = sim
        return out

    def _join(self, doc_id: str, matches: dict[str, float]) -> list[CopyVerdict]:
        # every group's root is its earliest member, so the merged group's root is the earliest of
        # the roots: only members of the groups that lose their root are visited (a long-running
        # group of copies is not walked again for each new copy of it)
        roots = sorted({self.copy_of.get(m, m) for m in matches} | {doc_id})
        root = min(roots, key=self._order)
        best = max(matches.values())
        merged = self.members.setdefault(root, {root})
        verdicts = []
        for old_root in roots:
            if old_root == root:
                continue
            group = self.members.pop(old_root, {old_root})
            for member in sorted(group):
                if self.copy_of.get(member) != root:
                    self.copy_of[member] = root
                    verdicts.append(CopyVerdict(member, root, matches.get(member, best)))
            merged |= group
        self.copy_of.pop(root, None)  # if an earlier original arrived late, former originals now point at it
        return verdicts
