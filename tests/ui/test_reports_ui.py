"""Printing, tallies, settings and the first start, as a user reaches them from the window."""

import datetime as dt
import json

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel

from nlv_events.core import store
from nlv_events.core.models import Event
from nlv_events.core.settings import Settings
from nlv_events.services.reports import tallies
from nlv_events.ui.reports.tallies_view import PLAN_COLUMN, TalliesDialog
from nlv_events.ui.shell.first_start import FirstStartDialog
from nlv_events.ui.shell.settings_dialog import SettingsDialog


def test_print_programme_opens_the_preview_with_save_and_print(window, qtbot, tmp_path):
    window.select_event(Event.get(Event.ref == "demo-2022-review").id)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.preview is not None and window.preview.isVisible(), timeout=20_000)
    preview = window.preview
    assert preview.page_count() >= 2
    assert "Hội nghị Tổng kết" in preview.windowTitle()
    target = tmp_path / "out" / "review.pdf"
    target.parent.mkdir()
    assert preview.save_to(str(target))
    assert target.read_bytes() == preview.pdf
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    preview.print_to(printer)
    assert (tmp_path / "printed.pdf").stat().st_size > 1000
    # the same document as Word, for the office to edit before signing
    assert preview.word_button.isVisibleTo(preview)
    word = tmp_path / "out" / "review.docx"
    assert preview.save_word_to(str(word))
    from docx import Document

    assert Document(str(word)).tables[1].rows[0].cells[0].text == "Thời gian"
    assert not preview.warning.isVisibleTo(preview)
    # number, date and signer set in the preview print the document again with them
    preview.decree_fields.number_edit.setText("125")
    preview.decree_fields.date_edit.setDate(QDate(2022, 12, 20))
    preview.decree_fields.signer_edit.setText("Nguyễn Văn A")
    qtbot.mouseClick(preview.decree_fields.apply_button, Qt.MouseButton.LeftButton)
    from tests.unit.conftest import pdf_text

    text = pdf_text(preview.pdf)
    assert "Số: 125/CTr-TVQG" in text and "Hà Nội, ngày 20 tháng 12 năm 2022" in text and "Nguyễn Văn A" in text
    assert preview.page_count() >= 2


def test_preview_warns_of_characters_no_font_can_print(qtbot, db):
    from nlv_events.core.records import EventRecord, ProgrammeEntry
    from nlv_events.services.reports import programme
    from nlv_events.ui.shell.pdf_preview import PdfPreview

    record = EventRecord(
        kind="talk",
        title="Giao lưu 🎉 cùng tác giả ★",
        start=dt.date(2023, 5, 5),
        programme=[ProgrammeEntry(start=dt.datetime(2023, 5, 5, 9), title="Khai mạc 🎉")],
    )
    preview = PdfPreview(programme.render(record), "x.pdf", "Giao lưu")
    qtbot.addWidget(preview)
    assert preview.warning.isVisibleTo(preview)
    assert "🎉" in preview.warning.text() and "★" not in preview.warning.text()


def test_programme_of_an_event_without_one_is_explained(window, answers):
    window.select_event(Event.get(Event.ref == "demo-2022-exh-01").id)
    window.print_programme()
    assert answers == [
        ("inform", "Sự kiện “Mừng Đảng quang vinh, mừng Xuân Nhâm Dần 2022” chưa có chương trình để in.")
    ]
    assert window.preview is None


def test_year_list_runs_off_the_gui_thread_and_previews(window, qtbot):
    window.print_year_list()
    assert window.task is not None
    qtbot.waitUntil(lambda: window.preview is not None, timeout=30_000)
    assert window.preview.page_count() >= 4
    assert window.preview.suggested_name == "danh-muc-su-kien-2022.pdf"


def test_tallies_view_plan_edit_chart_narrative_and_export(window, qtbot, tmp_path, answers):
    dialog = TalliesDialog(2022, window)
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.model
    assert model.index(0, 0).data() == "Triển lãm"
    assert model.index(0, 1).data() == "20"
    assert "20 cuộc triển lãm, trưng bày" in dialog.narrative.toPlainText()
    assert len(dialog.chart.series()) == 1 and dialog.chart.series()[0].count() == 3
    assert model.setData(model.index(0, PLAN_COLUMN), 25)
    assert tallies.compute(2022).kinds["exhibition"].plan == 25
    assert model.index(0, PLAN_COLUMN + 1).data() == "80%"
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.narrative.toPlainText()
    target = tmp_path / "tallies.json"
    task = dialog.export_to(str(target))
    qtbot.waitUntil(lambda: target.exists(), timeout=20_000)
    assert task is not None
    qtbot.waitUntil(lambda: bool(answers) and answers[-1][0] == "inform")
    assert json.loads(target.read_text(encoding="utf-8"))["kinds"]["exhibition"]["plan"] == 25


def test_tallies_model_passes_the_model_tester(qtmodeltester, demo_db):
    dialog = TalliesDialog(2022)
    qtmodeltester.check(dialog.model)


def test_settings_dialog_saves_organisation_lines_and_language(window, qtbot, tmp_path):
    settings = Settings(tmp_path / "s.json")
    dialog = SettingsDialog(settings, window)
    qtbot.addWidget(dialog)
    dialog.organisation_edits["organisation.name"].setText("THƯ VIỆN TỈNH BẮC NINH")
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    dialog.accept()
    reread = Settings(tmp_path / "s.json")
    assert reread.get("organisation.name") == "THƯ VIỆN TỈNH BẮC NINH"
    assert reread.get("language") == "en"
    assert reread.get("organisation.parent") == "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH"


def test_first_start_offers_the_demo_year(qtbot, db, tmp_path):
    settings = Settings(tmp_path / "s.json")
    dialog = FirstStartDialog(settings, str(tmp_path / "events.sqlite3"))
    qtbot.addWidget(dialog)
    assert any("events.sqlite3" in label.text() for label in dialog.findChildren(QLabel))  # where the data lives
    dialog.show()
    city = dialog.organisation_edits["organisation.city"]
    city.setFocus()
    city.setText("Bắc Ninh")
    qtbot.keyClick(city, Qt.Key.Key_Return)  # Enter in a field chooses nothing: the sample year is not loaded
    assert dialog.isVisible() and dialog.result() == 0
    dialog.demo_button.click()
    assert dialog.choice == "demo"
    assert Settings(tmp_path / "s.json").get("organisation.city") == "Bắc Ninh"


def test_deleted_events_dialog_restores(window, qtbot, monkeypatch):
    from nlv_events.ui.events.deleted_dialog import DeletedEventsDialog

    event_id = Event.get(Event.ref == "demo-2022-talk-1").id
    store.delete_event(event_id)
    window.reload()
    dialog = DeletedEventsDialog(window, window.undo_stack, window._after_change)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1
    dialog.restore_button.click()
    assert window.current_event_id() == event_id
    window.undo_action.trigger()
    assert Event.get_by_id(event_id).deleted_at is not None


def test_esc_on_the_first_start_keeps_what_was_typed_and_starts_empty(qtbot, db, tmp_path):
    settings = Settings(tmp_path / "s.json")
    dialog = FirstStartDialog(settings, str(tmp_path / "events.sqlite3"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.organisation_edits["organisation.city"].setText("Bắc Ninh")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.choice == "empty"
    assert Settings(tmp_path / "s.json").get("organisation.city") == "Bắc Ninh"  # it used to be thrown away
