"""Issue 33: File → Export the calendar for the website writes the coming year's public calendar to a folder."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from nlv_events.core import store
from nlv_events.core.records import EventRecord
from nlv_events.i18n import _
from nlv_events.ui.events.event_editor import EventEditor
from tests.ui.flows.acting import (
    answer_file_dialog,
    choose,
    click,
    click_row,
    field,
    tab_named,
    trigger,
    type_into,
    while_open,
)


def test_the_file_menu_writes_the_coming_years_calendar_to_the_chosen_folder(window, qtbot, tmp_path, monkeypatch):
    soon = dt.date.today() + dt.timedelta(days=10)
    store.save_event(EventRecord(kind="exhibition", title="Triển lãm Sách quý sắp mở", start=soon))
    store.save_event(EventRecord(kind="training", title="Lớp tập huấn nội bộ", start=soon))
    folder = tmp_path / "lich-web"
    folder.mkdir()
    asked = answer_file_dialog(monkeypatch, folder, "getExistingDirectory")

    trigger(window, _("&File"), _("Export the calendar for the &website…"))

    assert len(asked) == 1
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert "Triển lãm Sách quý sắp mở" in index and "Lớp tập huấn nội bộ" not in index  # a course stays internal
    assert (folder / "su-kien" / f"{soon.isoformat()}-trien-lam-sach-quy-sap-mo.html").is_file()
    assert (folder / "lich-su-kien.ics").is_file() and (folder / "atom.xml").is_file()
    assert "1" in window.statusBar().currentMessage()


@pytest.fixture
def coming_events(demo_db) -> tuple[str, str]:
    """A talk and a training course in ten days, stored before the window opens (its year list shows their year)."""
    soon = dt.date.today() + dt.timedelta(days=10)
    titles = ("Tọa đàm Sách và bạn đọc trẻ", "Lớp tập huấn mở cho bạn đọc")
    store.save_event(EventRecord(kind="talk", title=titles[0], start=soon))
    store.save_event(EventRecord(kind="training", title=titles[1], start=soon))
    return titles


def test_the_public_text_typed_in_the_editor_is_published_and_the_description_is_not(
    coming_events, window, qtbot, tmp_path, monkeypatch
):
    talk, course = coming_events
    for title, public_text in ((talk, "Mời các bạn trẻ đến trò chuyện."), (course, "Lớp học mở cho mọi người.")):

        def fill(editor, title=title, public_text=public_text):
            editor.tabs.setCurrentIndex(tab_named(editor.tabs, _("Description and notes")))
            type_into(qtbot, field(editor, _("Description")), "Kinh phí nội bộ 5 triệu")
            type_into(qtbot, field(editor, _("Public description")), public_text)
            if title == course:
                choose(qtbot, field(editor, _("On the website")), "public")  # a course the office opens to all
            click(qtbot, editor.save_button)

        click_row(qtbot, window.table, title)
        opened = while_open(fill, EventEditor)
        qtbot.keyClick(window.table, Qt.Key.Key_Return)
        opened.done()
    folder = tmp_path / "lich-web"
    answer_file_dialog(monkeypatch, folder, "getExistingDirectory")

    trigger(window, _("&File"), _("Export the calendar for the &website…"))

    pages = "".join(path.read_text(encoding="utf-8") for path in (folder / "su-kien").glob("*.html"))
    assert "Mời các bạn trẻ đến trò chuyện." in pages and "Lớp học mở cho mọi người." in pages
    assert "Kinh phí nội bộ" not in pages
