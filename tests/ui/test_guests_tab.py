"""The editor's Guests tab and the Print menu entries, driven as a user would."""

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QLabel

from nlv_events.core import event_reading, queries
from nlv_events.services.guests import guest_groups, guest_replies
from nlv_events.services.guests import guest_list as guests
from nlv_events.services.guests.guest_list import GuestEntry
from nlv_events.ui.events.event_editor import EventEditor
from nlv_events.ui.guests.dialogs import DeputyDialog, GroupsDialog
from nlv_events.ui.guests.guest_table_model import MIME_TYPE
from nlv_events.ui.guests.guests_tab import GuestsTab
from tests.unit.services.guest_helpers import THUY, add_many, review_id


def select_rows(tab: GuestsTab, rows: list[int]) -> None:
    selection = tab.view.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(
            tab.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )


def test_add_from_the_address_book_change_many_filter_and_count(qtbot, qtmodeltester, demo_db, monkeypatch):
    other = next(event.id for event in queries.events() if event.id != review_id())
    guests.add_guest(other, THUY)  # the address book knows her from an earlier event
    tab = GuestsTab(review_id())
    qtbot.addWidget(tab)
    tab.show()
    assert "Trịnh Thị Thủy" in tab.name_box.completer().model().stringList()
    tab.name_box.setText("Trịnh Thị Thủy")  # as chosen from the completion list
    qtbot.keyClick(tab.name_box, Qt.Key.Key_Return)
    add_many(review_id(), 3)
    tab.reload()
    qtmodeltester.check(tab.model)
    assert tab.model.rowCount() == 4
    assert tab.model.index(0, 2).data() == "Trịnh Thị Thủy"
    assert tab.model.index(0, 3).data() == "Thứ trưởng"  # as she was addressed last time
    assert tab.name_box.text() == ""

    select_rows(tab, [0, 1, 2])
    tab.state_box.setCurrentIndex(list(guest_replies.STATES).index("invited"))
    tab.apply_button.click()
    select_rows(tab, [1])

    def fill_deputy(dialog) -> int:
        dialog.honorific.setCurrentText("Ông")
        dialog.name.setText("Lê Văn Thay")
        dialog.position.setText("Phó Giám đốc")
        return DeputyDialog.DialogCode.Accepted

    monkeypatch.setattr(DeputyDialog, "exec", fill_deputy)
    tab.set_state_of_selected("deputy")
    deputy = guests.guest_list(review_id())[1]
    assert (deputy.card_name, deputy.card_position) == ("Ông Lê Văn Thay", "Phó Giám đốc")
    assert "4 khách mời: đã mời 3" in tab.counts_label.text()
    assert "cử đại diện 1" in tab.counts_label.text()

    tab.filter_box.setCurrentIndex(tab.filter_box.findData("to_invite"))
    assert [tab.model.index(row, 2).data() for row in range(tab.model.rowCount())] == ["Nguyễn Văn Khách 003"]
    tab.filter_box.setCurrentIndex(0)
    assert tab.model.rowCount() == 4


def test_drag_changes_precedence_and_cells_edit_the_appearance(qtbot, demo_db, answers):
    add_many(review_id(), 3)
    tab = GuestsTab(review_id())
    qtbot.addWidget(tab)
    mime = tab.model.mimeData([tab.model.index(2, 0)])
    assert mime.hasFormat(MIME_TYPE)
    tab.model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, tab.model.index(-1, -1))
    assert [entry.name[-3:] for entry in guests.guest_list(review_id())] == ["003", "001", "002"]
    assert tab.model.index(0, 2).data() == "Nguyễn Văn Khách 003"
    assert tab.model.setData(tab.model.index(0, 8), "A1")
    assert guests.guest_list(review_id())[0].seat == "A1"
    tab.add_guest("Nguyễn Văn Khách 001")  # already on the list: told, not crashed
    assert answers and "đã có" in answers[-1][1]


def test_editor_has_a_guests_tab_and_a_new_event_explains_why_not_yet(qtbot, demo_db):
    editor = EventEditor(event_reading.load_record(review_id()))
    qtbot.addWidget(editor)
    titles = [editor.tabs.tabText(index) for index in range(editor.tabs.count())]
    assert "Khách mời" in titles
    record = event_reading.load_record(review_id())
    record.id = None
    fresh = EventEditor(record)
    qtbot.addWidget(fresh)
    tab = fresh.tabs.widget(fresh.tabs.count() - 1)
    assert isinstance(tab, GuestsTab) and tab.event_id is None


