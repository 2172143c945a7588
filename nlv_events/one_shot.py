"""What a one-shot command that only reads (a printout, a listing, an export) is spared before the store loads."""

from __future__ import annotations

import gc
import logging
import os
import sys
from typing import NoReturn

# The commands that only read the database: opened read-only when its schema is current, no server driver loaded
# for a SQLite file. (A command that writes takes the ordinary way; the window on a file leaves the driver out too.)
READ_ONLY_COMMANDS = frozenset({"programme", "year-report", "events", "tallies", "ics", "export"})
ENV_VARIABLE = "NLV_EVENTS_DB"  # the same as nlv_events.core.database.ENV_VARIABLE, named here without peewee


def names_a_server(*targets: str | None) -> bool:
    return any(target and "://" in target and not target.startswith("sqlite:") for target in targets)


def leave_out_server_driver(explicit: str | None, configured: str | None) -> bool:
    """Import peewee without psycopg2 when no target could name a server.

    peewee imports psycopg2 (and with it libpq and OpenSSL) when it is itself imported, whether or not a server is
    ever used; a programme printed from the SQLite file does not need it. Only done in a process where peewee is
    not loaded yet; returns whether the driver was left out.
    """
    if "peewee" in sys.modules or "psycopg2" in sys.modules:
        return False
    if names_a_server(explicit, os.environ.get(ENV_VARIABLE), configured):
        return False
    sys.modules["psycopg2"] = None  # type: ignore[assignment]  # `import psycopg2` raises ImportError
    try:
        import peewee  # noqa: F401
    finally:
        del sys.modules["psycopg2"]
    return True


# The cycle collector's thresholds for a one-shot command, as mypy sets them for its own runs: the first generation
# collected after 200 000 new container objects instead of 700. A command's process makes hundreds of thousands of
# objects that live until it ends (modules, classes, fonts, records), and the collector walked them over and over:
# some 90 collections, 20-30 ms of a 0.3 s `nlv-events programme`, with nothing to free. It still runs, less often.
ONE_SHOT_THRESHOLDS = (200_000, 30, 30)
_usual_thresholds: tuple[int, ...] | None = None


def fewer_collections() -> None:
    """Collect cycles less often in this process, a one-shot command's (see ONE_SHOT_THRESHOLDS)."""
    global _usual_thresholds
    if _usual_thresholds is None:
        _usual_thresholds = gc.get_threshold()
    gc.set_threshold(*ONE_SHOT_THRESHOLDS)


def usual_collections() -> None:
    """The collector's thresholds as they were before `fewer_collections`: for the window, which runs for hours."""
    if _usual_thresholds is not None:
        gc.set_threshold(*_usual_thresholds)


def exit_now(code: object) -> NoReturn:
    """End a one-shot command's process without the interpreter's teardown.

    Freeing every object of ReportLab, peewee and the parsed fonts one by one took a sixth of `nlv-events programme`
    (mypy ends the same way, for the same reason). By now the database is closed and the printout closed and
    renamed into place; the streams and the log are flushed here, the only buffers left. Never used once Qt is
    loaded: a Qt object may still have settings to write when it is destroyed.
    """
    if "PySide6" in sys.modules:
        raise SystemExit(code)
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:
        sys.stderr.write(f"{code}\n")
        status = 1
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a closed pipe (`| head`): nothing more can reach it
            status = status or 1
    os._exit(status)
