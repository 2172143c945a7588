"""The Plan menu: the year's commemorations with one-click planning, the series editor, the plan document."""

import datetime as dt
import io

from docx import Document
from PySide6.QtCore import QDate

from nlv_events.core import event_reading
from nlv_events.core.models import Event
from nlv_events.services.planning import commemorations, series, series_rules


def _action_texts(window):
    return [action.text() for action in window.plan_menu.menu.actions()]


def test_the_plan_menu_sits_before_help_and_the_reminder_counts_unplanned_round_years(window, qtbot):
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles.index("&Kế hoạch") == titles.index("Trợ &giúp") - 1
    assert len(_action_texts(window)) == 3
    waiting = commemorations.round_unplanned(dt.date.today())
    assert waiting  # there is always some round anniversary within a year in the catalogue
    reminder = window.plan_menu.reminder
    qtbot.waitUntil(reminder.isVisible)  # shortly after the window: it needs the lunar calendar
    assert str(len(waiting)) in reminder.text()
    window.set_language("en")
    assert "P&lan" in [action.text() for action in window.menuBar().actions()]
    assert "round anniversar" in reminder.text()


def test_creating_a_planned_exhibition_from_a_commemoration(window, qtbot):
    dialog = window.plan_menu.show_commemorations()
    qtbot.addWidget(dialog)
    dialog.year_box.setValue(2025)
    dialog.round_only.setChecked(True)
    headings = [dialog.table.item(row, 2).text() for row in range(dialog.table.rowCount())]
    assert "Kỷ niệm 50 năm Ngày Giải phóng miền Nam, thống nhất đất nước (30/04/1975 – 30/04/2025)" in headings
    dialog.select_key("liberation-south")
    dialog.plan_button.click()
    (event_id,) = commemorations.linked_events("liberation-south", 2025)
    row = dialog.table.currentRow()
    assert dialog.table.item(row, 2).text().startswith("Kỷ niệm 50 năm Ngày Giải phóng miền Nam")
    assert dialog.table.item(row, 3).text() == str(event_id)
    assert window.current_event_id() == event_id  # the window shows the new exhibition
    record = event_reading.load_record(event_id)
    assert record.kind == "exhibition" and record.status == "planned" and record.start == dt.date(2025, 4, 30)


def test_the_series_editor_creates_a_series_and_changes_the_following(window, qtbot):
    dialog = window.plan_menu.show_series()
    qtbot.addWidget(dialog)
    dialog.title.setText("Giờ kể chuyện cho thiếu nhi")
    dialog.kind.setCurrentIndex(dialog.kind.findData("talk"))
    dialog.venue.setText("Phòng đọc Thiếu nhi")
    dialog.start.setDate(QDate(2025, 3, 1))
    dialog.until.setDate(QDate(2025, 3, 29))
    dialog.skip.setText("2025-03-15")
    dialog.save_button.click()
    (spec,) = series.all_series()
    assert series_rules.rule_until(spec.rule) == dt.date(2025, 3, 29) and "BYDAY=SA" in spec.rule
    assert dialog.occurrences.count() == 4
    dialog.occurrences.setCurrentRow(2)  # 22/03
    dialog.venue.setText("Sân Thư viện")
    dialog.following_button.click()
    assert len(series.all_series()) == 2
    venues = [
        event_reading.load_record(event).venue
        for event in Event.select().where(Event.series_id.is_null(False)).order_by(Event.start_date)
    ]
    assert venues == ["Phòng đọc Thiếu nhi", "Phòng đọc Thiếu nhi", "Sân Thư viện", "Sân Thư viện"]


def test_a_bad_skipped_day_is_explained_not_saved(window, qtbot, answers):
    dialog = window.plan_menu.show_series()
    qtbot.addWidget(dialog)
    dialog.title.setText("Tọa đàm")
    dialog.skip.setText("31/02/2025")  # 25/01/2025 is a day as the office writes it, and is taken (issue #27)
    dialog.save_button.click()
    assert answers and "31/02/2025" in answers[-1][1]
    assert series.all_series() == []


