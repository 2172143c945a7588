"""The event table: a QAbstractTableModel over one year's events and a proxy that filters and sorts them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from nlv_events.core import queries, vocab, when
from nlv_events.core.models import Event, Venue
from nlv_events.core.text import fold
from nlv_events.i18n import N_, _, current_language
from nlv_events.i18n.formats import format_span

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS: tuple[tuple[str, str], ...] = (
    ("kind", N_("Kind")),
    ("title", N_("Title")),
    ("dates", N_("Dates")),
    ("venue", N_("Venue")),
    ("status", N_("Status")),
)

_Index = QModelIndex | QPersistentModelIndex


@dataclass(slots=True)
class EventRow:
    id: int
    kind: str
    title: str
    start: dt.date
    end: dt.date | None
    venue: str
    status: str
    search_text: str


def load_rows(year: int | None) -> list[EventRow]:
    """The rows of the table for `year` in one query, without building model objects."""
    query = (
        queries.events(year=year)
        .select(
            Event.id,
            Event.kind,
            Event.title,
            Event.start_date,
            Event.start_time,
            Event.end_date,
            Event.end_time,
            Venue.name,
            Event.status,
            Event.search_text,
        )
        .tuples()
    )
    return [
        EventRow(id_, kind, title, when.join(sd, st), when.join(ed, et), venue or "", status, search)
        for id_, kind, title, sd, st, ed, et, venue, status, search in query
    ]


class EventTableModel(QAbstractTableModel):
    """The rows arrive in one query; the view is handed them in batches as it scrolls (canFetchMore)."""

    BATCH = 2000

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[EventRow] = []
        self._rows: list[EventRow] = []

    def set_rows(self, rows: list[EventRow]) -> None:
        self.beginResetModel()
        self._all = rows
        self._rows = rows[: self.BATCH]
        self.endResetModel()

    def all_rows(self) -> list[EventRow]:
        return self._all

    def row_at(self, row: int) -> EventRow:
        return self._rows[row]

    def row_of(self, event_id: int) -> int | None:
        """The row of the event, fetching further batches if it is not shown yet."""
        for position, row in enumerate(self._all):
            if row.id == event_id:
                while position >= len(self._rows):
                    self.fetchMore(QModelIndex())
                return position
        return None

    def refresh_texts(self) -> None:
        """The language changed: every label and date is shown anew."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and len(self._rows) < len(self._all)

    def fetchMore(self, parent: _Index) -> None:
        if parent.isValid():
            return
        start = len(self._rows)
        end = min(start + self.BATCH, len(self._all))
        if end <= start:
            return
        self.beginInsertRows(QModelIndex(), start, end - 1)
        self._rows = self._all[:end]
        self.endInsertRows()

    def fetch_all(self) -> None:
        """Hand over every row (before filtering or sorting, which must see them all)."""
        if len(self._rows) < len(self._all):
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._all) - 1)
            self._rows = list(self._all)
            self.endInsertRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(COLUMNS):
                return _(COLUMNS[section][1])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(COLUMNS):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            if column == "dates":
                return when.to_iso(row.start) or ""
            return self._display(row, column)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return row.title
        return None

    @staticmethod
    def _display(row: EventRow, column: str) -> str:
        if column == "kind":
            return vocab.label("kind", row.kind)
        if column == "title":
            return row.title
        if column == "dates":
            return format_span(row.start, row.end)
        if column == "venue":
            return row.venue
        return vocab.label("status", row.status)


class EventFilterProxy(QSortFilterProxyModel):
    """Filters by accent-insensitive words and sorts text in Vietnamese order (Đ after D)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._kind = ""
        self._status = ""
        self._collator = QCollator()
        self.set_language(current_language())
        self.setSortRole(SORT_ROLE)

    def set_language(self, language: str) -> None:
        self._collator = QCollator(QLocale("vi_VN" if language == "vi" else "en_GB"))
        self._collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._collator.setNumericMode(True)

    def set_search(self, text: str) -> None:
        words = fold(text).split()
        if words != self._words:
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_kind(self, kind: str) -> None:
        if kind != self._kind:
            self.beginFilterChange()
            self._kind = kind
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, status: str) -> None:
        if status != self._status:
            self.beginFilterChange()
            self._status = status
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def is_filtering(self) -> bool:
        return bool(self._words or self._kind or self._status)

    def accepts(self, row: EventRow, ignore_kind: bool = False) -> bool:
        """Whether `row` passes the filters (the navigator counts with `ignore_kind`)."""
        if self._status and row.status != self._status:
            return False
        if self._kind and not ignore_kind and row.kind != self._kind:
            return False
        return all(word in row.search_text for word in self._words)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, EventTableModel)
        return self.accepts(model.row_at(source_row))

    def lessThan(self, left: _Index, right: _Index) -> bool:
        left_value = left.data(SORT_ROLE) or ""
        right_value = right.data(SORT_ROLE) or ""
        return self._collator.compare(left_value, right_value) < 0
