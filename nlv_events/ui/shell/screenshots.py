"""What `gui --screenshot FILE --view V` shows: the pictures of the README and the user guide, made by the app."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from nlv_events.i18n import _
from nlv_events.services.events import event_store
from nlv_events.ui.shell.main_window import MainWindow

VIEWS = ("list", "calendar", "editor", "programme", "tallies", "photos")
READY_POLL_MS = 10  # how often a picture waiting for its thumbnails looks again
READY_WAIT_MS = 10_000  # and how long it waits for them at most: a picture is taken, whatever has arrived
# Qt's PNG quality 80 is zlib's level 1: the same pixels as Qt's default (level 6), written in about half the time
# (a window of 1320×760: 50 → 28 ms of `gui --screenshot`), and the file no larger (260 → 224 kB for the list).
PNG_QUALITY = 80


def when_loaded(window: MainWindow, action: Callable[[], object]) -> None:
    """Run `action` once the window shows its rows: at once when they loaded with the window, else when the
    background load ends; in both cases on the event loop's next turn, after the layout and paint they asked for."""
    if window.loading:
        window.rows_loaded.connect(lambda: QTimer.singleShot(0, action))
    else:
        QTimer.singleShot(0, action)


def capture_when_ready(window: MainWindow, view: str, path: str, finish: Callable[[int], object]) -> None:
    """Put the window in the state of `view` once its rows are shown, save its picture at `path` once what the view
    shows has arrived (the photos' thumbnails), then `finish(0)`, or `finish(1)` when the file cannot be written.

    The picture used to be taken after a fixed 400 ms, most of `gui --screenshot`'s time on a large record and
    too short a wait for anything slower than that."""

    def capture(shown: QWidget, waited: int = 0) -> None:
        if not _arrived(window) and waited < READY_WAIT_MS:
            QTimer.singleShot(READY_POLL_MS, lambda: capture(shown, waited + READY_POLL_MS))
            return
        picture = shown.grab()
        png = path.lower().endswith(".png")
        if not (picture.save(path, "PNG", PNG_QUALITY) if png else picture.save(path)):
            message = _("Cannot write {path}: {reason}").format(path=path, reason="PNG")
            sys.stderr.write(f"nlv-events: {message}\n")
            finish(1)
            return
        finish(0)

    def arrange() -> None:
        shown = prepare(window, view)
        QTimer.singleShot(0, lambda: capture(shown))  # the next turn: the view's own layout and paint first

    when_loaded(window, arrange)


def _arrived(window: MainWindow) -> bool:
    dialog = getattr(window, "_screenshot_dialog", None)
    photos = getattr(dialog, "photos_tab", None)
    return photos is None or photos.thumbnails_shown()


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
