"""How the lists and tables of the forms are picked from: whole rows, one or many, dragged to reorder."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableView

SINGLE = QAbstractItemView.SelectionMode.SingleSelection
MANY = QAbstractItemView.SelectionMode.ExtendedSelection


def pick_rows(
    view: QAbstractItemView,
    mode: QAbstractItemView.SelectionMode = SINGLE,
    *,
    reorder: bool = False,
    row_numbers: bool = True,
) -> None:
    """A click selects the whole row (`mode`: one row, or MANY with Shift and Ctrl); with `reorder` the rows are
    dragged to a new place within the view; a table without `row_numbers` hides the numbers down its left side."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(mode)
    if reorder:
        view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        view.setDragEnabled(True)
        view.setDropIndicatorShown(True)
    if not row_numbers and isinstance(view, QTableView):
        view.verticalHeader().setVisible(False)
