"""The window's file, settings and help actions: import, export, calendar file, backups, settings, guide, about."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nlv_events import APP_NAME, __version__, i18n
from nlv_events.core.errors import UserError
from nlv_events.i18n import N_, _, ngettext
from nlv_events.services.workspace import record
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.actions import register
from nlv_events.ui.shell.dialogs import save_file_name
from nlv_events.ui.shell.workers import BackgroundTask

if TYPE_CHECKING:
    from nlv_events.ui.shell.main_window import MainWindow

Key = QKeySequence.StandardKey


@register("import", N_("&Import from a file…"), menu="file", section=10, shortcut=Key.Open, icon="document-open")
def import_file(window: MainWindow) -> None:
    # a full export (.zip) brings its photos and attached files too (read on the worker thread: see import_from)
    path, _filter = QFileDialog.getOpenFileName(window, _("Import events"), "", _("NLV Events data (*.json *.zip)"))
    if path:
        import_from(window, path)


class _Cancelled(Exception):
    """The user pressed Cancel: the work stops and what it wrote is taken back."""


def _cancellable(progress, is_cancelled):
    def report(done: int, total: int) -> None:
        if is_cancelled():
            raise _Cancelled
        progress(done, total)

    return report


def import_from(window: MainWindow, path: str, convert_legacy: bool = False) -> None:
    """Read, check and import the file in the background, with progress and Cancel; text in an old encoding is
    converted only after the user says so (the command line asks the same through --convert-legacy).

    The file is read on the worker thread too: reading and checking a record of 100 000 events takes ten seconds,
    during which a window reading it itself stopped answering (Windows greys such a window out as not responding)."""

    def job(progress, is_cancelled):
        from nlv_events.services.interchange import legacy  # the old encodings' tables load when a file is read

        try:
            document = record.read_for_import(path, convert_legacy=convert_legacy)
        except legacy.LegacyTextError as error:
            if is_cancelled():
                raise _Cancelled from None
            return _OldEncodingFound(str(error))  # asked on the window's thread, then read again if it may convert
        if is_cancelled():
            raise _Cancelled
        return record.import_document(document, _cancellable(progress, is_cancelled))

    def done(result) -> None:
        if isinstance(result, _OldEncodingFound):
            question = f"{result.where} " + _("Convert them to Unicode and import?")
            if ask.confirm(window, _("Import events"), question):
                import_from(window, path, convert_legacy=True)
            else:
                ask.inform(window, _("Import events"), _("Nothing was imported."))
            return
        window.reload_years()
        ask.inform(window, _("Import events"), record.import_message(path, result))

    # A Cancel that comes once the last batch is written cannot stop the import any more (what the whole file stores
    # is written after it): the window then says what was imported and shows it, rather than nothing.
    label = _("Importing {file}…").format(file=Path(path).name)
    window.task = BackgroundTask(window, label, job, done_even_if_cancelled=True)
    window.task.done.connect(done)
    window.task.error.connect(lambda message: ask.warn(window, _("Import events"), message))
    window.task.start()


class _OldEncodingFound:
    """The reading's answer when the file holds text in an old Vietnamese encoding: where, for the question."""

    def __init__(self, where: str) -> None:
        self.where = where


@register("export", N_("E&xport to a file…"), menu="file", section=10, shortcut="Ctrl+E")
def export_file(window: MainWindow) -> None:
    year = window.selected_year()
    name = f"nlv-events-{year}.json" if year else "nlv-events.json"
    path = save_file_name(window, _("Export events"), name, _("NLV Events data (*.json)"))
    if path:
        export_to(window, path, year)


def export_to(window: MainWindow, path: str, year: int | None) -> None:
    def job(progress, is_cancelled):
        return record.export_file(path, year, _cancellable(progress, is_cancelled))

    window.task = BackgroundTask(window, _("Exporting to {file}…").format(file=Path(path).name), job)
    window.task.done.connect(lambda count: window.statusBar().showMessage(record.export_message(path, count), 8000))
    window.task.error.connect(lambda message: ask.warn(window, _("Export events"), message))
    window.task.start()


