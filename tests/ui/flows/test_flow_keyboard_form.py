"""Issue #27, point 8: the editor opens with the cursor in the title, and Tab goes down the form in its order."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from nlv_events.core import event_reading
from nlv_events.ui.events.event_editor import EventEditor
from tests.ui.flows.driving import on_next_dialog


def test_a_new_event_is_typed_from_the_title_down_with_tab(window, qtbot):
    seen: list[str] = []

    def type_by_keyboard(editor: EventEditor) -> None:
        fields = {
            editor.kind_box: "kind",
            editor.title_edit: "title",
            editor.title_en_edit: "English title",
            editor.theme_edit: "theme",
            editor.occasion_edit: "occasion",
            editor.start_date: "start",
            editor.start_timed: "at a time",
            editor.has_end: "has an end",
            editor.venue_box: "venue",
            editor.format_box: "format",
            editor.status_box: "status",
            editor.role_box: "role",
            editor.audience_box: "audience",
            editor.partners.entry: "partners",
            editor.attendance: "attendance",
            editor.online_views: "online views",
            editor.items_displayed: "items displayed",
            editor.news_url_edit: "online link",
        }
        assert QApplication.focusWidget() is editor.title_edit  # not the tab bar
        qtbot.keyClicks(editor.title_edit, "Sach quy")
        for _press in range(40):
            widget = QApplication.focusWidget()
            name = fields.get(widget) or fields.get(widget.parentWidget())  # a combo's line, a count's line
            if name and (not seen or seen[-1] != name):
                seen.append(name)
            qtbot.keyClick(widget, Qt.Key.Key_Tab)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    answered = on_next_dialog(type_by_keyboard, EventEditor)
    window.actions["new"].trigger()
    assert answered
    assert seen[: seen.index("online link") + 1] == [
        "title",
        "English title",
        "theme",
        "occasion",
        "start",
        "at a time",
        "has an end",
        "venue",
        "format",
        "status",
        "role",
        "audience",
        "partners",
        "attendance",
        "online views",
        "items displayed",
        "online link",
    ]
    assert event_reading.load_record(window.current_event_id()).title == "Sach quy"
