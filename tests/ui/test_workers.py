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
