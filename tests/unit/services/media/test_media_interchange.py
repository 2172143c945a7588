"""Photos and the news item travel in the interchange file (their record; the files travel with the folder)."""

import copy
import datetime as dt

import pytest

from nlv_events.core import database, store
from nlv_events.core.errors import UserError
from nlv_events.core.records import EventRecord, PersonEntry
from nlv_events.services.interchange import exporting, importing, reading
from nlv_events.services.media import event_photos, news
from tests.photo_files import camera_jpeg


@pytest.fixture
def exported(db, tmp_path):
    record = EventRecord(
        kind="talk",
        title="Giao lưu tác giả",
        start=dt.date(2023, 4, 21),
        people=[PersonEntry("Nguyễn Nhật Ánh", role="guest", honorific="Ông")],
    )
    event_id = store.save_event(record).id
    files = [camera_jpeg(tmp_path / f"{n}.jpg", taken=dt.datetime(2023, 4, 21, 9, n), colour=(n, 5, 5)) for n in (1, 2)]
    added = event_photos.add_photos(event_id, files).added
    event_photos.update_photo(
        added[1].id,
        caption="Ông Nguyễn Nhật Ánh ký tặng sách",
        photographer="Trần Kim Thơ",
        chosen=True,
        people=[event_photos.appearances(event_id)[0][0]],
    )
    news.save(event_id, "Giao lưu tác giả", "Ngày 21/04/2023, …", "Đoạn một.\n\nĐoạn hai.", "Tin: A; Ảnh: B")
    return exporting.export_document()


def test_photos_and_news_item_come_back_in_another_database(exported, tmp_path):
    database.close_database()
    database.open_database(str(tmp_path / "other.sqlite3"))
    importing.import_document(reading.parse_document(copy.deepcopy(exported)))
    event_id = store.find_existing(
        EventRecord(kind="talk", title="", start=dt.date(2023, 4, 21), ref=exported["events"][0]["ref"])
    ).id
    photos = event_photos.photos(event_id)
    assert [p.original_name for p in photos] == ["1.jpg", "2.jpg"]
    assert (photos[1].caption, photos[1].photographer, photos[1].chosen) == (
        "Ông Nguyễn Nhật Ánh ký tặng sách",
        "Trần Kim Thơ",
        True,
    )
    assert event_photos.people_shown([photos[1].id])[photos[1].id] == [event_photos.appearances(event_id)[0][0]]
    assert news.draft(event_id).body == ["Đoạn một.", "Đoạn hai."]
    # the files were not moved with the record: they are reported missing, by name
    assert {p.original_name for p in event_photos.missing(event_id)} == {"1.jpg", "2.jpg"}
    # importing the same file again changes nothing and adds no photo twice
    importing.import_document(reading.parse_document(copy.deepcopy(exported)))
    assert len(event_photos.photos(event_id)) == 2


def test_a_file_without_photos_leaves_them_alone(exported):
    bare = copy.deepcopy(exported)
    for event in bare["events"]:
        event.pop("photos"), event.pop("news_item")
    importing.import_document(reading.parse_document(bare))
    event_id = event_photos.photos(
        store.find_existing(
            EventRecord(kind="talk", title="", start=dt.date(2023, 4, 21), ref=bare["events"][0]["ref"])
        ).id
    )[0].event_id
    assert len(event_photos.photos(event_id)) == 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda p: p.update(path="../../etc/passwd"), "photos[1].path"),
        (lambda p: p.update(sha256="abc"), "photos[1].sha256"),
        (lambda p: p.update(people=["Người lạ"]), "Người lạ"),
        (lambda p: p.update(colour="đỏ"), "photos[1].colour"),
    ],
)
def test_bad_photo_entries_are_refused_with_their_place(exported, change, message):
    bad = copy.deepcopy(exported)
    change(bad["events"][0]["photos"][0])
    with pytest.raises(UserError, match=message.replace("[", r"\[").replace("]", r"\]")):
        importing.import_document(reading.parse_document(bad))


def _photo_links(event_id: int) -> list[tuple[int, int, int]]:
    """Each person shown in the event's photos as the record holds it: the link's id, the photo, the appearance."""
    from nlv_events.core.media_models import Photo, PhotoPerson

    links = PhotoPerson.select(PhotoPerson.id, PhotoPerson.photo, PhotoPerson.event_person).join(Photo)
    return sorted(links.where(Photo.event == event_id).tuples())


def _event_of(document: dict) -> int:
    ref = document["events"][0]["ref"]
    return store.find_existing(EventRecord(kind="talk", title="", start=dt.date(2023, 4, 21), ref=ref)).id


@pytest.mark.both_databases
def test_reimporting_an_unchanged_file_leaves_the_photos_and_the_news_item_as_they_are(db):
    from nlv_events.core.media_models import NewsItem, Photo

    record = EventRecord(kind="talk", title="Giao lưu tác giả", start=dt.date(2023, 4, 21), people=[
        PersonEntry("Nguyễn Nhật Ánh", role="guest"), PersonEntry("Trần Kim Thơ", role="guest")])  # fmt: skip
    event_id = store.save_event(record).id
    photos = [Photo.create(event=event_id, path=f"events/a/{n}.jpg", original_name=f"{n}.jpg", digest=str(n) * 64,
                           taken_at=dt.datetime(2023, 4, 21, 9, n)) for n in (1, 2)]  # fmt: skip
    people = [appearance for appearance, _name in event_photos.appearances(event_id)]
    event_photos.update_photo(photos[0].id, caption="Ký tặng sách", people=people)
    event_photos.update_photo(photos[1].id, people=people[:1])
    news.save(event_id, "Giao lưu tác giả", "Ngày 21/04/2023, …", "Đoạn một.", "Tin: A; Ảnh: B")
    written = dt.datetime(2023, 4, 22, 8, 0)
    NewsItem.update(updated_at=written).where(NewsItem.event == event_id).execute()
    links = _photo_links(event_id)
    versions = [photo.version for photo in event_photos.photos(event_id)]

    summary = importing.import_document(reading.parse_document(exporting.export_document()))

    assert (summary.updated, summary.unchanged) == (0, 1)
    assert _photo_links(event_id) == links  # the same people shown, in the same rows
    assert [photo.version for photo in event_photos.photos(event_id)] == versions
    assert NewsItem.get(NewsItem.event == event_id).updated_at == written  # "last changed" is still the user's


def test_a_file_changing_only_a_photo_updates_the_event_and_that_photo(exported):
    event_id = _event_of(exported)
    links = _photo_links(event_id)
    before = event_photos.photos(event_id)
    changed = copy.deepcopy(exported)
    changed["events"][0]["photos"][0]["caption"] = "Khách mời đến thư viện"

    summary = importing.import_document(reading.parse_document(changed))

    assert (summary.updated, summary.unchanged) == (1, 0)
    after = event_photos.photos(event_id)
    assert [photo.caption for photo in after] == ["Khách mời đến thư viện", "Ông Nguyễn Nhật Ánh ký tặng sách"]
    assert [photo.version for photo in after] == [before[0].version + 1, before[1].version]  # a dialog is told
    assert _photo_links(event_id) == links
