"""Events as an iCalendar file: one VEVENT each, with stable UIDs so a re-import updates, never duplicates.

A recurring series is written as calendar programs expect it: one VEVENT with its RRULE and EXDATEs (skipped and
cancelled days), and each occurrence changed on its own as a VEVENT with the same UID and a RECURRENCE-ID.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import zoneinfo

from nlv_events.core import event_reading, queries, vocab, when
from nlv_events.core.files import atomic_output
from nlv_events.core.models import Event
from nlv_events.core.records import EventRecord
from nlv_events.services.planning import series as series_service
from nlv_events.services.planning import series_rules

TIMEZONE = "Asia/Ho_Chi_Minh"
UID_DOMAIN = "nlv-events.nlv.gov.vn"
_STATUS = {"planned": "TENTATIVE", "confirmed": "CONFIRMED", "held": "CONFIRMED", "cancelled": "CANCELLED"}


def uid_for(ref: str) -> str:
    return f"{ref}@{UID_DOMAIN}"


def _zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(TIMEZONE)


def _entry(record: EventRecord, uid: str, stamp: dt.datetime):
    from icalendar import Event as CalendarEvent

    zone = _zone()
    entry = CalendarEvent()
    entry.add("uid", uid)
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
    entry.add("status", _status(record))
    if record.news_url:
        entry.add("url", record.news_url)
    return entry


def _status(record: EventRecord) -> str:
    return _STATUS.get(record.status, "CONFIRMED")


def _usual_status(records: list[EventRecord]) -> str:
    """The status most of a series' occurrences have (planned on a tie): the main entry states it, and each
    occurrence whose status differs gets its own entry, so an expanded calendar shows every one's real status."""
    live = [_status(record) for record in records if record.status != "cancelled"]
    return "confirmed" if live.count("CONFIRMED") > live.count("TENTATIVE") else "planned"


def _rule_moment(spec: series_service.SeriesSpec, day: dt.date) -> dt.date:
    """An occurrence's start as the rule gives it: the day at the series' time (in Hà Nội), or the whole day."""
    if spec.start_time is None:
        return day
    return dt.datetime.combine(day, spec.start_time, tzinfo=_zone())


def _ics_rule(spec: series_service.SeriesSpec) -> str:
    # RFC 5545: a timed series' UNTIL is a UTC time (the last occurrence's start), a whole-day series' a date.
    until = series_rules.rule_until(spec.rule)
    if until is None or spec.start_time is None:
        return spec.rule
    last = dt.datetime.combine(until, spec.start_time, tzinfo=_zone()).astimezone(dt.UTC)
    return series_service.with_until(spec.rule, until).replace(
        f"UNTIL={until.strftime('%Y%m%d')}", f"UNTIL={last.strftime('%Y%m%dT%H%M%SZ')}"
    )


def _add_series(calendar, spec: series_service.SeriesSpec, stamp: dt.datetime) -> None:
    from icalendar.prop import vRecur

    rule_days = series_service.rule_days(spec.rule, spec.start)
    members = {
        when.as_date(event.series_date): event
        for event in series_service.occurrences(spec.id)  # type: ignore[arg-type]
    }
    records = {
        record.id: record
        for record in event_reading.listing_records(queries.events().where(Event.series_id == spec.id))
    }
    first = rule_days[0]
    kept = [record for event in members.values() if (record := records.get(event.id)) is not None]
    master_record = series_service.occurrence_record(spec, first)  # the rule's first day, as the rule makes it
    master_record.status = _usual_status(kept)
    uid = uid_for(spec.ref or f"series-{spec.id}")
    master = _entry(master_record, uid, stamp)
    master.add("rrule", vRecur.from_ical(_ics_rule(spec)))
    excluded = []
    exceptions = []
    for day in rule_days:
        event = members.get(day)
        record = records.get(event.id) if event is not None else None
        if record is None or record.status == "cancelled":
            excluded.append(_rule_moment(spec, day))  # skipped, cancelled or deleted
            continue
        expected = series_service.occurrence_record(spec, day)
        if _status(record) != _status(master_record) or (
            record.start,
            record.end,
            record.title,
            record.venue,
            record.kind,
        ) != (expected.start, expected.end, expected.title, expected.venue, expected.kind):
            exception = _entry(record, uid, stamp)
            exception.add("recurrence-id", _rule_moment(spec, day))
            exceptions.append(exception)
    if excluded:
        master.add("exdate", excluded)
    calendar.add_component(master)
    for exception in exceptions:
        calendar.add_component(exception)


def build_calendar(
    records: list[EventRecord], series_of: dict[int, int] | None = None, stamp: dt.datetime | None = None
):
    """The calendar of `records`; those whose id `series_of` maps to a series are written as that series. `stamp`
    (DTSTAMP, now when None): the public calendar gives the events' last change, so an unchanged site is the same
    bytes."""
    from icalendar import Calendar

    series_of = series_of or {}
    calendar = Calendar()
    calendar.add("prodid", "-//Thu vien Quoc gia Viet Nam//NLV Events//VI")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "NLV Events")
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    written_series: list[int] = []
    for record in records:
        series_id = series_of.get(record.id)  # type: ignore[arg-type]
        if series_id is not None:
            if series_id not in written_series:
                written_series.append(series_id)
            continue
        calendar.add_component(_entry(record, uid_for(record.ref or str(record.id)), stamp))
    for series_id in written_series:
        _add_series(calendar, series_service.load(series_id), stamp)
    add_missing_timezones(calendar)
    return calendar


@functools.cache
def _timezone_text(tzid: str) -> bytes | None:
    """The VTIMEZONE of `tzid` as icalendar writes it, None for a zone it does not know."""
    from icalendar import Timezone

    try:
        return Timezone.from_tzid(tzid).to_ical()
    except ValueError:
        return None


def add_missing_timezones(calendar) -> None:
    """icalendar's `Calendar.add_missing_timezones`, each zone's component made once a process: icalendar works it
    out from the zone's transitions, 38 ms for Asia/Ho_Chi_Minh, and asks to cache it. Thirty invitations by
    e-mail each built it again (1.2 s of the 4 s the sending took)."""
    from icalendar import Timezone

    position = len(calendar.timezones)
    for tzid in calendar.get_missing_tzids():
        text = _timezone_text(tzid)
        if text is not None:
            calendar.subcomponents.insert(position, Timezone.from_ical(text))
            position += 1


def write_ics(path: str | os.PathLike[str], year: int | None = None) -> int:
    """Write the events (of `year`, or all) to `path`; returns how many: the events the list shows, a series'
    occurrences each (a calendar program shows each one, from the series' one entry and its rule)."""
    records = event_reading.listing_records(queries.events(year=year))
    linked = Event.select(Event.id, Event.series_id).where(Event.series_id.is_null(False) & Event.deleted_at.is_null())
    series_of = {row.id: row.series_id for row in linked}
    calendar = build_calendar(records, series_of)
    with atomic_output(path, "wb") as stream:
        stream.write(calendar.to_ical())
    return len(records)
