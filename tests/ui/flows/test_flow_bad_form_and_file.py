"""Bad input: a form saved without its title, and a file that is not the app's data chosen for import. Each is
said in plain words where the person looks, and nothing half-done is stored."""

from PySide6.QtWidgets import QLabel

from nlv_events.core import queries
from nlv_events.core.models import Event
from nlv_events.i18n import _
from nlv_events.ui.events.event_editor import EventEditor
from tests.ui.conftest import visible_titles
from tests.ui.flows.acting import answer_file_dialog, click, trigger, type_into, while_open


def test_a_form_without_its_title_says_so_beside_the_field_and_keeps_what_was_typed(window, qtbot):
    seen: dict = {}

    def fill(editor):
        type_into(qtbot, editor.venue_box.lineEdit(), "Phòng đọc Thiếu nhi")
        click(qtbot, editor.save_button)
        message = editor.findChild(QLabel, "error_title")  # the red line under the title
        seen["message"] = message.text() if message.isVisible() else None
        seen["still open"] = editor.isVisible()
        seen["venue kept"] = editor.venue_box.currentText()
        type_into(qtbot, editor.title_edit, "Giờ đọc sách thiếu nhi")
        seen["message after typing"] = message.isVisible()
        click(qtbot, editor.save_button)

    before = Event.select().count()
    opened = while_open(fill, EventEditor)
    trigger(window, _("&Edit"), _("&New event"))
    opened.done()
    assert seen == {
        "message": _("The title is required."),
        "still open": True,
        "venue kept": "Phòng đọc Thiếu nhi",
        "message after typing": False,
    }
    assert Event.select().count() == before + 1 and "Giờ đọc sách thiếu nhi" in visible_titles(window)


def test_a_file_that_is_not_the_apps_data_is_refused_in_a_sentence(window, qtbot, monkeypatch, tmp_path, answers):
    spreadsheet = tmp_path / "danh-sach.json"
    spreadsheet.write_text("Tên,Ngày\nTọa đàm,01/02/2023\n", encoding="utf-8")
    answer_file_dialog(monkeypatch, spreadsheet, "getOpenFileName")
    before = queries.years_with_events()
    trigger(window, _("&File"), _("&Import from a file…"))
    qtbot.waitUntil(lambda: bool(answers), timeout=10_000)
    kind, message = answers[-1]
    assert kind == "warn" and "danh-sach.json" in message and "Traceback" not in message
    assert len(message.splitlines()) <= 3
    assert queries.years_with_events() == before and window.model.rowCount() == 32
