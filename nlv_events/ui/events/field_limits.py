"""The editor's text fields say how long they may be (one table: core/limits.py), and never cut what is pasted:
a text over the limit stays whole in the field and Save refuses it beside the field, naming the limit."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from nlv_events.core import limits
from nlv_events.i18n import _


def apply(field_widgets: dict[str, QWidget]) -> None:
    """Tell each one-line field's limit in its tooltip, by the field name the rules use."""
    for field, widget in field_widgets.items():
        limit = limits.MAX_LENGTH.get(field)
        if limit is None:
            continue
        if isinstance(widget, QComboBox):
            widget = widget.lineEdit()
        if isinstance(widget, QLineEdit):
            widget.setToolTip(_("At most {limit} characters.").format(limit=limit))
