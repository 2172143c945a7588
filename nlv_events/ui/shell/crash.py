"""Errors that are bugs: logged with their traceback, shown to the user as a short apology with the log's place."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from nlv_events import logs
from nlv_events.i18n import _

log = logging.getLogger("nlv_events.crash")


def open_log_folder() -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(logs.log_dir())))


def report(kind: type[BaseException], error: BaseException, traceback) -> None:
    """sys.excepthook for the window: never a raw traceback in front of the user."""
    log.error("unexpected error", exc_info=(kind, error, traceback))
    if QApplication.instance() is None:
        sys.__excepthook__(kind, error, traceback)
        return
    log_file = Path(logs.log_dir()) / logs.LOG_FILENAME
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        _("NLV Events – unexpected error"),
        _(
            "Sorry, something went wrong: {error}\n\nYour saved work is safe. The details are in the log "
            "file {path}; please send it to the IT office."
        ).format(error=logs.hide_passwords(str(error)) or kind.__name__, path=log_file),
    )
    open_folder = box.addButton(_("Open log folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(_("Close"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is open_folder:
        open_log_folder()


def install() -> None:
    sys.excepthook = report
