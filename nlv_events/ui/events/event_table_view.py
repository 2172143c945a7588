"""The event table's view: columns sized from their texts, the title given at least half of the width."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from nlv_events.core import vocab
from nlv_events.i18n.formats import format_span
from nlv_events.ui.events.event_table_model import EventTableModel, short_kind
from nlv_events.ui.shell.views import pick_rows

_PADDING = 14
# The widest dates the column shows: a timed span within a day, and a span over days.
_WIDEST_SPANS = (
    (dt.datetime(2022, 12, 26, 8, 0), dt.datetime(2022, 12, 26, 11, 30)),
    (dt.date(2022, 11, 28), dt.date(2022, 12, 28)),
)


def _viewport() -> QWidget:
    """A viewport made here, as Qt makes a scroll area's own (its name, background and filling).

    The one Qt makes is a plain QWidget that PySide has never seen: the first `viewport()` identified its type by
    trying each of the 70 widget classes of QtWidgets, making each class and its enums, 17-19 ms of the window's
    start, for the columns' width. PySide knows a widget made in Python at once (tests/ui/test_window_start.py
    compares it with Qt's own)."""
    viewport = QWidget()
    viewport.setObjectName("qt_scrollarea_viewport")
    viewport.setBackgroundRole(QPalette.ColorRole.Base)
    viewport.setAutoFillBackground(True)
    return viewport


class EventTableView(QTableView):
    """Kind, dates and status as wide as their longest label in the language in force; the venue takes what is left
    and the title at least half of the table (the venue is elided first, and left out on a narrow screen)."""

    def __init__(self, model: EventTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewport(_viewport())
        self.setObjectName("eventTable")
        self.setModel(model)
        self.setSortingEnabled(True)
        self.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        pick_rows(self, row_numbers=False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)

    def set_placeholder(self, text: str) -> None:
        """What the empty table says (nothing recorded yet, or nothing matches), instead of a blank grid."""
        self._placeholder = text
        self.viewport().update()

    def placeholder(self) -> str:
        return getattr(self, "_placeholder", "")

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        text = getattr(self, "_placeholder", "")
        if text and self.model().rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            area = self.viewport().rect().adjusted(24, 24, -24, -24)
            painter.drawText(area, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                             text)  # fmt: skip
            painter.end()

    def _needed(self, texts: list[str]) -> int:
        metrics = self.fontMetrics()
        return max(metrics.horizontalAdvance(text) for text in texts) + _PADDING

    def fit_columns(self) -> None:
        """Widths from the font and the labels, not resizeColumnToContents(), which measures every row."""
        model = self.model()
        headers = [str(model.headerData(column, Qt.Orientation.Horizontal) or "") for column in range(5)]
        kind = self._needed([headers[0], *(short_kind(code) for code in vocab.KINDS)])
        dates = self._needed([headers[2], *(format_span(start, end) for start, end in _WIDEST_SPANS)])
        status = self._needed([headers[4], *(vocab.label("status", code) for code in vocab.STATUSES)])
        available = max(self.viewport().width(), 400)
        venue = min(240, available // 2 - kind - dates - status)
        # Too narrow to read a venue: the column steps aside (the detail pane and the tooltip still name it).
        self.setColumnHidden(3, venue < 80)
        for column, width in ((0, kind), (2, dates), (3, max(venue, 80)), (4, status)):
            self.setColumnWidth(column, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()
