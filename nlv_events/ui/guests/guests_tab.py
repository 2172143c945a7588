"""The editor's Guests tab: add from the address book, change the state of many at once, filter, counts."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nlv_events.core.errors import UserError
from nlv_events.i18n import _
from nlv_events.services.events import names as known_names
from nlv_events.services.guests import guest_list as guests
from nlv_events.services.guests import guest_numbers, guest_replies
from nlv_events.services.guests.guest_list import GuestEntry
from nlv_events.ui.guests import invitation_sending
from nlv_events.ui.guests.guest_table_model import GuestTableModel
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.views import MANY, pick_rows
from nlv_events.ui.shell.widgets import EntryLine, saved_at_once_note


class GuestsTab(QWidget):
    """Works on the stored guest list of event `event_id` directly: each change is saved at once."""

    def __init__(self, event_id: int | None, parent: QWidget | None = None, programme=None) -> None:
        """`programme`: the editor's (programme model, programme view), to fill a row's people from the guests."""
        super().__init__(parent)
        self.programme = programme
        self.setObjectName("GuestsTab")
        self.event_id = event_id
        layout = QVBoxLayout(self)
        if event_id is None:
            layout.addWidget(QLabel(_("Save the event first; then its guests can be added here."), self))
            layout.addStretch(1)
            return

        add_row = self._build_add_row()
        tools = self._build_tools()
        self._build_table()
        layout.addWidget(saved_at_once_note(self))
        layout.addLayout(add_row)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.counts_label)
        self._connect()
        self._fill_groups()
        self._names_filled = False  # the name box's completion is made when the tab is first shown (showEvent)
        self.reload()

    def _build_add_row(self) -> QHBoxLayout:
        self.name_box = EntryLine(self)  # Enter adds the guest; it must not reach the editor's Save
        self.name_box.setObjectName("guestName")
        self.name_box.setPlaceholderText(_("Name of the guest (the address book completes it)…"))
        self.group_box = QComboBox(self)
        self.add_button = QPushButton(_("Add guest"), self)
        self.import_button = QPushButton(_("Import…"), self)
        self.groups_button = QPushButton(_("Groups…"), self)
        self.book_button = QPushButton(_("Address book…"), self)
        self.mail_button = QPushButton(_("Send by e-mail…"), self)
        self.mail_button.setToolTip(_("E-mail each invited guest who has an address their letter and the calendar"))
        self.mail_task = None  # the sending under way (ui/guests/invitation_sending.py)
        add_row = QHBoxLayout()
        add_row.addWidget(self.name_box, 3)
        add_row.addWidget(self.group_box, 1)
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.import_button)
        add_row.addWidget(self.groups_button)
        add_row.addWidget(self.book_button)
        add_row.addWidget(self.mail_button)
        return add_row

    def _build_tools(self) -> QHBoxLayout:
        """Which guests are shown, and what to do with the selected ones."""
        self.filter_box = QComboBox(self)
        self.filter_box.addItem(_("All states"), None)
        for code in guest_replies.STATES:
            self.filter_box.addItem(guest_replies.state_label(code), code)
        self.state_box = QComboBox(self)
        for code in guest_replies.STATES:
            self.state_box.addItem(guest_replies.state_label(code), code)
        self.channel_box = QComboBox(self)
        for code in guest_replies.CHANNELS:
            self.channel_box.addItem(guest_replies.channel_label(code), code)
        self.apply_button = QPushButton(_("Set for the selected guests"), self)
        self.remove_button = QPushButton(_("Remove"), self)
        self.sort_button = QPushButton(_("Order by group"), self)
        self.programme_button = QPushButton(_("Guests coming → programme row"), self)
        self.programme_button.setToolTip(
            _("Add the guests who are coming to the people of the programme row selected in the Programme tab")
        )
        self.programme_button.setVisible(self.programme is not None)
        tools = QHBoxLayout()
        tools.addWidget(QLabel(_("Show:"), self))
        tools.addWidget(self.filter_box)
        tools.addSpacing(12)
        tools.addWidget(QLabel(_("State:"), self))
        tools.addWidget(self.state_box)
        tools.addWidget(self.channel_box)
        tools.addWidget(self.apply_button)
        tools.addStretch(1)
        tools.addWidget(self.programme_button)
        tools.addWidget(self.sort_button)
        tools.addWidget(self.remove_button)
        return tools

    def _build_table(self) -> None:
        self.model = GuestTableModel(self._error, self)
        self.model.conflicted.connect(self.reload, Qt.ConnectionType.QueuedConnection)
        self._list_version: int | None = None
        self.model.moved = self._moved
        self.view = QTableView(self)
        self.view.setObjectName("guestTable")
        self.view.setModel(self.model)
        pick_rows(self.view, MANY, reorder=True, row_numbers=False)
        self.view.setDragDropOverwriteMode(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("guestCounts")

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.add_from_box)
        self.name_box.entered.connect(self.add_from_box)
        self.apply_button.clicked.connect(lambda: self.set_state_of_selected(self.state_box.currentData()))
        self.remove_button.clicked.connect(self.remove_selected)
        # Not connect(self.import_file): clicked passes its `checked` flag, which would fill `path` (with False).
        self.import_button.clicked.connect(lambda: self.import_file())
        self.groups_button.clicked.connect(self.edit_groups)
        self.book_button.clicked.connect(self.show_address_book)
        self.mail_button.clicked.connect(lambda: invitation_sending.send_by_email(self))
        self.programme_button.clicked.connect(self.fill_programme_row)
        self.sort_button.clicked.connect(self.sort_by_group)
        self.filter_box.currentIndexChanged.connect(self.reload)
        self.state_box.currentIndexChanged.connect(
            lambda: self.channel_box.setVisible(self.state_box.currentData() == "invited")
        )
        self.channel_box.setVisible(False)

    # --- filling ---------------------------------------------------------------------------------------------

    def _fill_groups(self) -> None:
        self.group_box.clear()
        self.group_box.addItem(_("(from the address book)"), None)
        for name in known_names.guest_group_names():
            self.group_box.addItem(name, name)

    def showEvent(self, event: QShowEvent) -> None:
        # The address book's names are read when the guests are first looked at, not when the editor opens on its
        # General tab: a third of opening a conference's editor (issue #35).
        if not self._names_filled:
            self._fill_completer()
        super().showEvent(event)

    def _fill_completer(self) -> None:
        self._names_filled = True
        # Names only: building every address card (each person's latest appearance among all guests of all
        # years) took a third of the editor's opening at 2 000 people.
        completer = QCompleter(sorted(known_names.person_choices()), self)  # namesakes told apart
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name_box.setCompleter(completer)

    def reload(self) -> None:
        state = self.filter_box.currentData()
        self._list_version = guest_numbers.list_version(self.event_id)  # before the rows: a move made on them checks it
        self.model.set_rows(guests.guest_list(self.event_id, [state] if state else None))
        self.view.resizeColumnsToContents()
        counts = guests.counts(self.event_id)
        self.counts_label.setText(
            _("{total} guests: {invited} invited, {accepted} accepted, {declined} declined, {deputy} sending a "
              "deputy, {attended} attended.").format(
                total=counts.total, invited=counts.invited, accepted=counts.by_state["accepted"],
                declined=counts.by_state["declined"], deputy=counts.by_state["deputy"],
                attended=counts.by_state["attended"])
        )

    # --- actions ---------------------------------------------------------------------------------------------

    def _error(self, message: str) -> None:
        ask.warn(self, _("Guests"), message)

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [self.model.rows[row].id for row in rows]  # type: ignore[misc]

    def add_guest(self, name: str, group: str | None = None) -> bool:
        name, ref = known_names.chosen_person(name)  # one of two namesakes, as chosen from the list
        try:
            guests.add_guest(self.event_id, GuestEntry(name=name, group=group), person_ref=ref)
        except UserError as error:
            self._error(str(error))
            return False
        self.reload()
        self._fill_completer()
        return True

    def add_from_box(self) -> None:
        name = self.name_box.text().strip()
        if name and self.add_guest(name, self.group_box.currentData()):
            self.name_box.clear()

    def set_state_of_selected(self, state: str) -> None:
        ids = self.selected_ids()
        if not ids:
            self._error(_("Select the guests in the list first (Ctrl or Shift for several)."))
            return
        deputy: dict[str, str] = {}
        if state == "deputy":
            from nlv_events.ui.guests.dialogs import DeputyDialog

            dialog = DeputyDialog(self)
            if dialog.exec() != DeputyDialog.DialogCode.Accepted:
                return
            deputy = dialog.values()
        try:
            versions = {entry.id: entry.version for entry in self.model.rows if entry.id in ids}
            guest_replies.set_state(ids, state, channel=self.channel_box.currentData() if state == "invited" else None,
                             versions=versions, **deputy)
        except UserError as error:
            self._error(str(error))
        self.reload()
        self._select_ids(ids)  # the next step of the reply is for the same guests

    def _select_ids(self, ids: list[int]) -> None:
        selection = self.view.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row, entry in enumerate(self.model.rows):
            if entry.id in ids:
                selection.select(self.model.index(row, 0), flags)

    def remove_selected(self) -> None:
        ids = self.selected_ids()
        if ids and ask.confirm(self, _("Guests"), _("Remove the selected guests from the list?")):
            guests.remove_guests(ids)
            self.reload()

    def sort_by_group(self) -> None:
        guests.sort_by_group(self.event_id)
        self.reload()

    def import_file(self, path: str | None = None) -> None:
        from nlv_events.ui.guests.dialogs import ImportDialog

        if path is None:
            path, _filter = QFileDialog.getOpenFileName(self, _("Import guests"), "",
                                                        _("Guest lists (*.xlsx *.csv)"))
        if not path:
            return
        try:
            self.import_dialog = ImportDialog(self.event_id, path, self)
        except UserError as error:
            self._error(str(error))
            return
        if self.import_dialog.exec() == ImportDialog.DialogCode.Accepted:
            self.reload()
            self._fill_completer()

    def edit_groups(self) -> None:
        from nlv_events.ui.guests.dialogs import GroupsDialog

        if GroupsDialog(self).exec() == GroupsDialog.DialogCode.Accepted:
            self._fill_groups()
            self.reload()

    def fill_programme_row(self) -> None:
        """The programme's "Thành phần": the selected row gets the guests who are coming (each once)."""
        model, view = self.programme
        row = view.currentIndex().row()
        if row < 0:
            ask.inform(self, _("Guests"), _("First select a row in the Programme tab (for example “Đón tiếp đại "
                                           "biểu”)."))
            return
        current = model.rows()[row]
        present = {person.name for person in current.people}
        added = [person for person in guests.programme_people(self.event_id) if person.name not in present]
        model.set_people(row, [*current.people, *added])
        ask.inform(self, _("Guests"), _("{count} guests added to the programme row “{title}”; save the event to "
                                        "keep them.").format(count=len(added), title=current.title))

    def show_address_book(self) -> None:
        from nlv_events.ui.events.address_book import AddressBookDialog

        AddressBookDialog(self).exec()

    def _moved(self, ids: list[int], row: int) -> None:
        """A drop at `row` of what is shown (perhaps filtered): placed before that guest in the full list."""
        shown = self.model.rows
        full = [entry.id for entry in guests.guest_list(self.event_id)]
        target = full.index(shown[row].id) if row < len(shown) else (
            full.index(shown[-1].id) + 1 if shown else len(full))
        try:
            guests.move_guests(self.event_id, ids, target, self._list_version)
        except UserError as error:
            self._error(str(error))
        self.reload()
