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
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[EventRow] = []

    def set_rows(self, rows: list[EventRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> EventRow:
        return self._rows[row]

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

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        assert isinstance(model, EventTableModel)
        haystack = model.row_at(source_row).search_text
        return all(word in haystack for word in self._words)

    def lessThan(self, left: _Index, right: _Index) -> bool:
        left_value = left.data(SORT_ROLE) or ""
        right_value = right.data(SORT_ROLE) or ""
        return self._collator.compare(left_value, right_value) < 0
