"""The Exhibition tab: shown for exhibitions, quick add by call number, catalogue import with its preview,
reorder by drag and by buttons, loans with their warnings and their checks."""

import datetime as dt
import threading

import pytest
from PySide6.QtCore import Qt, QThread, QTimer
from PySide6.QtWidgets import QPushButton
from shiboken6 import isValid

from nlv_events.core import event_reading, store
from nlv_events.core.exhibit_records import ExhibitData, ItemEntry, LoanEntry, SectionEntry
from nlv_events.core.records import EventRecord
from nlv_events.services.exhibits import structure
from nlv_events.ui.events.event_editor import EventEditor
from nlv_events.ui.exhibits import exhibit_tab
from nlv_events.ui.exhibits.catalogue_import_dialog import CatalogueImportDialog
from tests.marc_files import book, cp1251_book, marc_bytes


@pytest.fixture
def exhibition(db):
    event_id = store.save_event(
        EventRecord(kind="exhibition", title="Trưng bày ảnh Hà Nội xưa", start=dt.date.today(), status="held")
    ).id
    structure.save(
        event_id,
        ExhibitData(
            sections=[
                SectionEntry(
                    "Phố cổ",
                    [
                        ItemEntry("Ảnh Hàng Đào", item_type="photograph", call_number="A 1"),
                        ItemEntry("Ảnh Hàng Ngang", item_type="photograph", call_number="A 2"),
                    ],
                ),
                SectionEntry("Hồ Gươm", [ItemEntry("Ảnh Tháp Rùa", quantity=2, call_number="A 3")]),
            ],
            loans=[
                LoanEntry(
                    "Bảo tàng Hà Nội",
                    date_out=dt.date.today() - dt.timedelta(days=20),
                    date_due=dt.date.today() + dt.timedelta(days=3),
                    state="received",
                )
            ],
        ),
    )
    return event_id


@pytest.fixture
def tab(qtbot, exhibition):
    editor = EventEditor(event_reading.load_record(exhibition))
    qtbot.addWidget(editor)
    editor.show()
    editor.show_tab(editor.exhibit_tab)
    return editor.exhibit_tab


def titles(tab):
    return [[item.title for item in section.items] for section in structure.load(tab.event_id).sections]


def until_imported(qtbot, tab) -> None:
    """Wait until the catalogue's reading and adding, on the worker thread, are over (each task deletes itself)."""
    qtbot.waitUntil(lambda: tab.import_task is not None and not isValid(tab.import_task), timeout=10_000)


def test_tab_follows_the_kind_and_shows_the_count_and_the_warning(qtbot, tab):
    editor = tab.window()
    index = editor.tab_index(tab)
    assert editor.tabs.isTabVisible(index)
    assert "4 tài liệu" in tab.count_label.text()
    assert tab.warning_label.isVisible() and "còn 3 ngày" in tab.warning_label.text()
    editor.kind_box.setCurrentIndex(editor.kind_box.findData("talk"))
    assert not editor.tabs.isTabVisible(index)


def test_quick_add_by_call_number_from_items_already_known(qtbot, tab):
    tab._select(1, None)
    tab.call_number.setText("a 1")
    qtbot.keyClick(tab.call_number, Qt.Key.Key_Return)
    assert titles(tab) == [["Ảnh Hàng Đào", "Ảnh Hàng Ngang"], ["Ảnh Tháp Rùa", "Ảnh Hàng Đào"]]
    tab.call_number.setText("Z 99")
    tab.quick_add()
    assert "Z 99" in tab.message.text() and tab.message.isVisible()


def test_import_shows_the_preview_and_adds_only_when_confirmed(qtbot, tab, tmp_path, monkeypatch):
    path = tmp_path / "export.mrc"
    path.write_bytes(
        marc_bytes([book("Hà Nội băm sáu phố phường", "Thạch Lam", marc8=True)]) + marc_bytes([book("Hỏng")])[:-20]
    )
    monkeypatch.setattr(exhibit_tab, "choose_catalogue_file", lambda parent: str(path))
    seen = []

    def answer(accept):
        def exec_(dialog):
            seen.append((dialog.table.item(0, 1).text(), dialog.problems.count(), dialog.add_button.text()))
            return CatalogueImportDialog.DialogCode.Accepted if accept else CatalogueImportDialog.DialogCode.Rejected

        return exec_

    monkeypatch.setattr(CatalogueImportDialog, "exec", answer(False))
    tab.import_catalogue()
    until_imported(qtbot, tab)
    assert len(seen) == 1 and sum(len(items) for items in titles(tab)) == 3  # cancelled: nothing added
    monkeypatch.setattr(CatalogueImportDialog, "exec", answer(True))
    tab._select(0, 0)
    tab.import_catalogue()
    until_imported(qtbot, tab)
    assert seen[0] == ("Hà Nội băm sáu phố phường", 1, "Thêm 1 tài liệu")
    assert titles(tab)[0][-1] == "Hà Nội băm sáu phố phường"
    assert structure.count_summary(tab.event_id).checklist_total == 5


