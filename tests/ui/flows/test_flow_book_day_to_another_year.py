"""Book Day copied to another year: Edit › Duplicate to another year, a year typed in, the copy saved."""

import datetime as dt

from PySide6.QtWidgets import QDialog

from nlv_events.core import event_reading
from nlv_events.i18n import _
from nlv_events.ui.events.event_editor import EventEditor
from tests.ui.conftest import visible_titles
from tests.ui.flows.acting import click, click_row, field, trigger, type_into, while_open


def test_book_day_goes_to_2024_with_its_programme_and_the_years_in_its_text(window, qtbot):
    seen: dict = {}

    def choose_year(dialog):
        type_into(qtbot, field(dialog, _("Year of the copy")), "2024")
        seen["changes"] = [dialog.changes_list.item(i).text() for i in range(dialog.changes_list.count())]
        click(qtbot, dialog.ok_button)

    def save(editor):
        seen["title"] = editor.title_edit.text()
        click(qtbot, editor.save_button)

    click_row(qtbot, window.table, "Ngày Sách và Văn hóa đọc Việt Nam năm 2022")
    year_dialog = while_open(choose_year, QDialog, "DuplicateYearDialog")
    editor = while_open(save, EventEditor)
    trigger(window, _("&Edit"), _("Duplicate to another &year…"))
    year_dialog.done()
    editor.done()
    assert any("2024" in change for change in seen["changes"])  # the title's year is offered for change
    assert seen["title"] == "Ngày Sách và Văn hóa đọc Việt Nam năm 2024"
    assert window.year_box.currentText() == "2024"
    assert visible_titles(window) == ["Ngày Sách và Văn hóa đọc Việt Nam năm 2024"]
    copy = event_reading.load_record(window.current_event_id())
    assert copy.start == dt.date(2024, 4, 21) and copy.status == "planned" and len(copy.programme) == 14
    assert all(row.start.year == 2024 for row in copy.programme)
