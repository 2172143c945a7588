"""What the window and the command line both do with the record — which database, the demo, import, export,
backups — with the same rules and the same messages, so the two never drift apart."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from nlv_events.core import database
from nlv_events.core.settings import Settings, current_settings
from nlv_events.i18n import _, ngettext
from nlv_events.services.workspace import connection

if TYPE_CHECKING:  # imported where used: a printout or a listing has no use for the interchange format
    from nlv_events.services.interchange import importing, reading

Progress = Callable[[int, int], None]


def database_target(explicit: str | None = None, settings: Settings | None = None) -> str:
    """The database to open: `--db` (or the window's own choice), else $NLV_EVENTS_DB, else the one named in the
    settings, else the default file."""
    chosen = settings or current_settings()
    configured = chosen.get("database")
    target = explicit or os.environ.get(database.ENV_VARIABLE) or configured or str(database.default_database_path())
    return connection.with_tls(target, chosen.get("database.sslmode"), chosen.get("database.ca_file"))


def backups_folder(target: str, settings: Settings | None = None) -> Path:
    """Where backups of the SQLite database at `target` go: the folder set in the settings, else beside it."""
    from nlv_events.services.workspace import backup

    return backup.backups_dir(backup.sqlite_path(target), (settings or current_settings()).get("backups.folder"))


def load_demo(progress: Progress | None = None) -> importing.ImportSummary:
    from nlv_events.services.interchange import decoding, importing
    from nlv_events.services.workspace import demo

    return importing.import_document(decoding.read_document(demo.DEMO_FILE), progress)


def demo_message(summary: importing.ImportSummary) -> str:
    message = _("Demo data loaded (sample data): {created} events added, {updated} updated, {unchanged} unchanged.")
    return message.format(created=summary.created, updated=summary.updated, unchanged=summary.unchanged)


def read_for_import(path: str | os.PathLike[str], convert_legacy: bool = False) -> reading.Document:
    """Read and check a file to import, with its text in the old TCVN3 encoding found (and converted only when
    the user said so: else LegacyTextError says where)."""
    from nlv_events.services.interchange import decoding, legacy

    if Path(path).suffix.lower() == ".zip":  # a full export: its media files go to the media folder first
        from nlv_events.services.attachments import attachment_bundle

        document = decoding.parse_text(attachment_bundle.read_full(path), path)
    else:
        document = decoding.read_document(path)
    legacy.handle_legacy_text(document, convert=convert_legacy)
    return document


def import_document(document: reading.Document, progress: Progress | None = None) -> importing.ImportSummary:
    from nlv_events.services.interchange import importing

    return importing.import_document(document, progress)


def import_message(path: str | os.PathLike[str], summary: importing.ImportSummary) -> str:
    return _(
        "Imported {file}: {created} events added, {updated} updated, {unchanged} unchanged, {plans} plan lines."
    ).format(
        file=path,
        created=summary.created,
        updated=summary.updated,
        unchanged=summary.unchanged,
        plans=summary.plans,
    )


def export_file(
    path: str | os.PathLike[str], year: int | None = None, progress: Progress | None = None, contacts: bool = False
) -> int:
    """Write the whole record (or one year) to an interchange file; returns how many events it holds. Guests'
    contacts (personal data) go in only when `contacts` is asked for."""
    from nlv_events.services.interchange import exporting

    document = exporting.export_document(year, progress, contacts)
    if Path(path).suffix.lower() == ".zip":  # a full export: the file and the media it names
        from nlv_events.core import notices
        from nlv_events.services.attachments import attachment_bundle

        missing = attachment_bundle.write_full(document, path)
        if missing:
            notices.warn(ngettext("{count} file named in the record is missing from the media folder: {first}",
                                  "{count} files named in the record are missing from the media folder: {first}",
                                  len(missing)).format(count=len(missing), first=missing[0]))  # fmt: skip
    else:
        exporting.write_document(document, path)
    return len(document["events"])


def export_message(path: str | os.PathLike[str], count: int) -> str:
    return ngettext("Exported {count} event to {file}.", "Exported {count} events to {file}.", count).format(
        count=count, file=path
    )


def event_count(year: int | None = None) -> int:
    # The queries (and the matching of names with difflib) are loaded here: a printout only asks which database.
    from nlv_events.core import queries

    return queries.events(year=year).count()