def test_reorder_with_buttons_and_by_drag(qtbot, tab):
    tab._select(0, 1)
    tab.move_selected(-1)
    assert titles(tab)[0] == ["Ảnh Hàng Ngang", "Ảnh Hàng Đào"]
    ids_before = sorted(item.id for item in structure.load(tab.event_id).items)
    # Drag "Ảnh Tháp Rùa" onto the first section, as the view does: drop a copy, then remove the original.
    model = tab.model
    source = model.index(0, 0, model.index(1, 0))
    mime = model.mimeData([source, source.siblingAtColumn(1), source.siblingAtColumn(2)])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, model.index(0, 0))
    model.removeRow(source.row() + 0, model.index(1, 0))
    qtbot.waitUntil(lambda: titles(tab) == [["Ảnh Tháp Rùa", "Ảnh Hàng Ngang", "Ảnh Hàng Đào"], []])
    assert sorted(item.id for item in structure.load(tab.event_id).items) == ids_before


def test_editing_an_item_in_the_form(qtbot, tab):
    tab._select(1, 0)
    tab.form.quantity.setValue(4)
    tab.form.quantity.editingFinished.emit()
    assert structure.load(tab.event_id).sections[1].items[0].quantity == 4
    assert "5" not in tab.count_label.text() and "6 tài liệu" in tab.count_label.text()


def test_a_loan_returned_before_it_went_out_is_refused_in_the_tab(qtbot, tab):
    before = structure.load(tab.event_id).loans
    out = before[0].date_out
    tab.loans_table.item(0, 4).setText((out - dt.timedelta(days=1)).strftime("%d/%m/%Y"))
    assert tab.message.isVisible() and "trước cả ngày giao" in tab.message.text()
    assert structure.load(tab.event_id).loans == before


def test_override_keeps_the_hand_entered_figure(qtbot, tab):
    tab.override_box.setChecked(True)
    assert structure.count_summary(tab.event_id).override
    assert "ghi đè" in tab.count_label.text()


def test_a_section_dropped_into_another_keeps_its_items(qtbot, tab):
    model = tab.model
    source = model.index(1, 0)
    mime = model.mimeData([source, source.siblingAtColumn(1), source.siblingAtColumn(2)])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, model.index(0, 0))
    model.removeRow(1)
    qtbot.waitUntil(lambda: [s.title for s in structure.load(tab.event_id).sections] == ["Phố cổ", "Hồ Gươm"])
    assert titles(tab) == [["Ảnh Hàng Đào", "Ảnh Hàng Ngang"], ["Ảnh Tháp Rùa"]]


def test_the_detail_pane_shows_the_counted_figure(qtbot, tab):
    from nlv_events.ui.events.detail_pane import event_html

    record = event_reading.load_record(tab.event_id)
    assert "4 (theo danh mục)" in event_html(record)
    structure.set_count_override(tab.event_id, True)
    assert "— (nhập tay; danh mục đếm được 4)" in event_html(record)


def test_an_exhibition_has_a_programme_for_its_opening(qtbot, tab):
    """'Print programme' is offered for an exhibition (its opening ceremony: khai mạc, cắt băng, tham quan), so
    the editor must show where to write it."""
    editor = tab.window()
    assert editor.tabs.tabText(2) == "Chương trình" and editor.tabs.isTabVisible(2)


def test_the_tab_says_its_changes_are_saved_at_once(qtbot, tab):
    from PySide6.QtWidgets import QLabel

    note = tab.findChild(QLabel, "savedAtOnce")
    assert note is not None and note.isVisible()
    assert note.text() == "Thay đổi ở thẻ này được lưu ngay; nút Hủy của cửa sổ không hoàn tác chúng."


def test_the_preview_of_a_dat_export_shows_what_the_reader_warned_about(qtbot, tab, tmp_path, monkeypatch):
    path = tmp_path / "OCLC.DAT"
    path.write_bytes(marc_bytes([book("Lược sử nước Việt", marc8=True), cp1251_book("Война и мир", "Толстой")]))
    monkeypatch.setattr(exhibit_tab, "choose_catalogue_file", lambda parent: str(path))
    seen = []

    def exec_(dialog):
        seen.append((dialog.table.rowCount(), dialog.problems.count(), dialog.notes.isVisibleTo(dialog)))
        seen.append(dialog.notes.text())
        return CatalogueImportDialog.DialogCode.Rejected

    monkeypatch.setattr(CatalogueImportDialog, "exec", exec_)
    tab.import_catalogue()
    until_imported(qtbot, tab)
    assert seen[0] == (1, 1, True)
    assert seen[1].startswith("1 ") and seen[1].endswith(": 2.")


