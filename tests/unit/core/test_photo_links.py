"""A person taken off an event by mistake and brought back (a restore of the version before) is shown again in the
photos that showed them: a photo names its people by their appearance rows, which went with the removal."""

from __future__ import annotations

import datetime as dt

import pytest

from nlv_events.core import database, event_reading, store
from nlv_events.core.records import EventRecord, PersonEntry
from nlv_events.services.media import event_photos as media
from nlv_events.services.team import history
from tests.photo_files import camera_jpeg

pytestmark = pytest.mark.both_databases


@pytest.fixture(autouse=True)
def _photos_folder(tmp_path, monkeypatch):
    """A shared database keeps its photos in the folder the settings name."""
    from nlv_events.core import settings

    monkeypatch.setitem(settings.DEFAULTS, "media.folder", str(tmp_path / "anh"))


def _event_with_a_photo_of_both(tmp_path) -> tuple[int, int]:
    record = EventRecord(kind="conference", title="Hội nghị Tổng kết", start=dt.date(2022, 12, 26), people=[
        PersonEntry("Trịnh Thị Thủy", role="guest", honorific="Bà", position="Thứ trưởng"),
        PersonEntry("Kiều Thúy Nga", role="chair", honorific="Bà", position="Giám đốc"),
    ])  # fmt: skip
    event_id = store.save_event(record).id
    media.add_photos(event_id, [camera_jpeg(tmp_path / "a.jpg"), camera_jpeg(tmp_path / "b.jpg", (1000, 700))])
    first, second = media.photos(event_id)
    both = [appearance_id for appearance_id, _line in media.appearances(event_id)]
    media.update_photo(first.id, people=both)
    media.update_photo(second.id, people=both[:1])
    return event_id, first.id


def _shown(event_id: int) -> dict[str, list[str]]:
    """Each photo's people by name, in the photos' order."""
    names = {appearance_id: line.split(" – ")[0] for appearance_id, line in media.appearances(event_id)}
    photos = media.photos(event_id)
    shown = media.people_shown([photo.id for photo in photos])
    return {photo.original_name: sorted(names[i] for i in shown[photo.id]) for photo in photos}


def test_a_person_removed_and_restored_is_shown_again_in_the_photos_that_showed_them(db, tmp_path):
    event_id, _first = _event_with_a_photo_of_both(tmp_path)
    before = _shown(event_id)
    assert before == {"a.jpg": ["Bà Kiều Thúy Nga", "Bà Trịnh Thị Thủy"], "b.jpg": ["Bà Trịnh Thị Thủy"]}
    record, base = event_reading.load_record(event_id), event_reading.load_record(event_id)
    removed_id, kept_id = (person.id for person in record.people)
    record.people = record.people[1:]  # Bà Thủy taken off by mistake
    store.save_event(record, base)
    assert _shown(event_id) == {"a.jpg": ["Bà Kiều Thúy Nga"], "b.jpg": []}

    history.restore(event_id, 1)
    assert _shown(event_id) == before
    people = event_reading.load_record(event_id).people
    assert [(person.id, person.name) for person in people] == [(removed_id, "Trịnh Thị Thủy"),
                                                               (kept_id, "Kiều Thúy Nga")]  # her row's own id


def test_a_photo_removed_meanwhile_is_left_out_and_a_second_restore_adds_nothing_twice(db, tmp_path):
    event_id, first = _event_with_a_photo_of_both(tmp_path)
    record, base = event_reading.load_record(event_id), event_reading.load_record(event_id)
    record.people = record.people[1:]
    store.save_event(record, base)
    media.remove_photo(first)
    history.restore(event_id, 1)
    assert _shown(event_id) == {"b.jpg": ["Bà Trịnh Thị Thủy"]}
    record, base = event_reading.load_record(event_id), event_reading.load_record(event_id)
    record.people = record.people[1:]
    store.save_event(record, base)  # off again: the photo that now shows her is noted in this removal
    history.restore(event_id, 3)
    assert _shown(event_id) == {"b.jpg": ["Bà Trịnh Thị Thủy"]}


def test_the_history_names_the_photos_of_a_removed_person(db, tmp_path):
    event_id, _first = _event_with_a_photo_of_both(tmp_path)
    record, base = event_reading.load_record(event_id), event_reading.load_record(event_id)
    removed_id = record.people[0].id
    record.people = record.people[1:]
    store.save_event(record, base)
    (removal,) = [item for item in history.changes_of(event_id)[-1].changes if item.get("change") == "removed"]
    assert (removal["row"], removal["id"], removal["name"]) == ("people", removed_id, "Trịnh Thị Thủy")
    assert sorted(removal["photos"]) == sorted(photo.id for photo in media.photos(event_id))  # both showed her


def test_an_import_taken_back_gives_the_person_back_with_their_photos(db, tmp_path, monkeypatch):
    """An import that takes a person off the event, then fails in a later batch, saves the event back as it was:
    the person under their own id, in their photos again."""
    from nlv_events.core import event_adding
    from nlv_events.core.errors import UserError
    from nlv_events.services.interchange import exporting, importing, reading

    event_id, _first = _event_with_a_photo_of_both(tmp_path)
    before = _shown(event_id)
    exported = exporting.export_document()
    (data,) = exported["events"]
    data["people"] = data["people"][1:]  # the file leaves Bà Thủy out, and so out of its photos
    for photo in data["photos"]:
        photo["people"] = [name for name in photo["people"] if name != "Trịnh Thị Thủy"]
    new = {"kind": "talk", "title": "Tọa đàm", "start": "2023-04-21", "ref": "moi-1"}
    document = reading.parse_document({**exported, "events": [data, new]})

    def disk_full(records, *args, **kwargs):
        raise database.peewee.OperationalError("database or disk is full")

    monkeypatch.setattr(event_adding, "add_events", disk_full)  # the second batch, the new event, fails
    with pytest.raises(UserError, match="đầy"):  # the disk, not the file: the first batch was written
        importing.import_document(document, batch_size=1)
    assert _shown(event_id) == before
    assert [person.name for person in event_reading.load_record(event_id).people] == ["Trịnh Thị Thủy",
                                                                                      "Kiều Thúy Nga"]  # fmt: skip