@register("export_ics", N_("Export to a &calendar (.ics)…"), menu="file", section=10)
def export_calendar(window: MainWindow) -> None:
    from nlv_events.services.reports import ics as export_ics

    year = window.selected_year()
    name = f"nlv-events-{year}.ics" if year else "nlv-events.ics"
    path = save_file_name(window, _("Export to a calendar"), name, _("Calendar (*.ics)"))
    if not path:
        return
    try:
        count = export_ics.write_ics(path, year)
    except UserError as error:
        ask.warn(window, _("Export to a calendar"), str(error))
        return
    message = ngettext("Wrote {count} event to {file}.", "Wrote {count} events to {file}.", count)
    window.statusBar().showMessage(message.format(count=count, file=path), 8000)


def backups_folder(window: MainWindow) -> Path:
    return record.backups_folder(window.database_target, window.app_settings)


@register("backup", N_("&Back up now"), menu="file", section=20)
def back_up_now(window: MainWindow) -> None:
    from nlv_events.services.workspace import backup

    try:
        made = backup.backup_to(window.database_target, backups_folder(window) / backup.backup_name())
    except UserError as error:
        ask.warn(window, _("Back up"), str(error))
        return
    ask.inform(window, _("Back up"), _("Backed up the database to {file}.").format(file=made))


@register("restore", N_("&Restore from a backup…"), menu="file", section=20)
def restore_backup(window: MainWindow) -> None:
    try:
        folder = backups_folder(window)
    except UserError as error:
        ask.warn(window, _("Restore"), str(error))
        return
    path, _filter = QFileDialog.getOpenFileName(
        window, _("Restore from a backup"), str(folder), _("NLV Events backups (*.sqlite3)")
    )
    if path:
        restore_from(window, Path(path))


def restore_from(window: MainWindow, path: Path) -> bool:
    from nlv_events.services.workspace import backup

    question = _(
        "Replace the current record with the backup {file}? The record as it is now is backed up first."
    ).format(file=path.name)
    if not ask.confirm(window, _("Restore"), question):
        return False
    try:
        safety = backup.restore(window.database_target, path, backups_folder(window))
    except UserError as error:
        ask.warn(window, _("Restore"), str(error))
        return False
    window.undo_stack.clear()
    window.reload_years()
    ask.inform(
        window,
        _("Restore"),
        _("Restored the database from {file}; the database as it was is kept in {safety}.").format(
            file=path, safety=safety
        ),
    )
    return True


@register("settings", N_("&Settings…"), menu="file", section=20, shortcut=Key.Preferences)
def show_settings(window: MainWindow) -> None:
    from nlv_events.ui.shell.settings_dialog import SettingsDialog

    before = window.app_settings.get("database")
    dialog = SettingsDialog(window.app_settings, window)
    if dialog.exec() != SettingsDialog.DialogCode.Accepted:
        return
    if window.app_settings.get("language") != i18n.current_language():
        window.set_language(window.app_settings.get("language"))
    if window.app_settings.get("database") != before:
        ask.inform(window, _("Settings"), _("The new database is used from the next start of NLV Events."))


@register("guide", N_("&User guide"), menu="help", shortcut=Key.HelpContents, icon="help-contents")
def show_guide(window: MainWindow) -> None:
    from nlv_events.ui.shell.help_viewer import UserGuide

    window.guide = UserGuide(window)
    window.guide.open()


@register("log", N_("Open &log folder"), menu="help")
def open_log_folder(window: MainWindow) -> None:
    from nlv_events.ui.shell import crash

    crash.open_log_folder()


@register("about", N_("&About NLV Events"), menu="help", section=10)
def show_about(window: MainWindow) -> None:
    QMessageBox.about(
        window,
        _("About NLV Events"),
        _(
            "{app} {version}\nPlanning, recording and reporting the public events of the National Library of Vietnam."
        ).format(app=APP_NAME, version=__version__),
    )
