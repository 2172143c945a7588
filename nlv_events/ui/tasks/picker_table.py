"""The read-only list the tasks' dialogs pick a row from (a task, a step, a member, an item) to edit it below."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QWidget


def picker_table(
    parent: QWidget, name: str, headers: list[str], stretch: int, picked: Callable[[], None]
) -> QTableWidget:
    """A table of whole rows, one picked at a time, never typed into; column `stretch` takes the room left, the
    others are as wide as their heading and cells (a heading such as "Vai trò người phụ trách" is read whole, not cut
    at both ends), and `picked` runs when the current row changes."""
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.currentCellChanged.connect(lambda *_: picked())
    return table
