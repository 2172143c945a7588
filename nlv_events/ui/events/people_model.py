"""The people of an event or of a programme row, editable in a table, every change undoable."""

from __future__ import annotations

import copy
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QStyledItemDelegate, QWidget

from nlv_events.core import vocab
from nlv_events.core.records import PersonEntry
from nlv_events.i18n import N_, _
from nlv_events.services.events import names
from nlv_events.ui.events.undo_commands import Snapshot
from nlv_events.ui.shell.table_models import ColumnsTableModel, Index

# (the person's field, the column's title)
COLUMNS = (("honorific", N_("Form of address")), ("name", N_("Full name")), ("position", N_("Position")),
           ("organisation", N_("Organisation")), ("role", N_("Role")))  # fmt: skip


class PeopleModel(ColumnsTableModel):
    """`changed(people)` is told of every change, so the owner (event or programme row) can keep them."""

    COLUMNS = COLUMNS

    def __init__(self, undo_stack: QUndoStack, parent=None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self._people: list[PersonEntry] = []
        self.on_change: Callable[[list[PersonEntry]], None] | None = None

    def people(self) -> list[PersonEntry]:
        return copy.deepcopy(self._people)

    def load(self, people: list[PersonEntry]) -> None:
        if people and len(people) == len(self._people):
            # An edited cell: the rows stay, so the open cell editor (committing this very change) stays valid.
            self._people = copy.deepcopy(people)
            self.dataChanged.emit(self.index(0, 0), self.index(len(people) - 1, len(COLUMNS) - 1))
            return
        self.beginResetModel()
        self._people = copy.deepcopy(people)
        self.endResetModel()

    def apply(self, people: list[PersonEntry], text: str) -> None:
        if self.on_change is not None:
            # The owner keeps the people (a programme row does, in its own undoable step).
            self.on_change(copy.deepcopy(people))
            self.load(people)
            return
        self.undo_stack.push(Snapshot(self.load, self._people, people, text))

    def add_person(self, role: str = "participant") -> None:
        self.apply([*self.people(), PersonEntry(name=_("New person"), role=role)], _("add a person"))

    def remove_people(self, positions: list[int]) -> None:
        self.apply([p for i, p in enumerate(self.people()) if i not in set(positions)], _("remove people"))

    def row_total(self) -> int:
        return len(self._people)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._people) or index.column() >= len(COLUMNS):
            return None
        person = self._people[index.row()]
        column = COLUMNS[index.column()][0]
        value = getattr(person, column) or ""
        if role == Qt.ItemDataRole.DisplayRole:
            return vocab.label("person_role", value) if column == "role" else value
        if role == Qt.ItemDataRole.EditRole:
            return value
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.row() >= len(self._people):
            return False
        people = self.people()
        column = COLUMNS[index.column()][0]
        text = str(value).strip()
        if column == "name" and not text:
            return False
        person = people[index.row()]
        setattr(person, column, text or (None if column != "role" else "participant"))
        if column == "name":
            # A name chosen from the list is that person (two people may share a name); a typed one is the one person
            # of that name, or a new one.
            person.name, person.person_ref = names.chosen_person(text)
            # Choosing someone already in the store brings their position and organisation along.
            known = names.known_person(person.name, person.person_ref)
            if known is not None:
                person.honorific = person.honorific or known.honorific
                person.position = person.position or known.position
                person.organisation = person.organisation or known.organisation
        self.apply(people, _("edit a person"))
        return True


class NameDelegate(QStyledItemDelegate):
    """Completes names from the people already in the store, people who share a name told apart; a new name creates
    a new person."""

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        completer = QCompleter(sorted(names.person_choices()), editor)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        editor.setCompleter(completer)
        return editor


class RoleDelegate(QStyledItemDelegate):
    """Chooses a role from the list, or takes one typed in (kept and printed as typed)."""

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        editor = QComboBox(parent)
        editor.setEditable(True)
        editor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for code in vocab.PERSON_ROLES:
            editor.addItem(vocab.label("person_role", code), code)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        role = index.data(Qt.ItemDataRole.EditRole)
        found = editor.findData(role)
        if found >= 0:
            editor.setCurrentIndex(found)
        else:
            editor.setEditText(role or "")

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        typed = editor.currentText().strip()
        found = editor.findText(typed, Qt.MatchFlag.MatchFixedString)
        role = editor.itemData(found) if found >= 0 else typed
        if role:
            model.setData(index, role, Qt.ItemDataRole.EditRole)
