"""Issue 34: File → Import an event list…: the list chosen, a column given its meaning in the preview, Import
pressed, the events in the window's list."""

from openpyxl import load_workbook

from nlv_events.i18n import _
from nlv_events.ui.events.list_import_dialog import ListImportDialog
from tests.ui.conftest import visible_titles
from tests.ui.flows.acting import answer_file_dialog, button, choose, click, trigger, while_open
from tests.unit.services.interchange import list_files

NOTES_COLUMN = list_files.HEADERS.index("Ghi chú")


def test_the_preview_takes_a_columns_meaning_and_imports_the_list(window, qtbot, monkeypatch, tmp_path, answers):
    path = list_files.write_xlsx(tmp_path / "danh-muc-2022.xlsx", bad_date="12/09/2022")
    workbook = load_workbook(path)
    workbook.active.cell(row=3, column=NOTES_COLUMN + 1, value="Diễn giải")  # a header nobody recognises
    workbook.save(path)
    asked = answer_file_dialog(monkeypatch, path, "getOpenFileName")
    seen: dict = {}

    def notes_shown(dialog) -> list[str]:
        return [dialog.rows_table.item(row, 9).text() for row in range(dialog.rows_table.rowCount())]

    def confirm(dialog):
        box = dialog.column_boxes[NOTES_COLUMN]
        seen["before"] = (box.currentData(), "Trưng bày trực tuyến" in notes_shown(dialog))
        choose(qtbot, box, "notes")
        seen["after"] = "Trưng bày trực tuyến" in notes_shown(dialog)
        seen["rows"] = dialog.rows_table.rowCount()
        click(qtbot, dialog.import_button)

    preview = while_open(confirm, ListImportDialog)
    trigger(window, _("&File"), _("Import an &event list…"))
    preview.done()
    assert asked, "the file chooser was not opened"
    assert seen["before"] == ("", False) and seen["after"] and seen["rows"] == 7
    # stored in the background; the window lists the events once it is done
    qtbot.waitUntil(lambda: "Giao lưu tác giả trẻ" in visible_titles(window), timeout=20_000)
    assert "Báo chí cách mạng Việt Nam – 97 năm" in visible_titles(window)
    # the live updates may list the new events before the import's own message: wait for that too
    qtbot.waitUntil(lambda: any("7" in message for kind, message in answers if kind == "inform"), timeout=20_000)


def test_a_list_with_an_unreadable_row_names_it_and_stores_nothing(window, qtbot, monkeypatch, tmp_path):
    path = list_files.write_xlsx(tmp_path / "danh-muc-2022.xlsx")
    answer_file_dialog(monkeypatch, path, "getOpenFileName")
    seen: dict = {}

    def look_and_cancel(dialog):
        seen["problems"] = dialog.problems.text()
        seen["import"] = dialog.import_button.isEnabled()
        click(qtbot, button(dialog, _("Cancel")))

    preview = while_open(look_and_cancel, ListImportDialog)
    trigger(window, _("&File"), _("Import an &event list…"))
    preview.done()
    assert seen["problems"].startswith("2022, ") and " 12: " in seen["problems"] and "31/02/2022" in seen["problems"]
    assert seen["import"] is False
    assert "Giao lưu tác giả trẻ" not in visible_titles(window)


def test_the_preview_of_the_demo_years_own_list_fits_a_1280_by_680_laptop(window, qtbot, monkeypatch, tmp_path):
    """Imported again over the demo year, the list's eleven columns and a line for each of the 26 events entered by
    hand it changes made the dialog 900 px tall: Import and Cancel were below the screen's edge, the lines drawn over
    the column drop-downs."""
    from nlv_events.printing import write
    from nlv_events.services.reports import year_list_document

    path = tmp_path / "danh-muc-2022.docx"
    write(year_list_document.document(2022), path)
    answer_file_dialog(monkeypatch, path, "getOpenFileName")
    room = 680 - 40 - 30  # less a taskbar and the title bar
    seen: dict = {}

    def look_and_cancel(dialog):
        seen["needs"] = dialog.minimumSizeHint().height()
        dialog.resize(dialog.width(), room)
        qtbot.wait(50)
        seen["cancel"] = button(dialog, _("Cancel")).mapTo(dialog, button(dialog, _("Cancel")).rect().bottomLeft()).y()
        click(qtbot, button(dialog, _("Cancel")))

    preview = while_open(look_and_cancel, ListImportDialog)
    trigger(window, _("&File"), _("Import an &event list…"))
    preview.done()
    assert seen["needs"] <= room and seen["cancel"] <= room
