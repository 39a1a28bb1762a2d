"""Worker processes for the per-document stages (audit, claim extraction): results in input order,
so any number of workers gives the same output as one.

Workers are forked after the spaCy model is loaded, so they share its memory and start at once.
With one worker nothing is forked: the function runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Optional, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    """Every core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def checked_workers(workers: Optional[int]) -> int:
    if workers is None:
        return default_workers()
    if workers < 1:
        raise ValueError(f"expected at least 1 worker, got {workers}")
    return workers


class OrderedPool:
    """`map` over items in `workers` processes, yielding results in the items' order.

    >>> with OrderedPool(1) as pool:
    ...     list(pool.map(len, ["ab", "c"]))
    [2, 1]
    """

    def __init__(self, workers: int, prepare: Optional[Callable[[], object]] = None):
        self.workers = checked_workers(workers)
        self._prepare = prepare
        self._pool = None

    def __enter__(self) -> "OrderedPool":
        if self.workers > 1:
            if self._prepare:
                self._prepare()  # e.g. load the model once, before forking, so workers share it
            self._pool = multiprocessing.get_context("fork").Pool(self.workers)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            if exc[0] is None:
                self._pool.close()
            else:
                self._pool.terminate()
            self._pool.join()
            self._pool = None

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """fn(item) for each item, in order. At most two tasks per worker are in flight, so a long
        stream of inputs is read as the workers need it, not all at once (Pool.imap would queue
        every item first)."""
        if self._pool is None:
            yield from map(fn, items)
            return
        pending: deque = deque()
        for item in items:
            pending.append(self._pool.apply_async(fn, (item,)))
            if len(pending) >= 2 * self.workers:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
