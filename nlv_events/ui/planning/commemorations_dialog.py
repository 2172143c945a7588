"""The year's commemorations: dates, ordinals, round years, linked events, and one click to plan an exhibition."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nlv_events.core.errors import UserError
from nlv_events.i18n import _, pgettext
from nlv_events.services.planning import commemorations
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.dialogs import add_rows, close_box, date_field, dress_dialog
from nlv_events.ui.shell.views import pick_rows
from nlv_events.ui.shell.widgets import left_row

KEY_ROLE = Qt.ItemDataRole.UserRole


class CommemorationsDialog(QDialog):
    """`changed(event_id)` is called after an exhibition is planned, so the window can show it."""

    def __init__(
        self,
        year: int,
        parent: QWidget | None = None,
        changed: Callable[[int | None], None] | None = None,
        current_event: Callable[[], int | None] | None = None,
    ) -> None:
        super().__init__(parent)
        dress_dialog(self, "CommemorationsDialog", _("Commemorations of the year"), (980, 620), fit=True)
        self.changed = changed
        self.current_event = current_event
        self.year_box = QSpinBox(self)
        self.year_box.setRange(1901, 2100)
        self.year_box.setValue(year)
        self.round_only = QCheckBox(_("Round years only (multiples of 5 and 10)"), self)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([_("Date"), _("Round"), _("Commemoration"), _("Linked events")])
        pick_rows(self.table, row_numbers=False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.plan_button = QPushButton(_("Create planned exhibition"), self)
        self.link_button = QPushButton(_("Link the event selected in the window"), self)
        self.add_button = QPushButton(_("Add a commemoration…"), self)
        self.remove_button = QPushButton(pgettext("delete", "Remove"), self)
        self.unplanned = QLabel(self)
        self.unplanned.setWordWrap(True)

        top = left_row(QLabel(_("Year:"), self), self.year_box, self.round_only)
        buttons = left_row(self.plan_button, self.link_button, self.add_button, self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.unplanned)
        layout.addWidget(close_box(self))

        self.year_box.valueChanged.connect(self.refresh)
        self.round_only.toggled.connect(self.refresh)
        self.plan_button.clicked.connect(self.plan_selected)
        self.link_button.clicked.connect(self.link_current_event)
        self.add_button.clicked.connect(self.add_commemoration)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()

    def refresh(self) -> None:
        self.items = commemorations.anniversaries(self.year_box.value(), round_only=self.round_only.isChecked())
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            values = [
                item.day.strftime("%d/%m/%Y"),
                "●" if item.round else "",
                item.heading,
                ", ".join(str(event_id) for event_id in item.event_ids),
            ]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(KEY_ROLE, item.commemoration.key)
                if column == 2 and item.commemoration.source:
                    cell.setToolTip(item.commemoration.source)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        waiting = commemorations.round_unplanned(dt.date.today())
        self.unplanned.setText(
            _("Round anniversaries of the next 12 months with nothing planned yet: {count}").format(count=len(waiting))
            + ("\n" + "; ".join(f"{item.day:%d/%m/%Y} {item.heading}" for item in waiting[:6]) if waiting else "")
        )
        self._update_buttons()

    def selected(self) -> commemorations.Anniversary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def select_key(self, key: str) -> None:
        for row, item in enumerate(self.items):
            if item.commemoration.key == key:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        item = self.selected()
        self.plan_button.setEnabled(item is not None)
        self.link_button.setEnabled(item is not None and self.current_event is not None)
        self.remove_button.setEnabled(item is not None and item.commemoration.custom)

    def plan_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        try:
            record = commemorations.plan_exhibition(item.commemoration.key, item.year)
        except UserError as error:
            ask.warn(self, _("Create planned exhibition"), str(error))
            return
        self.refresh()
        self.select_key(item.commemoration.key)
        if self.changed is not None:
            self.changed(record.id)

    def link_current_event(self) -> None:
        """Mark the event selected in the window as held for the selected commemoration."""
        item = self.selected()
        event_id = self.current_event() if self.current_event else None
        if item is None:
            return
        if event_id is None:
            ask.inform(self, _("Commemorations of the year"), _("Select an event in the window's list first."))
            return
        commemorations.link(event_id, item.commemoration.key)
        self.refresh()
        self.select_key(item.commemoration.key)
        if self.changed is not None:
            self.changed(event_id)

    def add_commemoration(self) -> None:
        form = CommemorationForm(self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            added = commemorations.add_custom(**form.values())
        except UserError as error:
            ask.warn(self, _("Add a commemoration"), str(error))
            return
        self.refresh()
        self.select_key(added.key)

    def remove_selected(self) -> None:
        item = self.selected()
        if item is None or not item.commemoration.custom:
            return
        question = pgettext("delete", "Remove “{name}”? The events linked to it are kept.")
        if ask.confirm(self, pgettext("delete", "Remove"), question.format(name=item.commemoration.name)):
            commemorations.remove_custom(item.commemoration.key)
            self.refresh()


class CommemorationForm(QDialog):
    """A commemoration of the office's own: name, the day kept, solar or lunar, founding date, how it is counted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CommemorationForm")
        self.setWindowTitle(_("Add a commemoration"))
        self.name = QLineEdit(self)
        self.lunar = QCheckBox(_("Kept on a lunar date"), self)
        self.lunar.setToolTip(
            _(
                "Any lunar month, through the Vietnamese calendar (UTC+7). A day of a leap month is kept in the "
                "regular month, and the 30th on the 29th in a year whose month has 29 days."
            )
        )
        self.day = QSpinBox(self)
        self.day.setRange(1, 31)
        self.month = QSpinBox(self)
        self.month.setRange(1, 12)
        self.founded = date_field(self)
        self.style_box = QComboBox(self)
        for code, label in (
            ("anniversary", _("Anniversary (Kỷ niệm N năm …)")),
            ("edition", _("Edition (… lần thứ N)")),
            ("festival", _("Festival (no number)")),
        ):
            self.style_box.addItem(label, code)
        self.source = QLineEdit(self)
        form = add_rows(
            QFormLayout(self),
            (_("Official name:"), self.name),
            (_("Day:"), self.day),
            (_("Month:"), self.month),
            ("", self.lunar),
            (_("Founded on:"), self.founded),
            (_("Counted as:"), self.style_box),
            (_("Source:"), self.source),
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        founded = self.founded.date()
        festival = self.style_box.currentData() == "festival"  # no ordinal, so no founding date to count from
        return dict(
            name=self.name.text(),
            month=self.month.value(),
            day=self.day.value(),
            calendar="lunar" if self.lunar.isChecked() else "solar",
            founded=None if festival else dt.date(founded.year(), founded.month(), founded.day()),
            style=self.style_box.currentData(),
            source=self.source.text() or None,
        )
