"""The main window: navigator, event table and calendar, detail pane; menus and toolbar come from ui/shell/actions.py.

How to add a window action: see nlv_events/ui/shell/actions.py; an editor tab: see nlv_events/ui/events/event_editor.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListView,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolBar,
    QWidget,
)

from nlv_events import APP_NAME, i18n
from nlv_events.core import queries, store, vocab
from nlv_events.core.errors import ConflictError, UserError
from nlv_events.core.records import EventRecord
from nlv_events.core.settings import Settings, current_settings
from nlv_events.i18n import _, ngettext
from nlv_events.services.events import copying
from nlv_events.services.workspace import record, sample_data
from nlv_events.ui.events.calendar_view import CalendarView
from nlv_events.ui.events.detail_pane import DetailPane
from nlv_events.ui.events.event_editor import EventEditor
from nlv_events.ui.events.event_table_model import ID_ROLE, EventTableModel, load_rows
from nlv_events.ui.events.event_table_view import EventTableView
from nlv_events.ui.events.kind_navigator import KIND_ROLE, KindNavigatorModel
from nlv_events.ui.events.undo_commands import DeleteEventCommand, RemoveSampleCommand, SaveEventCommand
from nlv_events.ui.guests.printing_menu import GuestPrintActions
from nlv_events.ui.planning import plan_menu
from nlv_events.ui.shell import (
    actions,
    ask,
    main_actions,  # noqa: F401 - registers the window's actions
    translation,
)
from nlv_events.ui.shell.widgets import ElidedLabel, SearchLine
from nlv_events.ui.shell.workers import BackgroundTask

ALL_YEARS = 0
# More rows than this load off the GUI thread (a year of 10 000 events loads in about 0.1 s; all 100 000 in 1 s).
LOAD_IN_BACKGROUND = 20_000
# Talks and conferences begin at the office's usual hour unless told otherwise.
TIMED_KINDS = {"talk": dt.time(8, 0), "conference": dt.time(8, 0)}


def new_event_start(kind: str, year: int | None, today: dt.date) -> dt.date:
    """Where a new event starts: today, or today's day and month in the year being looked at."""
    day = today
    if year is not None and year != today.year:
        try:
            day = today.replace(year=year)
        except ValueError:  # 29 February
            day = today.replace(year=year, day=28)
    time = TIMED_KINDS.get(kind)
    return dt.datetime.combine(day, time) if time else day


