"""The event form's own fields: the General and Description tabs, the record they make, and how they react."""

from __future__ import annotations

import copy
import datetime as dt

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from nlv_events.core import matching, rules, vocab, when
from nlv_events.core.records import EventRecord
from nlv_events.i18n import _
from nlv_events.services.events import names
from nlv_events.ui.events import field_binding
from nlv_events.ui.events.editor_tabs import EDITOR_TABS
from nlv_events.ui.shell.dialogs import form_label
from nlv_events.ui.shell.widgets import NameListEditor, OptionalCount, completer_for, left_row, wide_row

_DATE_FORMAT = "dd/MM/yyyy"


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _combo(vocabulary: str) -> QComboBox:
    combo = QComboBox()
    for code in vocab.VOCABULARIES[vocabulary]:
        combo.addItem(vocab.label(vocabulary, code), code)
    return combo


def edited_signal(widget: QWidget | None):
    """The signal a field's widget sends when the user changes it, or None. Not for counts: they check what is
    typed as it is typed, and say so beside the field themselves."""
    if isinstance(widget, QSpinBox):
        return None
    for name in ("textChanged", "currentTextChanged", "dateChanged", "timeChanged", "changed"):
        signal = getattr(widget, name, None)
        if signal is not None:
            return signal
    return None