def test_an_import_leaving_out_the_first_person_keeps_each_photo_on_its_person(db, tmp_path):
    """The file's people were matched to the stored rows by order: the second person was written into the first's
    row, and the photos that showed the first then named the second."""
    from nlv_events.services.interchange import exporting, importing, reading

    event_id, _first = _event_with_a_photo_of_both(tmp_path)
    exported = exporting.export_document()
    (data,) = exported["events"]
    data["people"] = data["people"][1:]  # the file leaves Bà Thủy out, and so out of its photos
    for photo in data["photos"]:
        photo["people"] = [name for name in photo["people"] if name != "Trịnh Thị Thủy"]
    summary = importing.import_document(reading.parse_document({**exported, "events": [data]}))
    assert summary.updated == 1
    assert _shown(event_id) == {"a.jpg": ["Bà Kiều Thúy Nga"], "b.jpg": []}
    history.restore(event_id, 1)  # and she comes back, in her photos
    assert _shown(event_id) == {"a.jpg": ["Bà Kiều Thúy Nga", "Bà Trịnh Thị Thủy"], "b.jpg": ["Bà Trịnh Thị Thủy"]}


def test_a_removed_persons_id_given_to_another_person_meanwhile_brings_back_only_their_own_photos(db, tmp_path):
    """SQLite gives a removed row's id to the next row added: the newest removal of that id was another person's,
    whose photos the restored person took over."""
    record = EventRecord(kind="conference", title="Hội nghị", start=dt.date(2022, 12, 26), people=[
        PersonEntry("Kiều Thúy Nga", role="chair"), PersonEntry("Trịnh Thị Thủy", role="guest")])  # fmt: skip
    event_id = store.save_event(record).id
    media.add_photos(event_id, [camera_jpeg(tmp_path / "thuy.jpg"), camera_jpeg(tmp_path / "lan.jpg", (1000, 700))])
    of_thuy, of_lan = media.photos(event_id)
    media.update_photo(of_thuy.id, people=[event_reading.load_record(event_id).people[1].id])

    def saved(people) -> None:
        record, base = event_reading.load_record(event_id), event_reading.load_record(event_id)
        record.people = people(record.people)
        store.save_event(record, base)

    saved(lambda people: people[:1])  # Bà Thủy off: her row, the newest, is deleted
    saved(lambda people: [*people, PersonEntry("Lê Thị Lan", role="guest")])  # SQLite may give Lan Thủy's id
    media.update_photo(of_lan.id, people=[event_reading.load_record(event_id).people[1].id])
    saved(lambda people: people[:1])  # Lan off
    history.restore(event_id, 1)
    assert _shown(event_id) == {"thuy.jpg": ["Trịnh Thị Thủy"], "lan.jpg": []}


def test_an_import_replacing_a_person_gives_the_newcomer_a_row_of_their_own(db, tmp_path):
    """A file that leaves one person out and names a new one: the newcomer took the left-out person's row, and
    with it their photos."""
    from nlv_events.services.interchange import exporting, importing, reading

    event_id, _first = _event_with_a_photo_of_both(tmp_path)
    exported = exporting.export_document()
    (data,) = exported["events"]
    data["people"] = [*data["people"][1:], {"name": "Lê Văn Mới", "role": "guest"}]
    data.pop("photos")  # a file of the event alone: its photos are left as they are
    importing.import_document(reading.parse_document({**exported, "events": [data]}))
    assert _shown(event_id) == {"a.jpg": ["Bà Kiều Thúy Nga"], "b.jpg": []}
    assert [person.name for person in event_reading.load_record(event_id).people] == ["Kiều Thúy Nga", "Lê Văn Mới"]


def test_an_import_never_takes_a_name_that_differs_by_its_accents_for_the_same_person(db, tmp_path):
    """Hà and Hạ are two people: matched ignoring accents, the file's Hạ took Hà's row and the photos of her."""
    from nlv_events.services.interchange import exporting, importing, reading

    record = EventRecord(kind="talk", title="Tọa đàm", start=dt.date(2022, 4, 21), people=[
        PersonEntry("Nguyễn Thị Hà", role="speaker"), PersonEntry("Kiều Thúy Nga", role="chair")])  # fmt: skip
    event_id = store.save_event(record).id
    media.add_photos(event_id, [camera_jpeg(tmp_path / "a.jpg")])
    (photo,) = media.photos(event_id)
    media.update_photo(photo.id, people=[event_reading.load_record(event_id).people[0].id])
    exported = exporting.export_document()
    (data,) = exported["events"]
    data["people"][0] = {"name": "Nguyễn Thị Hạ", "role": "speaker"}
    data.pop("photos")
    importing.import_document(reading.parse_document({**exported, "events": [data]}))
    assert _shown(event_id) == {"a.jpg": []}  # Hà left the event, and Hạ is not in her photo
    assert [person.name for person in event_reading.load_record(event_id).people] == ["Nguyễn Thị Hạ", "Kiều Thúy Nga"]
