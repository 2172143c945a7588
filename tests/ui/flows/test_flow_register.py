"""Sổ văn bản from the File menu: the documents printed under the register's numbers, listed by year and kind,
printed as PDF and exported to Excel through the file dialog."""

import datetime as dt

from openpyxl import load_workbook

from nlv_events.i18n import _
from nlv_events.printing.decree import DecreeOptions
from nlv_events.services.events import event_store
from nlv_events.services.register import entries, registered_print
from nlv_events.services.reports import programme, year_report
from nlv_events.ui.shell import ask
from tests.ui.flows.acting import answer_file_dialog, button, choose, click, click_row, shown_texts, trigger, type_into
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


def test_the_preview_saves_a_programme_under_the_next_number_and_asks_about_a_taken_one(window, qtbot, monkeypatch,
                                                                                       tmp_path, answers):  # fmt: skip
    review_title = "Hội nghị Tổng kết công tác năm 2022 và triển khai nhiệm vụ năm 2023"
    click_row(qtbot, window.table, review_title)
    trigger(window, _("&File"), _("&Print programme…"))
    qtbot.waitUntil(lambda: window.preview is not None and window.preview.isVisible(), timeout=20_000)
    preview = window.preview
    type_into(qtbot, preview.decree_fields.number_edit, "next")
    target = tmp_path / "chuong-trinh.pdf"
    answer_file_dialog(monkeypatch, target)
    click(qtbot, preview.save_button)
    assert preview.decree_fields.number_edit.text() == "01/CTr-TVQG"  # the number taken, shown for the next save
    assert "01/CTr-TVQG" in pdf_text(target.read_bytes())
    listed = entries.entries(dt.date.today().year)
    assert [(line.number_text, line.title) for line in listed] == [("01/CTr-TVQG", listed[0].title)]
    assert review_title in listed[0].title

    # Another document under the programme's number: the window asks, and the person says no.
    type_into(qtbot, preview.decree_fields.number_edit, "01/CTr-TVQG")
    listed_before = entries.entries(dt.date.today().year)
    asked: list[str] = []
    monkeypatch.setattr(ask, "confirm", lambda parent, title, question: asked.append(question) or False)
    monkeypatch.setattr(registered_print, "_same_document", lambda *args: False)
    answer_file_dialog(monkeypatch, tmp_path / "other.docx")
    click(qtbot, preview.word_button)
    assert asked and "01/CTr-TVQG" in asked[0] and not (tmp_path / "other.docx").exists()
    assert entries.entries(dt.date.today().year) == listed_before


def test_the_settings_choose_one_shared_series_and_the_attachment_limit(window, qtbot, app_settings):
    from tests.ui.flows.acting import while_open

    def choose_in(dialog) -> None:
        click(qtbot, dialog.shared_series_box)
        type_into(qtbot, dialog.attachment_limit_box, "20")
        click(qtbot, button(dialog, _("Save")))

    opened = while_open(choose_in, name="SettingsDialog")
    trigger(window, _("&File"), _("&Settings…"))
    opened.done()
    assert app_settings.get("register.shared_series") == "1"
    assert app_settings.get("attachments.max_mb") == "20"


def test_invitations_numbered_next_in_their_dialog_are_registered_when_the_preview_saves(window, qtbot, monkeypatch,
                                                                                       tmp_path):  # fmt: skip
    from nlv_events.services.guests import guest_list
    from nlv_events.services.guests.guest_list import GuestEntry
    from tests.ui.flows.acting import while_open

    review = event_store.id_by_ref("demo-2022-review")
    guest_list.add_guest(review, GuestEntry(name="Nguyễn Văn Bình"))
    click_row(qtbot, window.table, "Hội nghị Tổng kết công tác năm 2022 và triển khai nhiệm vụ năm 2023")

    def number_next(dialog) -> None:
        type_into(qtbot, dialog.number, "next")
        dialog.accept()

    opened = while_open(number_next)
    trigger(window, _("&File"), _("&Invitations…"))
    opened.done()
    qtbot.waitUntil(lambda: window.preview is not None and window.preview.isVisible(), timeout=20_000)
    target = tmp_path / "giay-moi.pdf"
    answer_file_dialog(monkeypatch, target)
    click(qtbot, window.preview.save_button)
    listed = entries.entries(dt.date.today().year, "GM")
    assert [line.number_text for line in listed] == ["01/GM-TVQG"] and listed[0].event_id == review
    assert "01/GM-TVQG" in pdf_text(target.read_bytes())
