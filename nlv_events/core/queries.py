"""Finding events: by year, kind, status and accent-insensitive search."""

from __future__ import annotations

import datetime as dt
import re

import peewee

from nlv_events.core import models, people, when
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
    query = models.Event.select(models.Event, models.Venue).join(models.Venue, peewee.JOIN.LEFT_OUTER)
    query = _matching(query, year, kind, search, status)
    # A whole day (no time) first on its day, on either database: SQLite puts NULL first, PostgreSQL last, and a
    # list, a printout or an export moved to the server came out in another order.
    return query.order_by(models.Event.start_date, models.Event.start_time.asc(nulls="first"), models.Event.id)


def count_events(
    year: int | None = None,
    kind: str | None = None,
    search: str | None = None,
    status: str | None = None,
) -> int:
    """How many events `events` finds with the same arguments.

    Counted on the event table alone: the count of `events` itself joined every event to its venue, which SQLite
    kept in the count (80 ms for a year of 10 000 events, against 1 ms from the date index), and the window counts
    the year before it shows it (issue #35)."""
    return _matching(models.Event.select(models.Event.id), year, kind, search, status).count()


def _matching(
    query: peewee.ModelSelect, year: int | None, kind: str | None, search: str | None, status: str | None
) -> peewee.ModelSelect:
    query = query.where(models.Event.deleted_at.is_null())
    if year is not None:
        first, last = year_bounds(year)
        query = query.where(models.Event.start_date.between(first, last))
    if kind:
        query = query.where(models.Event.kind == kind)
    if status:
        query = query.where(models.Event.status == status)
    for word in search_words(search):
        condition = None
        for spelling in spellings(word):  # kĩ finds kỹ: either spelling of the syllable
            found = models.Event.search_text.contains(spelling)
            condition = found if condition is None else condition | found
        query = query.where(condition)
    return query


def years_with_events() -> list[int]:
    """Every year in which some event starts, newest first."""
    live = models.Event.select().where(models.Event.deleted_at.is_null())
    # The first and the last day asked apart: each is then one step in the date index, where SQLite read the whole
    # index for MIN and MAX asked together (30 ms of the window's start at 100 000 events).
    days = [live.select(aggregate(models.Event.start_date)).scalar() for aggregate in (peewee.fn.MIN, peewee.fn.MAX)]
    if days[0] is None:
        return []
    first, last = (when.as_date(day) for day in days)
    # One statement, built by peewee once and run for each year with that year's bounds: building it anew for each
    # year cost more than SQLite's answer, and the window asks at every start (issue #35).
    exists = models.Event.select(models.Event.id).where(
        models.Event.deleted_at.is_null() & models.Event.start_date.between(first, last)
    )
    sql, _bounds = peewee.Select(columns=[peewee.fn.EXISTS(exists)]).bind(models.database_proxy).sql()
    ask = models.database_proxy.execute_sql
    return [year for year in range(last.year, first.year - 1, -1) if ask(sql, year_bounds(year)).fetchone()[0]]


def deleted_events() -> peewee.ModelSelect:
    """The deleted events, most recently deleted first (they can be restored)."""
    return (
        models.Event.select(models.Event, models.Venue)
        .join(models.Venue, peewee.JOIN.LEFT_OUTER)
        .where(models.Event.deleted_at.is_null(False))
        .order_by(models.Event.deleted_at.desc(), models.Event.id.desc())
    )


def venue_names() -> list[str]:
    return [name for (name,) in models.Venue.select(models.Venue.name).tuples()]


def organisation_names() -> list[str]:
    return [name for (name,) in models.Organisation.select(models.Organisation.name).tuples()]


def person_names() -> list[str]:
    return [name for (name,) in models.Person.select(models.Person.name).tuples()]


def people_with_refs() -> list[tuple[int, str, str]]:
    """(id, name, ref) of every stored person, by name then id."""
    return list(
        models.Person.select(models.Person.id, models.Person.name, models.Person.ref)
        .order_by(models.Person.name, models.Person.id)
        .tuples()
    )


def known_person(name: str, ref: str | None = None) -> PersonEntry | None:
    """The person `ref` names, else the one person called `name`, as at their latest appearance (form of address,
    position, organisation): what a new appearance starts from. None when the store has no such person, or several
    people bear the name (a namesake's position is not theirs)."""
    if ref:
        person = models.Person.get_or_none(models.Person.ref == ref)
    else:
        found = people.named(name)
        person = found[0] if len(found) == 1 else None
    return latest_appearance(person) if person is not None else None


def latest_appearance(person: models.Person) -> PersonEntry:
    """`person` as at their latest appearance in an event or a programme row."""
    latest: tuple | None = None
    for model, day in (
        (models.EventPerson, models.Event.start_date),
        (models.ProgrammePerson, models.ProgrammeItem.start_date),
    ):
        query = model.select(model.honorific, model.position, model.organisation, day, model.id)
        if model is models.EventPerson:
            query = query.join(models.Event)
        else:
            query = query.join(models.ProgrammeItem)
        row = query.where(model.person == person).order_by(day.desc(), model.id.desc()).tuples().first()
        if row is not None and (latest is None or row[3] > latest[3]):
            latest = row
    if latest is None:
        return PersonEntry(name=person.name, person_ref=person.ref)
    honorific, position, organisation, _day, _id = latest
    return PersonEntry(
        name=person.name, honorific=honorific, position=position, organisation=organisation, person_ref=person.ref
    )
