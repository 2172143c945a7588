"""The guest list in the interchange file: each event's "guests", in order of precedence (docs/data-format.md)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from nlv_events.core import limits, people, people_added, when
from nlv_events.core.errors import UserError, ValidationError
from nlv_events.core.guest_models import Guest, GuestGroup
from nlv_events.core.models import Person
from nlv_events.core.text import clean_or_none, fold
from nlv_events.i18n import _
from nlv_events.services.guests import address_book, guest_groups, guest_numbers, guest_replies
from nlv_events.services.guests import guest_list as guests
from nlv_events.services.interchange import json_types
from nlv_events.services.interchange.parts import EventExporter, InterchangePart, Place, register

TEXT_KEYS = ("name", "honorific", "position", "organisation", "group", "state", "seat", "email", "phone", "notes",
             "invited_on", "invited_by", "ref")
GUEST_KEYS = {*TEXT_KEYS, "deputy"}
Fail = Callable[[str, str], UserError]


@dataclass
class GuestData:
    values: dict[str, str | None]
    deputy_name: str | None = None
    deputy_position: str | None = None


def parse(value: Any, fail: Fail) -> list[GuestData]:
    """Check an event's "guests" (a list of objects); `fail(key, problem)` makes the error naming the place."""
    if not isinstance(value, list):
        raise fail("guests", _("expected a list."))
    result = []
    for index, item in enumerate(value, start=1):
        where = f"guests[{index}]"
        if not isinstance(item, dict):
            raise fail(where, _("expected an object."))
        unknown = sorted(set(item) - GUEST_KEYS)
        if unknown:
            raise fail(f"{where}.{unknown[0]}", _("unknown key; the keys allowed here are: {keys}.").format(
                keys=", ".join(sorted(GUEST_KEYS))))
        values: dict[str, str | None] = {}
        for key in TEXT_KEYS:
            text = item.get(key)
            if text is not None and not isinstance(text, str):
                raise fail(f"{where}.{key}", _("expected text, found {value}.").format(value=json.dumps(text)))
            values[key] = clean_or_none(text)
        if not values["name"]:
            raise fail(f"{where}.name", _("this field is required."))
        state = values["state"] or "to_invite"
        if state not in guest_replies.STATES:
            raise fail(f"{where}.state", _("Unknown guest state “{state}”; use one of: {states}.").format(
                state=state, states=", ".join(guest_replies.STATES)))
        values["state"] = state
        if values["invited_on"]:
            try:
                when.parse_day(values["invited_on"])
            except ValueError:
                raise fail(f"{where}.invited_on", _("“{value}” is not a date such as 2022-12-12.").format(
                    value=values["invited_on"])) from None
        data = GuestData(values)
        deputy = item.get("deputy")
        if isinstance(deputy, str):
            data.deputy_name = clean_or_none(deputy)
        elif isinstance(deputy, dict) and isinstance(deputy.get("name"), str):
            # "honorific" (newer files) goes in front of the name, as the deputy_name column keeps it.
            honorific = deputy.get("honorific")
            if honorific is not None and not isinstance(honorific, str):
                raise fail(f"{where}.deputy.honorific", _("expected text, found {value}.").format(
                    value=json.dumps(honorific)))
            data.deputy_name = clean_or_none(guest_replies.deputy_as_addressed(honorific, deputy["name"]))
            position = deputy.get("position")
            data.deputy_position = clean_or_none(position) if isinstance(position, str) else None
        elif deputy is not None:
            raise fail(f"{where}.deputy", _("expected the deputy's name, or an object with name and position."))
        _check_texts(data, where, fail)
        result.append(data)
    return result


def _check_texts(data: GuestData, where: str, fail: Fail) -> None:
    """The store's text rules, as the guest list's window and the spreadsheet import apply them."""
    texts = {key: value for key, value in data.values.items() if key in limits.MAX_LENGTH}
    texts.update(deputy_name=data.deputy_name, deputy_position=data.deputy_position)
    for key, value in texts.items():
        try:
            guests.check_texts({key: value})
        except ValidationError as error:
            raise fail(f"{where}.{key}", error.message) from None


