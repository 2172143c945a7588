"""The exhibition's sections and items as a tree the user can drag to reorder (sections on top, items below)."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from nlv_events.core.exhibit_records import ExhibitData, ItemEntry, SectionEntry, roman, type_label
from nlv_events.i18n import _

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


def _item_line(item: ItemEntry) -> str:
    details = " – ".join(part for part in (item.creator, item.year, item.call_number) if part)
    line = f"{item.title} ({details})" if details else item.title
    return f"{line} ×{item.quantity}" if item.quantity != 1 else line


class ExhibitTreeModel(QStandardItemModel):
    """Sections as top-level rows, their items as children. Sections take drops of items; items take none, so a
    drag moves an item within or between sections and a section among sections."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels([_("Sections and items"), _("Type"), _("Source")])

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def set_data(self, data: ExhibitData) -> None:
        self.removeRows(0, self.rowCount())
        for section in data.sections:
            self.appendRow(self._section_row(section))
        self._renumber()

    def _section_row(self, section: SectionEntry) -> list[QStandardItem]:
        node = QStandardItem(section.title)
        node.setData(SectionEntry(title=section.title, id=section.id), ENTRY_ROLE)
        node.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )
        font = node.font()
        font.setBold(True)
        node.setFont(font)
        for item in section.items:
            node.appendRow(self.item_row(item))
        return [node, self._plain(""), self._plain("")]

    @staticmethod
    def _plain(value: str) -> QStandardItem:
        cell = QStandardItem(value)
        cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled)
        return cell

    def item_row(self, item: ItemEntry) -> list[QStandardItem]:
        node = QStandardItem(_item_line(item))
        node.setData(copy.copy(item), ENTRY_ROLE)
        node.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled)
        return [node, self._plain(type_label(item.item_type)), self._plain(item.lender or _("Library stacks"))]

    def refresh_item(self, node: QStandardItem, item: ItemEntry) -> None:
        node.setData(copy.copy(item), ENTRY_ROLE)
        node.setText(_item_line(item))
        parent = node.parent() or self.invisibleRootItem()
        parent.child(node.row(), 1).setText(type_label(item.item_type))
        parent.child(node.row(), 2).setText(item.lender or _("Library stacks"))

    def _renumber(self) -> None:
        for row in range(self.rowCount()):
            node = self.item(row, 0)
            entry = node.data(ENTRY_ROLE)
            if isinstance(entry, SectionEntry):
                node.setText(_("Part {number}. {title}").format(number=roman(row + 1), title=entry.title))

    def exhibit_data(self, base: ExhibitData) -> ExhibitData:
        """What the tree shows, as data: the sections and items in their order, with `base`'s loans and flag. An
        item dropped between sections joins the section above it."""
        sections: list[SectionEntry] = []
        for row in range(self.rowCount()):
            node = self.item(row, 0)
            entry = node.data(ENTRY_ROLE)
            if isinstance(entry, SectionEntry):
                section = SectionEntry(title=entry.title, id=entry.id)
                for child in range(node.rowCount()):
                    child_entry = node.child(child, 0).data(ENTRY_ROLE)
                    if isinstance(child_entry, ItemEntry):
                        section.items.append(copy.copy(child_entry))
                sections.append(section)
            elif isinstance(entry, ItemEntry):
                if not sections:
                    sections.append(SectionEntry(title=_("Items from the catalogue")))
                sections[-1].items.append(copy.copy(entry))
        return ExhibitData(sections=sections, loans=base.loans, count_override=base.count_override)
