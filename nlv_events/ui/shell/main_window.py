"""The main window: navigator, event table and calendar, detail pane; menus and toolbar come from ui/shell/actions.py.

The window is put together from one module per role: window_filters (year, status, kind and search, and the rows
they show), window_status (the status bar), window_editing (changes through the undo stack), window_commands
(printing, tallies, files, demo data); this module builds the widgets, wires the menus and holds the selection.

How to add a window action: see nlv_events/ui/shell/actions.py; an editor tab: see nlv_events/ui/events/event_editor.py.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import QComboBox, QLabel, QListView, QMainWindow, QSplitter, QTabWidget, QToolBar, QWidget

from nlv_events import APP_NAME
from nlv_events.core import notices, vocab
from nlv_events.core.errors import UserError
from nlv_events.core.records import EventRecord
from nlv_events.core.settings import Settings, current_settings
from nlv_events.i18n import _
from nlv_events.services.events import event_store, row_prefetch
from nlv_events.ui.events.calendar_view import CalendarView
from nlv_events.ui.events.detail_pane import DetailPane
from nlv_events.ui.events.event_table_model import ID_ROLE, EventTableModel, load_rows
from nlv_events.ui.events.event_table_view import EventTableView
from nlv_events.ui.events.kind_navigator import KindNavigatorModel
from nlv_events.ui.guests.printing_menu import GuestPrintActions
from nlv_events.ui.planning import plan_menu
from nlv_events.ui.shell import (
    actions,
    ask,
    main_actions,  # noqa: F401 - registers the window's actions
    translation,
)
from nlv_events.ui.shell.widgets import SearchLine
from nlv_events.ui.shell.window_commands import WindowCommands
from nlv_events.ui.shell.window_editing import WindowEditing, new_event_start
from nlv_events.ui.shell.window_filters import ALL_YEARS, WindowFilters
from nlv_events.ui.shell.window_status import WindowStatus
from nlv_events.ui.shell.workers import BackgroundTask
from nlv_events.ui.tasks import tasks_menu
from nlv_events.ui.team import window_team

__all__ = ["ALL_YEARS", "LOAD_IN_BACKGROUND", "MainWindow", "new_event_start"]

# More rows than this load off the GUI thread (a year of 10 000 events loads in about 0.1 s; all 100 000 in 1 s).
LOAD_IN_BACKGROUND = 20_000


class MainWindow(WindowFilters, WindowStatus, WindowEditing, WindowCommands, QMainWindow):
    rows_loaded = Signal()
    # A warning from the work below (a printout without some characters), perhaps from a worker thread: a
    # signal brings it to the window's thread before a message box shows it.
    notice = Signal(str)

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
        self.selections_shown = 0  # how many times the detail pane followed the selection (see _show_rows)
        # Opening dialogs goes through these, so tests (and later features) can stand in for them.
        self.open_editor: Callable[[EventRecord, str | None], EventRecord | None] = self._run_editor
        self.choose_year_copy: Callable[[EventRecord], EventRecord | None] = self._run_duplicate_dialog
        self._build_views()
        self._build_filter_widgets()
        self._build_actions()
        self._build_toolbar()
        self.plan_menu = plan_menu.install(self)  # the Plan menu's dialogs and reminder: ui/planning/plan_menu.py
        self.tasks_menu = tasks_menu.install(self)  # the board, templates, staff, the overdue reminder: ui/tasks/
        self._connect_filters()
        # A bound method, not a lambda: Qt disconnects it when the window goes, before the stack is emptied.
        self.undo_stack.indexChanged.connect(self._undo_index_changed)
        self._build_status_bar()
        window_team.install(self)  # who is working, the role's limits, colleagues' saves: ui/team/window_team.py
        translation.translate_ui(self.retranslate)
        self.notice.connect(self._show_notice)
        listener = self.notice.emit
        notices.listen(listener)
        self.destroyed.connect(lambda: notices.stop_listening(listener))  # also for a window deleted unclosed
        self._restore_filters()
        self.reload_years()
        self.resize(1320, 760)

    def _build_views(self) -> None:
        """The kind navigator, the list and the calendar, the detail pane, side by side."""
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

    def _build_filter_widgets(self) -> None:
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

    def _connect_filters(self) -> None:
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

    def _build_actions(self) -> None:
        """Actions, menus and toolbar from the registry (shell/actions.py; the window's own: shell/main_actions.py)."""
        self.actions = actions.build(self)
        self.table.addAction(self.delete_action)
        self.file_menu, self.edit_menu = self.menus["file"], self.menus["edit"]
        self.view_menu, self.help_menu = self.menus["view"], self.menus["help"]
        self.language_menu = self.menus["language"]
        self.guest_printing = GuestPrintActions(self, self.current_event_id, self.show_pdf)

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
        actions.retranslate(self)  # every menu and action, and which language is ticked
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

    def reload(self, select: int | None = None) -> None:
        keep = select if select is not None else self.current_event_id()
        year = self.selected_year()
        if event_store.count(year=year) > LOAD_IN_BACKGROUND:
            self._load_in_background(year, keep)
            return
        ahead = row_prefetch.take(year)  # the rows read while the window was being built (app.run_gui), once
        self._show_rows(year, load_rows(year) if ahead is None else ahead, keep)

    def _undo_index_changed(self, _index: int) -> None:
        self._update_undo_texts()

    def _update_undo_texts(self) -> None:
        """Undo and Redo say in their tooltips what they would undo or redo."""
        undo, redo = self.undo_stack.undoText(), self.undo_stack.redoText()
        self.undo_action.setToolTip(_("Undo {what}").format(what=undo) if undo else _("Undo"))
        self.redo_action.setToolTip(_("Redo {what}").format(what=redo) if redo else _("Redo"))
        self._update_actions()

    def _update_actions(self) -> None:
        actions.update_enabled(self)  # each action by its rule: an event selected, something to undo, …
        window_team.restrict(self)

    def _selection_changed(self) -> None:
        self.selections_shown += 1
        self.detail.show_event(self.current_event_id())
        self._update_actions()

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

    def set_language(self, language: str) -> None:
        self.app_settings.set("language", language)
        self.app_settings.save()
        translation.set_language(language)  # every widget that asked (translate_ui) re-translates itself

    def _show_notice(self, message: str) -> None:
        ask.warn(self, _("NLV Events"), message)

    def closeEvent(self, event: QCloseEvent) -> None:
        notices.stop_listening(self.notice.emit)
        self.live_updates.stop()
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/splitter", self.splitter.saveState())
        super().closeEvent(event)
