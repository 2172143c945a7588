"""User flows of the window: create, edit a programme, undo and redo, duplicate, clashes, unsaved changes."""

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QMimeData, QModelIndex, Qt, QTime

from nlv_events.core import event_reading, queries
from nlv_events.core.models import Event
from nlv_events.core.records import EventRecord
from nlv_events.ui.events.duplicate_year_dialog import DuplicateYearDialog
from nlv_events.ui.events.event_editor import EventEditor
from nlv_events.ui.events.programme_model import MIME_TYPE
from nlv_events.ui.shell import ask
from tests.ui.conftest import visible_titles
from tests.ui.keyboard import type_text


def through_editor(qtbot, fill):
    """An `open_editor` that shows the real editor, lets `fill(editor)` act as the user, then presses Save."""

    def open_editor(record, heading):
        editor = EventEditor(record, None, heading)
        qtbot.addWidget(editor)
        editor.show()
        fill(editor)
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        return editor.result_record

    return open_editor


def through_year_dialog(qtbot, act):
    """A `choose_year_copy` that shows the real dialog, lets `act(dialog)` act as the user, then presses OK."""

    def choose(record):
        dialog = DuplicateYearDialog(record)
        qtbot.addWidget(dialog)
        dialog.show()
        act(dialog)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result_record()

    return choose


