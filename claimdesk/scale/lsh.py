"""MinHash signatures and LSH band keys of one document, computed in the executors.

Shingling and MinHash settings come from `claimdesk.corroborate.copies` when it provides them, so
the batch job and `claimdesk corroborate` find the same copies; bands and rows per band are the
ones datasketch's MinHashLSH picks for the same threshold, so both see the same candidate pairs.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class LshParams:
    num_perm: int = 128
    threshold: float = 0.8
    shingle_words: int = 5
    seed: int = 1

    @property
    def bands_rows(self) -> tuple[int, int]:
        from datasketch.lsh import _optimal_param

        return _optimal_param(self.threshold, self.num_perm, 0.5, 0.5)


def shingles(text: str, size: int) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def signature(text: str, params: LshParams) -> list[int]:
    """The MinHash hash values of `text` (each < 2**32, so they fit Spark's bigint)."""
    from datasketch import MinHash

    mh = MinHash(num_perm=params.num_perm, seed=params.seed)
    mh.update_batch([s.encode("utf-8") for s in shingles(text, params.shingle_words)])
    return [int(v) for v in mh.hashvalues]


def band_keys(sig: list[int], params: LshParams) -> list[int]:
    """One signed 64-bit key per band; two documents are candidates when any band's keys are equal.

    The band index is hashed in, so equal values in different bands never meet in the join.
    """
    bands, rows = params.bands_rows
    keys = []
    for band in range(bands):
        chunk = ",".join(map(str, sig[band * rows:(band + 1) * rows]))
        digest = hashlib.blake2b(f"{band}:{chunk}".encode(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys
