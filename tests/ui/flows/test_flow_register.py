"""Sổ văn bản from the File menu: the documents printed under the register's numbers, listed by year and kind,
printed as PDF and exported to Excel through the file dialog."""

import datetime as dt

from openpyxl import load_workbook

from nlv_events.i18n import _
from nlv_events.printing.decree import DecreeOptions
from nlv_events.services.events import event_store
from nlv_events.services.reports import programme, year_report
from tests.ui.flows.acting import answer_file_dialog, choose, click, shown_texts, trigger
from tests.unit.conftest import pdf_text


def test_the_register_lists_the_numbered_documents_and_prints_them(window, qtbot, monkeypatch, tmp_path):
    # Arranged as the command line prints them: a programme and the year's report under the next numbers.
    review = event_store.id_by_ref("demo-2022-review")
    day = DecreeOptions(number="next", date=dt.date(2022, 12, 20), signer="Nguyễn Xuân Dũng")
    programme.write(review, tmp_path / "p.pdf", options=day)
    year_report.write(2022, tmp_path / "list.pdf", day)
    trigger(window, _("&File"), _("Register of outgoing d&ocuments…"))
    dialog = window.register_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.year_box.value() == 2022
    shown = shown_texts(dialog.table.model())
    assert "01/CTr-TVQG" in shown and "01/BC-TVQG" in shown and "Nguyễn Xuân Dũng" in shown
    choose(qtbot, dialog.kind_box, "BC")
    assert dialog.model.row_total() == 1 and "01/BC-TVQG" in shown_texts(dialog.table.model())
    choose(qtbot, dialog.kind_box, None)
    target = tmp_path / "so-van-ban.xlsx"
    answer_file_dialog(monkeypatch, target)
    click(qtbot, dialog.buttons["xlsx"])
    cells = [cell for row in load_workbook(target).active.iter_rows(values_only=True) for cell in row if cell]
    assert "01/CTr-TVQG" in cells and "20/12/2022" in cells
    printed = tmp_path / "so-van-ban.pdf"
    answer_file_dialog(monkeypatch, printed)
    click(qtbot, dialog.buttons["pdf"])
    text = pdf_text(printed.read_bytes())
    assert "THƯ VIỆN QUỐC GIA VIỆT NAM" in text and "01/BC-TVQG" in text
