"""A guest list in the change history: every guest of the event in order, with their ids, state, group and seat, as
plain JSON values. The history keeps one with each change to the list (core/history.py), to view and restore it.

Contacts stay out: a person's e-mail and phone are not read, nor the address an invitation was mailed to.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import JOIN

from nlv_events.core.guest_models import Guest, GuestGroup
from nlv_events.core.models import Person

# A guest's columns as the list shows and prints them: what a restore brings back. The mailing of an invitation
# (when, to whom, which file) is a fact a restore does not undo, and its address is a contact.
RESTORED = (
    "honorific", "position", "organisation", "state", "invited_on", "invited_by", "deputy_name", "deputy_position",
    "seat", "notes",
)  # fmt: skip


def plain(event_id: int) -> dict[str, Any]:
    """The guest list of `event_id`, first guest first."""
    rows = (
        Guest.select(Guest, Person.id, Person.name, Person.ref, GuestGroup.id, GuestGroup.name)
        .join(Person)
        .switch(Guest)
        .join(GuestGroup, JOIN.LEFT_OUTER)
        .where(Guest.event == event_id)
        .order_by(Guest.precedence, Guest.id)
    )
    guests = []
    for row in rows:
        # The person by id and by ref: an id a removed person had may be given to another (SQLite), a ref never.
        guest = {"id": row.id, "person": row.person.id, "person_ref": row.person.ref, "name": row.person.name,
                 "group": row.group_id,
                 "group_name": row.group.name if row.group_id else None, "precedence": row.precedence}
        guest.update({name: getattr(row, name) for name in RESTORED})
        if guest["invited_on"] is not None:
            guest["invited_on"] = guest["invited_on"].isoformat()
        guests.append(guest)
    return {"guests": guests}


def column_values(guest: dict[str, Any]) -> dict[str, Any]:
    """The stored columns a restore writes for one guest of a snapshot (dates back to dates)."""
    values = {name: guest.get(name) for name in RESTORED}
    if isinstance(values["invited_on"], str):
        values["invited_on"] = dt.date.fromisoformat(values["invited_on"])
    return values
