"""The Photos tab of the event editor and the news item editor, driven as a user would."""

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QLabel

from nlv_events import i18n
from nlv_events.core import event_reading, store
from nlv_events.core.records import EventRecord, PersonEntry
from nlv_events.services.media import event_photos, news, photo_files
from nlv_events.ui.events.event_editor import EventEditor
from nlv_events.ui.media.news_editor import NewsEditor
from tests.photo_files import camera_jpeg

T = dt.datetime


@pytest.fixture
def editor(qtbot, db):
    record = EventRecord(
        kind="talk",
        title="Tọa đàm “Sách & <bạn đọc>”",
        start=T(2023, 4, 21, 9, 0),
        status="held",
        people=[PersonEntry("Nguyễn Nhật Ánh", role="guest", honorific="Ông", position="Nhà văn")],
    )
    saved = event_reading.load_record(store.save_event(record).id)
    dialog = EventEditor(saved)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def photos_folder(tmp_path, count=3) -> Path:
    folder = tmp_path / "the-nho"
    for n in range(count):
        camera_jpeg(
            folder / f"IMG_{n}.jpg",
            size=(2400, 1600),
            taken=T(2023, 4, 21, 9, n),
            colour=(n * 60, 90, 90),
            orientation=6 if n == 0 else None,
        )
    return folder


def wait_for_photos(qtbot, tab, count):
    qtbot.waitUntil(lambda: tab.task is None and tab.grid.count() == count, timeout=20_000)


def test_drop_a_folder_then_caption_credit_people_and_choice(qtbot, editor, tmp_path, answers):
    tab = editor.photos_tab
    assert editor.tabs.tabText(editor.tabs.indexOf(tab)) == "Ảnh"
    assert not tab._loaded  # nothing read until the tab is looked at
    editor.tabs.setCurrentWidget(tab)
    assert tab._loaded and tab.grid.count() == 0 and tab.info_label.text() == "Chưa có ảnh."
    assert "được lưu ngay" in tab.findChild(QLabel, "savedAtOnce").text()  # not waiting for the editor's Save
    (photos_folder(tmp_path) / "ghi-chu.jpg").write_text("không phải ảnh")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "the-nho"))])
    drop = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    tab.dropEvent(drop)
    wait_for_photos(qtbot, tab, 3)
    assert "ghi-chu.jpg" in answers[-1][1]  # the file that was not a picture is named; the others were added
    qtbot.waitUntil(tab.thumbnails_shown)
    placeholder = tab._placeholder.cacheKey()
    assert all(tab.grid.item(r).icon().cacheKey() != placeholder for r in range(3))  # thumbnails, not grey squares

    tab.grid.setCurrentRow(1)
    tab.caption_edit.setText("Ông Nguyễn Nhật Ánh giao lưu với bạn đọc")
    tab.caption_edit.editingFinished.emit()
    tab.photographer_edit.setText("Trần Kim Thơ")
    tab.photographer_edit.editingFinished.emit()
    tab.people_list.item(0).setCheckState(Qt.CheckState.Checked)
    tab.chosen_box.setChecked(True)
    photo = event_photos.photos(editor._record_id)[1]
    assert (photo.caption, photo.photographer, photo.chosen) == (
        "Ông Nguyễn Nhật Ánh giao lưu với bạn đọc",
        "Trần Kim Thơ",
        True,
    )
    assert event_photos.people_shown([photo.id])[photo.id] == [event_photos.appearances(editor._record_id)[0][0]]
    assert tab.grid.item(1).text().startswith("★ ")
    tab.grab().save(str(tmp_path / "photos-tab.png"))


