"""Sub-commands of the guests' work: the guest list (and its import), invitations, name cards, reception list."""

from __future__ import annotations

import argparse
import json
import sys

from nlv_events.commands.common import EVENT_DOCUMENT_DATE, day, number_options
from nlv_events.core.cells import csv_text
from nlv_events.core.errors import UserError
from nlv_events.i18n import _, ngettext

COLUMNS = ("precedence", "name", "honorific", "position", "organisation", "group", "state", "deputy", "seat", "notes")


def register(commands, common: argparse.ArgumentParser) -> dict:
    listing = commands.add_parser("guests", parents=[common], help="show (or import) an event's guest list")
    listing.add_argument("event_id", type=int, metavar="ID")
    listing.add_argument("--import", dest="import_file", metavar="FILE.xlsx|FILE.csv",
                         help="add the guests of a spreadsheet (header row: Họ và tên, Chức vụ, Cơ quan…)")
    listing.add_argument("--encoding", metavar="NAME",
                         help="a CSV file's encoding when it is neither UTF-8 nor UTF-16 (cp1258, cp1252 …)")
    listing.add_argument("--merge", choices=("ask", "same", "new"), default="ask",
                         help="a name already in the address book but not surely the same person: ask, or treat "
                              "all such rows as the same person, or as new people")
    listing.add_argument("--format", dest="output_format", choices=("table", "json", "csv"), default="table")
    listing.add_argument("--contacts", action="store_true", help="include e-mail and phone (personal data)")
    listing.add_argument("--set-state", metavar="STATE",
                         help="record a reply: move the guests numbered by --guest to STATE (to_invite, invited, "
                              "accepted, declined, deputy, attended)")
    listing.add_argument("--guest", type=int, action="append", metavar="N",
                         help="a guest by their number in the list (its first column); repeatable")
    listing.add_argument("--deputy", metavar="NAME", help="with --set-state deputy: the name of the deputy sent")
    listing.add_argument("--deputy-honorific", metavar="TEXT",
                         help="the deputy's form of address (Ông, Bà, Đồng chí, TS. …), printed before the name")
    listing.add_argument("--deputy-position", metavar="TEXT", help="the deputy's position")

    invitations = commands.add_parser("invitations", parents=[common], help="print invitation letters (giấy mời)")
    invitations.add_argument("event_id", type=int, metavar="ID")
    invitations.add_argument("-o", "--output", metavar="FILE.pdf|FILE.docx", help="print the letters into this file")
    invitations.add_argument("--send", action="store_true",
                             help="e-mail each guest with an address their own letter (PDF) and the event's .ics")
    invitations.add_argument("--dry-run", action="store_true", help="with --send: list what would go, send nothing")
    invitations.add_argument("--resend", action="store_true",
                             help="with --send: send again to guests already sent their invitation")
    invitations.add_argument("--state", action="append", choices=("to_invite", "invited", "accepted"),
                             help="only guests in this state (repeatable); default: every guest not declined")
    number_options(invitations, "25/GM-TVQG", default="")
    invitations.add_argument("--date", metavar="YYYY-MM-DD", help="the date of the letters (default: today)")
    invitations.add_argument("--signer", default="", help="the name under the signature")
    invitations.add_argument("--signer-title", default="",
                             help="the signer's title (default GIÁM ĐỐC); two lines as “KT. GIÁM ĐỐC / PHÓ GIÁM "
                                  "ĐỐC”, “KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC” or with a newline")
    invitations.add_argument("--contact", default="", help="the contact line (“Mọi chi tiết xin liên hệ: …”)")
    invitations.add_argument("--qr", action="store_true", help="add a QR code with the event, time and place")
    invitations.add_argument("--leader-groups", type=int, default=None, metavar="N",
                             help="the first N guest groups are superiors, whose letters say “tới dự và chỉ đạo” "
                                  "(default: the setting invitations.leader_groups, 1: Lãnh đạo Bộ)")

    cards = commands.add_parser("name-cards", parents=[common], help="print tent name cards for accepted guests")
    cards.add_argument("event_id", type=int, metavar="ID")
    cards.add_argument("-o", "--output", metavar="FILE.pdf", required=True)

    reception = commands.add_parser("reception-list", parents=[common],
                                    help="print the reception desk's list of guests and the head-table plan")
    reception.add_argument("event_id", type=int, metavar="ID")
    reception.add_argument("-o", "--output", metavar="FILE.pdf", required=True)
    reception.add_argument("--head-table", type=int, default=None, metavar="N", help="places at the head table")
    reception.add_argument("--date", type=day, metavar="YYYY-MM-DD", help=EVENT_DOCUMENT_DATE)
    return {"guests": _guests, "invitations": _invitations, "name-cards": _name_cards,
            "reception-list": _reception_list}


def _open(arguments: argparse.Namespace) -> None:
    from nlv_events.core.database import open_database

    open_database(arguments.db)


def _ask(question: str) -> bool:
    answer = input(f"{question} [y/N] ").strip().lower()
    return answer in ("y", "yes", "c", "có", "co")


