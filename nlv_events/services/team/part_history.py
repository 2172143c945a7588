"""An event's exhibition and guest list in the change history: any version viewed whole, and restored as a new
change (the restore is itself in the history; nothing is overwritten).

Each save of a part keeps the version it replaces (core/history.py): version N is in the entry of version N + 1,
the newest is the part as stored. A restore saves the part through its ordinary save, so its rows keep their ids,
a row added since is removed by the sync and recorded, and a colleague's save in between is a ConflictError.
"""

from __future__ import annotations

import json
from typing import Any

from nlv_events.core import exhibit_records, guard, history, versioned
from nlv_events.core.errors import ConflictError, NothingToRestore, UserError
from nlv_events.core.event_reading import in_values
from nlv_events.core.guest_models import Guest, GuestGroup
from nlv_events.core.history_models import ChangeEntry
from nlv_events.core.models import Event, Person, database_proxy
from nlv_events.i18n import N_, _
from nlv_events.services.exhibits import exhibit_history, structure
from nlv_events.services.guests import guest_history, guest_numbers
from nlv_events.services.guests.guest_replies import state_label

# The parts, by the kind their history entries name, with the word a message uses.
PARTS: dict[str, str] = {"exhibit": N_("the exhibition"), "guest_list": N_("the guest list")}
_VERSION_COLUMNS = {"exhibit": Event.exhibit_version, "guest_list": Event.guest_list_version}


def _part(part: str) -> str:
    if part not in PARTS:
        raise UserError(_("Unknown part “{part}”: the exhibition or the guest list.").format(part=part))
    return part


def current_version(event_id: int, part: str) -> int:
    """The part's version as stored; UserError for an unknown event."""
    version = Event.select(_VERSION_COLUMNS[_part(part)]).where(Event.id == event_id).scalar()
    if version is None:
        raise UserError(_("There is no event number {id}.").format(id=event_id))
    return version


def _stored(event_id: int, part: str) -> dict[str, Any]:
    if part == "exhibit":
        return exhibit_history.plain(structure.load(event_id))
    return guest_history.plain(event_id)


def versions(event_id: int, part: str) -> set[int]:
    """The versions of the part the history can show: each one a later save kept, and the one stored."""
    kept = (
        ChangeEntry.select(ChangeEntry.version)
        .where((ChangeEntry.record_kind == _part(part)) & (ChangeEntry.record_id == event_id)
               & ChangeEntry.snapshot.is_null(False))
        .tuples()
    )
    return {version - 1 for (version,) in kept if version is not None} | {current_version(event_id, part)}


def part_at(event_id: int, part: str, version: int) -> dict[str, Any]:
    """The part as it was at `version` (plain values, rows with their ids); UserError when the history holds no
    such version."""
    if version == current_version(event_id, part):
        return _stored(event_id, part)
    snapshot = (
        ChangeEntry.select(ChangeEntry.snapshot)
        .where((ChangeEntry.record_kind == part) & (ChangeEntry.record_id == event_id)
               & (ChangeEntry.version == version + 1) & ChangeEntry.snapshot.is_null(False))
        .order_by(ChangeEntry.id.desc())
        .scalar()
    )
    values = json.loads(snapshot) if snapshot is not None else None
    if values is None or values.get("version") != version:
        raise UserError(
            _("The history of {part} of event {id} holds no version {version}.").format(
                part=_(PARTS[part]), id=event_id, version=version
            )
        )
    return values


def restore_part(event_id: int, part: str, version: int, seen: int | None = None, refuse_unchanged: bool = True) -> int:
    """Save the part as it was at `version`, as a new change; returns its new version. `seen` is the part's version
    as the user sees it: a colleague's save since is a ConflictError; None restores over whatever is stored. A part
    already as it was at `version` is NothingToRestore, unless `refuse_unchanged` is False (an import taken back
    records its restore whatever it finds)."""
    with guard.database_errors(), database_proxy.atomic(), history.restoring(version):
        earlier = part_at(event_id, part, version)
        if refuse_unchanged and _content(earlier) == _content(_stored(event_id, part)):
            raise NothingToRestore(
                _("Nothing was saved: {part} of event {id} is already as it was at version {version}.").format(
                    part=_(PARTS[part]), id=event_id, version=version
                )
            )
        if part == "exhibit":
            data = exhibit_history.from_plain(earlier)
            data.version = seen
            return structure.save(event_id, data, keep_ids=True).version  # type: ignore[return-value]
        _restore_guests(event_id, earlier["guests"], seen)
        return current_version(event_id, part)


