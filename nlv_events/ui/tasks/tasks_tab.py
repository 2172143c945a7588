"""The event editor's Tasks tab: the event's tasks with their owner, due date and state, made from the kind's
template on demand ("Create from template"); every change is saved at once, as on the Photos tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nlv_events.core.errors import UserError
from nlv_events.core.records import EventRecord
from nlv_events.i18n import N_, _
from nlv_events.i18n.formats import format_day
from nlv_events.services.tasks import event_tasks, task_list
from nlv_events.services.tasks.task_list import TaskRecord
from nlv_events.ui.events import editor_tabs
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.widgets import left_row, push_button, saved_at_once_note
from nlv_events.ui.tasks.picker_table import picker_table
from nlv_events.ui.tasks.task_fields import TaskFields

TASK_ID = Qt.ItemDataRole.UserRole


class TasksTab(QWidget):
    """Works on the stored event directly; a new event gets its template's tasks when it is first saved."""

    def __init__(self, editor: QWidget) -> None:
        super().__init__(editor)
        self.setObjectName("TasksTab")
        self.event_id: int | None = getattr(editor, "_record_id", None)
        self._tasks: dict[int, TaskRecord] = {}
        layout = QVBoxLayout(self)
        if self.event_id is None:
            layout.addWidget(QLabel(_("The event's tasks are made from its kind's template when it is saved."), self))
            layout.addStretch(1)
            return
        self.table = picker_table(self, "tasksTable", [_("Due"), _("Task"), _("Owner"), _("State")], 1,
                                  lambda: self._show_current())
        self.fields = TaskFields(self)
        self.template_button = push_button(self, _("Create from template"), self.create_from_template,
                                           "tasksFromTemplate")  # fmt: skip
        self.add_button = push_button(self, _("Add task"), self.add_task)
        self.save_button = push_button(self, _("Save task"), self.save_current, "saveTask")
        # Enter in the form's text saves the task first: it goes on to the editor's Save, which closes the editor
        # and took the task's typed title with it
        for edit in (self.fields.title_edit, self.fields.note_edit):
            edit.returnPressed.connect(self.save_current)
        self.remove_button = push_button(self, _("Remove task"), self.remove_current)
        layout.addLayout(left_row(self.template_button, self.add_button, self.remove_button))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.fields)
        layout.addLayout(left_row(self.save_button))
        layout.addWidget(saved_at_once_note(self))
        self.reload()

    def load(self, record: EventRecord) -> None:
        """The tasks are the stored event's, not the form's."""

    def store(self, record: EventRecord) -> None:
        """Saved at once: nothing goes through the editor's Save."""

    def reload(self, select: int | None = None) -> None:
        rows = task_list.tasks(event_id=self.event_id)
        self._tasks = {row.id: row for row in rows if row.id is not None}
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            cells = [format_day(row.due) if row.due else "", row.title, row.owner, task_list.state_label(row.state)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(TASK_ID, row.id)
                self.table.setItem(index, column, item)
            if row.id == select:
                self.table.setCurrentCell(index, 1)
        if select is None and rows:
            self.table.setCurrentCell(0, 1)
        self._show_current()

    def current_task(self) -> TaskRecord | None:
        item = self.table.item(self.table.currentRow(), 0)
        return self._tasks.get(item.data(TASK_ID)) if item is not None else None

    def _show_current(self) -> None:
        current = self.current_task()
        self.fields.show_task(current)
        self.save_button.setEnabled(current is not None)
        self.remove_button.setEnabled(current is not None)

    def create_from_template(self) -> None:
        assert self.event_id is not None
        try:
            count = event_tasks.add_from_template(self.event_id)
        except UserError as error:
            ask.warn(self, _("Tasks"), str(error))
            return
        self.reload()
        if count == 0:
            ask.inform(self, _("Tasks"), _("The event already has every task of its kind's template."))

    def add_task(self) -> None:
        assert self.event_id is not None
        self._save(TaskRecord(_("New task"), self.event_id))

    def save_current(self) -> None:
        current = self.current_task()
        if current is not None:
            self._save(self.fields.edited(current))

    def _save(self, record: TaskRecord) -> None:
        try:
            saved = task_list.save(record)
        except UserError as error:
            ask.warn(self, _("Tasks"), str(error))
            self.reload(record.id)
            return
        self.reload(saved.id)

    def remove_current(self) -> None:
        current = self.current_task()
        if current is None or current.id is None:
            return
        if ask.confirm(self, _("Remove task"), _("Remove the task “{title}”?").format(title=current.title)) and (
                ask.done_unless_refused(self, _("Tasks"), lambda: task_list.delete(current.id))):
            self.reload()


editor_tabs.register_tab("tasks", N_("Tasks"), TasksTab)
