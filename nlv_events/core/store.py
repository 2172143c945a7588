"""Writing and reading whole events: the one place that turns records into rows and back."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from typing import Any

import peewee

from nlv_events.core import guard, matching, rules, when
from nlv_events.core.errors import ConflictError, UserError
from nlv_events.core.models import (
    AnnualPlan,
    Event,
    EventPartner,
    EventPerson,
    Organisation,
    Person,
    ProgrammeItem,
    ProgrammePerson,
    Venue,
    database_proxy,
)
from nlv_events.core.records import (
    CODE,
    COUNT,
    MOMENT,
    TEXT,
    EventRecord,
    PersonEntry,
    PlanEntry,
    ProgrammeEntry,
    field_names,
    searched_fields,
)
from nlv_events.core.text import fold
from nlv_events.i18n import _


def new_ref() -> str:
    return uuid.uuid4().hex


def _found_or_created(model, name: str, find):
    """The stored row `find(name)` matches, else a new one. Two savers may create the same name at once (on a
    shared database): the second one's insert fails on the unique name, and it takes the first one's row."""
    found = find(name)
    if found is not None:
        return found
    try:
        with database_proxy.atomic():  # a savepoint: the failed insert leaves the save going
            return model.create(name=name)
    except peewee.IntegrityError:
        return find(name) or model.get(model.name == name)


def _venue(name: str | None) -> Venue | None:
    if not name:
        return None
    # One hall typed twice ("thư viện" for "Thư viện") is one venue, not a near-duplicate.
    return _found_or_created(Venue, name, matching.existing)


def _organisation(name: str | None) -> Organisation | None:
    if not name:
        return None
    return _found_or_created(Organisation, name, lambda text: matching.existing_named(Organisation, text))


def _person(name: str) -> Person:
    """The stored person of that name (matched ignoring case and spacing), or a new one."""
    return _found_or_created(Person, name, lambda text: matching.existing_named(Person, text))


def search_text(record: EventRecord) -> str:
    """The folded text that search looks in: titles, theme, occasion, venue, partners and people."""
    people = [p.name for p in record.people]
    for entry in record.programme:
        people.extend(p.name for p in entry.people)
    parts: Iterable[str | None] = (
        *(getattr(record, name) for name in searched_fields()),
        *record.partners,
        *people,
    )
    return fold(" | ".join(part for part in parts if part))


def changed_fields(old: EventRecord, new: EventRecord) -> list[str]:
    """The declared fields in which `new` differs from `old`, in the order a user reads them."""
    return [name for name in field_names() if getattr(old, name) != getattr(new, name)]


# The event's own columns: each declared text, code and count field is the column of its name; a moment is a
# date column and a time column.
_PLAIN_FIELDS = field_names(TEXT, CODE, COUNT)
_MOMENT_FIELDS = field_names(MOMENT)


def _event_columns(record: EventRecord) -> dict[str, Any]:
    columns: dict[str, Any] = {name: getattr(record, name) for name in _PLAIN_FIELDS}
    for name in _MOMENT_FIELDS:
        columns[f"{name}_date"], columns[f"{name}_time"] = when.split(getattr(record, name))
    venue = _venue(record.venue)
    columns["venue"] = venue.id if venue else None
    columns["search_text"] = search_text(record)
    columns["deleted_at"] = None
    columns["updated_at"] = _now()
    return columns


def _conflict(base: EventRecord | None, event_id: int) -> UserError:
    current = Event.get_or_none(Event.id == event_id)
    if current is None or current.deleted_at is not None:
        return UserError(_("The event no longer exists: someone may have deleted it."))
    changed = changed_fields(base, load_record(current)) if base is not None else []
    return ConflictError(
        _("Someone else saved this event while you were editing it. They changed: {fields}.").format(
            fields=", ".join(rules.field_label(name) for name in changed) or _("nothing visible")
        ),
        changed,
    )


def ensure_unchanged(base: EventRecord) -> None:
    """Raise ConflictError if the stored event has moved on from `base` (the version the user opened)."""
    event = Event.get_or_none(Event.id == base.id)
    if event is None or event.deleted_at is not None:
        raise UserError(_("The event no longer exists: someone may have deleted it."))
    if base.version is not None and event.version != base.version:
        raise _conflict(base, event.id)


def save_event(record: EventRecord, base: EventRecord | None = None) -> Event:
    """Validate and store `record` (new when it has no id) with its partners, people and programme.

    `base` is the event as the user opened it (its `version` is the one they expect to replace): if someone else
    has saved it since, nothing is written and ConflictError says what they changed. The check and the write are
    one statement (UPDATE … WHERE version = ?), so two savers can never both pass it.
    """
    rules.validate(record)
    with guard.database_errors(), database_proxy.atomic():
        columns = _event_columns(record)
        if record.id is None:
            event_id = Event.insert(ref=record.ref or new_ref(), created_at=_now(), version=1, **columns).execute()
        else:
            event_id = record.id
            if record.ref:
                columns["ref"] = record.ref
            update = Event.update(version=Event.version + 1, **columns).where(Event.id == event_id)
            if base is not None and base.version is not None:
                update = update.where(Event.version == base.version)
            if update.execute() == 0:
                raise _conflict(base, event_id)
        _sync_children(event_id, record)
        event = Event.get_by_id(event_id)
    record.id, record.ref, record.version = event.id, event.ref, event.version
    return event


def _sync_children(event_id: int, record: EventRecord) -> None:
    """Bring the event's partners, people and programme to `record`, row by row: a row that stays keeps its id."""
    _sync_partners(event_id, record.partners)
    _sync_appearances(EventPerson, EventPerson.event, event_id, record.people)
    stored = {row.id: row for row in ProgrammeItem.select().where(ProgrammeItem.event == event_id)}
    kept: set[int] = set()
    for order, entry in enumerate(record.programme):
        start_date, start_time = when.split(entry.start)
        end_date, end_time = when.split(entry.end)
        values = {
            "sort_order": order,
            "start_date": start_date,
            "start_time": start_time,
            "end_date": end_date,
            "end_time": end_time,
            "title": entry.title,
            "place": entry.place,
        }
        row = stored.get(entry.id) if entry.id is not None else None
        if row is None or row.id in kept:
            entry.id = ProgrammeItem.insert(event=event_id, **values).execute()
        elif any(getattr(row, key) != value for key, value in values.items()):
            ProgrammeItem.update(**values).where(ProgrammeItem.id == row.id).execute()
        kept.add(entry.id)
        _sync_appearances(ProgrammePerson, ProgrammePerson.item, entry.id, entry.people)
    removed = set(stored) - kept
    if removed:
        ProgrammeItem.delete().where(ProgrammeItem.id.in_(removed)).execute()  # cascades to its people


