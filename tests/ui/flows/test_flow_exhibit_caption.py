"""Issue 27, point 2: an exhibition item's caption, typed as a person types, is stored as typed."""

from PySide6.QtCore import Qt

from nlv_events.services.exhibits import structure
from tests.ui.flows.editing import event_id, open_editor
from tests.ui.keyboard import type_text

CAPTION = "Bản in năm 1591, chữ Hán; Viện Nghiên cứu Hán Nôm"


def test_typing_a_caption_keeps_it_whole_and_saves_it_when_the_field_is_left(qtbot, demo_db):
    """Each keystroke saved and reloaded the caption under the cursor: it was stored as ".1591,cắBtệiV…"."""
    exhibition = event_id("demo-2022-exh-01")
    editor = open_editor(qtbot, exhibition)
    tab = editor.exhibit_tab
    editor.show_tab(tab)
    qtbot.mouseClick(tab.add_item_button, Qt.MouseButton.LeftButton)
    title = tab.form.lines["title"]
    assert title.hasFocus()  # Add item puts the cursor in the new item's title (it got the `checked` flag instead)
    type_text(title, "Đại Việt sử ký toàn thư")
    qtbot.keyClick(title, Qt.Key.Key_Tab)

    caption = tab.form.caption
    qtbot.mouseClick(caption.viewport(), Qt.MouseButton.LeftButton)
    assert caption.hasFocus()
    type_text(caption, CAPTION)
    assert caption.toPlainText() == CAPTION and caption.textCursor().position() == len(CAPTION)
    assert structure.load(exhibition).sections[-1].items[-1].caption is None  # not saved under the cursor

    qtbot.keyClick(caption, Qt.Key.Key_Tab)  # leaving the field saves it
    item = structure.load(exhibition).sections[-1].items[-1]
    assert (item.title, item.caption) == ("Đại Việt sử ký toàn thư", CAPTION)
    assert caption.toPlainText() == CAPTION and "\t" not in caption.toPlainText()
