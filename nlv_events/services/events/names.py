"""The names already in the record (venues, organisations, people, guest groups), offered as the user types."""

from __future__ import annotations

import uuid

from nlv_events.core import queries
from nlv_events.core.records import PersonEntry
from nlv_events.i18n import _
from nlv_events.services.guests import guest_groups


def venue_names() -> list[str]:
    return queries.venue_names()


def organisation_names() -> list[str]:
    return queries.organisation_names()


def person_names() -> list[str]:
    return queries.person_names()


def known_person(name: str, ref: str | None = None) -> PersonEntry | None:
    """The person `ref` names, else the one person called `name`, as at their latest appearance; None when the
    record has no such person, or several bear the name."""
    return queries.known_person(name, ref)


NEW_PERSON = ""  # the ref of a choice that means "a new person of this name"


def person_choices() -> dict[str, tuple[str, str]]:
    """What the window offers as the user types a person's name: label → (name, ref). A name one person bears is
    offered as it is; people who share a name are told apart by their latest position and organisation (or their
    number), and a name already taken is offered once more as a new person of that name (ref NEW_PERSON)."""
    by_name: dict[str, list[tuple[int, str]]] = {}
    for person_id, name, ref in queries.people_with_refs():
        by_name.setdefault(name, []).append((person_id, ref))
    choices: dict[str, tuple[str, str]] = {}
    for name, bearers in by_name.items():
        if len(bearers) == 1:
            choices[name] = (name, bearers[0][1])
        else:
            for person_id, ref in bearers:
                choices[f"{name} ({_namesake_detail(person_id, ref, name)})"] = (name, ref)
        choices[_("{name} (a new person)").format(name=name)] = (name, NEW_PERSON)
    return choices


def chosen_person(text: str) -> tuple[str, str | None]:
    """The name and ref of the person the user chose (or typed) as `text`: a choice of the list is that person, a new
    person of a taken name gets a ref of their own, a typed name has none (the one person of that name, or new)."""
    name, ref = person_choices().get(text, (text, None))
    return (name, uuid.uuid4().hex) if ref == NEW_PERSON else (name, ref)


def _namesake_detail(person_id: int, ref: str, name: str) -> str:
    latest = queries.known_person(name, ref)
    details = [text for text in (latest.position, latest.organisation) if text] if latest else []
    return ", ".join(details) or _("number {id}").format(id=person_id)


def guest_group_names() -> list[str]:
    """The guest groups' names in order of protocol (Lãnh đạo Bộ first)."""
    return [group.name for group in guest_groups.groups()]