def _content(snapshot: dict[str, Any]) -> dict[str, Any]:
    """A part's snapshot without its version number: what a restore would change."""
    return {key: value for key, value in snapshot.items() if key != "version"}


def versions_of(event_ids: list[int], part: str) -> dict[int, int]:
    """The part's stored version for each of `event_ids`, for `bring_back` (an import keeps them before it writes)."""
    column = _VERSION_COLUMNS[_part(part)]
    return dict(Event.select(Event.id, column).where(in_values(Event.id, event_ids)).tuples())


def bring_back(part: str, kept: dict[int, int]) -> None:
    """Restore the part of each event of `kept` whose version moved on to the kept version, as a new change: an
    import taken back (cancelled, or failed in a later batch) leaves the part as it found it, and its history says
    so (the import's change, then the restore of the version before it)."""
    for event_id, version in kept.items():
        if current_version(event_id, part) != version:
            restore_part(event_id, part, version, refuse_unchanged=False)


def _same_person(guest: dict[str, Any]) -> bool:
    """Whether the person of the snapshot's guest is still in the address book under their id. SQLite gives the id
    of a removed person (one a guest import taken back had added) to the next person added: the id must still be
    the person the snapshot names, by their ref (a version kept before refs were kept: by their name)."""
    person = Person.get_or_none(Person.id == guest["person"])
    if person is None:
        return False
    if guest.get("person_ref"):
        return person.ref == guest["person_ref"]
    return person.name == guest["name"]


def _restore_guests(event_id: int, guests: list[dict[str, Any]], seen: int | None) -> None:
    """Bring the event's guests to `guests` by id, then number them in that order."""
    guest_numbers.list_changes(event_id, seen)
    gone = [guest["name"] for guest in guests if not _same_person(guest)]
    if gone:
        raise UserError(
            _("The guest list cannot be restored: {names} are no longer in the address book.").format(
                names=", ".join(gone)
            )
        )
    stored = {row.id: row.__data__ for row in Guest.select().where(Guest.event == event_id)}
    groups = {group_id for (group_id,) in GuestGroup.select(GuestGroup.id).tuples()}
    # A guest brought back goes past every number taken (the numbers are unique); the renumbering orders them all.
    free = max((values["precedence"] for values in stored.values()), default=0) + 1
    rows = []
    for guest in guests:
        values = {"event": event_id, "person": guest["person"], **guest_history.column_values(guest),
                  "group": guest["group"] if guest["group"] in groups else None}
        before = stored.get(guest["id"])
        guest_id = guest["id"]
        if before is not None and before["person"] != guest["person"]:
            # The row of that id is another person's, added since (SQLite gives a removed row's id again): this
            # guest comes back in a row of their own, and that one goes, with what was done for them (a mailing).
            before, guest_id = None, None
        if before is None:
            values["precedence"], free = free, free + 1
        elif any(before.get(name) != value for name, value in values.items()):
            values["version"] = before["version"] + 1  # a colleague's form open on this guest sees it changed
        rows.append({"id": guest_id, **values})

    def conflict() -> ConflictError:
        return versioned.conflict_error(_("the guest list"), [_("guests added, removed or moved")])

    ids = versioned.sync_rows(Guest, Guest.event == event_id, rows, None, conflict, keep_ids=True)
    guest_numbers.renumber(event_id, ids)


def lines(part: str, values: dict[str, Any]) -> list[str]:
    """A version of a part in words, a row a line with its id: for the window and the command line."""
    if part == "exhibit":
        found = []
        for section in values.get("sections", []):
            found.append(_("Section #{id} “{title}”").format(id=section.get("id"), title=section["title"]))
            found += [f"  #{item.get('id')} {item['title']} × {item.get('quantity', 1)}" for item in section["items"]]
        for loan in values.get("loans", []):
            state, lender = exhibit_records.state_label(loan["state"]), loan["lender"]
            found.append(_("Loan #{id} {lender}: {state}").format(id=loan.get("id"), lender=lender, state=state))
        return found
    found = []
    for number, guest in enumerate(values.get("guests", []), start=1):
        shown = (state_label(guest["state"]), guest.get("group_name"), guest.get("seat"))
        found.append(f"{number}. #{guest['id']} {guest['name']} — " + ", ".join(value for value in shown if value))
    return found
