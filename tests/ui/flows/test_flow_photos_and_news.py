"""Photos and the news item: photos chosen in the event's Photos tab, the news item written from them, exported as
DOCX through the file dialog, and its link recorded in the event."""

import datetime as dt

from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from nlv_events.core import event_reading
from nlv_events.i18n import _
from nlv_events.services.media import event_photos
from nlv_events.ui.events.event_editor import EventEditor
from tests.photo_files import camera_jpeg
from tests.ui.flows.acting import answer_file_dialog, button, click, click_row, tab_named, type_into, while_open

REVIEW = "Hội nghị Tổng kết công tác năm 2022 và triển khai nhiệm vụ năm 2023"
LINK = "https://nlv.gov.vn/tin/hoi-nghi-tong-ket-2022.html"


def test_photos_become_a_news_item_and_its_link_is_kept(window, qtbot, monkeypatch, tmp_path, answers):
    photos = [tmp_path / "anh" / f"IMG_{n}.jpg" for n in range(2)]
    for n, path in enumerate(photos):
        camera_jpeg(path, size=(1600, 1200), taken=dt.datetime(2022, 12, 26, 9, n), colour=(n * 80, 90, 90))
    docx = tmp_path / "tin-bai.docx"
    seen: dict = {}

    def write_news(news):
        seen["lead"] = news.lead_edit.toPlainText()
        answer_file_dialog(monkeypatch, docx)
        click(qtbot, button(news, _("Export DOCX…")))
        qtbot.waitUntil(lambda: bool(answers), timeout=20_000)
        type_into(qtbot, news.link_edit, LINK)
        click(qtbot, button(news, _("Record the link")))
        click(qtbot, button(news, _("Close")))

    def add_photos(editor):
        editor.tabs.setCurrentIndex(tab_named(editor.tabs, _("Photos")))
        tab = editor.photos_tab
        answer_file_dialog(monkeypatch, photos, "getOpenFileNames")
        click(qtbot, tab.add_button)
        qtbot.waitUntil(lambda: tab.task is None and tab.grid.count() == 2, timeout=20_000)
        news = while_open(write_news, QDialog, "NewsEditor")
        click(qtbot, tab.news_button)
        news.done()
        seen["link in the form"] = editor.news_url_edit.text()
        click(qtbot, editor.save_button)

    click_row(qtbot, window.table, REVIEW)
    event_id = window.current_event_id()
    opened = while_open(add_photos, EventEditor)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    opened.done()
    assert len(event_photos.photos(event_id)) == 2
    assert seen["lead"].startswith("Ngày 26/12/2022, Thư viện Quốc gia Việt Nam tổ chức")
    assert answers[0][0] == "inform" and "tin-bai.docx" in answers[0][1]
    assert "Hội nghị Tổng kết công tác năm 2022" in "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert seen["link in the form"] == LINK
    assert event_reading.load_record(event_id).news_url == LINK