def test_the_catalogue_is_read_and_added_while_the_editor_answers(qtbot, tab, tmp_path, monkeypatch):
    """5 000 records take a second to read and three to add: the editor did both itself and stopped answering.
    Here the reading waits until the editor has handled a timer of its own, which it could not do while reading."""
    from nlv_events.services.exhibits import catalogue_import

    path = tmp_path / "muc-luc.mrc"
    path.write_bytes(marc_bytes([book("Nhật ký trong tù", "Hồ Chí Minh")]))
    monkeypatch.setattr(exhibit_tab, "choose_catalogue_file", lambda parent: str(path))
    monkeypatch.setattr(CatalogueImportDialog, "exec", lambda dialog: CatalogueImportDialog.DialogCode.Accepted)
    answered, threads = threading.Event(), []
    read, apply = catalogue_import.read, catalogue_import.apply

    def slow_read(*args, **kwargs):
        threads.append(QThread.currentThread())
        answered.wait(10)  # the editor's timer below, if its thread is free to run it
        return read(*args, **kwargs)

    added = threading.Event()

    def watched_apply(*args, **kwargs):
        threads.append(QThread.currentThread())
        added.wait(10)  # until the test has looked at the window during the adding
        return apply(*args, **kwargs)

    monkeypatch.setattr(catalogue_import, "read", slow_read)
    monkeypatch.setattr(catalogue_import, "apply", watched_apply)
    QTimer.singleShot(0, answered.set)
    tab._select(1, None)
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    assert not tab.import_button.isEnabled()  # one import at a time
    qtbot.waitUntil(lambda: len(threads) == 2, timeout=10_000)
    # the adding is one transaction holding the write lock: no Cancel that could not stop it, no second import
    adding = tab.import_task._dialog
    qtbot.waitUntil(adding.isVisible, timeout=2_000)  # at once: the editor takes no input while the lock is held
    assert adding.findChild(QPushButton) is None and not tab.import_button.isEnabled()
    added.set()
    until_imported(qtbot, tab)

    assert all(thread is not tab.thread() for thread in threads) and tab.import_button.isEnabled()
    assert titles(tab)[1] == ["Ảnh Tháp Rùa", "Nhật ký trong tù"]  # into the section chosen
    shown = [tab.model.index(row, 0, tab.model.index(1, 0)).data() for row in range(2)]
    assert shown[1].startswith("Nhật ký trong tù")  # the tree shows it without reopening


def test_cancel_while_the_catalogue_is_read_shows_nothing_and_adds_nothing(qtbot, tab, tmp_path, monkeypatch):
    from nlv_events.services.exhibits import catalogue_import

    path = tmp_path / "muc-luc.mrc"
    path.write_bytes(marc_bytes([book("Nhật ký trong tù", "Hồ Chí Minh")]))
    monkeypatch.setattr(exhibit_tab, "choose_catalogue_file", lambda parent: str(path))
    shown = []
    monkeypatch.setattr(CatalogueImportDialog, "exec", lambda dialog: shown.append(dialog) or 1)
    cancelled = threading.Event()
    read = catalogue_import.read
    monkeypatch.setattr(catalogue_import, "read", lambda *args: cancelled.wait(10) and read(*args))
    tab.import_catalogue()
    task = tab.import_task
    qtbot.waitUntil(task._dialog.isVisible, timeout=5_000)  # the reading reports no progress: shown all the same
    with qtbot.waitSignal(task.destroyed, timeout=15_000):
        qtbot.mouseClick(task._dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel, while reading
        cancelled.set()
    assert shown == [] and sum(len(items) for items in titles(tab)) == 3


def test_the_editor_closed_while_the_catalogue_is_read_waits_for_the_reading(qtbot, tab, tmp_path, monkeypatch):
    """A thread destroyed while it runs aborts the program: closing the editor cancels the reading and waits."""
    from nlv_events.services.exhibits import catalogue_import

    path = tmp_path / "muc-luc.mrc"
    path.write_bytes(marc_bytes([book("Nhật ký trong tù", "Hồ Chí Minh")]))
    monkeypatch.setattr(exhibit_tab, "choose_catalogue_file", lambda parent: str(path))
    release = threading.Event()
    read = catalogue_import.read
    monkeypatch.setattr(catalogue_import, "read", lambda *args: release.wait(10) and read(*args))
    tab.import_catalogue()
    task = tab.import_task
    threading.Timer(0.2, release.set).start()  # the reading ends while the window's thread waits for it
    tab.window().reject()  # the editor's Cancel: its `finished` stops the work before the tab goes
    assert not task.is_running()
    assert sum(len(items) for items in titles(tab)) == 3
