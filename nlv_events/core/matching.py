"""The stored venue, partner or person a typed name means: venues by folded name ("Hội trường tầng 2" is the hall
"Hội trường tầng 2, Thư viện …"), partners and people by name with case and spacing aside (accents kept: Hà is not
Hạ)."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable

import peewee

from nlv_events.core.models import Venue
from nlv_events.core.text import clean, fold


def venue_key(name: str | None) -> str:
    """The folded name; two names with one key are one venue written twice."""
    return fold(name)


def _place(name: str | None) -> str:
    """The folded name before its first comma: the room, without the building that follows it."""
    return venue_key(name).split(",")[0].strip()


def same_venue(first: str | None, second: str | None) -> bool:
    """Whether two names mean one place: the same folded name, or the same room with or without its building."""
    if not first or not second:
        return False
    return venue_key(first) == venue_key(second) or _place(first) == _place(second)


def name_key(name: str | None) -> str:
    """A person's or organisation's name as compared: NFC, case-folded, single spaces; accents kept."""
    return " ".join(clean(name).casefold().split())


def _stored(
    model: type[peewee.Model],
    name: str | None,
    key_of: Callable[[str | None], str],
    candidates: Callable[[str], Iterable[peewee.Model]],
) -> peewee.Model | None:
    """The stored row of `model` named `name` to the letter, else the first of `candidates(key)` with `name`'s key."""
    key = key_of(name)
    if not key:
        return None
    exact = model.get_or_none(model.name == name)
    if exact is not None:
        return exact
    return next((row for row in candidates(key) if key_of(row.name) == key), None)


def existing_named(model: type[peewee.Model], name: str | None) -> peewee.Model | None:
    """The stored row of `model` (Organisation, Person) whose name is `name` but for case and spacing."""

    def nearby(key: str) -> Iterable[peewee.Model]:
        # Only names of about that length can differ from it by case and spacing: the database narrows, cheaply.
        length = peewee.fn.LENGTH(model.name)
        return model.select().where(length.between(len(key) - 4, len(key) + 8))

    return _stored(model, name, name_key, nearby)


def existing(name: str | None) -> Venue | None:
    """The stored venue whose folded name is `name`'s (case, accents and spacing aside), if any."""
    return _stored(Venue, name, venue_key, lambda key: Venue.select())


def ids_of_place(name: str | None) -> list[int]:
    """The ids of every stored venue that is the same place as `name`."""
    return [venue.id for venue in Venue.select(Venue.id, Venue.name) if same_venue(venue.name, name)]


def suggestions(name: str | None, known: list[str], limit: int = 3) -> list[str]:
    """Known names that `name` is probably meant to be (not itself): the same place, or a near spelling."""
    key = venue_key(name)
    if len(key) < 4 or any(venue == name for venue in known):
        return []
    by_key = {venue_key(venue): venue for venue in known}
    found = [venue for venue in known if same_venue(venue, name)]
    for close in difflib.get_close_matches(key, list(by_key), n=limit, cutoff=0.85):
        if by_key[close] not in found:
            found.append(by_key[close])
    if not found:  # the start of a longer name: "hoi truong tang" → the halls on that floor
        found = [venue for venue in known if venue_key(venue).startswith(key)]
    return found[:limit]
