"""The event form's People tab: who takes part, with their roles."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from nlv_events.i18n import _
from nlv_events.ui.events.people_model import NameDelegate, PeopleModel, RoleDelegate
from nlv_events.ui.shell.views import MANY, pick_rows
from nlv_events.ui.shell.widgets import left_row


class EditorPeople:
    """Mixed into EventEditor (ui/events/event_editor.py); the programme's rows use the same people table."""

    def _people_tab(self) -> QWidget:
        page = QWidget(self)
        self.people_hint = QLabel(page)
        self.people_hint.setWordWrap(True)
        self.people_model = PeopleModel(self.undo_stack, self)
        self.people_view = self._people_table(self.people_model, page)
        add = self.add_person_button = QPushButton(_("Add person"), page)
        remove = QPushButton(_("Remove"), page)
        add.clicked.connect(lambda: self.people_model.add_person(self._default_role()))
        remove.clicked.connect(lambda: self.people_model.remove_people(self._selected_rows(self.people_view)))
        buttons = left_row(add, remove)
        layout = QVBoxLayout(page)
        layout.addWidget(self.people_hint)
        layout.addWidget(self.people_view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self._error_label("people"))
        return page

    @staticmethod
    def _people_table(model: PeopleModel, parent: QWidget) -> QTableView:
        view = QTableView(parent)
        view.setModel(model)
        view.setItemDelegateForColumn(1, NameDelegate(view))
        view.setItemDelegateForColumn(4, RoleDelegate(view))
        pick_rows(view, MANY, row_numbers=False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return view

    def _default_role(self) -> str:
        return {"exhibition": "curator", "talk": "speaker", "training": "speaker"}.get(
            self.kind_box.currentData(), "participant"
        )

    @staticmethod
    def _selected_rows(view: QTableView) -> list[int]:
        return sorted({index.row() for index in view.selectionModel().selectedRows()}) or (
            [view.currentIndex().row()] if view.currentIndex().isValid() else []
        )
