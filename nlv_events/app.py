"""The one place that wires the database, settings, language and the window together."""

from __future__ import annotations

import sys

from nlv_events import APP_NAME, ORGANISATION_NAME, __version__, i18n
from nlv_events.core import database
from nlv_events.core.errors import UserError


def run_gui(database_target: str | None = None, language: str | None = None, screenshot: str | None = None) -> int:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from nlv_events.ui.main_window import MainWindow

    application = QApplication.instance() or QApplication(sys.argv[:1])
    application.setApplicationName(APP_NAME)
    application.setOrganizationName(ORGANISATION_NAME)
    application.setApplicationVersion(__version__)
    settings = QSettings()
    i18n.setup_i18n(language or str(settings.value("language", i18n.DEFAULT_LANGUAGE)))

    target = database.resolve_target(database_target)
    try:
        database.open_database(target)
    except UserError as error:
        if screenshot:
            raise
        QMessageBox.critical(None, APP_NAME, str(error))
        return 1

    window = MainWindow(settings, database.describe_target(target))
    geometry = settings.value("window/geometry")
    if geometry is not None and not screenshot:
        window.restoreGeometry(geometry)
    window.show()
    if screenshot:

        def capture() -> None:
            if not window.grab().save(screenshot):
                sys.stderr.write(f"nlv-events: cannot write {screenshot}\n")
                application.exit(1)
                return
            application.exit(0)

        QTimer.singleShot(300, capture)
    return application.exec()
