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
    if "could not connect" in text or ("connection" in text and "refused" in text):
        return UserError(_("The database server cannot be reached: check the network and the address."))
    return None


@contextlib.contextmanager
def database_errors() -> Iterator[None]:
    """Re-raise what a user can act on as UserError; anything else stays a bug."""
    try:
        yield
    except (peewee.OperationalError, sqlite3.OperationalError) as error:
        explained = explain(error)
        if explained is None:
            raise
        log.warning("database refused a write: %s", error)
        raise explained from error