def _import(arguments: argparse.Namespace) -> None:
    from nlv_events.services.guests import guest_list as guests
    from nlv_events.services.guests import spreadsheet_import

    guests.guest_list(arguments.event_id)  # an unknown event stops here, before the file is read
    plan = spreadsheet_import.preview(arguments.import_file, encoding=arguments.encoding)
    answers: dict[int, bool] = {}
    if plan.unsure and not plan.problems:
        if arguments.merge == "ask" and not sys.stdin.isatty():
            rows = ", ".join(str(row.row) for row in plan.unsure)
            raise UserError(_("Rows {rows} may be people already in the address book: run again with --merge same "
                              "or --merge new, or in a terminal to answer each.").format(rows=rows))
        for row in plan.unsure:
            if arguments.merge == "ask":
                answers[row.row] = _ask(_("Row {row}: is “{name}” ({organisation}) the same person as {known}?").format(
                    row=row.row, name=row.entry.name, organisation=row.entry.organisation or "—",
                    known=row.candidate))
            else:
                answers[row.row] = arguments.merge == "same"
    summary = spreadsheet_import.apply(arguments.event_id, plan, answers)
    sys.stderr.write(_("Imported {file}: {added} guests added, {updated} updated.").format(
        file=arguments.import_file, added=summary.added, updated=summary.updated) + "\n")


def _set_state(arguments: argparse.Namespace) -> None:
    from nlv_events.services.guests import guest_list as guests
    from nlv_events.services.guests import guest_replies

    if not arguments.guest:
        raise UserError(_("Say which guests with --guest N (their number in the list)."))
    by_number = {entry.precedence: entry.id for entry in guests.guest_list(arguments.event_id)}
    unknown = [number for number in arguments.guest if number not in by_number]
    if unknown:
        raise UserError(_("There is no guest number {id}.").format(id=unknown[0]))
    guest_replies.set_state([by_number[number] for number in arguments.guest], arguments.set_state,
                            deputy_name=arguments.deputy, deputy_position=arguments.deputy_position,
                            deputy_honorific=arguments.deputy_honorific)


def _guests(arguments: argparse.Namespace) -> int:
    from nlv_events.services.guests import address_book, guest_replies
    from nlv_events.services.guests import guest_list as guests

    _open(arguments)
    if arguments.import_file:
        _import(arguments)
    if arguments.set_state:
        _set_state(arguments)
    entries = guests.guest_list(arguments.event_id)
    contacts = address_book.contacts_of(e.person_id for e in entries) if arguments.contacts else {}
    rows = []
    for entry in entries:
        row = {
            "precedence": entry.precedence,
            "name": entry.name,
            "honorific": entry.honorific,
            "position": entry.position,
            "organisation": entry.organisation,
            "group": entry.group,
            "state": entry.state,
            "deputy": entry.deputy_name,
            "seat": entry.seat,
            "notes": entry.notes,
        }
        if arguments.contacts:
            row["email"], row["phone"] = contacts.get(entry.person_id, (None, None))
        rows.append(row)
    columns = [*COLUMNS, *(("email", "phone") if arguments.contacts else ())]
    if arguments.output_format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif arguments.output_format == "csv":
        sys.stdout.write(csv_text([columns, *([row[column] for column in columns] for row in rows)], line_end="\n"))
    else:
        for row in rows:
            state = guest_replies.state_label(row["state"])
            line = f"{row['precedence']:>3}  {guests.GuestEntry(**{k: row[k] for k in COLUMNS[1:5]}).addressee}"
            extra = f" → {row['deputy']}" if row["deputy"] else ""
            sys.stdout.write(f"{line}  [{row['group'] or '—'}] {state}{extra}\n")
        counts = guests.counts(arguments.event_id)
        sys.stdout.write(_("{total} guests: {invited} invited, {accepted} accepted, {declined} declined, {deputy} "
                           "sending a deputy, {attended} attended.").format(
            total=counts.total, invited=counts.invited, accepted=counts.by_state["accepted"],
            declined=counts.by_state["declined"], deputy=counts.by_state["deputy"],
            attended=counts.by_state["attended"]) + "\n")
    return 0


def _invitations(arguments: argparse.Namespace) -> int:

    from nlv_events.core import when
    from nlv_events.printing import decree
    from nlv_events.services.guests import documents
    from nlv_events.services.guests.invitations import DEFAULT_STATES, InvitationOptions

    day = None
    if arguments.date:
        try:
            day = when.parse_day(arguments.date)
        except ValueError:
            raise UserError(_("“{value}” is not a date such as 2022-12-12.").format(value=arguments.date)) from None
    options = InvitationOptions(
        number=arguments.number,
        day=day,
        signer_name=arguments.signer,
        signer_title="\n".join(decree.authority_lines(arguments.signer_title)),
        contact=arguments.contact,
        qr=arguments.qr,
        states=tuple(arguments.state) if arguments.state else DEFAULT_STATES,
        leader_groups=arguments.leader_groups,
        reprint=arguments.reprint,
    )
    if arguments.send == bool(arguments.output):
        raise UserError(_("Give either -o FILE to print the invitations or --send to e-mail them."))
    _open(arguments)
    if arguments.send:
        from nlv_events.commands import invitation_sending

        return invitation_sending.send(arguments, options)
    count = documents.write_invitations(arguments.event_id, arguments.output, options)
    print(ngettext("Wrote {count} invitation to {file}.", "Wrote {count} invitations to {file}.", count).format(
        count=count, file=arguments.output))
    return 0


def _name_cards(arguments: argparse.Namespace) -> int:
    from nlv_events.services.guests import documents

    _open(arguments)
    documents.write_name_cards(arguments.event_id, arguments.output)
    print(_("Wrote the name cards to {file}.").format(file=arguments.output))
    return 0


def _reception_list(arguments: argparse.Namespace) -> int:
    from nlv_events.services.guests import documents

    _open(arguments)
    documents.write_reception_list(arguments.event_id, arguments.output, arguments.head_table, arguments.date)
    print(_("Wrote the list of guests to {file}.").format(file=arguments.output))
    return 0
