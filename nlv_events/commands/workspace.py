"""Sub-commands over the workspace: open the window, load the demo year, back up, restore and check the database."""

from __future__ import annotations

import argparse
from pathlib import Path

from nlv_events.commands.common import open_named_database
from nlv_events.core.errors import UserError
from nlv_events.i18n import _, ngettext


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


def _backup_parser(commands, common: argparse.ArgumentParser) -> None:
    backup = commands.add_parser("backup", parents=[common], help="back up the database now")
    backup.add_argument("-o", "--output", metavar="FILE")


def _restore_parser(commands, common: argparse.ArgumentParser) -> None:
    restore = commands.add_parser("restore", parents=[common], help="restore the database from a backup")
    restore.add_argument("file", metavar="BACKUP_FILE")


def _check_parser(commands, common: argparse.ArgumentParser) -> None:
    check = commands.add_parser("check", parents=[common], help="check the database and the store's rules")
    check.add_argument("--repair", action="store_true", help="rebuild what can be rebuilt (the search text)")


def _command_gui(arguments: argparse.Namespace) -> int:
    from nlv_events import app  # the one door from the command line to Qt

    return app.run_gui(
        database_target=arguments.db,
        language=arguments.lang,
        screenshot=getattr(arguments, "screenshot", None),
        view=getattr(arguments, "view", "list"),
        year=getattr(arguments, "year", None),
        quit_when_shown=getattr(arguments, "quit_when_shown", False),
    )


def _command_demo(arguments: argparse.Namespace) -> int:
    from nlv_events.services.workspace import record

    open_named_database(arguments)
    print(record.demo_message(record.load_demo()))
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
    open_named_database(arguments)
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


PARSERS = {
    "gui": _gui_parser,
    "demo": _demo_parser,
    "backup": _backup_parser,
    "restore": _restore_parser,
    "check": _check_parser,
}
HANDLERS = {
    "gui": _command_gui,
    "demo": _command_demo,
    "backup": _command_backup,
    "restore": _command_restore,
    "check": _command_check,
}
