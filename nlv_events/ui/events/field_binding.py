"""Reading and writing the editor's widgets by what each declared field holds (core/records.py): a new text,
code, count, venue or name-list field needs its widget in the form and nothing here."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from nlv_events.core.records import CODE, COUNT, NAMES, TEXT, VENUE, event_fields
from nlv_events.ui.shell.widgets import NameListEditor, OptionalCount

# The kinds of field the form edits with one widget each; moments, people and programme have their own editors.
BOUND_KINDS = (TEXT, CODE, COUNT, VENUE, NAMES)


def bound_fields() -> tuple[str, ...]:
    return tuple(item.name for item in event_fields(*BOUND_KINDS))


def write(widget: QWidget, value: Any) -> None:
    """Show `value` in the widget made for its field."""
    if isinstance(widget, OptionalCount):
        widget.set_count(value)
    elif isinstance(widget, NameListEditor):
        widget.set_names(list(value))
    elif isinstance(widget, QComboBox) and not widget.isEditable():
        widget.setCurrentIndex(max(0, widget.findData(value)))
    elif isinstance(widget, QComboBox):
        widget.setCurrentText(value or "")
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value or "")
    elif isinstance(widget, QLineEdit):
        widget.setText(value or "")
    else:
        raise TypeError(f"no binding for {type(widget).__name__}")


def read(widget: QWidget, required: bool = False) -> Any:
    """What the widget holds, as its field stores it (empty text is None unless the field is required)."""
    if isinstance(widget, OptionalCount):
        return widget.count()
    if isinstance(widget, NameListEditor):
        return widget.names()
    if isinstance(widget, QComboBox) and not widget.isEditable():
        return widget.currentData()
    if isinstance(widget, QComboBox):
        text = widget.currentText().strip()
    elif isinstance(widget, QPlainTextEdit):
        text = widget.toPlainText()
    elif isinstance(widget, QLineEdit):
        text = widget.text()
    else:
        raise TypeError(f"no binding for {type(widget).__name__}")
    return text if required else text or None
