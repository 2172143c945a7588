"""Work that makes a great many objects at once and keeps them until it ends (reading and storing an interchange
file of thousands of events, a year's records, a long printout): Python's cycle collector is paused meanwhile.

The collector runs every few hundred new container objects and walks all the ones that survived, so a bulk
import — hundreds of thousands of dicts, lists and records alive until it ends — spent about a twelfth of its time
collecting nothing, and a year-end list of 10 000 events a quarter of its time (issue #35). Paused, not disabled:
reference counting still frees what the work drops, and the collector runs again when the outermost pause ends
(in any thread), finding whatever cycles it left.

What the work keeps for long is moved, when it says so (`keep_made`), to the collector's oldest generation at
once (freezing and thawing moves every generation there without walking it). Left in the youngest, it was all
walked by the next young collection, and again by the middle one: the 390 000 objects a 10 000-event list keeps
for its Word version, 140-160 ms; the millions of a 100 000-event interchange file read for an import, about half
a second each. Only what is kept: garbage moved there (a printout's ReportLab objects, some megabytes a printout)
would wait for a full collection, which the move does not hasten, and a window open all day would pile it up. So a
printout moves its model before it draws; its PDF document is freed as its build ends (`pdf_page.let_go`), and
whatever other cycles its drawing leaves are found by the young collection after the pause.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_was_enabled = False


@contextmanager
def many_objects() -> Iterator[None]:
    """Pause the cycle collector until the outermost of these (in any thread) ends, then restore it as it was."""
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


def keep_made() -> None:
    """What was made since the collector last ran is kept for long: move it to the collector's oldest generation
    now, unwalked (see the module's docstring). Call it when the work's garbage is gone and only what it keeps is
    left. Skipped when something else has frozen objects, which thawing would release."""
    with _lock:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
