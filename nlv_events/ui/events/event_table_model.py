"""The event table: a QAbstractTableModel over one year's events that filters and sorts them itself."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from nlv_events.core import vocab
from nlv_events.core.text import fold, sort_key, spellings, word_found
from nlv_events.i18n import N_, _
from nlv_events.i18n.formats import format_span
from nlv_events.services.events.rows import EventRow, RowSearch, load_rows
from nlv_events.ui.shell import translation
from nlv_events.ui.shell.table_models import ColumnsTableModel, Index

__all__ = ["ID_ROLE", "EventRow", "EventTableModel", "load_rows"]

ID_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS: tuple[tuple[str, str], ...] = (
    ("kind", N_("Kind")), ("title", N_("Title")), ("dates", N_("Dates")), ("venue", N_("Venue")),
    ("status", N_("Status")),
)

# The table's kind column says the kind in a word or two, so the title keeps the room; the navigator and the
# tooltip give the full name.
SHORT_KINDS = {
    "exhibition": N_("Exhibition"),
    "book_day": N_("Book Day"),
    "talk": N_("Talk"),
    "conference": N_("Conference"),
    "training": N_("Training"),
    "other": N_("Other"),
}


def short_kind(code: str) -> str:
    return _(SHORT_KINDS[code]) if code in SHORT_KINDS else vocab.label("kind", code)


class EventTableModel(ColumnsTableModel):
    """One year's events (or all), filtered and sorted in Python over plain rows, handed to the view in batches.

    Filtering and sorting happen here, not in a QSortFilterProxyModel callback per row: with a hundred thousand
    events a Python call per row (or per comparison) would freeze the window at each keystroke. A new filter is a
    layout change, not a reset: the selected event stays selected while it still matches.
    """

    COLUMNS = COLUMNS

    BATCH = 2000

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[EventRow] = []
        self._matching: list[EventRow] = []  # filtered and sorted
        self._shown = 0  # how many of _matching the view has been handed
        self._words: list[tuple[str, ...]] = []  # each search word with its other spelling (kĩ, kỹ)
        self._kind = ""
        self._status = ""
        self._sort_column = 2
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._sort_keys: dict[tuple[int, str], object] = {}
        self._position: dict[int, int] = {}
        self._kind_counts: Counter[str] = Counter()
        self._ordered: list[EventRow] | None = None  # every row in the current order, kept between keystrokes
        self._search = RowSearch([])
        translation.translate_ui(self.retranslate)

    # --- data and filters ----------------------------------------------------------------------------------------

    def set_rows(self, rows: list[EventRow]) -> None:
        self._all = rows
        self._search = RowSearch(rows)
        # The store hands rows in date order: a row's place in it is its date key.
        self._position = {row.id: position for position, row in enumerate(rows)}
        self._sort_keys = {}
        self._forget_order()
        self._refresh(reset=True)

    def _forget_order(self) -> None:
        self._ordered = None
        self._search.forget_results()

    def all_rows(self) -> list[EventRow]:
        return self._all

    def set_search(self, text: str) -> None:
        self.set_filters(words=[spellings(word) for word in fold(text).split()])

    def set_kind(self, kind: str) -> None:
        self.set_filters(kind=kind)

    def set_status(self, status: str) -> None:
        self.set_filters(status=status)

    def set_filters(
        self, words: list[tuple[str, ...]] | None = None, kind: str | None = None, status: str | None = None
    ) -> None:
        changed = False
        for name, value in (("_words", words), ("_kind", kind), ("_status", status)):
            if value is not None and getattr(self, name) != value:
                setattr(self, name, value)
                changed = True
        if changed:
            self._refresh()

    def is_filtering(self) -> bool:
        return bool(self._words or self._kind or self._status)

    def accepts(self, row: EventRow, ignore_kind: bool = False) -> bool:
        """Whether `row` passes the filters (the navigator counts with `ignore_kind`)."""
        if self._status and row.status != self._status:
            return False
        if self._kind and not ignore_kind and row.kind != self._kind:
            return False
        return all(word_found(word, row.search_text) for word in self._words)

    def _refresh(self, reset: bool = False) -> None:
        if reset:
            self.beginResetModel()
        else:
            self.layoutAboutToBeChanged.emit()
            persistent = self.persistentIndexList()
            kept = [self._matching[i.row()].id if i.row() < len(self._matching) else None for i in persistent]
        if self._ordered is None:
            self._ordered = self._sorted(self._all)
        words, kind, status = self._words, self._kind, self._status
        order = 0 if COLUMNS[self._sort_column][0] != "dates" else 1
        if order and self._sort_order == Qt.SortOrder.DescendingOrder:
            order = -1
        # The navigator's counts: what the filters show, kind by kind (so they ignore the kind filter).
        found, self._kind_counts = self._search.filter(self._ordered, words, status, order)
        self._matching = [row for row in found if row.kind == kind] if kind else found
        self._shown = min(self.BATCH, len(self._matching))
        if reset:
            self.endResetModel()
            return
        positions = {row.id: position for position, row in enumerate(self._matching[: self._shown])}
        for index, event_id in zip(persistent, kept, strict=True):
            position = positions.get(event_id) if event_id is not None else None
            self.changePersistentIndex(
                index, QModelIndex() if position is None else self.index(position, index.column())
            )
        self.layoutChanged.emit()

    def kind_counts(self) -> Counter[str]:
        return self._kind_counts

    # --- sorting ---------------------------------------------------------------------------------------------------

    def _key(self, row: EventRow, column: str):
        cache_key = (row.id, column)
        found = self._sort_keys.get(cache_key)
        if found is None:
            found = (sort_key(self._display(row, column)), self._position.get(row.id, 0))
            self._sort_keys[cache_key] = found
        return found

    def _sorted(self, rows: list[EventRow]) -> list[EventRow]:
        column = COLUMNS[self._sort_column][0]
        if column == "dates":
            ordered = sorted(rows, key=lambda row: self._position.get(row.id, 0))
        else:
            ordered = sorted(rows, key=lambda row: self._key(row, column))
        if self._sort_order == Qt.SortOrder.DescendingOrder:
            ordered.reverse()
        return ordered

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort_column, self._sort_order = column, order
        self._forget_order()
        self.layoutAboutToBeChanged.emit()
        self._refresh_order()
        self.layoutChanged.emit()

    def _refresh_order(self) -> None:
        persistent = self.persistentIndexList()
        ids = [self._matching[index.row()].id if index.row() < len(self._matching) else None for index in persistent]
        self._matching = self._sorted(self._matching)
        self._shown = max(self._shown, min(self.BATCH, len(self._matching)))
        positions = {row.id: position for position, row in enumerate(self._matching)}
        for index, event_id in zip(persistent, ids, strict=True):
            position = positions.get(event_id)
            if position is None or position >= self._shown:
                self.changePersistentIndex(index, QModelIndex())
            else:
                self.changePersistentIndex(index, self.index(position, index.column()))

    # --- rows for the view -----------------------------------------------------------------------------------------

    def row_at(self, row: int) -> EventRow:
        return self._matching[row]

    def row_of(self, event_id: int) -> int | None:
        """The row of the event among the matching ones, handing the view further batches if needed."""
        for position, row in enumerate(self._matching):
            if row.id == event_id:
                while position >= self._shown:
                    self.fetchMore(QModelIndex())
                return position
        return None

    def retranslate(self) -> None:
        """The language changed: every label and date is shown anew."""
        self._sort_keys = {}
        self._forget_order()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._shown:
            self.dataChanged.emit(self.index(0, 0), self.index(self._shown - 1, len(COLUMNS) - 1))

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._shown < len(self._matching)

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        start = self._shown
        end = min(start + self.BATCH, len(self._matching))
        if end <= start:
            return
        self.beginInsertRows(QModelIndex(), start, end - 1)
        self._shown = end
        self.endInsertRows()

    def fetch_all(self) -> None:
        if self._shown < len(self._matching):
            self.beginInsertRows(QModelIndex(), self._shown, len(self._matching) - 1)
            self._shown = len(self._matching)
            self.endInsertRows()

    def matching_count(self) -> int:
        return len(self._matching)

    def row_total(self) -> int:
        return self._shown

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= self._shown or index.column() >= len(COLUMNS):
            return None
        row = self._matching[index.row()]
        column = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return "\n".join(text for text in (row.title, row.venue) if text)  # the venue, when its column is hidden
        if role == Qt.ItemDataRole.ToolTipRole and column == "venue":
            return row.venue
        if role == Qt.ItemDataRole.ToolTipRole and column == "kind":
            return vocab.label("kind", row.kind)
        if row.status == "cancelled":  # a cancelled event reads as cancelled: grey and struck through
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setStrikeOut(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#8A8A8A"))
        return None

    @staticmethod
    def _display(row: EventRow, column: str) -> str:
        if column == "kind":
            return short_kind(row.kind)
        if column == "title":
            return row.title
        if column == "dates":
            return format_span(row.start, row.end)
        if column == "venue":
            return row.venue
        return vocab.label("status", row.status)
