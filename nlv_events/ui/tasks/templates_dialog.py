"""Edit → Task templates: each kind's steps (title, days before or after the event's start or end, the owner's
role), saved with the template's version: a colleague's save in between is told, not overwritten."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nlv_events.core import vocab
from nlv_events.core.errors import UserError
from nlv_events.i18n import _
from nlv_events.services.tasks import templates
from nlv_events.services.tasks.templates import StepRecord, TemplateRecord
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.dialogs import add_rows, close_box, dress_dialog, form_label
from nlv_events.ui.shell.record_tables import current_record
from nlv_events.ui.shell.widgets import left_row, push_button
from nlv_events.ui.tasks.picker_table import picker_table


class TemplatesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        dress_dialog(self, "TaskTemplates", _("Task templates"), (820, 560), fit=True)
        self.template: TemplateRecord | None = None
        self.kind_box = QComboBox(self)
        self.kind_box.setObjectName("templateKind")
        for kind in vocab.KINDS:
            self.kind_box.addItem(vocab.label("kind", kind), kind)
        self.table = picker_table(self, "templateSteps", [_("When"), _("Step"), _("Owner's role")], 1,
                                  lambda: self._show_step())
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("stepTitle")
        self.offset_box = QSpinBox(self)
        self.offset_box.setObjectName("stepOffset")
        self.offset_box.setRange(-templates.MOST_OFFSET_DAYS, templates.MOST_OFFSET_DAYS)
        self.anchor_box = QComboBox(self)
        self.anchor_box.addItem(_("days from the start"), "start")
        self.anchor_box.addItem(_("days from the end"), "end")
        self.role_edit = QLineEdit(self)
        self.role_edit.setObjectName("stepRole")
        for signal in (self.title_edit.textEdited, self.offset_box.valueChanged, self.anchor_box.currentIndexChanged,
                       self.role_edit.textEdited):
            signal.connect(lambda *_: self._step_edited())
        self.add_button = push_button(self, _("Add step"), self.add_step, "addStep")
        self.remove_button = push_button(self, _("Remove step"), self.remove_step)
        self.save_button = push_button(self, _("Save template"), self.save, "saveTemplate")
        self.save_button.setDefault(True)  # Enter in a field saves what was typed: Add, the first button, wiped it
        layout = QVBoxLayout(self)
        layout.addLayout(add_rows(QFormLayout(), (form_label(_("kind")), self.kind_box)))
        layout.addWidget(self.table, 1)
        offset = left_row(self.offset_box, self.anchor_box)
        layout.addLayout(add_rows(QFormLayout(), (form_label(_("step")), self.title_edit),
                                  (form_label(_("when")), offset), (form_label(_("owner's role")), self.role_edit)))
        layout.addLayout(left_row(self.add_button, self.remove_button, self.save_button))
        layout.addWidget(close_box(self))
        self.kind_box.currentIndexChanged.connect(lambda *_: self.load())
        self.load()

    def load(self) -> None:
        self.template = templates.for_kind(self.kind_box.currentData())
        self._fill(0)

    def _fill(self, current: int) -> None:
        assert self.template is not None
        self.table.setRowCount(len(self.template.steps))
        for row, step in enumerate(self.template.steps):
            self._fill_row(row, step)
        if self.template.steps:
            self.table.setCurrentCell(min(current, len(self.template.steps) - 1), 1)
        self._show_step()

    def _fill_row(self, row: int, step: StepRecord) -> None:
        for column, text in enumerate((step.label(), step.title, step.owner_role)):
            self.table.setItem(row, column, QTableWidgetItem(text))

    def current_step(self) -> StepRecord | None:
        return current_record(self.table, self.template.steps if self.template else [])

    def _show_step(self) -> None:
        step = self.current_step()
        for widget in (self.title_edit, self.offset_box, self.anchor_box, self.role_edit, self.remove_button):
            widget.setEnabled(step is not None)
            widget.blockSignals(True)
        step = step or StepRecord("")
        self.title_edit.setText(step.title)
        self.offset_box.setValue(step.offset_days)
        self.anchor_box.setCurrentIndex(max(0, self.anchor_box.findData(step.anchor)))
        self.role_edit.setText(step.owner_role)
        for widget in (self.title_edit, self.offset_box, self.anchor_box, self.role_edit):
            widget.blockSignals(False)

    def _step_edited(self) -> None:
        step = self.current_step()
        if step is None:
            return
        step.title, step.offset_days = self.title_edit.text(), self.offset_box.value()
        step.anchor, step.owner_role = self.anchor_box.currentData(), self.role_edit.text()
        self._fill_row(self.table.currentRow(), step)

    def add_step(self) -> None:
        assert self.template is not None
        self.template.steps.append(StepRecord(_("New step")))
        self._fill(len(self.template.steps) - 1)
        self.title_edit.selectAll()
        self.title_edit.setFocus()

    def remove_step(self) -> None:
        row = self.table.currentRow()
        if self.template is not None and 0 <= row < len(self.template.steps):
            del self.template.steps[row]
            self._fill(row)

    def save(self) -> bool:
        assert self.template is not None
        try:
            self.template = templates.save(self.template)
        except UserError as error:
            ask.warn(self, self.windowTitle(), str(error))
            return False
        self._fill(self.table.currentRow())
        return True
