"""Issue 27, point 1: "Import…" on the guests tab opens the file chooser and imports what the user picks."""

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog

from nlv_events.core.resources import resource
from nlv_events.services.guests import guest_list
from nlv_events.ui.guests.guests_tab import GuestsTab
from tests.ui.flows.editing import event_id, open_editor


def test_import_button_opens_the_chooser_and_imports_the_chosen_file(qtbot, demo_db, monkeypatch):
    """Qt passed the button's `checked` flag as the path: no chooser opened and nothing was imported."""
    review = event_id("demo-2022-review")
    editor = open_editor(qtbot, review)
    tab = editor.findChild(GuestsTab)
    editor.show_tab(tab)
    chosen: Path = resource("demo", "khach-moi-mau.csv")
    asked = []

    def choose(parent, caption, folder, filters):
        asked.append(filters)
        return str(chosen), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)

    def press_import_in_the_preview():
        dialog = getattr(tab, "import_dialog", None)  # none when the chooser never opened
        if dialog is not None:
            qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press_import_in_the_preview)  # the preview is modal: answer it once it shows
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)

    assert len(asked) == 1 and "*.csv" in asked[0]
    stored = [entry.name for entry in guest_list.guest_list(review)]
    assert "Trịnh Thị Thủy" in stored and "Lê Khánh Hải" in stored
    assert tab.model.rowCount() == len(stored) and tab.counts_label.text().startswith(f"{len(stored)} ")
