"""The decree's blocks the person printing may change in the preview: number, date and signer."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from nlv_events.core.settings import current_settings
from nlv_events.i18n import _
from nlv_events.printing.decree import DecreeOptions


class DecreeFields(QWidget):
    """Số, ngày and người ký on one line, with a button that prints the document again with them."""

    applied = Signal(object)  # DecreeOptions

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DecreeFields")
        self.number_edit = QLineEdit(self)
        self.number_edit.setObjectName("number")
        self.number_edit.setPlaceholderText(_("e.g. 125, or “next” for the register's next number"))
        self.date_edit = QDateEdit(QDate.currentDate(), self)
        self.date_edit.setObjectName("date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.signer_edit = QLineEdit(current_settings().get("documents.signer"), self)
        self.signer_edit.setObjectName("signer")
        self.apply_button = QPushButton(_("Print again"), self)
        self.apply_button.clicked.connect(lambda: self.applied.emit(self.options()))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label, widget in ((_("Document number"), self.number_edit), (_("Document date"), self.date_edit),
                              (_("Signer"), self.signer_edit)):  # fmt: skip
            layout.addWidget(QLabel(label, self))
            layout.addWidget(widget, 1)
        layout.addWidget(self.apply_button)

    def options(self) -> DecreeOptions:
        day = self.date_edit.date()
        return DecreeOptions(
            number=self.number_edit.text().strip() or None,
            date=dt.date(day.year(), day.month(), day.day()),
            signer=self.signer_edit.text().strip(),
        )