class MainWindow(QMainWindow):
    language_changed = Signal(str)
    rows_loaded = Signal()

    def __init__(
        self,
        settings: QSettings,
        database_label: str,
        app_settings: Settings | None = None,
        database_target: str | None = None,
    ) -> None:
        super().__init__()
        self.database_target = database_target or database_label
        self._settings = settings
        self.app_settings = app_settings or current_settings()
        self.preview = None
        self.loading = False
        self.task: BackgroundTask | None = None
        self._database_label = database_label
        self.setObjectName("MainWindow")
        self.undo_stack = QUndoStack(self)
        self._refusals: list[UserError] = []
        # Opening dialogs goes through these, so tests (and later features) can stand in for them.
        self.open_editor: Callable[[EventRecord, str | None], EventRecord | None] = self._run_editor
        self.choose_year_copy: Callable[[EventRecord], EventRecord | None] = self._run_duplicate_dialog

        self.model = EventTableModel(self)
        self.navigator_model = KindNavigatorModel(self)

        self.navigator = QListView(self)
        self.navigator.setObjectName("kindNavigator")
        self.navigator.setModel(self.navigator_model)
        self.navigator.setMinimumWidth(190)
        self.navigator.setCurrentIndex(self.navigator_model.index(0))
        self.navigator.selectionModel().currentChanged.connect(self._kind_chosen)

        self.table = EventTableView(self.model, self)
        self.table.activated.connect(lambda index: self.edit_event(self.current_event_id()))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())

        self.calendar = CalendarView(self)
        self.calendar.event_activated.connect(self.edit_event)
        self.views = QTabWidget(self)
        self.views.addTab(self.table, "")
        self.views.addTab(self.calendar, "")

        self.detail = DetailPane(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.views)
        self.splitter.addWidget(self.detail)
        # The table takes what the window gains or loses: on a 1280-pixel screen the title keeps half of it.
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([200, 880, 240])
        self.setCentralWidget(self.splitter)

        self.year_box = QComboBox(self)
        self.year_box.setObjectName("yearBox")
        self.year_box.setMinimumContentsLength(10)
        self.status_box = QComboBox(self)
        self.status_box.setObjectName("statusBox")
        self.search_box = SearchLine(self)
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(300)
        self.year_label = QLabel(self)
        self.status_label_filter = QLabel(self)

        self._build_actions()
        self._build_toolbar()
        self.plan_menu = plan_menu.install(self)  # the Plan menu of nlv_events/ui/planning/plan_menu.py

        # Filtering runs on each keystroke, once typing pauses briefly, so fast typing stays smooth.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(120)
        self._search_timer.timeout.connect(self._apply_search)
        self.search_box.textChanged.connect(self._search_timer.start)
        self.search_box.to_results.connect(self.go_to_results)
        self._hint_timer = QTimer(self)
        self._hint_timer.setSingleShot(True)
        self._hint_timer.setInterval(400)
        self._hint_timer.timeout.connect(self._update_widen_hint)
        self.year_box.currentIndexChanged.connect(self._year_chosen)
        self.status_box.currentIndexChanged.connect(self._status_chosen)
        # A bound method, not a lambda: Qt disconnects it when the window goes, before the stack is emptied.
        self.undo_stack.indexChanged.connect(self._undo_index_changed)

        self.status_label = QLabel(self)
        self.statusBar().addWidget(self.status_label, 1)
        # A search that finds little in the chosen year says what the other years hold, one click away.
        self.widen_button = QPushButton(self)
        self.widen_button.setObjectName("widenSearch")
        self.widen_button.setFlat(True)
        self.widen_button.setStyleSheet("color:#1565C0; text-decoration:underline;")
        self.widen_button.clicked.connect(self.search_all_years)
        self.widen_button.hide()
        self.statusBar().addWidget(self.widen_button)
        self.database_status = ElidedLabel(self)
        self.statusBar().addPermanentWidget(self.database_status, 1)

        translation.translate_ui(self.retranslate)
        self._restore_filters()
        self.reload_years()
        self.resize(1320, 760)

    # --- actions, menus and toolbar --------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        """Actions, menus and toolbar from the registry (shell/actions.py; the window's own: shell/main_actions.py)."""
        self.actions = actions.build(self)
        self.table.addAction(self.delete_action)
        self.file_menu, self.edit_menu = self.menus["file"], self.menus["edit"]
        self.view_menu, self.help_menu = self.menus["view"], self.menus["help"]
        self.guest_printing = GuestPrintActions(
            self, self.file_menu, self.tallies_action, self.current_event_id, self.show_pdf
        )
        self.guest_printing.set_enabled(False)  # until an event is selected
        self.language_actions = QActionGroup(self)
        self.language_actions.setExclusive(True)
        self.language_vi = QAction("Tiếng Việt", self, checkable=True)
        self.language_vi.setData("vi")
        self.language_en = QAction("English", self, checkable=True)
        self.language_en.setData("en")
        for action in (self.language_vi, self.language_en):
            self.language_actions.addAction(action)
            action.setChecked(action.data() == i18n.current_language())
        self.language_actions.triggered.connect(lambda action: self.set_language(action.data()))
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.addActions(self.language_actions.actions())

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        actions.fill_toolbar(toolbar, self.actions)
        self.addToolBar(toolbar)
        # The filters get a row of their own, so the search box never disappears into the toolbar's overflow.
        self.addToolBarBreak()
        filters = QToolBar(self)
        filters.setObjectName("filterToolbar")
        filters.setMovable(False)
        filters.addWidget(self.year_label)
        filters.addWidget(self.year_box)
        filters.addWidget(self.status_label_filter)
        filters.addWidget(self.status_box)
        spacer = QWidget(self)
        spacer.setFixedWidth(8)
        filters.addWidget(spacer)
        filters.addWidget(self.search_box)
        self.toolbar = toolbar
        self.filter_toolbar = filters
        self.addToolBar(filters)

    def retranslate(self) -> None:
        """Set every visible text in the language in force (called again on each change of language)."""
        self.setWindowTitle(f"{APP_NAME} – {_('National Library of Vietnam')}")
        self.year_label.setText(_("Year:") + " ")
        self.status_label_filter.setText("  " + _("Status:") + " ")
        self.search_box.setPlaceholderText(_("Search titles, themes, venues, partners, people (accents optional)…"))
        actions.retranslate(self)
        self.language_menu.setTitle(_("&Language"))
        self.guest_printing.retranslate()
        self._update_undo_texts()
        self.views.setTabText(0, _("List"))
        self.views.setTabText(1, _("Calendar"))
        self.database_status.setText(_("Database: {name}").format(name=self._database_label))
        self.widen_button.setText(_("Search all years"))
        if self.year_box.count():
            self.year_box.setItemText(0, _("All years"))
        self._fill_status_box()
        # The navigator shows whole labels with their counts, in either language.
        widest = max(
            self.navigator.fontMetrics().horizontalAdvance(f"{vocab.label('kind', code)} (000)") for code in vocab.KINDS
        )
        self.navigator.setMinimumWidth(min(widest + 36, 300))
        self.table.fit_columns()
        self._update_status()

    def _fill_status_box(self) -> None:
        current = self.status_box.currentData() or ""
        self.status_box.blockSignals(True)
        self.status_box.clear()
        self.status_box.addItem(_("All"), "")
        for code in vocab.STATUSES:
            self.status_box.addItem(vocab.label("status", code), code)
        self.status_box.setCurrentIndex(max(0, self.status_box.findData(current)))
        self.status_box.blockSignals(False)

    # --- filters and data -------------------------------------------------------------------------------------------

    def _restore_filters(self) -> None:
        status = str(self._settings.value("filters/status", "") or "")
        self.status_box.setCurrentIndex(max(0, self.status_box.findData(status)))
        self.model.set_status(status)
        kind = str(self._settings.value("filters/kind", "") or "")
        self.navigator.setCurrentIndex(self.navigator_model.index(self.navigator_model.row_of(kind)))
        self.model.set_kind(kind)
        splitter = self._settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def selected_year(self) -> int | None:
        year = self.year_box.currentData()
        return None if year in (None, ALL_YEARS) else int(year)

    def reload_years(self) -> None:
        """Refill the year selector, keeping the chosen year (or the saved one, or the newest)."""
        had_years = self.year_box.count() > 1
        wanted = self.year_box.currentData() if had_years else self._settings.value("filters/year")
        years = queries.years_with_events()
        self.year_box.blockSignals(True)
        self.year_box.clear()
        self.year_box.addItem(_("All years"), ALL_YEARS)
        for year in years:
            self.year_box.addItem(str(year), year)
        index = self.year_box.findData(int(wanted)) if wanted not in (None, "") else -1
        if index < 0:
            index = 1 if years else 0
        self.year_box.setCurrentIndex(index)
        self.year_box.blockSignals(False)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        keep = select if select is not None else self.current_event_id()
        year = self.selected_year()
        if queries.events(year=year).count() > LOAD_IN_BACKGROUND:
            self._load_in_background(year, keep)
            return
        self._show_rows(year, load_rows(year), keep)

    def _load_in_background(self, year: int | None, keep: int | None) -> None:
        """Loading tens of thousands of rows takes about a second: off the GUI thread, with progress."""
        if self.loading:
            return
        self.loading = True

        def job(progress, is_cancelled) -> list:
            return load_rows(year)

        task = BackgroundTask(self, _("Loading the events…"), job)
        task.done.connect(lambda rows: self._loaded(year, rows, keep))
        task.error.connect(lambda message: (self._load_failed(), ask.warn(self, APP_NAME, message)))
        task.cancelled.connect(self._load_failed)
        self.statusBar().showMessage(_("Loading the events…"))
        self.task = task
        task.start()

    def _loaded(self, year: int | None, rows: list, keep: int | None) -> None:
        self.loading = False
        self.statusBar().clearMessage()
        if year == self.selected_year():
            self._show_rows(year, rows, keep)
        else:
            self.reload(keep)  # the year changed while loading

    def _load_failed(self) -> None:
        self.loading = False
        self.statusBar().clearMessage()

    def _show_rows(self, year: int | None, rows: list, keep: int | None) -> None:
        self.model.set_rows(rows)
        self.calendar.set_events(rows)
        if year is not None and self.calendar.grid.month.year != year and rows:
            first = rows[0].start
            self.calendar.show_month(first if hasattr(first, "year") else self.calendar.grid.month)
        self.table.fit_columns()
        self._update_counts()
        if keep is None or not self.select_event(keep):
            self._select_first()
        self._selection_changed()
        self.rows_loaded.emit()

    def _select_first(self) -> None:
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _update_counts(self) -> None:
        self.navigator_model.set_counts(self.model.kind_counts())
        self._update_status()

    def _year_chosen(self) -> None:
        self._settings.setValue("filters/year", self.year_box.currentData())
        self.reload()

    def _status_chosen(self) -> None:
        status = self.status_box.currentData() or ""
        self._settings.setValue("filters/status", status)
        self._filters_changed(lambda: self.model.set_status(status))

    def _kind_chosen(self) -> None:
        kind = self.navigator.currentIndex().data(KIND_ROLE) or ""
        self._settings.setValue("filters/kind", kind)
        self._filters_changed(lambda: self.model.set_kind(kind))

    def _apply_search(self) -> None:
        self._filters_changed(lambda: self.model.set_search(self.search_box.text()))

    def _filters_changed(self, change: Callable[[], None]) -> None:
        """Apply a filter; the selected event stays selected while it matches, else the pane clears."""
        change()
        self._update_counts()
        self._selection_changed()

    def go_to_results(self) -> None:
        """From the search box to the list, on the first event found (Enter there opens it)."""
        self._search_timer.stop()
        self._apply_search()
        if self.model.rowCount() == 0:
            return
        self.views.setCurrentWidget(self.table)
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def search_all_years(self) -> None:
        self.year_box.setCurrentIndex(0)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _update_status(self) -> None:
        shown, total = self.model.matching_count(), len(self.model.all_rows())
        text = ngettext("{shown} of {total} event", "{shown} of {total} events", total).format(shown=shown, total=total)
        self.status_label.setText(text)
        if total == 0:
            self.table.set_placeholder(
                _("No event recorded yet: press New event (Ctrl+N), or File → Load demo data to look around.")
            )
        else:
            self.table.set_placeholder(_("No event matches the year, kind, status or search chosen."))
        self.widen_button.hide()
        self._hint_timer.start()

    def _update_widen_hint(self) -> None:
        """With a year chosen and a search typed, say how many events the other years hold (once typing has paused
        a little longer than the filter waits: two counts over every year cost more than a keystroke should)."""
        shown = self.model.matching_count()
        year, text = self.selected_year(), self.search_box.text().strip()
        others = 0
        if year is not None and text and not self.loading:
            kind = self.navigator.currentIndex().data(KIND_ROLE) or None
            status = self.status_box.currentData() or None
            everywhere = queries.events(kind=kind, search=text, status=status).count()
            others = everywhere - queries.events(year=year, kind=kind, search=text, status=status).count()
        if others <= 0:
            self.widen_button.hide()
            return
        if shown == 0:
            hint = _("None in {year} — {count} in other years.").format(year=year, count=others)
        else:
            hint = _("{count} more in other years.").format(count=others)
        self.status_label.setText(self.status_label.text() + " · " + hint)
        self.widen_button.show()

    def _undo_index_changed(self, _index: int) -> None:
        self._update_undo_texts()
        self._update_actions()

    def _update_undo_texts(self) -> None:
        undo, redo = self.undo_stack.undoText(), self.undo_stack.redoText()
        self.undo_action.setText(_("&Undo"))
        self.redo_action.setText(_("&Redo"))
        self.undo_action.setToolTip(_("Undo {what}").format(what=undo) if undo else _("Undo"))
        self.redo_action.setToolTip(_("Redo {what}").format(what=redo) if redo else _("Redo"))
        self.undo_action.setEnabled(self.undo_stack.canUndo())
        self.redo_action.setEnabled(self.undo_stack.canRedo())

    def _update_actions(self) -> None:
        has_event = self.current_event_id() is not None
        actions.update_enabled(self, has_event)
        if hasattr(self, "guest_printing"):
            self.guest_printing.set_enabled(has_event)

    def _selection_changed(self) -> None:
        self.detail.show_event(self.current_event_id())
        self._update_actions()

    # --- the selected event -------------------------------------------------------------------------------------

    def current_event_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.index(index.row(), 0).data(ID_ROLE)

    def select_event(self, event_id: int) -> bool:
        row = self.model.row_of(event_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _after_change(self, event_id: int | None) -> None:
        self.reload_years() if event_id is None else self._reload_showing(event_id)

    def _reload_showing(self, event_id: int) -> None:
        """Reload and select `event_id`, switching to its year (and clearing filters that hide it)."""
        year = store.start_year(event_id)
        years = queries.years_with_events()
        if self.year_box.count() - 1 != len(years):
            self.reload_years()
        if self.selected_year() not in (None, year):
            self.year_box.blockSignals(True)
            self.year_box.setCurrentIndex(max(0, self.year_box.findData(year)))
            self.year_box.blockSignals(False)
            self._settings.setValue("filters/year", year)
        self.reload(select=event_id)
        if self.current_event_id() != event_id and self.model.is_filtering():
            self.search_box.clear()
            self.model.set_search("")
            self.navigator.setCurrentIndex(self.navigator_model.index(0))
            self.status_box.setCurrentIndex(0)
            self.select_event(event_id)

    # --- editing ----------------------------------------------------------------------------------------------------

    def _run_editor(self, record: EventRecord, heading: str | None) -> EventRecord | None:
        editor = EventEditor(record, self, heading)
        if editor.exec() == EventEditor.DialogCode.Accepted:
            return editor.result_record
        return None

    def _push(self, command) -> None:
        self._on_stack(lambda: self.undo_stack.push(command))

    def undo_change(self) -> None:
        self._on_stack(self.undo_stack.undo)

    def redo_change(self) -> None:
        self._on_stack(self.undo_stack.redo)

    def _on_stack(self, change) -> None:
        """Run an undo-stack change; a conflict with a colleague's save (or any refusal) is told, not raised."""
        self._refusals.clear()
        try:
            change()
        except UserError as error:
            self._refusals.append(error)
        if self._refusals:
            ask.warn(self, APP_NAME, str(self._refusals[0]))
            self.reload()

    def _refused(self, error: UserError) -> None:
        self._refusals.append(error)

    def new_event(self) -> None:
        kind = self.navigator.currentIndex().data(KIND_ROLE) or "exhibition"
        start = new_event_start(kind, self.selected_year(), dt.date.today())
        record = self.open_editor(EventRecord(kind=kind, title="", start=start), _("New event"))
        if record is not None:
            self._push(SaveEventCommand(None, record, self._after_change, self._refused))

    def edit_event(self, event_id: int | None) -> None:
        if event_id is None:
            return
        try:
            before = store.load_record(event_id)
        except UserError as error:
            ask.warn(self, APP_NAME, str(error))
            self.reload()
            return
        after = self.open_editor(before, None)
        if after is None:
            return
        try:
            store.ensure_unchanged(before)
        except ConflictError as error:
            question = error.message + "\n\n" + _("Save your version over theirs? (No keeps theirs.)")
            if not ask.confirm(self, _("Someone else saved this event"), question):
                self.reload(select=event_id)
                return
            before = store.load_record(event_id)  # overwrite: undo then brings theirs back
        except UserError as error:
            ask.warn(self, APP_NAME, str(error))
            self.reload()
            return
        self._push(SaveEventCommand(before, after, self._after_change, self._refused))

    def duplicate_event(self) -> None:
        event_id = self.current_event_id()
        if event_id is None:
            return
        record = self.open_editor(copying.duplicate(store.load_record(event_id)), _("Duplicate event"))
        if record is not None:
            self._push(SaveEventCommand(None, record, self._after_change, self._refused))

    def duplicate_to_next_year(self) -> None:
        """Duplicate to a chosen year (next year unless changed), with the proposed text changes ticked."""
        event_id = self.current_event_id()
        if event_id is None:
            return
        twin = self.choose_year_copy(store.load_record(event_id))
        if twin is None:
            return
        record = self.open_editor(twin, _("Duplicate to another year"))
        if record is not None:
            self._push(SaveEventCommand(None, record, self._after_change, self._refused))

    def _run_duplicate_dialog(self, record: EventRecord) -> EventRecord | None:
        from nlv_events.ui.events.duplicate_year_dialog import DuplicateYearDialog

        dialog = DuplicateYearDialog(record, self)
        return dialog.result_record() if dialog.exec() == DuplicateYearDialog.DialogCode.Accepted else None

    def delete_event(self) -> None:
        event_id = self.current_event_id()
        if event_id is None:
            return
        title = store.load_record(event_id).title
        question = _("Delete “{title}”? It can be restored from Edit → Deleted events, or undone.").format(title=title)
        if ask.confirm(self, _("Delete event"), question):
            self._push(DeleteEventCommand(event_id, title, self._after_change))

    def show_deleted_events(self) -> None:
        from nlv_events.ui.events.deleted_dialog import DeletedEventsDialog

        DeletedEventsDialog(self, self.undo_stack, self._after_change).exec()

    # --- other commands -------------------------------------------------------------------------------------------

    def load_demo(self) -> None:
        count = queries.events().count()
        if count and not sample_data.sample_event_ids():
            question = ngettext(
                "This record already holds {count} event. Add the 32 sample events of the demo year 2022 to it? "
                "They are marked as sample data; File → Remove sample data takes them out again.",
                "This record already holds {count} events. Add the 32 sample events of the demo year 2022 to it? "
                "They are marked as sample data; File → Remove sample data takes them out again.",
                count,
            ).format(count=count)
            if not ask.confirm(self, _("Load demo data"), question):
                return
        try:
            summary = record.load_demo()
        except UserError as error:
            ask.warn(self, APP_NAME, str(error))
            return
        self.reload_years()
        self.statusBar().showMessage(record.demo_message(summary), 8000)

    def remove_sample_data(self) -> None:
        ids = sample_data.sample_event_ids()
        if not ids:
            ask.inform(self, _("Remove sample data"), _("There is no sample data in this record."))
            return
        question = ngettext(
            "Remove the {count} sample event? Undo (Ctrl+Z) brings it back.",
            "Remove the {count} sample events? Undo (Ctrl+Z) brings them back.",
            len(ids),
        ).format(count=len(ids))
        if ask.confirm(self, _("Remove sample data"), question):
            self._push(RemoveSampleCommand(ids, self._after_change))

    def show_venues(self) -> None:
        from nlv_events.ui.events.venues_dialog import VenuesDialog

        self.venues_dialog = VenuesDialog(self.undo_stack, self._after_change, self)
        self.venues_dialog.exec()

    # --- printing, tallies, files, settings ----------------------------------------------------------------------

    def show_pdf(self, pdf: bytes, name: str, title: str) -> None:
        from nlv_events.ui.shell.pdf_preview import PdfPreview

        self.preview = PdfPreview(pdf, name, title, self)
        self.preview.open()

    def print_programme(self, layout: str = "a4") -> None:
        event_id = self.current_event_id()
        if event_id is not None:
            from nlv_events.ui.shell import printing  # ReportLab loads when first needed, not at start

            self.task = printing.print_programme(self, event_id, self.show_pdf, layout)

    def print_year_list(self) -> None:
        year = self.selected_year() or (queries.years_with_events() or [None])[0]
        if year is None:
            ask.inform(self, _("Year-end list"), _("There are no events yet."))
            return
        from nlv_events.ui.shell import printing

        self.task = printing.print_year_list(self, year, self.show_pdf)

    def show_tallies(self) -> None:
        from nlv_events.ui.reports.tallies_view import TalliesDialog

        self.tallies_dialog = TalliesDialog(self.selected_year(), self)
        self.tallies_dialog.open()

    def import_from(self, path: str) -> None:
        from nlv_events.ui.shell import file_actions

        file_actions.import_from(self, path)

    def export_to(self, path: str, year: int | None) -> None:
        from nlv_events.ui.shell import file_actions

        file_actions.export_to(self, path, year)

    def set_language(self, language: str) -> None:
        self.app_settings.set("language", language)
        self.app_settings.save()
        for action in self.language_actions.actions():
            action.setChecked(action.data() == language)
        translation.set_language(language)  # every widget that asked (translate_ui) re-translates itself
        self.language_changed.emit(language)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/splitter", self.splitter.saveState())
        super().closeEvent(event)
