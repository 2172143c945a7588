"""The exhibition's sections and items as a tree the user can drag to reorder (sections on top, items below)."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from nlv_events.core.exhibit_records import ExhibitData, ItemEntry, SectionEntry, roman, type_label
from nlv_events.i18n import _

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def _item_line(item: ItemEntry) -> str:
    details = " – ".join(part for part in (item.creator, item.year, item.call_number) if part)
    line = f"{item.title} ({details})" if details else item.title
    return f"{line} ×{item.quantity}" if item.quantity != 1 else line


class ExhibitTreeModel(QStandardItemModel):
    """Sections as top-level rows, their items as children. Sections take drops of items; items take none, so a
    drag moves an item within or between sections and a section among sections."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        # The rows carry only a key into this table: a drag serialises the rows' data, which a Python object
        # cannot survive.
        self._entries: dict[int, SectionEntry | ItemEntry] = {}
        self.setHorizontalHeaderLabels([_("Sections and items"), _("Type"), _("Source")])

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def _key(self, entry: SectionEntry | ItemEntry) -> int:
        key = len(self._entries) + 1
        self._entries[key] = entry
        return key

    def entry(self, index) -> SectionEntry | ItemEntry | None:
        """The section or item a row (any column) stands for."""
        if not index.isValid():
            return None
        return self._entries.get(index.siblingAtColumn(0).data(KEY_ROLE))

    def _node_entry(self, node: QStandardItem) -> SectionEntry | ItemEntry | None:
        return self._entries.get(node.data(KEY_ROLE))

    def set_data(self, data: ExhibitData) -> None:
        self.removeRows(0, self.rowCount())
        self._entries = {}
        for section in data.sections:
            self.appendRow(self._section_row(section))
        self._renumber()

    def _section_row(self, section: SectionEntry) -> list[QStandardItem]:
        node = QStandardItem(section.title)
        node.setData(self._key(SectionEntry(title=section.title, id=section.id)), KEY_ROLE)
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
        node.setData(self._key(copy.copy(item)), KEY_ROLE)
        node.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled)
        return [node, self._plain(type_label(item.item_type)), self._plain(item.lender or _("Library stacks"))]

    def refresh_item(self, node: QStandardItem, item: ItemEntry) -> None:
        self._entries[node.data(KEY_ROLE)] = copy.copy(item)
        node.setText(_item_line(item))
        parent = node.parent() or self.invisibleRootItem()
        parent.child(node.row(), 1).setText(type_label(item.item_type))
        parent.child(node.row(), 2).setText(item.lender or _("Library stacks"))

    def _renumber(self) -> None:
        for row in range(self.rowCount()):
            node = self.item(row, 0)
            entry = self._node_entry(node)
            if isinstance(entry, SectionEntry):
                node.setText(_("Part {number}. {title}").format(number=roman(row + 1), title=entry.title))

    def exhibit_data(self, base: ExhibitData) -> ExhibitData:
        """What the tree shows, as data: the sections and items in their order, with `base`'s loans and flag. An
        item dropped between sections joins the section above it; a section dropped into another follows it."""
        sections: list[SectionEntry] = []

        def walk(node: QStandardItem) -> None:
            for row in range(node.rowCount()):
                child = node.child(row, 0)
                entry = self._node_entry(child)
                if isinstance(entry, SectionEntry):
                    sections.append(SectionEntry(title=entry.title, id=entry.id))
                    walk(child)
                elif isinstance(entry, ItemEntry):
                    if not sections:
                        sections.append(SectionEntry(title=_("Items from the catalogue")))
                    sections[-1].items.append(copy.copy(entry))
                    walk(child)  # an item dropped onto an item: keep it, after its host

        walk(self.invisibleRootItem())
        return ExhibitData(sections=sections, loans=base.loans, count_override=base.count_override)
