"""The week's work schedule (lịch công tác tuần): for each day of a week, morning and afternoon, the items built
from the events that open that week, their programmes' rows the leadership attends, the tasks chosen for the
schedule, and the items typed for that week only (WeekItem)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from nlv_events.core import event_reading, guard, versioned, when
from nlv_events.core.errors import UserError
from nlv_events.core.models import Event, ProgrammeItem, database_proxy
from nlv_events.core.records import EventRecord, PersonEntry
from nlv_events.core.task_models import PARTS_OF_DAY, Staff, Task, WeekItem
from nlv_events.i18n import _
from nlv_events.services.tasks.board import week_start
from nlv_events.services.tasks.task_list import tasks

# Who the leadership of the library is: a (deputy) director of the library itself, not of another body. A position
# may list several titles, the party's first: "Bí thư Đảng ủy, Giám đốc Thư viện Quốc gia Việt Nam".
_LEADER = re.compile(r"^(phó\s+)?giám\s+đốc\b", re.IGNORECASE)
# When no leader appears, who leads an event as the schedule says it.
_LEADING_ROLES = ("chair", "host", "moderator", "organiser", "curator")
# "Trưởng phòng Thông tin tuyên truyền" → the unit "Phòng Thông tin tuyên truyền" that prepares the event.
_UNIT = re.compile(r"\b(phòng|ban|trung tâm)\s+(.+)$", re.IGNORECASE)
NOON = dt.time(12, 0)


@dataclass
class WeekEntry:
    """One line of the schedule."""

    day: dt.date
    part: str  # morning | afternoon
    content: str
    time: dt.time | None = None
    leader: str = ""
    place: str = ""
    preparer: str = ""
    week_item_id: int | None = None  # a typed item's id (its own row), None for one built from the record
    version: int | None = None


@dataclass
class WeekSchedule:
    monday: dt.date
    entries: list[WeekEntry] = field(default_factory=list)

    @property
    def sunday(self) -> dt.date:
        return self.monday + dt.timedelta(days=6)

    def days(self) -> list[dt.date]:
        """Monday to Friday always (a working day with nothing planned says so), the weekend when it has items."""
        busy = {entry.day for entry in self.entries}
        every = [self.monday + dt.timedelta(days=offset) for offset in range(7)]
        return [day for day in every if day.weekday() < 5 or day in busy]

    def of(self, day: dt.date, part: str) -> list[WeekEntry]:
        rows = [entry for entry in self.entries if entry.day == day and entry.part == part]
        return sorted(rows, key=lambda entry: (entry.time is None, entry.time or NOON))


def part_of(time: dt.time | None) -> str:
    return "afternoon" if time is not None and time >= NOON else "morning"


def _is_leader(person: PersonEntry, library: str) -> bool:
    organisation = (person.organisation or "").casefold()
    titles = (person.position or "").split(",")
    return any(_LEADER.match(title.strip()) for title in titles) and organisation in ("", library.casefold())


def _names(people: list[PersonEntry], library: str) -> str:
    leaders = [person for person in people if _is_leader(person, library)]
    chosen = leaders or [person for person in people if person.role in _LEADING_ROLES]
    return "; ".join(" ".join(filter(None, (p.honorific, p.name))) + (f", {p.position}" if p.position else "")
                     for p in chosen)


def _units(record: EventRecord, owner_units: dict[int, list[str]]) -> str:
    """Who prepares an event: its task owners' units, else the unit named in its organiser's position."""
    owners = owner_units.get(record.id, []) if record.id is not None else []
    if owners:
        return "; ".join(dict.fromkeys(owners))
    for person in record.people:
        match = _UNIT.search(person.position or "") if person.role in _LEADING_ROLES else None
        if match:
            return f"{match.group(1).capitalize()} {match.group(2)}"
    return ""


def _owner_units(event_ids: list[int]) -> dict[int, list[str]]:
    """The units of each event's task owners, in the tasks' order: one query for the week's events (a query per
    event asked two hundred times for a busy week)."""
    found: dict[int, list[str]] = {}
    for start in range(0, len(event_ids), 500):
        query = (Task.select(Task.event, Staff.unit).join(Staff)
                 .where(Task.event.in_(event_ids[start : start + 500]) & Staff.unit.is_null(False))
                 .order_by(Task.event, Task.sort_order, Task.id))
        for event_id, unit in query.tuples():
            found.setdefault(event_id, []).append(unit)
    return found


def _event_ids(monday: dt.date, sunday: dt.date) -> list[int]:
    live = Event.deleted_at.is_null() & (Event.status != "cancelled")
    opening = Event.select(Event.id).where(live & Event.start_date.between(monday, sunday))
    # The week's programme rows by their day, then their events by id: joined, or as a subquery beside "live",
    # SQLite walked every live event (1.5 s, then 40 ms, among 100 000).
    that_week = (ProgrammeItem.select(ProgrammeItem.event).distinct()
                 .where(ProgrammeItem.start_date.between(monday, sunday)))
    candidates = [event_id for (event_id,) in that_week.tuples()]
    rows = Event.select(Event.id, Event.deleted_at, Event.status).where(event_reading.in_values(Event.id, candidates))
    with_rows = {event_id for event_id, deleted_at, status in (rows.tuples() if candidates else [])
                 if deleted_at is None and status != "cancelled"}
    return sorted({event_id for (event_id,) in opening.tuples()} | with_rows)


def _event_entries(record: EventRecord, monday: dt.date, sunday: dt.date, library: str,
                   owner_units: dict[int, list[str]]) -> list[WeekEntry]:  # fmt: skip
    entries: list[WeekEntry] = []
    place, preparer = record.venue or "", _units(record, owner_units)
    start_day = when.day_of(record.start)
    for row in record.programme:
        day = when.day_of(row.start)
        leader = _names(row.people, library) if any(_is_leader(p, library) for p in row.people) else ""
        if monday <= day <= sunday and leader:
            time = when.split(row.start)[1]
            entries.append(WeekEntry(day, part_of(time), f"{row.title} ({record.title})", time, leader,
                                     row.place or place, preparer))
    if monday <= start_day <= sunday and not any(entry.day == start_day for entry in entries):
        time = when.split(record.start)[1]
        entries.append(WeekEntry(start_day, part_of(time), record.title, time, _names(record.people, library),
                                 place, preparer))
    return entries


def _task_entries(monday: dt.date, sunday: dt.date) -> list[WeekEntry]:
    entries = []
    # A cancelled event is not on the schedule, nor is the work for it.
    for task in tasks(due_from=monday, due_before=sunday + dt.timedelta(days=1), on_schedule_only=True,
                      held_only=True):
        if task.state != "not_needed":
            entries.append(WeekEntry(task.due, "morning", f"{task.title} ({task.event_title})", None, task.owner))
    return entries


def typed_items(monday: dt.date) -> list[WeekEntry]:
    """The items typed for the week of `monday`, as stored."""
    sunday = monday + dt.timedelta(days=6)
    return [WeekEntry(when.as_date(item.day), item.part, item.content, when.as_time(item.time), item.leader or "",
                      item.place or "", item.preparer or "", item.id, item.version)
            for item in WeekItem.select().where(WeekItem.day.between(monday, sunday)).order_by(WeekItem.day,
                                                                                                 WeekItem.id)]


def schedule(any_day: dt.date, library: str = "Thư viện Quốc gia Việt Nam") -> WeekSchedule:
    """The schedule of the week (Monday to Sunday) holding `any_day`."""
    monday = week_start(any_day)
    sunday = monday + dt.timedelta(days=6)
    result = WeekSchedule(monday)
    event_ids = _event_ids(monday, sunday)
    owner_units = _owner_units(event_ids)
    for record in event_reading.load_records(event_ids):
        result.entries += _event_entries(record, monday, sunday, library, owner_units)
    result.entries += _task_entries(monday, sunday)
    result.entries += typed_items(monday)
    return result


def save_item(entry: WeekEntry) -> WeekEntry:
    """Store a typed item (new when it has no id); ConflictError when a colleague changed it since it was read."""
    if not entry.content.strip():
        raise UserError(_("An item of the schedule needs its content."))
    if entry.part not in PARTS_OF_DAY:
        raise UserError(_("An item is in the morning or the afternoon."))
    if entry.time is not None:
        entry.part = part_of(entry.time)  # never "Sáng" at 14:00
    columns = {"day": entry.day, "part": entry.part, "time": entry.time, "content": entry.content.strip(),
               "leader": entry.leader.strip() or None, "place": entry.place.strip() or None,
               "preparer": entry.preparer.strip() or None}
    with guard.database_errors(), database_proxy.atomic():
        if entry.week_item_id is None:
            entry.week_item_id = WeekItem.insert(**columns).execute()
            entry.version = 1
        else:
            what = _("the schedule's item “{content}”").format(content=entry.content)
            entry.version = versioned.write_or_conflict(WeekItem, entry.week_item_id, entry.version, columns,
                                                        lambda: versioned.conflict_error(what, []))
    return entry


def remove_item(item_id: int) -> None:
    with guard.database_errors():
        WeekItem.delete().where(WeekItem.id == item_id).execute()
