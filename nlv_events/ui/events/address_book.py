"""The address book: every person, how they were last addressed, their contacts (editable) and appearances."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nlv_events.core.errors import ConflictError
from nlv_events.i18n import _
from nlv_events.i18n.formats import format_day
from nlv_events.services.guests import address_book, guest_replies
from nlv_events.services.team import permissions
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.views import pick_rows

EMAIL_COLUMN, PHONE_COLUMN = 5, 6


class AddressBookDialog(QDialog):
    """Contacts are shown here for the office to use, and never leave this window unless exported on request."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Address book"))
        self.resize(1000, 600)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Search names (accents optional)…"))
        self.table = QTableWidget(self)
        self.table.setColumnCount(7)
        self.table.setHorizontalHeaderLabels([_("Name"), _("Form of address"), _("Position"), _("Organisation"),
                                              _("Invitations"), _("E-mail"), _("Phone")])
        pick_rows(self.table, row_numbers=False)
        self.appearances = QListWidget(self)
        buttons = QDialogButtonBox(self)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 3)
        layout.addWidget(QLabel(_("Invited to:"), self))
        layout.addWidget(self.appearances, 1)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self.reload)
        self.table.itemChanged.connect(self._contact_changed)
        self.table.currentCellChanged.connect(lambda row, *_rest: self._show_appearances(row))
        self.cards: list[address_book.AddressCard] = []
        self.reload()

    def reload(self) -> None:
        # Contacts are for editors and admins: a viewer's table has no e-mail or phone (issue #30).
        contacts, why = permissions.may("contacts")
        self.cards = address_book.address_book(self.search.text(), contacts=contacts)
        for column in (EMAIL_COLUMN, PHONE_COLUMN):
            self.table.setColumnHidden(column, not contacts)
        self.table.setToolTip(why)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.cards))
        for row, card in enumerate(self.cards):
            values = [card.name, card.honorific, card.position, card.organisation, str(card.appearances), card.email,
                      card.phone]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value or "")
                if column not in (EMAIL_COLUMN, PHONE_COLUMN):
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        self._show_appearances(self.table.currentRow())

    def _contact_changed(self, item: QTableWidgetItem) -> None:
        if item.column() not in (EMAIL_COLUMN, PHONE_COLUMN):
            return
        card = self.cards[item.row()]
        email = self.table.item(item.row(), EMAIL_COLUMN).text()
        phone = self.table.item(item.row(), PHONE_COLUMN).text()
        try:
            card.version = address_book.set_contacts(card.id, email, phone, card.version)
        except ConflictError as error:
            ask.warn(self, _("Address book"), str(error))
            QTimer.singleShot(0, self.reload)  # their contacts, not ours (not while the cell is being edited)
            return
        card.email, card.phone = email or None, phone or None

    def _show_appearances(self, row: int) -> None:
        self.appearances.clear()
        if not 0 <= row < len(self.cards):
            return
        for appearance in address_book.appearances(self.cards[row].id):
            self.appearances.addItem(
                f"{format_day(appearance.start)}  {appearance.title} — {appearance.addressee} "
                f"({guest_replies.state_label(appearance.state)})"
            )
