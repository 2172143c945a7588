"""A long write (an import of thousands of events or guests) in several transactions, so that colleagues can save
in between: each transaction sized by how long the last one took, and on SQLite the write lock left free now and
then.

A colleague's save waits 5 s at most, and gets in only between two transactions. How long one takes depends on
what it writes: 500 events new to the store (a first import) take about 0.1 s, 500 that update stored events (or
are matched one by one, having no ref) 3 s. So the first transaction has BATCH_SIZE items, and each next one is
doubled while they are quick (up to LARGEST_BATCH), cut to about SECONDS_PER_BATCH when slow (down to
SMALLEST_BATCH). A 100 000-event first import then writes 2 000 events a transaction, about 1.5 s faster than at
500 with four times fewer commits; an import that updates keeps each transaction near half a second.

SQLite has one write lock, and a long write takes it again the moment it commits: a colleague's save, polling for
it every 0.1 s, never got in and was refused "busy" after its 5 s. After every WRITING_BEFORE_PAUSE seconds of
transactions the lock is left free for PAUSE seconds, longer than the colleague's poll, so their save goes through
within about 2 s (0.11 s in 2 s of writing: 5 % of a long import's time). PostgreSQL locks rows, not the store,
and has no such pause. (docs/performance.md, "Transactions sized by their time".)
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import peewee

from nlv_events.core.models import database_proxy

BATCH_SIZE = 500
LARGEST_BATCH = 2000
SMALLEST_BATCH = 50
SECONDS_PER_BATCH = 0.5
WRITING_BEFORE_PAUSE = 2.0
PAUSE = 0.11
_clock = time.monotonic  # a test gives its own


def next_batch_size(size: int, seconds: float) -> int:
    """The items of the next transaction, after one of `size` items took `seconds`."""
    if seconds < SECONDS_PER_BATCH / 2:
        return min(size * 2, LARGEST_BATCH)
    if seconds > SECONDS_PER_BATCH * 2:
        return max(SMALLEST_BATCH, int(size * SECONDS_PER_BATCH / seconds))
    return size


def batches(total: int, batch_size: int | None = None) -> Iterator[tuple[int, int]]:
    """`(start, end)` of each transaction over `total` items, once at least (a file of plans alone): the caller
    writes items `start` to `end` in one transaction before asking for the next. Sized by time, or each of
    `batch_size` items when given; on SQLite, the lock is left free for a moment after every 2 s of writing."""
    size = batch_size or BATCH_SIZE
    one_write_lock = isinstance(database_proxy.obj, peewee.SqliteDatabase)
    start, writing = 0, 0.0
    while True:
        began = _clock()
        yield start, min(start + size, total)
        took = _clock() - began
        start += size
        if start >= total:
            return
        if batch_size is None:
            size = next_batch_size(size, took)
        writing += took
        if one_write_lock and writing >= WRITING_BEFORE_PAUSE:
            time.sleep(PAUSE)  # the lock free for a colleague's save
            writing = 0.0
