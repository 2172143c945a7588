"""A colleague saved while the window was open: the window's save is refused, the message names their change, and the
window then shows their version."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QUndoStack

from nlv_events.core import event_reading, store
from nlv_events.core.exhibit_records import ItemEntry, SectionEntry
from nlv_events.core.records import EventRecord
from nlv_events.i18n import setup_i18n
from nlv_events.services.events import venues
from nlv_events.services.exhibits import structure
from nlv_events.services.guests import address_book
from nlv_events.services.guests import guest_list as guests
from nlv_events.services.guests.guest_list import GuestEntry
from nlv_events.ui.events.address_book import EMAIL_COLUMN, AddressBookDialog
from nlv_events.ui.events.event_editor import EventEditor
from nlv_events.ui.events.venues_dialog import VenuesDialog
from nlv_events.ui.guests.guests_tab import GuestsTab


@pytest.fixture(autouse=True)
def _english():
    setup_i18n("en")  # the new messages are checked in English: their Vietnamese comes with the catalogue


def _event(kind: str = "talk") -> int:
    record = EventRecord(kind=kind, title="Trưng bày ảnh Hà Nội xưa", start=dt.date(2023, 5, 10), venue="Sảnh")
    return store.save_event(record).id


def test_the_exhibition_tab_refuses_a_save_over_a_colleagues_item_and_shows_it(qtbot, db):
    event_id = _event("exhibition")
    data = structure.load(event_id)
    data.sections = [SectionEntry("Phố cổ", [ItemEntry("Ảnh Hàng Đào")])]
    structure.save(event_id, data)
    editor = EventEditor(event_reading.load_record(event_id))
    qtbot.addWidget(editor)
    editor.show()
    editor.show_tab(editor.exhibit_tab)
    tab = editor.exhibit_tab
    theirs = structure.load(event_id)
    theirs.sections[0].items.append(ItemEntry("Ảnh Hàng Ngang"))
    structure.save(event_id, theirs)  # a colleague, after the tab was opened

    tab._select(0, 0)
    tab.form.quantity.setValue(4)
    tab.form.quantity.editingFinished.emit()
    assert tab.message.isVisible() and "Ảnh Hàng Ngang" in tab.message.text() and "colleague" in tab.message.text()
    assert [item.title for item in tab.data.items] == ["Ảnh Hàng Đào", "Ảnh Hàng Ngang"]  # their version, shown
    assert [item.quantity for item in structure.load(event_id).items] == [1, 1]
    tab._select(0, 0)
    tab.form.quantity.setValue(4)
    tab.form.quantity.editingFinished.emit()  # made again on their version: saved
    assert [item.quantity for item in structure.load(event_id).items] == [4, 1]


def test_the_venues_dialog_says_a_colleague_renamed_the_venue(qtbot, db):
    _event()
    dialog = VenuesDialog(QUndoStack(), lambda _selected: None)
    qtbot.addWidget(dialog)
    line = venues.venue_lines()[0]
    venues.rename(line.id, "Sảnh tầng 1", line.version)  # a colleague
    dialog.table.item(0, 1).setText("120")
    assert "Sảnh tầng 1" in dialog.error_label.text() and "colleague" in dialog.error_label.text()
    assert dialog.undo_stack.count() == 0 and venues.venue_lines()[0].capacity is None
    assert dialog.table.item(0, 0).text() == "Sảnh tầng 1"
    dialog.table.item(0, 1).setText("120")
    assert venues.venue_lines()[0].capacity == 120 and dialog.undo_stack.count() == 1


def test_the_address_book_says_a_colleague_changed_the_contacts(qtbot, db, answers):
    guests.add_guest(_event(), GuestEntry(name="Trịnh Thị Thủy"))
    dialog = AddressBookDialog()
    qtbot.addWidget(dialog)
    card = dialog.cards[0]
    address_book.set_contacts(card.id, "thuy@example.vn", None, card.version)  # a colleague
    dialog.table.item(0, EMAIL_COLUMN).setText("tt.thuy@example.vn")
    assert answers and "thuy@example.vn" in answers[-1][1] and "colleague" in answers[-1][1]
    qtbot.waitUntil(lambda: dialog.table.item(0, EMAIL_COLUMN).text() == "thuy@example.vn")
    assert address_book.contacts_of([card.id]) == {card.id: ("thuy@example.vn", None)}


def test_the_guests_tab_says_a_colleague_changed_the_guest(qtbot, db, answers):
    event_id = _event()
    guest_id = guests.add_guest(event_id, GuestEntry(name="Trịnh Thị Thủy"))
    tab = GuestsTab(event_id)
    qtbot.addWidget(tab)
    guests.update_guest(guest_id, guests.guest_list(event_id)[0].version, position="Thứ trưởng")  # a colleague
    assert not tab.model.setData(tab.model.index(0, 8), "A1")
    assert answers and "Thứ trưởng" in answers[-1][1]
    qtbot.waitUntil(lambda: tab.model.rows[0].position == "Thứ trưởng")
    assert tab.model.setData(tab.model.index(0, 8), "A1")
    assert guests.guest_list(event_id)[0].seat == "A1"
