"""The editor's "Lịch sử" tab: every saved version of the event, who saved it and what changed; a version shown
whole and restored as a new change (the restore is itself in the history; nothing is overwritten). A choice above
the table shows the event's whole history, or only its exhibition's or its guest list's, each version of which is
shown and restored the same way."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nlv_events import APP_NAME
from nlv_events.core import rules
from nlv_events.core.errors import NothingToRestore, UserError
from nlv_events.core.records import EventRecord
from nlv_events.i18n import N_, _, pgettext
from nlv_events.i18n.formats import format_moment
from nlv_events.services.team import history, history_words, part_history, permissions
from nlv_events.ui.events import editor_tabs
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.widgets import push_button
from nlv_events.ui.team import window_team

if TYPE_CHECKING:
    from nlv_events.ui.events.event_editor import EventEditor

# What the tab shows: the event with all that is saved under it, or one part (the kind its entries name).
_PARTS = (
    (None, N_("The event (all changes)")), ("exhibit", N_("Its exhibition")), ("guest_list", N_("Its guest list"))
)


def when_saved(at: str) -> str:
    """The moment of an entry as the office writes it ("17:22 06/12/2026"), not as the database keeps it."""
    try:
        return format_moment(dt.datetime.fromisoformat(at))
    except ValueError:
        return at


class HistoryTab(QWidget):
    def __init__(self, editor: EventEditor) -> None:
        super().__init__(editor)
        self.setObjectName("historyTab")
        self.editor = editor
        self.event_id: int | None = None
        self.changes: list[history.Change] = []
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.part_choice = QComboBox(self)
        self.part_choice.setObjectName("historyPart")
        for part, label in _PARTS:
            self.part_choice.addItem(_(label), part)
        self.part_choice.currentIndexChanged.connect(self.refresh)
        self.part_versions: dict[str, int] = {}  # each part's version as this tab last read it: a restore checks it
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("historyTable")
        self.table.setHorizontalHeaderLabels([_("Version"), pgettext("saved", "When"), _("Who"), _("What")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("historyDetails")
        self.details.setReadOnly(True)
        self.restore_button = push_button(self, _("Restore this version"), self._restore, "restoreVersion")
        self.restore_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.part_choice)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.restore_button)
        self.banner: QLabel | None = None
        window_team.hub().saved.connect(self._colleague_saved)
        QTimer.singleShot(0, self._limit_to_role)

    def _limit_to_role(self) -> None:
        """A viewer may open an event to read it, not save it: Save is disabled, saying why."""
        allowed, why = permissions.may("edit")
        button = getattr(self.editor, "save_button", None)
        if not allowed and button is not None:
            button.setEnabled(False)
            button.setToolTip(why)

    def _colleague_saved(self, found: list) -> None:
        """A colleague saved this event while it is open here: say so at once, before Save would be refused."""
        if self.event_id is None or not any(saved.kind == "event" and saved.id == self.event_id for saved in found):
            return
        who = ", ".join(sorted({saved.by for saved in found if saved.id == self.event_id}))
        if self.banner is None:
            self.banner = QLabel(self.editor)
            self.banner.setObjectName("colleagueSaved")
            self.banner.setWordWrap(True)
            self.banner.setStyleSheet("background:#FFF4CE; color:#5C4400; padding:4px; border-radius:3px;")
            self.editor.layout().insertWidget(0, self.banner)
        self.banner.setText(
            _(
                "A colleague ({who}) has just saved this event. Your changes here would be refused: close the "
                "form, or see what they changed in the History tab."
            ).format(who=who)
        )
        self.banner.show()
        self.refresh()

    def load(self, record: EventRecord) -> None:
        self.event_id = record.id
        self.refresh()

    def store(self, record: EventRecord) -> None:
        """The history is read, never typed into: nothing goes back into the record."""

    def refresh(self) -> None:
        self.table.setRowCount(0)
        self.details.clear()
        if self.event_id is None:
            self.changes = []
            self.note.setText(_("The history starts when the event is first saved."))
            return
        try:
            self.changes = history.changes_of(self.event_id, self.part_choice.currentData())
            self.part_versions = {
                part: part_history.current_version(self.event_id, part) for part in part_history.PARTS
            }
        except UserError as error:
            self.changes = []
            self.note.setText(str(error))
            return
        self.note.setText(_("Every save of this event, newest at the bottom. Choose a version to see it."))
        for change in self.changes:
            row = self.table.rowCount()
            self.table.insertRow(row)
            what = history_words.entry_words(change.kind, change.action)
            cells = ("" if change.version is None else str(change.version), when_saved(change.at), change.by, what)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()  # the moment on one line, not wrapped in two
        self.table.scrollToBottom()

    def _selected(self) -> history.Change | None:
        rows = self.table.selectionModel().selectedRows()
        return self.changes[rows[0].row()] if rows else None

    def _show_selected(self) -> None:
        change = self._selected()
        if change is None:
            self.details.clear()
            self.restore_button.setEnabled(False)
            return
        lines = [history.describe(change).replace("; ", "\n")]
        restorable = self._restorable(change)
        if restorable and change.kind == "event":
            earlier = history.version_of(change.record_id, change.version)  # type: ignore[arg-type]
            lines += ["", _("The event at version {version}:").format(version=change.version)]
            lines += [f"{rules.field_label(name)}: {value}" for name, value in _shown_fields(earlier)]
        elif restorable:
            earlier_part = part_history.part_at(change.record_id, change.kind, change.version)  # type: ignore[arg-type]
            lines += ["", _("Version {version} of {part}:").format(part=_(part_history.PARTS[change.kind]),
                                                                  version=change.version)]
            lines += part_history.lines(change.kind, earlier_part)
        self.details.setPlainText("\n".join(lines))
        allowed, why = permissions.may("restore")
        self.restore_button.setEnabled(allowed and restorable)
        self.restore_button.setToolTip(why)

    def _restorable(self, change: history.Change) -> bool:
        """An event's version with its snapshot, or a version of a part the history keeps whole."""
        if change.version is None or self.event_id is None:
            return False
        if change.kind == "event":
            return change.has_snapshot
        return change.kind in part_history.PARTS and change.version in part_history.versions(self.event_id,
                                                                                              change.kind)

    def _restore(self) -> None:
        change = self._selected()
        if change is None or change.version is None or self.event_id is None:
            return
        if change.kind == "event":
            question = _(
                "Save the event as it was at version {version}? It becomes a new version (nothing is overwritten); "
                "changes not saved in this form are dropped."
            ).format(version=change.version)
        else:
            question = _(
                "Save {part} as it was at version {version}? It becomes a new version (nothing is overwritten); "
                "changes not saved in this form are dropped."
            ).format(part=_(part_history.PARTS[change.kind]), version=change.version)
        if not ask.confirm(self, _("Restore an earlier version"), question):
            return
        try:
            if change.kind == "event":
                history.restore(self.event_id, change.version)
            else:
                part_history.restore_part(self.event_id, change.kind, change.version, self.part_versions[change.kind])
        except NothingToRestore as error:
            ask.inform(self, _("Restore an earlier version"), str(error))  # the form is as it was: it stays open
            return
        except UserError as error:
            ask.warn(self, APP_NAME, str(error))
            return
        event_id, window = self.event_id, self.editor.parent()
        QDialog.done(self.editor, QDialog.DialogCode.Rejected)  # the form's copy is out of date now
        if window is not None and hasattr(window, "reload"):
            QTimer.singleShot(0, lambda: window.reload(select=event_id))


def _shown_fields(record: EventRecord) -> list[tuple[str, str]]:
    shown = []
    for name in ("title", "start", "end", "venue", "status"):
        value = getattr(record, name)
        if value not in (None, ""):
            shown.append((name, str(value)))
    for row in record.programme:
        shown.append(("programme", f"{row.start} {row.title}"))
    return shown


editor_tabs.register_tab("history", N_("History"), HistoryTab)