def _group(name: str | None) -> GuestGroup | None:
    if not name:
        return None
    for group in guest_groups.groups():
        if fold(group.name) == fold(name):
            return group
    last = max((group.rank for group in guest_groups.groups()), default=0)
    return GuestGroup.create(name=name, rank=last + 1)  # a group another office uses joins the list, last


def store(event_id: int, entries: list[GuestData] | None) -> None:
    """Make the event's guest list the file's (inside the import's transaction); None (an older file, or an event
    without "guests") leaves the list as it is. Guests already on the list keep their row."""
    if entries is None:
        return
    existing = {row.person_id: row for row in Guest.select().where(Guest.event == event_id)}
    # A name without a ref is the guest of that name already on this list, before anyone else who bears it.
    on_list = {
        person.name: person for person in Person.select().where(Person.id.in_(list(existing)))
    } if existing else {}
    # Numbers are unique in the database: the list's guests step aside (minus their id) before taking the file's.
    # Every guest's version and the list's step too, so a window holding the list before the import cannot save over
    # it.
    guest_numbers.list_changes(event_id, None)
    Guest.update(precedence=Guest.id * -1, version=Guest.version + 1).where(Guest.event == event_id).execute()
    kept: set[int] = set()
    for precedence, data in enumerate(entries, start=1):
        values = data.values
        ref = values["ref"]
        listed = on_list.get(values["name"] or "")
        person = listed if listed is not None and not ref else people.person_for(values["name"] or "", ref)
        people_added.change_contacts(person, values["email"], values["phone"])  # noted, for a take-back
        fields = {
            "honorific": values["honorific"],
            "position": values["position"],
            "organisation": values["organisation"],
            "group": _group(values["group"]),
            "precedence": precedence,
            "state": values["state"],
            "invited_on": when.parse_day(values["invited_on"]) if values["invited_on"] else None,
            "invited_by": values["invited_by"],
            "deputy_name": data.deputy_name,
            "deputy_position": data.deputy_position,
            "seat": values["seat"],
            "notes": values["notes"],
        }
        row = existing.get(person.id)
        if row is None:
            row = Guest.create(event=event_id, person=person, **fields)
        else:
            Guest.update(**fields).where(Guest.id == row.id).execute()
        kept.add(row.id)
    gone = [row.id for row in existing.values() if row.id not in kept]
    if gone:
        Guest.delete().where(Guest.id.in_(gone)).execute()


# What a file may leave out of a guest and the list keeps as it is: who the person is, by ref (else by name), and
# their contacts (an export without them).
_KEPT_WHEN_LEFT_OUT = ("ref", "email", "phone")


def _said(data: GuestData) -> tuple:
    values = {key: value for key, value in data.values.items() if key not in _KEPT_WHEN_LEFT_OUT}
    return tuple(sorted(values.items())), data.deputy_name, data.deputy_position


def differs(event_id: int, entries: list[GuestData]) -> bool:
    """Whether storing `entries` would change the event's guest list: an unchanged list is left as it is, its
    version and its guests' versions too (a colleague's form open on one is not told of a change that is none)."""

    def cannot_fail(key: str, problem: str) -> UserError:
        return UserError(problem)

    stored = parse(export(event_id, contacts=True), cannot_fail)
    if [_said(data) for data in stored] != [_said(data) for data in entries]:
        return True
    return any(
        data.values.get(key) and data.values.get(key) != held.values.get(key)
        for data, held in zip(entries, stored, strict=True)
        for key in _KEPT_WHEN_LEFT_OUT
    )


