"""The main window's editing: new, open, duplicate and delete events, through the undo stack."""

from __future__ import annotations

import datetime as dt

from nlv_events import APP_NAME
from nlv_events.core import guard
from nlv_events.core.errors import ConflictError, UserError
from nlv_events.core.records import EventRecord
from nlv_events.i18n import _, ngettext
from nlv_events.services.events import copying, event_store
from nlv_events.services.tasks import event_tasks
from nlv_events.ui.events.kind_navigator import KIND_ROLE
from nlv_events.ui.events.undo_commands import DeleteEventCommand, SaveEventCommand
from nlv_events.ui.shell import ask

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


class WindowEditing:
    """Mixed into MainWindow (ui/shell/main_window.py): each change goes on its undo stack, and a refusal (a
    colleague's later save, say) is told rather than raised."""

    def _after_change(self, event_id: int | None) -> None:
        self.reload_years() if event_id is None else self._reload_showing(event_id)

    def _reload_showing(self, event_id: int) -> None:
        """Reload and select `event_id`, switching to its year (and clearing filters that hide it)."""
        year = event_store.start_year(event_id)
        years = event_store.years_with_events()
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

    def _run_editor(self, record: EventRecord, heading: str | None) -> EventRecord | None:
        # Here, not at the top: the editor and its tabs are a quarter of the window's imports, and the window is
        # shown before anyone opens an event (issue #35).
        from nlv_events.ui.events.event_editor import EventEditor

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
            if not guard.connection_lost(self._refusals[0].__cause__ or self._refusals[0]):
                self.reload()  # (a server gone away has nothing to show: the form comes back instead)

    def _refused(self, error: UserError) -> None:
        self._refusals.append(error)

    def new_event(self) -> None:
        kind = self.navigator.currentIndex().data(KIND_ROLE) or "exhibition"
        start = new_event_start(kind, self.selected_year(), dt.date.today())
        record = self.open_editor(EventRecord(kind=kind, title="", start=start), _("New event"))
        if record is not None:
            self._save_typed(None, record)

    def edit_event(self, event_id: int | None) -> None:
        if event_id is None:
            return
        try:
            before = event_store.load(event_id)
        except UserError as error:
            ask.warn(self, APP_NAME, str(error))
            self.reload()
            return
        after = self.open_editor(before, None)
        while after is not None:
            try:
                event_store.ensure_unchanged(before)
            except ConflictError as error:
                question = error.message + "\n\n" + _("Save your version over theirs? (No keeps theirs.)")
                if not ask.confirm(self, _("Someone else saved this event"), question):
                    self.reload(select=event_id)
                    return
                before = event_store.load(event_id)  # overwrite: undo then brings theirs back
            except UserError as error:
                ask.warn(self, APP_NAME, str(error))
                if guard.connection_lost(error.__cause__ or error):
                    after = self.open_editor(after, None)  # the server went away: the form back, as typed
                    continue
                self.reload()
                return
            self._save_typed(before, after)
            return
    def _save_typed(self, before: EventRecord | None, after: EventRecord) -> None:
        """Save what the form held; when the server went away meanwhile (told in one line), the form comes back
        with everything typed, and Save works again once the server is back."""
        move_tasks = before is None or self._move_tasks_too(before, after)
        while True:
            self._push(SaveEventCommand(before, after, self._after_change, self._refused, move_tasks=move_tasks))
            if not any(guard.connection_lost(error.__cause__ or error) for error in self._refusals):
                return
            typed = self.open_editor(after, None)
            if typed is None:
                return
            after = typed

    def _move_tasks_too(self, before: EventRecord, after: EventRecord) -> bool:
        """Whether the event's open tasks move with its days: asked only when the days moved and it has some."""
        count = event_tasks.must_ask_to_move(before.id, (before.start, before.end), (after.start, after.end))
        if not count:
            return True
        question = ngettext("The event's days moved. Move its {count} open task with them?",
                            "The event's days moved. Move its {count} open tasks with them?", count)
        return ask.confirm(self, _("Move the tasks"), question.format(count=count))

    def duplicate_event(self) -> None:
        event_id = self.current_event_id()
        if event_id is None:
            return
        record = self.open_editor(copying.duplicate(event_store.load(event_id)), _("Duplicate event"))
        if record is not None:
            self._push(SaveEventCommand(None, record, self._after_change, self._refused, copied_from=event_id))

    def duplicate_to_next_year(self) -> None:
        """Duplicate to a chosen year (next year unless changed), with the proposed text changes ticked."""
        event_id = self.current_event_id()
        if event_id is None:
            return
        twin = self.choose_year_copy(event_store.load(event_id))
        if twin is None:
            return
        record = self.open_editor(twin, _("Duplicate to another year"))
        if record is not None:
            self._push(SaveEventCommand(None, record, self._after_change, self._refused, copied_from=event_id))

    def _run_duplicate_dialog(self, record: EventRecord) -> EventRecord | None:
        from nlv_events.ui.events.duplicate_year_dialog import DuplicateYearDialog

        dialog = DuplicateYearDialog(record, self)
        return dialog.result_record() if dialog.exec() == DuplicateYearDialog.DialogCode.Accepted else None

    def delete_event(self) -> None:
        event_id = self.current_event_id()
        if event_id is None:
            return
        title = event_store.load(event_id).title
        question = _("Delete “{title}”? It can be restored from Edit → Deleted events, or undone.").format(title=title)
        if ask.confirm(self, _("Delete event"), question):
            self._push(DeleteEventCommand(event_id, title, self._after_change))

    def show_deleted_events(self) -> None:
        from nlv_events.ui.events.deleted_dialog import DeletedEventsDialog

        DeletedEventsDialog(self, self.undo_stack, self._after_change).exec()
