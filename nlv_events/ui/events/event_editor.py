"""The event form: the fields each kind needs, its people and programme, validation beside the field.

How to add a tab to the editor
------------------------------
Write a QWidget in a module of your own with two methods, ``load(record)`` (show the record's part) and
``store(record)`` (write what the user entered back into the record), and register it once, at import::

    from nlv_events.i18n import N_
    from nlv_events.ui.events import editor_tabs

    editor_tabs.register_tab("guests", N_("Guests"), GuestsTab, kinds={"talk", "conference", "book_day"})

``GuestsTab(editor)`` is called with the editor (its ``undo_stack`` makes your edits undoable with the rest of
the form; ``editor.record()`` is what the form holds now). The tab shows only for ``kinds`` (every kind when
None), after the built-in tabs, in order of registration; its title is translated when the editor opens. Then
add the import of your module to ``_import_editor_tabs`` in nlv_events/ui/shell/main_actions.py: it runs when the
first editor is built (``editor_tabs.register_tabs_later``), so the window starts without your tab and its services.
(Register through ``editor_tabs``, not this module, which ``register_tab`` is also reachable from: the window
imports the editor only when an event is opened, and a tab module that imported it would bring it back into the
window's start.)
"""

from __future__ import annotations

import copy
import itertools

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nlv_events.core.records import EventRecord
from nlv_events.i18n import _
from nlv_events.ui.events import field_limits
from nlv_events.ui.events.editor_fields import EditorFields, edited_signal
from nlv_events.ui.events.editor_people import EditorPeople
from nlv_events.ui.events.editor_programme import EditorProgramme
from nlv_events.ui.events.editor_saving import EditorSaving
from nlv_events.ui.events.editor_tabs import EDITOR_TABS, EditorTab, TabSpec, register_tab, registered_tabs
from nlv_events.ui.exhibits import exhibit_tab
from nlv_events.ui.guests.guests_tab import GuestsTab
from nlv_events.ui.shell.widgets import left_row, scrolling

__all__ = ["EDITOR_TABS", "EditorTab", "EventEditor", "TabSpec", "register_tab"]


class EventEditor(EditorFields, EditorPeople, EditorProgramme, EditorSaving, QDialog):
    """Edit a copy of `record`; on Save `result_record` holds the checked record and the dialog is accepted.

    One module per role: editor_fields (the General and Description tabs), editor_people, editor_programme,
    editor_saving (problems beside their fields, clashes, Save and closing); this one puts them together."""

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
        self._build_tabs(record)
        field_limits.apply(self._field_widgets)
        self.clash_label = QLabel(self)
        self.clash_label.setObjectName("clashWarning")
        self.clash_label.setWordWrap(True)
        self.clash_label.setStyleSheet("background:#FFF4CE; color:#5C4400; padding:4px; border-radius:3px;")
        self.clash_label.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.clash_label)
        layout.addLayout(self._buttons())
        self._clash_timer = QTimer(self)
        self._clash_timer.setSingleShot(True)
        self._clash_timer.setInterval(250)
        self._clash_timer.timeout.connect(self.update_clashes)
        self._fill(record)
        self.undo_stack.clear()
        self._connect_changes()
        self._kind_changed()
        self.update_clashes()
        self._follow_the_form()

    def _build_tabs(self, record: EventRecord) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.addTab(scrolling(self._general_tab()), _("General"))
        self.tabs.addTab(self._people_tab(), _("People"))
        self.tabs.addTab(self._programme_tab(), _("Programme"))
        self.tabs.addTab(self._notes_tab(), _("Description and notes"))
        self.extra_tabs: dict[str, QWidget] = {}
        for spec in registered_tabs():
            self.extra_tabs[spec.key] = spec.create(self)
            self.tabs.addTab(self.extra_tabs[spec.key], _(spec.title))
        self.exhibit_tab = exhibit_tab.attach(self)  # sections, items and loans of an exhibition
        self.tabs.addTab(GuestsTab(record.id, self, (self.programme_model, self.programme_view)), _("Guests"))
        if record.id is not None:  # photos belong to a stored event
            from nlv_events.ui.media.photos_tab import PhotosTab

            self.photos_tab = PhotosTab(record.id, self, set_news_link=self.news_url_edit.setText)
            self.tabs.addTab(self.photos_tab, _("Photos"))

    def _buttons(self) -> QHBoxLayout:
        """Undo and Redo on the left, Save and Cancel on the right; Ctrl+S, Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y."""
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
        bottom = left_row(self.undo_button, self.redo_button)
        bottom.addWidget(buttons)
        return bottom

    def _connect_changes(self) -> None:
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.start_timed.toggled.connect(self._timed_toggled)
        self.has_end.toggled.connect(self._timed_toggled)
        # The event's days and its programme: a change to either may put a row outside the days.
        days_or_programme = (
            self.start_date.dateChanged,
            self.end_date.dateChanged,
            self.has_end.toggled,
            self.programme_model.rows_changed,
        )
        for signal in (
            *days_or_programme,
            self.start_time.timeChanged,
            self.end_time.timeChanged,
            self.venue_box.currentTextChanged,
            self.status_box.currentIndexChanged,
            self.start_timed.toggled,
        ):
            signal.connect(self._clash_timer.start)
        self._start_day = self.start_date.date().toPython()
        self.start_date.dateChanged.connect(self._start_moved)
        self.start_time.timeChanged.connect(self._start_time_moved)
        for signal in days_or_programme:
            signal.connect(self._check_programme)
        self._venue_timer = QTimer(self)
        self._venue_timer.setSingleShot(True)
        self._venue_timer.setInterval(200)
        self._venue_timer.timeout.connect(self._suggest_venue)
        self.venue_box.currentTextChanged.connect(self._venue_timer.start)
        self._check_programme()
        for field, label in self._errors.items():  # a message goes once its field is changed, not at the next Save
            signal = edited_signal(self._field_widgets.get(field))
            if signal is not None:
                signal.connect(label.hide)
        # The start and end rows are several widgets each, and a message about one ("cannot end before it starts")
        # is answered by changing either: it stayed after the times were corrected.
        for signal in (self.start_date.dateChanged, self.start_time.timeChanged, self.start_timed.toggled,
                       self.has_end.toggled, self.end_date.dateChanged, self.end_time.timeChanged):
            signal.connect(self._errors["start"].hide)
            signal.connect(self._errors["end"].hide)

    def _follow_the_form(self) -> None:
        """Tab goes down the General tab as it reads (the partners' list came first, the kind and title five
        presses later), and the editor opens with the cursor in the title: what a new event is typed from."""
        partners = self.partners
        order = [
            self.kind_box, self.title_edit, self.title_en_edit, self.theme_edit, self.occasion_edit,
            self.start_date, self.start_timed, self.start_time, self.has_end, self.end_date, self.end_time,
            self.venue_box, self.use_venue_button, self.format_box, self.status_box, self.role_box, self.audience_box,
            partners.entry, partners.add_button, partners.remove_button, partners.list,
            self.attendance, self.online_views, self.items_displayed, self.news_url_edit,
        ]  # fmt: skip
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _undo(self) -> None:
        if self.undo_stack.canUndo():
            self.undo_stack.undo()

    def _redo(self) -> None:
        if self.undo_stack.canRedo():
            self.undo_stack.redo()

    def tab_index(self, page: QWidget) -> int:
        """The index of the tab that holds `page` (some pages sit in a scroll area), or -1."""
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if tab is page or tab.isAncestorOf(page):
                return index
        return -1

    def show_tab(self, page: QWidget) -> None:
        self.tabs.setCurrentIndex(self.tab_index(page))