def export(event_id: int, contacts: bool = False) -> list[dict[str, Any]]:
    """The event's guests in order of precedence; e-mail and phone only when `contacts` is asked for."""
    entries = guests.guest_list(event_id)
    known = address_book.contacts_of(entry.person_id for entry in entries) if contacts else {}
    ids = [entry.person_id for entry in entries]
    refs = dict(Person.select(Person.id, Person.ref).where(Person.id.in_(ids)).tuples()) if ids else {}
    result = []
    for entry in entries:
        data: dict[str, Any] = {"name": entry.name, "ref": refs.get(entry.person_id)}
        for key in ("honorific", "position", "organisation", "group"):
            data[key] = getattr(entry, key)
        data["state"] = entry.state
        if entry.invited_on:
            data["invited_on"] = str(entry.invited_on)
            data["invited_by"] = entry.invited_by
        data["deputy"] = (
            {"name": entry.deputy_name, "position": entry.deputy_position} if entry.deputy_name else None
        )
        data["seat"] = entry.seat
        if contacts:
            data["email"], data["phone"] = known.get(entry.person_id, (None, None))
        data["notes"] = entry.notes
        result.append(data)
    return result


def with_guests(event: dict[str, Any], event_id: int, contacts: bool = False) -> dict[str, Any]:
    """`event` (an exported event) with its guest list added; an event without guests leaves the key out, as older
    files do (so re-importing it touches no guest list)."""
    guests = export(event_id, contacts)
    if guests:
        event["guests"] = guests
    return event


def exporter(contacts: bool = False) -> Callable[[dict[str, Any], int], dict[str, Any]]:
    """`with_guests`, asking the database only for the events that have guests."""
    having = {event_id for (event_id,) in Guest.select(Guest.event).distinct().tuples()}
    return lambda event, event_id: with_guests(event, event_id, contacts) if event_id in having else event



def schema() -> dict[str, Any]:
    """The JSON Schema of "guests": every key a text (or null), the name required, the state one of the list's,
    the day of the invitation a date; the deputy a name, or an object with the name (and form of address and
    position)."""
    texts = {key: json_types.optional(json_types.TEXT) for key in TEXT_KEYS}
    texts["name"] = json_types.REQUIRED_TEXT
    texts["state"] = json_types.optional(json_types.codes(guest_replies.STATES))
    texts["invited_on"] = json_types.optional(json_types.DAY)
    deputy = json_types.obj(
        {key: json_types.optional(json_types.TEXT) for key in ("name", "honorific", "position")}, ["name"]
    )
    deputy["type"] = ["string", "object", "null"]
    deputy["properties"]["name"] = json_types.TEXT
    guest = json_types.obj({**texts, "deputy": deputy}, ["name"])
    return json_types.optional(json_types.list_of(guest))


class GuestPart(InterchangePart):
    """Each event's "guests", by event position; an event without the key keeps its list."""

    name = "guests"
    order = 30
    event_keys = frozenset({"guests"})

    def parse(self, data: dict[str, Any], events: list[Any]) -> dict[int, list[GuestData]]:
        return {
            number: parse(value["guests"], Place(event=number).fail)
            for number, value in enumerate(events, 1)
            if isinstance(value, dict) and value.get("guests") is not None
        }

    def differs(self, parsed: dict[int, list[GuestData]], number: int, event_id: int) -> bool:
        return number in parsed and differs(event_id, parsed[number])

    def store_event(self, parsed: dict[int, list[GuestData]], number: int, event_id: int) -> None:
        if number in parsed and differs(event_id, parsed[number]):
            store(event_id, parsed[number])

    def keep(self, event_ids: list[int]) -> dict[int, int]:
        from nlv_events.services.team import part_history

        return part_history.versions_of(event_ids, "guest_list")

    def take_back(self, kept: dict[int, int]) -> None:
        from nlv_events.services.team import part_history

        part_history.bring_back("guest_list", kept)

    def exporter(self, contacts: bool) -> EventExporter:
        add_guests = exporter(contacts)  # adds the "guests" to the event's object in place

        def add(event_id: int, data: dict[str, Any]) -> None:
            add_guests(data, event_id)

        return add

    def event_schema(self) -> dict[str, dict[str, Any]]:
        return {"guests": schema()}


register(GuestPart())
