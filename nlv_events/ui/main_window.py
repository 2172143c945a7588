"""The main window: navigator, event table and calendar, detail pane; menus, toolbar and shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStyle,
    QTableView,
    QTabWidget,
    QToolBar,
    QWidget,
)

from nlv_events import APP_NAME, __version__, i18n
from nlv_events.core import queries, store, vocab
from nlv_events.core.errors import ConflictError, UserError
from nlv_events.core.records import EventRecord
from nlv_events.core.settings import Settings
from nlv_events.i18n import _, ngettext
from nlv_events.services import interchange, planning, workspace
from nlv_events.ui import ask, plan_menu
from nlv_events.ui.calendar_view import CalendarView
from nlv_events.ui.detail_pane import DetailPane
from nlv_events.ui.event_editor import EventEditor
from nlv_events.ui.event_table_model import ID_ROLE, EventFilterProxy, EventTableModel, load_rows
from nlv_events.ui.guest_printing import GuestPrintActions
from nlv_events.ui.kind_navigator import KIND_ROLE, KindNavigatorModel
from nlv_events.ui.undo_commands import DeleteEventCommand, SaveEventCommand
from nlv_events.ui.workers import BackgroundTask

ALL_YEARS = 0
# More rows than this load off the GUI thread (a year of 10 000 events loads in about 0.1 s; all 100 000 in 1 s).
LOAD_IN_BACKGROUND = 20_000
# Windows has no icon theme: Qt's own style icons stand in for the freedesktop names.
_STYLE_ICONS = {
    "document-new": QStyle.StandardPixmap.SP_FileIcon,
    "edit-copy": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "edit-delete": QStyle.StandardPixmap.SP_TrashIcon,
    "edit-undo": QStyle.StandardPixmap.SP_ArrowBack,
    "edit-redo": QStyle.StandardPixmap.SP_ArrowForward,
    "document-print": QStyle.StandardPixmap.SP_FileDialogContentsView,
    "view-refresh": QStyle.StandardPixmap.SP_BrowserReload,
    "document-open": QStyle.StandardPixmap.SP_DialogOpenButton,
    "application-exit": QStyle.StandardPixmap.SP_DialogCloseButton,
    "x-year-list": QStyle.StandardPixmap.SP_FileDialogListView,
    "x-tallies": QStyle.StandardPixmap.SP_ComputerIcon,
}


class _Cancelled(Exception):
    """The user pressed Cancel: the work stops and its transaction is rolled back."""


def _cancellable(progress, is_cancelled):
    def report(done: int, total: int) -> None:
        if is_cancelled():
            raise _Cancelled
        progress(done, total)

    return report


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
        self.app_settings = app_settings or Settings()
        self.preview = None
        self.loading = False
        self.task: BackgroundTask | None = None
        self._database_label = database_label
        self.setObjectName("MainWindow")
        self.undo_stack = QUndoStack(self)
        self._refusals: list[UserError] = []
        # Opening dialogs goes through these, so tests (and later features) can stand in for them.
        self.open_editor: Callable[[EventRecord, str | None], EventRecord | None] = self._run_editor

        self.model = EventTableModel(self)
        self.proxy = EventFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.navigator_model = KindNavigatorModel(self)

        self.navigator = QListView(self)
        self.navigator.setObjectName("kindNavigator")
        self.navigator.setModel(self.navigator_model)
        self.navigator.setMinimumWidth(190)
        self.navigator.setCurrentIndex(self.navigator_model.index(0))
        self.navigator.selectionModel().currentChanged.connect(self._kind_chosen)

        self.table = QTableView(self)
        self.table.setObjectName("eventTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
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
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([180, 860, 280])
        self.setCentralWidget(self.splitter)

        self.year_box = QComboBox(self)
        self.year_box.setObjectName("yearBox")
        self.year_box.setMinimumContentsLength(10)
        self.status_box = QComboBox(self)
        self.status_box.setObjectName("statusBox")
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(300)
        self.year_label = QLabel(self)
        self.status_label_filter = QLabel(self)

        self._build_actions()
        self._build_toolbar()
        self.plan_menu = plan_menu.install(self)  # the Plan menu of nlv_events/ui/plan_menu.py

        # Filtering runs on each keystroke, once typing pauses briefly, so fast typing stays smooth.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(120)
        self._search_timer.timeout.connect(self._apply_search)
        self.search_box.textChanged.connect(self._search_timer.start)
        self.year_box.currentIndexChanged.connect(self._year_chosen)
        self.status_box.currentIndexChanged.connect(self._status_chosen)
        # A bound method, not a lambda: Qt disconnects it when the window goes, before the stack is emptied.
        self.undo_stack.indexChanged.connect(self._undo_index_changed)

        self.status_label = QLabel(self)
        self.statusBar().addWidget(self.status_label, 1)
        self.database_status = QLabel(self)
        self.statusBar().addPermanentWidget(self.database_status)

        self.retranslate()
        self._restore_filters()
        self.reload_years()
        self.resize(1320, 760)

    # --- actions, menus and toolbar --------------------------------------------------------------------------------

    def _action(self, slot, shortcut=None, icon: str | None = None) -> QAction:
        action = QAction(self)
        if icon:
            fallback = _STYLE_ICONS.get(icon)
            action.setIcon(QIcon.fromTheme(icon, self.style().standardIcon(fallback) if fallback else QIcon()))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(self.new_event, QKeySequence.StandardKey.New, "document-new")
        self.edit_action = self._action(lambda: self.edit_event(self.current_event_id()), "Return", "document-edit")
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.duplicate_action = self._action(self.duplicate_event, "Ctrl+D", "edit-copy")
        self.next_year_action = self._action(self.duplicate_to_next_year, "Ctrl+Shift+D")
        self.delete_action = self._action(self.delete_event, QKeySequence.StandardKey.Delete, "edit-delete")
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(self.delete_action)
        self.deleted_action = self._action(self.show_deleted_events)
        # Own actions rather than createUndoAction(): their text follows our catalogs and language switch.
        self.undo_action = self._action(self.undo_change, QKeySequence.StandardKey.Undo, "edit-undo")
        self.redo_action = self._action(self.redo_change, "Ctrl+Shift+Z", "edit-redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])
        self.demo_action = self._action(self.load_demo)
        self.print_action = self._action(
            lambda: self.print_programme("a4"), QKeySequence.StandardKey.Print, "document-print"
        )
        self.booklet_action = self._action(lambda: self.print_programme("booklet"), "Ctrl+Shift+P")
        self.year_list_action = self._action(self.print_year_list, "Ctrl+L", "x-year-list")
        self.tallies_action = self._action(self.show_tallies, "Ctrl+T", "x-tallies")
        self.import_action = self._action(self.import_file, QKeySequence.StandardKey.Open, "document-open")
        self.export_action = self._action(self.export_file, "Ctrl+E")
        self.settings_action = self._action(self.show_settings, QKeySequence.StandardKey.Preferences)
        self.backup_action = self._action(self.back_up_now)
        self.restore_action = self._action(self.restore_backup)
        self.reload_action = self._action(self.reload, "F5", "view-refresh")
        self.find_action = self._action(self._focus_search, QKeySequence.StandardKey.Find, "edit-find")
        self.quit_action = self._action(self.close, QKeySequence.StandardKey.Quit, "application-exit")
        self.about_action = self._action(self.show_about)
        self.guide_action = self._action(self.show_guide, QKeySequence.StandardKey.HelpContents, "help-contents")
        self.log_action = self._action(self.open_log_folder)

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

        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        for action in (
            self.print_action,
            self.booklet_action,
            self.year_list_action,
            self.tallies_action,
            None,
            self.import_action,
            self.export_action,
            self.demo_action,
            None,
            self.settings_action,
            None,
            self.quit_action,
        ):
            self.file_menu.addSeparator() if action is None else self.file_menu.addAction(action)
        self.guest_printing = GuestPrintActions(
            self, self.file_menu, self.tallies_action, self.current_event_id, self.show_pdf
        )
        self.edit_menu = bar.addMenu("")
        for action in (
            self.undo_action,
            self.redo_action,
            None,
            self.new_action,
            self.edit_action,
            self.duplicate_action,
            self.next_year_action,
            None,
            self.delete_action,
            self.deleted_action,
        ):
            self.edit_menu.addSeparator() if action is None else self.edit_menu.addAction(action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(self.find_action)
        self.view_menu.addAction(self.reload_action)
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.addActions(self.language_actions.actions())
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.guide_action)
        self.help_menu.addAction(self.log_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        actions = QToolBar(self)
        actions.setObjectName("mainToolbar")
        actions.setMovable(False)
        actions.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (
            self.new_action,
            self.duplicate_action,
            self.delete_action,
            None,
            self.undo_action,
            self.redo_action,
            None,
            self.print_action,
            self.year_list_action,
            self.tallies_action,
        ):
            actions.addSeparator() if action is None else actions.addAction(action)
        self.addToolBar(actions)
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
        self.toolbar = actions
        self.filter_toolbar = filters
        self.addToolBar(filters)

    def retranslate(self) -> None:
        """Set every visible text in the language in force (called again when the language changes)."""
        self.setWindowTitle(f"{APP_NAME} – {_('National Library of Vietnam')}")
        self.year_label.setText(_("Year:") + " ")
        self.status_label_filter.setText("  " + _("Status:") + " ")
        self.search_box.setPlaceholderText(_("Search titles, themes, venues, partners, people (accents optional)…"))
        self.file_menu.setTitle(_("&File"))
        self.edit_menu.setTitle(_("&Edit"))
        self.view_menu.setTitle(_("&View"))
        self.help_menu.setTitle(_("&Help"))
        self.language_menu.setTitle(_("&Language"))
        self.guest_printing.retranslate()
        texts = {
            self.new_action: _("&New event"),
            self.edit_action: _("&Open event"),
            self.duplicate_action: _("D&uplicate"),
            self.next_year_action: _("Duplicate to &next year"),
            self.delete_action: _("&Delete"),
            self.deleted_action: _("Deleted &events…"),
            self.demo_action: _("Load &demo data (year 2022)"),
            self.print_action: _("&Print programme…"),
            self.booklet_action: _("Print programme as a &booklet…"),
            self.year_list_action: _("&Year-end list…"),
            self.tallies_action: _("&Tallies…"),
            self.import_action: _("&Import from a file…"),
            self.export_action: _("E&xport to a file…"),
            self.settings_action: _("&Settings…"),
            self.backup_action: _("&Back up now"),
            self.restore_action: _("&Restore from a backup…"),
            self.reload_action: _("&Reload"),
            self.find_action: _("&Find"),
            self.quit_action: _("&Quit"),
            self.about_action: _("&About NLV Events"),
            self.guide_action: _("&User guide"),
            self.log_action: _("Open &log folder"),
        }
        for action, text in texts.items():
            action.setText(text)
        self._update_undo_texts()
        self.views.setTabText(0, _("List"))
        self.views.setTabText(1, _("Calendar"))
        self.database_status.setText(_("Database: {name}").format(name=self._database_label))
        if self.year_box.count():
            self.year_box.setItemText(0, _("All years"))
        self._fill_status_box()
        self.proxy.set_language(i18n.current_language())
        self.model.refresh_texts()
        self.navigator_model.retranslate()
        self.calendar.retranslate()
        self.detail.show_event(self.current_event_id())
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
        self.proxy.set_status(status)
        kind = str(self._settings.value("filters/kind", "") or "")
        self.navigator.setCurrentIndex(self.navigator_model.index(self.navigator_model.row_of(kind)))
        self.proxy.set_kind(kind)
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
        # Widths from the font, not resizeColumnToContents(), which measures every row.
        metrics = self.table.fontMetrics()
        self.table.setColumnWidth(0, 130)
        self.table.setColumnWidth(2, metrics.horizontalAdvance("00:00–00:00 00/00/0000") + 24)
        self.table.setColumnWidth(3, 170)
        self.table.setColumnWidth(4, metrics.horizontalAdvance(_("Confirmed") + "MM") + 24)
        self._update_counts()
        if keep is None or not self.select_event(keep):
            self._select_first()
        self._selection_changed()
        self.rows_loaded.emit()

    def _select_first(self) -> None:
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def _update_counts(self) -> None:
        self.navigator_model.set_counts(self.model.kind_counts())
        self._update_status()

    def _year_chosen(self) -> None:
        self._settings.setValue("filters/year", self.year_box.currentData())
        self.reload()

    def _status_chosen(self) -> None:
        status = self.status_box.currentData() or ""
        self._settings.setValue("filters/status", status)
        self.proxy.set_status(status)
        self._update_counts()

    def _kind_chosen(self) -> None:
        kind = self.navigator.currentIndex().data(KIND_ROLE) or ""
        self._settings.setValue("filters/kind", kind)
        self.proxy.set_kind(kind)
        self._update_counts()

    def _apply_search(self) -> None:
        self.proxy.set_search(self.search_box.text())
        self._update_counts()

    def _focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _update_status(self) -> None:
        shown, total = self.model.matching_count(), len(self.model.all_rows())
        text = ngettext("{shown} of {total} event", "{shown} of {total} events", total).format(shown=shown, total=total)
        self.status_label.setText(text)

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
        for action in (
            self.edit_action,
            self.duplicate_action,
            self.next_year_action,
            self.delete_action,
            self.print_action,
            self.booklet_action,
        ):
            action.setEnabled(has_event)

    def _selection_changed(self) -> None:
        self.detail.show_event(self.current_event_id())
        self._update_actions()

    # --- the selected event -------------------------------------------------------------------------------------

    def current_event_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.index(index.row(), 0).data(ID_ROLE)

    def select_event(self, event_id: int) -> bool:
        row = self.model.row_of(event_id)
        if row is None:
            return False
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not proxy_index.isValid():
            return False
        self.table.setCurrentIndex(proxy_index)
        self.table.scrollTo(proxy_index)
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
        if self.current_event_id() != event_id and self.proxy.is_filtering():
            self.search_box.clear()
            self.proxy.set_search("")
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
        import datetime as dt

        kind = self.navigator.currentIndex().data(KIND_ROLE) or "exhibition"
        year = self.selected_year()
        today = dt.date.today()
        start = today if year in (None, today.year) else dt.date(year, 1, 1)
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
        record = self.open_editor(planning.duplicate(store.load_record(event_id)), _("Duplicate event"))
        if record is not None:
            self._push(SaveEventCommand(None, record, self._after_change, self._refused))

    def duplicate_to_next_year(self) -> None:
        event_id = self.current_event_id()
        if event_id is None:
            return
        twin = planning.duplicate_to_next_year(store.load_record(event_id))
        record = self.open_editor(twin, _("Duplicate to next year"))
        if record is not None:
            self._push(SaveEventCommand(None, record, self._after_change, self._refused))

    def delete_event(self) -> None:
        event_id = self.current_event_id()
        if event_id is None:
            return
        title = store.load_record(event_id).title
        question = _("Delete “{title}”? It can be restored from Edit → Deleted events, or undone.").format(title=title)
        if ask.confirm(self, _("Delete event"), question):
            self._push(DeleteEventCommand(event_id, title, self._after_change))

    def show_deleted_events(self) -> None:
        from nlv_events.ui.deleted_dialog import DeletedEventsDialog

        DeletedEventsDialog(self, self.undo_stack, self._after_change).exec()

    # --- other commands -------------------------------------------------------------------------------------------

    def load_demo(self) -> None:
        try:
            summary = workspace.load_demo()
        except UserError as error:
            ask.warn(self, APP_NAME, str(error))
            return
        self.reload_years()
        self.statusBar().showMessage(workspace.demo_message(summary), 8000)

    # --- printing, tallies, files, settings ----------------------------------------------------------------------

    def show_pdf(self, pdf: bytes, name: str, title: str) -> None:
        from nlv_events.ui.pdf_preview import PdfPreview

        self.preview = PdfPreview(pdf, name, title, self)
        self.preview.open()

    def print_programme(self, layout: str = "a4") -> None:
        event_id = self.current_event_id()
        if event_id is not None:
            from nlv_events.ui import printing  # ReportLab loads when first needed, not at start

            self.task = printing.print_programme(self, event_id, self.show_pdf, layout)

    def print_year_list(self) -> None:
        year = self.selected_year() or (queries.years_with_events() or [None])[0]
        if year is None:
            ask.inform(self, _("Year-end list"), _("There are no events yet."))
            return
        from nlv_events.ui import printing

        self.task = printing.print_year_list(self, year, self.show_pdf)

    def show_tallies(self) -> None:
        from nlv_events.ui.tallies_view import TalliesDialog

        self.tallies_dialog = TalliesDialog(self.selected_year(), self)
        self.tallies_dialog.open()

    def import_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Import events"), "", _("NLV Events data (*.json)"))
        if path:
            self.import_from(path)

    def import_from(self, path: str) -> None:
        """Import in the background with progress and Cancel; text in the old TCVN3 encoding is converted only
        after the user says so (the command line asks the same through --convert-legacy)."""
        try:
            document = workspace.read_for_import(path)
        except interchange.LegacyTextError as error:
            question = f"{error} " + _("Convert them to Unicode and import?")
            if not ask.confirm(self, _("Import events"), question):
                ask.inform(self, _("Import events"), _("Nothing was imported."))
                return
            document = workspace.read_for_import(path, convert_legacy=True)
        except UserError as error:
            ask.warn(self, _("Import events"), str(error))
            return

        def job(progress, is_cancelled):
            return workspace.import_document(document, _cancellable(progress, is_cancelled))

        def done(summary) -> None:
            self.reload_years()
            ask.inform(self, _("Import events"), workspace.import_message(path, summary))

        self.task = BackgroundTask(self, _("Importing {file}…").format(file=Path(path).name), job)
        self.task.done.connect(done)
        self.task.error.connect(lambda message: ask.warn(self, _("Import events"), message))
        self.task.start()

    def export_file(self) -> None:
        year = self.selected_year()
        name = f"nlv-events-{year}.json" if year else "nlv-events.json"
        path, _filter = QFileDialog.getSaveFileName(self, _("Export events"), name, _("NLV Events data (*.json)"))
        if path:
            self.export_to(path, year)

    def export_to(self, path: str, year: int | None) -> None:
        def job(progress, is_cancelled):
            return workspace.export_file(path, year, _cancellable(progress, is_cancelled))

        self.task = BackgroundTask(self, _("Exporting to {file}…").format(file=Path(path).name), job)
        self.task.done.connect(
            lambda count: self.statusBar().showMessage(workspace.export_message(path, count), 8000)
        )
        self.task.error.connect(lambda message: ask.warn(self, _("Export events"), message))
        self.task.start()

    def _backups_folder(self) -> Path:
        return workspace.backups_folder(self.database_target, self.app_settings)

    def back_up_now(self) -> None:
        from nlv_events.services import backup

        try:
            made = backup.backup_to(self.database_target, self._backups_folder() / backup.backup_name())
        except UserError as error:
            ask.warn(self, _("Back up"), str(error))
            return
        ask.inform(self, _("Back up"), _("Backed up the database to {file}.").format(file=made))

    def restore_backup(self) -> None:
        try:
            folder = self._backups_folder()
        except UserError as error:
            ask.warn(self, _("Restore"), str(error))
            return
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Restore from a backup"), str(folder), _("NLV Events backups (*.sqlite3)")
        )
        if path:
            self.restore_from(Path(path))

    def restore_from(self, path: Path) -> bool:
        from nlv_events.services import backup

        question = _(
            "Replace the current record with the backup {file}? The record as it is now is backed up first."
        ).format(file=path.name)
        if not ask.confirm(self, _("Restore"), question):
            return False
        try:
            safety = backup.restore(self.database_target, path, self._backups_folder())
        except UserError as error:
            ask.warn(self, _("Restore"), str(error))
            return False
        self.undo_stack.clear()
        self.reload_years()
        ask.inform(
            self,
            _("Restore"),
            _("Restored the database from {file}; the database as it was is kept in {safety}.").format(
                file=path, safety=safety
            ),
        )
        return True

    def show_settings(self) -> None:
        from nlv_events.ui.settings_dialog import SettingsDialog

        before = self.app_settings.get("database")
        dialog = SettingsDialog(self.app_settings, self)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        if self.app_settings.get("language") != i18n.current_language():
            self.set_language(self.app_settings.get("language"))
        if self.app_settings.get("database") != before:
            ask.inform(self, _("Settings"), _("The new database is used from the next start of NLV Events."))

    def set_language(self, language: str) -> None:
        i18n.setup_i18n(language)
        self.app_settings.set("language", language)
        self.app_settings.save()
        for action in self.language_actions.actions():
            action.setChecked(action.data() == language)
        self.retranslate()
        self.language_changed.emit(language)

    def show_guide(self) -> None:
        from nlv_events.ui.help_viewer import UserGuide

        self.guide = UserGuide(self)
        self.guide.open()

    def open_log_folder(self) -> None:
        from nlv_events.ui import crash

        crash.open_log_folder()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            _("About NLV Events"),
            _(
                "{app} {version}\nPlanning, recording and reporting the public events of the "
                "National Library of Vietnam."
            ).format(app=APP_NAME, version=__version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/splitter", self.splitter.saveState())
        super().closeEvent(event)
