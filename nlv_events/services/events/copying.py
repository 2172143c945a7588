"""Planning helpers: copying an event (to the same dates, or to next year as Book Day is planned)."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import MISSING, fields

from nlv_events.core.records import CLEAR, REWRITE, SHIFT, EventRecord, copied_as
from nlv_events.i18n import _


def _shift_year(moment: dt.date | None, years: int) -> dt.date | None:
    if moment is None:
        return None
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February in a year without one
        return moment.replace(year=moment.year + years, day=28)


# What a copy to another year puts in the fields declared CLEAR: each one's default ("planned", None).
_DEFAULTS_OF_CLEARED = {
    item.name: item.default
    for item in fields(EventRecord)
    if item.name in copied_as(CLEAR) and item.default is not MISSING
}


def duplicate(record: EventRecord) -> EventRecord:
    """A new, unsaved copy of `record` with the same dates, marked as a copy."""
    twin = copy.deepcopy(record)
    twin.id = None
    twin.ref = None
    twin.version = None
    twin.title = _("{title} (copy)").format(title=record.title)
    return twin


def duplicate_to_next_year(record: EventRecord, years: int = 1, rename: bool = True) -> EventRecord:
    """A new, planned copy of `record` a year later, with its programme moved too and what belongs to the event
    that was held (its status, figures and news link: the fields declared CLEAR in core/records.py) back to their
    defaults; `rename` replaces the year in the texts declared REWRITE (the window proposes every text change
    instead, through services.duplicate_year)."""
    twin = copy.deepcopy(record)
    twin.id = None
    twin.ref = None
    twin.version = None
    for name, default in _DEFAULTS_OF_CLEARED.items():
        setattr(twin, name, default)
    for name in copied_as(SHIFT):
        setattr(twin, name, _shift_year(getattr(record, name), years))
    old_year, new_year = str(record.start.year), str(twin.start.year)
    for name in copied_as(REWRITE) if rename else ():
        text = getattr(twin, name)
        if text and old_year in text:
            setattr(twin, name, text.replace(old_year, new_year))
    for row in twin.programme:
        row.start = _shift_year(row.start, years)  # type: ignore[assignment]
        row.end = _shift_year(row.end, years)
    return twin
