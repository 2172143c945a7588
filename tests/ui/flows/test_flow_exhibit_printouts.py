"""Issue #27, points 9 and 10: every printout of an exhibition opens in the preview under a default file name in
Vietnamese built from the event, a name typed without its ending gets the chosen type's, the checklist saved as a
spreadsheet and the invitations saved as Word say where they went, and the tab's Print button shows whole."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QInputDialog, QStyle

from nlv_events.core import store
from nlv_events.core.exhibit_records import ExhibitData, ItemEntry, LoanEntry, SectionEntry
from nlv_events.core.records import EventRecord
from nlv_events.i18n import _
from nlv_events.services.exhibits import structure
from nlv_events.services.guests import guest_list
from nlv_events.services.guests.guest_list import GuestEntry
from nlv_events.ui.events.event_editor import EventEditor
from nlv_events.ui.guests.printing_menu import InvitationDialog
from nlv_events.ui.shell.dialogs import DocumentDateDialog
from tests.ui.flows.driving import click_row, click_tab, on_next_dialog, on_next_menu, show_titles

TITLE = "Trưng bày ảnh Hà Nội xưa"
MUSEUM = "Bảo tàng Hà Nội"


@pytest.fixture(autouse=True)
def no_real_file_dialog(monkeypatch):
    """A save dialog no step of a test answers is cancelled, never left open waiting for a person."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))


@pytest.fixture
def exhibition(window):
    event_id = store.save_event(
        EventRecord(kind="exhibition", title=TITLE, start=dt.date(2022, 10, 1), end=dt.date(2022, 10, 31))
    ).id
    items = [
        ItemEntry("Ảnh Hàng Đào", item_type="photograph", call_number="A 1", lender=MUSEUM),
        ItemEntry("Ảnh Tháp Rùa", quantity=2, call_number="A 3"),
    ]
    loan = LoanEntry(MUSEUM, date_out=dt.date(2022, 9, 25), date_due=dt.date(2022, 11, 10), state="received")
    structure.save(event_id, ExhibitData(sections=[SectionEntry("Phố cổ", items)], loans=[loan]))
    return event_id


def saving_to(monkeypatch, path, chosen_filter: str) -> list:
    """The save dialog answered with `path` (typed without an ending) and `chosen_filter`; what it was offered."""
    offered: list = []

    def answer(parent, title, suggested, filters, *rest):
        offered.append(suggested)
        return str(path), chosen_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return offered


def in_the_exhibition_tab(window, qtbot, act) -> None:
    """Open the exhibition from the list (Enter's action), click its Exhibition tab and `act(tab)` there."""
    show_titles(window, qtbot, TITLE)
    click_row(window, qtbot, TITLE)

    def on_tab(editor: EventEditor) -> None:
        click_tab(editor.tabs, editor.exhibit_tab, qtbot)
        act(editor.exhibit_tab)

    answered = on_next_dialog(on_tab, EventEditor)
    window.actions["edit"].trigger()
    assert answered


def accept_the_offered_date(qtbot) -> list:
    """Click OK in the document's date dialog (the checklist and the introduction ask their date first)."""

    def ok(dialog: DocumentDateDialog) -> None:
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)  # fmt: skip

    return on_next_dialog(ok, DocumentDateDialog)


def print_from_menu(tab, qtbot, entry: str, dated: bool = False):
    """Click the tab's Print button, choose `entry` (answer its date, if `dated`) and wait for its preview."""
    tab.preview = None
    chosen = on_next_menu(entry, qtbot)
    dated_ok = accept_the_offered_date(qtbot) if dated else [True]
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(chosen))  # the button pops its menu up once the click is done
    qtbot.waitUntil(lambda: bool(dated_ok))
    qtbot.waitUntil(lambda: tab.preview is not None and tab.preview.isVisible(), timeout=20000)
    return tab.preview


