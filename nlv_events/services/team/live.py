"""Hearing a colleague's save: what was saved since the last look, asked cheaply many times a second.

On a SQLite file `PRAGMA data_version` changes when another connection (another PC, another process) commits; on
PostgreSQL every history row NOTIFYs `nlv_events_saved` (migration 0013) and a second, listening connection hears
it. Either way the news is then read from the change history: which records, saved by whom.
"""

from __future__ import annotations

import json
import logging
import select
from dataclasses import dataclass

import peewee

from nlv_events.core.history_models import ChangeEntry
from nlv_events.core.models import database_proxy

CHANNEL = "nlv_events_saved"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Saved:
    """A record a colleague saved: its kind ("event", or the owner's kind for a part of it), id and who."""

    kind: str
    id: int
    by: str


class Watcher:
    """`poll()` answers what was saved by other connections since the last poll; cheap when nothing was."""

    def __init__(self) -> None:
        self.database = database_proxy.obj
        self._listener = None
        self._data_version: int | None = None
        self._last_entry = self._newest_entry()
        self._on_server = isinstance(self.database, peewee.PostgresqlDatabase)
        if self._on_server:
            self._listen()
        else:
            self._data_version = self._sqlite_version()

    def _newest_entry(self) -> int:
        return ChangeEntry.select(peewee.fn.MAX(ChangeEntry.id)).scalar() or 0

    def _sqlite_version(self) -> int:
        return self.database.execute_sql("PRAGMA data_version").fetchone()[0]

    def _listen(self) -> None:
        import psycopg2

        self._listener = psycopg2.connect(dbname=self.database.database, **self.database.connect_params)
        self._listener.autocommit = True
        with self._listener.cursor() as cursor:
            cursor.execute(f"LISTEN {CHANNEL}")

    def poll(self) -> list[Saved]:
        """What was saved since the last poll; nothing when the database cannot be asked just now (the next poll
        tries again: a server gone away is told by the save that meets it, not by this)."""
        try:
            return self._poll()
        except (peewee.DatabaseError, peewee.InterfaceError, OSError) as error:
            log.warning("looking for a colleague's save failed: %s", type(error).__name__)
            self.close()  # a server gone away: the next poll listens anew, and catches up from the history
            return []

    def _poll(self) -> list[Saved]:
        if not self._something_happened():
            return []
        rows = ChangeEntry.select().where(ChangeEntry.id > self._last_entry).order_by(ChangeEntry.id)
        found: list[Saved] = []
        for row in rows:
            self._last_entry = max(self._last_entry, row.id)
            saved = Saved(row.parent_kind or row.record_kind, row.parent_id or row.record_id, row.changed_by)
            if row.record_kind in ("exhibit", "guest_list"):
                saved = Saved("event", row.record_id, row.changed_by)
            if saved not in found:
                found.append(saved)
        return found

    def _something_happened(self) -> bool:
        if not self._on_server:
            version = self._sqlite_version()
            changed, self._data_version = version != self._data_version, version
            return changed
        if self._listener is None or self._listener.closed:
            self._listen()
            return True  # whatever was saved while nobody listened is in the history
        if select.select([self._listener], [], [], 0) == ([], [], []):
            return False
        self._listener.poll()
        heard = bool(self._listener.notifies)
        self._listener.notifies.clear()
        return heard

    def close(self) -> None:
        if self._listener is not None:
            listener, self._listener = self._listener, None
            listener.close()


def start_watching() -> Watcher | None:
    """A watcher on the store bound now, or None (logged) when it cannot watch: no history table yet, a listening
    connection refused."""
    try:
        return Watcher()
    except (peewee.DatabaseError, peewee.InterfaceError, OSError) as error:
        log.warning("live updates are off: %s", type(error).__name__)
        return None


def payload(text: str) -> Saved:
    """A NOTIFY's payload as a record (for listeners that read it rather than the history)."""
    data = json.loads(text)
    return Saved(data["kind"], int(data["id"]), data.get("by", ""))
