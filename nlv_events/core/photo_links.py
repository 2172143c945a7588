"""The photos that show a person of an event, kept when the person is taken off the event and linked again when
the person comes back.

A photo names the people it shows by their appearance rows (PhotoPerson → EventPerson), and a link goes with its
row: removing a person from an event by mistake and restoring the version before lost which photos showed them.
So a save that removes a person notes those photos in its history entry (the removed row's "photos"), and a save
that brings the row back (a restore, an import taken back: the row's old id given again) stores it under that id
again and links it to those of the photos still in the event.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from nlv_events.core.event_reading import in_values
from nlv_events.core.history_models import ChangeEntry
from nlv_events.core.matching import name_key
from nlv_events.core.media_models import Photo, PhotoPerson
from nlv_events.core.models import EventPerson


def shown_in(appearance_ids: Iterable[int]) -> dict[int, list[int]]:
    """The photos showing each of the appearances, by appearance id (those shown in none left out)."""
    ids = list(appearance_ids)
    shown: dict[int, list[int]] = {}
    if ids:
        links = PhotoPerson.select(PhotoPerson.event_person, PhotoPerson.photo).where(
            in_values(PhotoPerson.event_person, ids)
        )
        for appearance_id, photo_id in links.order_by(PhotoPerson.id).tuples():
            shown.setdefault(appearance_id, []).append(photo_id)
    return shown


def note_removed(changes: list[dict[str, Any]] | None, shown: dict[int, list[int]]) -> None:
    """Put into a save's changes the photos that showed each person it removed."""
    for item in changes or []:
        if item.get("row") == "people" and item.get("change") == "removed" and item.get("id") in shown:
            item["photos"] = shown[item["id"]]


def returning(event_id: int, names: dict[int, str]) -> dict[int, list[int]]:
    """Of the ids in `names` (an id given for one of the event's people, and that person's name) that no row holds,
    those the event's history shows removed from it under that same name: each with the photos that showed the
    person then (at the newest such removal). Such a row comes back under its own id: this database gave it. The
    name is asked because SQLite gives a removed row's id to the next row added: the newest removal of an id may
    be another person's."""
    ids = list(names)
    taken = {row_id for (row_id,) in EventPerson.select(EventPerson.id).where(in_values(EventPerson.id, ids)).tuples()}
    free = {row_id: name_key(names[row_id]) for row_id in ids if row_id not in taken}
    noted: dict[int, list[int]] = {}
    if not free:
        return noted
    entries = (
        ChangeEntry.select(ChangeEntry.changes)
        .where((ChangeEntry.record_kind == "event") & (ChangeEntry.record_id == event_id)
               & ChangeEntry.changes.contains('"removed"'))
        .order_by(ChangeEntry.id.desc())
    )  # fmt: skip
    for (changes,) in entries.tuples():
        for item in json.loads(changes):
            row_id = item.get("id")
            if (item.get("row") == "people" and item.get("change") == "removed" and row_id in free
                    and row_id not in noted and name_key(item.get("name")) == free[row_id]):  # fmt: skip
                noted[row_id] = item.get("photos", [])
    return noted


def give_back(event_id: int, returned: dict[int, list[int]]) -> int:
    """Link each person back under their id to the photos `returned` names for them, those still in the event and
    not linked already; returns how many links were made."""
    wanted = {photo_id for photos in returned.values() for photo_id in photos}
    if not wanted:
        return 0
    in_the_event = Photo.select(Photo.id).where((Photo.event == event_id) & in_values(Photo.id, list(wanted)))
    present = {photo_id for (photo_id,) in in_the_event.tuples()}
    linked = set(
        PhotoPerson.select(PhotoPerson.photo, PhotoPerson.event_person)
        .where(in_values(PhotoPerson.event_person, list(returned)))
        .tuples()
    )
    links = [
        {"photo": photo_id, "event_person": row_id}
        for row_id, photos in returned.items()
        for photo_id in dict.fromkeys(photos)
        if photo_id in present and (photo_id, row_id) not in linked
    ]
    if links:
        PhotoPerson.insert_many(links).execute()
    return len(links)