def test_the_checklist_opens_in_the_preview_and_saves_under_a_vietnamese_name(
    window, qtbot, monkeypatch, tmp_path, exhibition
):
    seen: dict = {}

    def act(tab) -> None:
        preview = print_from_menu(tab, qtbot, _("Checklist (PDF)…"), dated=True)
        seen["name"], seen["title"], seen["pages"] = preview.suggested_name, preview.windowTitle(), preview.page_count()
        offered = saving_to(monkeypatch, tmp_path / "danh-muc", "Tệp PDF (*.pdf)")
        qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
        seen["offered"] = offered
        preview.reject()

    in_the_exhibition_tab(window, qtbot, act)
    assert seen["name"] == f"danh-muc-trung-bay-2022-{exhibition}.pdf"
    assert TITLE in seen["title"] and seen["pages"] >= 1
    assert seen["offered"] == [f"danh-muc-trung-bay-2022-{exhibition}.pdf"]
    assert (tmp_path / "danh-muc.pdf").read_bytes().startswith(b"%PDF")  # the ending the user did not type


def test_labels_handover_and_the_spreadsheet_each_show_or_say_where(
    window, qtbot, monkeypatch, tmp_path, answers, exhibition
):
    seen: dict = {}
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args: (MUSEUM, True))

    def act(tab) -> None:
        offered = saving_to(monkeypatch, tmp_path / "danh-muc", "Bảng tính (*.xlsx)")
        chosen = on_next_menu(_("Checklist (XLSX)…"), qtbot)
        qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(chosen) and bool(answers))
        seen["offered"] = list(offered)
        labels = print_from_menu(tab, qtbot, _("Item labels (PDF)…"))
        seen["labels"] = labels.suggested_name
        labels.reject()
        record = print_from_menu(tab, qtbot, _("Handover record…"))
        seen["handover"], seen["word"] = record.suggested_name, record.word_button.isVisible()
        record.reject()

    in_the_exhibition_tab(window, qtbot, act)
    assert seen["offered"] == [f"danh-muc-trung-bay-2022-{exhibition}.xlsx"]
    assert (tmp_path / "danh-muc.xlsx").stat().st_size > 0
    assert answers == [("inform", f"Đã lưu vào {tmp_path / 'danh-muc.xlsx'}.")]
    assert seen["labels"] == f"nhan-tai-lieu-2022-{exhibition}.pdf"
    assert seen["handover"] == f"bien-ban-giao-nhan-2022-{exhibition}.pdf" and seen["word"]


def test_the_print_button_shows_its_text_and_arrow_on_a_laptop_screen(window, qtbot, exhibition):
    seen: dict = {}

    def act(tab) -> None:
        editor = tab.window()
        button = tab.print_button
        style = button.style()
        needed = (
            button.fontMetrics().horizontalAdvance(button.text())
            + style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
            + 2 * style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, button)
        )
        seen["size"], seen["width"], seen["needed"] = editor.size(), button.width(), needed
        seen["right"] = button.mapTo(editor, button.rect().topRight()).x()

    in_the_exhibition_tab(window, qtbot, act)
    assert seen["size"].width() <= 1280 and seen["size"].height() <= 680
    assert seen["width"] >= seen["needed"], seen  # "In" and its menu arrow side by side, not drawn over each other
    assert seen["right"] < seen["size"].width()


def test_invitations_saved_as_word_say_where_under_a_vietnamese_name(window, qtbot, monkeypatch, tmp_path, answers):
    event_id = store.save_event(EventRecord(kind="talk", title="Tọa đàm sách Tết", start=dt.date(2022, 1, 20))).id
    guest_list.add_guest(event_id, GuestEntry(name="Trịnh Thị Thủy", honorific="Bà", position="Giám đốc"))
    show_titles(window, qtbot, "Tọa đàm sách Tết")
    click_row(window, qtbot, "Tọa đàm sách Tết")
    offered = saving_to(monkeypatch, tmp_path / "giay-moi", "Word (*.docx)")

    def as_word(dialog: InvitationDialog) -> None:
        qtbot.mouseClick(dialog.docx, Qt.MouseButton.LeftButton)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    answered = on_next_dialog(as_word, InvitationDialog)
    window.actions["invitations"].trigger()
    assert answered
    assert offered == [f"giay-moi-2022-{event_id}.docx"]
    assert (tmp_path / "giay-moi.docx").stat().st_size > 0
    assert answers == [("inform", f"Đã lưu vào {tmp_path / 'giay-moi.docx'}.")]
