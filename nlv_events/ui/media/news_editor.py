"""The news item editor: the draft from the record, edited, kept, exported for the website or as DOCX."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nlv_events.core.errors import UserError
from nlv_events.core.settings import Settings, current_settings
from nlv_events.i18n import _, ngettext, pgettext
from nlv_events.services.media import news
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.dialogs import dress_dialog, save_file_name
from nlv_events.ui.shell.widgets import wide_row
from nlv_events.ui.shell.workers import BackgroundTask


class NewsEditor(QDialog):
    def __init__(
        self,
        event_id: int,
        parent: QWidget | None = None,
        set_news_link: Callable[[str], None] | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        dress_dialog(self, "NewsEditor", _("News item"), (860, 680), fit=True)
        self.event_id = event_id
        self.set_news_link = set_news_link
        self.settings = settings or current_settings()
        self.task: BackgroundTask | None = None

        self.title_edit = QLineEdit(self)
        self.lead_edit = QPlainTextEdit(self)
        self.lead_edit.setMaximumHeight(80)
        self.body_edit = QPlainTextEdit(self)
        self.credit_edit = QLineEdit(self)
        self.author_edit = QLineEdit(self.settings.get("news.author"), self)
        self.author_edit.setPlaceholderText(_("who wrote the news item"))
        self.photos_label = QLabel(self)
        self.link_edit = QLineEdit(self)
        self.link_edit.setPlaceholderText("https://nlv.gov.vn/…")
        rebuild = QPushButton(_("New draft from the record"), self)
        rebuild.clicked.connect(self.rebuild)
        record_link = QPushButton(_("Record the link"), self)
        record_link.clicked.connect(self.record_link)
        author_row = wide_row(self.author_edit, rebuild)
        link_row = wide_row(self.link_edit, record_link)

        form = QFormLayout()
        form.addRow(_("Author"), author_row)
        form.addRow(pgettext("news editor", "Title"), self.title_edit)
        form.addRow(_("Lead"), self.lead_edit)
        form.addRow(_("Body (a blank line between paragraphs)"), self.body_edit)
        form.addRow(_("Credit line"), self.credit_edit)
        form.addRow(_("Photos"), self.photos_label)
        form.addRow(_("Published at"), link_row)

        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(_("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        web = buttons.addButton(_("Export for the website…"), QDialogButtonBox.ButtonRole.ActionRole)
        docx = buttons.addButton(_("Export DOCX…"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(_("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        web.clicked.connect(self._choose_folder)
        docx.clicked.connect(self._choose_docx)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(buttons)
        self._fill(news.draft(event_id, self.settings.get("news.author")))

    def _fill(self, draft: news.NewsDraft) -> None:
        self.draft = draft
        self.title_edit.setText(draft.title)
        self.lead_edit.setPlainText(draft.lead)
        self.body_edit.setPlainText("\n\n".join(draft.body))
        self.credit_edit.setText(draft.credit)
        self.photos_label.setText(
            ngettext(
                "{count} photo (those chosen in the Photos tab, else the first eight by time taken)",
                "{count} photos (those chosen in the Photos tab, else the first eight by time taken)",
                len(draft.photos),
            ).format(count=len(draft.photos))
            if draft.photos
            else _("No photos yet: add them in the Photos tab.")
        )

    def rebuild(self) -> None:
        author = self.author_edit.text().strip()
        self.settings.set("news.author", author)
        self.settings.save()
        self._fill(news.build(self.event_id, author))

    def current(self) -> news.NewsDraft:
        draft = self.draft
        draft.title = self.title_edit.text().strip()
        draft.lead = self.lead_edit.toPlainText().strip()
        draft.body = [part.strip() for part in self.body_edit.toPlainText().split("\n\n") if part.strip()]
        draft.credit = self.credit_edit.text().strip()
        return draft

    def save(self) -> bool:
        draft = self.current()
        try:
            news.save(self.event_id, draft.title, draft.lead, "\n\n".join(draft.body), draft.credit)
        except UserError as error:
            ask.warn(self, _("News item"), str(error))
            return False
        return True

    def record_link(self) -> None:
        url = self.link_edit.text().strip()
        try:
            if self.set_news_link is not None:
                # Inside the event editor the link goes into its form, saved with the event (no conflict).
                if url and not url.lower().startswith(("http://", "https://")):
                    raise UserError(_("The news link must be a web address starting with http:// or https://."))
                self.set_news_link(url)
            else:
                news.record_link(self.event_id, url)
        except UserError as error:
            ask.warn(self, _("News item"), str(error))

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Folder for the website"))
        if folder:
            self.export(Path(folder) / self.current().base_name)

    def _choose_docx(self) -> None:
        path = save_file_name(self, _("Export DOCX"), f"{self.current().base_name}.docx", _("Word documents (*.docx)"))
        if path:
            self.export(Path(path))

    def export(self, target: Path) -> None:
        """Save the text, then write the folder (or the DOCX for a .docx target) in the background."""
        if not self.save():
            return
        draft = self.current()

        def job(_progress, _is_cancelled):
            if target.suffix.lower() == ".docx":
                news.export_docx(draft, target)
                return target
            return news.export_folder(draft, target)

        self.task = BackgroundTask(self, _("Preparing the photos for the website…"), job)
        self.task.done.connect(
            lambda written: ask.inform(self, _("News item"), _("Wrote {file}.").format(file=written))
        )
        self.task.error.connect(lambda message: ask.warn(self, _("News item"), message))
        self.task.destroyed.connect(self._task_gone)
        self.task.start()

    def _task_gone(self, *_args) -> None:
        self.task = None

    def done(self, result: int) -> None:
        if self.task is not None:  # a thread must not outlive the dialog that owns it
            self.task.wait()
        super().done(result)
