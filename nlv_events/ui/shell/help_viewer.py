"""Help → User guide: the guide in Markdown, rendered in the app, in the language of the interface."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImageReader, QResizeEvent, QTextCursor
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from nlv_events.core.resources import docs_dir
from nlv_events.i18n import _, current_language
from nlv_events.ui.shell.dialogs import close_box, dress_dialog


def guide_path():
    folder = docs_dir()
    english = folder / "user-guide.en.md"
    return english if current_language() == "en" and english.exists() else folder / "user-guide.md"


class UserGuide(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        dress_dialog(self, "UserGuide", _("User guide"), (900, 800), fit=True)
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
        self._folder = path.parent
        self._widths: list[float] = []
        self.fit_images()
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(close_box(self))

    def fit_images(self) -> None:
        """Draw each picture at most as wide as the page (the README's screenshots are wider than the window)."""
        document = self.browser.document()
        room = self.browser.viewport().width() - 2 * document.documentMargin() - 4
        widths = []
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                char_format = fragment.charFormat()
                if fragment.isValid() and char_format.isImageFormat():
                    image = char_format.toImageFormat()
                    natural = QImageReader(str(self._folder / image.name())).size()
                    if natural.width() > 0:
                        width = min(float(natural.width()), room)
                        image.setWidth(width)
                        image.setHeight(natural.height() * width / natural.width())
                        cursor = QTextCursor(document)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                        cursor.setCharFormat(image)
                        widths.append(width)
                iterator += 1
            block = block.next()
        self._widths = widths

    def image_widths(self) -> list[float]:
        return list(self._widths)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_images()
