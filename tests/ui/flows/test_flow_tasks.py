"""Preparing an event through the window: a member of staff added (Edit → Staff), a step added to the talks'
template (Edit → Task templates), the talk's tasks made from it on the editor's Tasks tab, then the board (View →
Tasks to do) shows them overdue and one is marked done there; moving the event asks to move its open tasks."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStyle

from nlv_events.core import vocab
from nlv_events.i18n import _, ngettext
from nlv_events.services.tasks import task_list
from nlv_events.ui.events.event_editor import EventEditor
from nlv_events.ui.shell import ask
from nlv_events.ui.tasks.board_dialog import BoardDialog
from nlv_events.ui.tasks.staff_dialog import StaffDialog
from nlv_events.ui.tasks.templates_dialog import TemplatesDialog
from tests.ui.flows.acting import (
    answer_file_dialog,
    button,
    choose,
    click,
    click_row,
    tab_named,
    trigger,
    type_into,
    while_open,
)
from tests.unit.conftest import pdf_text

TALK = "Giao lưu “Ký ức Hà Nội – 12 ngày đêm”"  # the demo's talk of 20/12/2022
GIFT = "Chuẩn bị quà tặng diễn giả"


def _add_member(qtbot):
    def steps(dialog):
        click(qtbot, dialog.add_button)
        type_into(qtbot, dialog.edits["name"], "Trần Thu Hà")
        type_into(qtbot, dialog.edits["unit"], "Phòng Thông tin tuyên truyền")
        type_into(qtbot, dialog.edits["role"], "lễ tân")
        click(qtbot, dialog.save_button)
        assert dialog.table.item(0, 0).text() == "Trần Thu Hà"
        click(qtbot, button(dialog, _("Close")))

    return steps


def _add_step(qtbot):
    def steps(dialog):
        choose(qtbot, dialog.kind_box, "talk")
        click(qtbot, dialog.add_button)
        type_into(qtbot, dialog.title_edit, GIFT)
        type_into(qtbot, dialog.offset_box, "-2")
        type_into(qtbot, dialog.role_edit, "lễ tân")
        click(qtbot, dialog.save_button)
        last = dialog.table.rowCount() - 1
        assert [dialog.table.item(last, column).text() for column in range(3)] == ["T−2", GIFT, "lễ tân"]
        click(qtbot, button(dialog, _("Close")))

    return steps


def _make_tasks(qtbot):
    def steps(editor):
        editor.tabs.setCurrentIndex(tab_named(editor.tabs, _("Tasks")))
        tab = editor.extra_tabs["tasks"]
        click(qtbot, tab.template_button)
        rows = {tab.table.item(row, 1).text(): row for row in range(tab.table.rowCount())}
        assert tab.table.item(rows[GIFT], 0).text() == "18/12/2022"  # two days before the talk
        assert tab.table.item(rows[GIFT], 2).text() == "Trần Thu Hà"  # the step's role has its owner
        click(qtbot, editor.cancel_button)  # the tasks are saved at once

    return steps


def _mark_done(qtbot):
    def steps(dialog):
        items = {item.text(1): item for item in dialog.task_items()}
        assert {GIFT, "Gửi giấy mời"} <= set(items)
        assert dialog.tree.topLevelItem(0).text(0).startswith(_("Overdue"))
        assert items[GIFT].parent() is dialog.tree.topLevelItem(0)
        # the due day read whole beside the group's indent, as the item view elides it ("21/12/2…" was cut)
        cell = dialog.tree.visualRect(dialog.tree.indexFromItem(items[GIFT], 0))
        margin = dialog.tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
        due = items[GIFT].text(0)
        assert dialog.tree.fontMetrics().elidedText(due, Qt.TextElideMode.ElideRight, cell.width() - 2 * margin) == due
        rect = dialog.tree.visualItemRect(items[GIFT])
        qtbot.mouseClick(dialog.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        click(qtbot, dialog.done_button)
        assert GIFT not in {item.text(1) for item in dialog.task_items()}
        choose(qtbot, dialog.person_box, dialog.person_box.itemData(1))  # the one member: her tasks alone
        assert {item.text(3) for item in dialog.task_items()} == {"Trần Thu Hà"}
        click(qtbot, button(dialog, _("Close")))

    return steps


def test_template_then_tasks_then_the_board_then_done(window, qtbot):
    opened = while_open(_add_member(qtbot), StaffDialog)
    trigger(window, _("&Edit"), _("S&taff…"))
    opened.done()
    opened = while_open(_add_step(qtbot), TemplatesDialog)
    trigger(window, _("&Edit"), _("Task &templates…"))
    opened.done()

    click_row(qtbot, window.table, TALK)
    event_id = window.current_event_id()
    opened = while_open(_make_tasks(qtbot), EventEditor)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    opened.done()

    window.tasks_menu.today = dt.date(2022, 12, 19)  # the Monday of the talk's week
    window.tasks_menu.update_reminder()
    overdue = len([t for t in task_list.tasks(event_id=event_id) if t.due < dt.date(2022, 12, 19)])
    assert window.tasks_menu.reminder.isVisible() and str(overdue) in window.tasks_menu.reminder.text()
    opened = while_open(_mark_done(qtbot), BoardDialog)
    trigger(window, _("&View"), _("&Tasks to do…"))
    opened.done()
    gift = next(task for task in task_list.tasks(event_id=event_id) if task.title == GIFT)
    assert gift.state == "done" and gift.done_on == dt.date.today()
    assert str(overdue - 1) in window.tasks_menu.reminder.text()


def test_a_cancelled_events_tasks_leave_the_board_and_the_overdue_count(window, qtbot):
    """An event cancelled in its editor takes its open tasks off the board (View → Tasks to do) and out of the
    status bar's "N việc quá hạn", which nagged about work for an event that will not happen; the board says how
    many it leaves out, and the event's own Tasks tab still lists them."""
    from nlv_events.services.events import event_store
    from nlv_events.services.tasks import event_tasks

    review = event_store.id_by_ref("demo-2022-review")  # 26/12/2022, held: its tasks stay on the board
    event_tasks.add_from_template(review)
    click_row(qtbot, window.table, TALK)
    talk = window.current_event_id()

    def make_tasks_and_cancel(editor):
        editor.tabs.setCurrentIndex(tab_named(editor.tabs, _("Tasks")))
        click(qtbot, editor.extra_tabs["tasks"].template_button)
        editor.tabs.setCurrentIndex(0)
        choose(qtbot, editor.status_box, "cancelled")
        click(qtbot, editor.save_button)

    opened = while_open(make_tasks_and_cancel, EventEditor)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    opened.done()
    monday = dt.date(2022, 12, 19)
    talks = [task for task in task_list.tasks(event_id=talk) if task.due < monday + dt.timedelta(days=14)]
    assert talks  # on the board at 19/12 had the event been held
    window.tasks_menu.today = monday
    window.tasks_menu.update_reminder()
    overdue = len([task for task in task_list.tasks(event_id=review) if task.due < monday])
    assert overdue and window.tasks_menu.reminder.isVisible()
    assert window.tasks_menu.reminder.text() == ngettext("{count} overdue task", "{count} overdue tasks",
                                                         overdue).format(count=overdue)  # the review's alone

    def look(dialog):
        seen["titles"] = {item.text(2) for item in dialog.task_items()}
        seen["events"] = [dialog.event_box.itemData(index) for index in range(dialog.event_box.count())]
        seen["note"] = dialog.left_out_label.text() if dialog.left_out_label.isVisible() else ""
        click(qtbot, button(dialog, _("Close")))

    seen: dict = {}
    opened = while_open(look, BoardDialog)
    trigger(window, _("&View"), _("&Tasks to do…"))
    opened.done()
    assert TALK not in seen["titles"] and seen["titles"]
    assert talk not in seen["events"] and review in seen["events"]
    assert seen["note"] == ngettext(
        "{count} task of a cancelled event is not shown (the event's Tasks tab lists it).",
        "{count} tasks of cancelled events are not shown (each event's Tasks tab lists them).",
        len(talks)).format(count=len(talks))  # fmt: skip

    def look_at_the_tab(editor):
        editor.tabs.setCurrentIndex(tab_named(editor.tabs, _("Tasks")))
        seen["tab"] = editor.extra_tabs["tasks"].table.rowCount()
        click(qtbot, editor.cancel_button)

    click_row(qtbot, window.table, TALK)
    opened = while_open(look_at_the_tab, EventEditor)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    opened.done()
    assert seen["tab"] == len(task_list.tasks(event_id=talk)) > 0


