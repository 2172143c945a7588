"""English: View › Language › English, then the window, the form and a printout's preview speak English, and the
choice is kept for the next start."""

from PySide6.QtCore import Qt

from nlv_events import i18n
from nlv_events.i18n import _
from nlv_events.ui.events.event_editor import EventEditor
from tests.ui.flows.acting import click, menu_action, trigger, while_open


def test_the_language_menu_turns_the_window_the_form_and_the_preview_to_english(window, qtbot, app_settings):
    trigger(window, _("&View"), _("&Language"), "English")
    assert i18n.current_language() == "en" and app_settings.get("language") == "en"
    assert [action.text() for action in window.menuBar().actions()] == ["&File", "&Edit", "&View", "P&lan", "&Help"]
    header = window.table.model().headerData
    assert [header(column, Qt.Orientation.Horizontal) for column in range(2)] == ["Kind", "Title"]
    assert {window.model.index(row, 0).data() for row in range(window.model.rowCount())} >= {"Exhibition", "Talk"}
    assert menu_action(window, "View", "Language", "English").isChecked()
    seen: dict = {}

    def look(editor):
        seen["title"] = editor.windowTitle()
        seen["tabs"] = [editor.tabs.tabText(index) for index in range(3)]
        seen["buttons"] = (editor.save_button.text(), editor.cancel_button.text())
        click(qtbot, editor.cancel_button)

    opened = while_open(look, EventEditor)
    trigger(window, "Edit", "New event")
    opened.done()
    assert seen == {"title": "New event", "tabs": ["General", "People", "Programme"], "buttons": ("Save", "Cancel")}
    trigger(window, "File", "Year-end list")
    qtbot.waitUntil(lambda: window.preview is not None and window.preview.isVisible(), timeout=20_000)
    assert window.preview.windowTitle() == "Events of the year 2022"
    assert window.preview.save_button.text() == "Save as PDF…"
