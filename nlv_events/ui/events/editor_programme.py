"""The event form's Programme tab: its rows, each row's people, and the programme kept within the event's dates."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nlv_events.core import when
from nlv_events.i18n import _, ngettext
from nlv_events.i18n.formats import format_day
from nlv_events.ui.events.people_model import PeopleModel
from nlv_events.ui.events.programme_model import ProgrammeModel
from nlv_events.ui.shell.views import pick_rows
from nlv_events.ui.shell.widgets import left_row


class EditorProgramme:
    """Mixed into EventEditor (ui/events/event_editor.py): rows added, moved and removed through its undo stack."""

    def _programme_tab(self) -> QWidget:
        page = QWidget(self)
        self._programme_table(page)
        buttons = self._programme_buttons(page)
        lower = self._row_people(page)  # made before the upper half, as the keyboard's Tab order expects
        upper = QWidget(page)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.programme_view, 1)
        upper_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setSizes([420, 180])
        self._programme_notices(page)
        layout = QVBoxLayout(page)
        layout.addWidget(self.move_programme_bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.programme_warning)
        layout.addWidget(self._error_label("programme"))
        self.programme_model.rows_changed.connect(self._programme_reset)
        self.programme_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_row_people())
        return page

    def _programme_table(self, page: QWidget) -> None:
        self.programme_model = ProgrammeModel(self.undo_stack, self)
        self.programme_view = QTableView(page)
        self.programme_view.setObjectName("programmeView")
        self.programme_view.setModel(self.programme_model)
        pick_rows(self.programme_view, reorder=True)
        header = self.programme_view.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Interactive)
        self.programme_view.setColumnWidth(4, 190)
        self.programme_view.setColumnWidth(5, 230)

    def _programme_buttons(self, page: QWidget) -> QHBoxLayout:
        self.add_row_button = QPushButton(_("Add row"), page)
        self.insert_row_button = QPushButton(_("Insert row"), page)
        self.remove_row_button = QPushButton(_("Remove row"), page)
        self.up_button = QPushButton(_("Move up"), page)
        self.down_button = QPushButton(_("Move down"), page)
        self.shift_box = QCheckBox(_("Changing a row's time moves the rows after it"), page)
        self.shift_box.setChecked(True)
        self.shift_box.toggled.connect(lambda on: setattr(self.programme_model, "shift_following", on))
        self.add_row_button.clicked.connect(self.add_programme_row)
        self.insert_row_button.clicked.connect(self.insert_programme_row)
        self.remove_row_button.clicked.connect(self.remove_programme_row)
        self.up_button.clicked.connect(lambda: self.move_programme_row(-1))
        self.down_button.clicked.connect(lambda: self.move_programme_row(+1))
        buttons = left_row(
            self.add_row_button,
            self.insert_row_button,
            self.remove_row_button,
            self.up_button,
            self.down_button,
        )
        buttons.addWidget(self.shift_box)
        return buttons

    def _row_people(self, page: QWidget) -> QWidget:
        """The people of the programme row selected."""
        self.row_people_model = PeopleModel(self.undo_stack, self)
        self.row_people_model.on_change = self._row_people_changed
        self.row_people_view = self._people_table(self.row_people_model, page)
        add_person = QPushButton(_("Add person to this row"), page)
        remove_person = QPushButton(_("Remove"), page)
        add_person.clicked.connect(lambda: self.row_people_model.add_person("speaker"))
        remove_person.clicked.connect(
            lambda: self.row_people_model.remove_people(self._selected_rows(self.row_people_view))
        )
        person_buttons = left_row(add_person, remove_person)
        lower = QWidget(page)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.row_people_label = QLabel(_("People of the selected row"), lower)
        lower_layout.addWidget(self.row_people_label)
        lower_layout.addWidget(self.row_people_view, 1)
        lower_layout.addLayout(person_buttons)
        return lower

    def _programme_notices(self, page: QWidget) -> None:
        """The offer to move the programme with the event, and the warning about rows out of place."""
        self.move_programme_bar = QWidget(page)
        self.move_programme_bar.setObjectName("moveProgrammeBar")
        self.move_programme_label = QLabel(self.move_programme_bar)
        self.move_programme_label.setWordWrap(True)
        self.move_programme_button = QPushButton(self.move_programme_bar)
        self.move_programme_button.setObjectName("moveProgramme")
        self.move_programme_button.clicked.connect(self.move_programme_with_event)
        bar = QHBoxLayout(self.move_programme_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.move_programme_label, 1)
        bar.addWidget(self.move_programme_button)
        self.move_programme_bar.hide()
        self.programme_warning = QLabel(page)
        self.programme_warning.setObjectName("programmeWarning")
        self.programme_warning.setWordWrap(True)
        self.programme_warning.setStyleSheet("color:#B00020;")
        self.programme_warning.hide()

    def _programme_offset(self) -> int:
        """By how many days to move the programme so that it fits the event's dates again: the days the event moved
        since the form opened, else the gap between the event's start and the first row (0: nothing to offer)."""
        rows = self.programme_model.rows()
        first, last = self._event_days()
        if not rows or not self.programme_model.outside_dates():
            return 0
        moved = (first - self._programme_day).days
        to_first_row = (first - when.day_of(rows[0].start)).days
        for offset in (moved, to_first_row):
            delta = dt.timedelta(days=offset)
            if offset and all(
                first <= when.day_of(moment) + delta <= last
                for row in rows
                for moment in (row.start, row.end)
                if moment is not None
            ):
                return offset
        return 0

    def _check_programme(self) -> None:
        """Flag the rows out of order or outside the event's dates; offer to move the programme with the event."""
        self.programme_model.set_event_days(*self._event_days())
        problems = []
        outside = self.programme_model.outside_dates()
        disorder = self.programme_model.out_of_order()
        if outside:
            problems.append(
                _("Rows {rows} fall outside the event's dates.").format(rows=", ".join(str(r + 1) for r in outside))
            )
        if disorder:
            problems.append(
                _("Rows {rows} start before the row above them.").format(rows=", ".join(str(r + 1) for r in disorder))
            )
        self.programme_warning.setText("⚠ " + " ".join(problems) if problems else "")
        self.programme_warning.setVisible(bool(problems))
        offset = self._programme_offset()
        if offset:
            self.move_programme_label.setText(
                _("The event now starts on {day}; its programme is still on the old dates.").format(
                    day=format_day(self.start_date.date().toPython())
                )
            )
            self.move_programme_button.setText(
                ngettext("Move the programme by {count} day", "Move the programme by {count} days", abs(offset)).format(
                    count=f"{offset:+d}"
                )
            )
        self.move_programme_bar.setVisible(bool(offset))

    def move_programme_with_event(self) -> None:
        """Shift every programme row by as many days as the event moved (one undoable step)."""
        offset = self._programme_offset()
        if offset:
            self.programme_model.shift_days(offset)
            self._check_programme()

    def _current_programme_row(self) -> int | None:
        index = self.programme_view.currentIndex()
        return index.row() if index.isValid() else None

    def add_programme_row(self) -> None:
        count = self.programme_model.rowCount()
        row = self.programme_model.new_row(count - 1 if count else None, self._event_start())
        self.programme_model.insert_row(count, row)
        self._select_programme_row(count)

    def insert_programme_row(self) -> None:
        current = self._current_programme_row()
        position = current if current is not None else 0
        row = self.programme_model.new_row(position - 1 if position else None, self._event_start())
        self.programme_model.insert_row(position, row)
        self._select_programme_row(position)

    def remove_programme_row(self) -> None:
        current = self._current_programme_row()
        if current is not None:
            self.programme_model.remove_rows([current])
            self._select_programme_row(min(current, self.programme_model.rowCount() - 1))

    def move_programme_row(self, step: int) -> None:
        current = self._current_programme_row()
        if current is None:
            return
        target = current + step
        if 0 <= target < self.programme_model.rowCount():
            self.programme_model.move_row(current, target)
            self._select_programme_row(target)

    def _select_programme_row(self, row: int) -> None:
        if 0 <= row < self.programme_model.rowCount():
            self.programme_view.setCurrentIndex(self.programme_model.index(row, 3))
            self.programme_view.selectRow(row)

    def _programme_reset(self) -> None:
        self._show_row_people()
        if hasattr(self, "_programme_day"):
            self._check_programme()

    def _show_row_people(self) -> None:
        row = self._current_programme_row()
        rows = self.programme_model.rows()
        enabled = row is not None and row < len(rows)
        self.row_people_view.setEnabled(enabled)
        self.row_people_model.load(rows[row].people if enabled else [])

    def _row_people_changed(self, people) -> None:
        row = self._current_programme_row()
        if row is not None:
            self.programme_model.set_people(row, people)
            self._select_programme_row(row)