def test_the_plan_dialog_previews_the_pdf_and_saves_the_docx(window, qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(window, "show_pdf", lambda pdf, name, title: shown.append((pdf, name)))
    dialog = window.plan_menu.show_plan()
    qtbot.addWidget(dialog)
    dialog.year_box.setValue(2022)
    dialog.number.setText("15/KH-TVQG")
    dialog.signer_title.setPlainText("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC")
    dialog.preview_button.click()
    assert shown and shown[0][0].startswith(b"%PDF") and shown[0][1].endswith(".pdf")
    # the preview offers the Word version, as the programme's does, with the authority on its two lines
    word = Document(io.BytesIO(shown[0][0].make_docx()))
    signer = word.tables[-1].rows[0].cells[1]
    assert [paragraph.text for paragraph in signer.paragraphs][:2] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    dialog.save_docx(str(tmp_path / "plan.docx"))
    assert (tmp_path / "plan.docx").stat().st_size > 0
    assert dialog.progress_table.rowCount() == 6 + 1 + 12
    total_row = next(
        r for r in range(dialog.progress_table.rowCount()) if dialog.progress_table.item(r, 0).text() == "Tổng cộng"
    )
    assert dialog.progress_table.item(total_row, 2).text() == "31"


def test_the_calendar_marks_commemorations(window, qtbot):
    window.views.setCurrentIndex(1)
    window.calendar.show_month(dt.date(2025, 1, 1))
    window.calendar.grid.grab()  # paints
    notes = window.calendar.grid.notes()
    assert notes[dt.date(2025, 1, 29)] == ["Tết Nguyên đán"]  # lunar, converted
    assert "Ngày thành lập Đảng Cộng sản Việt Nam (95)" in notes[dt.date(2025, 2, 3)]  # shown days run into February


def test_the_tallies_show_the_plans_progress(window, qtbot):
    from nlv_events.ui.reports.tallies_view import TalliesDialog

    dialog = TalliesDialog(2022, window)
    qtbot.addWidget(dialog)
    table = dialog.progress_table
    labels = [table.item(row, 0).text() for row in range(table.rowCount())]
    total = labels.index("Tổng cộng")
    assert table.item(total, 2).text() == "31"  # planned: the year's events but the cancelled one
    assert dialog.tabs.tabText(dialog.tabs.count() - 1) == "Tiến độ thực hiện kế hoạch"


def test_linking_the_selected_event_to_a_commemoration(window, qtbot):
    event = Event.get(Event.ref == "demo-2022-exh-01")
    assert window.select_event(event.id)
    dialog = window.plan_menu.show_commemorations()
    qtbot.addWidget(dialog)
    dialog.year_box.setValue(2022)
    dialog.select_key("party")
    dialog.link_button.click()
    assert Event.get_by_id(event.id).commemoration == "party"
    assert dialog.selected().event_ids == [event.id]


def test_the_detail_pane_names_the_commemoration_and_the_series(window):
    record = commemorations.plan_exhibition("party", 2025)
    window.detail.show_event(record.id)
    text = window.detail.toPlainText()
    assert "Ngày kỷ niệm" in text and "Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam" in text
    spec = series.save(
        series.SeriesSpec(
            title="Giờ kể chuyện", kind="talk", start=dt.date(2025, 3, 1), rule=series_rules.weekly_rule([5], count=2)
        )
    )
    window.detail.show_event(series.occurrences(spec.id)[1].id)
    assert "Giờ kể chuyện (buổi ngày 08/03/2025)" in window.detail.toPlainText()


def test_a_commemoration_of_any_lunar_month_is_added_through_the_form(window, qtbot, answers):
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from nlv_events.ui.planning.commemorations_dialog import CommemorationForm

    dialog = window.plan_menu.show_commemorations()
    qtbot.addWidget(dialog)
    dialog.year_box.setValue(2025)

    def fill_and_accept():
        form = QApplication.activeModalWidget()
        assert isinstance(form, CommemorationForm)
        form.name.setText("Rằm tháng Bảy của phòng")
        form.day.setValue(15)
        form.month.setValue(7)
        form.lunar.setChecked(True)
        form.style_box.setCurrentIndex(form.style_box.findData("festival"))
        ok = form.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill_and_accept)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    table = dialog.table
    rows = {table.item(row, 2).text(): table.item(row, 0).text() for row in range(table.rowCount())}
    assert answers == []
    assert rows["Rằm tháng Bảy của phòng Ất Tỵ 2025"] == "06/09/2025"  # after the leap 6th month of 2025
    assert rows["Đại lễ Phật đản Ất Tỵ 2025"] == "12/05/2025"
    assert rows["Tết Ông Công Ông Táo Giáp Thìn 2025"] == "22/01/2025"


def test_the_plan_saved_as_word_with_next_takes_the_registers_next_kh_number(window, qtbot, tmp_path, monkeypatch):
    """The window's plan goes through the register as the command line's does: "next" typed in the number field
    takes the next KH number, shown in the field once saved, and the plan is in the register."""
    from nlv_events.core.register_models import RegisterEntry

    dialog = window.plan_menu.show_plan()
    qtbot.addWidget(dialog)
    dialog.year_box.setValue(2022)
    dialog.number.clear()
    qtbot.keyClicks(dialog.number, "next")
    from nlv_events.ui.planning import plan_dialog

    monkeypatch.setattr(plan_dialog, "save_file_name", lambda *args: str(tmp_path / "plan.docx"))  # the file dialog
    dialog.docx_button.click()

    entry = RegisterEntry.get()
    assert (entry.number, entry.symbol) == (1, "KH-TVQG") and entry.file_name == "plan.docx"
    assert dialog.number.text() == "01/KH-TVQG"  # the decree writes a number under 10 with its 0
    printed = " ".join(paragraph.text for table in Document(str(tmp_path / "plan.docx")).tables
                       for row in table.rows for cell in row.cells for paragraph in cell.paragraphs)  # fmt: skip
    assert "Số: 01/KH-TVQG" in printed
