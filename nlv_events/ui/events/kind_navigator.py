"""The navigator on the left: every kind of event with how many the current filters show."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

from nlv_events.core import vocab
from nlv_events.i18n import _
from nlv_events.ui.shell import translation
from nlv_events.ui.shell.table_models import Index

ALL_KINDS = ""
KIND_ROLE = Qt.ItemDataRole.UserRole + 10


class KindNavigatorModel(QAbstractListModel):
    """ "All events (32)", "Triển lãm (20)", …; the kind code is under KIND_ROLE ("" for all)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._codes = [ALL_KINDS, *vocab.KINDS]
        self._counts: Counter[str] = Counter()
        translation.translate_ui(self.retranslate)

    def set_counts(self, counts: Counter[str]) -> None:
        self._counts = counts
        self.dataChanged.emit(self.index(0), self.index(len(self._codes) - 1), [Qt.ItemDataRole.DisplayRole])

    def retranslate(self) -> None:
        self.dataChanged.emit(self.index(0), self.index(len(self._codes) - 1), [Qt.ItemDataRole.DisplayRole])

    def row_of(self, code: str) -> int:
        return self._codes.index(code) if code in self._codes else 0

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._codes)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._codes):
            return None
        code = self._codes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            label = _("All events") if code == ALL_KINDS else vocab.label("kind", code)
            count = sum(self._counts.values()) if code == ALL_KINDS else self._counts.get(code, 0)
            return f"{label} ({count})"
        if role == KIND_ROLE:
            return code
        return None
