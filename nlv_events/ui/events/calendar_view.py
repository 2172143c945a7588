"""A month calendar: each event on its days, exhibitions over weeks as bars, coloured by kind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from nlv_events.core import vocab, when
from nlv_events.i18n import _, current_locale
from nlv_events.ui.events.event_table_model import EventRow
from nlv_events.ui.shell.translation import translate_ui

KIND_COLOURS = {
    "exhibition": "#2E7D32",
    "book_day": "#C62828",
    "talk": "#1565C0",
    "conference": "#6A1B9A",
    "training": "#EF6C00",
    "other": "#546E7A",
}
LANE_HEIGHT = 17
DAY_HEADER = 18


@dataclass
class _Bar:
    rect: QRectF
    event_id: int
    title: str
    kind: str
    continues_left: bool
    continues_right: bool
    cancelled: bool = False


class MonthGrid(QWidget):
    """Six weeks from the Monday on or before the 1st; `event_activated(id)` on double-click of a bar."""

    event_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthGrid")
        self.setMinimumSize(QSize(560, 330))  # fits a 1280×680 screen with the toolbars
        self.setMouseTracking(True)
        today = dt.date.today()
        self.month = dt.date(today.year, today.month, 1)
        self._rows: list[EventRow] = []
        self._bars: list[_Bar] = []
        # What is marked on days besides events (the commemorations, from ui/planning/plan_menu.py):
        # first → last day → notes.
        self.note_provider: Callable[[dt.date, dt.date], dict[dt.date, list[str]]] | None = None
        self._notes: dict[dt.date, list[str]] = {}

    def set_events(self, rows: list[EventRow]) -> None:
        self._rows = rows
        self.update()

    def set_month(self, first_day: dt.date) -> None:
        self.month = first_day.replace(day=1)
        self.update()

    def first_shown_day(self) -> dt.date:
        return self.month - dt.timedelta(days=self.month.weekday())

    def bars(self) -> list[_Bar]:
        """The bars of the last paint (what a click can hit)."""
        return list(self._bars)

    def layout_bars(self) -> list[_Bar]:
        width, height = self.width(), self.height()
        cell_width = width / 7
        header = 22
        week_height = (height - header) / 6
        first = self.first_shown_day()
        bars: list[_Bar] = []
        for week in range(6):
            week_start = first + dt.timedelta(days=7 * week)
            week_end = week_start + dt.timedelta(days=6)
            lanes: list[dt.date] = []  # the last day taken in each lane
            for row in self._rows:
                start = when.day_of(row.start)
                end = when.day_of(row.end) if row.end is not None else start
                if end < week_start or start > week_end:
                    continue
                first_day, last_day = max(start, week_start), min(end, week_end)
                lane = next((i for i, taken in enumerate(lanes) if taken < first_day), None)
                if lane is None:
                    lanes.append(last_day)
                    lane = len(lanes) - 1
                else:
                    lanes[lane] = last_day
                top = header + week * week_height + DAY_HEADER + lane * LANE_HEIGHT
                if top + LANE_HEIGHT > header + (week + 1) * week_height:
                    continue  # more events than room: the table lists them all
                left = (first_day - week_start).days * cell_width + 2
                right = ((last_day - week_start).days + 1) * cell_width - 2
                bars.append(
                    _Bar(
                        QRectF(left, top, right - left, LANE_HEIGHT - 2),
                        row.id,
                        row.title,
                        row.kind,
                        start < week_start,
                        end > week_end,
                        row.status == "cancelled",
                    )
                )
        return bars

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        width, height = self.width(), self.height()
        cell_width = width / 7
        header = 22
        week_height = (height - header) / 6
        locale = current_locale()
        names = [locale.days["format"]["abbreviated"][day] for day in range(7)]
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        for column, name in enumerate(names):
            painter.drawText(QRectF(column * cell_width, 0, cell_width, header), Qt.AlignmentFlag.AlignCenter, name)
        painter.setFont(self.font())
        first = self.first_shown_day()
        today = dt.date.today()
        provider = self.note_provider
        self._notes = provider(first, first + dt.timedelta(days=41)) if provider else {}
        note_font = QFont(self.font())
        note_font.setItalic(True)
        note_font.setPointSizeF(note_font.pointSizeF() * 0.85)
        grid_pen = QPen(QColor("#CCCCCC"))
        for week in range(6):
            for column in range(7):
                day = first + dt.timedelta(days=7 * week + column)
                cell = QRectF(column * cell_width, header + week * week_height, cell_width, week_height)
                if day.month != self.month.month:
                    painter.fillRect(cell, QColor("#F4F4F4"))
                if day == today:
                    painter.fillRect(cell, QColor("#FFF8E1"))
                painter.setPen(grid_pen)
                painter.drawRect(cell)
                painter.setPen(palette.text().color() if day.month == self.month.month else QColor("#999999"))
                painter.drawText(
                    cell.adjusted(4, 2, -4, 0), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, str(day.day)
                )
                if day in self._notes:
                    painter.setFont(note_font)
                    painter.setPen(QColor("#B71C1C"))
                    note_rect = cell.adjusted(4, 2, -24, 0)
                    note = "★ " + "; ".join(self._notes[day])
                    painter.drawText(
                        note_rect,
                        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                        painter.fontMetrics().elidedText(note, Qt.TextElideMode.ElideRight, int(note_rect.width())),
                    )
                    painter.setFont(self.font())
        self._bars = self.layout_bars()
        for bar in self._bars:
            # A cancelled event stays on its days, greyed and struck through, as in the table.
            colour = QColor("#B0B0B0") if bar.cancelled else QColor(KIND_COLOURS.get(bar.kind, "#546E7A"))
            font = QFont(self.font())
            font.setStrikeOut(bar.cancelled)
            painter.setFont(font)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(bar.rect, 3, 3)
            painter.setPen(QColor("white"))
            label = ("◂ " if bar.continues_left else "") + bar.title
            text_rect = bar.rect.adjusted(4, 0, -4, 0)
            painter.drawText(
                text_rect,
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                painter.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, int(text_rect.width())),
            )
        painter.end()

    def day_at(self, point: QPointF) -> dt.date | None:
        header = 22
        week = int((point.y() - header) // ((self.height() - header) / 6))
        column = int(point.x() // (self.width() / 7))
        if not (0 <= week < 6 and 0 <= column < 7):
            return None
        return self.first_shown_day() + dt.timedelta(days=7 * week + column)

    def notes(self) -> dict[dt.date, list[str]]:
        """The notes of the last paint, by day."""
        return self._notes

    def bar_at(self, point: QPointF) -> _Bar | None:
        return next((bar for bar in self.layout_bars() if bar.rect.contains(point)), None)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        bar = self.bar_at(event.position())
        notes = self._notes.get(self.day_at(event.position()), [])
        self.setToolTip(f"{bar.title}\n{vocab.label('kind', bar.kind)}" if bar else "\n".join(notes))
        super().mouseMoveEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        bar = self.bar_at(event.position())
        if bar is not None:
            self.event_activated.emit(bar.event_id)
        super().mouseDoubleClickEvent(event)


class CalendarView(QWidget):
    """The month grid with its month title and previous / today / next buttons."""

    event_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = MonthGrid(self)
        self.title = QLabel(self)
        self._title_due = False  # the month changed, or the language, while the calendar was hidden
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.previous_button = QPushButton("◀", self)
        self.today_button = QPushButton(self)
        self.next_button = QPushButton("▶", self)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(+1))
        self.today_button.clicked.connect(lambda: self.show_month(dt.date.today()))
        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.today_button)
        bar.addWidget(self.next_button)
        bar.addSpacing(12)
        bar.addWidget(self.title, 1)
        legend = QHBoxLayout()
        self._legend = []
        for kind, colour in KIND_COLOURS.items():
            label = QLabel(self)
            label.setProperty("kind", kind)
            label.setStyleSheet(f"color:{colour}; font-weight:bold;")
            legend.addWidget(label)
            self._legend.append(label)
        legend.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.grid, 1)
        layout.addLayout(legend)
        self.grid.event_activated.connect(self.event_activated)
        translate_ui(self.retranslate)

    def retranslate(self) -> None:
        """Set the texts in the language in force (again at each change of language)."""
        self.today_button.setText(_("This month"))
        for label in self._legend:
            label.setText("■ " + vocab.label("kind", label.property("kind")))
        self._update_title()

    def set_events(self, rows: list[EventRow]) -> None:
        self.grid.set_events(rows)

    def show_month(self, day: dt.date) -> None:
        self.grid.set_month(day)
        self._update_title()

    def step(self, months: int) -> None:
        month = self.grid.month
        index = month.year * 12 + month.month - 1 + months
        self.show_month(dt.date(index // 12, index % 12 + 1, 1))

    def showEvent(self, event: QShowEvent) -> None:
        if self._title_due:
            self._update_title()
        super().showEvent(event)

    def _update_title(self) -> None:
        # The month's name is Babel's, whose locale data (some 40 ms with its imports) the window starting on its list
        # need not load: the title is written when the calendar is shown (issue #35).
        self._title_due = not self.isVisible()
        if self._title_due:
            return
        month = self.grid.month
        name = current_locale().months["stand-alone"]["wide"][month.month]
        self.title.setText(f"{name} {month.year}".capitalize())
