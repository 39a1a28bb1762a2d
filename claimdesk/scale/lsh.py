"""MinHash signatures and LSH band keys of one document, computed in the executors.

Shingles, signatures and thresholds are those of `claimdesk.corroborate.copies`, so the batch job
finds the copies `claimdesk corroborate` finds: the same bands of the same signatures give the same
candidate pairs as its datasketch MinHashLSH index.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from claimdesk.corroborate import copies as single


@dataclass(frozen=True)
class LshParams:
    num_perm: int = single.NUM_PERM
    bands: int = single.LSH_BANDS[0]
    rows: int = single.LSH_BANDS[1]
    min_estimate: float = single.MIN_ESTIMATE        # containment estimated from the signatures
    min_containment: float = single.MIN_CONTAINMENT  # verdict, on the exact shingle sets
    min_shingles: int = single.MIN_SHINGLES


def shingles(text: str) -> list[int]:
    """Sorted unique 32-bit hashes of the text's shingles."""
    return [int(v) for v in single.shingles(text)]


def signature(shingle_hashes: list[int]) -> list[int]:
    import numpy as np

    return [int(v) for v in single.signature(np.asarray(shingle_hashes, dtype=np.uint64))]


def band_keys(sig: list[int], params: LshParams) -> list[int]:
    """One signed 64-bit key per band; two documents are candidates when any band's keys are equal.

    The band index is hashed in, so equal values in different bands never meet in the join.
    """
    keys = []
    for band in range(params.bands):
        chunk = ",".join(map(str, sig[band * params.rows:(band + 1) * params.rows]))
        digest = hashlib.blake2b(f"{band}:{chunk}".encode(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys
