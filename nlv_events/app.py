"""The one place that wires the database, settings, language and the window together."""

from __future__ import annotations

import logging
import sys

from nlv_events import APP_NAME, ORGANISATION_NAME, __version__, i18n
from nlv_events.core import database, queries
from nlv_events.core.errors import UserError
from nlv_events.core.settings import Settings, current_settings
from nlv_events.i18n import _
from nlv_events.i18n.formats import format_moment

log = logging.getLogger(__name__)


def run_gui(
    database_target: str | None = None,
    language: str | None = None,
    screenshot: str | None = None,
    view: str = "list",
    year: str | None = None,
    quit_when_shown: bool = False,
) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from nlv_events.ui.shell import qt_start

    qt_start.skip_feature_source_scan()  # before the window's modules are imported
    from nlv_events.core.resources import resource
    from nlv_events.ui.shell import crash

    application = QApplication.instance() or QApplication(sys.argv[:1])
    application.setApplicationName(APP_NAME)
    application.setOrganizationName(ORGANISATION_NAME)
    application.setApplicationVersion(__version__)
    application.setWindowIcon(QIcon(str(resource("icons", "nlv-events.png"))))
    crash.install()
    settings = current_settings()
    i18n.setup_i18n(language or settings.get("language"))

    from nlv_events.services.workspace import record

    target = record.database_target(database_target, settings)
    if not _open_at_start(target, settings, screenshot):
        return 1
    if not screenshot and not quit_when_shown:
        _daily_backup(target, settings)

    window_settings = QSettings()
    label = database.describe_target(target)
    if year is not None:
        window_settings.setValue("filters/year", 0 if year == "all" else int(year) if year.isdigit() else None)
    first_start = not window_settings.value("first_start_done") and not queries.years_with_events()
    if first_start and not screenshot and not quit_when_shown:
        from nlv_events.ui.shell.first_start import FirstStartDialog

        welcome = FirstStartDialog(settings, label)
        welcome.exec()
        if welcome.choice == "demo":
            record.load_demo()
        window_settings.setValue("first_start_done", True)

    # The year the window opens on is read while the window's modules load (a third of the start at 100 000 events)
    # and its widgets are built; the window takes the rows when it first loads that year.
    from nlv_events.services.events import row_prefetch

    row_prefetch.start(row_prefetch.year_to_open(window_settings.value("filters/year")))
    # Imported beside that reading, not before it: the first module to name PySide's Qt namespace makes its 90 enum
    # types (some 20 ms), which the year's reading need not wait for (issue #35).
    from nlv_events.ui.shell import screenshots, workers
    from nlv_events.ui.shell.main_window import MainWindow

    window = MainWindow(window_settings, label, settings, target)
    geometry = window_settings.value("window/geometry")
    if geometry is not None and not screenshot:
        window.restoreGeometry(geometry)
    window.show()
    if quit_when_shown:
        screenshots.when_loaded(window, application.quit)  # "shown with its data"
    if screenshot:
        screenshots.capture_when_ready(window, view, screenshot, application.exit)
    code = application.exec()
    # After --screenshot or --quit-when-shown the loop ends with the window still open: the run closes it, so that
    # nothing of it outlives run_gui (a test's next program met the earlier window and closed that one instead).
    if window.isVisible():  # closed by the user already in every other case: its closeEvent ran then
        window.close()
    workers.wait_for_all()
    return code


def _open_at_start(target: str, settings: Settings, screenshot: str | None) -> bool:
    """Open the database before the window shows; False, once the user has been told why, when it cannot be."""
    from PySide6.QtWidgets import QMessageBox

    try:
        database.open_database(target)
    except UserError as error:
        if screenshot or not _offer_backup(target, settings, error):
            if not screenshot:
                QMessageBox.critical(None, APP_NAME, str(error))
            return False
    except Exception as error:  # e.g. Windows' SQLite on a share that went away: said in a window, never silent
        if screenshot:
            raise
        log.exception("cannot open the database at start")
        reason = f"{type(error).__name__}: {error}"
        message = _("Cannot open the database {target}: {reason}")
        QMessageBox.critical(None, APP_NAME, message.format(target=database.describe_target(target), reason=reason))
        return False
    return True


def _backups(target: str, settings: Settings):
    from nlv_events.services.workspace import record

    return record.backups_folder(target, settings)


def _daily_backup(target: str, settings: Settings) -> None:
    from nlv_events.services.workspace import backup

    if database.sqlite_file(target) is None:
        return
    try:
        backup.automatic_backup(target, _backups(target, settings))
    except Exception:  # a share gone away, a full disk: the work goes on and the log says why
        log.warning("automatic backup failed", exc_info=True)


def _offer_backup(target: str, settings: Settings, error: UserError) -> bool:
    """The database cannot be opened: offer the newest good backup. True when it was restored and opened."""
    from PySide6.QtWidgets import QMessageBox

    from nlv_events.services.workspace import backup

    if database.sqlite_file(target) is None or not database.sqlite_file(target).exists():
        return False
    if isinstance(error, database.ForeignDatabaseError):
        return False  # not damaged: another program's file, which a restore must not replace
    try:
        found = backup.newest_good_backup(_backups(target, settings))
    except UserError:
        return False
    if found is None:
        return False
    question = _(
        "The database cannot be opened:\n{error}\n\nRestore the newest good backup, taken {taken}? "
        "The damaged file is kept beside it."
    ).format(error=error, taken=format_moment(found.taken))
    answer = QMessageBox.question(None, APP_NAME, question)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        backup.restore(target, found.path, _backups(target, settings))
        database.open_database(target)
    except UserError as restore_error:
        QMessageBox.critical(None, APP_NAME, str(restore_error))
        return False
    return True