def test_moving_the_event_asks_to_move_its_open_tasks(window, qtbot, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(ask, "confirm", lambda parent, title, question: asked.append(question) or True)
    click_row(qtbot, window.table, TALK)
    event_id = window.current_event_id()
    opened = while_open(lambda editor: (click(qtbot, editor.extra_tabs["tasks"].template_button),
                                        click(qtbot, editor.cancel_button)), EventEditor)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    opened.done()
    before = {task.title: task.due for task in task_list.tasks(event_id=event_id)}

    def move(editor):
        type_into(qtbot, editor.start_date, "27122022")
        click(qtbot, editor.save_button)

    opened = while_open(move, EventEditor)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    opened.done()
    count = len(before)
    question = ngettext("The event's days moved. Move its {count} open task with them?",
                        "The event's days moved. Move its {count} open tasks with them?", count)
    assert asked == [question.format(count=count)]
    after = {task.title: task.due for task in task_list.tasks(event_id=event_id)}
    assert all(after[title] == due + dt.timedelta(days=7) for title, due in before.items())
    trigger(window, _("&Edit"), _("&Undo"))  # undone with the event
    assert {task.title: task.due for task in task_list.tasks(event_id=event_id)} == before


def test_the_weeks_schedule_with_an_item_typed_for_it_printed_from_the_file_menu(window, qtbot, monkeypatch,
                                                                                  tmp_path):
    def type_item(dialog):
        type_into(qtbot, dialog.week_edit, "21122022")  # any day of the week
        assert dialog.monday() == dt.date(2022, 12, 19)
        click(qtbot, dialog.add_button)
        type_into(qtbot, dialog.day_edit, "22122022")
        type_into(qtbot, dialog.time_edit, "14:00")
        type_into(qtbot, dialog.edits["content"], "Họp giao ban quý IV")
        type_into(qtbot, dialog.edits["leader"], "Giám đốc")
        click(qtbot, dialog.save_button)
        assert dialog.table.item(0, 2).text() == "Họp giao ban quý IV"
        click(qtbot, dialog.print_button)

    opened = while_open(type_item, name="WeekSchedule")
    trigger(window, _("&File"), _("&Weekly work schedule…"))
    opened.done()
    qtbot.waitUntil(lambda: window.preview is not None and window.preview.isVisible(), timeout=20_000)
    preview = window.preview
    assert preview.decree_fields.isVisible()  # number, date and signer, printed again on demand
    target = tmp_path / "lich.pdf"
    answer_file_dialog(monkeypatch, target)
    click(qtbot, preview.save_button)
    text = " ".join(pdf_text(target.read_bytes()).split())
    assert "Họp giao ban quý IV" in text and "Giao lưu “Ký ức Hà Nội – 12 ngày đêm”" in text
    assert "19/12/2022" in text
    # "next" in the preview's number field: the register's next number of the schedule's kind (LCT, which every
    # database has), shown once saved
    from nlv_events.core.register_models import RegisterEntry

    preview.decree_fields.number_edit.clear()
    type_into(qtbot, preview.decree_fields.number_edit, "next")
    numbered = tmp_path / "lich-so.pdf"
    answer_file_dialog(monkeypatch, numbered)
    click(qtbot, preview.save_button)
    assert preview.decree_fields.number_edit.text() == "01/LCT-TVQG"
    assert "01/LCT-TVQG" in pdf_text(numbered.read_bytes())
    assert [(entry.number, entry.file_name) for entry in RegisterEntry.select()] == [(1, "lich-so.pdf")]
    preview.close()


def _headings_read_whole(table) -> bool:
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    return all(
        header.sectionSize(column) >= metrics.horizontalAdvance(table.horizontalHeaderItem(column).text())
        for column in range(table.columnCount())
    )


def test_the_weeks_and_the_templates_dialogs_read_whole_and_in_their_own_words(window, qtbot):
    def look_at_the_week(dialog):
        assert "tài liệu" not in dialog.add_button.text()  # a line of the schedule, not an exhibition's document
        note = dialog.findChild(QLabel, "weekNote")  # the empty list of the demo's week: its events print anyway
        assert note is not None and note.isVisible() and note.text() == _(
            "The week's events, the leadership's programme rows and the tasks chosen for the schedule are printed "
            "from the record; type here only what the record lacks (a meeting, a visit).")
        assert _headings_read_whole(dialog.table)  # "Chủ trì / Thành phần" was cut at both ends
        click(qtbot, button(dialog, _("Close")))

    opened = while_open(look_at_the_week, name="WeekSchedule")
    trigger(window, _("&File"), _("&Weekly work schedule…"))
    opened.done()

    def look_at_the_template(dialog):
        assert _headings_read_whole(dialog.table)  # "Vai trò người phụ trách" was read "ò người phụ t"
        click(qtbot, button(dialog, _("Close")))

    opened = while_open(look_at_the_template, TemplatesDialog)
    trigger(window, _("&Edit"), _("Task &templates…"))
    opened.done()


def test_the_boards_buttons_wait_for_a_task_and_its_person_filter_speaks_of_staff(window, qtbot):
    def look(dialog):
        seen.append((dialog.done_button.isEnabled(), dialog.open_button.isEnabled()))
        seen.append(dialog.person_box.itemText(0) != vocab.label("audience", "all"))  # staff, not an audience
        click(qtbot, button(dialog, _("Close")))

    seen: list = []
    opened = while_open(look, BoardDialog)
    trigger(window, _("&View"), _("&Tasks to do…"))  # the demo year has no task: nothing to mark or open
    opened.done()
    assert seen == [(False, False), True]


def test_enter_in_a_field_saves_what_was_typed_in_the_week_and_the_staff(window, qtbot):
    def type_and_enter(dialog, edit, text: str) -> None:
        click(qtbot, dialog.add_button)
        type_into(qtbot, edit, text)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        seen.append((edit.text(), [dialog.table.item(row, column).text() for row in range(dialog.table.rowCount())
                                   for column in range(dialog.table.columnCount())]))
        click(qtbot, button(dialog, _("Close")))

    seen: list = []
    opened = while_open(lambda dialog: type_and_enter(dialog, dialog.edits["content"], "Họp giao ban quý IV"),
                        name="WeekSchedule")
    trigger(window, _("&File"), _("&Weekly work schedule…"))
    opened.done()
    opened = while_open(lambda dialog: type_and_enter(dialog, dialog.edits["name"], "Trần Thu Hà"), StaffDialog)
    trigger(window, _("&Edit"), _("S&taff…"))
    opened.done()
    (week_text, week_cells), (staff_text, staff_cells) = seen
    assert week_text == "Họp giao ban quý IV" and "Họp giao ban quý IV" in week_cells  # saved, not wiped by Add
    assert staff_text == "Trần Thu Hà" and "Trần Thu Hà" in staff_cells


def test_enter_in_a_tasks_title_saves_the_task_before_the_editor_closes(window, qtbot):
    click_row(qtbot, window.table, TALK)
    event_id = window.current_event_id()

    def add_and_enter(editor):
        editor.tabs.setCurrentIndex(tab_named(editor.tabs, _("Tasks")))
        tab = editor.extra_tabs["tasks"]
        click(qtbot, tab.add_button)
        type_into(qtbot, tab.fields.title_edit, GIFT)
        qtbot.keyClick(tab.fields.title_edit, Qt.Key.Key_Return)  # Enter also presses the editor's Save
        if editor.isVisible():
            click(qtbot, editor.cancel_button)

    opened = while_open(add_and_enter, EventEditor)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    opened.done()
    assert GIFT in {task.title for task in task_list.tasks(event_id=event_id)}
