"""The Plan menu (commemorations of the year, the annual plan, recurring series) and the start-up reminder of the
round anniversaries of the next 12 months that have nothing planned yet."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QPushButton

from nlv_events.core.errors import UserError
from nlv_events.i18n import N_, ngettext
from nlv_events.ui.shell import actions, translation

if TYPE_CHECKING:
    from nlv_events.ui.shell.main_window import MainWindow

REMINDER_DELAY_MS = 500


@actions.register("commemorations", N_("&Commemorations of the year…"), menu="plan")
def show_commemorations(window: MainWindow) -> None:
    window.plan_menu.show_commemorations()


@actions.register("plan", N_("Annual &plan…"), menu="plan")
def show_plan(window: MainWindow) -> None:
    window.plan_menu.show_plan()


@actions.register("series", N_("Recurring &series…"), menu="plan")
def show_series(window: MainWindow) -> None:
    window.plan_menu.show_series()


class PlanMenu(QObject):
    """The Plan menu's dialogs (its actions are registered above), the reminder in the status bar and the
    commemorations marked on the calendar; `install(window)` is the one call the main window makes.

    A QObject owned by the window, so that its retranslation is disconnected when the window goes."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.menu = window.menus["plan"]
        self.commemorations_action = window.actions["commemorations"]
        self.plan_action = window.actions["plan"]
        self.series_action = window.actions["series"]
        self.reminder = QPushButton(window)
        self.reminder.setObjectName("roundAnniversariesReminder")
        self.reminder.setFlat(True)
        self.reminder.clicked.connect(lambda: self.show_commemorations(round_only=True))
        window.statusBar().addPermanentWidget(self.reminder)
        self.dialog = None
        self._waiting: list | None = None  # the round anniversaries with nothing planned, once computed
        window.calendar.grid.note_provider = commemoration_notes
        translation.translate_ui(self.retranslate)

    def retranslate(self) -> None:
        if self._waiting is None:
            # The reminder converts the year's lunar days and reads the record: the window shows first and the
            # reminder follows.
            self.reminder.setVisible(False)
            QTimer.singleShot(REMINDER_DELAY_MS, self.reminder, self._remind_if_open)
        else:
            self._show_reminder(self._waiting)

    def _remind_if_open(self) -> None:
        """The reminder once the window is shown, unless it has been closed meanwhile: a closed window, deleted
        only later, asked a database it was no longer working on."""
        if self.reminder.window().isVisible():
            self.update_reminder()

    def update_reminder(self, today: dt.date | None = None) -> None:
        # The commemorations and their lunar calendar load here, after the window is shown, or for the calendar's
        # notes: the window's first paint needs neither (issue #35).
        from nlv_events.services.planning import commemorations

        try:
            waiting = commemorations.round_unplanned(today or dt.date.today())
        except UserError:
            waiting = []
        self._waiting = waiting
        self._show_reminder(waiting)

    def _show_reminder(self, waiting: list) -> None:
        self.reminder.setVisible(bool(waiting))
        self.reminder.setText(
            ngettext(
                "{count} round anniversary in the next 12 months has nothing planned",
                "{count} round anniversaries in the next 12 months have nothing planned",
                len(waiting),
            ).format(count=len(waiting))
        )
        self.reminder.setToolTip("\n".join(f"{item.day:%d/%m/%Y}  {item.heading}" for item in waiting))

    def _year(self) -> int:
        return self.window.selected_year() or dt.date.today().year

    def _changed(self, event_id: int | None) -> None:
        self.window._after_change(event_id)
        self.update_reminder()

    def show_commemorations(self, round_only: bool = False):
        from nlv_events.ui.planning.commemorations_dialog import CommemorationsDialog

        year = dt.date.today().year if round_only else self._year()
        self.dialog = CommemorationsDialog(
            year, self.window, self._changed, self.window.current_event_id
        )
        self.dialog.round_only.setChecked(round_only)
        self.dialog.open()
        return self.dialog

    def show_plan(self):
        from nlv_events.ui.planning.plan_dialog import PlanDialog

        self.dialog = PlanDialog(self._year(), self.window, self.window.show_pdf)
        self.dialog.open()
        return self.dialog

    def show_series(self):
        from nlv_events.ui.planning.series_dialog import SeriesDialog

        self.dialog = SeriesDialog(self.window, self._changed)
        self.dialog.open()
        return self.dialog


def commemoration_notes(first: dt.date, last: dt.date) -> dict[dt.date, list[str]]:
    """The commemorations from `first` to `last` by day, as the calendar marks them (round ones with their number)."""
    from nlv_events.services.planning import commemorations

    notes: dict[dt.date, list[str]] = {}
    try:
        items = commemorations.in_range(first, last)
    except UserError:
        return notes
    for item in items:
        name = item.commemoration.display_name()
        notes.setdefault(item.day, []).append(f"{name} ({item.ordinal})" if item.round else name)
    return notes


def install(window: MainWindow) -> PlanMenu:
    return PlanMenu(window)
