"""Which stored person a name (and perhaps a ref) means. A person is their id, and across files their `ref`: two
people may share a name (common in Vietnam), so a bare name is matched only when one stored person bears it, and
refused in one line when several do."""

from __future__ import annotations

import peewee

from nlv_events.core import people_added
from nlv_events.core.errors import UserError
from nlv_events.core.matching import name_key
from nlv_events.core.models import Person, database_proxy
from nlv_events.i18n import _


def named(name: str | None) -> list[Person]:
    """The stored people called `name`: those named so to the letter, else those whose name differs from it only by
    case and spacing (accents kept: Hà is not Hạ)."""
    key = name_key(name)
    if not key:
        return []
    exact = list(Person.select().where(Person.name == name).order_by(Person.id))
    if exact:
        return exact
    # Only names of about that length can differ from it by case and spacing: the database narrows, cheaply.
    length = peewee.fn.LENGTH(Person.name)
    nearby = Person.select().where(length.between(len(key) - 4, len(key) + 8)).order_by(Person.id)
    return [person for person in nearby if name_key(person.name) == key]


def ambiguous(name: str, count: int) -> UserError:
    return UserError(
        _(
            "{count} different people are named “{name}”: say which one is meant (choose them from the list of "
            "names in the window, or give the person's “ref” in the file)."
        ).format(count=count, name=name)
    )


def by_ref(ref: str, name: str) -> Person:
    """The person with `ref`; one not yet stored (a file from another database) is added under `name`. A stored
    person keeps their name: the ref, not the name, says who they are."""
    found = Person.get_or_none(Person.ref == ref)
    if found is not None:
        return found
    try:
        with database_proxy.atomic():  # a savepoint: a colleague adding the same person at once leaves this save going
            person = Person.create(name=name, ref=ref)
    except peewee.IntegrityError:
        return Person.get(Person.ref == ref)
    people_added.added([person.id])
    return person


def person_for(name: str, ref: str | None = None) -> Person:
    """The stored person `ref` names, else the one person called `name`, else a new person of that name; UserError
    when several people bear the name and nothing says which."""
    if ref:
        return by_ref(ref, name)
    found = named(name)
    if len(found) > 1:
        raise ambiguous(name, len(found))
    if found:
        return found[0]
    person = Person.create(name=name)
    people_added.added([person.id])
    return person
