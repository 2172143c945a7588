"""Issue 27, point 2 for the photos: a field stored at once is stored when it is left, not digit by digit."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from nlv_events.services.media import event_photos
from tests.photo_files import camera_jpeg
from tests.ui.flows.editing import event_id, open_editor


def test_typing_a_photos_order_stores_the_whole_number_when_the_field_is_left(qtbot, demo_db, tmp_path, monkeypatch):
    folder = tmp_path / "anh-toa-dam"
    for n in range(2):
        camera_jpeg(folder / f"IMG_{n}.jpg", size=(800, 600), taken=dt.datetime(2022, 3, 25, 14, n))
    talk = event_id("demo-2022-talk-1")
    editor = open_editor(qtbot, talk)
    tab = editor.photos_tab
    editor.show_tab(tab)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(folder))
    qtbot.mouseClick(tab.folder_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.task is None and tab.grid.count() == 2, timeout=20_000)
    tab.grid.setCurrentRow(0)

    tab.order_box.setFocus(Qt.FocusReason.TabFocusReason)  # Tab into it: its number is selected
    qtbot.keyClicks(tab.order_box, "12")
    first = event_photos.photos(talk)[0]
    assert first.sort_order == 0 and first.version == 1  # nothing stored while typing ("1" was, then "12")
    qtbot.keyClick(tab.order_box, Qt.Key.Key_Tab)
    assert [photo.sort_order for photo in event_photos.photos(talk) if photo.id == first.id] == [11]
    tab.stop_work()
