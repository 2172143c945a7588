"""The guests' printouts written to files: invitations (PDF or DOCX), name cards, the reception list."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from nlv_events.core import store
from nlv_events.core.errors import UserError
from nlv_events.i18n import _
from nlv_events.printing.official import Letterhead
from nlv_events.services.guests import guest_list as guests
from nlv_events.services.guests import invitations
from nlv_events.services.guests.invitations import InvitationOptions
from nlv_events.services.workspace.files import atomic_output

log = logging.getLogger(__name__)


def invitations_bytes(event_id: int, options: InvitationOptions, kind: str = "pdf") -> bytes:
    record, letters = invitations.prepare(event_id, options)
    if kind == "docx":
        from nlv_events.services.guests import invitation_docx

        return invitation_docx.render(record, letters, options)
    from nlv_events.services.guests import invitation_pdf

    return invitation_pdf.render(record, letters, options, Letterhead.from_settings(day=options.day))


def write_invitations(event_id: int, path: str | os.PathLike[str], options: InvitationOptions | None = None) -> int:
    """One letter per guest into `path` (.pdf or .docx, by its suffix); returns how many letters."""
    options = options or InvitationOptions()
    suffix = Path(path).suffix.lower()
    if suffix not in (".pdf", ".docx"):
        raise UserError(_("Give the invitations a file name ending in .pdf or .docx, not “{name}”.").format(
            name=Path(path).name))
    data = invitations_bytes(event_id, options, suffix[1:])
    with atomic_output(path, "wb") as stream:
        stream.write(data)
    count = len(guests.guest_list(event_id, options.states))
    log.info("%d invitations for event %s written", count, event_id)
    return count


def name_cards_bytes(event_id: int) -> bytes:
    from nlv_events.services.guests import name_cards

    record = store.load_record(event_id)
    return name_cards.render(guests.guest_list(event_id, guests.COMING), record.title)


def write_name_cards(event_id: int, path: str | os.PathLike[str]) -> None:
    data = name_cards_bytes(event_id)
    with atomic_output(path, "wb") as stream:
        stream.write(data)


def reception_list_bytes(event_id: int, head_table: int | None = None) -> bytes:
    from nlv_events.services.guests import reception_list

    record = store.load_record(event_id)
    coming = guests.guest_list(event_id, guests.COMING)
    places = reception_list.DEFAULT_HEAD_TABLE if head_table is None else head_table
    chosen = guests.head_table_guests(coming, places)
    seats = {entry.id: seat for seat, entry in enumerate(chosen, start=1)}  # seat 1 in the centre, as in the plan
    listed = guests.guest_list(event_id, reception_list.LISTED_STATES)
    return reception_list.render(record, listed, guests.seating_order(chosen), seats)


def write_reception_list(event_id: int, path: str | os.PathLike[str], head_table: int | None = None) -> None:
    data = reception_list_bytes(event_id, head_table)
    with atomic_output(path, "wb") as stream:
        stream.write(data)
