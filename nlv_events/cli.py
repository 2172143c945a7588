"""The `nlv-events` command: the GUI by default, and sub-commands over the same services the window uses.

This module is the skeleton: the parser, the dispatch to a handler and the one-line error; the sub-commands
themselves live in nlv_events/commands/, one module per feature area."""

from __future__ import annotations

import argparse
import codecs
import logging
import os
import sqlite3
import sys
from collections.abc import Sequence
from typing import NoReturn

from nlv_events import __version__, commands, i18n, logs, one_shot
from nlv_events.commands import Handler
from nlv_events.commands.common import common_options
from nlv_events.core import notices
from nlv_events.core.errors import UserError
from nlv_events.core.settings import current_settings
from nlv_events.i18n import _

log = logging.getLogger(__name__)
LANGUAGE_VARIABLE = "NLV_EVENTS_LANG"


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake in one line, like every other error of the command."""

    def error(self, message: str) -> None:  # type: ignore[override]
        _fail(_("{message} (see “{prog} --help”)").format(message=message, prog=self.prog), code=2)


def _fail(message: str, code: int = 1) -> None:
    # One line, whatever the message quotes back: a broken character or a line break in a file must not break it.
    # And never a database address's password, whoever quoted the address.
    line = logs.hide_passwords(" ".join(message.encode("utf-8", "backslashreplace").decode("utf-8").split()))
    if sys.stderr is not None:  # the windowed program (nlv-eventsw.exe) has no streams: the exit code remains
        sys.stderr.write(f"nlv-events: {line}\n")
    raise SystemExit(code)


def build_parser(command: str | None = None) -> tuple[argparse.ArgumentParser, dict[str, Handler]]:
    """The whole command line and every handler; or, when `command` names a core command, only that command's.

    A command line runs one command: building the two dozen others' parsers (and importing the feature areas')
    took a few milliseconds of every printout. `--help`, a feature area's command or a mistyped name gets them all.
    """
    common = common_options()
    parser = _Parser(prog="nlv-events", description="NLV Events – National Library of Vietnam events")
    parser.add_argument("--version", action="version", version=f"nlv-events {__version__}")
    subparsers = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    if command in commands.CORE_COMMANDS:
        return parser, {command: commands.register_core(command, subparsers, common)}
    return parser, commands.register_all(subparsers, common)


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
    try:
        try:
            return _main(argv, quick_exit=quick_exit)
        finally:
            _flush_output()  # also after --help or a usage mistake, which end in SystemExit
    except BrokenPipeError:
        _reader_went_away()


# What a shell reports for a Unix tool stopped by SIGPIPE (128 + 13), spelt out: Windows has no signal.SIGPIPE.
EXIT_READER_GONE = 141


def _reader_went_away() -> NoReturn:
    """The program reading the output closed it (`nlv-events events | head`): stop without a word, as Unix tools
    do. What was left to print has nowhere to go; the interpreter would still try to flush it at exit and print
    "Exception ignored … BrokenPipeError", so standard output is pointed at the null device first."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        pass  # no file descriptor (a caller capturing the output in memory): nothing is flushed at exit
    raise SystemExit(EXIT_READER_GONE)


def _main(argv: Sequence[str] | None, *, quick_exit: bool) -> int:
    utf8_streams()
    logs.setup_logging()
    argv = sys.argv[1:] if argv is None else list(argv)
    parser, handlers = build_parser(argv[0] if argv else "gui")
    arguments = parser.parse_args(argv)
    command = arguments.command or "gui"
    for name, default in (("db", None), ("lang", None)):
        if not hasattr(arguments, name):
            setattr(arguments, name, default)
    if command != "gui":
        notices.listen(_warn)
        settings = current_settings()
        i18n.setup_i18n(arguments.lang or os.environ.get(LANGUAGE_VARIABLE) or settings.get("language"))
        if command in one_shot.READ_ONLY_COMMANDS:
            one_shot.leave_out_server_driver(arguments.db, settings.get("database"))
    else:
        one_shot.usual_collections()  # the window keeps the collector's usual pace: it runs for hours
        # The window on a database file never needs the server driver either (a change of database in the settings
        # takes effect at the next start): psycopg2 and OpenSSL were a twentieth of the window's imports.
        one_shot.leave_out_server_driver(arguments.db, current_settings().get("database"))
    if not (quick_exit and command in one_shot.READ_ONLY_COMMANDS):
        return _run(handlers[command], command, arguments)
    try:
        code = _run(handlers[command], command, arguments)
    except SystemExit as stop:
        code = stop.code
    _flush_output()
    one_shot.exit_now(code)


def _warn(message: str) -> None:
    """A warning the command's work raised (a printout without some characters): one line on stderr."""
    sys.stderr.write(f"nlv-events: {message}\n")


def _flush_output() -> None:
    """Send what is left of the output now, while a closed pipe (`| head`) can still be told apart from a failure;
    the interpreter would flush it only at exit, too late for main() to end quietly."""
    if sys.stdout is not None and not sys.stdout.closed:
        sys.stdout.flush()


def run() -> int:
    """The installed `nlv-events` program, `python -m nlv_events` and the Windows bundle."""
    one_shot.fewer_collections()  # a command's process; the window goes back to the usual pace
    return main(quick_exit=True)


def _run(handler: Handler, command: str, arguments: argparse.Namespace) -> int:
    import peewee

    from nlv_events.core import database, guard

    try:
        return handler(arguments)
    except UserError as error:
        _fail(str(error))
    except KeyboardInterrupt:
        _fail(_("Interrupted."), code=130)
    except BrokenPipeError:
        raise  # not a failure of the command: main() ends quietly
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
