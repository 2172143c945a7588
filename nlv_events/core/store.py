"""Writing and reading whole events: the one place that turns records into rows and back."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable

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
from nlv_events.core.records import EventRecord, PersonEntry, PlanEntry, ProgrammeEntry
from nlv_events.core.text import fold
from nlv_events.i18n import _


def new_ref() -> str:
    return uuid.uuid4().hex


def _venue(name: str | None) -> Venue | None:
    if not name:
        return None
    # One hall typed twice ("thư viện" for "Thư viện") is one venue, not a near-duplicate.
    return matching.existing(name) or Venue.create(name=name)


def _organisation(name: str | None) -> Organisation | None:
    if not name:
        return None
    return matching.existing_named(Organisation, name) or Organisation.create(name=name)


def _person(entry: PersonEntry) -> Person:
    """The stored person of that name; what the entry says of them (newest first) is kept."""
    person = matching.existing_named(Person, entry.name) or Person.create(name=entry.name)
    changed = False
    for attribute in ("honorific", "position"):
        value = getattr(entry, attribute)
        if value and getattr(person, attribute) != value:
            setattr(person, attribute, value)
            changed = True
    if entry.organisation:
        organisation = _organisation(entry.organisation)
        if person.organisation_id != organisation.id:
            person.organisation = organisation
            changed = True
    if changed:
        person.save()
    return person


def search_text(record: EventRecord) -> str:
    """The folded text that search looks in: titles, theme, occasion, venue, partners and people."""
    people = [p.name for p in record.people]
    for entry in record.programme:
        people.extend(p.name for p in entry.people)
    parts: Iterable[str | None] = (
        record.title,
        record.title_en,
        record.theme,
        record.occasion,
        record.venue,
        *record.partners,
        *people,
    )
    return fold(" | ".join(part for part in parts if part))


# Fields compared when two people saved the same event, in the order a user reads them.
_COMPARED_FIELDS = (
    "title",
    "title_en",
    "kind",
    "theme",
    "occasion",
    "start",
    "end",
    "venue",
    "format",
    "status",
    "role",
    "partners",
    "audience",
    "attendance",
    "online_views",
    "items_displayed",
    "description",
    "notes",
    "news_url",
    "people",
    "programme",
)


def changed_fields(old: EventRecord, new: EventRecord) -> list[str]:
    return [name for name in _COMPARED_FIELDS if getattr(old, name) != getattr(new, name)]


def _ensure_unchanged(event: Event, base: EventRecord) -> None:
    if base.version is None or event.version == base.version:
        return
    current = load_record(event)
    changed = changed_fields(base, current)
    raise ConflictError(
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
    _ensure_unchanged(event, base)


def save_event(record: EventRecord, base: EventRecord | None = None) -> Event:
    """Validate and store `record` (new when it has no id) with its partners, people and programme.

    `base` is the event as the user opened it: if someone else has saved it since (its version moved on),
    nothing is written and ConflictError says what they changed.
    """
    rules.validate(record)
    with guard.database_errors(), database_proxy.atomic():
        if record.id is None:
            event = Event(ref=record.ref or new_ref(), created_at=_now())
        else:
            event = Event.get_or_none(Event.id == record.id)
            if event is None:
                raise UserError(_("The event no longer exists: someone may have deleted it."))
            if base is not None:
                _ensure_unchanged(event, base)
            event.version += 1
            if record.ref:
                event.ref = record.ref
        start_date, start_time = when.split(record.start)
        end_date, end_time = when.split(record.end)
        event.kind = record.kind
        event.title = record.title
        event.title_en = record.title_en
        event.theme = record.theme
        event.occasion = record.occasion
        event.start_date, event.start_time = start_date, start_time
        event.end_date, event.end_time = end_date, end_time
        event.venue = _venue(record.venue)
        event.format = record.format
        event.status = record.status
        event.role = record.role
        event.audience = record.audience
        event.attendance = record.attendance
        event.online_views = record.online_views
        event.items_displayed = record.items_displayed
        event.description = record.description
        event.notes = record.notes
        event.news_url = record.news_url
        event.search_text = search_text(record)
        event.deleted_at = None
        event.updated_at = _now()
        event.save()
        _replace_links(event, record)
    record.id = event.id
    record.ref = event.ref
    record.version = event.version
    return event


def _replace_links(event: Event, record: EventRecord) -> None:
    EventPartner.delete().where(EventPartner.event == event).execute()
    EventPerson.delete().where(EventPerson.event == event).execute()
    ProgrammeItem.delete().where(ProgrammeItem.event == event).execute()  # cascades to its people
    for position, name in enumerate(record.partners):
        EventPartner.create(event=event, organisation=_organisation(name), position=position)
    for position, entry in enumerate(record.people):
        EventPerson.create(event=event, person=_person(entry), role=entry.role, position=position)
    for position, row in enumerate(record.programme):
        start_date, start_time = when.split(row.start)
        end_date, end_time = when.split(row.end)
        item = ProgrammeItem.create(
            event=event,
            position=position,
            start_date=start_date,
            start_time=start_time,
            end_date=end_date,
            end_time=end_time,
            title=row.title,
            place=row.place,
        )
        for person_position, entry in enumerate(row.people):
            ProgrammePerson.create(item=item, person=_person(entry), role=entry.role, position=person_position)


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _person_entry(person: Person, role: str) -> PersonEntry:
    organisation = person.organisation.name if person.organisation_id else None
    return PersonEntry(
        name=person.name,
        role=role,
        honorific=person.honorific,
        position=person.position,
        organisation=organisation,
    )


def load_record(event: Event | int) -> EventRecord:
    """The whole event, with its partners, people and programme, as a record."""
    if not isinstance(event, Event):
        found = Event.get_or_none(Event.id == event)
        if found is None:
            raise UserError(_("There is no event number {id}.").format(id=event))
        event = found
    partners = [
        link.organisation.name
        for link in EventPartner.select(EventPartner, Organisation)
        .join(Organisation)
        .where(EventPartner.event == event)
        .order_by(EventPartner.position)
    ]
    people = [
        _person_entry(link.person, link.role)
        for link in EventPerson.select(EventPerson, Person)
        .join(Person)
        .where(EventPerson.event == event)
        .order_by(EventPerson.position)
    ]
    programme: list[ProgrammeEntry] = []
    items = list(ProgrammeItem.select().where(ProgrammeItem.event == event).order_by(ProgrammeItem.position))
    item_people: dict[int, list[PersonEntry]] = {item.id: [] for item in items}
    if items:
        links = (
            ProgrammePerson.select(ProgrammePerson, Person)
            .join(Person)
            .where(ProgrammePerson.item.in_([item.id for item in items]))
            .order_by(ProgrammePerson.position)
        )
        for link in links:
            item_people[link.item_id].append(_person_entry(link.person, link.role))
    for item in items:
        programme.append(
            ProgrammeEntry(
                start=when.join(item.start_date, item.start_time),
                end=when.join(item.end_date, item.end_time),
                title=item.title,
                place=item.place,
                people=item_people[item.id],
            )
        )
    return _record(event, partners, people, programme)


def _record(
    event: Event,
    partners: list[str],
    people: list[PersonEntry] | None = None,
    programme: list[ProgrammeEntry] | None = None,
) -> EventRecord:
    return EventRecord(
        id=event.id,
        version=event.version,
        ref=event.ref,
        kind=event.kind,
        title=event.title,
        title_en=event.title_en,
        theme=event.theme,
        occasion=event.occasion,
        start=when.join(event.start_date, event.start_time),
        end=when.join(event.end_date, event.end_time),
        venue=event.venue.name if event.venue_id else None,
        format=event.format,
        status=event.status,
        role=event.role,
        partners=partners,
        audience=event.audience,
        attendance=event.attendance,
        online_views=event.online_views,
        items_displayed=event.items_displayed,
        description=event.description,
        notes=event.notes,
        news_url=event.news_url,
        people=people or [],
        programme=programme or [],
    )


# What a list or an export shows of an event; leaving out the timestamps saves parsing them ten thousand times.
_LISTING_FIELDS = (
    Event.id,
    Event.version,
    Event.ref,
    Event.kind,
    Event.title,
    Event.title_en,
    Event.theme,
    Event.occasion,
    Event.start_date,
    Event.start_time,
    Event.end_date,
    Event.end_time,
    Event.venue,
    Event.format,
    Event.status,
    Event.role,
    Event.audience,
    Event.attendance,
    Event.online_views,
    Event.items_displayed,
    Event.description,
    Event.notes,
    Event.news_url,
    Venue.id,
    Venue.name,
)


def listing_records(query: peewee.ModelSelect) -> list[EventRecord]:
    """The events of `query` (joined to Venue, as queries.events() is) as records with their partners but without
    people or programme: the fields a list shows, read straight from the cursor, and the partners in one query (a
    year-end list or an export of ten thousand events must not ask the database fifty thousand times)."""
    return _listing_from_cursor(query)


def _partners_of(ids: list[int]) -> dict[int, list[str]]:
    partners: dict[int, list[str]] = {event_id: [] for event_id in ids}
    for start in range(0, len(ids), 500):
        links = (
            EventPartner.select(EventPartner.event, Organisation.name)
            .join(Organisation)
            .where(EventPartner.event.in_(ids[start : start + 500]))
            .order_by(EventPartner.event, EventPartner.position)
            .tuples()
        )
        for event_id, name in links:
            partners[event_id].append(name)
    return partners


def _listing_from_cursor(query: peewee.ModelSelect) -> list[EventRecord]:
    """Rows read straight from the cursor: building ten thousand model objects costs seconds."""
    sql, parameters = query.select(*_LISTING_FIELDS).sql()
    rows = database_proxy.execute_sql(sql, parameters).fetchall()
    partners = _partners_of([row[0] for row in rows])
    records = []
    for (
        event_id,
        version,
        ref,
        kind,
        title,
        title_en,
        theme,
        occasion,
        start_date,
        start_time,
        end_date,
        end_time,
        _venue_id,
        form,
        status,
        role,
        audience,
        attendance,
        online_views,
        items,
        description,
        notes,
        news_url,
        _venue_pk,
        venue_name,
    ) in rows:
        records.append(
            EventRecord(
                id=event_id,
                version=version,
                ref=ref,
                kind=kind,
                title=title,
                title_en=title_en,
                theme=theme,
                occasion=occasion,
                start=when.join(when.as_date(start_date), when.as_time(start_time)),
                end=when.join(when.as_date(end_date), when.as_time(end_time)),
                venue=venue_name,
                format=form,
                status=status,
                role=role,
                partners=partners[event_id],
                audience=audience,
                attendance=attendance,
                online_views=online_views,
                items_displayed=items,
                description=description,
                notes=notes,
                news_url=news_url,
            )
        )
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
