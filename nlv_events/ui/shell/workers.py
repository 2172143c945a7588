"""Running long work off the GUI thread, with a progress dialog that can cancel it."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from nlv_events.core.errors import UserError
from nlv_events.i18n import _
from nlv_events.services.workspace.connection import close_thread_connection

log = logging.getLogger(__name__)


class _Worker(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, job: Callable[..., Any], done_even_if_cancelled: bool = False) -> None:
        super().__init__()
        self._job = job
        self._done_even_if_cancelled = done_even_if_cancelled
        self.cancel_requested = threading.Event()

    def run(self) -> None:
        try:
            result = self._job(self.progressed.emit, self.cancel_requested.is_set)
        except UserError as error:
            if not self.cancel_requested.is_set():  # after a Cancel the user has turned away: no warning follows
                self.failed.emit(str(error))
        except Exception as error:  # a bug: logged with its traceback, reported in one line
            if not self.cancel_requested.is_set():
                log.exception("background work failed")
                self.failed.emit(_("Unexpected error ({kind}): {error}").format(kind=type(error).__name__, error=error))
        else:
            if self._done_even_if_cancelled or not self.cancel_requested.is_set():
                self.succeeded.emit(result)
        finally:
            close_thread_connection()
            self.finished.emit()


_RUNNING: set[QThread] = set()


def wait_for_all(milliseconds: int = 30_000) -> None:
    """Let running work finish before the application goes (a QThread destroyed while running aborts)."""
    from shiboken6 import isValid

    for thread in list(_RUNNING):
        if isValid(thread):  # a thread that ended is let go with its task, which its window may have deleted
            thread.wait(milliseconds)


class BackgroundTask(QObject):
    """`job(progress, is_cancelled)` runs in a thread; `done(result)` or `error(message)` follow on the GUI thread.

    The progress dialog appears only if the work lasts more than half a second, so quick work stays quiet.
    `done_even_if_cancelled`: work that ends normally although Cancel was pressed (too late for it to stop) still
    reports `done`, for work whose result the user must hear of (an import that stored everything).
    `cancellable=False`: work that cannot stop once begun (one transaction holding the database's write lock): the
    dialog has no Cancel and shows at once, so the window takes no input that would wait for that lock.
    The half second counts from the start, whether or not the work reports progress (reading a file reports none):
    until a first report Qt's dialog keeps its own 4 s, so `start` sets it going. `quiet`: work that never shows the
    dialog, whose window says it is busy in its own way (the list loading its rows, said in the status bar).
    """

    done = Signal(object)
    error = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        parent: QWidget,
        label: str,
        job: Callable[..., Any],
        done_even_if_cancelled: bool = False,
        cancellable: bool = True,
        quiet: bool = False,
    ) -> None:
        super().__init__(parent)
        self._thread = QThread(self)
        self._worker = _Worker(job, done_even_if_cancelled)
        self._worker.moveToThread(self._thread)
        self._dialog = QProgressDialog(label, _("Cancel"), 0, 0, parent)
        self._dialog.setWindowTitle(parent.window().windowTitle() if parent is not None else "")  # not untitled
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.setMinimumDuration(500 if cancellable else 0)
        if not cancellable:
            self._dialog.setCancelButton(None)
        # Set while the dialog's setValue runs: a modal progress dialog handles events in it, and a warning opened
        # there (the work's error) let `_finish` delete the dialog under that very call, which then crashed.
        self._updating = False
        self._finish_waiting = False
        self._finished = False
        self._quiet = quiet
        self._dialog.setAutoClose(False)
        self._dialog.setAutoReset(False)
        self._dialog.canceled.connect(self._cancel)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._progress)
        self._worker.succeeded.connect(self.done)
        self._worker.failed.connect(self.error)
        self._worker.finished.connect(self._finish)
        # The thread's loop ends with the work, on the thread itself: `wait()` on the window's thread (a closing
        # dialog stopping its work) otherwise waited for `_finish`, which that same thread was to run: 30 s frozen.
        self._worker.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        thread = self._thread
        thread.finished.connect(lambda: _RUNNING.discard(thread), Qt.ConnectionType.DirectConnection)

    def start(self) -> None:
        _RUNNING.add(self._thread)
        if not self._quiet:
            self._dialog.setValue(0)  # starts the dialog's own timer: it shows after its minimum duration
        self._thread.start()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, milliseconds: int = 30_000) -> bool:
        return self._thread.wait(milliseconds)

    def _progress(self, done: int, total: int) -> None:
        if self._finished or self._updating:
            return
        self._updating = True
        try:
            self._dialog.setMaximum(max(total, 1))
            self._dialog.setValue(min(done, total))
        finally:
            self._updating = False
        if self._finish_waiting:
            self._finish()

    def cancel(self) -> None:
        self._cancel()

    def _cancel(self) -> None:
        self._worker.cancel_requested.set()
        self.cancelled.emit()

    def _finish(self) -> None:
        if self._updating:
            self._finish_waiting = True  # once the dialog's setValue has returned
            return
        self._finish_waiting = False
        self._finished = True
        self._dialog.reset()
        self._dialog.hide()
        self._thread.quit()
        self._thread.wait()
        _RUNNING.discard(self._thread)
        self._dialog.deleteLater()
        self.deleteLater()
