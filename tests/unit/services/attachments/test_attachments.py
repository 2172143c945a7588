"""Attachments: a signed scan linked to its register entry (with its version), the same file attached once, and the
interchange file's places checked so that no import writes outside the media folder."""

from __future__ import annotations

import datetime as dt

import pytest

from nlv_events.core import store
from nlv_events.core.errors import ConflictError, UserError
from nlv_events.core.records import EventRecord
from nlv_events.printing.model import Document, Text
from nlv_events.services.attachments import attachment_bundle, attachment_files, attachment_interchange
from nlv_events.services.interchange.parts import Place
from nlv_events.services.register import registered_print

# Each test on SQLite and on the suite's PostgreSQL: the numbers, the versioned writes and the counts are SQL.
pytestmark = pytest.mark.both_databases
DIGEST = "a" * 64


def _event() -> int:
    record = EventRecord(kind="talk", title="Tọa đàm sách", start=dt.date(2023, 4, 21), venue="Hội trường")
    return store.save_event(record).id


def test_a_signed_scan_is_linked_to_its_register_entry(db, tmp_path):
    event_id = _event()
    entry = registered_print.write(lambda number: Document(title="Chương trình", blocks=[Text(f"Số {number}")]),
                                   tmp_path / "p.pdf", registered_print.Asked("next", dt.date(2023, 4, 1),
                                                                              "CTr-TVQG", event_id))  # fmt: skip
    scan = tmp_path / "Bản ký.pdf"
    scan.write_bytes(b"%PDF signed")
    added = attachment_files.add(event_id, scan, "scan", root=tmp_path / "media")
    assert attachment_files.add(event_id, scan, "scan", root=tmp_path / "media").id == added.id  # attached once
    linked = attachment_files.link_to_entry(added, entry.id)
    assert linked.register_entry_id == entry.id and linked.version == 2
    with pytest.raises(ConflictError):
        attachment_files.link_to_entry(added, None)  # read before the link was saved
    with pytest.raises(UserError):
        attachment_files.link_to_entry(linked, 9999)


@pytest.mark.parametrize(
    ("item", "key"),
    [
        ({"name": "a.pdf", "sha256": DIGEST, "path": "../../etc/passwd"}, "path"),
        ({"name": "a.pdf", "sha256": DIGEST, "path": "/etc/passwd"}, "path"),
        ({"name": "a.pdf", "sha256": "abc", "path": "attachments/x/" + "a" * 24 + ".pdf"}, "sha256"),
        ({"name": "a.pdf", "sha256": DIGEST, "path": "attachments/x/" + "a" * 24, "kind": "x"}, "kind"),
        ({"name": "", "sha256": DIGEST, "path": "attachments/x/" + "a" * 24}, "name"),
    ],
)
def test_the_interchange_file_refuses_a_place_outside_the_media_folder(item, key):
    with pytest.raises(UserError, match=key):
        attachment_interchange.parse_event({"attachments": [{"size": 1, **item}]}, Place(event=1))


def test_a_zip_never_writes_where_its_json_does_not_say(tmp_path):
    import json
    import zipfile

    bundle = tmp_path / "x.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("nlv-events.json", json.dumps({"events": [{"attachments": [{"path": "../evil"}]}]}))
        archive.writestr("media/../evil", b"x")
    attachment_bundle.read_full(bundle, root=tmp_path / "media")
    assert not (tmp_path / "evil").exists() and not (tmp_path / "media").exists()
