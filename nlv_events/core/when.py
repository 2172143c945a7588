"""Moments of events: a whole day (a `date`) or a day and a time (a `datetime`), and their ISO text form."""

from __future__ import annotations

import datetime as dt

Moment = dt.date  # a `datetime` is a `date` too: the type of every start and end


def is_timed(moment: dt.date | None) -> bool:
    return isinstance(moment, dt.datetime)


def parse(text: str) -> dt.date:
    """Parse "2023-04-21" or "2023-04-21T08:00" (seconds allowed); raises ValueError for anything else."""
    text = text.strip()
    if "T" in text or " " in text:
        value = dt.datetime.fromisoformat(text.replace(" ", "T", 1))
        if value.tzinfo is not None:
            raise ValueError(text)
        return value.replace(microsecond=0)
    if len(text) != 10:
        raise ValueError(text)
    return dt.date.fromisoformat(text)


def to_iso(moment: dt.date | None) -> str | None:
    if moment is None:
        return None
    if is_timed(moment):
        assert isinstance(moment, dt.datetime)
        return moment.strftime("%Y-%m-%dT%H:%M") if moment.second == 0 else moment.isoformat()
    return moment.isoformat()


def split(moment: dt.date | None) -> tuple[dt.date | None, dt.time | None]:
    """The date and (for a timed moment) the time, as the store keeps them."""
    if moment is None:
        return None, None
    if isinstance(moment, dt.datetime):
        return moment.date(), moment.time()
    return moment, None


def join(day: dt.date | None, time: dt.time | None) -> dt.date | None:
    if day is None:
        return None
    return dt.datetime.combine(day, time) if time is not None else day


def day_of(moment: dt.date) -> dt.date:
    return moment.date() if isinstance(moment, dt.datetime) else moment


def precedes(end: dt.date, start: dt.date) -> bool:
    """True when `end` lies before `start`; a whole day compares by its date alone."""
    if is_timed(end) and is_timed(start):
        return end < start
    return day_of(end) < day_of(start)


def as_date(value: object) -> dt.date | None:
    """A date from a database cell: SQLite gives text, PostgreSQL a date."""
    if value is None or isinstance(value, dt.date):
        return value  # type: ignore[return-value]
    return dt.date.fromisoformat(str(value)[:10])


def as_time(value: object) -> dt.time | None:
    if value is None or isinstance(value, dt.time):
        return value  # type: ignore[return-value]
    return dt.time.fromisoformat(str(value))
