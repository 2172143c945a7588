"""Issue #27, point 12: a file that brings a series says how many events its import added (the occurrences the list
then shows), and the calendar file says how many events it holds, in the window and on the command line."""

import json

from PySide6.QtWidgets import QFileDialog

from nlv_events.services.planning import series
from tests.integration.cli_runner import run
from tests.ui.conftest import visible_titles

# Saturday story hours from 04/01 to 29/03/2025 with 01/02 (Tết) skipped: 12 occurrences.
STORY_HOURS = {
    "format": "nlv-events/1",
    "series": [
        {
            "title": "Kể chuyện cho thiếu nhi",
            "kind": "talk",
            "rule": "FREQ=WEEKLY;BYDAY=SA",
            "start": "2025-01-04T09:00",
            "end": "2025-01-04T10:30",
            "until": "2025-03-29",
            "skip": ["2025-02-01"],
            "venue": "Phòng Thiếu nhi",
        }
    ],
}


def test_importing_a_series_counts_its_occurrences_and_so_does_the_calendar(
    window, qtbot, monkeypatch, answers, tmp_path, capsys
):
    source = tmp_path / "gio-ke-chuyen.json"
    source.write_text(json.dumps(STORY_HOURS, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(source), ""))
    window.actions["import"].trigger()
    qtbot.waitUntil(lambda: bool(answers))
    (kind, message), = answers
    assert kind == "inform" and "thêm 12 sự kiện" in message, message
    (spec,) = series.all_series()
    assert len(series.occurrences(spec.id)) == 12

    window.year_box.setCurrentIndex(window.year_box.findData(2025))
    qtbot.waitUntil(lambda: visible_titles(window).count("Kể chuyện cho thiếu nhi") == 12)
    calendar = tmp_path / "2025.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(calendar), ""))
    window.actions["export_ics"].trigger()
    assert calendar.exists()
    assert window.statusBar().currentMessage().startswith("Đã ghi 12 sự kiện")


def test_the_command_line_counts_the_same(tmp_path, db_path, capsys):
    source = tmp_path / "gio-ke-chuyen.json"
    source.write_text(json.dumps(STORY_HOURS, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "import", str(source), "--db", str(db_path))
    assert code == 0, err
    assert "thêm 12 sự kiện" in out
    code, out, err = run(capsys, "ics", "--year", "2025", "-o", str(tmp_path / "2025.ics"), "--db", str(db_path))
    assert code == 0, err
    assert out.startswith("Đã ghi 12 sự kiện")
