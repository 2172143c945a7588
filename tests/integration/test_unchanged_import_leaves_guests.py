"""Importing a file that says of a guest list what the record holds leaves the list as it is: no new version in its
history, and a colleague's change to a guest, made on the list as they loaded it, still saves."""

from __future__ import annotations

import datetime as dt
import json

from nlv_events.core import database, store
from nlv_events.core.records import EventRecord
from nlv_events.services.guests import guest_list
from nlv_events.services.guests.guest_list import GuestEntry
from nlv_events.services.team import part_history
from tests.integration.cli_runner import run


def test_an_unchanged_guest_list_is_left_as_it_is_by_an_import(capsys, db, db_path, tmp_path):
    event_id = store.save_event(EventRecord(kind="conference", title="Hội nghị", start=dt.date(2024, 3, 1))).id
    for name in ("Nguyễn Văn An", "Trần Thị Bình"):
        guest_list.add_guest(event_id, GuestEntry(name, position="Giám đốc", group="Lãnh đạo Bộ"))
    version = part_history.current_version(event_id, "guest_list")
    opened = guest_list.guest_list(event_id)[1]  # a colleague's list, open on Bình
    database.close_database()
    exported = tmp_path / "hoi-nghi.json"
    assert run(capsys, "export", str(exported), "--db", str(db_path), "--contacts")[0] == 0

    code, out, err = run(capsys, "import", str(exported), "--db", str(db_path), "--lang", "en")

    assert code == 0, err
    assert "0 updated, 1 unchanged" in out
    database.open_database(str(db_path))
    assert part_history.current_version(event_id, "guest_list") == version
    guest_list.update_guest(opened.id, opened.version, seat="A2")  # no conflict: nothing changed
    database.close_database()

    document = json.loads(exported.read_text(encoding="utf-8"))
    document["events"][0]["guests"][0]["seat"] = "A1"
    exported.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "import", str(exported), "--db", str(db_path), "--lang", "en")
    assert code == 0 and "1 updated" in out, err
    database.open_database(str(db_path))
    assert [entry.seat for entry in guest_list.guest_list(event_id)] == ["A1", None]
