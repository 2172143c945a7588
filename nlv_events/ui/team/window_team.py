"""The team in the main window: who is working (status bar), what their role lets them do (actions disabled with
the reason as a tooltip), and a colleague's saves shown within a second (services/team/live.py polled on a timer)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from nlv_events.i18n import _
from nlv_events.services.team import live, permissions

if TYPE_CHECKING:
    from nlv_events.ui.shell.main_window import MainWindow

# How often the window looks for a colleague's save: well within the two seconds a change may take to show.
POLL_MILLISECONDS = 500
# The window's actions that change the record: a viewer sees them disabled, with the reason.
CHANGING_ACTIONS = ("new", "edit_save", "duplicate", "next_year", "delete", "demo", "remove_sample", "undo", "redo",
                    "import", "venues")


class LiveUpdates(QObject):
    """Polls the store for other connections' saves; `saved` carries them (services/team/live.Saved)."""

    saved = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.watcher = live.start_watching()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MILLISECONDS)
        self.timer.timeout.connect(self.poll)
        if self.watcher is not None:
            self.timer.start()

    def poll(self) -> None:
        if self.watcher is None:
            return
        found = self.watcher.poll()
        if found:
            self.saved.emit(found)
            _hub.saved.emit(found)

    def stop(self) -> None:
        self.timer.stop()
        if self.watcher is not None:
            self.watcher.close()


class _Hub(QObject):
    """Where open editors hear of a colleague's save, whichever window polled it."""

    saved = Signal(list)


_hub = _Hub()


def hub() -> _Hub:
    return _hub


def install(window: MainWindow) -> None:
    """Show who is working, restrict the actions to the role, and follow colleagues' saves."""
    permissions.refresh()
    window.user_status = QLabel(permissions.describe(), window)
    window.user_status.setObjectName("userStatus")
    window.user_status.setToolTip(_("Who is working: the change history names them."))
    window.statusBar().addPermanentWidget(window.user_status)
    window.live_updates = LiveUpdates(window)
    window.live_updates.saved.connect(lambda found: _colleague_saved(window, found))
    window.destroyed.connect(window.live_updates.stop)
    restrict(window)


def _colleague_saved(window: MainWindow, found: list[live.Saved]) -> None:
    if window.loading:
        return
    window.reload()


def restrict(window: MainWindow) -> None:
    """Disable what the role may not do, saying why (called after the window enables its actions)."""
    allowed, why = permissions.may("edit")
    if allowed:
        return
    for name in CHANGING_ACTIONS:
        action = window.actions.get(name)
        if action is not None:
            action.setEnabled(False)
            action.setToolTip(why)
            action.setStatusTip(why)
