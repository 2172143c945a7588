"""The event editor's "Báo chí" tab: the articles, broadcasts and posts about the event, added and removed at once
(each checked as the command line checks it: an outlet, a title, a link starting with http:// or https://)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nlv_events.core.errors import UserError
from nlv_events.i18n import N_, _
from nlv_events.services.attachments import attachment_files
from nlv_events.services.press import articles
from nlv_events.ui.events import editor_tabs
from nlv_events.ui.events.editor_tabs import StoredEventTab
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.dialogs import date_field
from nlv_events.ui.shell.widgets import left_row, saved_at_once_note

ARTICLE_ID = Qt.ItemDataRole.UserRole
HEADERS = (N_("Date"), N_("Outlet"), N_("Medium"), N_("Article title"), N_("Link"))


class PressTab(StoredEventTab):
    def __init__(self, editor: QWidget | None = None) -> None:
        super().__init__(editor)
        self.setObjectName("PressTab")
        self.waiting = QLabel(_("Save the event first; then its press coverage can be added here."), self)
        self.outlet_edit = QLineEdit(self)
        self.outlet_edit.setObjectName("outlet")
        self.outlet_edit.setPlaceholderText(_("e.g. Nhân Dân, VTV1"))
        self.day_edit = date_field(self)
        self.day_edit.setObjectName("day")
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("title")
        self.url_edit = QLineEdit(self)
        self.url_edit.setObjectName("url")
        self.url_edit.setPlaceholderText("https://…")
        self.kind_box = QComboBox(self)
        self.kind_box.setObjectName("kind")
        for kind in articles.KIND_LABELS:
            self.kind_box.addItem(articles.kind_label(kind), kind)
        self.clipping_box = QComboBox(self)  # one of the event's attachments: the scanned article
        self.clipping_box.setObjectName("clipping")
        self.add_button = QPushButton(_("Add article"), self)
        self.remove_button = QPushButton(_("Remove"), self)
        self.add_button.clicked.connect(self.add_article)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("articles")
        self.table.setHorizontalHeaderLabels([_(header) for header in HEADERS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        form = QFormLayout()
        for label, field in ((_("Outlet"), self.outlet_edit), (_("Date"), self.day_edit), (_("Medium"), self.kind_box),
                             (_("Article title"), self.title_edit), (_("Link"), self.url_edit),
                             (_("Clipping"), self.clipping_box)):  # fmt: skip
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.waiting)
        layout.addWidget(saved_at_once_note(self))
        layout.addLayout(form)
        layout.addLayout(left_row(self.add_button, self.remove_button))
        layout.addWidget(self.table, 1)
        self.enable(False)

    def enable(self, stored: bool) -> None:
        self.waiting.setVisible(not stored)
        self.add_button.setEnabled(stored)
        self.remove_button.setEnabled(stored)

    def reload(self) -> None:
        listed = articles.articles(self.event_id) if self.event_id is not None else []
        self._fill_clippings()
        self.table.setRowCount(len(listed))
        for row, article in enumerate(listed):
            values = (article.day.strftime("%d/%m/%Y"), article.outlet, articles.kind_label(article.kind),
                      article.title, article.url)  # fmt: skip
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(ARTICLE_ID, article.id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    def _fill_clippings(self) -> None:
        """The event's attachments, as they are now (the Attachments tab may have added one since)."""
        self.clipping_box.clear()
        self.clipping_box.addItem(_("(none)"), None)
        for attached in attachment_files.attachments(self.event_id) if self.event_id is not None else []:
            self.clipping_box.addItem(attached.original_name, attached.id)

    def showEvent(self, event: QShowEvent) -> None:
        self._fill_clippings()
        super().showEvent(event)

    def add_article(self) -> None:
        if self.event_id is None:
            return
        article = articles.Article(self.outlet_edit.text(), self.day_edit.date().toPython(), self.title_edit.text(),
                                   self.url_edit.text(), self.kind_box.currentData(),
                                   clipping_id=self.clipping_box.currentData())  # fmt: skip
        try:
            articles.add(self.event_id, article)
        except UserError as error:
            ask.warn(self, _("Press coverage"), str(error))
            return
        for edit in (self.title_edit, self.url_edit):
            edit.clear()
        self.reload()

    def remove_selected(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is None:
            return
        try:
            articles.remove(item.data(ARTICLE_ID))
        except UserError as error:
            ask.warn(self, _("Press coverage"), str(error))
        self.reload()


editor_tabs.register_tab("press", N_("Press coverage"), PressTab)
