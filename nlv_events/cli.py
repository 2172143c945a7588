"""The `nlv-events` command: the GUI by default, and sub-commands over the same services the window uses."""

from __future__ import annotations

import argparse
import codecs
import datetime as dt
import logging
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from nlv_events import __version__, i18n, logs, one_shot
from nlv_events.core.errors import UserError
from nlv_events.core.settings import Settings
from nlv_events.i18n import _, ngettext

log = logging.getLogger(__name__)
LANGUAGE_VARIABLE = "NLV_EVENTS_LANG"


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake in one line, like every other error of the command."""

    def error(self, message: str) -> None:  # type: ignore[override]
        _fail(_("{message} (see “{prog} --help”)").format(message=message, prog=self.prog), code=2)


def _fail(message: str, code: int = 1) -> None:
    # One line, whatever the message quotes back: a broken character or a line break in a file must not break it.
    line = " ".join(message.encode("utf-8", "backslashreplace").decode("utf-8").split())
    if sys.stderr is not None:  # the windowed program (nlv-eventsw.exe) has no streams: the exit code remains
        sys.stderr.write(f"nlv-events: {line}\n")
    raise SystemExit(code)


def _common_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH_OR_URL", help="database file or postgresql:// URL")
    common.add_argument("--lang", choices=i18n.LANGUAGES, help="language of messages and printouts")
    return common


def _year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("“{value}” is not a year").format(value=text)) from None
    if not 1900 <= year <= 2200:
        raise argparse.ArgumentTypeError(_("“{value}” is not a year").format(value=text))
    return year


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("“{value}” is not a date such as 2023-01-05").format(value=text)) from None


def _decree_options(parser: argparse.ArgumentParser, preparer: bool = False) -> None:
    """The decree's blocks of a signed document; each defaults to the settings (the date to today)."""
    parser.add_argument("--number", metavar="TEXT", help="document number, e.g. 15 or 15/CTr-TVQG")
    parser.add_argument("--date", type=_day, metavar="YYYY-MM-DD", help="date of the document (default: today)")
    parser.add_argument("--signer", metavar="TEXT", help="name of the signer")
    parser.add_argument("--authority", metavar="TEXT",
                        help="signing authority, lines separated by ' / ', '|' or newlines")
    if preparer:
        parser.add_argument("--preparer", metavar="TEXT", help="name under Người lập biểu")
        parser.add_argument("--news-links", action="store_true", help="print each event's news link under its notes")
    else:
        parser.add_argument("--recipients", metavar="TEXT", help="recipients (Nơi nhận), separated by ';'")


def _options_from(arguments: argparse.Namespace):
    from nlv_events.printing.decree import DecreeOptions

    return DecreeOptions(
        number=arguments.number,
        date=arguments.date,
        signer=arguments.signer,
        authority=arguments.authority,
        recipients=getattr(arguments, "recipients", None),
        preparer=getattr(arguments, "preparer", None),
        news_links=getattr(arguments, "news_links", False),
    )


def _gui_parser(commands, common: argparse.ArgumentParser) -> None:
    gui = commands.add_parser("gui", parents=[common], help="open the window (the default)")
    gui.add_argument("--screenshot", metavar="FILE.png", help="show the window, save a picture of it, quit")
    gui.add_argument(
        "--view",
        choices=("list", "calendar", "editor", "programme", "tallies", "photos"),
        default="list",
        help="what the screenshot shows",
    )
    gui.add_argument("--year", help="open on this year, or 'all'")
    # For the benchmarks: quit as soon as the window is shown with its data.
    gui.add_argument("--quit-when-shown", action="store_true", help=argparse.SUPPRESS)


def _demo_parser(commands, common: argparse.ArgumentParser) -> None:
    commands.add_parser("demo", parents=[common], help="load the demo year 2022 (sample data)")


def _import_parser(commands, common: argparse.ArgumentParser) -> None:
    importing = commands.add_parser("import", parents=[common], help="import an interchange JSON file")
    importing.add_argument("file", metavar="FILE.json")
    importing.add_argument(
        "--convert-legacy", action="store_true", help="convert text typed in the old TCVN3 (ABC) encoding to Unicode"
    )


