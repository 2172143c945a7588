"""The main window's status bar: how many events are shown, and what a search finds in the other years."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton

from nlv_events.i18n import _, ngettext
from nlv_events.services.events import event_store
from nlv_events.ui.events.kind_navigator import KIND_ROLE
from nlv_events.ui.shell.widgets import ElidedLabel


class WindowStatus:
    """Mixed into MainWindow (ui/shell/main_window.py): the counts and the "search all years" hint."""

    def _build_status_bar(self) -> None:
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
            everywhere = event_store.count(kind=kind, search=text, status=status)
            others = everywhere - event_store.count(year=year, kind=kind, search=text, status=status)
        if others <= 0:
            self.widen_button.hide()
            return
        if shown == 0:
            hint = _("None in {year} — {count} in other years.").format(year=year, count=others)
        else:
            hint = _("{count} more in other years.").format(count=others)
        self.status_label.setText(self.status_label.text() + " · " + hint)
        self.widen_button.show()
