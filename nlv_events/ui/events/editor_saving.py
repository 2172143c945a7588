"""Saving the event form: every problem shown beside its field, venue clashes, and closing with unsaved changes."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
)

from nlv_events.core import rules, vocab, when
from nlv_events.core.errors import ValidationError
from nlv_events.core.records import EventRecord
from nlv_events.i18n import _, ngettext
from nlv_events.i18n.formats import format_day
from nlv_events.services.events import clashes
from nlv_events.ui.shell import ask


class EditorSaving:
    """Mixed into EventEditor (ui/events/event_editor.py)."""

    def update_clashes(self) -> None:
        try:
            found = clashes.all_clashes(self.record())
        except Exception:  # an unfinished form (no start yet, say) has nothing to clash with
            found = []
        self.clash_label.setText("\n".join("⚠ " + clash.message for clash in found))
        self.clash_label.setVisible(bool(found))

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
        if not self._length_accepted(record):
            return
        # a cancelled event holds no room; a clash accepted before is not asked again
        taken = [] if record.status == "cancelled" else clashes.clashes_to_confirm(record, self._initial)
        if taken:
            question = "\n".join(clash.message for clash in taken) + "\n\n" + _("Save anyway?")
            if not ask.confirm(self, _("The venue is taken"), question):
                self.tabs.setCurrentIndex(0)
                self.venue_box.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        self.result_record = record
        self._initial = copy.deepcopy(record)
        super().accept()

    def _length_accepted(self, record: EventRecord) -> bool:
        """A talk or conference saved over many days is asked about (an end left behind when the start moved):
        only when its days were changed, so an event already stored so is not asked about again."""
        days = rules.unusually_long(record)
        if days is None or self._event_days() == (when.day_of(self._initial.start), when.day_of(
                self._initial.end or self._initial.start)):
            return True
        question = _("A “{kind}” usually takes a day, but this one lasts {days} days, from {start} to {end}. "
                     "Save it with this end?").format(
            kind=vocab.label("kind", record.kind), days=days, start=format_day(when.day_of(record.start)),
            end=format_day(when.day_of(record.end)))
        if ask.confirm(self, _("A long event"), question):
            return True
        self.tabs.setCurrentIndex(0)
        self.end_date.setFocus(Qt.FocusReason.OtherFocusReason)
        return False

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
