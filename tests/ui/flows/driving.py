"""How the flow tests act as a person does: click a row of the events table, trigger the real menu action, answer
the dialog a command opens with exec() once it shows, and answer a file dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from nlv_events.ui.shell.main_window import MainWindow
from tests.ui.conftest import visible_titles


def show_titles(window: MainWindow, qtbot, *titles: str) -> None:
    """Reload the window (F5, as a user does after a colleague's change) and wait until it lists `titles`."""
    window.actions["reload"].trigger()
    qtbot.waitUntil(lambda: all(title in visible_titles(window) for title in titles))


def click_row(window: MainWindow, qtbot, title: str) -> None:
    """Click the row of the event titled `title` in the events table."""
    from PySide6.QtCore import Qt

    row = visible_titles(window).index(title)
    index = window.model.index(row, 1)
    window.table.scrollTo(index)
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=window.table.visualRect(index).center())
    assert window.current_event_id() is not None and window.model.index(row, 1).data() == title


def on_next_dialog(act: Callable[[QDialog], None], kind: type[QWidget] = QDialog, tries: int = 250) -> list:
    """Run `act(dialog)` on the next modal dialog of type `kind` once it shows: the command that opens it waits in
    its exec(), as it does for a user; one `act` left open is then closed (Cancel), so a flow that goes wrong fails
    instead of waiting. Returns a list that holds the dialog once it was answered."""
    answered: list = []

    def look(left: int = tries) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible() and dialog.isActiveWindow():
            answered.append(dialog)
            try:
                act(dialog)
            finally:
                if dialog.isVisible():  # a dialog the act left open would keep the test waiting in its exec()
                    dialog.done(QDialog.DialogCode.Rejected)
        elif left:
            QTimer.singleShot(20, lambda: look(left - 1))

    QTimer.singleShot(0, look)
    return answered


def on_next_menu(text: str, qtbot, tries: int = 250) -> list:
    """Click the entry `text` of the next menu that pops up (a button's menu waits in its exec(), as for a user)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMenu

    chosen: list = []

    def look(left: int = tries) -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu) and menu.isVisible():
            action = next((entry for entry in menu.actions() if entry.text() == text), None)
            if action is None:
                menu.close()
                return
            chosen.append(action)
            qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
        elif left:
            QTimer.singleShot(20, lambda: look(left - 1))

    QTimer.singleShot(0, look)
    return chosen


def click_tab(tabs, page: QWidget, qtbot) -> None:
    """Click the tab of `tabs` that holds `page`."""
    from PySide6.QtCore import Qt

    index = next(i for i in range(tabs.count()) if tabs.widget(i) is page or tabs.widget(i).isAncestorOf(page))
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index
