"""The window's first rows, read ahead: the year the window will open on is read in a thread while the window's
modules load and its widgets are built, instead of after them (issue #35).

Reading a year of 10 000 events is mostly SQLite's work, which lets the interpreter go on with the window meanwhile;
the second core does it. The rows are taken once, by the window's first load of that year: every later load reads
afresh. A failed reading is not reported here: the window then reads the year itself, and says what went wrong.
"""

from __future__ import annotations

import logging
import threading

from nlv_events.core import queries
from nlv_events.services.events.rows import EventRow, load_rows
from nlv_events.services.workspace.connection import close_thread_connection

log = logging.getLogger(__name__)


class _Reading:
    def __init__(self, year: int | None) -> None:
        self.year = year
        self.rows: list[EventRow] | None = None
        self.thread = threading.Thread(target=self._read, name="nlv-rows-ahead", daemon=True)

    def _read(self) -> None:
        try:
            self.rows = load_rows(self.year, in_one_step=True)  # beside the window's work: see rows._in_one_step
        except Exception:  # the window's own load reads again and says why
            log.debug("reading the first rows ahead failed", exc_info=True)
        finally:
            close_thread_connection()  # peewee's connection of this thread, not the window's


_ahead: _Reading | None = None


def year_to_open(saved: object) -> int | None:
    """The year the window opens on, as its year selector chooses it: the saved year if it holds events, else the
    newest; None for all years (the saved 0) or an empty record."""
    years = queries.years_with_events()
    if saved not in (None, ""):
        try:
            wanted = int(saved)  # type: ignore[call-overload]  # QSettings gives back "2024" or 2024
        except (TypeError, ValueError):
            wanted = -1
        if wanted == 0:
            return None
        if wanted in years:
            return wanted
    return years[0] if years else None


def start(year: int | None) -> None:
    """Begin reading `year`'s rows (None: every year's) in a thread of their own."""
    global _ahead
    forget()
    _ahead = _Reading(year)
    _ahead.thread.start()


def take(year: int | None) -> list[EventRow] | None:
    """The rows read ahead for `year`, once; None when none were, they were for another year, or reading failed."""
    reading = forget()
    return reading.rows if reading is not None and reading.year == year else None


def forget() -> _Reading | None:
    """Stop waiting for rows read ahead (the reading is let finish first: its connection is closed by its thread)."""
    global _ahead
    reading, _ahead = _ahead, None
    if reading is not None:
        reading.thread.join()
    return reading
