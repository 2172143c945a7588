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
    from PySide6.QtCore import QCoreApplication, QSettings

    from nlv_events.ui.shell import qt_start

    qt_start.skip_feature_source_scan()  # before the window's modules are imported
    # The names first, so that the window's settings (QSettings below) are found where the window keeps them.
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(ORGANISATION_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    settings = current_settings()
    i18n.setup_i18n(language or settings.get("language"))

    from nlv_events.services.events import row_prefetch
    from nlv_events.services.workspace import record

    target = record.database_target(database_target, settings)
    window_settings = QSettings()
    if year is not None:
        window_settings.setValue("filters/year", 0 if year == "all" else int(year) if year.isdigit() else None)
    # The database is opened, and the year the window opens on read in a thread of its own, before Qt's
    # application and widgets are made: the reading (SQLite's work, without the interpreter's lock) runs beside them
    # and the window's imports (issue #35). Why a database cannot be opened is said once there is an application to
    # say it in (with the offer of a backup); a first start reads its year after the welcome.
    refused = _open_early(target)
    first_start = refused is None and _first_start(window_settings)
    if refused is None and not first_start:
        row_prefetch.start(row_prefetch.year_to_open(window_settings.value("filters/year")))

    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from nlv_events.core.resources import resource
    from nlv_events.ui.shell import crash

    application = QApplication.instance() or QApplication(sys.argv[:1])
    application.setWindowIcon(QIcon(str(resource("icons", "nlv-events.png"))))
    crash.install()
    read_ahead = refused is None and not first_start
    if refused is not None:
        # let go of the error once said: its traceback holds this frame (and what it will hold, the window) in a
        # cycle only the cycle collector would free
        explained, refused = _explain_refusal(target, settings, screenshot, refused), None
        if not explained:
            return 1
        first_start = _first_start(window_settings)  # a backup was restored and opened
    if not screenshot and not quit_when_shown:
        _daily_backup(target, settings)

    label = database.describe_target(target)
    if first_start and not screenshot and not quit_when_shown:
        _welcome(settings, label, window_settings)
    if not read_ahead:
        row_prefetch.start(row_prefetch.year_to_open(window_settings.value("filters/year")))
    from nlv_events.ui.shell import screenshots
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
    _end(window, application)
    return code


def _end(window, application) -> None:
    """What the window leaves is let go of as the program returns."""
    from PySide6.QtCore import QEvent

    from nlv_events.ui.shell import workers

    # After --screenshot or --quit-when-shown the loop ends with the window still open: the run closes it, so that
    # nothing of it outlives run_gui (a test's next program met the earlier window and closed that one instead).
    if window.isVisible():  # closed by the user already in every other case: its closeEvent ran then
        window.close()
    workers.wait_for_all()
    # Qt's quit for the loop that has ended, still posted, is taken back: handled later outside any loop, it left
    # the application quitting, and every event loop after it ended at once. The process ends here anyway; a
    # program run inside another (the tests) had the next dialog's exec() return before the dialog could be used.
    application.removePostedEvents(application, QEvent.Type.Quit)


def _welcome(settings: Settings, label: str, window_settings) -> None:
    """The first start's welcome: the library's own record to begin with, or the demo's."""
    from nlv_events.services.workspace import record
    from nlv_events.ui.shell.first_start import FirstStartDialog

    welcome = FirstStartDialog(settings, label)
    welcome.exec()
    if welcome.choice == "demo":
        record.load_demo()
    window_settings.setValue("first_start_done", True)


def _open_early(target: str) -> Exception | None:
    """Open the database before there is an application to say why it cannot be opened: None when it opened,
    else what refused it, for `_explain_refusal` to say once there is one (the database is not tried twice: a share
    that has gone away keeps the user waiting through its time-out once)."""
    try:
        database.open_database(target)
    except Exception as error:
        return error
    return None


def _first_start(window_settings) -> bool:
    """The welcome is offered: the window never started on this computer, and the database holds no event."""
    return not window_settings.value("first_start_done") and not queries.years_with_events()


def _explain_refusal(target: str, settings: Settings, screenshot: str | None, error: Exception) -> bool:
    """The database did not open at start (`error`): offer the newest good backup, or say why in a window. True
    when a backup was restored and opened."""
    from PySide6.QtWidgets import QMessageBox

    if isinstance(error, UserError):
        if not screenshot and _offer_backup(target, settings, error):
            return True
        if not screenshot:
            QMessageBox.critical(None, APP_NAME, str(error))
        return False
    if screenshot:
        raise error
    # e.g. Windows' SQLite on a share that went away: said in a window, never silent
    log.error("cannot open the database at start", exc_info=error)
    reason = f"{type(error).__name__}: {error}"
    message = _("Cannot open the database {target}: {reason}")
    QMessageBox.critical(None, APP_NAME, message.format(target=database.describe_target(target), reason=reason))
    return False


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
