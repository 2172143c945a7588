"""Finding events: by year, kind, status and accent-insensitive search."""

from __future__ import annotations

import datetime as dt
import re

import peewee

from nlv_events.core import people, when
from nlv_events.core.models import (
    Event,
    EventPerson,
    Organisation,
    Person,
    ProgrammeItem,
    ProgrammePerson,
    Venue,
)
from nlv_events.core.records import PersonEntry
from nlv_events.core.text import fold, spellings

# LIKE treats these as wildcards; a search word is split on them rather than escaped, which every
# database accepts the same way.
_LIKE_WILDCARDS = re.compile(r"[%_\\]+")


def search_words(text: str | None) -> list[str]:
    words: list[str] = []
    for word in fold(text).split():
        words.extend(part for part in _LIKE_WILDCARDS.split(word) if part)
    return words


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def events(
    year: int | None = None,
    kind: str | None = None,
    search: str | None = None,
    status: str | None = None,
) -> peewee.ModelSelect:
    """Events starting in `year` (all years when None), of `kind`, matching every word of `search`."""
    query = Event.select(Event, Venue).join(Venue, peewee.JOIN.LEFT_OUTER).where(Event.deleted_at.is_null())
    if year is not None:
        first, last = year_bounds(year)
        query = query.where(Event.start_date.between(first, last))
    if kind:
        query = query.where(Event.kind == kind)
    if status:
        query = query.where(Event.status == status)
    for word in search_words(search):
        condition = None
        for spelling in spellings(word):  # kĩ finds kỹ: either spelling of the syllable
            found = Event.search_text.contains(spelling)
            condition = found if condition is None else condition | found
        query = query.where(condition)
    # A whole day (no time) first on its day, on either database: SQLite puts NULL first, PostgreSQL last, and a
    # list, a printout or an export moved to the server came out in another order.
    return query.order_by(Event.start_date, Event.start_time.asc(nulls="first"), Event.id)


def years_with_events() -> list[int]:
    """Every year in which some event starts, newest first."""
    live = Event.select(peewee.fn.MIN(Event.start_date), peewee.fn.MAX(Event.start_date)).where(
        Event.deleted_at.is_null()
    )
    days = live.scalar(as_tuple=True)
    if not days or days[0] is None:
        return []
    first, last = (when.as_date(day) for day in days)
    present = {
        year
        for year in range(first.year, last.year + 1)
        if Event.select().where(Event.deleted_at.is_null() & Event.start_date.between(*year_bounds(year))).exists()
    }
    return sorted(present, reverse=True)


def deleted_events() -> peewee.ModelSelect:
    """The deleted events, most recently deleted first (they can be restored)."""
    return (
        Event.select(Event, Venue)
        .join(Venue, peewee.JOIN.LEFT_OUTER)
        .where(Event.deleted_at.is_null(False))
        .order_by(Event.deleted_at.desc(), Event.id.desc())
    )


def venue_names() -> list[str]:
    return [name for (name,) in Venue.select(Venue.name).tuples()]


def organisation_names() -> list[str]:
    return [name for (name,) in Organisation.select(Organisation.name).tuples()]


def person_names() -> list[str]:
    return [name for (name,) in Person.select(Person.name).tuples()]


def people_with_refs() -> list[tuple[int, str, str]]:
    """(id, name, ref) of every stored person, by name then id."""
    return list(Person.select(Person.id, Person.name, Person.ref).order_by(Person.name, Person.id).tuples())


def known_person(name: str, ref: str | None = None) -> PersonEntry | None:
    """The person `ref` names, else the one person called `name`, as at their latest appearance (form of address,
    position, organisation): what a new appearance starts from. None when the store has no such person, or several
    people bear the name (a namesake's position is not theirs)."""
    if ref:
        person = Person.get_or_none(Person.ref == ref)
    else:
        found = people.named(name)
        person = found[0] if len(found) == 1 else None
    return latest_appearance(person) if person is not None else None


def latest_appearance(person: Person) -> PersonEntry:
    """`person` as at their latest appearance in an event or a programme row."""
    latest: tuple | None = None
    for model, day in (
        (EventPerson, Event.start_date),
        (ProgrammePerson, ProgrammeItem.start_date),
    ):
        query = model.select(model.honorific, model.position, model.organisation, day, model.id)
        if model is EventPerson:
            query = query.join(Event)
        else:
            query = query.join(ProgrammeItem)
        row = query.where(model.person == person).order_by(day.desc(), model.id.desc()).tuples().first()
        if row is not None and (latest is None or row[3] > latest[3]):
            latest = row
    if latest is None:
        return PersonEntry(name=person.name, person_ref=person.ref)
    honorific, position, organisation, _day, _id = latest
    return PersonEntry(
        name=person.name, honorific=honorific, position=position, organisation=organisation, person_ref=person.ref
    )
