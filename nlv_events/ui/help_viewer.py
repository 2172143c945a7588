"""Help → User guide: the guide in Markdown, rendered in the app, in the language of the interface."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from nlv_events.core.resources import docs_dir
from nlv_events.i18n import _, current_language


def guide_path():
    folder = docs_dir()
    english = folder / "user-guide.en.md"
    return english if current_language() == "en" and english.exists() else folder / "user-guide.md"


class UserGuide(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("UserGuide")
        self.setWindowTitle(_("User guide"))
        self.resize(900, 800)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        path = guide_path()
        self.browser.setSearchPaths([str(path.parent)])
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            text = _("The user guide is missing from this installation ({path}).").format(path=path)
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(path.parent) + "/"))
        self.browser.setMarkdown(text)
        buttons = QDialogButtonBox(self)
        buttons.addButton(_("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
