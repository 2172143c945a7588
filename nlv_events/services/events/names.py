"""The names already in the record (venues, organisations, people, guest groups), offered as the user types."""

from __future__ import annotations

from nlv_events.core import queries
from nlv_events.core.records import PersonEntry
from nlv_events.services.guests import guest_groups


def venue_names() -> list[str]:
    return queries.venue_names()


def organisation_names() -> list[str]:
    return queries.organisation_names()


def person_names() -> list[str]:
    return queries.person_names()


def known_person(name: str) -> PersonEntry | None:
    """The person called `name` as at their latest appearance; None when the record has no such person."""
    return queries.known_person(name)


def guest_group_names() -> list[str]:
    """The guest groups' names in order of protocol (Lãnh đạo Bộ first)."""
    return [group.name for group in guest_groups.groups()]
