"""Work that makes a great many objects at once (reading and storing an interchange file of thousands of events):
Python's cycle collector is paused meanwhile.

The collector runs every few hundred new container objects and walks all the ones that survived, so a bulk
import — hundreds of thousands of dicts, lists and records alive until it ends — spent about a twelfth of its time
collecting nothing (issue #35). Paused, not disabled: the collector runs again when the outermost bulk work ends,
and frees whatever cycles it left.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def many_objects() -> Iterator[None]:
    """Pause the cycle collector for the block (nested blocks: the outermost restores it)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
