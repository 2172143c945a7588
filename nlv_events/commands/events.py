"""Sub-commands over the record of events: list them, import and export the interchange file."""

from __future__ import annotations

import argparse

from nlv_events.commands.common import open_named_database, print_utf8, year
from nlv_events.core.errors import UserError
from nlv_events.i18n import _, ngettext


def _import_parser(commands, common: argparse.ArgumentParser) -> None:
    importing = commands.add_parser(
        "import", parents=[common],
        help="import an interchange JSON file, a full export (.zip) with its files, or an event list (.xlsx, .csv, "
        ".docx)",
    )
    importing.add_argument("file", metavar="FILE.json|FILE.zip|FILE.xlsx|FILE.csv|FILE.docx")
    importing.add_argument(
        "--convert-legacy", action="store_true", help="convert text typed in the old TCVN3 (ABC) encoding to Unicode"
    )
    _list_options(importing)


def _list_options(importing: argparse.ArgumentParser) -> None:
    """An event list's options (docs/import.md)."""
    lists = importing.add_argument_group("event lists (.xlsx, .csv, .docx)")
    lists.add_argument("--year", type=year, help="the year of dates written without one (default: the list's title)")
    lists.add_argument("--dry-run", action="store_true", help="show how the list is read; store nothing")
    lists.add_argument("--sheet", metavar="NAME", help="read only this sheet of a workbook")
    lists.add_argument("--column", action="append", type=_column_choice, default=[], metavar="N=MEANING",
                       help="column N (1, 2… or A, B…) means MEANING (title, dates, venue, … or none)")
    lists.add_argument("--encoding", help="a CSV file's encoding when it is not UTF-8 (cp1258, cp1252)")
    lists.add_argument("--overwrite", action="store_true", help="let the list change events entered by hand")


def _column_choice(text: str) -> tuple[int, str]:
    from nlv_events.services.interchange.list_import import columns, report

    try:
        return report.column_choice(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("“{value}” is not N=MEANING; the meanings are: {meanings}, none.").format(
                value=text, meanings=", ".join(columns.MEANINGS))
        ) from None


def _export_parser(commands, common: argparse.ArgumentParser) -> None:
    exporting = commands.add_parser("export", parents=[common], help="export to an interchange JSON file")
    exporting.add_argument("file", metavar="FILE.json|FILE.zip")
    exporting.add_argument("--full", action="store_true",
                           help="a .zip holding the file and the attachments and photos it names")
    exporting.add_argument("--year", type=year)
    exporting.add_argument("--contacts", action="store_true", help="include the guests' e-mail and phone")


def _events_parser(commands, common: argparse.ArgumentParser) -> None:
    listing = commands.add_parser("events", parents=[common], help="list events")
    listing.add_argument("--year", type=year)
    listing.add_argument("--kind")
    listing.add_argument("--search", metavar="TEXT")
    listing.add_argument("--format", dest="output_format", choices=("table", "csv", "json"), default="table")


def _command_import(arguments: argparse.Namespace) -> int:
    from nlv_events.services.interchange import legacy
    from nlv_events.services.interchange.list_import import sources

    if arguments.file.lower().endswith(sources.SUFFIXES):
        return _import_list(arguments)
    if arguments.dry_run or arguments.sheet or arguments.column or arguments.year or arguments.encoding:
        raise UserError(_("--year, --dry-run, --sheet, --column and --encoding are for an event list (.xlsx, .csv, "
                          ".docx), not for {file}.").format(file=arguments.file))
    from nlv_events.services.workspace import record

    full = str(arguments.file).lower().endswith(".zip")
    if full:
        open_named_database(arguments)  # the files go to the media folder of the database imported into
    try:
        document = record.read_for_import(arguments.file, convert_legacy=arguments.convert_legacy)
    except legacy.LegacyTextError as error:
        hint = _("Nothing was imported: import with --convert-legacy to convert them to Unicode, or fix the file.")
        raise UserError(f"{error} {hint}") from None
    if not full:
        open_named_database(arguments)
    print(record.import_message(arguments.file, record.import_document(document)))
    return 0


def _import_list(arguments: argparse.Namespace) -> int:
    """An event list: the preview printed, then (unless --dry-run) stored whole, or nothing and one line why."""
    from nlv_events.services.interchange.list_import import plan, report

    open_named_database(arguments)
    preview = plan.preview(arguments.file, arguments.year, arguments.sheet, dict(arguments.column), arguments.encoding)
    if arguments.dry_run:
        print("\n".join(report.lines(preview)))
        if preview.unreadable:
            count = len(preview.unreadable)
            told = ngettext("{count} row cannot be read; nothing would be imported.",
                            "{count} rows cannot be read; nothing would be imported.", count)
            raise UserError(told.format(count=count))
        return 0
    by_hand = [item for item in preview.planned if item.action == plan.BY_HAND]
    if by_hand and not arguments.overwrite:
        first = by_hand[0].row
        raise UserError(
            _("Nothing was imported: the list changes {count} events entered by hand ({first}…); see them with "
              "--dry-run and import with --overwrite to let it.").format(
                count=len(by_hand), first=report.hand_entered(first.number, first.table, first.record.title,
                                                              by_hand[0].changes))
        )
    print(report.done_message(arguments.file, plan.apply(preview)))
    return 0


def _command_export(arguments: argparse.Namespace) -> int:
    from nlv_events.services.workspace import record

    if arguments.full != str(arguments.file).lower().endswith(".zip"):
        raise UserError(_("A full export (--full) is written to a .zip file, and only a full export is."))
    open_named_database(arguments)
    count = record.export_file(arguments.file, arguments.year, contacts=arguments.contacts)
    print(record.export_message(arguments.file, count))
    return 0


def _command_events(arguments: argparse.Namespace) -> int:
    from nlv_events.services.events import listing

    open_named_database(arguments)
    events = listing.select_events(arguments.year, arguments.kind, arguments.search)
    print_utf8(listing.render_utf8(events, arguments.output_format))
    return 0


PARSERS = {"import": _import_parser, "export": _export_parser, "events": _events_parser}
HANDLERS = {"import": _command_import, "export": _command_export, "events": _command_events}