def test_create_an_exhibition_from_the_keyboard(window, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(ask, "confirm", lambda parent, title, question: asked.append(question) or True)

    def fill(editor):
        assert editor.kind_box.currentData() == "exhibition"  # the navigator's "all" falls back to exhibitions
        editor.title_edit.setFocus()
        type_text(editor.title_edit, "Triển lãm “Sách quý Hán Nôm”")
        editor.start_date.setDate(QDate(2022, 9, 1))
        editor.has_end.setChecked(True)
        editor.end_date.setDate(QDate(2022, 9, 30))
        editor.venue_box.setCurrentText("Sảnh tầng 1, Thư viện Quốc gia Việt Nam")
        editor.items_displayed.setValue(150)
        type_text(editor.partners.entry, "Viện Nghiên cứu Hán Nôm")
        qtbot.keyClick(editor.partners.entry, Qt.Key.Key_Return)
        assert editor.items_displayed.isVisible()

    window.open_editor = through_editor(qtbot, fill)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert "Triển lãm “Sách quý Hán Nôm”" in visible_titles(window)
    created = event_reading.load_record(window.current_event_id())
    assert created.title == "Triển lãm “Sách quý Hán Nôm”"
    assert (created.start, created.end) == (dt.date(2022, 9, 1), dt.date(2022, 9, 30))
    assert created.partners == ["Viện Nghiên cứu Hán Nôm"] and created.items_displayed == 150
    assert "Triển lãm (21)" in window.navigator_model.index(1).data()
    # The hall holds another exhibition then: Save asked, naming it, and the user said yes.
    assert len(asked) == 1 and "Sảnh tầng 1" in asked[0] and "“" in asked[0]


def test_undo_and_redo_of_create_edit_and_delete(window, qtbot, monkeypatch):
    window.open_editor = through_editor(qtbot, lambda e: e.title_edit.setText("Tọa đàm thử"))
    window.new_event()
    created = window.current_event_id()
    assert "Tọa đàm thử" in visible_titles(window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Tọa đàm thử" not in visible_titles(window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "Tọa đàm thử" in visible_titles(window)
    assert window.current_event_id() == created

    window.open_editor = through_editor(qtbot, lambda e: e.title_edit.setText("Tọa đàm đã sửa"))
    window.edit_event(created)
    assert "Tọa đàm đã sửa" in visible_titles(window)
    window.undo_action.trigger()
    assert "Tọa đàm thử" in visible_titles(window) and "Tọa đàm đã sửa" not in visible_titles(window)
    window.redo_action.trigger()

    monkeypatch.setattr(ask, "confirm", lambda *args: True)
    window.select_event(created)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert "Tọa đàm đã sửa" not in visible_titles(window)
    assert [e.id for e in queries.deleted_events()] == [created]
    window.undo_action.trigger()
    assert "Tọa đàm đã sửa" in visible_titles(window)


def test_delete_asks_once_and_a_no_keeps_the_event(window, monkeypatch):
    asked: list = []
    monkeypatch.setattr(ask, "confirm", lambda *args: asked.append(args) or False)
    before = len(visible_titles(window))
    window.delete_event()
    assert len(asked) == 1 and len(visible_titles(window)) == before


def test_fill_a_book_day_programme_and_reorder_it(window, qtbot):
    def fill(editor):
        editor.kind_box.setCurrentIndex(editor.kind_box.findData("book_day"))
        editor.title_edit.setText("Ngày Sách và Văn hóa đọc Việt Nam năm 2024")
        editor.start_date.setDate(QDate(2024, 4, 21))
        assert editor.tabs.isTabVisible(2)
        editor.tabs.setCurrentIndex(2)
        for _ in range(3):
            qtbot.mouseClick(editor.add_row_button, Qt.MouseButton.LeftButton)
        model = editor.programme_model
        titles = ["Khai mạc", "Tọa đàm", "Đọc sách cùng con"]
        for row, title in enumerate(titles):
            model.setData(model.index(row, 3), title)
        assert [r.start.time() for r in model.rows()] == [dt.time(8, 0), dt.time(8, 30), dt.time(9, 0)]
        # Lengthen the opening by 15 minutes: the rows after it move.
        model.setData(model.index(0, 2), "08:45")
        assert [r.start.time() for r in model.rows()] == [dt.time(8, 0), dt.time(8, 45), dt.time(9, 15)]
        editor.programme_view.selectRow(2)
        editor.programme_view.setCurrentIndex(model.index(2, 3))
        qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
        assert [r.title for r in model.rows()] == ["Khai mạc", "Đọc sách cùng con", "Tọa đàm"]
        # Drag the last row to the top.
        data = QMimeData()
        data.setData(MIME_TYPE, b"2")
        assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex()) is False
        assert [r.title for r in model.rows()] == ["Tọa đàm", "Khai mạc", "Đọc sách cùng con"]
        qtbot.mouseClick(editor.undo_button, Qt.MouseButton.LeftButton)
        assert [r.title for r in model.rows()] == ["Khai mạc", "Đọc sách cùng con", "Tọa đàm"]
        qtbot.mouseClick(editor.redo_button, Qt.MouseButton.LeftButton)
        assert [r.title for r in model.rows()] == ["Tọa đàm", "Khai mạc", "Đọc sách cùng con"]
        editor.programme_view.setCurrentIndex(model.index(1, 3))
        qtbot.mouseClick(
            editor.row_people_view.parentWidget().findChildren(type(editor.add_row_button))[0],
            Qt.MouseButton.LeftButton,
        )
        people = editor.row_people_model
        people.setData(people.index(0, 1), "Kiều Thúy Nga")  # known: her position comes from the store
        assert people.people()[0].position == "Bí thư Đảng ủy, Giám đốc Thư viện Quốc gia Việt Nam"

    window.open_editor = through_editor(qtbot, fill)
    window.new_event()
    record = event_reading.load_record(window.current_event_id())
    assert [row.title for row in record.programme] == ["Tọa đàm", "Khai mạc", "Đọc sách cùng con"]
    assert record.programme[1].people[0].name == "Kiều Thúy Nga"
    assert window.year_box.currentText() == "2024"


def test_validation_shows_beside_the_field_and_keeps_the_form_open(qtbot, demo_db):
    editor = EventEditor(EventRecord(kind="talk", title="", start=dt.date(2023, 5, 5)))
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitActive(editor)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.result_record is None and editor.isVisible()
    assert editor._errors["title"].isVisible()
    assert editor._errors["title"].text() == "Cần nhập tên sự kiện."
    qtbot.waitUntil(editor.title_edit.hasFocus)
    editor.title_edit.setText("Tọa đàm")
    assert not editor._errors["title"].isVisible()  # fixed: the message goes at once, not at the next Save
    editor.has_end.setChecked(True)
    editor.end_date.setDate(QDate(2023, 5, 5))
    editor.start_timed.setChecked(True)
    editor.start_time.setTime(QTime(10, 0))
    editor.end_time.setTime(QTime(9, 0))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor._errors["end"].isVisible() and "kết thúc trước" in editor._errors["end"].text()


def test_clash_warning_for_the_same_hall_at_the_same_time(qtbot, demo_db):
    editor = EventEditor(
        EventRecord(
            kind="talk", title="Tọa đàm chen giờ", start=dt.datetime(2022, 12, 26, 9), end=dt.datetime(2022, 12, 26, 10)
        )
    )
    qtbot.addWidget(editor)
    editor.show()
    assert not editor.clash_label.isVisible()
    editor.venue_box.setCurrentText("Hội trường tầng 2, Thư viện Quốc gia Việt Nam")
    qtbot.waitUntil(editor.clash_label.isVisible)
    assert "Hội nghị Tổng kết công tác năm 2022" in editor.clash_label.text()
    editor.start_time.setTime(QTime(14, 0))
    editor.end_time.setTime(QTime(15, 0))
    qtbot.waitUntil(lambda: not editor.clash_label.isVisible())


@pytest.mark.parametrize(
    ("answer", "closed", "saved"), [("discard", True, False), ("cancel", False, False), ("save", True, True)]
)
def test_unsaved_changes_prompt(qtbot, demo_db, monkeypatch, answer, closed, saved):
    record = event_reading.load_record(Event.get(Event.ref == "demo-2022-review"))
    editor = EventEditor(record)
    qtbot.addWidget(editor)
    editor.show()
    asked = []
    monkeypatch.setattr(ask, "save_discard_cancel", lambda *args: asked.append(args) or answer)
    editor.reject()  # nothing changed: closes without asking
    assert asked == [] and not editor.isVisible()
    editor = EventEditor(record)
    qtbot.addWidget(editor)
    editor.show()
    editor.title_edit.setText("Hội nghị đã đổi tên")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert len(asked) == 1
    assert editor.isVisible() is not closed
    assert (editor.result_record is not None) is saved
    if not closed:
        assert editor.title_edit.text() == "Hội nghị đã đổi tên"  # nothing lost


def test_duplicate_to_next_year(window, qtbot):
    window.select_event(Event.get(Event.ref == "demo-2022-bookday").id)
    seen = {}

    def fill(editor):
        seen["title"] = editor.title_edit.text()
        seen["rows"] = editor.programme_model.rowCount()

    window.open_editor = through_editor(qtbot, fill)
    window.choose_year_copy = through_year_dialog(qtbot, lambda dialog: None)  # next year, every change ticked
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert seen == {"title": "Ngày Sách và Văn hóa đọc Việt Nam năm 2023", "rows": 14}
    assert window.year_box.currentText() == "2023"
    twin = event_reading.load_record(window.current_event_id())
    assert twin.start == dt.date(2023, 4, 21) and twin.status == "planned"


def test_calendar_shows_exhibitions_as_bars_and_opens_them(window, qtbot):
    opened = []
    window.open_editor = lambda record, heading: opened.append(record.title)
    window.views.setCurrentIndex(1)
    window.calendar.show_month(dt.date(2022, 12, 1))
    qtbot.waitExposed(window.calendar.grid)
    bars = window.calendar.grid.layout_bars()
    titles = {bar.title for bar in bars}
    assert "Hà Nội – Điện Biên Phủ trên không: 50 năm bản hùng ca" in titles
    long_bar = max(bars, key=lambda bar: bar.rect.width())
    assert long_bar.rect.width() > window.calendar.grid.width() * 0.5  # a multi-week exhibition spans the week
    qtbot.mouseDClick(window.calendar.grid, Qt.MouseButton.LeftButton, pos=long_bar.rect.center().toPoint())
    assert opened == [long_bar.title]


def test_status_filter_and_navigator(window):
    window.status_box.setCurrentIndex(window.status_box.findData("cancelled"))
    assert visible_titles(window) == ["Tọa đàm “Gìn giữ và phát huy di sản Hán Nôm trong thư viện”"]
    assert window.navigator_model.index(0).data() == "Tất cả sự kiện (1)"
    window.status_box.setCurrentIndex(0)
    window.navigator.setCurrentIndex(window.navigator_model.index(5))  # training
    assert len(visible_titles(window)) == 2


def test_item_models_pass_the_model_tester(qtmodeltester, window, qtbot):
    qtmodeltester.check(window.navigator_model)
    editor = EventEditor(event_reading.load_record(Event.get(Event.ref == "demo-2022-bookday")))
    qtbot.addWidget(editor)
    qtmodeltester.check(editor.programme_model)
    qtmodeltester.check(editor.people_model)


def test_the_editor_and_the_preview_fit_a_1280_by_680_laptop(qtbot, demo_db):
    """Their Save, Cancel and Print buttons used to sit below such a screen's edge: the editor needed 680 px
    (its General and Exhibition pages are tall forms), the preview asked for 1000."""
    from nlv_events.services.reports import programme
    from nlv_events.ui.shell.pdf_preview import PdfPreview

    exhibition = Event.get(Event.title == "Chủ tịch Hồ Chí Minh – Tư tưởng sáng ngời, sự nghiệp vĩ đại")
    editor = EventEditor(event_reading.load_record(exhibition.id))
    qtbot.addWidget(editor)
    editor.show()
    editor.venue_box.setCurrentText("Hội trường tầng 2, Thư viện Quốc gia Việt Nam")
    editor.update_clashes()
    room = 680 - 40 - 30  # less a taskbar and the title bar
    assert editor.minimumSizeHint().height() <= room
    editor.resize(editor.width(), room)
    assert editor.height() <= room and editor.save_button.isVisible()
    assert editor.save_button.mapTo(editor, editor.save_button.rect().bottomLeft()).y() <= room

    record = event_reading.load_record(Event.get(Event.ref == "demo-2022-review"))
    preview = PdfPreview(bytes(programme.render(record)), "x.pdf", "Chương trình")
    qtbot.addWidget(preview)
    screen = preview.screen().availableGeometry()
    assert preview.height() <= screen.height() - 48 and preview.width() <= screen.width()


def test_one_save_shows_every_field_s_problem_at_once(qtbot, demo_db):
    """A walkthrough took three rounds of Save for three mistakes, one message each time."""
    editor = EventEditor(
        EventRecord(kind="talk", title="", start=dt.datetime(2023, 5, 5, 10), end=dt.datetime(2023, 5, 5, 9))
    )
    qtbot.addWidget(editor)
    editor.show()
    editor.venue_box.setCurrentText("Hội trường " * 40)
    editor.save_button.click()
    shown = {field for field, label in editor._errors.items() if label.isVisible()}
    assert {"title", "venue", "end"} <= shown
    assert editor._errors["title"].text() == "Cần nhập tên sự kiện."
    assert "kết thúc trước" in editor._errors["end"].text()
    assert editor.result_record is None and editor.isVisible()


def test_the_user_guide_opens_within_the_screen(qtbot, demo_db):
    from nlv_events.ui.shell.help_viewer import UserGuide

    guide = UserGuide()
    qtbot.addWidget(guide)
    room = guide.screen().availableGeometry()
    assert guide.height() <= room.height() - 48 and guide.width() <= room.width()  # asked for 900×800