def _export_parser(commands, common: argparse.ArgumentParser) -> None:
    exporting = commands.add_parser("export", parents=[common], help="export to an interchange JSON file")
    exporting.add_argument("file", metavar="FILE.json")
    exporting.add_argument("--year", type=_year)
    exporting.add_argument("--contacts", action="store_true", help="include the guests' e-mail and phone")


def _events_parser(commands, common: argparse.ArgumentParser) -> None:
    listing = commands.add_parser("events", parents=[common], help="list events")
    listing.add_argument("--year", type=_year)
    listing.add_argument("--kind")
    listing.add_argument("--search", metavar="TEXT")
    listing.add_argument("--format", dest="output_format", choices=("table", "csv", "json"), default="table")


def _tallies_parser(commands, common: argparse.ArgumentParser) -> None:
    tallies = commands.add_parser("tallies", parents=[common], help="the year's tallies for the annual report")
    tallies.add_argument("year", type=_year, metavar="YEAR")
    tallies.add_argument("-o", "--output", metavar="FILE")
    tallies.add_argument("--format", dest="output_format", choices=("json", "csv", "xlsx", "docx"))


def _ics_parser(commands, common: argparse.ArgumentParser) -> None:
    calendar = commands.add_parser("ics", parents=[common], help="export events as an iCalendar file")
    calendar.add_argument("--year", type=_year)
    calendar.add_argument("-o", "--output", metavar="FILE.ics", required=True)


def _programme_parser(commands, common: argparse.ArgumentParser) -> None:
    programme = commands.add_parser(
        "programme", parents=[common], help="print an event's programme to PDF or Word (by the file's extension)"
    )
    programme.add_argument("event_id", type=int, metavar="EVENT_ID")
    programme.add_argument("-o", "--output", metavar="FILE.pdf|FILE.docx", required=True)
    programme.add_argument("--layout", choices=("a4", "booklet"), default="a4")
    _decree_options(programme)


def _year_report_parser(commands, common: argparse.ArgumentParser) -> None:
    year_report = commands.add_parser(
        "year-report", parents=[common], help="print the year-end list of events to PDF or Word"
    )
    year_report.add_argument("year", type=_year, metavar="YEAR")
    year_report.add_argument("-o", "--output", metavar="FILE.pdf|FILE.docx", required=True)
    _decree_options(year_report, preparer=True)


def _backup_parser(commands, common: argparse.ArgumentParser) -> None:
    backup = commands.add_parser("backup", parents=[common], help="back up the database now")
    backup.add_argument("-o", "--output", metavar="FILE")


def _restore_parser(commands, common: argparse.ArgumentParser) -> None:
    restore = commands.add_parser("restore", parents=[common], help="restore the database from a backup")
    restore.add_argument("file", metavar="BACKUP_FILE")


def _check_parser(commands, common: argparse.ArgumentParser) -> None:
    check = commands.add_parser("check", parents=[common], help="check the database and the store's rules")
    check.add_argument("--repair", action="store_true", help="rebuild what can be rebuilt (the search text)")


