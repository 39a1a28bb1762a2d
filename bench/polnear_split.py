"""The part of PolNeAR train held out from all tuning: whole articles, chosen by a hash of the
article's file name (fixed on 2026-12-02 before any figure on it was looked at).

PolNeAR dev has been tuned on for long enough to be a development set; these ~10 % of train are
the test-like part. Cue learning (train_attribution_cues.py) leaves them out; eval_attribution.py
measures on them with `--split heldout`, once, at the end of a round of work.
"""

from __future__ import annotations

import hashlib

HELD_OUT_BUCKETS = 10  # one bucket in ten


def held_out(article: str) -> bool:
    """Whether the train article named `article` (file name without annotator and extension,
    e.g. 'nyt_2016-05-01_some-title') belongs to the held-out part."""
    digest = hashlib.sha256(article.encode("utf-8")).hexdigest()
    return int(digest, 16) % HELD_OUT_BUCKETS == 0
