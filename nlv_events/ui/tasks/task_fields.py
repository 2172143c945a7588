"""The fields of one task (title, owner, due date, state, note, on the week's schedule), shared by the editor's
Tasks tab and the board."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QFormLayout, QLineEdit, QWidget

from nlv_events.i18n import _
from nlv_events.services.tasks import staff, task_list
from nlv_events.services.tasks.task_list import TaskRecord
from nlv_events.ui.shell.dialogs import add_rows, date_field, form_label


def owner_box(parent: QWidget, everyone: str) -> QComboBox:
    """The staff to choose from, `everyone` (no owner, or no filter) first; each item's data is the member's id."""
    box = QComboBox(parent)
    box.addItem(everyone, None)
    for member in staff.members():
        box.addItem(member.name, member.id)
    return box


def state_box(parent: QWidget) -> QComboBox:
    box = QComboBox(parent)
    for state in task_list.STATE_LABELS:
        box.addItem(task_list.state_label(state), state)
    return box


class TaskFields(QWidget):
    """A form for one task: `show_task` fills it, `edited(record)` writes what it holds into a task record."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("taskTitle")
        self.owner_box = owner_box(self, "—")
        self.owner_box.setObjectName("taskOwner")
        self.due_edit: QDateEdit = date_field(self)
        self.due_edit.setObjectName("taskDue")
        self.state_box = state_box(self)
        self.state_box.setObjectName("taskState")
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("taskNote")
        self.schedule_box = QCheckBox(_("On the week's work schedule"), self)
        self.schedule_box.setObjectName("taskOnSchedule")
        add_rows(QFormLayout(self), (form_label(_("task")), self.title_edit), (form_label(_("owner")), self.owner_box),
                 (form_label(_("due date")), self.due_edit), (form_label(_("state")), self.state_box),
                 (form_label(_("note")), self.note_edit), ("", self.schedule_box))

    def show_task(self, record: TaskRecord | None) -> None:
        self.setEnabled(record is not None)
        record = record or TaskRecord("", 0)
        self.title_edit.setText(record.title)
        self.owner_box.setCurrentIndex(max(0, self.owner_box.findData(record.owner_id)))
        day = record.due or dt.date.today()
        self.due_edit.setDate(QDate(day.year, day.month, day.day))
        self.state_box.setCurrentIndex(max(0, self.state_box.findData(record.state)))
        self.note_edit.setText(record.note)
        self.schedule_box.setChecked(record.on_schedule)

    def edited(self, record: TaskRecord) -> TaskRecord:
        record.title = self.title_edit.text()
        record.owner_id = self.owner_box.currentData()
        record.due = self.due_edit.date().toPython()
        if record.state != self.state_box.currentData():
            record.done_on = None  # a task marked done now is done today
        record.state = self.state_box.currentData()
        record.note = self.note_edit.text()
        record.on_schedule = self.schedule_box.isChecked()
        return record
