"""Corroboration: near-duplicate copies, claims grouped into stories, contradictions and status.

    from claimdesk.corroborate import corroborate
    report = corroborate(store)            # only documents not corroborated yet
    report = corroborate(store, incremental=False)   # forget earlier results and redo everything

Per batch of new documents (in publication order): find copies (`copies`), place each document in
an event cluster (`clusters`), place the new claims among the stories of their neighbourhood of
clusters (`grouping`), and recompute contradictions and status (`contradictions`, `status`) of the
stories that gained mentions or whose documents' copy verdicts changed, from their stored claims.

The engine (`engine`) runs the batches; what a later batch needs is kept in the store (`claimdesk.store.corroboration`), and a batch costs
its own work only:
- a story's centroid, lead claim and countries are stored (table `story_state`), so a new claim is
  added to it without reloading the story's claims;
- the stories a new claim may join are those with a mention published at most `STORY_WINDOW_DAYS`
  before the batch in its neighbourhood; a story holds at most `grouping.MAX_MENTIONS` mentions
  (then a continuation story takes over), so recomputing a story's status is bounded too;
- only changed rows are written: new mentions, changed drafts and story rows.

An uninterrupted run and a run resumed between batches give the same stories: every batch reads
what it needs from the store, and what stays in memory (clusters, copies, term statistics) is
stored exactly and reloaded in the same order. Results do not depend on hash seeds: wherever order
decides a tie, ids are sorted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Optional

from claimdesk.corroborate import engine
from claimdesk.corroborate.engine import BATCH_SIZE, CorroborationReport, Progress
from claimdesk.corroborate.pins import apply_reviews
from claimdesk.store import Store


def corroborate(store: Store, incremental: bool = True, batch_size: int = BATCH_SIZE,
                progress: Optional[Progress] = None, on_total: Optional[Callable[[int], None]] = None,
                ) -> CorroborationReport:
    """Corroborate the documents not processed yet (all of them when `incremental` is False), then
    put reviewers' merges, moves and statuses back over what the machine grouped (`pins`)."""
    report = engine.corroborate(store, incremental, batch_size, progress, on_total)
    apply_reviews(store)
    return report


__all__ = ["CorroborationReport", "corroborate"]
