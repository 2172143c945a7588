"""Sub-commands that print or count the record: the tallies, the iCalendar file, a programme, the year-end list."""

from __future__ import annotations

import argparse
import sys

from nlv_events.commands.common import decree_options, decree_options_from, open_named_database, year
from nlv_events.core.errors import UserError
from nlv_events.i18n import _, ngettext


def _tallies_parser(commands, common: argparse.ArgumentParser) -> None:
    tallies = commands.add_parser("tallies", parents=[common], help="the year's tallies for the annual report")
    tallies.add_argument("year", type=year, metavar="YEAR")
    tallies.add_argument("-o", "--output", metavar="FILE")
    tallies.add_argument("--format", dest="output_format", choices=("json", "csv", "xlsx", "docx"))


def _ics_parser(commands, common: argparse.ArgumentParser) -> None:
    calendar = commands.add_parser("ics", parents=[common], help="export events as an iCalendar file")
    calendar.add_argument("--year", type=year)
    calendar.add_argument("-o", "--output", metavar="FILE.ics", required=True)


def _programme_parser(commands, common: argparse.ArgumentParser) -> None:
    programme = commands.add_parser(
        "programme", parents=[common], help="print an event's programme to PDF or Word (by the file's extension)"
    )
    programme.add_argument("event_id", type=int, metavar="EVENT_ID")
    programme.add_argument("-o", "--output", metavar="FILE.pdf|FILE.docx", required=True)
    programme.add_argument("--layout", choices=("a4", "booklet"), default="a4")
    decree_options(programme)


def _year_report_parser(commands, common: argparse.ArgumentParser) -> None:
    year_report = commands.add_parser(
        "year-report", parents=[common], help="print the year-end list of events to PDF or Word"
    )
    year_report.add_argument("year", type=year, metavar="YEAR")
    year_report.add_argument("-o", "--output", metavar="FILE.pdf|FILE.docx", required=True)
    decree_options(year_report, preparer=True)


def _command_tallies(arguments: argparse.Namespace) -> int:
    from nlv_events.services.reports import export_tallies, tallies

    output_format = export_tallies.format_for(arguments.output, arguments.output_format)
    if arguments.output is None and output_format in ("xlsx", "docx"):
        raise UserError(
            _("An {format} file cannot be printed on the screen: give a file with -o.").format(
                format=output_format.upper()
            )
        )
    open_named_database(arguments)
    figures = tallies.compute(arguments.year)
    if arguments.output is None:
        text = export_tallies.to_json_text(figures) if output_format == "json" else export_tallies.to_csv_text(figures)
        sys.stdout.write(text)
        return 0
    export_tallies.write(figures, arguments.output, output_format)
    print(_("Wrote the tallies of {year} to {file}.").format(year=arguments.year, file=arguments.output))
    return 0


def _command_ics(arguments: argparse.Namespace) -> int:
    from nlv_events.services.reports import ics

    open_named_database(arguments)
    count = ics.write_ics(arguments.output, arguments.year)
    print(
        ngettext("Wrote {count} event to {file}.", "Wrote {count} events to {file}.", count).format(
            count=count, file=arguments.output
        )
    )
    return 0


def _command_programme(arguments: argparse.Namespace) -> int:
    from nlv_events.services.reports import programme

    open_named_database(arguments)
    programme.write(arguments.event_id, arguments.output, arguments.layout, decree_options_from(arguments))
    print(_("Wrote the programme to {file}.").format(file=arguments.output))
    return 0


def _command_year_report(arguments: argparse.Namespace) -> int:
    from nlv_events.services.reports import year_report

    open_named_database(arguments)
    year_report.write(arguments.year, arguments.output, decree_options_from(arguments))
    print(_("Wrote the list of events of {year} to {file}.").format(year=arguments.year, file=arguments.output))
    return 0


PARSERS = {
    "tallies": _tallies_parser,
    "ics": _ics_parser,
    "programme": _programme_parser,
    "year-report": _year_report_parser,
}
HANDLERS = {
    "tallies": _command_tallies,
    "ics": _command_ics,
    "programme": _command_programme,
    "year-report": _command_year_report,
}
