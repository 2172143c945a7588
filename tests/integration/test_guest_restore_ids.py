"""Restoring a guest list brings back each guest as they were, never into the row of a guest added since: SQLite
gives a removed guest's number (its id) to the next guest added, and the restore took the row of that id for the
same guest, so the guest brought back carried the newcomer's e-mailed invitation."""

from __future__ import annotations

import datetime as dt

from nlv_events.core import store
from nlv_events.core.guest_models import Guest
from nlv_events.core.records import EventRecord
from nlv_events.services.guests import guest_list
from nlv_events.services.guests.guest_list import GuestEntry
from nlv_events.services.team import history, part_history


def test_a_guest_restored_is_not_put_in_the_row_of_a_guest_added_since(db):
    event_id = store.save_event(EventRecord(kind="talk", title="Tọa đàm", start=dt.date(2024, 3, 1))).id
    for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"):
        cuong = guest_list.add_guest(event_id, GuestEntry(name))
    with_cuong = part_history.current_version(event_id, "guest_list")
    guest_list.remove_guests([cuong])
    dung = guest_list.add_guest(event_id, GuestEntry("Phạm Văn Dũng"))
    sent = dt.datetime(2024, 2, 20, 9, 30)
    Guest.update(invitation_sent_at=sent, invitation_sent_to="dung@example.vn").where(Guest.id == dung).execute()

    part_history.restore_part(event_id, "guest_list", with_cuong)

    listed = {entry.name: entry for entry in guest_list.guest_list(event_id)}
    assert sorted(listed) == ["Lê Văn Cường", "Nguyễn Văn An", "Trần Thị Bình"]
    assert listed["Lê Văn Cường"].invitation_sent_at is None  # the mailing was Dũng's
    last = history.changes_of(event_id, "guest_list")[-3:]
    assert ("guest", "removed") in [(change.kind, change.action) for change in last]
