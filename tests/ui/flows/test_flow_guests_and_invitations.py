"""Guests and invitations: names typed into the event's Guests tab, the letters printed from File › Invitations."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from nlv_events.i18n import _
from nlv_events.services.guests import guest_list
from nlv_events.ui.events.event_editor import EventEditor
from tests.ui.flows.acting import button, click, click_row, tab_named, trigger, type_into, while_open
from tests.unit.conftest import pdf_text

REVIEW = "Hội nghị Tổng kết công tác năm 2022 và triển khai nhiệm vụ năm 2023"
GUESTS = ("Nguyễn Văn An", "Trần Thị Bình")


def test_guests_typed_in_the_tab_get_their_letters_in_the_preview(window, qtbot):
    def add_guests(editor):
        editor.tabs.setCurrentIndex(tab_named(editor.tabs, _("Guests")))
        tab = editor.tabs.currentWidget()
        for name in GUESTS:
            type_into(qtbot, tab.name_box, name)
            qtbot.keyClick(tab.name_box, Qt.Key.Key_Return)  # Enter adds the guest, and leaves the form open
        assert tab.view.model().rowCount() == 2 and editor.isVisible()
        click(qtbot, editor.cancel_button)  # the guests are kept at once; nothing else changed

    click_row(qtbot, window.table, REVIEW)
    event_id = window.current_event_id()
    opened = while_open(add_guests, EventEditor)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    opened.done()
    assert [entry.name for entry in guest_list.guest_list(event_id)] == list(GUESTS)

    def letters(dialog):
        type_into(qtbot, dialog.number, "25")
        type_into(qtbot, dialog.signer_name, "Nguyễn Xuân Dũng")
        click(qtbot, button(dialog, _("Print")))

    opened = while_open(letters, QDialog)
    trigger(window, _("&File"), _("&Invitations…"))
    opened.done()
    qtbot.waitUntil(lambda: window.preview is not None and window.preview.isVisible(), timeout=20_000)
    text = pdf_text(window.preview.pdf)
    assert "Nguyễn Văn An" in text and "Trần Thị Bình" in text and "Nguyễn Xuân Dũng" in text
    assert window.preview.page_count() == 2  # a letter each
