"""File → Weekly work schedule: the items typed for a week only (a meeting, a visit), beside what the record gives
(events, the leadership's programme rows, the tasks chosen), and the schedule printed in the preview."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nlv_events.i18n import _, pgettext
from nlv_events.i18n.formats import format_time, format_weekday_date
from nlv_events.printing.decree import DecreeOptions
from nlv_events.services.tasks import week_document, week_schedule
from nlv_events.services.tasks.board import week_start
from nlv_events.services.tasks.week_schedule import WeekEntry
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.dialogs import add_rows, close_box, date_field, dress_dialog, form_label
from nlv_events.ui.shell.printing import Show, preview_in_background
from nlv_events.ui.shell.record_tables import current_record, fill_table
from nlv_events.ui.shell.widgets import left_row
from nlv_events.ui.tasks.picker_table import picker_table

FIELDS = ("content", "leader", "place", "preparer")


def next_monday(today: dt.date) -> dt.date:
    """The week the office prints on Friday: the next one."""
    return week_start(today) + dt.timedelta(days=7)


class WeekDialog(QDialog):
    def __init__(self, parent: QWidget, today: dt.date | None = None) -> None:
        super().__init__(parent)
        dress_dialog(self, "WeekSchedule", _("Weekly work schedule"), (900, 600), fit=True)
        self.to_print: dt.date | None = None  # the Monday of the week to print once the dialog closes
        self.items: list[WeekEntry] = []
        monday = next_monday(today or dt.date.today())
        self.week_edit: QDateEdit = date_field(self, QDate(monday.year, monday.month, monday.day))
        self.week_edit.setObjectName("weekDay")
        self.week_edit.dateChanged.connect(lambda *_: self.reload())
        self.table = picker_table(self, "weekItems", [_("Day"), _("Time"), _("Content"), _("Leads / attends")], 2,
                                  lambda: self._show_item())
        self.day_edit: QDateEdit = date_field(self)
        self.part_box = QComboBox(self)
        self.part_box.addItem(_("Morning"), "morning")
        self.part_box.addItem(_("Afternoon"), "afternoon")
        self.time_edit = QLineEdit(self)
        self.time_edit.setPlaceholderText("08:30")
        self.edits = {name: QLineEdit(self) for name in FIELDS}
        labels = {"content": _("content"), "leader": _("leads / attends"), "place": _("place"),
                  "preparer": _("prepared by")}
        buttons = []
        # "Add item" alone is the exhibition's (Thêm tài liệu): an item of the week is a line of the schedule.
        for text, slot in ((pgettext("week schedule", "Add item"), self.add_item), (_("Save item"), self.save_item),
                           (_("Remove item"), self.remove_item), (_("Print…"), self.print_week)):
            buttons.append(QPushButton(text, self))
            buttons[-1].clicked.connect(lambda *_, run=slot: run())
        self.add_button, self.save_button, self.remove_button, self.print_button = buttons
        self.save_button.setDefault(True)  # Enter in a field saves what was typed: Add, the first button, wiped it
        # The list holds the typed items only: without a word, a week whose events print seemed to have nothing.
        self.note = QLabel(_("The week's events, the leadership's programme rows and the tasks chosen for the "
                             "schedule are printed from the record; type here only what the record lacks (a "
                             "meeting, a visit)."), self)
        self.note.setObjectName("weekNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(add_rows(QFormLayout(), (form_label(_("week of")), self.week_edit)))
        layout.addWidget(self.table, 1)
        layout.addLayout(add_rows(QFormLayout(), (form_label(_("day")), left_row(self.day_edit, self.part_box)),
                                  (form_label(_("time")), self.time_edit),
                                  *((form_label(labels[name]), self.edits[name]) for name in FIELDS)))
        layout.addLayout(left_row(*buttons))
        layout.addWidget(close_box(self))
        self.reload()

    def monday(self) -> dt.date:
        return week_start(self.week_edit.date().toPython())

    def reload(self, select: int | None = None) -> None:
        self.items = week_schedule.typed_items(self.monday())
        fill_table(self.table, self.items, _cells, lambda item: item.week_item_id == select, select_column=2)
        self._show_item()

    def current_item(self) -> WeekEntry | None:
        return current_record(self.table, self.items)

    def _show_item(self) -> None:
        item = self.current_item() or WeekEntry(self.monday(), "morning", "")
        self.day_edit.setDate(QDate(item.day.year, item.day.month, item.day.day))
        self.part_box.setCurrentIndex(max(0, self.part_box.findData(item.part)))
        self.time_edit.setText(item.time.strftime("%H:%M") if item.time else "")
        for name, edit in self.edits.items():
            edit.setText(getattr(item, name))
        self.remove_button.setEnabled(self.current_item() is not None)

    def add_item(self) -> None:
        self.table.setCurrentCell(-1, -1)
        self._show_item()
        self.edits["content"].setFocus()

    def save_item(self) -> None:
        item = self.current_item() or WeekEntry(self.monday(), "morning", "")
        try:
            text = self.time_edit.text().strip()
            item.time = dt.time.fromisoformat(text) if text else None
        except ValueError:
            ask.warn(self, self.windowTitle(), _("“{value}” is not a time such as 08:30.").format(value=text))
            return
        item.day, item.part = self.day_edit.date().toPython(), self.part_box.currentData()
        if item.time is not None:
            item.part = week_schedule.part_of(item.time)
        for name, edit in self.edits.items():
            setattr(item, name, edit.text())
        saved = ask.unless_refused(self, self.windowTitle(), lambda: week_schedule.save_item(item))
        if saved is None:
            return
        if saved.day != self.monday() and week_start(saved.day) != self.monday():
            self.week_edit.setDate(QDate(saved.day.year, saved.day.month, saved.day.day))
        self.reload(saved.week_item_id)

    def remove_item(self) -> None:
        item = self.current_item()
        if item is not None and item.week_item_id is not None and ask.done_unless_refused(
                self, self.windowTitle(), lambda: week_schedule.remove_item(item.week_item_id)):
            self.reload()

    def print_week(self) -> None:
        """Close, and print the week in the preview (a modal dialog would hold the preview's keyboard)."""
        self.to_print = self.monday()
        self.accept()


def print_week(parent: QWidget, monday: dt.date, show: Show):
    """The week's schedule built off the GUI thread and shown in the preview, with its number, date and signer."""
    return preview_in_background(
        parent, _("Preparing the weekly work schedule…"), lambda: week_document.render(monday, DecreeOptions()),
        week_document.file_name(monday), _("Weekly work schedule"), show)


def _cells(item: WeekEntry) -> tuple[str, str, str, str]:
    """A typed item's row: its day, its time (or the half of the day), what, who leads."""
    when = format_time(item.time) if item.time else ("" if item.part == "morning" else _("Afternoon"))
    return format_weekday_date(item.day), when, item.content, item.leader
