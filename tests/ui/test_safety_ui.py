"""Issue 18 in the window: a news link is shown before it opens, and legacy text is converted only when the user
says so (the same question the command line asks)."""

import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextCursor
from PySide6.QtTest import QTest

from nlv_events.core import limits, store
from nlv_events.core.models import Event
from nlv_events.core.records import EventRecord
from nlv_events.ui.events.detail_pane import DetailPane
from nlv_events.ui.events.event_editor import EventEditor
from nlv_events.ui.shell import ask


@pytest.fixture
def opened(monkeypatch):
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toString()) or True)
    return urls


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///C:/Windows/system32/cmd.exe", "smb://srv/x.exe"])
def test_the_detail_pane_never_opens_a_non_web_link(qtbot, db, answers, opened, url):
    pane = DetailPane()
    qtbot.addWidget(pane)
    assert pane.open_link(QUrl(url)) is False
    assert opened == []
    assert answers[-1][0] == "warn" and "http, https" in answers[-1][1]


def test_the_detail_pane_shows_the_address_before_opening_it(qtbot, db, opened, monkeypatch):
    asked: list[str] = []
    replies = iter([False, True])
    monkeypatch.setattr(ask, "confirm", lambda parent, title, question: asked.append(question) or next(replies))
    pane = DetailPane()
    qtbot.addWidget(pane)
    url = QUrl("https://nlv.gov.vn/tin-tuc/toa-dam.html")
    assert pane.open_link(url) is False and opened == []  # the user read the address and said no
    assert pane.open_link(url) is True and opened == ["https://nlv.gov.vn/tin-tuc/toa-dam.html"]
    assert all("https://nlv.gov.vn/tin-tuc/toa-dam.html" in question for question in asked)
    assert not pane.openLinks() and not pane.openExternalLinks()  # a click goes through open_link only


def test_clicking_a_news_link_with_an_ampersand_opens_that_address(qtbot, db, opened, monkeypatch):
    """Issue 25, point 14: the link opened as “…?id=12&amp;lang=vi”, a page the website does not have."""
    address = "https://nlv.gov.vn/tin-tuc?id=12&lang=vi"
    record = EventRecord(kind="talk", title="Tọa đàm", start=dt.date(2023, 4, 21), news_url=address)
    event_id = store.save_event(record).id
    asked: list[str] = []
    monkeypatch.setattr(ask, "confirm", lambda parent, title, question: asked.append(question) or True)
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.resize(700, 500)
    pane.show()
    qtbot.waitExposed(pane)
    pane.show_event(event_id)
    shown = pane.document().find("lang=vi")
    assert not shown.isNull()  # the address is shown as it is
    inside = QTextCursor(pane.document())
    inside.setPosition(shown.selectionStart() + 2)  # between two letters of the link
    spot = pane.cursorRect(inside).center()
    QTest.mouseMove(pane.viewport(), spot)
    QTest.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert opened == [address]
    assert asked and address in asked[0] and "&amp;" not in asked[0]


def _legacy_file(tmp_path):
    path = tmp_path / "cu.json"
    event = {"kind": "talk", "title": "Toïa ñaøm", "start": "2023-04-21", "partners": ["Institut français de Hanoï"]}
    path.write_text(json.dumps({"format": "nlv-events/1", "events": [event]}), encoding="utf-8")
    return path


def test_the_window_asks_before_converting_legacy_text_and_imports_nothing_on_no(window, qtbot, tmp_path, answers):
    before = Event.select().count()
    window.import_from(str(_legacy_file(tmp_path)))  # the fixture's user declines; the file is read in the background
    qtbot.waitUntil(lambda: bool(answers), timeout=10_000)
    assert Event.select().count() == before
    assert answers[-1] == ("inform", "Chưa nhập gì.")


def test_the_window_converts_legacy_text_when_the_user_agrees(window, qtbot, tmp_path, monkeypatch, answers):
    asked: list[str] = []
    monkeypatch.setattr(ask, "confirm", lambda parent, title, question: asked.append(question) or True)
    window.import_from(str(_legacy_file(tmp_path)))
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)  # asked once the file has been read in the background
    assert "VNI" in asked[0] and "“Toïa ñaøm” sẽ thành “Tọa đàm”" in asked[0]
    # The import runs in the background.
    qtbot.waitUntil(lambda: Event.select().where(Event.title == "Tọa đàm").exists(), timeout=10_000)
    event = Event.get(Event.title == "Tọa đàm")
    assert [link.organisation.name for link in event.partner_links] == ["Institut français de Hanoï"]


def test_the_editors_fields_name_the_length_table_and_never_cut_a_paste(qtbot, db):
    editor = EventEditor(EventRecord(kind="talk", title="Tọa đàm", start=dt.date(2023, 5, 5)))
    qtbot.addWidget(editor)
    assert limits.max_length("title") == 300 and "300" in editor.title_edit.toolTip()
    assert "255" in editor.venue_box.lineEdit().toolTip()
    assert str(limits.max_length("news_url")) in editor.news_url_edit.toolTip()
    editor.venue_box.lineEdit().setText("Đ" * 300)  # pasted: kept whole, so nothing is silently lost
    assert len(editor.venue_box.currentText()) == 300
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.result_record is None and "255" in editor._errors["venue"].text()
