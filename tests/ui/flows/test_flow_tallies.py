"""Tallies from the File menu: the year's figures in the table, exported to Excel through the file dialog."""

from openpyxl import load_workbook

from nlv_events.i18n import _
from tests.ui.flows.acting import answer_file_dialog, click, shown_texts, trigger


def test_the_tallies_show_the_year_and_export_to_excel(window, qtbot, monkeypatch, tmp_path, answers):
    trigger(window, _("&File"), _("&Tallies…"))
    dialog = window.tallies_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.year_box.currentText() == "2022"
    shown = shown_texts(dialog.table.model())
    assert "Triển lãm" in shown and "Tổng cộng" in shown
    target = tmp_path / "so-lieu.xlsx"
    asked = answer_file_dialog(monkeypatch, target)
    click(qtbot, dialog.export_button)
    assert asked[0][2] == "so-lieu-su-kien-2022.xlsx"  # the proposed name
    qtbot.waitUntil(lambda: bool(answers), timeout=10_000)  # written in the background, then said
    assert answers[-1][0] == "inform" and str(target) in answers[-1][1]
    sheet = load_workbook(target).active
    cells = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]
    assert "Triển lãm" in cells
