"""The base of the flat tables whose columns are a list of (code, title): their counts and their column titles."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from nlv_events.i18n import _

Index = QModelIndex | QPersistentModelIndex


class ColumnsTableModel(QAbstractTableModel):
    """A table of `row_total()` rows and the columns of `COLUMNS` (code, title marked with N_), titled in the
    language in force when Qt asks; the rows have no titles of their own."""

    COLUMNS: tuple[tuple, ...] = ()  # (code, title marked with N_, anything the table keeps of its own)

    def row_total(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else self.row_total()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.COLUMNS):
                return _(self.COLUMNS[section][1])
        return None


class RowsTableModel(ColumnsTableModel):
    """A ColumnsTableModel over a list of values, one a row (`rows`), shown anew as a whole by `set_rows`."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_total(self) -> int:
        return len(self.rows)
