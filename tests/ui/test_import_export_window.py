"""Import and export from the window: the same TCVN3 question as the command line, in the background, cancellable."""

import json
import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

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
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)  # asked once the file has been read in the background
    assert "TCVN3" in asked[0] and "--convert-legacy" not in asked[0]
    qtbot.waitUntil(lambda: ("inform", "Chưa nhập gì.") in answers, timeout=10_000)
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


def test_the_window_reads_the_file_in_the_background_and_answers_meanwhile(window, qtbot, monkeypatch, tmp_path,
                                                                          answers):
    """A record of 100 000 events takes ten seconds to read and check: the window read it itself and stopped
    answering. Here the reading waits until the window has handled a timer of its own, which it could not do
    while reading."""
    from PySide6.QtCore import QThread, QTimer

    from nlv_events.services.workspace import record

    source = tmp_path / "many.json"
    events = [{"ref": f"bg-{n}", "kind": "talk", "title": f"Tọa đàm số {n}", "start": "2024-05-05"} for n in range(3)]
    source.write_text(json.dumps({"format": "nlv-events/1", "events": events}, ensure_ascii=False), encoding="utf-8")
    answered = threading.Event()
    reading_threads = []
    read = record.read_for_import

    def slow_read(path, convert_legacy=False):
        reading_threads.append(QThread.currentThread())
        answered.wait(10)  # the window's timer below, if its thread is free to run it
        return read(path, convert_legacy)

    monkeypatch.setattr(record, "read_for_import", slow_read)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(source), ""))
    QTimer.singleShot(0, answered.set)
    window.actions["import"].trigger()  # File → Import from a file…
    qtbot.waitUntil(lambda: bool(answers), timeout=15_000)

    assert reading_threads and reading_threads[0] is not window.thread()
    assert answers == [("inform", answers[0][1])] and "thêm 3 sự kiện" in answers[0][1]
    assert Event.select().where(Event.ref.startswith("bg-")).count() == 3


def test_cancel_while_the_file_is_read_imports_nothing(window, qtbot, monkeypatch, tmp_path, answers):
    from nlv_events.services.workspace import record

    source = tmp_path / "many.json"
    events = [{"ref": f"bg-{n}", "kind": "talk", "title": f"Tọa đàm số {n}", "start": "2024-05-05"} for n in range(3)]
    source.write_text(json.dumps({"format": "nlv-events/1", "events": events}, ensure_ascii=False), encoding="utf-8")
    cancelled = threading.Event()
    read = record.read_for_import
    monkeypatch.setattr(record, "read_for_import", lambda *args, **kwargs: cancelled.wait(10) and read(*args, **kwargs))
    window.import_from(str(source))
    task = window.task
    qtbot.waitUntil(task._dialog.isVisible, timeout=5_000)  # the reading reports no progress: shown all the same
    with qtbot.waitSignal(task.destroyed, timeout=15_000):
        qtbot.mouseClick(task._dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel, while reading
        cancelled.set()
    assert not Event.select().where(Event.ref.startswith("bg-")).exists()
    assert answers == []


def test_file_import_takes_a_full_export_with_its_files(window, qtbot, monkeypatch, tmp_path, answers, demo_store):
    """A full export (.zip, `nlv-events export --full`) chosen in File → Import brings the attached files into this
    database's media folder, as `nlv-events import FILE.zip` does."""
    import shutil
    import subprocess
    import sys

    from nlv_events.services.attachments import attachment_files

    source = tmp_path / "other" / "nguon.sqlite3"
    source.parent.mkdir()
    shutil.copyfile(demo_store, source)
    poster = tmp_path / "Áp phích Ngày Sách.png"
    poster.write_bytes(b"\x89PNG poster of the Book Day")
    review = Event.get(Event.ref == "demo-2022-review")
    bundle = tmp_path / "toan-bo.zip"
    attach = ["attach", str(review.id), "add", str(poster), "--kind", "poster"]
    for command in (attach, ["export", str(bundle), "--full"]):
        done = subprocess.run([sys.executable, "-m", "nlv_events", *command, "--db", str(source)], capture_output=True,
                              text=True, timeout=60)  # fmt: skip
        assert done.returncode == 0, done.stderr
    offered: list[str] = []

    def choose(parent, caption, folder, filters):
        offered.append(filters)  # what the dialog shows: a .zip hidden by its filter cannot be chosen
        return str(bundle), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)

    window.actions["import"].trigger()  # File → Import from a file…, the .zip chosen
    qtbot.waitUntil(lambda: bool(answers), timeout=15_000)

    assert "*.zip" in offered[0] and "*.json" in offered[0]
    assert answers[0][0] == "inform", answers
    (attached,) = attachment_files.attachments(review.id)
    assert (attached.original_name, attached.kind) == ("Áp phích Ngày Sách.png", "poster")
    assert attachment_files.file_of(attached).read_bytes() == poster.read_bytes()


def test_a_cancel_too_late_to_stop_the_import_still_says_what_was_imported(window, qtbot, monkeypatch, tmp_path,
                                                                         answers):
    """Cancel pressed once the import has written everything cannot stop it: the window said nothing and went on
    showing the list without the new events."""
    from nlv_events.services.workspace import record

    source = tmp_path / "many.json"
    events = [{"ref": f"late-{n}", "kind": "talk", "title": f"Tọa đàm muộn {n}", "start": "2022-05-05"}
              for n in range(3)]  # fmt: skip
    source.write_text(json.dumps({"format": "nlv-events/1", "events": events}, ensure_ascii=False), encoding="utf-8")
    imported, pressed = threading.Event(), threading.Event()
    real_import = record.import_document

    def import_then_wait_for_the_cancel(document, progress=None):
        summary = real_import(document, None)  # everything is written: nothing can be taken back any more
        imported.set()
        pressed.wait(10)
        return summary

    monkeypatch.setattr(record, "import_document", import_then_wait_for_the_cancel)
    window.import_from(str(source))
    task = window.task
    qtbot.waitUntil(imported.is_set, timeout=15_000)
    task._dialog.findChild(QPushButton).click()  # Cancel, too late
    pressed.set()
    qtbot.waitUntil(lambda: bool(answers), timeout=15_000)

    assert answers[0][0] == "inform" and "thêm 3 sự kiện" in answers[0][1]
    assert Event.select().where(Event.ref.startswith("late-")).count() == 3
