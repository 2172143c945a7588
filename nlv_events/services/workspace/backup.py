"""Backups of the SQLite store with SQLite's online backup API: automatic at start, by hand, and restore."""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from nlv_events.core import database, files, migrations
from nlv_events.core.errors import UserError
from nlv_events.core.models import database_proxy
from nlv_events.i18n import _

log = logging.getLogger(__name__)
KEEP = 30
PREFIX = "nlv-events-"
SUFFIX = ".sqlite3"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken: dt.datetime


def backups_dir(database_path: Path, configured: str = "") -> Path:
    """The backups folder: the one set in the settings, else `backups/` beside the database."""
    return Path(configured).expanduser() if configured else database_path.parent / "backups"


def sqlite_path(target: str) -> Path:
    """The file of a SQLite target; PostgreSQL is backed up by its server (pg_dump), not by the app."""
    path = database.sqlite_file(target)
    if path is None:
        raise UserError(
            _(
                "Backups by the app are for a SQLite file; back up a PostgreSQL database with its "
                "server's tools (pg_dump)."
            )
        )
    return path


def _copy(source: sqlite3.Connection, destination: Path) -> None:
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".part")
    permissions = files.mode_for(destination)
    with files.being_written(destination), files.being_written(partial):
        # A .part of this name is what a killed backup left: it is ours to replace, not a reason to refuse.
        partial.unlink(missing_ok=True)
        target = sqlite3.connect(partial)
        try:
            source.backup(target)  # a consistent copy even while others write (WAL included)
        finally:
            target.close()
        os.chmod(partial, permissions)
        os.replace(partial, destination)


def backup_to(target: str, destination: Path) -> Path:
    """Copy the database at `target` into `destination` (a file) while it stays in use."""
    path = sqlite_path(target)
    for protected in database.companion_files(path):
        if files.same_file(destination, protected):
            raise UserError(
                _("The backup cannot be written over the database it copies ({path}); choose another file.").format(
                    path=destination
                )
            )
    files.refuse_protected(destination)
    _refuse_replacing_a_stranger(destination)
    try:
        source = sqlite3.connect(database.sqlite_uri(path), uri=True)  # fails when a share has gone away
        try:
            _copy(source, destination)
        finally:
            source.close()
    except (OSError, sqlite3.Error) as error:
        raise UserError(_("Cannot write the backup {path}: {reason}").format(path=destination, reason=error)) from error
    log.info("backed up %s to %s", path, destination)
    return destination


def _refuse_replacing_a_stranger(destination: Path) -> None:
    """A backup may replace an older backup, never a file of something else that happens to have that name."""
    if not destination.is_file() or destination.stat().st_size == 0:
        return
    try:
        check_file(destination)
    except UserError:
        raise UserError(
            _("{path} already exists and is not an NLV Events backup; choose another file name.").format(
                path=destination
            )
        ) from None


def backup_name(moment: dt.datetime | None = None, label: str = "") -> str:
    moment = moment or dt.datetime.now()
    return f"{PREFIX}{moment:%Y%m%d-%H%M%S}{('-' + label) if label else ''}{SUFFIX}"


def list_backups(folder: Path) -> list[BackupFile]:
    """The backups in `folder`, newest first."""
    found = []
    for path in folder.glob(f"{PREFIX}*{SUFFIX}"):
        try:
            taken = dt.datetime.strptime(path.name[len(PREFIX) : len(PREFIX) + 15], "%Y%m%d-%H%M%S")
        except ValueError:
            continue
        found.append(BackupFile(path, taken))
    return sorted(found, key=lambda backup: backup.taken, reverse=True)


def automatic_backup(target: str, folder: Path, keep: int = KEEP, today: dt.date | None = None) -> Path | None:
    """At most one backup a day, keeping the newest `keep`; returns the new file, or None if one exists today."""
    today = today or dt.date.today()
    if database.sqlite_file(target) is None or not sqlite_path(target).exists():
        return None
    existing = list_backups(folder)
    if any(backup.taken.date() == today for backup in existing):
        return None
    made = backup_to(target, folder / backup_name(dt.datetime.combine(today, dt.datetime.now().time())))
    for old in list_backups(folder)[keep:]:
        try:
            old.path.unlink()
        except OSError as error:
            log.warning("could not remove old backup %s: %s", old.path, error)
    return made


