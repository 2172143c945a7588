"""Undo and redo never overwrite a colleague's later save: they report the conflict like any save."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from nlv_events.core import event_reading, store
from nlv_events.i18n import _
from tests.ui.conftest import visible_titles
from tests.ui.test_editing import through_editor


def test_ctrl_z_after_a_colleagues_save_keeps_their_version(window, qtbot, answers):
    event_id = window.current_event_id()
    original = event_reading.load_record(event_id).title
    window.open_editor = through_editor(qtbot, lambda editor: editor.title_edit.setText("Tên do tôi sửa"))
    window.edit_event(event_id)
    assert "Tên do tôi sửa" in visible_titles(window)

    theirs = event_reading.load_record(event_id)  # a colleague, on the shared database, saves after me
    theirs.notes = "Đồng nghiệp bổ sung ghi chú"
    store.save_event(theirs, base=event_reading.load_record(event_id))

    window.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    stored = event_reading.load_record(event_id)
    assert stored.title == "Tên do tôi sửa" and stored.notes == "Đồng nghiệp bổ sung ghi chú"
    assert original not in visible_titles(window)
    kind, message = answers[-1]
    assert kind == "warn" and "ghi chú" in message.lower()  # the message names what they changed
    assert not window.undo_stack.canRedo()  # the step that could not be undone is gone, not half-done


def test_ctrl_z_after_removing_a_person_in_the_editor_brings_them_back_in_their_photos(window, qtbot, tmp_path,
                                                                                        monkeypatch):  # fmt: skip
    """The commonest mistake: a person removed in the editor and saved, then Edit → Undo. The person came back as a
    new row, in none of the photos that had shown them."""
    from PySide6.QtCore import QItemSelectionModel

    from nlv_events.core import settings
    from nlv_events.core.records import EventRecord, PersonEntry
    from nlv_events.services.media import event_photos as media
    from tests.photo_files import camera_jpeg

    monkeypatch.setitem(settings.DEFAULTS, "media.folder", str(tmp_path / "anh"))
    record = EventRecord(kind="conference", title="Hội nghị có ảnh", start=dt.datetime(2022, 12, 26, 8), people=[
        PersonEntry("Trịnh Thị Thủy", role="guest", honorific="Bà"), PersonEntry("Kiều Thúy Nga", role="chair")])
    event_id = store.save_event(record).id
    media.add_photos(event_id, [camera_jpeg(tmp_path / "a.jpg")])
    (photo,) = media.photos(event_id)
    media.update_photo(photo.id, people=[appearance for appearance, _line in media.appearances(event_id)])
    window.reload(select=event_id)

    def remove_the_first_person(editor):
        editor.tabs.setCurrentWidget(editor.people_view.parentWidget())
        editor.people_view.selectionModel().select(
            editor.people_model.index(0, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        remove = next(button for button in editor.people_view.parentWidget().findChildren(QPushButton)
                      if button.text() == _("Remove"))
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)

    window.open_editor = through_editor(qtbot, remove_the_first_person)
    window.edit_event(event_id)
    shown = media.people_shown([photo.id])[photo.id]
    assert len(shown) == 1 and [p.name for p in event_reading.load_record(event_id).people] == ["Kiều Thúy Nga"]

    window.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Edit → Undo
    people = event_reading.load_record(event_id).people
    assert [p.name for p in people] == ["Trịnh Thị Thủy", "Kiều Thúy Nga"]
    assert sorted(media.people_shown([photo.id])[photo.id]) == sorted(p.id for p in people)
