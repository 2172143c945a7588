"""The guests' printouts written to files: invitations (PDF or DOCX), name cards, the reception list."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os

from nlv_events import printing
from nlv_events.core import event_reading
from nlv_events.printing.decree import DecreeOptions, Letterhead, document_day
from nlv_events.printing.model import Document
from nlv_events.printing.output import check_path, render_as
from nlv_events.printing.printout import Printout
from nlv_events.services.guests import guest_list as guests
from nlv_events.services.guests import guest_replies, invitations
from nlv_events.services.guests.invitations import InvitationOptions
from nlv_events.services.register import registered_print

log = logging.getLogger(__name__)


def invitations_document(event_id: int, options: InvitationOptions) -> tuple[Document, int]:
    """The letters of the guests in the chosen states as one document, and how many letters it holds."""
    from nlv_events.services.guests import invitation_document

    record, letters = invitations.prepare(event_id, options)
    return invitation_document.document(record, letters, options), len(letters)


def invitations_bytes(event_id: int, options: InvitationOptions, kind: str = "pdf") -> bytes:
    return render_as(invitations_document(event_id, options)[0], f".{kind}")


def invitations_printout(event_id: int, options: InvitationOptions) -> Printout:
    """The letters for the preview, which saves them through the register when their number asks for it (the
    number was chosen in the invitations' dialog; a re-print is confirmed in the preview)."""
    document, _count = invitations_document(event_id, options)
    pdf = render_as(document, ".pdf")

    def write_signed(chosen: DecreeOptions | None, path: str) -> None:
        again = dataclasses.replace(options, reprint=options.reprint or bool(chosen and chosen.reprint))
        write_invitations(event_id, path, again)

    return Printout(pdf, lambda: render_as(document, ".docx"), document.dropped, None, write_signed)


def write_invitations(event_id: int, path: str | os.PathLike[str], options: InvitationOptions | None = None) -> int:
    """One letter per guest into `path` (.pdf or .docx, by its suffix); returns how many letters."""
    check_path(path)  # a wrong file name is refused before any work
    options = options or InvitationOptions()
    counted: list[int] = []

    def make(number: str | None) -> Document:
        document, count = invitations_document(event_id, dataclasses.replace(options, number=number or ""))
        counted.append(count)
        return document

    asked = registered_print.Asked(options.number, options.day, options.symbol, event_id, options.reprint)
    registered_print.write(make, path, asked)  # the letters of one event share the register's number
    count = counted[-1]
    log.info("%d invitations for event %s written", count, event_id)
    return count


def name_cards_document(event_id: int) -> Document:
    from nlv_events.services.guests import name_cards

    record = event_reading.load_record(event_id)
    return name_cards.document(guests.guest_list(event_id, guest_replies.COMING), record.title)


def name_cards_bytes(event_id: int) -> bytes:
    return render_as(name_cards_document(event_id), ".pdf")


def write_name_cards(event_id: int, path: str | os.PathLike[str]) -> None:
    printing.write(name_cards_document(event_id), path)


def reception_list_document(event_id: int, head_table: int | None = None, day: dt.date | None = None) -> Document:
    """The desk's list and the head-table plan, dated `day` (default: today, never after the event's day)."""
    from nlv_events.services.guests import reception_list

    record = event_reading.load_record(event_id)
    coming = guests.guest_list(event_id, guest_replies.COMING)
    places = reception_list.DEFAULT_HEAD_TABLE if head_table is None else head_table
    chosen = guests.head_table_guests(coming, places)
    seats = {entry.id: seat for seat, entry in enumerate(chosen, start=1)}  # seat 1 in the centre, as in the plan
    listed = guests.guest_list(event_id, reception_list.LISTED_STATES)
    letterhead = Letterhead.from_settings(day=document_day(day, record.start))
    return reception_list.document(record, listed, guests.seating_order(chosen), seats, letterhead)


def reception_list_bytes(event_id: int, head_table: int | None = None, day: dt.date | None = None) -> bytes:
    return render_as(reception_list_document(event_id, head_table, day), ".pdf")


def write_reception_list(event_id: int, path: str | os.PathLike[str], head_table: int | None = None,
                         day: dt.date | None = None) -> None:  # fmt: skip
    printing.write(reception_list_document(event_id, head_table, day), path)