# The commands of the core, in the order `nlv-events --help` lists them; the feature areas' follow.
CORE_PARSERS: dict[str, Callable[..., None]] = {
    "gui": _gui_parser,
    "demo": _demo_parser,
    "import": _import_parser,
    "export": _export_parser,
    "events": _events_parser,
    "tallies": _tallies_parser,
    "ics": _ics_parser,
    "programme": _programme_parser,
    "year-report": _year_report_parser,
    "backup": _backup_parser,
    "restore": _restore_parser,
    "check": _check_parser,
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; or, when `command` names a core command, only that command's parser.

    A command line runs one command: building the two dozen others' parsers (and importing the feature areas')
    took a few milliseconds of every printout. `--help`, a feature area's command or a mistyped name gets them all.
    """
    common = _common_options()
    parser = _Parser(prog="nlv-events", description="NLV Events – National Library of Vietnam events")
    parser.add_argument("--version", action="version", version=f"nlv-events {__version__}")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    if command in CORE_PARSERS:
        CORE_PARSERS[command](commands, common)
        return parser
    for add_parser in CORE_PARSERS.values():
        add_parser(commands, common)

    from nlv_events import commands as feature_commands

    COMMANDS.update(feature_commands.register_all(commands, common))
    return parser


def _open(arguments: argparse.Namespace) -> None:
    from nlv_events.core import database
    from nlv_events.services.workspace import record

    read_only = getattr(arguments, "command", None) in one_shot.READ_ONLY_COMMANDS
    database.open_database(record.database_target(arguments.db), read_only=read_only)


def _command_demo(arguments: argparse.Namespace) -> int:
    from nlv_events.services.workspace import record

    _open(arguments)
    print(record.demo_message(record.load_demo()))
    return 0


def _command_import(arguments: argparse.Namespace) -> int:
    from nlv_events.services.interchange import file_format as interchange
    from nlv_events.services.workspace import record

    try:
        document = record.read_for_import(arguments.file, convert_legacy=arguments.convert_legacy)
    except interchange.LegacyTextError as error:
        hint = _("Nothing was imported: import with --convert-legacy to convert them to Unicode, or fix the file.")
        raise UserError(f"{error} {hint}") from None
    _open(arguments)
    print(record.import_message(arguments.file, record.import_document(document)))
    return 0


def _command_export(arguments: argparse.Namespace) -> int:
    from nlv_events.services.workspace import record

    _open(arguments)
    count = record.export_file(arguments.file, arguments.year, contacts=arguments.contacts)
    print(record.export_message(arguments.file, count))
    return 0


def _command_events(arguments: argparse.Namespace) -> int:
    from nlv_events.services.events import listing

    _open(arguments)
    events = listing.select_events(arguments.year, arguments.kind, arguments.search)
    sys.stdout.write(listing.render(events, arguments.output_format))
    return 0


def _command_tallies(arguments: argparse.Namespace) -> int:
    from nlv_events.services.reports import export_tallies, tallies

    output_format = export_tallies.format_for(arguments.output, arguments.output_format)
    if arguments.output is None and output_format in ("xlsx", "docx"):
        raise UserError(
            _("An {format} file cannot be printed on the screen: give a file with -o.").format(
                format=output_format.upper()
            )
        )
    _open(arguments)
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

    _open(arguments)
    count = ics.write_ics(arguments.output, arguments.year)
    print(
        ngettext("Wrote {count} event to {file}.", "Wrote {count} events to {file}.", count).format(
            count=count, file=arguments.output
        )
    )
    return 0


def _command_programme(arguments: argparse.Namespace) -> int:
    from nlv_events.services.reports import programme

    _open(arguments)
    programme.write(arguments.event_id, arguments.output, arguments.layout, _options_from(arguments))
    print(_("Wrote the programme to {file}.").format(file=arguments.output))
    return 0


def _command_year_report(arguments: argparse.Namespace) -> int:
    from nlv_events.services.reports import year_report

    _open(arguments)
    year_report.write(arguments.year, arguments.output, _options_from(arguments))
    print(_("Wrote the list of events of {year} to {file}.").format(year=arguments.year, file=arguments.output))
    return 0


def _backups_folder(target: str) -> Path:
    from nlv_events.services.workspace import record

    return record.backups_folder(target)


def _command_backup(arguments: argparse.Namespace) -> int:
    from nlv_events.services.workspace import backup, record

    target = record.database_target(arguments.db)
    path = backup.sqlite_path(target)
    if not path.exists():
        raise UserError(_("There is no database at {path} to back up.").format(path=path))
    destination = Path(arguments.output) if arguments.output else _backups_folder(target) / backup.backup_name()
    backup.backup_to(target, destination)
    print(_("Backed up the database to {file}.").format(file=destination))
    return 0


def _command_restore(arguments: argparse.Namespace) -> int:
    from nlv_events.services.workspace import backup, record

    target = record.database_target(arguments.db)
    safety = backup.restore(target, Path(arguments.file), _backups_folder(target))
    print(
        _("Restored the database from {file}; the database as it was is kept in {safety}.").format(
            file=arguments.file, safety=safety
        )
    )
    return 0


def _command_check(arguments: argparse.Namespace) -> int:
    from nlv_events.core import database
    from nlv_events.services.workspace import checks

    target = database.resolve_target(arguments.db)
    path = database.sqlite_file(target)
    if path is not None:
        problem = checks.file_health(path, _backups_folder(target))
        if problem is not None:
            print("✗ " + problem.message)
            return 1
    _open(arguments)
    if arguments.repair:
        print(
            ngettext(
                "Repaired the search text of {count} event.",
                "Repaired the search text of {count} events.",
                count := checks.repair_search(),
            ).format(count=count)
        )
    findings = checks.run_checks()
    for finding in findings:
        print(("✗ " if finding.problem else "✓ ") + finding.message)
    return 1 if any(finding.problem for finding in findings) else 0


def _command_gui(arguments: argparse.Namespace) -> int:
    from nlv_events import app

    return app.run_gui(
        database_target=arguments.db,
        language=arguments.lang,
        screenshot=getattr(arguments, "screenshot", None),
        view=getattr(arguments, "view", "list"),
        year=getattr(arguments, "year", None),
        quit_when_shown=getattr(arguments, "quit_when_shown", False),
    )


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "gui": _command_gui,
    "demo": _command_demo,
    "import": _command_import,
    "export": _command_export,
    "events": _command_events,
    "tallies": _command_tallies,
    "ics": _command_ics,
    "programme": _command_programme,
    "year-report": _command_year_report,
    "backup": _command_backup,
    "restore": _command_restore,
    "check": _command_check,
}


def utf8_streams() -> None:
    """Make stdout and stderr write UTF-8 whatever the platform chose for them.

    On Windows a redirected stream (`nlv-events events > list.txt`, a pipe) gets the ANSI code page, cp1252, which
    cannot encode Vietnamese: the command did its work and then died on printing “Đ”. The bundled program ignores
    PYTHONIOENCODING and PYTHONUTF8, so the program sets the encoding itself. A Windows console already takes
    Unicode (its streams report UTF-8) and is left alone; a stream that is missing (the windowed program started
    without one) or not a text file is left alone too.
    """
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        if stream is None or not hasattr(stream, "reconfigure") or not encoding:
            continue
        if codecs.lookup(encoding).name != "utf-8":
            stream.reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None, *, quick_exit: bool = False) -> int:
    """Run one command. With `quick_exit` (the installed program, not a caller in the same process), a command
    that only reads and prints ends the process itself once its output is closed (see one_shot.exit_now)."""
    utf8_streams()
    logs.setup_logging()
    argv = sys.argv[1:] if argv is None else list(argv)
    arguments = build_parser(argv[0] if argv else "gui").parse_args(argv)
    command = arguments.command or "gui"
    for name, default in (("db", None), ("lang", None)):
        if not hasattr(arguments, name):
            setattr(arguments, name, default)
    if command != "gui":
        settings = Settings()
        i18n.setup_i18n(arguments.lang or os.environ.get(LANGUAGE_VARIABLE) or settings.get("language"))
        if command in one_shot.READ_ONLY_COMMANDS:
            one_shot.leave_out_server_driver(arguments.db, settings.get("database"))
    if not (quick_exit and command in one_shot.READ_ONLY_COMMANDS):
        return _run(command, arguments)
    try:
        code = _run(command, arguments)
    except SystemExit as stop:
        code = stop.code
    one_shot.exit_now(code)


def run() -> int:
    """The installed `nlv-events` program, `python -m nlv_events` and the Windows bundle."""
    return main(quick_exit=True)


def _run(command: str, arguments: argparse.Namespace) -> int:
    import peewee

    from nlv_events.core import database, guard

    try:
        return COMMANDS[command](arguments)
    except UserError as error:
        _fail(str(error))
    except KeyboardInterrupt:
        _fail(_("Interrupted."), code=130)
    except (peewee.DatabaseError, peewee.InterfaceError, sqlite3.Error) as error:
        explained = guard.explain(error)
        if explained is None:
            log.exception("unexpected database error in %s", command)
            _fail(_("Unexpected error ({kind}): {error}").format(kind=type(error).__name__, error=error))
        log.warning("database error in %s: %s", command, type(error).__name__)
        _fail(str(explained))
    except Exception as error:  # a bug: one line for the user, the traceback for the log
        log.exception("unexpected error in %s", command)
        _fail(_("Unexpected error ({kind}): {error}").format(kind=type(error).__name__, error=error))
    finally:
        database.close_database()
    return 1