class EditorFields:
    """Mixed into EventEditor (ui/events/event_editor.py): each field with its error label beside it, the record
    read from and written to the form, the end and venue following the start and the typing."""

    def _error_label(self, field: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"error_{field}")
        label.setStyleSheet("color:#B00020;")
        label.setWordWrap(True)
        label.hide()
        self._errors[field] = label
        return label

    def _add_field(self, form: QFormLayout, field: str, label: str, widget: QWidget) -> None:
        form.addRow(label, widget)
        form.addRow("", self._error_label(field))
        self._field_widgets[field] = widget

    def _general_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self._general_widgets()
        start_widget, end_widget = self._span_widgets()
        self._general_rows(form, start_widget, end_widget)
        return page

    def _general_widgets(self) -> None:
        self.kind_box = _combo("kind")
        self.title_edit = QLineEdit()
        self.title_en_edit = QLineEdit()
        self.theme_edit = QLineEdit()
        self.occasion_edit = QLineEdit()
        self.start_date = QDateEdit(calendarPopup=True, displayFormat=_DATE_FORMAT)
        self.start_timed = QCheckBox(_("at a time"))
        self.start_time = QTimeEdit(displayFormat="HH:mm")
        # No text of its own: the row's label says "End" already.
        self.has_end = QCheckBox()
        self.has_end.setToolTip(_("The event has an end"))
        self.has_end.setAccessibleName(_("The event has an end"))
        self.end_date = QDateEdit(calendarPopup=True, displayFormat=_DATE_FORMAT)
        self.end_time = QTimeEdit(displayFormat="HH:mm")
        self._venue_widgets()
        self.format_box = _combo("format")
        self.status_box = _combo("status")
        self.role_box = _combo("role")
        self.audience_box = _combo("audience")
        self.partners = NameListEditor(names.organisation_names(), self)
        self.attendance = OptionalCount()
        self.online_views = OptionalCount()
        self.items_displayed = OptionalCount()
        self.news_url_edit = QLineEdit()

    def _venue_widgets(self) -> None:
        """The venue, with the known venue it may be a misspelling of, one click away."""
        self.venue_box = QComboBox(editable=True)
        self.venue_box.addItems(sorted(names.venue_names()))
        self.venue_box.setCompleter(completer_for(names.venue_names(), self.venue_box))
        self._known_venues = names.venue_names()
        self.venue_hint = QLabel(self)
        self.venue_hint.setObjectName("venueSuggestion")
        self.venue_hint.setWordWrap(True)
        self.use_venue_button = QPushButton(self)
        self.use_venue_button.setObjectName("useSuggestedVenue")
        self.use_venue_button.clicked.connect(self._use_suggested_venue)
        venue_row = wide_row(self.venue_hint, self.use_venue_button)
        venue_row.setContentsMargins(0, 0, 0, 0)
        self.venue_suggestion = QWidget(self)
        self.venue_suggestion.setLayout(venue_row)
        self.venue_suggestion.hide()

    def _span_widgets(self) -> tuple[QWidget, QWidget]:
        """The start and end rows: a date, whether at a time, the time."""
        start_row = left_row(self.start_date, self.start_timed, self.start_time)
        end_row = left_row(self.has_end, self.end_date, self.end_time)
        start_widget, end_widget = QWidget(), QWidget()
        start_widget.setLayout(start_row)
        end_widget.setLayout(end_row)
        start_row.setContentsMargins(0, 0, 0, 0)
        end_row.setContentsMargins(0, 0, 0, 0)
        return start_widget, end_widget

    def _general_rows(self, form: QFormLayout, start_widget: QWidget, end_widget: QWidget) -> None:
        self._add_field(form, "kind", _("Kind"), self.kind_box)
        self._add_field(form, "title", _("Title") + " *", self.title_edit)
        self._add_field(form, "title_en", form_label(_("English title")), self.title_en_edit)
        self._add_field(form, "theme", _("Theme"), self.theme_edit)
        self._add_field(form, "occasion", _("Occasion"), self.occasion_edit)
        self._add_field(form, "start", _("Start") + " *", start_widget)
        self._add_field(form, "end", _("End"), end_widget)
        self._add_field(form, "venue", _("Venue"), self.venue_box)
        form.addRow("", self.venue_suggestion)
        self._add_field(form, "format", _("Format"), self.format_box)
        self._add_field(form, "status", _("Status"), self.status_box)
        self._add_field(form, "role", _("Role of the library"), self.role_box)
        self._add_field(form, "audience", _("Audience"), self.audience_box)
        self._add_field(form, "partners", _("Partners"), self.partners)
        self._add_field(form, "attendance", _("Attendance"), self.attendance)
        self._add_field(form, "online_views", _("Online views"), self.online_views)
        self.items_label = QLabel(_("Items displayed"))
        form.addRow(self.items_label, self.items_displayed)
        form.addRow("", self._error_label("items_displayed"))
        self._field_widgets["items_displayed"] = self.items_displayed
        for field, count in (
            ("attendance", self.attendance),
            ("online_views", self.online_views),
            ("items_displayed", self.items_displayed),
        ):
            count.refused.connect(lambda _text, field=field: self._count_refused(field))
            count.valueChanged.connect(self._errors[field].hide)  # a count is only ever changed to an accepted one
        self.news_label = QLabel(_("News link"))
        form.addRow(self.news_label, self.news_url_edit)
        form.addRow("", self._error_label("news_url"))
        self._field_widgets["news_url"] = self.news_url_edit

    def _notes_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.description_edit = QPlainTextEdit()
        self.notes_edit = QPlainTextEdit()
        self.publication_box = _combo("publication")
        self.public_description_edit = QPlainTextEdit()
        self._add_field(form, "description", _("Description"), self.description_edit)
        self._add_field(form, "notes", _("Notes"), self.notes_edit)
        self._add_field(form, "publication", _("On the website"), self.publication_box)
        self._add_field(form, "public_description", _("Public description"), self.public_description_edit)
        return page

    def _fill(self, record: EventRecord) -> None:
        for name in field_binding.bound_fields():
            field_binding.write(self._field_widgets[name], getattr(record, name))
        self.start_date.setDate(qdate(when.day_of(record.start)))
        self.start_timed.setChecked(when.is_timed(record.start))
        if isinstance(record.start, dt.datetime):
            self.start_time.setTime(QTime(record.start.hour, record.start.minute))
        self.has_end.setChecked(record.end is not None)
        end = record.end or record.start
        self.end_date.setDate(qdate(when.day_of(end)))
        if isinstance(end, dt.datetime):
            self.end_time.setTime(QTime(end.hour, end.minute))
        self.people_model.load(record.people)
        self.programme_model.load(record.programme)
        self._programme_day = when.day_of(record.start)  # the start day the programme was entered against
        for tab in self.extra_tabs.values():
            tab.load(record)  # type: ignore[attr-defined]
        self._timed_toggled()

    def record(self) -> EventRecord:
        """What the form holds now, as a record (not yet checked)."""
        start_day = self.start_date.date().toPython()
        start: dt.date = start_day
        if self.start_timed.isChecked():
            start = dt.datetime.combine(start_day, self.start_time.time().toPython())
        end: dt.date | None = None
        if self.has_end.isChecked():
            end_day = self.end_date.date().toPython()
            end = (
                dt.datetime.combine(end_day, self.end_time.time().toPython())
                if self.start_timed.isChecked()
                else end_day
            )
        values = {
            name: field_binding.read(self._field_widgets[name], required=name == "title")
            for name in field_binding.bound_fields()
        }
        if values["kind"] != "exhibition":
            values["items_displayed"] = None  # only an exhibition displays items; the field is hidden otherwise
        record = EventRecord(
            id=self._record_id,
            ref=self._ref,
            version=self._version,
            start=start,
            end=end,
            people=self.people_model.people(),
            programme=self.programme_model.rows(),
            **values,
        )
        for tab in self.extra_tabs.values():
            tab.store(record)  # type: ignore[attr-defined]
        return record

    def is_modified(self) -> bool:
        current, initial = rules.normalise(self.record()), rules.normalise(copy.deepcopy(self._initial))
        if initial.kind != "exhibition":
            initial.items_displayed = None
        return current != initial

    def _start_moved(self) -> None:
        """A new start moves the end by as much (the event keeps its length); an end not yet given stays on the
        start's day, so ticking End later starts from the start, not from a date left behind (a conference typed
        to 15/10 from the default 06/12 got the end 15/12, two months later)."""
        new_day = self.start_date.date().toPython()
        delta = new_day - self._start_day
        self._start_day = new_day
        if not self.has_end.isChecked():
            self.end_date.setDate(self.start_date.date())
        elif delta:
            self.end_date.setDate(qdate(self.end_date.date().toPython() + delta))
        if self.end_date.date() < self.start_date.date():
            self.end_date.setDate(self.start_date.date())

    def _start_time_moved(self) -> None:
        """An end not yet given keeps the start's time too: ticking End then never starts before the start."""
        if not self.has_end.isChecked():
            self.end_time.setTime(self.start_time.time())

    def _event_days(self) -> tuple[dt.date, dt.date]:
        first = self.start_date.date().toPython()
        last = self.end_date.date().toPython() if self.has_end.isChecked() else first
        return first, max(first, last)

    def _event_start(self) -> dt.date:
        day = self.start_date.date().toPython()
        if self.start_timed.isChecked():
            return dt.datetime.combine(day, self.start_time.time().toPython())
        return day

    def _count_refused(self, field: str) -> None:
        label = self._errors[field]
        label.setText(
            _("The {field} cannot be negative; leave it at — when it is not recorded.").format(
                field=rules.field_label(field)
            )
        )
        label.show()

    def _suggest_venue(self) -> None:
        typed = self.venue_box.currentText().strip()
        found = matching.suggestions(typed, self._known_venues, limit=1)
        if found and found[0] != typed:
            self._suggested_venue = found[0]
            self.venue_hint.setText(_("Did you mean the known venue “{venue}”?").format(venue=found[0]))
            self.use_venue_button.setText(_("Use it"))
            self.venue_suggestion.show()
        else:
            self.venue_suggestion.hide()

    def _use_suggested_venue(self) -> None:
        self.venue_box.setCurrentText(self._suggested_venue)
        self.venue_suggestion.hide()

    def _timed_toggled(self) -> None:
        self.start_time.setEnabled(self.start_timed.isChecked())
        self.end_date.setEnabled(self.has_end.isChecked())
        self.end_time.setEnabled(self.has_end.isChecked() and self.start_timed.isChecked())

    def _kind_changed(self) -> None:
        kind = self.kind_box.currentData()
        exhibition = kind == "exhibition"
        self.items_label.setVisible(exhibition)
        self.items_displayed.setVisible(exhibition)
        self.news_label.setText(_("Online link") if exhibition else _("News link"))
        for spec in EDITOR_TABS:
            tab = self.extra_tabs.get(spec.key)
            if tab is not None:
                self.tabs.setTabVisible(self.tabs.indexOf(tab), spec.kinds is None or kind in spec.kinds)
        hints = {
            "exhibition": _("Curators and the people who opened the exhibition."),
            "talk": _("Speakers, the moderator and the guests."),
            "book_day": _("Who chairs and hosts the day; the people of each activity go with its programme row."),
            "conference": _("Chair, speakers and paper presenters; the people of each item go with its row."),
            "training": _("Lecturers and the organisers of the course."),
        }
        self.people_hint.setText(hints.get(kind, _("The people who take part, with their roles.")))
