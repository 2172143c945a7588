"""The Plan menu (commemorations of the year, the annual plan, recurring series) and the start-up reminder of the
round anniversaries of the next 12 months that have nothing planned yet."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QPushButton

from nlv_events.core.errors import UserError
from nlv_events.i18n import _, ngettext
from nlv_events.services.planning import commemorations

REMINDER_DELAY_MS = 500


class PlanMenu:
    """Owns the menu's actions; `install(window)` is the one call the main window makes."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.menu = window.menuBar().addMenu("")
        self.menu.setObjectName("planMenu")
        self.commemorations_action = QAction(window)
        self.plan_action = QAction(window)
        self.series_action = QAction(window)
        self.commemorations_action.triggered.connect(lambda: self.show_commemorations())
        self.plan_action.triggered.connect(lambda: self.show_plan())
        self.series_action.triggered.connect(lambda: self.show_series())
        for action in (self.commemorations_action, self.plan_action, self.series_action):
            self.menu.addAction(action)
        # The help menu stays last.
        help_menu = getattr(window, "help_menu", None)
        if help_menu is not None:
            window.menuBar().insertMenu(help_menu.menuAction(), self.menu)
        self.reminder = QPushButton(window)
        self.reminder.setObjectName("roundAnniversariesReminder")
        self.reminder.setFlat(True)
        self.reminder.clicked.connect(lambda: self.show_commemorations(round_only=True))
        window.statusBar().addPermanentWidget(self.reminder)
        self.dialog = None
        self._waiting: list | None = None  # the round anniversaries with nothing planned, once computed
        calendar = getattr(window, "calendar", None)
        if calendar is not None:
            calendar.grid.note_provider = commemoration_notes
        language_changed = getattr(window, "language_changed", None)
        if language_changed is not None:
            language_changed.connect(lambda _language: self.retranslate())
        self.retranslate()

    def retranslate(self) -> None:
        self.menu.setTitle(_("P&lan"))
        self.commemorations_action.setText(_("&Commemorations of the year…"))
        self.plan_action.setText(_("Annual &plan…"))
        self.series_action.setText(_("Recurring &series…"))
        if self._waiting is None:
            # The reminder converts the year's lunar days and reads the record: the window shows first and the
            # reminder follows.
            self.reminder.setVisible(False)
            QTimer.singleShot(REMINDER_DELAY_MS, self.reminder, lambda: self.update_reminder())
        else:
            self._show_reminder(self._waiting)

    def update_reminder(self, today: dt.date | None = None) -> None:
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
        selected = getattr(self.window, "selected_year", None)
        year = selected() if callable(selected) else None
        return year or dt.date.today().year

    def _changed(self, event_id: int | None) -> None:
        after_change = getattr(self.window, "_after_change", None)
        if callable(after_change):
            after_change(event_id)
        self.update_reminder()

    def show_commemorations(self, round_only: bool = False):
        from nlv_events.ui.planning.commemorations_dialog import CommemorationsDialog

        year = dt.date.today().year if round_only else self._year()
        self.dialog = CommemorationsDialog(
            year, self.window, self._changed, getattr(self.window, "current_event_id", None)
        )
        self.dialog.round_only.setChecked(round_only)
        self.dialog.open()
        return self.dialog

    def show_plan(self):
        from nlv_events.ui.planning.plan_dialog import PlanDialog

        self.dialog = PlanDialog(self._year(), self.window, getattr(self.window, "show_pdf", None))
        self.dialog.open()
        return self.dialog

    def show_series(self):
        from nlv_events.ui.planning.series_dialog import SeriesDialog

        self.dialog = SeriesDialog(self.window, self._changed)
        self.dialog.open()
        return self.dialog


def commemoration_notes(first: dt.date, last: dt.date) -> dict[dt.date, list[str]]:
    """The commemorations from `first` to `last` by day, as the calendar marks them (round ones with their number)."""
    notes: dict[dt.date, list[str]] = {}
    try:
        items = commemorations.in_range(first, last)
    except UserError:
        return notes
    for item in items:
        name = item.commemoration.display_name()
        notes.setdefault(item.day, []).append(f"{name} ({item.ordinal})" if item.round else name)
    return notes


def install(window: QMainWindow) -> PlanMenu:
    return PlanMenu(window)
