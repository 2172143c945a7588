"""Issue 33: File → Export the calendar for the website writes the coming year's public calendar to a folder."""

import datetime as dt

from nlv_events.core import store
from nlv_events.core.records import EventRecord
from nlv_events.i18n import _
from tests.ui.flows.acting import answer_file_dialog, trigger


def test_the_file_menu_writes_the_coming_years_calendar_to_the_chosen_folder(window, qtbot, tmp_path, monkeypatch):
    soon = dt.date.today() + dt.timedelta(days=10)
    store.save_event(EventRecord(kind="exhibition", title="Triển lãm Sách quý sắp mở", start=soon))
    store.save_event(EventRecord(kind="training", title="Lớp tập huấn nội bộ", start=soon))
    folder = tmp_path / "lich-web"
    folder.mkdir()
    asked = answer_file_dialog(monkeypatch, folder, "getExistingDirectory")

    trigger(window, _("&File"), "Export the calendar for the &website…")

    assert len(asked) == 1
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert "Triển lãm Sách quý sắp mở" in index and "Lớp tập huấn nội bộ" not in index  # a course stays internal
    assert (folder / "su-kien" / f"{soon.isoformat()}-trien-lam-sach-quy-sap-mo.html").is_file()
    assert (folder / "lich-su-kien.ics").is_file() and (folder / "atom.xml").is_file()
    assert "1" in window.statusBar().currentMessage()
