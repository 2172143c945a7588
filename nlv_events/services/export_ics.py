"""Events as an iCalendar file: one VEVENT each, with stable UIDs so a re-import updates, never duplicates."""

from __future__ import annotations

import datetime as dt
import os
import zoneinfo

from nlv_events.core import queries, store, vocab, when
from nlv_events.core.records import EventRecord
from nlv_events.services.files import atomic_output

TIMEZONE = "Asia/Ho_Chi_Minh"
UID_DOMAIN = "nlv-events.nlv.gov.vn"
_STATUS = {"planned": "TENTATIVE", "confirmed": "CONFIRMED", "held": "CONFIRMED", "cancelled": "CANCELLED"}


def uid_for(ref: str) -> str:
    return f"{ref}@{UID_DOMAIN}"


def build_calendar(records: list[EventRecord]):
    from icalendar import Calendar
    from icalendar import Event as CalendarEvent

    zone = zoneinfo.ZoneInfo(TIMEZONE)
    calendar = Calendar()
    calendar.add("prodid", "-//Thu vien Quoc gia Viet Nam//NLV Events//VI")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "NLV Events")
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for record in records:
        entry = CalendarEvent()
        entry.add("uid", uid_for(record.ref or str(record.id)))
        entry.add("summary", record.title)
        entry.add("dtstamp", stamp)
        entry.add("sequence", record.version or 1)
        if when.is_timed(record.start):
            entry.add("dtstart", record.start.replace(tzinfo=zone))  # type: ignore[call-arg]
            end = record.end if record.end is not None else record.start
            if not when.is_timed(end):
                end = dt.datetime.combine(end, dt.time(23, 59))
            entry.add("dtend", end.replace(tzinfo=zone))  # type: ignore[call-arg]
        else:
            last_day = when.day_of(record.end) if record.end is not None else record.start
            entry.add("dtstart", when.day_of(record.start))
            entry.add("dtend", last_day + dt.timedelta(days=1))  # DTEND of an all-day event is exclusive
        if record.venue:
            entry.add("location", record.venue)
        description = "\n".join(part for part in (record.theme, record.occasion, record.description) if part)
        if description:
            entry.add("description", description)
        entry.add("categories", [vocab.label("kind", record.kind)])
        entry.add("status", _STATUS.get(record.status, "CONFIRMED"))
        if record.news_url:
            entry.add("url", record.news_url)
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar


def write_ics(path: str | os.PathLike[str], year: int | None = None) -> int:
    """Write the events (of `year`, or all) to `path`; returns how many were written."""
    records = store.listing_records(queries.events(year=year))
    calendar = build_calendar(records)
    with atomic_output(path, "wb") as stream:
        stream.write(calendar.to_ical())
    return len(records)