def _drop(tab, folder: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    tab.dropEvent(
        QDropEvent(
            QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
        )
    )


def test_a_folder_dropped_again_adds_what_is_new_and_says_what_it_left_out(qtbot, editor, tmp_path, answers):
    """Issue 25, point 14: adding the same pictures again (after a crash) was a list of failures."""
    i18n.setup_i18n("en")
    tab = editor.photos_tab
    editor.tabs.setCurrentWidget(tab)
    folder = photos_folder(tmp_path, count=2)
    _drop(tab, folder)
    wait_for_photos(qtbot, tab, 2)
    assert answers == []
    camera_jpeg(folder / "IMG_9.jpg", colour=(9, 9, 200))  # taken after the first adding
    _drop(tab, folder)
    wait_for_photos(qtbot, tab, 3)
    assert answers == [("inform", "2 files were already among the event's photos and were left out.")]


def test_missing_photos_are_shown_and_found_in_the_moved_folder(qtbot, editor, tmp_path):
    tab = editor.photos_tab
    tab.add_files([photos_folder(tmp_path, 2)])
    wait_for_photos(qtbot, tab, 2)
    tab.stop_work()
    moved = tmp_path / "o-dia-moi"
    shutil.move(str(tab.root), str(moved))
    tab.reload()
    assert not tab.missing_label.isHidden() and "IMG_0.jpg" in tab.missing_label.text()
    tab.recover_from(moved)
    assert tab.missing_label.isHidden()


def test_the_news_editor_keeps_the_text_exports_and_sets_the_link_in_the_form(qtbot, editor, tmp_path, answers):
    tab = editor.photos_tab
    tab.add_files([photos_folder(tmp_path, 2)])
    wait_for_photos(qtbot, tab, 2)
    dialog = NewsEditor(editor._record_id, tab, set_news_link=editor.news_url_edit.setText)
    qtbot.addWidget(dialog)
    assert dialog.lead_edit.toPlainText().startswith("Ngày 21/04/2023, Thư viện Quốc gia Việt Nam tổ chức Tọa đàm")
    dialog.author_edit.setText("Nguyễn Phương Nhung")
    dialog.rebuild()
    assert dialog.credit_edit.text().startswith("Tin: Nguyễn Phương Nhung")
    dialog.body_edit.setPlainText("Đoạn đã sửa.\n\nĐoạn hai.")
    dialog.export(tmp_path / "web")
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20_000)
    qtbot.waitUntil(lambda: any(kind == "inform" for kind, _message in answers))
    html = next((tmp_path / "web").glob("*.html")).read_text(encoding="utf-8")
    assert "<p>Đoạn đã sửa.</p>" in html and "&lt;bạn đọc&gt;" in html
    assert len(list((tmp_path / "web").glob("*.jpg"))) == 2
    assert news.draft(editor._record_id).body == ["Đoạn đã sửa.", "Đoạn hai."]
    dialog.link_edit.setText("https://nlv.gov.vn/tin/toa-dam.html")
    dialog.record_link()
    assert editor.news_url_edit.text() == "https://nlv.gov.vn/tin/toa-dam.html"
    editor.save()
    assert editor.result_record.news_url == "https://nlv.gov.vn/tin/toa-dam.html"  # saved with the event


def test_a_new_event_has_no_photos_tab_until_saved(qtbot, db):
    dialog = EventEditor(EventRecord(kind="talk", title="", start=dt.date(2023, 5, 5)))
    qtbot.addWidget(dialog)
    assert not hasattr(dialog, "photos_tab")


def test_the_photos_folder_and_author_are_settings(qtbot, db, tmp_path):
    from nlv_events.core.settings import Settings
    from nlv_events.ui.shell.settings_dialog import SettingsDialog

    settings = Settings(tmp_path / "settings.json")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.media_edit.setText(str(tmp_path / "anh-chung"))
    dialog.author_edit.setText("Nguyễn Phương Nhung")
    dialog.accept()
    again = Settings(tmp_path / "settings.json")
    assert again.get("media.folder") == str(tmp_path / "anh-chung")
    assert photo_files.media_root(again.get("media.folder")) == tmp_path / "anh-chung"
    assert (
        news.build(
            store.save_event(EventRecord(kind="other", title="Tin", start=dt.date(2023, 1, 5))).id,
            again.get("news.author"),
        ).credit
        == "Tin: Nguyễn Phương Nhung"
    )