def test_enter_in_the_guest_box_adds_the_guest_and_leaves_the_editor_open(qtbot, demo_db):
    """Enter used to reach the editor's default button too: the event was saved and the editor closed."""
    editor = EventEditor(event_reading.load_record(review_id()))
    qtbot.addWidget(editor)
    editor.show()
    tab = next(editor.tabs.widget(index) for index in range(editor.tabs.count())
               if isinstance(editor.tabs.widget(index), GuestsTab))  # fmt: skip
    editor.tabs.setCurrentWidget(tab)
    editor.title_edit.setText("Tên đang sửa dở")  # an edit the user has not decided to save yet
    for name in ("Nguyễn Văn An", "Trần Thị Bình"):
        tab.name_box.setFocus()
        tab.name_box.setText(name)  # (QTest types ASCII only)
        qtbot.keyClick(tab.name_box, Qt.Key.Key_Return)
    assert editor.isVisible() and editor.result() == 0
    assert [entry.name for entry in guests.guest_list(review_id())][-2:] == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert event_reading.load_record(review_id()).title != "Tên đang sửa dở"


def test_print_menu_previews_name_cards(window, qtbot, monkeypatch, answers):
    event_id = review_id()
    guests.add_guest(event_id, GuestEntry(name="Trịnh Thị Thủy", honorific="Bà"))
    ids = [entry.id for entry in guests.guest_list(event_id)]
    guest_replies.set_state(ids, "invited")
    guest_replies.set_state(ids, "accepted")
    texts = [action.text() for action in window.file_menu.actions()]
    assert {"&Giấy mời…", "&Thẻ tên đại biểu…", "&Danh sách đại biểu…"} <= set(texts)
    shown = []
    assert window.select_event(event_id)
    window.guest_printing.show = lambda pdf, name, title: shown.append((pdf[:5], name, title))
    window.guest_printing.name_cards.trigger()
    qtbot.waitUntil(lambda: bool(shown) or bool(answers), timeout=10000)
    assert not answers, answers
    assert shown[0][0] == b"%PDF-" and shown[0][2] == "Thẻ tên"


def test_import_in_the_window_previews_maps_asks_and_imports(qtbot, demo_db, tmp_path, monkeypatch):
    from nlv_events.ui.guests.dialogs import ImportDialog
    from nlv_events.ui.shell import ask

    guests.add_guest(
        next(event.id for event in queries.events() if event.id != review_id()),
        GuestEntry(name="Lê Thị Hoa", organisation="Thư viện Đà Nẵng"),
    )
    path = tmp_path / "khach.csv"
    path.write_text(
        "Tên khách;Đơn vị;Nhóm\nLe Thi Hoa;Thư viện Đà Nẵng;\nĐỗ Văn Tư;Thư viện Huế;Nhóm lạ\n", encoding="utf-8"
    )
    dialog = ImportDialog(review_id(), path)
    qtbot.addWidget(dialog)
    assert "Họ và tên" in dialog.problems.text() and not dialog.import_button.isEnabled()  # no name column yet
    dialog.mapping_boxes["Tên khách"].setCurrentIndex(dialog.mapping_boxes["Tên khách"].findData("name"))
    assert "Dòng 3, cột C (Nhóm)" in dialog.problems.text() and not dialog.import_button.isEnabled()
    dialog.mapping_boxes["Nhóm"].setCurrentIndex(0)  # leave the group column out
    assert dialog.problems.text() == "" and dialog.import_button.isEnabled()
    assert dialog.preview_table.item(0, 6).text() == "có thể là Lê Thị Hoa (Thư viện Đà Nẵng)?"
    asked = []
    monkeypatch.setattr(ask, "confirm", lambda parent, title, question: asked.append(question) or True)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=10_000)  # written on a worker thread
    assert len(asked) == 1 and "Le Thi Hoa" in asked[0]
    assert [entry.name for entry in guests.guest_list(review_id())] == ["Lê Thị Hoa", "Đỗ Văn Tư"]

    groups = GroupsDialog()
    qtbot.addWidget(groups)
    groups.editor.setPlainText("Khách quốc tế\n" + groups.editor.toPlainText())
    groups.save()
    assert guest_groups.groups()[0].name == "Khách quốc tế"


