"""The list-and-form dialogs' table of records (staff, a week's typed items, a template's steps): filled from the
records, the current record read back by its row."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

Record = TypeVar("Record")


def fill_table(
    table: QTableWidget,
    records: Sequence[Record],
    cells: Callable[[Record], Sequence[str]],
    selected: Callable[[Record], bool] = lambda _record: False,
    select_column: int = 0,
) -> None:
    """One row a record, its cells' texts from `cells`; the row of the record `selected` says is made current."""
    table.setRowCount(len(records))
    for row, record in enumerate(records):
        for column, text in enumerate(cells(record)):
            table.setItem(row, column, QTableWidgetItem(text))
        if selected(record):
            table.setCurrentCell(row, select_column)


def current_record(table: QTableWidget, records: Sequence[Record]) -> Record | None:
    """The record of the table's current row; None when no row is current."""
    row = table.currentRow()
    return records[row] if 0 <= row < len(records) else None
