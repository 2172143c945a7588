"""The series editor: a recurring activity's details and rule, its occurrences, and "this and the following"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from nlv_events.core import vocab
from nlv_events.core.errors import ConflictError, UserError, ValidationError
from nlv_events.i18n import _
from nlv_events.services.events import occurrences
from nlv_events.services.planning import series, series_rules
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.dialogs import close_box, dress_dialog, parse_day
from nlv_events.ui.shell.widgets import left_row

ID_ROLE = Qt.ItemDataRole.UserRole


def _date(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _weekday_names() -> list[str]:
    return [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")]


class SeriesDialog(QDialog):
    """`changed(event_id)` is called after a save, so the window reloads."""

    def __init__(self, parent: QWidget | None = None, changed: Callable[[int | None], None] | None = None) -> None:
        super().__init__(parent)
        dress_dialog(self, "SeriesDialog", _("Recurring series"), (980, 640))
        self.changed = changed
        self.current: series.SeriesSpec | None = None

        self._build_fields()
        self._build_layout()
        self._connect()
        self.reload()
        self.new_series()

    def _build_fields(self) -> None:
        self.series_list = QListWidget(self)
        self.new_button = QPushButton(_("New series"), self)
        self.delete_button = QPushButton(_("Delete series"), self)
        self.next_year_button = QPushButton(_("Carry over to next year"), self)

        self.title = QLineEdit(self)
        self.kind = QComboBox(self)
        for code in vocab.KINDS:
            self.kind.addItem(vocab.label("kind", code), code)
        self.venue = QLineEdit(self)
        self.start = QDateEdit(self)
        self.until = QDateEdit(self)
        for edit in (self.start, self.until):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
        self.timed = QCheckBox(_("At a set time"), self)
        self.start_time = QTimeEdit(QTime(9, 0), self)
        self.end_time = QTimeEdit(QTime(10, 30), self)
        self.frequency = QComboBox(self)
        self.frequency.addItem(_("Every week"), "weekly")
        self.frequency.addItem(_("Every month, on a day"), "monthday")
        self.frequency.addItem(_("Every month, on a weekday"), "nth")
        self.weekdays = [QCheckBox(name, self) for name in _weekday_names()]
        self.monthday = QSpinBox(self)
        self.monthday.setRange(-1, 31)
        self.monthday.setSpecialValueText(_("last day"))
        self.monthday.setValue(1)
        self.nth = QComboBox(self)
        for value, label in ((1, _("first")), (2, _("second")), (3, _("third")), (4, _("fourth")), (-1, _("last"))):
            self.nth.addItem(label, value)
        self.nth_weekday = QComboBox(self)
        for index, name in enumerate(_weekday_names()):
            self.nth_weekday.addItem(name, index)
        self.skip = QLineEdit(self)
        self.skip.setPlaceholderText("25/01/2025 01/02/2025")
        self.people = QLineEdit(self)
        self.occurrences = QListWidget(self)
        self.save_button = QPushButton(_("Save series"), self)
        self.following_button = QPushButton(_("Save for this and the following"), self)

    def _build_layout(self) -> None:
        """The series on the left, the chosen one's form in the middle, its occurrences on the right."""
        weekdays = QHBoxLayout()
        for box in self.weekdays:
            weekdays.addWidget(box)
        monthly = QHBoxLayout()
        monthly.addWidget(QLabel(_("Day:"), self))
        monthly.addWidget(self.monthday)
        monthly.addWidget(QLabel(_("or the"), self))
        monthly.addWidget(self.nth)
        monthly.addWidget(self.nth_weekday)
        times = QHBoxLayout()
        times.addWidget(self.timed)
        times.addWidget(self.start_time)
        times.addWidget(QLabel("–", self))
        times.addWidget(self.end_time)
        form = QFormLayout()
        form.addRow(_("Title:"), self.title)
        form.addRow(_("Kind:"), self.kind)
        form.addRow(_("Venue:"), self.venue)
        form.addRow(_("Time:"), times)
        form.addRow(_("Repeats:"), self.frequency)
        form.addRow(_("On:"), weekdays)
        form.addRow(_("Monthly:"), monthly)
        form.addRow(_("From:"), self.start)
        form.addRow(_("Until:"), self.until)
        form.addRow(_("Skipped days:"), self.skip)
        form.addRow(_("People:"), self.people)
        save_row = left_row(self.save_button, self.following_button)

        left = QVBoxLayout()
        left.addWidget(self.series_list, 1)
        for button in (self.new_button, self.delete_button, self.next_year_button):
            left.addWidget(button)
        middle = QVBoxLayout()
        middle.addLayout(form)
        middle.addLayout(save_row)
        middle.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(QLabel(_("Occurrences (select one for “this and the following”):"), self))
        right.addWidget(self.occurrences, 1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(middle, 5)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close_box(self))

    def _connect(self) -> None:
        self.series_list.currentItemChanged.connect(lambda *_: self._series_chosen())
        self.new_button.clicked.connect(self.new_series)
        self.delete_button.clicked.connect(self.delete_series)
        self.next_year_button.clicked.connect(self.carry_over)
        self.save_button.clicked.connect(lambda: self.save())
        self.following_button.clicked.connect(self.save_following)
        self.occurrences.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.frequency.currentIndexChanged.connect(lambda *_: self._update_buttons())
        self.timed.toggled.connect(lambda *_: self._update_buttons())

    # --- the list of series -----------------------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        self.series_list.blockSignals(True)
        self.series_list.clear()
        for spec in series.all_series():
            item = QListWidgetItem(f"{spec.title} ({spec.start:%d/%m/%Y})", self.series_list)
            item.setData(ID_ROLE, spec.id)
            if spec.id == select:
                self.series_list.setCurrentItem(item)
        self.series_list.blockSignals(False)
        if select is not None:
            self._series_chosen()

    def _series_chosen(self) -> None:
        item = self.series_list.currentItem()
        if item is None:
            return
        self.show_spec(series.load(item.data(ID_ROLE)))

    def new_series(self) -> None:
        today = dt.date.today()
        self.series_list.setCurrentItem(None)
        self.show_spec(None)
        self.start.setDate(_qdate(today))
        self.until.setDate(_qdate(dt.date(today.year, 12, 31)))

    def show_spec(self, spec: series.SeriesSpec | None) -> None:
        self.current = spec
        self.occurrences.clear()
        if spec is None:
            self.title.clear()
            self.venue.clear()
            self.skip.clear()
            self.people.clear()
            for box in self.weekdays:
                box.setChecked(False)
            self.weekdays[5].setChecked(True)
            self.frequency.setCurrentIndex(0)
            self.timed.setChecked(True)
            self._update_buttons()
            return
        self.title.setText(spec.title)
        self.kind.setCurrentIndex(max(0, self.kind.findData(spec.kind)))
        self.venue.setText(spec.venue or "")
        self.timed.setChecked(spec.start_time is not None)
        if spec.start_time is not None:
            self.start_time.setTime(QTime(spec.start_time.hour, spec.start_time.minute))
        if spec.end_time is not None:
            self.end_time.setTime(QTime(spec.end_time.hour, spec.end_time.minute))
        self.start.setDate(_qdate(spec.start))
        days = series.rule_days(spec.rule, spec.start)
        self.until.setDate(_qdate(series_rules.rule_until(spec.rule) or days[-1]))
        self._show_rule(spec.rule)
        self.skip.setText(" ".join(f"{day:%d/%m/%Y}" for day in spec.skip))
        self.people.setText(", ".join(spec.people))
        for event in occurrences.of_series(spec.id):  # type: ignore[arg-type]
            label = f"{event.start_date:%d/%m/%Y}"
            if event.start_date != event.series_date:
                label += " " + _("(moved from {day})").format(day=f"{event.series_date:%d/%m}")
            if event.status == "cancelled":
                label += " " + _("(cancelled)")
            item = QListWidgetItem(label, self.occurrences)
            item.setData(ID_ROLE, event.id)
        self._update_buttons()

    def _show_rule(self, rule: str) -> None:
        parts = dict(chunk.split("=", 1) for chunk in rule.split(";") if "=" in chunk)
        byday = parts.get("BYDAY", "")
        if parts.get("FREQ") == "MONTHLY" and "BYMONTHDAY" in parts:
            self.frequency.setCurrentIndex(1)
            self.monthday.setValue(int(parts["BYMONTHDAY"].split(",")[0]))
        elif parts.get("FREQ") == "MONTHLY" and byday:
            self.frequency.setCurrentIndex(2)
            code = byday.split(",")[0]
            self.nth.setCurrentIndex(max(0, self.nth.findData(int(code[:-2] or 1))))
            self.nth_weekday.setCurrentIndex(series_rules.WEEKDAY_CODES.index(code[-2:]))
        else:
            self.frequency.setCurrentIndex(0)
            codes = byday.split(",") if byday else []
            for index, box in enumerate(self.weekdays):
                box.setChecked(series_rules.WEEKDAY_CODES[index] in codes)

    def _update_buttons(self) -> None:
        weekly = self.frequency.currentData() == "weekly"
        for box in self.weekdays:
            box.setEnabled(weekly)
        self.monthday.setEnabled(self.frequency.currentData() == "monthday")
        self.nth.setEnabled(self.frequency.currentData() == "nth")
        self.nth_weekday.setEnabled(self.frequency.currentData() == "nth")
        self.start_time.setEnabled(self.timed.isChecked())
        self.end_time.setEnabled(self.timed.isChecked())
        existing = self.current is not None
        self.delete_button.setEnabled(existing)
        self.next_year_button.setEnabled(existing)
        self.following_button.setEnabled(existing and self.occurrences.currentItem() is not None)

    # --- the form ---------------------------------------------------------------------------------------------------

    def _rule(self) -> str:
        until = _date(self.until)
        frequency = self.frequency.currentData()
        if frequency == "weekly":
            return series_rules.weekly_rule([i for i, box in enumerate(self.weekdays) if box.isChecked()], until=until)
        if frequency == "monthday":
            return series_rules.monthly_rule(monthday=self.monthday.value() or -1, until=until)
        return series_rules.monthly_rule(
            nth=self.nth.currentData(), weekday=self.nth_weekday.currentData(), until=until
        )

    def _skip(self) -> list[dt.date]:
        """The skipped days as every other date is typed, 25/01/2025 (the ISO 2025-01-25 of older habits too)."""
        days = []
        for text in self.skip.text().replace(",", " ").split():
            try:
                days.append(parse_day(text, _("Skipped days:")))
            except ValidationError:
                message = _(
                    "“{value}” is not a day such as 25/01/2025 (dd/mm/yyyy); separate skipped days with spaces."
                )
                raise UserError(message.format(value=text)) from None
        return days

    def spec(self) -> series.SeriesSpec:
        """The series as the form shows it (raises UserError for what cannot be read)."""
        timed = self.timed.isChecked()
        start_time = self.start_time.time()
        end_time = self.end_time.time()
        current = self.current
        return series.SeriesSpec(
            id=current.id if current else None,
            ref=current.ref if current else None,
            title=self.title.text(),
            kind=self.kind.currentData(),
            venue=self.venue.text().strip() or None,
            start=_date(self.start),
            start_time=dt.time(start_time.hour(), start_time.minute()) if timed else None,
            end_time=dt.time(end_time.hour(), end_time.minute()) if timed else None,
            rule=self._rule(),
            skip=self._skip(),
            people=[name.strip() for name in self.people.text().split(",") if name.strip()],
            description=current.description if current else None,
            version=current.version if current else None,
        )

    def save(self, from_event_id: int | None = None) -> series.SeriesSpec | None:
        try:
            spec = self.spec()
            if spec.id is None:
                saved = series.save(spec)
            else:
                saved = series.update(spec, from_event_id=from_event_id, base=self.current)
        except ConflictError as error:
            ask.warn(self, _("Recurring series"), str(error))
            self.reload(select=self.current.id if self.current else None)  # their version, to edit again
            return None
        except UserError as error:
            ask.warn(self, _("Recurring series"), str(error))
            return None
        self.reload(select=saved.id)
        if self.changed is not None:
            self.changed(None)
        return saved

    def save_following(self) -> None:
        item = self.occurrences.currentItem()
        if item is not None:
            self.save(from_event_id=item.data(ID_ROLE))

    def delete_series(self) -> None:
        if self.current is None:
            return
        question = _("Delete the series “{title}”? Its occurrences not yet held go to the deleted events.").format(
            title=self.current.title
        )
        if ask.confirm(self, _("Delete series"), question):
            series.delete_series(self.current.id)  # type: ignore[arg-type]
            self.reload()
            self.new_series()
            if self.changed is not None:
                self.changed(None)

    def carry_over(self) -> None:
        if self.current is None:
            return
        try:
            twin = series.duplicate_to_next_year(self.current.id)  # type: ignore[arg-type]
        except UserError as error:
            ask.warn(self, _("Recurring series"), str(error))
            return
        self.reload(select=twin.id)
        if self.changed is not None:
            self.changed(None)
