"""Issue 33, point 4 in the window: the Guests tab's "Send by e-mail…" sends each guest their letter, and the list
shows when it was sent."""

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog

from nlv_events.i18n import _
from nlv_events.services.guests import address_book, guest_list
from nlv_events.ui.shell import ask
from tests.ui.flows.acting import button, click, tab_named, type_into, while_open
from tests.ui.flows.editing import event_id, open_editor
from tests.unit.services.guest_helpers import add_many
from tests.unit.services.guests.mail_server import (  # noqa: F401 (memory_keyring: a fixture)
    PASSWORD,
    mail_server,
    mail_settings_for,
    memory_keyring,
)


@pytest.mark.usefixtures("memory_keyring")
def test_the_guests_tab_sends_the_letters_and_shows_when(qtbot, demo_db, monkeypatch):
    review = event_id("demo-2022-review")
    add_many(review, 3)
    entries = guest_list.guest_list(review)
    for number, entry in enumerate(entries[:2], start=1):
        address_book.set_contacts(entry.person_id, f"khach{number}@thuvien-tinh.vn", None)  # the third has none
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(ask, "confirm", lambda parent, title, question: asked.append(question) or True)
    monkeypatch.setattr(ask, "inform", lambda parent, title, message: told.append(message))
    editor = open_editor(qtbot, review)
    editor.tabs.setCurrentIndex(tab_named(editor.tabs, _("Guests")))
    tab = editor.tabs.currentWidget()

    with mail_server() as (inbox, port):
        mail_settings_for(port)

        def fill(dialog):
            type_into(qtbot, dialog.number, "31")
            click(qtbot, button(dialog, _("Send")))

        opened = while_open(fill, QDialog)
        # The password, typed once into its prompt (then kept in the keyring), as a file dialog is answered.
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *args, **kwargs: (PASSWORD, True)))
        click(qtbot, tab.mail_button)
        opened.done()
        qtbot.waitUntil(lambda: bool(told), timeout=30_000)
        assert len(inbox.messages) == 2

    assert "2" in asked[0] and entries[2].addressed_name in asked[0]  # who has no address is said
    assert "2" in told[0]
    sent_column = [attribute for attribute, *_rest in tab.model.COLUMNS].index("invitation_sent_at")
    shown = [tab.model.index(row, sent_column).data() for row in range(tab.model.rowCount())]
    assert shown[0] and shown[1] and not shown[2]  # the list shows who was sent it, and when