def _sync_partners(event_id: int, names: list[str]) -> None:
    stored = {
        link.organisation_id: link for link in EventPartner.select().where(EventPartner.event == event_id)
    }
    wanted: list[int] = [organisation.id for organisation in map(_organisation, names) if organisation]
    removed = set(stored) - set(wanted)
    if removed:
        EventPartner.delete().where(
            (EventPartner.event == event_id) & EventPartner.organisation.in_(removed)
        ).execute()
    for order, organisation_id in enumerate(wanted):
        link = stored.get(organisation_id)
        if link is None:
            EventPartner.insert(event=event_id, organisation=organisation_id, sort_order=order).execute()
        elif link.sort_order != order:
            EventPartner.update(sort_order=order).where(EventPartner.id == link.id).execute()


_APPEARANCE_DETAILS = ("role", "honorific", "position", "organisation")


def _sync_appearances(model, owner_column, owner_id: int, entries: list[PersonEntry]) -> None:
    """The people of an event or of a programme row: updated in place by id, new ones added, others removed."""
    stored = {row.id: row for row in model.select().where(owner_column == owner_id)}
    kept: set[int] = set()
    for order, entry in enumerate(entries):
        values = {name: getattr(entry, name) for name in _APPEARANCE_DETAILS}
        values["sort_order"] = order
        row = stored.get(entry.id) if entry.id is not None else None
        if row is None or row.id in kept:
            values["person"] = _person(entry.name).id
            entry.id = model.insert(**{owner_column.name: owner_id}, **values).execute()
        else:
            if row.person.name != entry.name:
                values["person"] = _person(entry.name).id
            if any(getattr(row, key) != value for key, value in values.items() if key != "person") or (
                "person" in values
            ):
                model.update(**values).where(model.id == row.id).execute()
        kept.add(entry.id)
    removed = set(stored) - kept
    if removed:
        model.delete().where(model.id.in_(removed)).execute()


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def load_record(event: Event | int) -> EventRecord:
    """The whole event, with its partners, people and programme, as a record."""
    event_id = event.id if isinstance(event, Event) else event
    records = load_records([event_id], include_deleted=True)
    if not records:
        raise UserError(_("There is no event number {id}.").format(id=event_id))
    return records[0]


