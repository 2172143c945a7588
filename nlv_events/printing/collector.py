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
    what a printout drops; only cycles wait until the collector runs again."""
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
                gc.enable()
