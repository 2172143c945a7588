"""The form beside the exhibition tree: every field of the selected item, applied when a field is left."""

from __future__ import annotations

import copy

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from nlv_events.core.exhibit_records import ITEM_TYPES, ItemEntry, type_label
from nlv_events.i18n import N_, _
from nlv_events.ui.shell.widgets import TextBox

# The item's one-line fields and their labels: what it is, where it was published, where it comes from, its state.
_LINES = (
    ("title", N_("Item title")), ("creator", N_("Author")),
    ("place", N_("Place of publication")), ("publisher", N_("Publisher")), ("year", N_("Year")),
    ("call_number", N_("Call number")), ("lender", N_("Lent by (empty: the library's stacks)")),
    ("condition", N_("Condition")), ("physical", N_("Physical description")), ("note", N_("Notes")),
)  # fmt: skip


class ItemForm(QWidget):
    """Emits `changed` with the edited item when the user leaves a field whose value changed."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._item: ItemEntry | None = None
        self._filling = False
        form = QFormLayout(self)
        self.lines: dict[str, QLineEdit] = {}
        for name, label in _LINES:
            line = QLineEdit(self)
            line.setObjectName(f"item_{name}")
            line.editingFinished.connect(self._apply)
            self.lines[name] = line
            form.addRow(_(label), line)
            if name == "call_number":
                self.type_box = QComboBox(self)
                for code in ITEM_TYPES:
                    self.type_box.addItem(type_label(code), code)
                self.type_box.currentIndexChanged.connect(self._apply)
                form.addRow(_("Type"), self.type_box)
                self.quantity = QSpinBox(self)
                self.quantity.setRange(1, 100_000)
                self.quantity.editingFinished.connect(self._apply)
                form.addRow(_("Quantity"), self.quantity)
        self.caption = TextBox(self)
        self.caption.setObjectName("item_caption")
        self.caption.setPlaceholderText(_("The text printed on the item's label"))
        self.caption.setMaximumHeight(90)
        form.addRow(_("Caption"), self.caption)
        self.caption.editingFinished.connect(self._apply)  # each keystroke saved and reloaded it under the cursor
        self.set_item(None)

    def set_item(self, item: ItemEntry | None) -> None:
        self._filling = True
        self._item = copy.copy(item)
        for name, line in self.lines.items():
            line.setText(getattr(item, name) or "" if item else "")
        self.type_box.setCurrentIndex(max(0, self.type_box.findData(item.item_type if item else "book")))
        self.quantity.setValue(item.quantity if item else 1)
        self.caption.setPlainText(item.caption or "" if item else "")
        self.setEnabled(item is not None)
        self._filling = False

    def current(self) -> ItemEntry | None:
        if self._item is None:
            return None
        item = copy.copy(self._item)
        for name, line in self.lines.items():
            setattr(item, name, line.text().strip() or None)
        item.title = item.title or ""
        item.item_type = self.type_box.currentData()
        item.quantity = self.quantity.value()
        item.caption = self.caption.toPlainText().strip() or None
        return item

    def _apply(self) -> None:
        if self._filling or self._item is None:
            return
        item = self.current()
        if item is not None and item != self._item:
            self._item = copy.copy(item)
            self.changed.emit(item)
