"""`nlv-events check`: the database's own integrity check and the store's consistency rules, in plain words."""

from __future__ import annotations

import sqlite3
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import peewee

from nlv_events.core import database, event_reading, rules, store
from nlv_events.core.errors import ValidationError
from nlv_events.core.models import Event, Organisation, Person, ProgrammeItem, Venue, database_proxy
from nlv_events.i18n import _, ngettext


@dataclass(frozen=True)
class Finding:
    problem: bool
    message: str


def _integrity() -> Finding:
    database = database_proxy.obj
    if isinstance(database, peewee.SqliteDatabase):
        result = database.execute_sql("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            return Finding(
                True, _("The database file is damaged: {result}. Restore the newest good backup.").format(result=result)
            )
        broken_links = database.execute_sql("PRAGMA foreign_key_check").fetchall()
        if broken_links:
            return Finding(
                True,
                ngettext(
                    "{count} link points to a record that no longer exists.",
                    "{count} links point to records that no longer exist.",
                    len(broken_links),
                ).format(count=len(broken_links)),
            )
        return Finding(False, _("The database file is sound (SQLite integrity check passed)."))
    return Finding(False, _("The database server keeps its own integrity; the store's rules are checked below."))


def _restore_hint(folder: Path) -> str:
    from nlv_events.services.workspace import backup

    newest = backup.newest_good_backup(folder) if folder.is_dir() else None
    if newest is None:
        return _("There is no good backup in {folder}.").format(folder=folder)
    return _("Restore the newest good backup: nlv-events restore “{file}”.").format(file=newest.path)


def file_health(path: Path, backups_folder: Path) -> Finding | None:
    """A problem with the SQLite file itself (missing, empty, damaged), in one line with the way back; None when the
    file can be opened and checked. Nothing is created or changed."""
    if not path.exists():
        return Finding(True, _("There is no database at {path}.").format(path=path))
    if path.is_file() and path.stat().st_size == 0:
        return Finding(
            True,
            _("The database file {path} is empty (0 bytes): it holds no events.").format(path=path)
            + " "
            + _restore_hint(backups_folder),
        )
    try:
        connection = sqlite3.connect(database.sqlite_uri(path), uri=True)
        try:
            result = connection.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        result = str(error)
    if result == "ok":
        return None
    return Finding(
        True,
        _("The database file {path} is damaged ({reason}).").format(path=path, reason=result.splitlines()[0])
        + " "
        + _restore_hint(backups_folder),
    )


def run_checks() -> list[Finding]:
    """Every check, problems and passes alike, in the order a reader wants them."""
    try:
        return _run_checks()
    except peewee.DatabaseError as error:  # a damaged page met while reading the events
        return [
            Finding(
                True, _("The database file is damaged: {result}. Restore the newest good backup.").format(result=error)
            )
        ]


def _run_checks() -> list[Finding]:
    findings = [_integrity()]
    broken_events = []
    stale_search = 0
    for event in Event.select():
        record = event_reading.load_record(event)
        expected_search = store.search_text(record)  # before validate() normalises the record in place
        try:
            rules.validate(record)
        except ValidationError as error:
            broken_events.append(
                _("Event {id} “{title}”: {problem}").format(id=event.id, title=event.title, problem=error.message)
            )
        if event.search_text != expected_search:
            stale_search += 1
    findings += [Finding(True, message) for message in broken_events]
    if not broken_events:
        findings.append(
            Finding(
                False,
                ngettext(
                    "{count} event follows every rule of the store.",
                    "All {count} events follow every rule of the store.",
                    Event.select().count(),
                ).format(count=Event.select().count()),
            )
        )
    if stale_search:
        findings.append(
            Finding(
                True,
                ngettext(
                    "{count} event is not found correctly by search; run “nlv-events check --repair”.",
                    "{count} events are not found correctly by search; run “nlv-events check --repair”.",
                    stale_search,
                ).format(count=stale_search),
            )
        )
    not_nfc = sum(
        1
        for model, field in (
            (Event, Event.title),
            (Person, Person.name),
            (Organisation, Organisation.name),
            (Venue, Venue.name),
            (ProgrammeItem, ProgrammeItem.title),
        )
        for (value,) in model.select(field).tuples()
        if value and not unicodedata.is_normalized("NFC", value)
    )
    if not_nfc:
        findings.append(
            Finding(
                True,
                ngettext(
                    "{count} text is not stored in Unicode NFC.",
                    "{count} texts are not stored in Unicode NFC.",
                    not_nfc,
                ).format(count=not_nfc),
            )
        )
    return findings


def repair_search() -> int:
    """Recompute the folded search text of every event; returns how many changed."""
    changed = 0
    with database_proxy.atomic():
        for event in Event.select():
            folded = store.search_text(event_reading.load_record(event))
            if folded != event.search_text:
                Event.update(search_text=folded).where(Event.id == event.id).execute()
                changed += 1
    return changed
