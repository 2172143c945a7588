"""Sub-commands of exhibitions: import from the catalogue, the checklist, item labels, the handover record."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nlv_events.commands.common import EVENT_DOCUMENT_DATE, day, number_options

# Exit status when some records of a catalogue file could not be read (the others were added).
SOME_SKIPPED = 3


def register(commands, common: argparse.ArgumentParser) -> dict:
    exhibit = commands.add_parser(
        "exhibit", parents=[common], help="an exhibition: its summary, or import items from a catalogue file"
    )
    exhibit.add_argument("event_id", type=int, metavar="ID")
    exhibit.add_argument("--import", dest="import_file", metavar="FILE.mrc|FILE.dat|FILE.xml|FILE.csv|FILE.xlsx")
    exhibit.add_argument("--dry-run", action="store_true", help="show what would be added, add nothing")
    exhibit.add_argument("--encoding", metavar="NAME",
                         help="a CSV file's encoding when it is neither UTF-8 nor UTF-16 (cp1258, cp1252 …)")
    exhibit.add_argument("--section", metavar="TITLE", help="the section the items go to (default: the last)")
    exhibit.add_argument("--intro", metavar="FILE.pdf", help="print the one-page introduction of the exhibition")
    exhibit.add_argument("--date", type=day, metavar="YYYY-MM-DD", help=EVENT_DOCUMENT_DATE)

    checklist = commands.add_parser("checklist", parents=[common], help="print an exhibition's checklist")
    checklist.add_argument("event_id", type=int, metavar="ID")
    checklist.add_argument("-o", "--output", metavar="FILE.pdf|FILE.xlsx", required=True)
    checklist.add_argument("--date", type=day, metavar="YYYY-MM-DD", help=EVENT_DOCUMENT_DATE)

    labels = commands.add_parser("labels", parents=[common], help="print the item labels of an exhibition")
    labels.add_argument("event_id", type=int, metavar="ID")
    labels.add_argument("-o", "--output", metavar="FILE.pdf", required=True)
    labels.add_argument("--size", choices=("a6", "a5"), default="a6")

    handover = commands.add_parser("handover", parents=[common], help="print a loan's handover record")
    handover.add_argument("event_id", type=int, metavar="ID")
    handover.add_argument("--lender", required=True, metavar="NAME")
    handover.add_argument("--return", dest="returning", action="store_true", help="the record of the items' return")
    number_options(handover, "3/BB-TVQG")
    handover.add_argument("-o", "--output", metavar="FILE.pdf|FILE.docx", required=True)
    return {"exhibit": _exhibit, "checklist": _checklist, "labels": _labels, "handover": _handover}


def _suffix(path: str, allowed: tuple[str, ...]) -> str:
    from nlv_events.core.errors import UserError
    from nlv_events.i18n import _

    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in allowed:
        raise UserError(
            _("{file}: give a file ending in {endings}.").format(
                file=path, endings=" / ".join(f".{ending}" for ending in allowed)
            )
        )
    return suffix


def _exhibit(arguments: argparse.Namespace) -> int:
    from nlv_events.core import database
    from nlv_events.services.exhibits import structure

    database.open_database(arguments.db)
    structure.exhibition_or_error(arguments.event_id)
    code = 0
    if arguments.import_file:
        code = _import(arguments)
    if arguments.intro:
        from nlv_events.i18n import _
        from nlv_events.services.exhibits import introduction

        introduction.write(arguments.event_id, arguments.intro, arguments.date)
        print(_("Wrote the introduction to {file}.").format(file=arguments.intro))
    if not arguments.import_file and not arguments.intro:
        from nlv_events.services.exhibits import summary

        sys.stdout.write(summary.text(arguments.event_id))
    return code


def _import(arguments: argparse.Namespace) -> int:
    from nlv_events.i18n import _, ngettext
    from nlv_events.services.exhibits import catalogue_import, summary

    preview = catalogue_import.read(arguments.import_file, arguments.encoding)
    if arguments.dry_run:
        sys.stdout.write(summary.preview_text(preview))
        print(_("Nothing was added (--dry-run)."))
    else:
        added = catalogue_import.apply(arguments.event_id, preview, arguments.section)
        print(
            ngettext("Added {count} item from {file}.", "Added {count} items from {file}.", added).format(
                count=added, file=arguments.import_file
            )
        )
    for problem in preview.problems:
        sys.stderr.write(_("Skipped record {number}: {reason}").format(number=problem.number, reason=problem.reason))
        sys.stderr.write("\n")
    for note in preview.notes:
        sys.stderr.write(note + "\n")
    return 0 if preview.complete else SOME_SKIPPED


def _checklist(arguments: argparse.Namespace) -> int:
    from nlv_events.core import database
    from nlv_events.i18n import _

    kind = _suffix(arguments.output, ("pdf", "xlsx"))
    database.open_database(arguments.db)
    if kind == "pdf":
        from nlv_events.services.exhibits import checklist_pdf as checklist

        checklist.write(arguments.event_id, arguments.output, arguments.date)
    else:
        from nlv_events.services.exhibits import checklist_xlsx

        checklist_xlsx.write(arguments.event_id, arguments.output)
    print(_("Wrote the checklist to {file}.").format(file=arguments.output))
    return 0


def _labels(arguments: argparse.Namespace) -> int:
    from nlv_events.core import database
    from nlv_events.i18n import _
    from nlv_events.services.exhibits import labels

    _suffix(arguments.output, ("pdf",))
    database.open_database(arguments.db)
    labels.write(arguments.event_id, arguments.output, arguments.size)
    print(_("Wrote the labels to {file}.").format(file=arguments.output))
    return 0


def _handover(arguments: argparse.Namespace) -> int:
    from nlv_events.core import database
    from nlv_events.i18n import _
    from nlv_events.services.exhibits import handover

    _suffix(arguments.output, ("pdf", "docx"))
    database.open_database(arguments.db)
    record = handover.build(
        arguments.event_id, arguments.lender, returning=arguments.returning, number=arguments.number
    )
    handover.write(record, arguments.output, arguments.event_id, arguments.reprint)
    print(_("Wrote the handover record to {file}.").format(file=arguments.output))
    return 0
