"""The table model of an event's guest list: in order of precedence, rows moved by drag, a few cells editable."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal

from nlv_events.core.errors import ConflictError, UserError
from nlv_events.i18n import N_, formats
from nlv_events.services.guests import guest_list as guests
from nlv_events.services.guests import guest_replies
from nlv_events.services.guests.guest_list import GuestEntry
from nlv_events.ui.shell.table_models import Index, RowsTableModel

MIME_TYPE = "application/x-nlv-events-guest-ids"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
# (attribute, header, editable): the editable ones are what is printed of the guest at this event.
COLUMNS: tuple[tuple[str, str, bool], ...] = (
    ("precedence", N_("No."), False),
    ("honorific", N_("Form of address"), True),
    ("name", N_("Name"), False),
    ("position", N_("Position"), True),
    ("organisation", N_("Organisation"), True),
    ("group", N_("Group"), False),
    ("state", N_("State"), False),
    ("deputy_name", N_("Deputy"), False),
    ("seat", N_("Seat"), True),
    ("notes", N_("Notes"), True),
    ("invitation_sent_at", N_("Sent by e-mail"), False),
)


class GuestTableModel(RowsTableModel):
    """Rows are GuestEntry values; edits and moves go straight to the guests service, then `changed` is called."""

    COLUMNS = COLUMNS
    conflicted = Signal()  # a colleague changed a guest being edited: the list is to be shown anew

    def __init__(self, on_error: Callable[[str], None], parent=None) -> None:
        super().__init__(parent)
        self.rows: list[GuestEntry] = []
        self.on_error = on_error
        self.moved: Callable[[list[int], int], None] | None = None  # (guest ids, target row), set by the tab

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        entry = self.rows[index.row()]
        attribute = COLUMNS[index.column()][0]
        if role == ID_ROLE:
            return entry.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = getattr(entry, attribute)
            if attribute == "state" and role == Qt.ItemDataRole.DisplayRole:
                return guest_replies.state_label(value)
            if attribute == "invitation_sent_at":
                return formats.format_moment(value) if value is not None else ""
            return "" if value is None else value if attribute != "precedence" else str(value)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        if COLUMNS[index.column()][2]:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not COLUMNS[index.column()][2]:
            return False
        entry = self.rows[index.row()]
        attribute = COLUMNS[index.column()][0]
        try:
            entry.version = guests.update_guest(entry.id, entry.version, **{attribute: str(value)})
        except ConflictError as error:
            self.on_error(str(error))
            self.conflicted.emit()  # the tab shows the colleague's version
            return False
        except UserError as error:
            self.on_error(str(error))
            return False
        setattr(entry, attribute, str(value).strip() or None)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True

    # --- drag to change precedence ---------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        mime = QMimeData()
        mime.setData(MIME_TYPE, QByteArray(",".join(str(self.rows[row].id) for row in rows).encode()))
        return mime

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME_TYPE) or self.moved is None:
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self.rows))
        ids = [int(part) for part in bytes(data.data(MIME_TYPE).data()).decode().split(",") if part]
        self.moved(ids, target)
        return False  # the tab reloads the list; Qt must not remove the dragged rows itself
