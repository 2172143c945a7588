"""The main window: the year's events in a table, a search box that filters as you type, a year selector."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTableView,
    QToolBar,
)

from nlv_events import APP_NAME, __version__, i18n
from nlv_events.core import queries
from nlv_events.core.errors import UserError
from nlv_events.i18n import _, ngettext
from nlv_events.services import demo
from nlv_events.ui.event_table_model import EventFilterProxy, EventTableModel, load_rows

ALL_YEARS = 0


class MainWindow(QMainWindow):
    language_changed = Signal(str)

    def __init__(self, settings: QSettings, database_label: str) -> None:
        super().__init__()
        self._settings = settings
        self._database_label = database_label
        self.setObjectName("MainWindow")

        self.model = EventTableModel(self)
        self.proxy = EventFilterProxy(self)
        self.proxy.setSourceModel(self.model)

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
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.setCentralWidget(self.table)

        self.year_box = QComboBox(self)
        self.year_box.setObjectName("yearBox")
        self.year_box.setMinimumContentsLength(10)
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(320)
        self.year_label = QLabel(self)

        toolbar = QToolBar(self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.year_label)
        toolbar.addWidget(self.year_box)
        toolbar.addSeparator()
        toolbar.addWidget(self.search_box)
        self.addToolBar(toolbar)

        # Filtering runs on each keystroke, but only after typing pauses briefly, so fast typing stays smooth.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(120)
        self._search_timer.timeout.connect(self._apply_search)
        self.search_box.textChanged.connect(self._search_timer.start)
        self.year_box.currentIndexChanged.connect(self._year_chosen)

        self._build_actions()
        self.status_label = QLabel(self)
        self.statusBar().addWidget(self.status_label, 1)
        self.database_status = QLabel(self)
        self.statusBar().addPermanentWidget(self.database_status)

        self.retranslate()
        self.reload_years()
        self.resize(1180, 680)

    # --- actions and menus -------------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.demo_action = QAction(self)
        self.demo_action.triggered.connect(self.load_demo)
        self.reload_action = QAction(self)
        self.reload_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.reload_action.triggered.connect(self.reload)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._focus_search)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)

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

        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addAction(self.demo_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = self.menuBar().addMenu("")
        self.view_menu.addAction(self.find_action)
        self.view_menu.addAction(self.reload_action)
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.addActions(self.language_actions.actions())
        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.addAction(self.about_action)

    def retranslate(self) -> None:
        """Set every visible text in the language in force (called again when the language changes)."""
        self.setWindowTitle(f"{APP_NAME} – {_('National Library of Vietnam')}")
        self.year_label.setText(_("Year:") + " ")
        self.search_box.setPlaceholderText(_("Search titles, themes, venues, partners, people (accents optional)…"))
        self.file_menu.setTitle(_("&File"))
        self.view_menu.setTitle(_("&View"))
        self.help_menu.setTitle(_("&Help"))
        self.language_menu.setTitle(_("&Language"))
        self.demo_action.setText(_("Load &demo data (year 2022)"))
        self.reload_action.setText(_("&Reload"))
        self.find_action.setText(_("&Find"))
        self.quit_action.setText(_("&Quit"))
        self.about_action.setText(_("&About NLV Events"))
        self.database_status.setText(_("Database: {name}").format(name=self._database_label))
        if self.year_box.count():
            self.year_box.setItemText(0, _("All years"))
        self.proxy.set_language(i18n.current_language())
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self.model.layoutChanged.emit()
        self._update_status()

    # --- data ----------------------------------------------------------------------------------------------------

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

    def reload(self) -> None:
        self.model.set_rows(load_rows(self.selected_year()))
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        self.table.setColumnWidth(3, 280)
        self._update_status()

    def _year_chosen(self) -> None:
        self._settings.setValue("filters/year", self.year_box.currentData())
        self.reload()

    def _apply_search(self) -> None:
        self.proxy.set_search(self.search_box.text())
        self._update_status()

    def _focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _update_status(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = ngettext("{shown} of {total} event", "{shown} of {total} events", total).format(shown=shown, total=total)
        self.status_label.setText(text)

    def load_demo(self) -> None:
        try:
            summary = demo.load_demo()
        except UserError as error:
            QMessageBox.warning(self, APP_NAME, str(error))
            return
        self.reload_years()
        self.statusBar().showMessage(
            _(
                "Demo data loaded (sample data): {created} events added, {updated} updated, {unchanged} unchanged."
            ).format(created=summary.created, updated=summary.updated, unchanged=summary.unchanged),
            8000,
        )

    def set_language(self, language: str) -> None:
        i18n.setup_i18n(language)
        self._settings.setValue("language", language)
        self.retranslate()
        self.language_changed.emit(language)

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
        super().closeEvent(event)
