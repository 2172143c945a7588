"""File → Export the calendar for the website: the public calendar (services/site) written to a chosen folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from nlv_events.core.errors import UserError
from nlv_events.i18n import N_, _
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.actions import register

if TYPE_CHECKING:
    from nlv_events.ui.shell.main_window import MainWindow

MONTHS = 12  # the window publishes a year ahead from today; the command line chooses (--from, --months)


@register("export_site", N_("Export the calendar for the &website…"), menu="file", section=10)
def export_site(window: MainWindow) -> None:
    from nlv_events.services.site import export

    folder = QFileDialog.getExistingDirectory(window, _("Folder of the website's calendar"))
    if not folder:
        return
    # On the GUI thread, under a wait cursor: the export writes its pages in both languages by switching the
    # process's language, which a window drawn meanwhile must not see; a year's site takes about a second.
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = export.write_site(Path(folder), dt.date.today(), MONTHS)
    except UserError as error:
        QApplication.restoreOverrideCursor()
        ask.warn(window, _("Export the calendar for the website"), str(error))
        return
    QApplication.restoreOverrideCursor()
    message = _("Wrote the calendar of {events} events to {folder}: {written} files written, {unchanged} unchanged.")
    window.statusBar().showMessage(
        message.format(events=result.events, folder=folder, written=result.written, unchanged=result.unchanged), 10_000
    )
