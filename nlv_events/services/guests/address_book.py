"""The address book: every person, how they were last addressed as a guest, their contacts and appearances."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from nlv_events.core import guard, versioned
from nlv_events.core.errors import ConflictError
from nlv_events.core.guest_models import READABLE_COLUMNS, Guest
from nlv_events.core.models import Event, Person, database_proxy
from nlv_events.core.text import clean_or_none, fold
from nlv_events.i18n import _
from nlv_events.services.guests.guest_list import entry_of


@dataclass
class AddressCard:
    """A person of the address book with how they were last addressed and how often they came."""

    id: int
    name: str
    honorific: str | None
    position: str | None
    organisation: str | None
    appearances: int
    email: str | None = None
    phone: str | None = None
    version: int | None = None  # the person's, as loaded: a change of contacts checks it


def person_names() -> list[str]:
    """Every person's name, for completing a name as it is typed (the address book's cards are not needed)."""
    return [name for (name,) in Person.select(Person.name).tuples()]


def address_book(search: str = "", contacts: bool = False) -> list[AddressCard]:
    """Every person (matching `search`, ignoring accents), with contacts only when asked for."""
    latest: dict[int, Guest] = {}
    appearances: dict[int, int] = {}
    for row in Guest.select(*READABLE_COLUMNS).order_by(Guest.id):
        latest[row.person_id] = row
        appearances[row.person_id] = appearances.get(row.person_id, 0) + 1
    cards = []
    # Contacts are read only when asked for: a viewer's login may not read those columns on a shared server.
    columns = (Person.email, Person.phone) if contacts else ()
    people = Person.select(Person.id, Person.name, *columns, Person.version).order_by(Person.name)
    for person in people:
        if search and fold(search) not in fold(person.name):
            continue
        last = latest.get(person.id)
        cards.append(
            AddressCard(
                id=person.id,
                name=person.name,
                honorific=last.honorific if last else None,
                position=last.position if last else None,
                organisation=last.organisation if last else None,
                appearances=appearances.get(person.id, 0),
                email=person.email if contacts else None,
                phone=person.phone if contacts else None,
                version=person.version,
            )
        )
    return cards


def set_contacts(person_id: int, email: str | None, phone: str | None, version: int | None = None) -> int:
    """Record a person's e-mail and phone (personal data: kept for the office, never printed or logged); returns
    the person's new version. `version` is the one the user loaded: a colleague's change since is a conflict,
    naming what the contacts are now."""
    values = {"email": clean_or_none(email), "phone": clean_or_none(phone)}

    def conflict() -> ConflictError:
        person = Person.get_or_none(Person.id == person_id)
        if person is None:
            return versioned.gone_error(_("this person"))
        now = [
            _("e-mail: {email}").format(email=person.email or "–"),
            _("phone: {phone}").format(phone=person.phone or "–"),
        ]
        return versioned.conflict_error(_("the contacts of {name}").format(name=person.name), now)

    with guard.database_errors(), database_proxy.atomic():
        return versioned.write_or_conflict(Person, person_id, version, values, conflict)


def contacts_of(person_ids: Iterable[int]) -> dict[int, tuple[str | None, str | None]]:
    ids = list(person_ids)
    query = Person.select(Person.id, Person.email, Person.phone).where(Person.id.in_(ids)).tuples()
    return {person_id: (email, phone) for person_id, email, phone in query}


@dataclass
class Appearance:
    """One event a person was a guest at, with how they were addressed there."""

    event_id: int
    title: str
    start: dt.date
    addressee: str
    state: str


def appearances(person_id: int) -> list[Appearance]:
    """The person's appearances as a guest, newest event first."""
    rows = (
        Guest.select(*READABLE_COLUMNS, Event.id, Event.title, Event.start_date, Person.id, Person.name)
        .join(Event)
        .switch(Guest)
        .join(Person)
        .where((Guest.person == person_id) & Event.deleted_at.is_null())
        .order_by(Event.start_date.desc())
    )
    return [
        Appearance(row.event.id, row.event.title, row.event.start_date, entry_of(row, row.person.name, None).addressee,
                   row.state)
        for row in rows
    ]
