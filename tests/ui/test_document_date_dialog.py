"""The list of guests asks its date before printing: the event's day offered for a past event, a typed date printed
under the header."""

import io

import pdfplumber
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QDialogButtonBox

from nlv_events.services.guests import guest_list as guests
from nlv_events.services.guests import guest_replies
from nlv_events.ui.shell.dialogs import DocumentDateDialog
from tests.unit.services.guest_helpers import THUY, review_id


def test_the_list_of_guests_is_dated_as_asked(window, qtbot, answers):
    event_id = review_id()
    ids = [guests.add_guest(event_id, THUY)]
    guest_replies.set_state(ids, "invited")
    assert window.select_event(event_id)
    shown, offered = [], []
    window.guest_printing.show = lambda pdf, name, title: shown.append(pdf)

    def type_the_date_and_print():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, DocumentDateDialog)
        offered.append(dialog.day.date().toString("dd/MM/yyyy"))
        dialog.day.setFocus()
        dialog.day.setSelectedSection(QDateTimeEdit.Section.DaySection)
        qtbot.keyClicks(dialog.day, "20")  # the day typed over 26
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)  # fmt: skip

    QTimer.singleShot(0, type_the_date_and_print)
    window.guest_printing.reception_list.trigger()
    qtbot.waitUntil(lambda: bool(shown) or bool(answers), timeout=10000)
    assert not answers, answers
    assert offered == ["26/12/2022"]  # the 2022 event's day, not today
    with pdfplumber.open(io.BytesIO(shown[0])) as document:
        text = document.pages[0].extract_text()
    assert "Hà Nội, ngày 20 tháng 12 năm 2022" in text, text[:400]


def test_the_checklist_from_the_print_menu_is_dated_as_asked(qtbot, db, tmp_path, monkeypatch):
    import datetime as dt

    from PySide6.QtWidgets import QFileDialog

    from nlv_events.core import event_reading, store
    from nlv_events.core.exhibit_records import ExhibitData, ItemEntry, SectionEntry
    from nlv_events.core.records import EventRecord
    from nlv_events.services.exhibits import structure
    from nlv_events.ui.events.event_editor import EventEditor

    event_id = store.save_event(EventRecord(kind="exhibition", title="Trưng bày sách quý", start=dt.date(2022, 3, 1),
                                            status="held")).id  # fmt: skip
    structure.save(event_id, ExhibitData(sections=[SectionEntry("Sách", [ItemEntry("Truyện Kiều")])]))
    editor = EventEditor(event_reading.load_record(event_id))
    qtbot.addWidget(editor)
    editor.show()
    editor.show_tab(editor.exhibit_tab)
    target = tmp_path / "danh-muc.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    offered = []

    def accept_the_offered_date():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, DocumentDateDialog)
        offered.append(dialog.day.date().toString("dd/MM/yyyy"))
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)  # fmt: skip

    QTimer.singleShot(0, accept_the_offered_date)
    (action,) = [action for action in editor.exhibit_tab.print_button.menu().actions() if "PDF" in action.text()
                 and "nh mục" in action.text()]  # fmt: skip
    action.trigger()
    assert offered == ["01/03/2022"]  # the opening day of a past exhibition, not today
    tab = editor.exhibit_tab
    qtbot.waitUntil(lambda: tab.preview is not None and tab.preview.isVisible(), timeout=20000)  # then the preview
    with pdfplumber.open(io.BytesIO(tab.preview.pdf)) as document:
        assert "Hà Nội, ngày 01 tháng 3 năm 2022" in document.pages[0].extract_text()
    tab.preview.reject()
