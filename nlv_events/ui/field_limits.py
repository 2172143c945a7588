"""The editor's text fields stop typing at the length the rules allow (one table: core/limits.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from nlv_events.core import limits


def apply(field_widgets: dict[str, QWidget]) -> None:
    """Set each one-line field's maximum length from the table, by the field name the rules use."""
    for field, widget in field_widgets.items():
        limit = limits.MAX_LENGTH.get(field)
        if limit is None:
            continue
        if isinstance(widget, QComboBox):
            widget = widget.lineEdit()
        if isinstance(widget, QLineEdit):
            widget.setMaxLength(limit)
