"""The main window's filters: the year, status and kind chosen, the search typed, and the rows they show."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, Qt

from nlv_events import APP_NAME
from nlv_events.core import vocab
from nlv_events.i18n import _
from nlv_events.services.events import event_store, row_prefetch
from nlv_events.ui.events.event_table_model import load_rows
from nlv_events.ui.events.kind_navigator import KIND_ROLE
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.workers import BackgroundTask

ALL_YEARS = 0


class WindowFilters:
    """Mixed into MainWindow (ui/shell/main_window.py), whose widgets it uses: the year box, status box,
    navigator, search box, table and calendar."""

    def _fill_status_box(self) -> None:
        current = self.status_box.currentData() or ""
        self.status_box.blockSignals(True)
        self.status_box.clear()
        self.status_box.addItem(_("All"), "")
        for code in vocab.STATUSES:
            self.status_box.addItem(vocab.label("status", code), code)
        self.status_box.setCurrentIndex(max(0, self.status_box.findData(current)))
        self.status_box.blockSignals(False)

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
        years = event_store.years_with_events()
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

    def _load_in_background(self, year: int | None, keep: int | None) -> None:
        """Loading tens of thousands of rows takes about a second: off the GUI thread, said in the status bar (no
        dialog: the window stays in use)."""
        if self.loading:
            return
        self.loading = True

        def job(progress, is_cancelled) -> list:
            ahead = row_prefetch.take(year)  # read ahead while the window was being built (app.run_gui)
            return load_rows(year) if ahead is None else ahead

        task = BackgroundTask(self, _("Loading the events…"), job, quiet=True)  # the status bar says so
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
        shown = self.selections_shown
        if keep is None or not self.select_event(keep):
            self._select_first()
        if self.selections_shown == shown:  # the same row as before: the selection did not move, the pane did not
            self._selection_changed()  # follow it, and the event in that row may be another now
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