def load_records(ids: list[int], include_deleted: bool = False) -> list[EventRecord]:
    """Whole events (in the order of `ids`), read a few hundred at a time: about five queries per batch, however
    many people and programme rows they hold."""
    by_id: dict[int, EventRecord] = {}
    for start in range(0, len(ids), _BATCH):
        batch = ids[start : start + _BATCH]
        query = Event.select().join(Venue, peewee.JOIN.LEFT_OUTER).where(Event.id.in_(batch))
        if not include_deleted:
            query = query.where(Event.deleted_at.is_null())
        records = _listing_from_cursor(query)
        people = _appearances_of(EventPerson, EventPerson.event, [record.id for record in records])
        programme = _programme_of([record.id for record in records])
        for record in records:
            record.people = people.get(record.id, [])
            record.programme = programme.get(record.id, [])
            by_id[record.id] = record
    return [by_id[event_id] for event_id in ids if event_id in by_id]


_BATCH = 500


def _appearances_of(model, owner_column, owner_ids: list[int]) -> dict[int, list[PersonEntry]]:
    found: dict[int, list[PersonEntry]] = {}
    if not owner_ids:
        return found
    query = (
        model.select(owner_column, model.id, Person.name, *(getattr(model, name) for name in _APPEARANCE_DETAILS))
        .join(Person)
        .where(_in(owner_column, owner_ids))
        .order_by(owner_column, model.sort_order, model.id)
    )
    for owner_id, row_id, name, role, honorific, position, organisation in _raw_rows(query):
        found.setdefault(owner_id, []).append(
            PersonEntry(
                name=name, role=role, honorific=honorific, position=position, organisation=organisation, id=row_id
            )
        )
    return found


def _in(column: peewee.Field, values: list) -> peewee.Node:
    """`column IN (values)` with the values as plain parameters. peewee builds and converts a node per value, which
    took a fifth of re-importing ten thousand events (eighty thousand ids and refs, in batches of 500)."""
    if not values:
        return peewee.SQL("1 = 0")
    placeholders = ", ".join([database_proxy.obj.param] * len(values))
    return peewee.NodeList((column, peewee.SQL(f"IN ({placeholders})", values)))


def _raw_rows(query: peewee.Query) -> list[tuple]:
    """The rows of `query` as the driver returns them: peewee's conversion of every value costs seconds over
    tens of thousands of rows, and the few dates and times are converted by the caller."""
    sql, parameters = query.sql()
    return database_proxy.execute_sql(sql, parameters).fetchall()


def _programme_of(event_ids: list[int]) -> dict[int, list[ProgrammeEntry]]:
    found: dict[int, list[ProgrammeEntry]] = {}
    if not event_ids:
        return found
    rows = (
        ProgrammeItem.select(
            ProgrammeItem.event,
            ProgrammeItem.id,
            ProgrammeItem.start_date,
            ProgrammeItem.start_time,
            ProgrammeItem.end_date,
            ProgrammeItem.end_time,
            ProgrammeItem.title,
            ProgrammeItem.place,
        )
        .where(_in(ProgrammeItem.event, event_ids))
        .order_by(ProgrammeItem.event, ProgrammeItem.sort_order, ProgrammeItem.id)
    )
    entries: list[tuple[int, ProgrammeEntry]] = []
    join, as_date, as_time = when.join, when.as_date, when.as_time
    for event_id, item_id, start_date, start_time, end_date, end_time, title, place in _raw_rows(rows):
        entry = ProgrammeEntry(
            start=join(as_date(start_date), as_time(start_time)),
            end=join(as_date(end_date), as_time(end_time)),
            title=title,
            place=place,
            id=item_id,
        )
        entries.append((event_id, entry))
    item_ids = [entry.id for _event_id, entry in entries]
    people: dict[int, list[PersonEntry]] = {}
    for start in range(0, len(item_ids), _BATCH):
        people.update(_appearances_of(ProgrammePerson, ProgrammePerson.item, item_ids[start : start + _BATCH]))
    for event_id, entry in entries:
        entry.people = people.get(entry.id, [])
        found.setdefault(event_id, []).append(entry)
    return found


def stored_by_ref(refs: list[str]) -> dict[str, tuple[EventRecord, bool]]:
    """The stored events with these refs, whole, each with whether it is among the deleted events."""
    found: dict[str, tuple[EventRecord, bool]] = {}
    for start in range(0, len(refs), _BATCH):
        rows = (
            Event.select(Event.id, Event.ref, Event.deleted_at)
            .where(_in(Event.ref, refs[start : start + _BATCH]))
            .tuples()
        )
        deleted = {event_id: deleted_at is not None for event_id, _ref, deleted_at in rows}
        for record in load_records(list(deleted), include_deleted=True):
            found[record.ref] = (record, deleted[record.id])
    return found


