"""Running the command line in-process, as a user would type it, and reading what it printed."""

from nlv_events.cli import main
from nlv_events.core import database


def run(capsys, *argv):
    """(exit code, stdout, stderr) of `nlv-events ARGV…`; the database is closed afterwards."""
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = exit_.code
    captured = capsys.readouterr()
    database.close_database()
    return code, captured.out, captured.err