def test_groups_dialog_shows_and_sets_which_letters_say_chi_dao(qtbot, demo_db, tmp_path, monkeypatch):
    from nlv_events.core.settings import Settings
    from nlv_events.ui.guests.printing_menu import InvitationDialog

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    dialog = GroupsDialog()
    qtbot.addWidget(dialog)
    assert dialog.leaders.value() == 1
    assert "nhóm Lãnh đạo Bộ ghi “tới dự và chỉ đạo”" in dialog.wording.text()
    dialog.leaders.setValue(2)
    assert "Lãnh đạo Bộ, Vụ, Cục thuộc Bộ" in dialog.wording.text()
    dialog.save()
    assert Settings().get("invitations.leader_groups") == "2"
    assert guest_groups.leader_groups() == ["Lãnh đạo Bộ", "Vụ, Cục thuộc Bộ"]
    printing = InvitationDialog()
    qtbot.addWidget(printing)
    assert "Lãnh đạo Bộ, Vụ, Cục thuộc Bộ" in printing.wording.text()  # seen again before printing
    dialog = GroupsDialog()
    qtbot.addWidget(dialog)
    dialog.leaders.setValue(0)
    assert "Mọi giấy mời đều ghi “tới dự”" in dialog.wording.text()


def test_address_book_edits_contacts_and_lists_appearances(qtbot, demo_db, caplog):
    import logging

    from nlv_events.core.models import Person
    from nlv_events.ui.events.address_book import EMAIL_COLUMN, AddressBookDialog

    caplog.set_level(logging.INFO)
    guests.add_guest(review_id(), THUY)
    book = AddressBookDialog()
    qtbot.addWidget(book)
    book.search.setText("trinh thi thuy")
    assert book.table.rowCount() == 1 and book.table.item(0, 0).text() == "Trịnh Thị Thủy"
    book.table.item(0, EMAIL_COLUMN).setText("thuy@example.vn")
    assert Person.get(Person.name == "Trịnh Thị Thủy").email == "thuy@example.vn"
    book.table.setCurrentCell(0, 0)
    assert "Hội nghị Tổng kết công tác năm 2022" in book.appearances.item(0).text()
    assert "Bà Trịnh Thị Thủy – Thứ trưởng" in book.appearances.item(0).text()
    assert "thuy@example.vn" not in caplog.text


def test_programme_row_filled_from_the_guests_coming(qtbot, demo_db, answers):
    event_id = review_id()
    ids = add_many(event_id, 3)
    guest_replies.set_state(ids, "invited")
    guest_replies.set_state(ids[:1], "accepted")
    guest_replies.set_state(ids[1:2], "deputy", deputy_name="Ông Lê Văn Thay", deputy_position="Phó Giám đốc")
    editor = EventEditor(event_reading.load_record(event_id))
    qtbot.addWidget(editor)
    (tab,) = [editor.tabs.widget(i) for i in range(editor.tabs.count()) if editor.tabs.tabText(i) == "Khách mời"]
    assert tab.programme_button.isHidden() is False
    tab.fill_programme_row()  # no row chosen yet: told what to do
    assert "chọn trước một dòng" in answers[-1][1]
    editor.programme_view.setCurrentIndex(editor.programme_model.index(0, 3))
    tab.fill_programme_row()
    tab.fill_programme_row()  # a second time adds nobody twice
    people = editor.record().programme[0].people
    added = [person for person in people if person.role == "guest"]
    assert [person.name for person in added] == ["Nguyễn Văn Khách 001", "Lê Văn Thay"]
    assert added[1].honorific == "Ông"  # the deputy as addressed, the address book's name without "Ông"
    assert added[0].position == "Giám đốc" and added[0].organisation == "Thư viện tỉnh số 1"
    editor.undo_stack.undo()  # one step of the editor's undo takes the second (empty) fill back
    editor.undo_stack.undo()
    assert [p for p in editor.record().programme[0].people if p.role == "guest"] == []


