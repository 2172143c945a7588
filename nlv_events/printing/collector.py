"""The cyclic garbage collector paused while a printout is laid out and drawn."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector until the outermost of these (in any thread) ends, then restore it as it was.

    A long printout keeps every row it prepares until the last page: the 10 000 rows of a year-end list, their cells
    and ReportLab's objects, which each full collection walked again, a quarter of the list's time (paired runs with
    the collector on and off), while a list of 1 000 events lost nothing to it. Reference counting still frees
    what a printout drops; only cycles wait until the collector runs again.

    When it resumes, what was made in the pause goes straight to the collector's oldest generation (freezing and
    thawing moves every generation there at once, without walking them): left in the youngest, the 390 000 objects
    a 10 000-event list keeps for its Word version were all walked by the next young collection, 140-160 ms, and
    again by the middle one. Cycles among them are freed by the next full collection. Skipped when something else
    has frozen objects, which thawing would release."""
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                if gc.get_freeze_count() == 0:
                    gc.freeze()  # see the docstring: into the oldest generation, unwalked
                    gc.unfreeze()
                gc.enable()