def check_file(path: Path) -> None:
    """Raise UserError unless `path` is a sound NLV Events database this version can open."""
    if not path.is_file():
        raise UserError(_("The file {path} does not exist.").format(path=path))
    try:
        connection = sqlite3.connect(database.sqlite_uri(path), uri=True)
        try:
            result = connection.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            applied = set()
            if migrations.HISTORY_TABLE in tables:
                applied = {row[0] for row in connection.execute(f"SELECT name FROM {migrations.HISTORY_TABLE}")}
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise UserError(
            _("{path} is not an NLV Events database or is damaged: {reason}").format(
                target=path, path=path, reason=error
            )
        ) from error
    if result != "ok":
        raise UserError(_("{path} is damaged (integrity check: {result}).").format(path=path, result=result))
    if "event" not in tables or migrations.HISTORY_TABLE not in tables:
        raise UserError(_("{path} is not an NLV Events database.").format(path=path))
    if applied - set(migrations.known_names()):
        raise UserError(
            _("{path} was made by a newer version of NLV Events; install that version to use it.").format(path=path)
        )


def restore(target: str, backup_file: Path, folder: Path) -> Path:
    """Replace the database at `target` with `backup_file` after checking it; the current database is kept first
    (returned), so a restore can itself be undone.

    The open database is closed before its file is replaced and opened again after, whatever happened: Windows
    refuses to delete or replace a file that is open, even by this very process.
    """
    check_file(backup_file)
    path = sqlite_path(target)
    database.refuse_foreign_file(path)  # another program's file is not ours to replace, even kept aside
    safety = _keep_current(target, path, folder)
    bound = database_proxy.obj is not None and database.sqlite_file(target) is not None
    database.close_database()
    try:
        _replace_with_copy(path, backup_file)
    except (OSError, sqlite3.Error) as error:
        raise UserError(
            _("Cannot restore {path}: {reason}. Close NLV Events on the other computers and try again.").format(
                path=path, reason=error
            )
        ) from error
    finally:
        if bound:
            database.open_database(target)
    log.info("restored %s from %s", path, backup_file)
    return safety or backup_file


def _keep_current(target: str, path: Path, folder: Path) -> Path | None:
    """A copy of the database as it is, made while it is still open: through SQLite when it is sound, whole when
    it is damaged (SQLite cannot copy a damaged file). None when there is no database yet."""
    if not path.exists():
        return None
    try:
        check_file(path)
    except UserError:
        try:
            return copy_aside(path)
        except OSError as error:
            raise UserError(
                _("Cannot keep a copy of {path} before the restore: {reason}").format(path=path, reason=error)
            ) from error
    return backup_to(target, folder / backup_name(label="before-restore"))


def _replace_with_copy(path: Path, backup_file: Path) -> None:
    """Copy the backup through SQLite beside the (closed) database, then put it in the database's place at once.

    The old file's -wal and -shm go first: a WAL left beside the new file would be replayed into it."""
    partial = path.with_name(path.name + ".restoring")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(database.sqlite_uri(backup_file), uri=True)
    try:
        destination = sqlite3.connect(partial)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    os.chmod(partial, files.mode_for(path))  # the restored file keeps who may read it
    try:
        for companion in database.companion_files(path)[1:]:
            companion.unlink(missing_ok=True)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def newest_good_backup(folder: Path) -> BackupFile | None:
    for candidate in list_backups(folder):
        try:
            check_file(candidate.path)
        except UserError:
            continue
        return candidate
    return None


def copy_aside(path: Path) -> Path:
    """Keep a damaged database next to itself before it is replaced, for the IT office to look at."""
    aside = path.with_name(path.name + f".damaged-{dt.datetime.now():%Y%m%d-%H%M%S}")
    shutil.copy2(path, aside)
    return aside