def test_a_reply_goes_step_by_step_on_the_same_selection_and_a_wrong_step_says_the_right_one(qtbot, demo_db,
                                                                                              answers):  # fmt: skip
    add_many(review_id(), 3)
    tab = GuestsTab(review_id())
    qtbot.addWidget(tab)
    tab.show()
    assert "được lưu ngay" in tab.findChild(QLabel, "savedAtOnce").text()

    def apply(state: str) -> None:
        tab.state_box.setCurrentIndex(list(guest_replies.STATES).index(state))
        tab.apply_button.click()

    select_rows(tab, [0, 1])
    apply("accepted")  # straight from "Chưa mời": refused, saying what comes first
    assert answers[-1][1].endswith("từ “Chưa mời” chỉ chuyển được sang “Đã mời”.")
    apply("invited")
    apply("accepted")  # the same two guests, still selected
    assert [entry.state for entry in guests.guest_list(review_id())] == ["accepted", "accepted", "to_invite"]
    tab.view.selectionModel().clearSelection()
    apply("declined")
    assert answers[-1][1] == "Hãy chọn khách mời trong danh sách trước (giữ Ctrl hoặc Shift để chọn nhiều người)."


def test_the_guest_printouts_are_off_while_no_event_is_selected(window, qtbot):
    printing = window.guest_printing
    window.search_box.setText("không có sự kiện nào như thế")
    window.go_to_results()
    assert window.current_event_id() is None
    assert not any(action.isEnabled() for action in (printing.invitations, printing.name_cards,
                                                      printing.reception_list))  # fmt: skip
    window.search_box.clear()
    window.go_to_results()
    assert window.current_event_id() is not None and printing.invitations.isEnabled()


def _large_guest_file(path, count: int):
    lines = ["Họ và tên,Cơ quan", *(f"Khách mời số {n},Thư viện tỉnh số {n}" for n in range(count))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_guests_are_written_while_the_preview_answers(qtbot, demo_db, tmp_path, monkeypatch):
    """10 000 rows take about two seconds to write: the preview wrote them itself and stopped answering. Here the
    writing waits until the preview has handled a timer of its own, which it could not do while writing."""
    import threading

    from PySide6.QtCore import QThread, QTimer

    from nlv_events.services.guests import spreadsheet_import
    from nlv_events.ui.guests.dialogs import ImportDialog

    before = len(guests.guest_list(review_id()))
    dialog = ImportDialog(review_id(), _large_guest_file(tmp_path / "khach.csv", 30))
    qtbot.addWidget(dialog)
    answered, threads = threading.Event(), []
    apply = spreadsheet_import.apply

    def slow_apply(*args, **kwargs):
        threads.append(QThread.currentThread())
        answered.wait(10)  # the preview's timer below, if its thread is free to run it
        return apply(*args, **kwargs)

    monkeypatch.setattr(spreadsheet_import, "apply", slow_apply)
    QTimer.singleShot(0, answered.set)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert not dialog.import_button.isEnabled()  # no second import of the same file meanwhile
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=10_000)
    assert threads and threads[0] is not dialog.thread()
    assert dialog.result() == ImportDialog.DialogCode.Accepted and dialog.summary.added == 30
    assert len(guests.guest_list(review_id())) == before + 30


def test_cancel_while_the_guests_are_written_takes_them_back_and_keeps_the_preview(qtbot, demo_db, tmp_path,
                                                                                  monkeypatch):  # fmt: skip
    import threading

    from PySide6.QtWidgets import QPushButton

    from nlv_events.services.guests import guest_batches
    from nlv_events.ui.guests.dialogs import ImportDialog

    monkeypatch.setattr(guest_batches, "BATCH_SIZE", 10)
    before = [entry.name for entry in guests.guest_list(review_id())]
    dialog = ImportDialog(review_id(), _large_guest_file(tmp_path / "khach.csv", 30))
    qtbot.addWidget(dialog)
    dialog.show()
    first_written, cancelled = threading.Event(), threading.Event()
    write_batch = guest_batches._write_batch

    def batch_then_wait(*arguments):
        state = write_batch(*arguments)
        first_written.set()
        cancelled.wait(10)  # the user presses Cancel while this batch is committed
        return state

    monkeypatch.setattr(guest_batches, "_write_batch", batch_then_wait)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    task = dialog.task
    assert first_written.wait(10)
    with qtbot.waitSignal(task.destroyed, timeout=15_000):
        task._dialog.findChild(QPushButton).click()  # Cancel in the progress window
        cancelled.set()
    assert [entry.name for entry in guests.guest_list(review_id())] == before  # the first batch taken back
    assert dialog.isVisible() and dialog.summary is None and dialog.import_button.isEnabled()
