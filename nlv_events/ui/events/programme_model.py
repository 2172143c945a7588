"""The programme being edited: an editable, reorderable table whose every change is an undoable step."""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import NamedTuple

from PySide6.QtCore import (
    QByteArray,
    QDate,
    QMimeData,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QUndoStack

from nlv_events.core import when
from nlv_events.core.records import ProgrammeEntry, person_line
from nlv_events.i18n import N_, _, pgettext
from nlv_events.i18n.formats import format_day, format_time
from nlv_events.ui.events.undo_commands import Snapshot
from nlv_events.ui.shell.table_models import ColumnsTableModel, Index

# (the row's field, the column's title)
COLUMNS = (("day", N_("Day")), ("start", N_("Start")), ("end", N_("End")), ("title", N_("Content")),
           ("place", N_("Place")), ("people", N_("Participants / presenters")))  # fmt: skip
MIME_TYPE = "application/x-nlv-events-programme-rows"
_TIME = re.compile(r"^\s*(\d{1,2})\s*[:hH.]\s*(\d{2})?\s*$")


def _time_key(row: ProgrammeEntry) -> tuple[dt.date, dt.time]:
    """A row's place in time: its day, then its time (a row without a time first on its day)."""
    return when.day_of(row.start), row.start.time() if isinstance(row.start, dt.datetime) else dt.time.min


def parse_time(text: str) -> dt.time | None:
    """ "8:30", "08:30", "8h30", "8h" → a time; "" → None (a row without a time); anything else: ValueError."""
    if not text.strip():
        return None
    match = _TIME.match(text)
    if not match:
        raise ValueError(text)
    return dt.time(int(match.group(1)), int(match.group(2) or 0))


class _Marks(NamedTuple):
    outside: frozenset[int]  # rows outside the event's days
    out_of_order: frozenset[int]  # rows starting before the row above
    shaded_days: frozenset[dt.date]  # every other day of a programme over several days


class ProgrammeModel(ColumnsTableModel):
    COLUMNS = COLUMNS

    rows_changed = Signal()  # after every change of the programme (an edit, undo, redo, load)

    def __init__(self, undo_stack: QUndoStack, parent=None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self._rows: list[ProgrammeEntry] = []
        self.shift_following = True  # changing a row's start or end moves the rows after it on the same day
        self._days: tuple[dt.date, dt.date] | None = None  # the event's first and last day
        self._marks: _Marks | None = None  # what each row shows of its problems and day, for the rows and days now

    # --- what is wrong with a row, shown beside it ------------------------------------------------------------

    def set_event_days(self, first: dt.date, last: dt.date) -> None:
        if self._days != (first, last):
            self._days = (first, last)
            self._marks = None
            self._flags_changed()

    def _flags_changed(self) -> None:
        if self._rows:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self._rows) - 1)
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def out_of_order(self) -> list[int]:
        """The rows that start before the row above them."""
        return [
            position
            for position in range(1, len(self._rows))
            if when.precedes(self._rows[position].start, self._rows[position - 1].start)
        ]

    def outside_dates(self) -> list[int]:
        if self._days is None:
            return []
        first, last = self._days
        return [
            position
            for position, row in enumerate(self._rows)
            if any(moment is not None and not first <= when.day_of(moment) <= last for moment in (row.start, row.end))
        ]

    def problem(self, position: int) -> str | None:
        """What is wrong with row `position`, in a few words for beside the row; None when nothing is."""
        marks = self._current_marks()
        if position in marks.outside:
            return _("Outside the event's dates")
        if position in marks.out_of_order:
            return _("Starts before the row above")
        return None

    def _current_marks(self) -> _Marks:
        """The rows' problems and shaded days, worked out once for the rows and days of now: the view asks for each
        cell and each row's header, and working them out at each question went over every row each time (40 rows:
        some 1 000 passes over the programme to show the editor). Every change of the rows (`_set`) or of the
        event's days (`set_event_days`) forgets them."""
        if self._marks is None:
            days = sorted({when.day_of(row.start) for row in self._rows})
            shaded = {day for number, day in enumerate(days) if number % 2} if len(days) > 1 else set()
            self._marks = _Marks(frozenset(self.outside_dates()), frozenset(self.out_of_order()), frozenset(shaded))
        return self._marks

    def sorted_by_time(self) -> None:
        """Put the rows in time order (stable: rows at one time keep their order), as one undoable step."""
        rows = sorted(self.rows(), key=_time_key)
        self.apply(rows, _("sort the programme by time"))

    def shift_days(self, days: int) -> None:
        """Move every row by `days` (the event moved), as one undoable step."""
        delta = dt.timedelta(days=days)
        rows = self.rows()
        for row in rows:
            row.start = row.start + delta
            row.end = row.end + delta if row.end is not None else None
        self.apply(rows, _("move the programme with the event"))

    # --- whole-programme access ---------------------------------------------------------------------------------

    def rows(self) -> list[ProgrammeEntry]:
        return copy.deepcopy(self._rows)

    def load(self, rows: list[ProgrammeEntry]) -> None:
        """Start editing `rows` (not undoable: it is where editing begins)."""
        self._set(copy.deepcopy(rows))

    def apply(self, rows: list[ProgrammeEntry], text: str) -> None:
        """Replace the programme with `rows` as one undoable step named `text`."""
        self.undo_stack.push(Snapshot(self._set, self._rows, rows, text))

    def _set(self, rows: list[ProgrammeEntry]) -> None:
        self._marks = None
        if rows and len(rows) == len(self._rows):
            # The same number of rows: their cells change, and an edit in progress in the view is not torn down.
            self._rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(COLUMNS) - 1))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(rows) - 1)
        else:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
        self.rows_changed.emit()

    # --- edits a user makes -------------------------------------------------------------------------------------

    def new_row(self, after: int | None, event_start: dt.date) -> ProgrammeEntry:
        """A row that starts when row `after` ends (or, first, when the event starts: at 08:00 for an event
        without a time)."""
        if after is not None and 0 <= after < len(self._rows):
            previous = self._rows[after]
            start = previous.end or previous.start
        elif isinstance(event_start, dt.datetime):
            start = event_start
        else:
            start = dt.datetime.combine(event_start, dt.time(8, 0))
        end = start + dt.timedelta(minutes=30) if isinstance(start, dt.datetime) else None
        return ProgrammeEntry(start=start, end=end, title=pgettext("programme row", "New item"))

    def insert_row(self, position: int, row: ProgrammeEntry) -> None:
        rows = self.rows()
        rows.insert(position, row)
        self.apply(rows, _("add a programme row"))

    def remove_rows(self, positions: list[int]) -> None:
        rows = [row for index, row in enumerate(self.rows()) if index not in set(positions)]
        self.apply(rows, _("remove programme rows"))

    def move_row(self, source: int, target: int) -> None:
        """Move row `source` so that it ends up at position `target`."""
        if source == target or not (0 <= source < len(self._rows)) or not (0 <= target < len(self._rows)):
            return
        rows = self.rows()
        rows.insert(target, rows.pop(source))
        self.apply(rows, _("move a programme row"))

    def set_people(self, position: int, people: list) -> None:
        rows = self.rows()
        rows[position].people = copy.deepcopy(people)
        self.apply(rows, _("change the people of a row"))

    # --- Qt model ------------------------------------------------------------------------------------------------

    def row_total(self) -> int:
        return len(self._rows)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        """The rows are numbered, with ⚠ and a tooltip saying what is wrong where something is."""
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.problem(section)
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{section + 1} ⚠" if self.problem(section) else str(section + 1)
        return super().headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        if COLUMNS[index.column()][0] != "people":
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(COLUMNS):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == "day":
                day = when.day_of(row.start)
                return QDate(day.year, day.month, day.day)
            return self._display(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and self.problem(index.row()):
            return QBrush(QColor("#FDE2E1"))
        if role == Qt.ItemDataRole.ToolTipRole and self.problem(index.row()):
            return self.problem(index.row())
        if role == Qt.ItemDataRole.BackgroundRole:
            # Alternate shading by day, so a programme over several days reads as groups.
            if when.day_of(row.start) in self._current_marks().shaded_days:
                return QBrush(QColor("#EEF3FA"))
        if role == Qt.ItemDataRole.ToolTipRole and column in ("title", "people"):
            return self._display(row, column)
        return None

    @staticmethod
    def _display(row: ProgrammeEntry, column: str) -> str:
        if column == "day":
            return format_day(when.day_of(row.start))
        if column == "start":
            return format_time(row.start) if isinstance(row.start, dt.datetime) else ""
        if column == "end":
            return format_time(row.end) if isinstance(row.end, dt.datetime) else ""
        if column == "title":
            return row.title
        if column == "place":
            return row.place or ""
        return "; ".join(person_line(person) for person in row.people)

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.row() >= len(self._rows):
            return False
        rows = self.rows()
        row = rows[index.row()]
        column = COLUMNS[index.column()][0]
        try:
            if column == "day":
                day = value.toPython() if isinstance(value, QDate) else when.parse_day(str(value))
                shift = day - when.day_of(row.start)
                row.start = row.start + shift
                row.end = row.end + shift if row.end is not None else None
            elif column == "start":
                time = parse_time(str(value))
                length = (
                    row.end - row.start
                    if isinstance(row.end, dt.datetime) and isinstance(row.start, dt.datetime)
                    else None
                )
                old_start = row.start
                row.start = when.join(when.day_of(row.start), time)  # type: ignore[assignment]
                if length is not None and isinstance(row.start, dt.datetime):
                    row.end = row.start + length
                    if self.shift_following and isinstance(old_start, dt.datetime):
                        self._shift_after(rows, index.row(), row.start - old_start)
            elif column == "end":
                time = parse_time(str(value))
                old_end = row.end
                row.end = when.join(when.day_of(row.start), time)
                if self.shift_following and isinstance(old_end, dt.datetime) and isinstance(row.end, dt.datetime):
                    self._shift_after(rows, index.row(), row.end - old_end)
            elif column == "title":
                row.title = str(value)
            elif column == "place":
                row.place = str(value) or None
        except ValueError:
            return False
        self.apply(rows, _("edit a programme row"))
        return True

    @staticmethod
    def _shift_after(rows: list[ProgrammeEntry], position: int, delta: dt.timedelta) -> None:
        day = when.day_of(rows[position].start)
        for row in rows[position + 1 :]:
            if when.day_of(row.start) != day or not isinstance(row.start, dt.datetime):
                break
            row.start = row.start + delta
            row.end = row.end + delta if isinstance(row.end, dt.datetime) else row.end

    # --- drag and drop to reorder -------------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes) -> QMimeData:
        data = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        data.setData(MIME_TYPE, QByteArray(",".join(map(str, rows)).encode()))
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME_TYPE):
            return False
        sources = [int(part) for part in bytes(data.data(MIME_TYPE).data()).decode().split(",") if part]
        if len(sources) != 1:
            return False
        target = parent.row() if parent.isValid() else (row if row >= 0 else len(self._rows))
        source = sources[0]
        if target > source:
            target -= 1
        self.move_row(source, min(target, len(self._rows) - 1))
        # The move is done and undoable; returning False stops the view from also removing the dragged row.
        return False
