"""Sub-commands over the record of events: list them, import and export the interchange file."""

from __future__ import annotations

import argparse
import sys

from nlv_events.commands.common import open_named_database, year
from nlv_events.core.errors import UserError
from nlv_events.i18n import _


def _import_parser(commands, common: argparse.ArgumentParser) -> None:
    importing = commands.add_parser("import", parents=[common],
                                    help="import an interchange JSON file, or a full export (.zip) with its files")
    importing.add_argument("file", metavar="FILE.json|FILE.zip")
    importing.add_argument(
        "--convert-legacy", action="store_true", help="convert text typed in the old TCVN3 (ABC) encoding to Unicode"
    )


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
    sys.stdout.write(listing.render(events, arguments.output_format))
    return 0


PARSERS = {"import": _import_parser, "export": _export_parser, "events": _events_parser}
HANDLERS = {"import": _command_import, "export": _command_export, "events": _command_events}
