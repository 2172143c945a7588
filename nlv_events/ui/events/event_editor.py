"""The event form: the fields each kind needs, its people and programme, validation beside the field.

How to add a tab to the editor
------------------------------
Write a QWidget in a module of your own with two methods, ``load(record)`` (show the record's part) and
``store(record)`` (write what the user entered back into the record), and register it once, at import::

    from nlv_events.i18n import N_
    from nlv_events.ui.events import event_editor

    event_editor.register_tab("guests", N_("Guests"), GuestsTab, kinds={"talk", "conference", "book_day"})

``GuestsTab(editor)`` is called with the editor (its ``undo_stack`` makes your edits undoable with the rest of
the form; ``editor.record()`` is what the form holds now). The tab shows only for ``kinds`` (every kind when
None), after the built-in tabs, in order of registration; its title is translated when the editor opens. Then
import your module in nlv_events/ui/shell/main_actions.py, beside the window's actions.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QDate, Qt, QTime, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from nlv_events.core import matching, rules, vocab, when
from nlv_events.core.errors import ValidationError
from nlv_events.core.records import EventRecord
from nlv_events.i18n import _, ngettext
from nlv_events.i18n.formats import format_day
from nlv_events.services.events import clashes, names
from nlv_events.ui.events import field_binding, field_limits
from nlv_events.ui.events.people_model import NameDelegate, PeopleModel, RoleDelegate
from nlv_events.ui.events.programme_model import ProgrammeModel
from nlv_events.ui.exhibits import exhibit_tab
from nlv_events.ui.guests.guests_tab import GuestsTab
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.widgets import NameListEditor, OptionalCount, completer_for, scrolling

_DATE_FORMAT = "dd/MM/yyyy"


class EditorTab(Protocol):
    def load(self, record: EventRecord) -> None: ...

    def store(self, record: EventRecord) -> None: ...


@dataclass(frozen=True)
class TabSpec:
    key: str
    title: str  # marked with N_()
    create: Callable[[EventEditor], QWidget]
    kinds: frozenset[str] | None = None


EDITOR_TABS: list[TabSpec] = []


def register_tab(key: str, title: str, create: Callable[[EventEditor], QWidget], kinds: set[str] | None = None) -> None:
    """Add a tab to every editor opened from now on (see the module's docstring)."""
    EDITOR_TABS[:] = [spec for spec in EDITOR_TABS if spec.key != key]
    EDITOR_TABS.append(TabSpec(key, title, create, frozenset(kinds) if kinds is not None else None))


def _label(text: str) -> str:
    """A form label starts with a capital ("Tên tiếng Anh"), whatever case the message has in a sentence."""
    return text[:1].upper() + text[1:]


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _combo(vocabulary: str) -> QComboBox:
    combo = QComboBox()
    for code in vocab.VOCABULARIES[vocabulary]:
        combo.addItem(vocab.label(vocabulary, code), code)
    return combo


def _edited_signal(widget: QWidget | None):
    """The signal a field's widget sends when the user changes it, or None. Not for counts: they check what is
    typed as it is typed, and say so beside the field themselves."""
    if isinstance(widget, QSpinBox):
        return None
    for name in ("textChanged", "currentTextChanged", "dateChanged", "timeChanged", "changed"):
        signal = getattr(widget, name, None)
        if signal is not None:
            return signal
    return None


class EventEditor(QDialog):
    """Edit a copy of `record`; on Save `result_record` holds the checked record and the dialog is accepted."""

    def __init__(self, record: EventRecord, parent: QWidget | None = None, heading: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EventEditor")
        self.setWindowTitle(heading or (_("Edit event") if record.id else _("New event")))
        self.resize(980, 640)  # fits a 1280×680 screen
        self._initial = copy.deepcopy(record)
        self._record_id, self._ref, self._version = record.id, record.ref, record.version
        self.result_record: EventRecord | None = None
        self.undo_stack = QUndoStack(self)
        self._errors: dict[str, QLabel] = {}
        self._field_widgets: dict[str, QWidget] = {}

        self.tabs = QTabWidget(self)
        self.tabs.addTab(scrolling(self._general_tab()), _("General"))
        self.tabs.addTab(self._people_tab(), _("People"))
        self.tabs.addTab(self._programme_tab(), _("Programme"))
        self.tabs.addTab(self._notes_tab(), _("Description and notes"))
        self.extra_tabs: dict[str, QWidget] = {}
        for spec in EDITOR_TABS:
            self.extra_tabs[spec.key] = spec.create(self)
            self.tabs.addTab(self.extra_tabs[spec.key], _(spec.title))
        self.exhibit_tab = exhibit_tab.attach(self)  # sections, items and loans of an exhibition
        self.tabs.addTab(GuestsTab(record.id, self, (self.programme_model, self.programme_view)), _("Guests"))
        if record.id is not None:  # photos belong to a stored event
            from nlv_events.ui.media.photos_tab import PhotosTab

            self.photos_tab = PhotosTab(record.id, self, set_news_link=self.news_url_edit.setText)
            self.tabs.addTab(self.photos_tab, _("Photos"))
        field_limits.apply(self._field_widgets)

        self.clash_label = QLabel(self)
        self.clash_label.setObjectName("clashWarning")
        self.clash_label.setWordWrap(True)
        self.clash_label.setStyleSheet("background:#FFF4CE; color:#5C4400; padding:4px; border-radius:3px;")
        self.clash_label.hide()

        buttons = QDialogButtonBox(self)
        self.undo_button = QPushButton(_("Undo"), self)
        self.redo_button = QPushButton(_("Redo"), self)
        self.save_button = buttons.addButton(_("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        self.cancel_button = buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.undo_button.clicked.connect(self._undo)
        self.redo_button.clicked.connect(self._redo)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence.StandardKey.Undo, self, self._undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, self._redo)
        QShortcut(QKeySequence("Ctrl+Shift+Z"), self, self._redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)

        bottom = QHBoxLayout()
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.redo_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.clash_label)
        layout.addLayout(bottom)

        self._clash_timer = QTimer(self)
        self._clash_timer.setSingleShot(True)
        self._clash_timer.setInterval(250)
        self._clash_timer.timeout.connect(self.update_clashes)

        self._fill(record)
        self.undo_stack.clear()
        self._connect_changes()
        self._kind_changed()
        self.update_clashes()

    # --- building the tabs ----------------------------------------------------------------------------------------

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
        venue_row = QHBoxLayout()
        venue_row.setContentsMargins(0, 0, 0, 0)
        venue_row.addWidget(self.venue_hint, 1)
        venue_row.addWidget(self.use_venue_button)
        self.venue_suggestion = QWidget(self)
        self.venue_suggestion.setLayout(venue_row)
        self.venue_suggestion.hide()
        self.format_box = _combo("format")
        self.status_box = _combo("status")
        self.role_box = _combo("role")
        self.audience_box = _combo("audience")
        self.partners = NameListEditor(names.organisation_names(), self)
        self.attendance = OptionalCount()
        self.online_views = OptionalCount()
        self.items_displayed = OptionalCount()
        self.news_url_edit = QLineEdit()

        start_row = QHBoxLayout()
        for widget in (self.start_date, self.start_timed, self.start_time):
            start_row.addWidget(widget)
        start_row.addStretch(1)
        end_row = QHBoxLayout()
        for widget in (self.has_end, self.end_date, self.end_time):
            end_row.addWidget(widget)
        end_row.addStretch(1)
        start_widget, end_widget = QWidget(), QWidget()
        start_widget.setLayout(start_row)
        end_widget.setLayout(end_row)
        start_row.setContentsMargins(0, 0, 0, 0)
        end_row.setContentsMargins(0, 0, 0, 0)

        self._add_field(form, "kind", _("Kind"), self.kind_box)
        self._add_field(form, "title", _("Title") + " *", self.title_edit)
        self._add_field(form, "title_en", _label(_("English title")), self.title_en_edit)
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
        self.news_label = QLabel(_("News link"))
        form.addRow(self.news_label, self.news_url_edit)
        form.addRow("", self._error_label("news_url"))
        self._field_widgets["news_url"] = self.news_url_edit
        return page

    def _people_tab(self) -> QWidget:
        page = QWidget(self)
        self.people_hint = QLabel(page)
        self.people_hint.setWordWrap(True)
        self.people_model = PeopleModel(self.undo_stack, self)
        self.people_view = self._people_table(self.people_model, page)
        add = QPushButton(_("Add person"), page)
        remove = QPushButton(_("Remove"), page)
        add.clicked.connect(lambda: self.people_model.add_person(self._default_role()))
        remove.clicked.connect(lambda: self.people_model.remove_people(self._selected_rows(self.people_view)))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.people_hint)
        layout.addWidget(self.people_view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self._error_label("people"))
        return page

    @staticmethod
    def _people_table(model: PeopleModel, parent: QWidget) -> QTableView:
        view = QTableView(parent)
        view.setModel(model)
        view.setItemDelegateForColumn(1, NameDelegate(view))
        view.setItemDelegateForColumn(4, RoleDelegate(view))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        view.verticalHeader().setVisible(False)
        return view

    def _programme_tab(self) -> QWidget:
        page = QWidget(self)
        self.programme_model = ProgrammeModel(self.undo_stack, self)
        self.programme_view = QTableView(page)
        self.programme_view.setObjectName("programmeView")
        self.programme_view.setModel(self.programme_model)
        self.programme_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.programme_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.programme_view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.programme_view.setDragEnabled(True)
        self.programme_view.setDropIndicatorShown(True)
        header = self.programme_view.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Interactive)
        self.programme_view.setColumnWidth(4, 190)
        self.programme_view.setColumnWidth(5, 230)

        self.add_row_button = QPushButton(_("Add row"), page)
        self.insert_row_button = QPushButton(_("Insert row"), page)
        self.remove_row_button = QPushButton(_("Remove row"), page)
        self.up_button = QPushButton(_("Move up"), page)
        self.down_button = QPushButton(_("Move down"), page)
        self.shift_box = QCheckBox(_("Changing a row's time moves the rows after it"), page)
        self.shift_box.setChecked(True)
        self.shift_box.toggled.connect(lambda on: setattr(self.programme_model, "shift_following", on))
        self.add_row_button.clicked.connect(self.add_programme_row)
        self.insert_row_button.clicked.connect(self.insert_programme_row)
        self.remove_row_button.clicked.connect(self.remove_programme_row)
        self.up_button.clicked.connect(lambda: self.move_programme_row(-1))
        self.down_button.clicked.connect(lambda: self.move_programme_row(+1))
        buttons = QHBoxLayout()
        for button in (
            self.add_row_button,
            self.insert_row_button,
            self.remove_row_button,
            self.up_button,
            self.down_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.shift_box)

        self.row_people_model = PeopleModel(self.undo_stack, self)
        self.row_people_model.on_change = self._row_people_changed
        self.row_people_view = self._people_table(self.row_people_model, page)
        add_person = QPushButton(_("Add person to this row"), page)
        remove_person = QPushButton(_("Remove"), page)
        add_person.clicked.connect(lambda: self.row_people_model.add_person("speaker"))
        remove_person.clicked.connect(
            lambda: self.row_people_model.remove_people(self._selected_rows(self.row_people_view))
        )
        person_buttons = QHBoxLayout()
        person_buttons.addWidget(add_person)
        person_buttons.addWidget(remove_person)
        person_buttons.addStretch(1)
        lower = QWidget(page)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.row_people_label = QLabel(_("People of the selected row"), lower)
        lower_layout.addWidget(self.row_people_label)
        lower_layout.addWidget(self.row_people_view, 1)
        lower_layout.addLayout(person_buttons)
        upper = QWidget(page)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.programme_view, 1)
        upper_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setSizes([420, 180])
        self.move_programme_bar = QWidget(page)
        self.move_programme_bar.setObjectName("moveProgrammeBar")
        self.move_programme_label = QLabel(self.move_programme_bar)
        self.move_programme_label.setWordWrap(True)
        self.move_programme_button = QPushButton(self.move_programme_bar)
        self.move_programme_button.setObjectName("moveProgramme")
        self.move_programme_button.clicked.connect(self.move_programme_with_event)
        bar = QHBoxLayout(self.move_programme_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.move_programme_label, 1)
        bar.addWidget(self.move_programme_button)
        self.move_programme_bar.hide()
        self.programme_warning = QLabel(page)
        self.programme_warning.setObjectName("programmeWarning")
        self.programme_warning.setWordWrap(True)
        self.programme_warning.setStyleSheet("color:#B00020;")
        self.programme_warning.hide()
        layout = QVBoxLayout(page)
        layout.addWidget(self.move_programme_bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.programme_warning)
        layout.addWidget(self._error_label("programme"))
        self.programme_model.rows_changed.connect(self._programme_reset)
        self.programme_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_row_people())
        return page

    def _notes_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.description_edit = QPlainTextEdit()
        self.notes_edit = QPlainTextEdit()
        self._add_field(form, "description", _("Description"), self.description_edit)
        self._add_field(form, "notes", _("Notes"), self.notes_edit)
        return page

    # --- record <-> widgets -------------------------------------------------------------------------------------

    def _fill(self, record: EventRecord) -> None:
        for name in field_binding.bound_fields():
            field_binding.write(self._field_widgets[name], getattr(record, name))
        self.start_date.setDate(_qdate(when.day_of(record.start)))
        self.start_timed.setChecked(when.is_timed(record.start))
        if isinstance(record.start, dt.datetime):
            self.start_time.setTime(QTime(record.start.hour, record.start.minute))
        self.has_end.setChecked(record.end is not None)
        end = record.end or record.start
        self.end_date.setDate(_qdate(when.day_of(end)))
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

    # --- behaviour -------------------------------------------------------------------------------------------------

    def _connect_changes(self) -> None:
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.start_timed.toggled.connect(self._timed_toggled)
        self.has_end.toggled.connect(self._timed_toggled)
        for signal in (
            self.start_date.dateChanged,
            self.end_date.dateChanged,
            self.start_time.timeChanged,
            self.end_time.timeChanged,
            self.venue_box.currentTextChanged,
            self.status_box.currentIndexChanged,
            self.programme_model.rows_changed,
            self.has_end.toggled,
            self.start_timed.toggled,
        ):
            signal.connect(self._clash_timer.start)
        self._start_day = self.start_date.date().toPython()
        self.start_date.dateChanged.connect(self._start_moved)
        for signal in (
            self.start_date.dateChanged,
            self.end_date.dateChanged,
            self.has_end.toggled,
            self.programme_model.rows_changed,
        ):
            signal.connect(self._check_programme)
        self._venue_timer = QTimer(self)
        self._venue_timer.setSingleShot(True)
        self._venue_timer.setInterval(200)
        self._venue_timer.timeout.connect(self._suggest_venue)
        self.venue_box.currentTextChanged.connect(self._venue_timer.start)
        self._check_programme()
        for field, label in self._errors.items():  # a message goes once its field is changed, not at the next Save
            signal = _edited_signal(self._field_widgets.get(field))
            if signal is not None:
                signal.connect(label.hide)

    def _start_moved(self) -> None:
        """A new start moves the end by as much (the event keeps its length) and offers to move the programme."""
        new_day = self.start_date.date().toPython()
        delta = new_day - self._start_day
        self._start_day = new_day
        if self.has_end.isChecked() and delta:
            self.end_date.setDate(_qdate(self.end_date.date().toPython() + delta))
        if self.end_date.date() < self.start_date.date():
            self.end_date.setDate(self.start_date.date())

    def _event_days(self) -> tuple[dt.date, dt.date]:
        first = self.start_date.date().toPython()
        last = self.end_date.date().toPython() if self.has_end.isChecked() else first
        return first, max(first, last)

    def _programme_offset(self) -> int:
        """By how many days to move the programme so that it fits the event's dates again: the days the event moved
        since the form opened, else the gap between the event's start and the first row (0: nothing to offer)."""
        rows = self.programme_model.rows()
        first, last = self._event_days()
        if not rows or not self.programme_model.outside_dates():
            return 0
        moved = (first - self._programme_day).days
        to_first_row = (first - when.day_of(rows[0].start)).days
        for offset in (moved, to_first_row):
            delta = dt.timedelta(days=offset)
            if offset and all(
                first <= when.day_of(moment) + delta <= last
                for row in rows
                for moment in (row.start, row.end)
                if moment is not None
            ):
                return offset
        return 0

    def _check_programme(self) -> None:
        """Flag the rows out of order or outside the event's dates; offer to move the programme with the event."""
        self.programme_model.set_event_days(*self._event_days())
        problems = []
        outside = self.programme_model.outside_dates()
        disorder = self.programme_model.out_of_order()
        if outside:
            problems.append(
                _("Rows {rows} fall outside the event's dates.").format(rows=", ".join(str(r + 1) for r in outside))
            )
        if disorder:
            problems.append(
                _("Rows {rows} start before the row above them.").format(rows=", ".join(str(r + 1) for r in disorder))
            )
        self.programme_warning.setText("⚠ " + " ".join(problems) if problems else "")
        self.programme_warning.setVisible(bool(problems))
        offset = self._programme_offset()
        if offset:
            self.move_programme_label.setText(
                _("The event now starts on {day}; its programme is still on the old dates.").format(
                    day=format_day(self.start_date.date().toPython())
                )
            )
            self.move_programme_button.setText(
                ngettext("Move the programme by {count} day", "Move the programme by {count} days", abs(offset)).format(
                    count=f"{offset:+d}"
                )
            )
        self.move_programme_bar.setVisible(bool(offset))

    def move_programme_with_event(self) -> None:
        """Shift every programme row by as many days as the event moved (one undoable step)."""
        offset = self._programme_offset()
        if offset:
            self.programme_model.shift_days(offset)
            self._check_programme()

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

    def _default_role(self) -> str:
        return {"exhibition": "curator", "talk": "speaker", "training": "speaker"}.get(
            self.kind_box.currentData(), "participant"
        )

    @staticmethod
    def _selected_rows(view: QTableView) -> list[int]:
        return sorted({index.row() for index in view.selectionModel().selectedRows()}) or (
            [view.currentIndex().row()] if view.currentIndex().isValid() else []
        )

    def _current_programme_row(self) -> int | None:
        index = self.programme_view.currentIndex()
        return index.row() if index.isValid() else None

    def add_programme_row(self) -> None:
        count = self.programme_model.rowCount()
        row = self.programme_model.new_row(count - 1 if count else None, self._event_start())
        self.programme_model.insert_row(count, row)
        self._select_programme_row(count)

    def _event_start(self) -> dt.date:
        day = self.start_date.date().toPython()
        if self.start_timed.isChecked():
            return dt.datetime.combine(day, self.start_time.time().toPython())
        return day

    def insert_programme_row(self) -> None:
        current = self._current_programme_row()
        position = current if current is not None else 0
        row = self.programme_model.new_row(position - 1 if position else None, self._event_start())
        self.programme_model.insert_row(position, row)
        self._select_programme_row(position)

    def remove_programme_row(self) -> None:
        current = self._current_programme_row()
        if current is not None:
            self.programme_model.remove_rows([current])
            self._select_programme_row(min(current, self.programme_model.rowCount() - 1))

    def move_programme_row(self, step: int) -> None:
        current = self._current_programme_row()
        if current is None:
            return
        target = current + step
        if 0 <= target < self.programme_model.rowCount():
            self.programme_model.move_row(current, target)
            self._select_programme_row(target)

    def _select_programme_row(self, row: int) -> None:
        if 0 <= row < self.programme_model.rowCount():
            self.programme_view.setCurrentIndex(self.programme_model.index(row, 3))
            self.programme_view.selectRow(row)

    def _programme_reset(self) -> None:
        self._show_row_people()
        if hasattr(self, "_programme_day"):
            self._check_programme()

    def _show_row_people(self) -> None:
        row = self._current_programme_row()
        rows = self.programme_model.rows()
        enabled = row is not None and row < len(rows)
        self.row_people_view.setEnabled(enabled)
        self.row_people_model.load(rows[row].people if enabled else [])

    def _row_people_changed(self, people) -> None:
        row = self._current_programme_row()
        if row is not None:
            self.programme_model.set_people(row, people)
            self._select_programme_row(row)

    def update_clashes(self) -> None:
        try:
            found = clashes.all_clashes(self.record())
        except Exception:  # an unfinished form (no start yet, say) has nothing to clash with
            found = []
        self.clash_label.setText("\n".join("⚠ " + clash.message for clash in found))
        self.clash_label.setVisible(bool(found))

    def _undo(self) -> None:
        if self.undo_stack.canUndo():
            self.undo_stack.undo()

    def _redo(self) -> None:
        if self.undo_stack.canRedo():
            self.undo_stack.redo()

    # --- saving and closing ---------------------------------------------------------------------------------------

    def show_error(self, error: ValidationError) -> None:
        self.show_errors([error])

    def show_errors(self, errors: list[ValidationError]) -> None:
        """Each message beside its field (one without a field of its own under the title), all at once; the
        first field's tab comes forward with the cursor in it."""
        for label in self._errors.values():
            label.hide()
        messages: dict[str, list[str]] = {}
        for error in errors:
            messages.setdefault(error.field if error.field in self._errors else "title", []).append(str(error))
        for field, texts in messages.items():
            self._errors[field].setText("\n".join(texts))
            self._errors[field].show()
        first = next(iter(messages))
        label = self._errors[first]
        for tab in range(self.tabs.count()):
            if self.tabs.widget(tab).isAncestorOf(label):
                self.tabs.setCurrentIndex(tab)
                break
        widget = self._field_widgets.get(first)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def tab_index(self, page: QWidget) -> int:
        """The index of the tab that holds `page` (some pages sit in a scroll area), or -1."""
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if tab is page or tab.isAncestorOf(page):
                return index
        return -1

    def show_tab(self, page: QWidget) -> None:
        self.tabs.setCurrentIndex(self.tab_index(page))

    def save(self) -> None:
        if self._programme_offset():
            question = ngettext(
                "The event moved by {count} day since its programme was entered. Move the programme with it?",
                "The event moved by {count} days since its programme was entered. Move the programme with it?",
                abs(self._programme_offset()),
            ).format(count=self._programme_offset())
            if ask.confirm(self, _("Move the programme"), question):
                self.move_programme_with_event()
        disorder = self.programme_model.out_of_order()
        if disorder and not self.programme_model.outside_dates():
            question = _("Rows {rows} of the programme start before the row above them. Sort the programme by time?")
            if ask.confirm(self, _("Programme order"), question.format(rows=", ".join(str(r + 1) for r in disorder))):
                self.programme_model.sorted_by_time()
        record = self.record()
        errors = rules.problems(record)
        if errors:
            self.show_errors(errors)
            return
        taken = [] if record.status == "cancelled" else clashes.event_clashes(record)
        if taken:
            question = "\n".join(clash.message for clash in taken) + "\n\n" + _("Save anyway?")
            if not ask.confirm(self, _("The venue is taken"), question):
                self.tabs.setCurrentIndex(0)
                self.venue_box.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        self.result_record = record
        self._initial = copy.deepcopy(record)
        super().accept()

    def reject(self) -> None:
        if self.is_modified():
            answer = ask.save_discard_cancel(self, self.windowTitle(), _("Save the changes to this event?"))
            if answer == "save":
                self.save()
                return
            if answer == "cancel":
                return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.isVisible() and self.result() == QDialog.DialogCode.Rejected and self.is_modified():
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)
