"""What a one-shot command that only reads (a printout, a listing, an export) is spared before the store loads."""

from __future__ import annotations

import os
import sys

# The commands that only read the database: opened read-only when its schema is current, no server driver loaded
# for a SQLite file. (A command that writes, or the window, takes the ordinary way.)
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
