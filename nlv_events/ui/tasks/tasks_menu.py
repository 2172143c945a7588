"""The tasks' window actions (Edit → Task templates, Edit → Staff, View → Tasks to do) and the start-up reminder
of overdue tasks in the status bar; `install(window)` is the one call the main window makes."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QPushButton

from nlv_events.core.errors import UserError
from nlv_events.i18n import N_, ngettext
from nlv_events.services.tasks import task_list
from nlv_events.ui.shell import actions, translation

if TYPE_CHECKING:
    from nlv_events.ui.shell.main_window import MainWindow

REMINDER_DELAY_MS = 400


@actions.register("task_templates", N_("Task &templates…"), menu="edit", section=30)
def show_templates(window: MainWindow) -> None:
    from nlv_events.ui.tasks.templates_dialog import TemplatesDialog

    TemplatesDialog(window).exec()


@actions.register("staff", N_("S&taff…"), menu="edit", section=30)
def show_staff(window: MainWindow) -> None:
    from nlv_events.ui.tasks.staff_dialog import StaffDialog

    StaffDialog(window).exec()


@actions.register("task_board", N_("&Tasks to do…"), menu="view", shortcut="Ctrl+J")
def show_board(window: MainWindow) -> None:
    window.tasks_menu.show_board()


@actions.register("week_schedule", N_("&Weekly work schedule…"), menu="file", section=5)
def show_week(window: MainWindow) -> None:
    from nlv_events.ui.tasks.week_dialog import WeekDialog, print_week

    dialog = window.tasks_menu.week_dialog = WeekDialog(window, window.tasks_menu.today)
    dialog.exec()
    if dialog.to_print is not None:
        window.task = print_week(window, dialog.to_print, window.show_pdf)


class TasksMenu(QObject):
    """The board and the reminder ("3 overdue tasks", a button that opens the board)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.today: dt.date | None = None  # None: the day the board is opened; a test may fix it
        self.reminder = QPushButton(window)
        self.reminder.setObjectName("overdueTasksReminder")
        self.reminder.setFlat(True)
        self.reminder.setVisible(False)
        self.reminder.clicked.connect(lambda: self.show_board())
        window.statusBar().addPermanentWidget(self.reminder)
        self._overdue: int | None = None
        self.week_dialog = None
        translation.translate_ui(self.retranslate)

    def retranslate(self) -> None:
        if self._overdue is None:  # the window shows first, the reminder reads the record after
            QTimer.singleShot(REMINDER_DELAY_MS, self.reminder, self._remind_if_open)
        else:
            self._show_reminder(self._overdue)

    def _remind_if_open(self) -> None:
        """The reminder once the window is shown, unless it has been closed meanwhile: a closed window, deleted
        only later, asked a database it was no longer working on."""
        if self.reminder.window().isVisible():
            self.update_reminder()

    def update_reminder(self) -> None:
        try:
            self._overdue = task_list.overdue_count(self.today or dt.date.today())
        except UserError:
            self._overdue = 0
        self._show_reminder(self._overdue)

    def _show_reminder(self, count: int) -> None:
        self.reminder.setVisible(count > 0)
        self.reminder.setText(ngettext("{count} overdue task", "{count} overdue tasks", count).format(count=count))

    def show_board(self) -> None:
        from nlv_events.ui.tasks.board_dialog import BoardDialog

        self.board = BoardDialog(self.window, self.today)
        self.board.exec()
        chosen = self.board.chosen_event
        self.update_reminder()
        if chosen is not None:
            self.window.edit_event(chosen)


def install(window: MainWindow) -> TasksMenu:
    return TasksMenu(window)
