"""The History tab shows an exhibition's and a guest list's versions on their own and restores one: the part is
chosen in the tab's drop-down, a version clicked in the table, and Restore clicked on the real editor."""

from __future__ import annotations

import datetime as dt

import pytest

from nlv_events.core import event_reading, store
from nlv_events.core.exhibit_records import ItemEntry, SectionEntry
from nlv_events.core.records import EventRecord
from nlv_events.i18n import _, setup_i18n
from nlv_events.services.exhibits import structure
from nlv_events.services.guests import guest_list
from nlv_events.services.team import history, history_words
from nlv_events.ui.events.event_editor import EventEditor
from tests.ui.flows.acting import choose, click, click_row


@pytest.fixture(autouse=True)
def _english():
    setup_i18n("en")  # the new messages are checked in English: their Vietnamese comes with the catalogue


def _history_tab(qtbot, window, event_id: int, part: str):
    editor = EventEditor(event_reading.load_record(event_id), window)
    qtbot.addWidget(editor)
    editor.show()
    tab = editor.extra_tabs["history"]
    editor.tabs.setCurrentWidget(tab)
    choose(qtbot, tab.part_choice, part)
    return editor, tab


def _restore_clicked(qtbot, monkeypatch, editor, tab) -> None:
    from nlv_events.ui.shell import ask

    asked: list[str] = []
    monkeypatch.setattr(ask, "confirm", lambda _parent, _title, question: asked.append(question) or True)
    click(qtbot, tab.restore_button)
    # the question says that nothing is overwritten, in the language the window speaks
    assert asked and any(said in asked[0] for said in ("(nothing is overwritten)", "(không ghi đè gì)"))
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=2000)


def test_an_exhibitions_first_version_is_chosen_seen_and_restored_in_the_history_tab(qtbot, window, monkeypatch):
    event_id = store.save_event(EventRecord(kind="exhibition", title="Hà Nội xưa", start=dt.date(2023, 5, 10))).id
    data = structure.load(event_id)
    data.sections = [SectionEntry("Phố cổ", [ItemEntry("Ảnh Hàng Đào")])]
    first = structure.save(event_id, data)
    first_rows = structure.load(event_id)
    later = structure.load(event_id)
    later.sections[0].items = [ItemEntry("Bản đồ 1890")]  # the photograph taken out, a map put in
    structure.save(event_id, later, base=structure.load(event_id))

    editor, tab = _history_tab(qtbot, window, event_id, "exhibit")
    kinds = {tab.table.item(row, 3).text() for row in range(tab.table.rowCount())}
    exhibition_rows = {_(label) for kind, label in history_words.ROW_KINDS.items() if kind.startswith("exhibit")}
    assert kinds and all(kind.split(":")[0] in exhibition_rows for kind in kinds)  # the exhibition's entries alone
    click_row(qtbot, tab.table, str(first.version), column=0)
    assert "Ảnh Hàng Đào" in tab.details.toPlainText()
    _restore_clicked(qtbot, monkeypatch, editor, tab)

    now = structure.load(event_id)
    assert (now.sections, now.loans) == (first_rows.sections, first_rows.loans)  # the photograph back with its id
    restored = [change for change in history.changes_of(event_id, "exhibit") if change.action == "restored"]
    assert [(change.kind, change.restored_from) for change in restored] == [("exhibit", first.version)]


def test_a_guest_list_version_is_chosen_and_restored_in_the_history_tab(qtbot, window, monkeypatch):
    event_id = store.save_event(EventRecord(kind="conference", title="Hội thảo", start=dt.date(2023, 4, 21))).id
    guest_list.add_guest(event_id, guest_list.GuestEntry(name="Nguyễn Văn An"))
    saved_then = [(entry.id, entry.name) for entry in guest_list.guest_list(event_id)]
    guest_list.add_guest(event_id, guest_list.GuestEntry(name="Trần Thị Bình"))

    editor, tab = _history_tab(qtbot, window, event_id, "guest_list")
    versions = [tab.table.item(row, 0).text() for row in range(tab.table.rowCount())]
    assert versions[0] == "2"  # the first guest's addition made version 2 of the list
    click_row(qtbot, tab.table, "2", column=0)
    assert "Nguyễn Văn An" in tab.details.toPlainText() and "Trần Thị Bình" not in tab.details.toPlainText()
    _restore_clicked(qtbot, monkeypatch, editor, tab)

    assert [(entry.id, entry.name) for entry in guest_list.guest_list(event_id)] == saved_then
    restored = [change for change in history.changes_of(event_id, "guest_list") if change.action == "restored"]
    assert [change.restored_from for change in restored] == [2]
