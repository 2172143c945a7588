"""Searching as a user types: each query entered letter by letter and deleted again, one table update a key."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def keystrokes(text: str) -> list[str]:
    """The search box's text after each key: `text` typed one letter at a time, then deleted with backspace."""
    forward = [text[:end] for end in range(1, len(text) + 1)]
    return forward + forward[-2::-1] + [""]


def letter_by_letter(window, application, queries: list[str], baseline_ms: float, figure: Callable[..., dict]) -> dict:
    """The median time from a key to the table updated, over every key of typing and deleting `queries` (the
    window holds 100 000 events). The debounce is skipped, as if each key came after the typist paused."""

    def key(text: str) -> float:
        started = time.perf_counter()
        window.search_box.setText(text)
        window._apply_search()
        application.processEvents()
        return time.perf_counter() - started

    for text in keystrokes(queries[0]):  # warm-up: the first search builds the index of folded texts
        key(text)
    samples = [key(text) for _ in range(2) for query in queries for text in keystrokes(query)]
    return figure(
        "search update at each keystroke, 100,000 events (typed letter by letter and deleted)",
        statistics.median(samples) * 1000,
        "ms",
        30,
        baseline_ms,
        note=f"median of {len(samples)} keys; baseline: the plain sqlite3 query of a whole search",
    )
