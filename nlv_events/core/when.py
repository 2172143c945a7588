"""Moments of events: a whole day (a `date`) or a day and a time (a `datetime`), and their ISO text form."""

from __future__ import annotations

import datetime as dt
import functools
import re

Moment = dt.date  # a `datetime` is a `date` too: the type of every start and end


def is_timed(moment: dt.date | None) -> bool:
    return isinstance(moment, dt.datetime)


# The one written form of a day, and of a day with a time (seconds optional), that the app reads from text. Python's
# fromisoformat alone also takes "2023-W16-5" (an ISO week), "20230421" and "2023-04-21T08" on 3.11: a typo there
# would be stored as some other day without a word.
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
_DAY_AND_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?", re.ASCII)


def parse_day(text: str) -> dt.date:
    """Parse a day written "2023-04-21" and nothing else; raises ValueError for any other form or an impossible day.
    Every date the app reads from text (command-line options, files, settings, typed lists) goes through here."""
    text = text.strip()
    if not _DAY.fullmatch(text):
        raise ValueError(text)
    return dt.date.fromisoformat(text)


# A file repeats its moments (a programme's rows, an event's days): 900 000 parsed for 100 000 events, a few
# thousand different days with a few times each. A date is immutable, so a parsed one may be handed out again.
@functools.lru_cache(maxsize=1 << 16)
def parse(text: str) -> dt.date:
    """Parse "2023-04-21" or "2023-04-21T08:00" (seconds allowed); raises ValueError for anything else."""
    text = text.strip()
    if _DAY.fullmatch(text):
        return dt.date.fromisoformat(text)
    if not _DAY_AND_TIME.fullmatch(text):
        raise ValueError(text)
    return dt.datetime.fromisoformat(text.replace(" ", "T", 1)).replace(microsecond=0)


def parse_day_and_time(text: str) -> dt.datetime:
    """Parse "2023-04-21T08:00" (seconds allowed) and nothing else; raises ValueError."""
    moment = parse(text)
    if not isinstance(moment, dt.datetime):
        raise ValueError(text)
    return moment


def to_iso(moment: dt.date | None) -> str | None:
    if moment is None:
        return None
    if is_timed(moment):
        assert isinstance(moment, dt.datetime)
        if moment.second or moment.year < 1000:  # strftime writes year 999 as "999"; isoformat as "0999"
            return moment.strftime("%Y-%m-%dT%H:%M") if moment.second == 0 else moment.isoformat()
        return moment.isoformat(timespec="minutes")  # the same text as strftime's, ten times faster
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
    return _stored_day(str(value)[:10])


def as_time(value: object) -> dt.time | None:
    if value is None or isinstance(value, dt.time):
        return value  # type: ignore[return-value]
    return _stored_time(str(value))


# A year's rows repeat a few hundred days and times: each text parsed once (dates and times are immutable).
@functools.lru_cache(maxsize=4096)
def _stored_day(text: str) -> dt.date:
    return parse_day(text)


@functools.lru_cache(maxsize=4096)
def _stored_time(text: str) -> dt.time:
    return dt.time.fromisoformat(text)
