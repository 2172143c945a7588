"""What `gui --screenshot FILE --view V` shows: the pictures of the README and the user guide, made by the app."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from nlv_events.services.events import event_store
from nlv_events.ui.shell.main_window import MainWindow

VIEWS = ("list", "calendar", "editor", "programme", "tallies", "photos")


def prepare(window: MainWindow, view: str) -> QWidget:
    """Put `window` in the state of `view` and return the widget to photograph."""
    if view == "calendar":
        window.views.setCurrentIndex(1)
        window.calendar.show_month(dt.date(2022, 12, 1))
        return window
    if view in ("editor", "programme", "photos"):
        from nlv_events.ui.events.event_editor import EventEditor

        ref = "demo-2022-review" if view == "photos" else "demo-2022-bookday"
        event_id = event_store.id_by_ref(ref) or event_store.first_id()
        editor = EventEditor(event_store.load(event_id), window)
        if view == "photos":
            editor.show_tab(editor.photos_tab)
            editor.photos_tab.reload()
            editor.photos_tab.loader.wait()
            editor.photos_tab.grid.setCurrentRow(3)
        if view == "programme":
            editor.tabs.setCurrentIndex(2)
            editor.programme_view.selectRow(4)
        editor.show()
        window._screenshot_dialog = editor  # type: ignore[attr-defined]  # keep it alive until the picture
        return editor
    if view == "tallies":
        from nlv_events.ui.reports.tallies_view import TalliesDialog

        dialog = TalliesDialog(2022, window)
        dialog.show()
        window._screenshot_dialog = dialog  # type: ignore[attr-defined]
        return dialog
    review_id = event_store.id_by_ref("demo-2022-review")
    if review_id is not None:
        window.select_event(review_id)
    return window
