"""Print previews: the programme and the year-end list from the File menu, saved as PDF through the file dialog."""

from nlv_events.i18n import _
from tests.ui.flows.acting import answer_file_dialog, click, click_row, trigger
from tests.unit.conftest import pdf_text

REVIEW = "Hội nghị Tổng kết công tác năm 2022 và triển khai nhiệm vụ năm 2023"


def test_the_programme_and_the_year_list_open_in_the_preview_and_save(window, qtbot, monkeypatch, tmp_path):
    click_row(qtbot, window.table, REVIEW)
    trigger(window, _("&File"), _("&Print programme…"))
    qtbot.waitUntil(lambda: window.preview is not None and window.preview.isVisible(), timeout=20_000)
    preview = window.preview
    assert REVIEW in preview.windowTitle() and preview.page_count() >= 2
    target = tmp_path / "chuong-trinh.pdf"
    asked = answer_file_dialog(monkeypatch, target)
    click(qtbot, preview.save_button)
    assert asked[0][2].startswith("chuong-trinh-2022-")  # the proposed name, in Vietnamese, from the event
    text = pdf_text(target.read_bytes())
    assert "CHƯƠNG TRÌNH" in text and REVIEW in text
    preview.close()

    trigger(window, _("&File"), _("&Year-end list…"))
    qtbot.waitUntil(lambda: window.preview is not preview and window.preview.isVisible(), timeout=20_000)
    year_list = window.preview
    target = tmp_path / "danh-muc.pdf"
    asked = answer_file_dialog(monkeypatch, target)
    click(qtbot, year_list.save_button)
    assert asked[0][2] == "danh-muc-su-kien-2022.pdf"
    text = pdf_text(target.read_bytes())
    assert REVIEW in text and "Ngày Sách" in text
