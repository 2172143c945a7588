"""Work that makes a great many objects at once and keeps them until it ends (reading and storing an interchange
file of thousands of events, a year's records, a long printout): Python's cycle collector is paused meanwhile.

The collector runs every few hundred new container objects and walks all the ones that survived, so a bulk
import — hundreds of thousands of dicts, lists and records alive until it ends — spent about a twelfth of its time
collecting nothing, and a year-end list of 10 000 events a quarter of its time (issue #35). Paused, not disabled:
reference counting still frees what the work drops, and the collector runs again when the outermost pause ends
(in any thread), finding whatever cycles it left.

When it resumes, what was made in the pause goes straight to the collector's oldest generation (freezing and
thawing moves every generation there at once, without walking them). Left in the youngest, it was all walked by
the next young collection, and again by the middle one: the 390 000 objects a 10 000-event list keeps for its Word
version, 140-160 ms; the millions of a 100 000-event interchange file read for an import, about half a second
each. Cycles among them are freed by the next full collection. Skipped when something else has frozen objects,
which thawing would release.
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
    """Pause the cycle collector until the outermost of these (in any thread) ends, then restore it as it was,
    with what was made meanwhile in its oldest generation."""
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
                    gc.freeze()  # see the module's docstring: into the oldest generation, unwalked
                    gc.unfreeze()
                gc.enable()
