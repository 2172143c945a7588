"""The office's planning flows (issue 13), driven by keyboard and mouse: programme times, moving an event, a copy
in another year, venues, sample data, new-event dates, search across years, plans, numbers, labels, exports."""

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from nlv_events import i18n
from nlv_events.core import event_reading, store
from nlv_events.core.models import Event, Venue
from nlv_events.core.records import EventRecord
from nlv_events.services.reports import tallies
from nlv_events.ui.events.event_editor import EventEditor
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.main_window import MainWindow, new_event_start
from tests.ui.conftest import visible_titles
from tests.ui.keyboard import type_text
from tests.ui.test_editing import through_editor, through_year_dialog


def _edit_cell(qtbot, view, row: int, column: int, text: str) -> None:
    """Type `text` into a programme cell as a user does: F2, select all, type, Enter."""
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, column))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    # The editor just opened (the one of a previous edit may linger, hidden, until deleted).
    editor = [line for line in view.viewport().findChildren(QLineEdit) if line.isVisible()][-1]
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on Enter through a queued call.
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def _show(qtbot, editor: EventEditor) -> EventEditor:
    qtbot.addWidget(editor)
    editor.show()
    return editor


def _times(editor: EventEditor) -> list[str]:
    return [row.start.strftime("%H:%M") for row in editor.programme_model.rows()]


def test_programme_rows_start_at_the_event_and_follow_each_other(window, qtbot, monkeypatch):
    """1. A talk at 14:00: new rows start at 14:00 and follow; a row out of order is flagged and Save sorts."""
    asked = []
    monkeypatch.setattr(ask, "confirm", lambda parent, title, question: asked.append(question) or True)

    def fill(editor):
        editor.kind_box.setCurrentIndex(editor.kind_box.findData("talk"))
        type_text(editor.title_edit, "Tọa đàm về sách cổ")
        editor.start_date.setDate(QDate(2022, 11, 10))
        editor.start_time.setTime(QTime(14, 0))
        editor.tabs.setCurrentIndex(2)
        for _ in range(4):
            qtbot.mouseClick(editor.add_row_button, Qt.MouseButton.LeftButton)
        assert _times(editor) == ["14:00", "14:30", "15:00", "15:30"]
        _edit_cell(qtbot, editor.programme_view, 0, 1, "14:15")  # a later start moves the rows after it
        assert _times(editor) == ["14:15", "14:45", "15:15", "15:45"]
        qtbot.mouseClick(editor.shift_box, Qt.MouseButton.LeftButton)  # now a row moves alone
        _edit_cell(qtbot, editor.programme_view, 3, 1, "14:00")
        model = editor.programme_model
        assert model.headerData(3, Qt.Orientation.Vertical) == "4 ⚠"
        assert model.headerData(3, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole) == "Bắt đầu trước dòng trên"
        qtbot.waitUntil(editor.programme_warning.isVisible)
        assert "4" in editor.programme_warning.text()

    window.open_editor = through_editor(qtbot, fill)
    window.navigator.setCurrentIndex(window.navigator_model.index(3))  # talks
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert any("sắp xếp" in question.lower() for question in asked)  # Save offered to sort by time
    saved = event_reading.load_record(window.current_event_id())
    assert [row.start.strftime("%H:%M") for row in saved.programme] == ["14:00", "14:15", "14:45", "15:15"]


