"""Edit → Staff: the office's people who own tasks (name, position, unit, role, login)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nlv_events.i18n import _
from nlv_events.services.tasks import staff
from nlv_events.services.tasks.staff import StaffRecord
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.dialogs import add_rows, close_box, dress_dialog, form_label
from nlv_events.ui.shell.record_tables import current_record, fill_table
from nlv_events.ui.shell.widgets import left_row
from nlv_events.ui.tasks.picker_table import picker_table

FIELDS = ("name", "position", "unit", "role", "login")


class StaffDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        dress_dialog(self, "StaffDialog", _("Staff"), (760, 520), fit=True)
        self.members: list[StaffRecord] = []
        self.table = picker_table(self, "staffTable", [_("Name"), _("Position"), _("Unit"), _("Role")], 0,
                                  lambda: self._show_member())
        self.edits = {name: QLineEdit(self) for name in FIELDS}
        for name, edit in self.edits.items():
            edit.setObjectName(f"staff_{name}")
        labels = {"name": _("name"), "position": _("position"), "unit": _("unit"), "role": _("role"),
                  "login": _("login")}
        self.edits["role"].setPlaceholderText(_("as the templates name it: thiết kế, lễ tân…"))
        self.add_button = QPushButton(_("Add member"), self)
        self.add_button.setObjectName("addMember")
        self.add_button.clicked.connect(self.add_member)
        self.save_button = QPushButton(_("Save member"), self)
        self.save_button.setObjectName("saveMember")
        self.save_button.clicked.connect(self.save_member)
        self.save_button.setDefault(True)  # Enter in a field saves what was typed: Add, the first button, wiped it
        self.remove_button = QPushButton(_("Remove member"), self)
        self.remove_button.clicked.connect(self.remove_member)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(add_rows(QFormLayout(), *((form_label(labels[name]), self.edits[name]) for name in FIELDS)))
        layout.addLayout(left_row(self.add_button, self.save_button, self.remove_button))
        layout.addWidget(close_box(self))
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self.members = staff.members()
        fill_table(self.table, self.members, lambda member: [getattr(member, name) for name in FIELDS[:4]],
                   lambda member: member.id == select)  # fmt: skip
        self._show_member()

    def current_member(self) -> StaffRecord | None:
        return current_record(self.table, self.members)

    def _show_member(self) -> None:
        member = self.current_member()
        for name, edit in self.edits.items():
            edit.setText(getattr(member, name) if member else "")
        self.remove_button.setEnabled(member is not None)

    def add_member(self) -> None:
        self.table.clearSelection()
        self.table.setCurrentCell(-1, -1)
        for edit in self.edits.values():
            edit.clear()
        self.edits["name"].setFocus()

    def save_member(self) -> None:
        member = self.current_member() or StaffRecord("")
        for name, edit in self.edits.items():
            setattr(member, name, edit.text())
        saved = ask.unless_refused(self, self.windowTitle(), lambda: staff.save(member))
        if saved is not None:
            self.reload(saved.id)

    def remove_member(self) -> None:
        member = self.current_member()
        if member is not None and member.id is not None and ask.confirm(
                self, _("Remove member"),
                _("Take “{name}” off the staff list? Their tasks stay, without an owner.").format(name=member.name)):
            if ask.done_unless_refused(self, self.windowTitle(), lambda: staff.remove(member.id)):
                self.reload()
