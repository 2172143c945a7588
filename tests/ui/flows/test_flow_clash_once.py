"""Issue #27, point 7: a venue clash the user accepted is not asked about again when they only edit the title; a
change of venue or time asks again."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from nlv_events.core import event_reading, store
from nlv_events.core.records import EventRecord
from nlv_events.ui.events.event_editor import EventEditor
from nlv_events.ui.shell import ask
from tests.ui.flows.driving import click_row, on_next_dialog, show_titles
from tests.ui.keyboard import type_text

HALL = "Phòng Triển lãm tầng 2"
LOBBY = "Sảnh tầng 1, Thư viện Quốc gia Việt Nam"


@pytest.fixture
def exhibitions(window):
    """Two exhibitions share the hall in September 2022 (the second was saved with its clash accepted); a third
    is in the lobby at the same time."""

    def exhibition(title: str, venue: str, first: int, last: int) -> int:
        record = EventRecord(
            kind="exhibition", title=title, venue=venue, start=dt.date(2022, 9, first), end=dt.date(2022, 9, last)
        )
        return store.save_event(record).id

    exhibition("Sách quý Hán Nôm", HALL, 1, 30)
    accepted = exhibition("Ảnh Hà Nội xưa", HALL, 10, 20)
    exhibition("Bản đồ cổ Việt Nam", LOBBY, 5, 25)
    return accepted


def test_renaming_an_exhibition_does_not_ask_again_about_its_accepted_clash(window, qtbot, monkeypatch, exhibitions):
    asked: list[str] = []
    monkeypatch.setattr(ask, "confirm", lambda parent, title, question: asked.append(question) or False)
    show_titles(window, qtbot, "Ảnh Hà Nội xưa")

    def rename(editor: EventEditor) -> None:
        editor.title_edit.setFocus()
        qtbot.keyClick(editor.title_edit, Qt.Key.Key_End)
        type_text(editor.title_edit, " (1900–1945)")
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    click_row(window, qtbot, "Ảnh Hà Nội xưa")
    answered = on_next_dialog(rename, EventEditor)
    window.actions["edit"].trigger()
    assert answered and asked == []  # the editor closed on Save without a question
    assert event_reading.load_record(exhibitions).title == "Ảnh Hà Nội xưa (1900–1945)"

    def move_to_the_lobby(editor: EventEditor) -> None:
        editor.venue_box.lineEdit().selectAll()
        type_text(editor.venue_box.lineEdit(), LOBBY)
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        assert editor.isVisible()  # the user said no: the editor stays open with their change

    click_row(window, qtbot, "Ảnh Hà Nội xưa (1900–1945)")
    answered = on_next_dialog(move_to_the_lobby, EventEditor)
    window.actions["edit"].trigger()
    assert answered and len(asked) == 1 and "“Bản đồ cổ Việt Nam”" in asked[0]
    assert event_reading.load_record(exhibitions).venue == HALL
