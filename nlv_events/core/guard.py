"""Turning database failures a user can meet (busy, read-only, full disk) into messages, not tracebacks."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator

import peewee

from nlv_events.core.errors import UserError
from nlv_events.i18n import _

log = logging.getLogger(__name__)


def explain(error: Exception) -> UserError | None:
    """The user's message for a database error, or None when it is a bug."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return UserError(_("The database is busy: someone else is saving at this moment. Try again in a moment."))
    if "readonly" in text or "read-only" in text or "read only" in text:
        return UserError(_("The database is read-only: ask for write access to the file, or open a copy."))
    if "disk is full" in text or "database or disk is full" in text:
        return UserError(_("The disk is full: free some space, then save again. Nothing was saved."))
    if "permission denied" in text or "insufficient privilege" in text:
        return UserError(
            _("Your role on the database server does not allow this; nothing was changed. Ask the team's admin.")
        )
    if "could not connect" in text or ("connection" in text and "refused" in text):
        return UserError(_("The database server cannot be reached: check the network and the address."))
    if "malformed" in text or "file is not a database" in text:
        return UserError(
            _(
                "The database file is damaged ({reason}): run “nlv-events check” to see the newest good backup, "
                "then restore it."
            ).format(reason=str(error).splitlines()[0] if str(error) else type(error).__name__)
        )
    if connection_lost(error):
        return UserError(
            _(
                "The connection to the database server was lost; what was being saved was not saved. "
                "Check the network, then try again."
            )
        )
    return None


# What psycopg2 and the server say when the connection goes away in the middle of work.
_CONNECTION_LOST = (
    "server closed the connection",
    "connection already closed",
    "terminating connection",
    "connection not open",
    "could not receive data",
    "could not send data",
    "ssl syscall error",
    "connection has been closed",
)


def connection_lost(error: Exception) -> bool:
    """Whether `error` says the server went away (rather than refusing what was asked)."""
    text = str(error).lower()
    return any(sign in text for sign in _CONNECTION_LOST)


def _forget_lost_connection() -> None:
    """Drop the dead connection once the failed transaction has ended, so that the next statement connects anew:
    Save works again as soon as the server is back (peewee connects on demand)."""
    from nlv_events.core.models import database_proxy

    database = database_proxy.obj
    if database is None or database.in_transaction():
        return  # an outer transaction is still unwinding: its own guard drops the connection
    with contextlib.suppress(Exception):
        database.close()


@contextlib.contextmanager
def database_errors() -> Iterator[None]:
    """Re-raise what a user can act on as UserError; anything else stays a bug."""
    try:
        yield
    except (peewee.OperationalError, peewee.InterfaceError, peewee.ProgrammingError, sqlite3.OperationalError) as error:
        explained = explain(error)
        if explained is None:
            raise
        # The first line only: a server's DETAIL line quotes the values (names) that were being written.
        log.warning("database refused a write: %s", (str(error).splitlines() or [""])[0])
        if connection_lost(error):
            _forget_lost_connection()
        raise explained from error
