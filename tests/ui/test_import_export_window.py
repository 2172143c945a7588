"""Import and export from the window: the same TCVN3 question as the command line, in the background, cancellable."""

import json

from PySide6.QtWidgets import QPushButton

from nlv_events.core.models import Event
from tests.integration.test_workspace import LEGACY


def _legacy_file(tmp_path):
    source = tmp_path / "cu.json"
    source.write_text(json.dumps(LEGACY, ensure_ascii=False), encoding="utf-8")
    return source


def test_the_window_asks_before_converting_tcvn3_text(window, qtbot, monkeypatch, tmp_path, answers):
    from nlv_events.ui.shell import ask

    asked = []
    monkeypatch.setattr(ask, "confirm", lambda parent, title, question: asked.append(question) or False)
    window.import_from(str(_legacy_file(tmp_path)))
    assert asked and "TCVN3" in asked[0] and "--convert-legacy" not in asked[0]
    assert not Event.select().where(Event.ref == "legacy-1").exists()

    monkeypatch.setattr(ask, "confirm", lambda *args: True)
    window.import_from(str(_legacy_file(tmp_path)))
    qtbot.waitUntil(lambda: Event.select().where(Event.ref == "legacy-1").exists(), timeout=10_000)
    qtbot.waitUntil(lambda: any("1" in message for kind, message in answers if kind == "inform"), timeout=10_000)
    assert Event.get(Event.ref == "legacy-1").title == "Tọa đàm văn hóa đọc"


def test_a_cancelled_import_stores_nothing(window, qtbot, tmp_path):
    many = {
        "format": "nlv-events/1",
        "events": [
            {"ref": f"many-{n}", "kind": "talk", "title": f"Tọa đàm số {n}", "start": "2024-05-05"}
            for n in range(1500)
        ],
    }
    source = tmp_path / "many.json"
    source.write_text(json.dumps(many, ensure_ascii=False), encoding="utf-8")
    before = Event.select().count()
    window.import_from(str(source))
    task = window.task
    with qtbot.waitSignal(task.destroyed, timeout=30_000):  # the task goes once its thread has stopped
        task._dialog.findChild(QPushButton).click()  # the user presses Cancel in the progress dialog
    assert Event.select().count() == before


def test_export_from_the_window_runs_in_the_background(window, qtbot, tmp_path):
    target = tmp_path / "nam-2022.json"
    window.export_to(str(target), 2022)
    qtbot.waitUntil(lambda: target.exists(), timeout=10_000)
    assert len(json.loads(target.read_text(encoding="utf-8"))["events"]) == 32
