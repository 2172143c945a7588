"""The main window on the demo data: the table, the year selector and the search box as a user drives them."""

import datetime as dt

from PySide6.QtCore import Qt

from nlv_events import i18n
from nlv_events.core import store
from nlv_events.core.records import EventRecord
from nlv_events.ui.events.event_table_model import EventTableModel, load_rows
from nlv_events.ui.shell.main_window import MainWindow
from tests.ui.conftest import visible_titles
from tests.ui.keyboard import type_text


def test_window_opens_on_the_newest_year_with_its_events(window):
    assert window.year_box.currentText() == "2022"
    assert window.model.rowCount() == 32
    assert window.model.headerData(1, Qt.Orientation.Horizontal) == "Tên sự kiện"
    assert "32/32 sự kiện" in window.status_label.text()


def test_typing_without_accents_filters_as_you_type(window, qtbot):
    qtbot.keyClicks(window.search_box, "dien bien phu")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert visible_titles(window) == ["Hà Nội – Điện Biên Phủ trên không: 50 năm bản hùng ca"]
    assert "1/32" in window.status_label.text()


def test_search_with_accents_finds_the_same_as_without(window, qtbot):
    type_text(window.search_box, "Văn hóa đọc")
    qtbot.waitUntil(lambda: 0 < window.model.rowCount() < 32)
    with_accents = visible_titles(window)
    window.search_box.clear()
    qtbot.keyClicks(window.search_box, "VAN HOA DOC")
    qtbot.waitUntil(lambda: visible_titles(window) == with_accents)


def test_search_reaches_people_and_partners(window, qtbot):
    qtbot.keyClicks(window.search_box, "kieu thuy nga")
    qtbot.waitUntil(lambda: window.model.rowCount() > 0)
    assert "Hội nghị Tổng kết công tác năm 2022 và triển khai nhiệm vụ năm 2023" in visible_titles(window)


def test_clearing_the_search_shows_everything_again(window, qtbot):
    qtbot.keyClicks(window.search_box, "zzzz")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    window.search_box.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 32)


def test_choosing_all_years_and_back(window, qtbot):
    window.year_box.setCurrentIndex(window.year_box.findData(0))
    assert window.year_box.currentText() == "Tất cả các năm"
    assert window.model.rowCount() == 32


def test_ctrl_f_puts_the_cursor_in_the_search_box(window, qtbot):
    window.table.setFocus()
    window.find_action.trigger()
    qtbot.waitUntil(window.search_box.hasFocus)


def test_title_column_sorts_in_vietnamese_order(window):
    for title in ("Đọc sách cùng con", "Dân ca quan họ", "Zô-ri-a", "Ấn tượng Hà Nội", "An toàn thông tin"):
        store.save_event(EventRecord(kind="talk", title=title, start=dt.date(2022, 6, 6)))
    window.reload()
    window.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    titles = visible_titles(window)
    position = {title: index for index, title in enumerate(titles)}
    assert position["An toàn thông tin"] < position["Ấn tượng Hà Nội"] < position["Gia đình – Tổ ấm yêu thương"]
    assert position["Dân ca quan họ"] < position["Đọc sách cùng con"] < position["Gia đình – Tổ ấm yêu thương"]
    assert titles[-1] == "Zô-ri-a"


def test_switching_to_english_retranslates_the_window(window):
    window.set_language("en")
    assert i18n.current_language() == "en"
    assert window.model.headerData(1, Qt.Orientation.Horizontal) == "Title"
    assert window.model.index(0, 0).data() == "Exhibition"
    assert window.file_menu.title() == "&File"


def test_demo_action_on_an_empty_store_fills_the_window(qtbot, db, settings, app_settings):
    empty = MainWindow(settings, "empty.sqlite3", app_settings)
    qtbot.addWidget(empty)
    assert empty.model.rowCount() == 0
    empty.demo_action.trigger()
    assert empty.year_box.currentText() == "2022"
    assert empty.model.rowCount() == 32


def test_item_models_pass_the_qt_model_tester(qtmodeltester, demo_db):
    model = EventTableModel()
    model.set_rows(load_rows(2022))
    qtmodeltester.check(model)
    model.set_search("trien lam")
    qtmodeltester.check(model)


def test_narrowing_search_finds_exactly_what_a_fresh_search_finds(demo_db):
    from nlv_events.core.text import fold

    rows = load_rows(None)
    model = EventTableModel()
    model.set_rows(rows)
    for text in ["t", "tr", "trien", "trien la", "trien lam ha", "trien lam", "", "hoi", "hoi thao", "d", "dang"]:
        model.set_search(text)
        expected = [row.id for row in rows if all(word in row.search_text for word in fold(text).split())]
        assert [model.row_at(i).id for i in range(model.matching_count())] == expected, text


def test_a_large_record_loads_off_the_gui_thread(qtbot, demo_db, settings, app_settings, monkeypatch):
    from nlv_events.ui.shell import main_window

    monkeypatch.setattr(main_window, "LOAD_IN_BACKGROUND", 10)  # the 32 demo events count as large here
    window = MainWindow(settings, "test.sqlite3", app_settings)
    qtbot.addWidget(window)
    assert window.loading  # the window is up before the rows
    with qtbot.waitSignal(window.rows_loaded, timeout=20_000):
        pass
    assert not window.loading
    assert window.model.rowCount() == 32


def test_the_keyboard_goes_from_the_search_to_what_was_found(window, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(window, "open_editor", lambda before, heading: opened.append(before.title))
    window.search_box.setFocus()
    qtbot.keyClicks(window.search_box, "viet lao")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)  # at once, without waiting for the typing pause
    assert window.table.hasFocus() and window.current_event_id() is not None
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert opened == ["Việt Nam – Lào: Tình hữu nghị vĩ đại, đoàn kết đặc biệt"]
    window.search_box.setFocus()
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)  # Esc clears the search
    assert window.search_box.text() == ""
    qtbot.waitUntil(lambda: window.model.rowCount() == 32)


def test_a_long_database_path_gives_way_to_the_reminder_in_the_status_bar(window, qtbot):
    import datetime as dt

    window.resize(1280, 680)
    path = "/home/nhanvien/TVQG/NLV Events/dữ liệu dùng chung của phòng Truyền thông/events.sqlite3"
    window.database_status.setText(f"Cơ sở dữ liệu: {path}")
    window.plan_menu.update_reminder(today=dt.date(2025, 1, 2))
    reminder = window.plan_menu.reminder
    qtbot.waitUntil(reminder.isVisible)
    qtbot.waitUntil(lambda: reminder.width() >= reminder.sizeHint().width())  # whole, not cut from the left
    assert "…" in window.database_status.text() and window.database_status.toolTip().endswith(path)


def test_an_empty_table_says_why_and_what_to_do(window, qtbot):
    qtbot.keyClicks(window.search_box, "zzzz")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    assert window.table.placeholder() == "Không có sự kiện nào khớp với năm, loại, trạng thái hay từ tìm đã chọn."
    blank = window.table.viewport().grab().toImage()
    assert len({blank.pixel(x, y) for x in range(0, blank.width(), 4) for y in range(0, 60, 2)}) > 2  # drawn
