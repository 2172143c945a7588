"""The people a piece of work adds to the address book and the contacts it changes, noted as it goes, so that taking
the work back (an import cancelled, or failed in a later batch) removes those people and puts the contacts back.

The people are added in several places (core/people.py one by one, core/event_adding.py many at once), each of which
notes them here while `noting()` is open on its thread; outside it nothing is noted. Contacts are personal data:
what is kept of them here is never printed or logged.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from nlv_events.core.event_reading import in_values
from nlv_events.core.guest_models import Guest
from nlv_events.core.models import EventPerson, Person, ProgrammePerson

# Ids per statement (SQLite allows 999 parameters in old builds).
_CHUNK = 500
Contacts = tuple[str | None, str | None]  # e-mail, phone


@dataclass
class PeopleWritten:
    """The people added (by id) and each changed person's contacts as they were before the first change."""

    added: list[int] = field(default_factory=list)
    contacts_before: dict[int, Contacts] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.added or self.contacts_before)

    def add(self, later: PeopleWritten) -> None:
        """Count in what a later step wrote (a batch, once committed): the contacts as they were before the first."""
        self.added += later.added
        for person_id, contacts in later.contacts_before.items():
            self.contacts_before.setdefault(person_id, contacts)


# The notes of the work running on this thread (a context variable: each thread has its own), None outside it.
_NOTES: ContextVar[PeopleWritten | None] = ContextVar("people_written", default=None)


@contextmanager
def noting() -> Iterator[PeopleWritten]:
    """Note every person added and every contact changed inside, on this thread."""
    written = PeopleWritten()
    token = _NOTES.set(written)
    try:
        yield written
    finally:
        _NOTES.reset(token)


def added(person_ids: Iterable[int]) -> None:
    """Say that the people `person_ids` were just added to the address book."""
    notes = _NOTES.get()
    if notes is not None:
        notes.added.extend(person_ids)


def change_contacts(person: Person, email: str | None, phone: str | None) -> None:
    """Give `person` the e-mail and phone given (None keeps the stored one), written only when they differ."""
    before = (person.email, person.phone)
    after = (email or person.email, phone or person.phone)
    if after == before:
        return
    notes = _NOTES.get()
    if notes is not None:
        notes.contacts_before.setdefault(person.id, before)
    Person.update(email=after[0], phone=after[1]).where(Person.id == person.id).execute()
    person.email, person.phone = after


def _chunks(values: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _in_use(person_ids: Sequence[int]) -> set[int]:
    """Those of `person_ids` a record uses: an event's people, a programme row's, a guest list."""
    used: set[int] = set()
    for model in (EventPerson, ProgrammePerson, Guest):
        column = model.person  # type: ignore[attr-defined]
        used |= {person_id for (person_id,) in model.select(column).where(in_values(column, list(person_ids))).tuples()}
    return used


def take_back(written: PeopleWritten) -> None:
    """Contacts as they were, and the people added removed unless a record uses them now (an event, a programme or
    a guest list kept or added since): run after the work's records are taken back."""
    for person_id, (email, phone) in written.contacts_before.items():
        Person.update(email=email, phone=phone).where(Person.id == person_id).execute()
    for chunk in _chunks(written.added):
        used = _in_use(chunk)
        unused = [person_id for person_id in chunk if person_id not in used]
        if unused:
            Person.delete().where(Person.id.in_(unused)).execute()
