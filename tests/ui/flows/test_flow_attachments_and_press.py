"""The event editor's Attachments and Press coverage tabs: a file with a Vietnamese name attached through the file
dialog and opened with the system's program, a file over the limit refused, an article typed in and removed; each
saved at once."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDropEvent

from nlv_events.core.settings import current_settings
from nlv_events.i18n import _
from nlv_events.services.attachments import attachment_files
from nlv_events.services.events import event_store
from nlv_events.services.press import articles
from nlv_events.ui.events.event_editor import EventEditor
from tests.refusals import refuse_to_read
from tests.ui.flows.acting import answer_file_dialog, choose, click, tab_named, type_into
from tests.ui.flows.driving import click_row, on_next_dialog

REVIEW = "Hội nghị Tổng kết công tác năm 2022 và triển khai nhiệm vụ năm 2023"


def test_attach_a_file_open_it_and_add_an_article_in_the_editor(window, qtbot, monkeypatch, tmp_path, answers):
    review = event_store.id_by_ref("demo-2022-review")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # this test's own settings file
    settings = current_settings()
    settings.set("attachments.max_mb", "1")
    settings.save()
    submission = tmp_path / "Tờ trình Hội nghị.pdf"
    submission.write_bytes(b"%PDF-1.4 to trinh")
    poster = tmp_path / "Áp phích.png"
    poster.write_bytes(b"\x89PNG poster")
    big = tmp_path / "Bản quét.pdf"
    big.write_bytes(b"x" * (2 * 1024 * 1024))
    opened: list[str] = []

    def stored_ids() -> list[int]:
        return [item.id for item in attachment_files.attachments(review)]

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile())))

    def work(editor: EventEditor) -> None:
        editor.tabs.setCurrentIndex(tab_named(editor.tabs, _("Attachments")))
        tab = editor.tabs.currentWidget()
        answer_file_dialog(monkeypatch, [submission], "getOpenFileNames")
        click(qtbot, tab.add_button)
        assert tab.list.count() == 1 and "Tờ trình Hội nghị.pdf" in tab.list.item(0).text()
        tab.list.setCurrentRow(0)
        click(qtbot, tab.open_button)
        answer_file_dialog(monkeypatch, [big], "getOpenFileNames")
        click(qtbot, tab.add_button)  # over the limit: told, not added
        assert tab.list.count() == 1
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(poster))])
        tab.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                                 Qt.KeyboardModifier.NoModifier))  # dragged from the file manager  # fmt: skip
        assert tab.list.count() == 2 and "Áp phích.png" in tab.list.item(1).text()

        editor.tabs.setCurrentIndex(tab_named(editor.tabs, _("Press coverage")))
        press = editor.tabs.currentWidget()
        type_into(qtbot, press.outlet_edit, "Nhân Dân")
        type_into(qtbot, press.title_edit, "Tổng kết năm 2022")
        type_into(qtbot, press.url_edit, "javascript:alert(1)")
        click(qtbot, press.add_button)  # refused: a link must be http or https
        assert press.table.rowCount() == 0
        type_into(qtbot, press.url_edit, "https://nhandan.vn/tong-ket")
        choose(qtbot, press.clipping_box, stored_ids()[1])  # the poster stands in for the scanned article
        click(qtbot, press.add_button)
        assert press.table.rowCount() == 1 and press.table.item(0, 1).text() == "Nhân Dân"
        qtbot.mouseClick(editor.cancel_button, Qt.MouseButton.LeftButton)

    click_row(window, qtbot, REVIEW)
    answered = on_next_dialog(work, EventEditor)
    window.actions["edit"].trigger()
    assert answered
    stored = attachment_files.attachments(review)
    assert [item.original_name for item in stored] == ["Tờ trình Hội nghị.pdf", "Áp phích.png"]
    assert opened == [str(attachment_files.file_of(stored[0]))]
    warned = [message for kind, message in answers if kind == "warn"]
    assert "1 MB" in warned[0] and "http" in warned[1]
    assert [(article.outlet, article.clipping_id) for article in articles.articles(review)] == [
        ("Nhân Dân", stored[1].id)]


def test_a_file_the_system_will_not_let_us_read_is_refused_in_one_message(window, qtbot, monkeypatch, tmp_path,
                                                                           answers):
    """Attach files… with a file the user has no permission to read (simulated: the suite runs as root, which reads
    any file) says so and what to do, where the window apologised for a bug; the readable file chosen with it is not
    attached either."""
    review = event_store.id_by_ref("demo-2022-review")
    readable = tmp_path / "Tờ trình.pdf"
    readable.write_bytes(b"%PDF to trinh")
    locked = tmp_path / "Quyết định.pdf"
    locked.write_bytes(b"%PDF quyet dinh")
    refuse_to_read(monkeypatch, locked)

    def work(editor: EventEditor) -> None:
        editor.tabs.setCurrentIndex(tab_named(editor.tabs, _("Attachments")))
        tab = editor.tabs.currentWidget()
        answer_file_dialog(monkeypatch, [readable, locked], "getOpenFileNames")
        click(qtbot, tab.add_button)
        assert tab.list.count() == 0
        qtbot.mouseClick(editor.cancel_button, Qt.MouseButton.LeftButton)

    click_row(window, qtbot, REVIEW)
    answered = on_next_dialog(work, EventEditor)
    window.actions["edit"].trigger()
    assert answered
    assert attachment_files.attachments(review) == []
    told = _("Cannot read {name}: you have no permission to read it (or another program keeps it locked). Ask for "
             "access to it, or save a copy you can read and attach that.").format(name=locked)
    assert answers == [("warn", told)]
