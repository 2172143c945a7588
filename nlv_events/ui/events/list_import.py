"""File → Import an event list…: the action; the preview dialog is in ui/events/list_import_dialog.py.

The dialog and the list import's services (which load the interchange format of every feature) are imported when
the action is chosen, on the window's thread: a fifth of the window's imports at start otherwise (issue #35).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog

from nlv_events.core.errors import UserError
from nlv_events.i18n import N_, _
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.actions import register
from nlv_events.ui.shell.workers import BackgroundTask

if TYPE_CHECKING:
    from nlv_events.ui.shell.main_window import MainWindow


@register("import_list", N_("Import an &event list…"), menu="file", section=10)
def import_event_list(window: MainWindow) -> None:
    path, _filter = QFileDialog.getOpenFileName(
        window, _("Import an event list"), "", _("Event lists (*.xlsx *.csv *.docx)")
    )
    if not path:
        return
    from nlv_events.services.interchange.list_import import plan, report
    from nlv_events.ui.events.list_import_dialog import ListImportDialog

    try:
        dialog = ListImportDialog(path, window)
    except UserError as error:
        ask.warn(window, _("Import an event list"), str(error))
        return
    window.list_import_dialog = dialog
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    preview = dialog.preview

    def done(summary) -> None:
        window.reload_years()
        window.reload()
        ask.inform(window, _("Import an event list"), report.done_message(path, summary))

    # Off the GUI thread, as the interchange file's import: a list of some thousand events takes seconds.
    window.task = BackgroundTask(window, _("Importing {file}…").format(file=Path(path).name),
                                 lambda _progress, _is_cancelled: plan.apply(preview))
    window.task.done.connect(done)
    window.task.error.connect(lambda message: ask.warn(window, _("Import an event list"), message))
    window.task.start()