def test_moving_the_event_offers_to_move_its_programme(qtbot, demo_db):
    """2. Book Day moved by a day: the programme moves with one click (undoable); dates in messages are local."""
    editor = _show(qtbot, EventEditor(event_reading.load_record(Event.get(Event.ref == "demo-2022-bookday"))))
    editor.tabs.setCurrentIndex(2)
    assert not editor.move_programme_bar.isVisible()
    editor.start_date.setFocus()
    editor.start_date.setDate(QDate(2022, 4, 22))
    assert editor.end_date.date() == QDate(2022, 4, 24)  # the event keeps its three days
    qtbot.waitUntil(editor.move_programme_bar.isVisible)
    assert "22/04/2022" in editor.move_programme_label.text()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)  # the answer is no: Save refuses, locally
    message = editor._errors["programme"].text()
    assert "rơi vào ngày" in message and "/2022" in message and "2022-04" not in message
    assert editor.result_record is None
    qtbot.mouseClick(editor.move_programme_button, Qt.MouseButton.LeftButton)
    assert editor.programme_model.rows()[0].start == dt.datetime(2022, 4, 22, 7, 30)
    assert not editor.move_programme_bar.isVisible() and not editor.programme_warning.isVisible()
    qtbot.mouseClick(editor.undo_button, Qt.MouseButton.LeftButton)
    assert editor.programme_model.rows()[0].start == dt.datetime(2022, 4, 21, 7, 30)
    assert editor.programme_model.headerData(0, Qt.Orientation.Vertical) == "1 ⚠"  # outside the dates, flagged
    assert editor.move_programme_bar.isVisible()  # and the move is offered again
    qtbot.mouseClick(editor.redo_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.result_record is not None and editor.result_record.programme[-1].start.day == 24


def test_rows_added_after_a_date_change_start_on_the_new_date(qtbot, demo_db):
    editor = _show(qtbot, EventEditor(EventRecord(kind="talk", title="Tọa đàm", start=dt.datetime(2023, 5, 5, 9))))
    editor.start_date.setDate(QDate(2023, 5, 12))
    editor.tabs.setCurrentIndex(2)
    qtbot.mouseClick(editor.add_row_button, Qt.MouseButton.LeftButton)
    assert editor.programme_model.rows()[0].start == dt.datetime(2023, 5, 12, 9)
    assert not editor.move_programme_bar.isVisible() and not editor.programme_warning.isVisible()


def test_duplicate_to_a_chosen_year_with_ticked_changes(window, qtbot):
    """3. Book Day 2022 copied to 2024: dates by whole years, year numbers proposed, an unticked one kept."""
    window.select_event(Event.get(Event.ref == "demo-2022-bookday").id)
    seen = {}

    def choose(dialog):
        assert dialog.year_box.value() == 2023  # next year by default
        dialog.year_box.setFocus()
        dialog.year_box.selectAll()
        type_text(dialog.year_box, "2024")
        texts = [dialog.changes_list.item(i).text() for i in range(dialog.changes_list.count())]
        seen["changes"] = texts
        closing = next(i for i, text in enumerate(texts) if text.startswith("Dòng chương trình 14"))
        dialog.changes_list.setFocus()
        dialog.changes_list.setCurrentRow(closing)
        qtbot.keyClick(dialog.changes_list, Qt.Key.Key_Space)  # untick the closing row's change

    window.choose_year_copy = through_year_dialog(qtbot, choose)
    window.open_editor = through_editor(qtbot, lambda editor: None)
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert any("năm 2022  →  Ngày Sách và Văn hóa đọc Việt Nam năm 2024" in text for text in seen["changes"])
    twin = event_reading.load_record(window.current_event_id())
    assert twin.start == dt.date(2024, 4, 21) and twin.title == "Ngày Sách và Văn hóa đọc Việt Nam năm 2024"
    assert twin.programme[3].title == "Phát biểu khai mạc Ngày Sách và Văn hóa đọc Việt Nam năm 2024"
    assert twin.programme[13].title == "Bế mạc Ngày Sách và Văn hóa đọc Việt Nam năm 2022"  # unticked: kept
    assert twin.programme[0].start == dt.datetime(2024, 4, 21, 7, 30)


def test_venues_match_on_folded_names_and_a_clash_asks_on_save(qtbot, demo_db, monkeypatch):
    """4. "hội trường tầng 2" is offered the known hall; the short name clashes; Save asks naming the other event."""
    asked = []
    monkeypatch.setattr(ask, "confirm", lambda parent, title, question: asked.append(question) or False)
    editor = _show(
        qtbot,
        EventEditor(
            EventRecord(
                kind="talk",
                title="Tọa đàm chen giờ",
                start=dt.datetime(2022, 12, 26, 9),
                end=dt.datetime(2022, 12, 26, 10),
            )
        ),
    )
    editor.venue_box.setFocus()
    type_text(editor.venue_box.lineEdit(), "Hội trường tầng 2")
    qtbot.waitUntil(editor.clash_label.isVisible)
    assert "Hội nghị Tổng kết công tác năm 2022" in editor.clash_label.text()
    qtbot.waitUntil(editor.venue_suggestion.isVisible)
    assert "Hội trường tầng 2, Thư viện Quốc gia Việt Nam" in editor.venue_hint.text()
    qtbot.mouseClick(editor.use_venue_button, Qt.MouseButton.LeftButton)
    assert editor.venue_box.currentText() == "Hội trường tầng 2, Thư viện Quốc gia Việt Nam"
    editor.venue_box.setCurrentText("Hội trường tầng 2, thư viện Quốc gia Việt Nam")  # one letter in lower case
    qtbot.waitUntil(lambda: "Hội nghị Tổng kết" in editor.clash_label.text())
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "Hội nghị Tổng kết công tác năm 2022" in asked[0]
    assert editor.result_record is None and editor.isVisible()  # "no" keeps the form open
    monkeypatch.setattr(ask, "confirm", lambda *args: True)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    store.save_event(editor.result_record)
    assert Venue.get_or_none(Venue.name == "Hội trường tầng 2, thư viện Quốc gia Việt Nam") is None  # no near-twin


def test_venue_list_merges_duplicates_undoably(window, qtbot, monkeypatch):
    from nlv_events.ui.events.venues_dialog import VenuesDialog

    duplicate = Venue.create(name="Hội trường tầng 2 - TVQG")
    event = Event.get(Event.ref == "demo-2022-review")
    original = event.venue_id
    event.venue = duplicate
    event.save()
    monkeypatch.setattr(ask, "confirm", lambda *args: True)
    dialog = VenuesDialog(window.undo_stack, window._after_change, window)
    qtbot.addWidget(dialog)
    dialog.show()
    names = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    keep, other = names.index("Hội trường tầng 2, Thư viện Quốc gia Việt Nam"), names.index("Hội trường tầng 2 - TVQG")
    dialog.table.setFocus()
    dialog.table.setCurrentCell(other, 0)
    dialog.table.selectRow(other)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down if keep > other else Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    for _ in range(abs(keep - other) - 1):
        qtbot.keyClick(
            dialog.table, Qt.Key.Key_Down if keep > other else Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier
        )
    assert dialog.table.currentRow() == keep
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert Event.get_by_id(event.id).venue_id == original
    assert Venue.get_or_none(Venue.name == "Hội trường tầng 2 - TVQG") is None
    window.undo_action.trigger()
    assert Event.get_by_id(event.id).venue.name == "Hội trường tầng 2 - TVQG"


def test_demo_data_asks_first_is_marked_and_can_be_removed(qtbot, db, settings, app_settings, monkeypatch):
    """5. Demo data on a record with events asks; the sample events are marked; Remove sample data takes them out."""
    store.save_event(EventRecord(kind="talk", title="Tọa đàm của phòng", start=dt.date(2022, 3, 3)))
    window = MainWindow(settings, "real.sqlite3", app_settings)
    qtbot.addWidget(window)
    asked = []
    monkeypatch.setattr(ask, "confirm", lambda parent, title, question: asked.append(question) or False)
    window.demo_action.trigger()
    assert len(asked) == 1 and "1" in asked[0] and window.model.rowCount() == 1  # declined: nothing added
    monkeypatch.setattr(ask, "confirm", lambda *args: True)
    window.demo_action.trigger()
    assert window.model.rowCount() == 33
    window.select_event(Event.get(Event.ref == "demo-2022-bookday").id)
    assert "Dữ liệu mẫu" in window.detail.toPlainText()
    assert window.remove_sample_action in window.file_menu.actions()
    window.remove_sample_action.trigger()
    assert visible_titles(window) == ["Tọa đàm của phòng"]
    window.undo_action.trigger()
    assert window.model.rowCount() == 33


def test_new_event_starts_today_or_on_todays_date_in_the_filtered_year(window, qtbot):
    """6. Ctrl+N with 2022 chosen starts on today's day and month in 2022; a talk at 08:00."""
    today = dt.date.today()
    starts = []
    window.open_editor = lambda record, heading: starts.append(record.start)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    window.navigator.setCurrentIndex(window.navigator_model.index(3))  # talks
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    window.year_box.setCurrentIndex(0)  # all years
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    expected = new_event_start("exhibition", 2022, today)
    assert starts[0] == expected and (expected.month, expected.day) == (
        today.month,
        min(today.day, 28 if today.month == 2 else 31),
    )
    assert starts[1] == dt.datetime.combine(expected, dt.time(8, 0))
    assert starts[2] == dt.datetime.combine(today, dt.time(8, 0))


def test_search_tells_of_other_years_and_folds_pasted_letters(window, qtbot):
    """7. A search with nothing in 2022 says what other years hold, one click widens; Ð and kĩ/kỹ match."""
    store.save_event(EventRecord(kind="training", title="Tập huấn kĩ năng số", start=dt.date(2023, 3, 3)))
    window.reload_years()
    window.year_box.setCurrentIndex(window.year_box.findData(2022))
    selected = Event.get(Event.ref == "demo-2022-review").id
    window.select_event(selected)
    window.search_box.setFocus()
    type_text(window.search_box, "hội nghị")
    qtbot.waitUntil(lambda: window.model.rowCount() < 32)
    assert window.current_event_id() == selected  # the selection survives a search that still shows it
    window.search_box.clear()
    type_text(window.search_box, "kỹ năng")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    qtbot.waitUntil(lambda: "Không có trong năm 2022 — 1 trong các năm khác" in window.status_label.text())
    assert window.current_event_id() is None
    assert "Chọn một sự kiện" in window.detail.toPlainText()
    assert not window.edit_action.isEnabled() and not window.print_action.isEnabled()
    assert not window.delete_action.isEnabled()
    qtbot.waitUntil(window.widen_button.isVisible)
    qtbot.mouseClick(window.widen_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: visible_titles(window) == ["Tập huấn kĩ năng số"])
    window.search_box.clear()
    type_text(window.search_box, "ÐẢNG")  # U+00D0, pasted from other software
    qtbot.waitUntil(lambda: "Mừng Đảng quang vinh, mừng Xuân Nhâm Dần 2022" in visible_titles(window))


def test_plan_targets_join_the_undo_stack_and_a_failed_write_says_why(window, qtbot):
    """8. A plan typed in the tallies is undone by the window's Ctrl+Z; a bad plan shows its message."""
    from nlv_events.ui.reports.tallies_view import PLAN_COLUMN, TalliesDialog

    dialog = TalliesDialog(2022, window)
    qtbot.addWidget(dialog)
    dialog.show()
    planned = tallies.compute(2022).kinds["exhibition"].plan
    _edit_cell(qtbot, dialog.table, 0, PLAN_COLUMN, "30")
    assert tallies.compute(2022).kinds["exhibition"].plan == 30
    window.undo_action.trigger()
    assert tallies.compute(2022).kinds["exhibition"].plan == planned
    assert dialog.model.index(0, PLAN_COLUMN).data() == str(planned)
    dialog.model.setData(dialog.model.index(0, PLAN_COLUMN), 500_000_000)
    assert dialog.error_label.isVisible() and "500000000" in dialog.error_label.text()
    assert window.undo_stack.count() == 1  # the refused plan left no step
    # It fits the screen; the kinds' names are whole (they were cut to "oại sự kiệ" to make room for every
    # column at 1280 pixels); the figures scroll sideways where the screen is narrower than the table.
    room = dialog.screen().availableGeometry()
    assert dialog.height() <= room.height() and dialog.width() <= room.width()
    header = dialog.table.horizontalHeader()
    names = [dialog.model.index(row, 0).data() for row in range(dialog.model.rowCount())]
    widest = max(dialog.table.fontMetrics().horizontalAdvance(name) for name in names if name)
    assert header.sectionSize(0) >= widest


def test_counts_group_like_vietnamese_and_refuse_a_minus_beside_the_field(qtbot, demo_db):
    """9. 1500 reads 1.500; typing −5 is refused with a message beside the field."""
    editor = _show(qtbot, EventEditor(event_reading.load_record(Event.get(Event.ref == "demo-2022-bookday"))))
    editor.attendance.setValue(1500)
    assert editor.attendance.text() == "1.500"
    editor.attendance.setFocus()
    editor.attendance.selectAll()
    type_text(editor.attendance, "-5")
    assert editor._errors["attendance"].isVisible()
    assert "không thể là số âm" in editor._errors["attendance"].text()
    assert editor.attendance.count() != -5 and editor.attendance.count() is not None


def test_small_screen_labels_and_cancelled_events(window, qtbot):
    """10. At 1280×680 the title has half the table; English labels whole; cancelled events struck through."""
    window.resize(1280, 680)
    qtbot.waitUntil(lambda: window.width() == 1280)
    for language in ("vi", "en"):
        window.set_language(language)
        window.table.fit_columns()
        table = window.table
        assert table.columnWidth(1) >= table.viewport().width() / 2 - 2, (language, window.splitter.sizes())
        metrics = table.fontMetrics()
        for row in range(window.model.rowCount()):
            for column in (0, 2):
                text = window.model.index(row, column).data()
                assert metrics.horizontalAdvance(text) + 8 <= table.columnWidth(column), (language, text)
        nav_metrics = window.navigator.fontMetrics()
        for row in range(window.navigator_model.rowCount()):
            label = window.navigator_model.index(row).data()
            assert nav_metrics.horizontalAdvance(label) + 16 <= window.navigator.viewport().width(), label
    window.set_language("vi")
    cancelled = next(row for row in range(window.model.rowCount()) if window.model.index(row, 4).data() == "Đã hủy")
    assert window.model.index(cancelled, 1).data(Qt.ItemDataRole.FontRole).strikeOut()
    window.views.setCurrentIndex(1)
    window.calendar.show_month(dt.date(2022, 9, 1))
    qtbot.waitExposed(window.calendar.grid)
    bars = {bar.title: bar for bar in window.calendar.grid.layout_bars()}
    assert bars["Tọa đàm “Gìn giữ và phát huy di sản Hán Nôm trong thư viện”"].cancelled
    assert not bars["Cách mạng Tháng Tám và Quốc khánh 2/9 – 77 năm"].cancelled
    editor = _show(qtbot, EventEditor(EventRecord(kind="talk", title="", start=dt.date(2023, 1, 1))))
    form_labels = [label.text() for label in editor.findChildren(type(editor.venue_hint))]
    assert "Tên tiếng Anh" in form_labels and "kết thúc" not in [editor.has_end.text()]
    assert editor.has_end.text() == ""


def test_detail_pane_hint_is_translated_and_english_complete(window):
    window.search_box.setText("zzzz")
    window._apply_search()
    assert "Chọn một sự kiện để xem chi tiết." in window.detail.toPlainText()
    window.set_language("en")
    assert "Select an event to see its details." in window.detail.toPlainText()
    assert i18n.current_language() == "en"


def test_exports_speak_of_the_window_and_long_titles_are_refused(window, qtbot, answers):
    """11. No "--format" in the window; the calendar export is in the File menu; 500 characters are refused."""
    from nlv_events.ui.reports.tallies_view import TalliesDialog

    dialog = TalliesDialog(2022, window)
    qtbot.addWidget(dialog)
    assert dialog.export_to("/tmp/so-lieu.txt") is None
    assert "--format" not in answers[-1][1] and ".xlsx" in answers[-1][1]
    assert window.export_ics_action in window.file_menu.actions()
    editor = _show(qtbot, EventEditor(EventRecord(kind="talk", title="", start=dt.date(2023, 1, 1))))
    editor.title_edit.setText("Tọa đàm " + "x" * 492)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.result_record is None and editor._errors["title"].isVisible()
    assert "300" in editor._errors["title"].text() and "500" in editor._errors["title"].text()


def test_the_guide_pictures_fit_the_help_window(window, qtbot):
    """12. Every picture in the user guide is drawn no wider than the help window's page."""
    window.guide_action.trigger()
    guide = window.guide
    qtbot.addWidget(guide)
    qtbot.waitExposed(guide)
    html = guide.browser.toHtml()
    assert "<img" in html
    page = guide.browser.viewport().width()
    for width in guide.image_widths():
        assert 0 < width <= page
