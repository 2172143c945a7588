"""Work in the background: its result reaches the window, and its progress dialog says whose it is."""

from PySide6.QtWidgets import QWidget

from nlv_events.ui.shell.workers import BackgroundTask


def test_the_progress_dialog_carries_its_window_s_title_and_the_result_arrives(qtbot):
    window = QWidget()
    window.setWindowTitle("NLV Events")
    qtbot.addWidget(window)
    task = BackgroundTask(window, "Đang in danh mục…", lambda progress, is_cancelled: 42)
    assert task._dialog.windowTitle() == "NLV Events"  # was an untitled dialog
    with qtbot.waitSignal(task.done, timeout=10_000) as result:
        task.start()
    assert result.args == [42]
    task.wait()


# Run as a program of its own: the crash it guards against is a segmentation fault, which would end the test run.
WARNING_DURING_PROGRESS = r"""
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from nlv_events.core.errors import UserError
from nlv_events.ui.shell.workers import BackgroundTask

app = QApplication([])
window = QWidget()
window.show()

def job(progress, is_cancelled):
    progress(0, 3)
    time.sleep(0.8)  # the progress dialog shows meanwhile, modal: its setValue handles events
    progress(1, 3)  # a batch written
    raise UserError("the next batch failed")  # at once after it

task = BackgroundTask(window, "Đang nhập khách mời…", job)
warned = []
task.error.connect(lambda message: warned.append(QMessageBox.warning(window, "Nhập khách mời", message)))
QTimer.singleShot(700, lambda: time.sleep(0.3))  # the window's thread busy meanwhile (a reload, a repaint)
QTimer.singleShot(1500, lambda: [box.done(0) for box in app.topLevelWidgets() if isinstance(box, QMessageBox)])
QTimer.singleShot(2000, app.quit)
task.start()
app.exec()
print("warned", len(warned))
"""


def test_a_warning_opened_while_the_progress_dialog_updates_does_not_crash_the_program():
    """The work's error, warned about in a message box opened while the modal progress dialog was updating itself,
    let the task delete that dialog under the update: the program crashed when the box closed."""
    import os
    import subprocess
    import sys

    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", WARNING_DURING_PROGRESS], capture_output=True, text=True,
                            timeout=60, env=environment)  # fmt: skip
    assert result.returncode == 0, result.stderr[-800:]
    assert result.stdout.strip() == "warned 1"


def test_work_that_cannot_stop_offers_no_cancel_and_shows_at_once(qtbot):
    from PySide6.QtWidgets import QPushButton

    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    task = BackgroundTask(window, "Đang thêm tài liệu…", lambda progress, is_cancelled: 1, cancellable=False)
    assert task._dialog.findChild(QPushButton) is None and task._dialog.minimumDuration() == 0
    with qtbot.waitSignal(task.done, timeout=10_000):
        task.start()


def test_the_program_ends_cleanly_when_a_window_went_with_its_finished_work(qtbot):
    """The work ended, and its window was closed for good before the task had tidied up: going, the program waited
    for the thread that went with that window and stopped on "Internal C++ object already deleted"."""
    from shiboken6 import delete

    from nlv_events.ui.shell import workers

    window = QWidget()
    task = BackgroundTask(window, "Đang đọc…", lambda progress, is_cancelled: 1)
    task.start()
    assert task.wait()  # the work is over; the task's own tidying-up waits in the event queue
    delete(window)  # the window, and the task and thread with it, gone before the queue is handled
    workers.wait_for_all()
    assert not workers._RUNNING


def test_work_that_reports_no_progress_still_shows_its_dialog_and_cancel_after_half_a_second(qtbot):
    """Until a first progress report Qt's dialog keeps its own 4 s: reading a file reports none, so the dialog and
    its Cancel showed only after four seconds, the window meanwhile answering clicks the work was not ready for."""
    import threading

    from PySide6.QtWidgets import QPushButton

    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    release = threading.Event()
    task = BackgroundTask(window, "Đang đọc…", lambda progress, is_cancelled: release.wait(10))
    task.start()
    qtbot.waitUntil(task._dialog.isVisible, timeout=3_000)
    assert task._dialog.findChild(QPushButton).isVisible()
    with qtbot.waitSignal(task.destroyed, timeout=10_000):
        release.set()


def test_the_lists_own_loading_never_shows_a_dialog(window, qtbot, monkeypatch):
    """The list loads its rows in the background and says so in the status bar: the window stays in use, with no
    progress window over it, however long the loading takes."""
    import threading

    from nlv_events.ui.shell import window_filters

    release = threading.Event()
    load_rows = window_filters.load_rows
    monkeypatch.setattr(window_filters, "load_rows", lambda year: release.wait(10) and load_rows(year))
    window._load_in_background(window.selected_year(), None)  # what reload does for a year of many events
    task = window.task
    qtbot.wait(800)
    assert window.loading and not task._dialog.isVisible() and window.statusBar().currentMessage()
    with qtbot.waitSignal(task.destroyed, timeout=10_000):
        release.set()