def listing_records(query: peewee.ModelSelect) -> list[EventRecord]:
    """The events of `query` (joined to Venue, as queries.events() is) as records with their partners but without
    people or programme: the fields a list shows, read straight from the cursor, and the partners in one query (a
    year-end list or an export of ten thousand events must not ask the database fifty thousand times)."""
    return _listing_from_cursor(query)


def _partners_of(ids: list[int]) -> dict[int, list[str]]:
    partners: dict[int, list[str]] = {event_id: [] for event_id in ids}
    for start in range(0, len(ids), _BATCH):
        links = (
            EventPartner.select(EventPartner.event, Organisation.name)
            .join(Organisation)
            .where(_in(EventPartner.event, ids[start : start + _BATCH]))
            .order_by(EventPartner.event, EventPartner.sort_order)
            .tuples()
        )
        for event_id, name in links:
            partners[event_id].append(name)
    return partners


# The columns a record is read from, by name: the identity, each declared plain field, the moments' dates and
# times, and the venue's name. Leaving out the timestamps saves parsing them ten thousand times.
_LISTING_COLUMNS = (
    Event.id,
    Event.version,
    Event.ref,
    *(getattr(Event, name) for name in _PLAIN_FIELDS),
    *(getattr(Event, f"{name}_{part}") for name in _MOMENT_FIELDS for part in ("date", "time")),
    Venue.name.alias("venue_name"),
)


def _listing_from_cursor(query: peewee.ModelSelect) -> list[EventRecord]:
    """Rows read straight from the cursor, by column name: building ten thousand model objects costs seconds."""
    sql, parameters = query.select(*_LISTING_COLUMNS).sql()
    cursor = database_proxy.execute_sql(sql, parameters)
    names = [column[0] for column in cursor.description]
    rows = cursor.fetchall()
    at = {name: index for index, name in enumerate(names)}
    plain = [(name, at[name]) for name in ("id", "version", "ref", *_PLAIN_FIELDS)]
    moments = [(name, at[f"{name}_date"], at[f"{name}_time"]) for name in _MOMENT_FIELDS]
    venue_at = at["venue_name"]
    partners = _partners_of([row[at["id"]] for row in rows])
    as_date, as_time, join = when.as_date, when.as_time, when.join
    records = []
    for row in rows:
        values = {name: row[index] for name, index in plain}
        for name, date_at, time_at in moments:
            values[name] = join(as_date(row[date_at]), as_time(row[time_at]))
        records.append(EventRecord(venue=row[venue_at], partners=partners[values["id"]], **values))
    return records


def delete_event(event_id: int) -> None:
    """Move the event to the deleted events; `restore_event` brings it back whole."""
    with guard.database_errors(), database_proxy.atomic():
        Event.update(deleted_at=_now(), version=Event.version + 1).where(Event.id == event_id).execute()


def restore_event(event_id: int) -> None:
    with guard.database_errors(), database_proxy.atomic():
        Event.update(deleted_at=None, version=Event.version + 1).where(Event.id == event_id).execute()


def purge_event(event_id: int) -> None:
    """Remove a deleted event for good, with its programme and links."""
    with database_proxy.atomic():
        Event.delete().where((Event.id == event_id) & Event.deleted_at.is_null(False)).execute()


def start_year(event_id: int) -> int | None:
    day = Event.select(Event.start_date).where(Event.id == event_id).scalar()
    return day.year if day is not None else None


def find_existing(record: EventRecord) -> Event | None:
    """The stored event `record` stands for: the one with its ref, or (for a record without one) the one with the
    same kind, title and start."""
    if record.ref:
        # A ref is an identity: two events may share a title and a day, and still be two events.
        return Event.get_or_none(Event.ref == record.ref)
    start_date, start_time = when.split(record.start)
    query = Event.select().where(
        (Event.kind == record.kind) & (Event.title == record.title) & (Event.start_date == start_date)
    )
    query = query.where(Event.start_time.is_null() if start_time is None else Event.start_time == start_time)
    return query.first()


def save_plan(plan: PlanEntry) -> AnnualPlan:
    rules.validate_plan(plan)
    with guard.database_errors(), database_proxy.atomic():
        row = AnnualPlan.get_or_none((AnnualPlan.year == plan.year) & (AnnualPlan.kind == plan.kind))
        if row is None:
            return AnnualPlan.create(year=plan.year, kind=plan.kind, target=plan.target)
        row.target = plan.target
        row.save()
        return row


def plans(year: int | None = None) -> list[PlanEntry]:
    query = AnnualPlan.select().order_by(AnnualPlan.year, AnnualPlan.kind)
    if year is not None:
        query = query.where(AnnualPlan.year == year)
    return [PlanEntry(year=row.year, kind=row.kind, target=row.target) for row in query]
