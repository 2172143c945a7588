"""Photos of an event: copied into the media folder, EXIF date and orientation read, bad files refused one by one."""

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from PIL import Image

from nlv_events.core import store
from nlv_events.core.errors import UserError
from nlv_events.core.media_models import Photo, PhotoPerson
from nlv_events.core.models import EventPerson
from nlv_events.core.records import EventRecord, PersonEntry
from nlv_events.services.media import event_photos as media
from nlv_events.services.media import photo_files
from tests.photo_files import camera_jpeg, truncated_jpeg

T = dt.datetime


@pytest.fixture
def event_id(db):
    record = EventRecord(
        kind="conference",
        title="Hội nghị Tổng kết công tác năm 2022 và triển khai nhiệm vụ năm 2023",
        start=dt.date(2022, 12, 26),
        status="held",
        people=[
            PersonEntry("Trịnh Thị Thủy", role="guest", honorific="Bà", position="Thứ trưởng Bộ VHTTDL"),
            PersonEntry("Kiều Thúy Nga", role="chair", honorific="Bà", position="Giám đốc TVQG"),
        ],
    )
    return store.save_event(record).id


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_photos_are_copied_beside_the_database_and_ordered_by_time_taken(event_id, db_path, tmp_path):
    late = camera_jpeg(tmp_path / "in" / "DSC_0002.JPG", taken=T(2022, 12, 26, 10, 15))
    early = camera_jpeg(tmp_path / "in" / "DSC_0001.JPG", taken=T(2022, 12, 26, 8, 30))
    undated = camera_jpeg(tmp_path / "in" / "scan.png".replace(".png", ".jpg"), taken=None)
    before = {path: sha(path) for path in (late, early, undated)}

    result = media.add_photos(event_id, [late, undated, early], photographer="Trần Kim Thơ")

    assert result.problems == []
    root = db_path.parent / "events-media"
    assert photo_files.media_root() == root
    listed = media.photos(event_id)
    assert [photo.original_name for photo in listed] == ["DSC_0001.JPG", "DSC_0002.JPG", "scan.jpg"]
    for photo in listed:
        assert not Path(photo.path).is_absolute() and photo.path.startswith("events/")
        copy = root / photo.path
        assert copy.is_file() and sha(copy) == photo.digest
        assert photo.photographer == "Trần Kim Thơ"
    assert {path: sha(path) for path in before} == before  # the originals are untouched


def test_exif_orientation_is_read_and_the_thumbnail_is_upright_while_the_copy_is_not_rotated(event_id, tmp_path):
    turned = camera_jpeg(tmp_path / "turned.jpg", size=(1200, 800), orientation=6)
    media.add_photos(event_id, [turned])
    photo = media.photos(event_id)[0]
    assert (photo.orientation, photo.width, photo.height) == (6, 800, 1200)  # shown portrait
    with Image.open(photo_files.thumbnail(photo)) as thumb:
        assert thumb.height > thumb.width and max(thumb.size) == photo_files.THUMBNAIL_SIZE
        # the blue left third of the sensor ends up at the top once turned 90° clockwise
        assert thumb.getpixel((thumb.width // 2, 5))[2] > 150
    with Image.open(photo_files.file_of(photo)) as copy:
        assert copy.size == (1200, 800) and copy.getexif()[0x0112] == 6


def test_bad_files_are_named_and_the_good_ones_still_added(event_id, tmp_path):
    good = camera_jpeg(tmp_path / "good.jpg")
    text = tmp_path / "notes.jpg"
    text.write_text("không phải ảnh", encoding="utf-8")
    broken = truncated_jpeg(tmp_path / "broken.jpg")
    gone = tmp_path / "gone.jpg"

    result = media.add_photos(event_id, [text, good, broken, gone])

    assert [photo.original_name for photo in result.added] == ["good.jpg"]
    assert len(result.problems) == 3
    assert "notes.jpg" in result.problems[0] and "JPEG" in result.problems[0]
    assert "broken.jpg" in result.problems[1]
    assert "gone.jpg" in result.problems[2]
    assert Photo.select().count() == 1
    # nothing half-copied is left in the media folder
    assert [p.name for p in (photo_files.media_root() / "events").rglob("*") if p.is_file()] == ["good.jpg"]


def test_the_same_photo_twice_is_left_out_without_a_problem(event_id, tmp_path):
    photo = camera_jpeg(tmp_path / "a.jpg")
    media.add_photos(event_id, [photo])
    again = media.add_photos(event_id, [photo, photo])
    assert again.added == [] and again.problems == [] and again.already == [photo, photo]
    assert len(media.photos(event_id)) == 1


def test_a_decompression_bomb_is_refused_before_it_is_decoded(event_id, tmp_path):
    bomb = tmp_path / "bomb.png"
    Image.new("1", (20_000, 10_000)).save(bomb)  # 200 megapixels in a few kilobytes
    result = media.add_photos(event_id, [bomb])
    assert result.added == [] and "bomb.png" in result.problems[0] and "megapixel" in result.problems[0]


def test_a_100_mb_tiff_scan_is_taken_and_its_thumbnail_made(event_id, tmp_path):
    scan = tmp_path / "scan.tif"
    Image.new("RGB", (5800, 5800), (120, 110, 90)).save(scan)  # uncompressed: about 100 MB
    assert scan.stat().st_size > 100_000_000
    result = media.add_photos(event_id, [scan])
    assert result.problems == []
    with Image.open(photo_files.thumbnail(result.added[0])) as thumb:
        assert thumb.size == (photo_files.THUMBNAIL_SIZE, photo_files.THUMBNAIL_SIZE)


def test_people_shown_point_at_the_events_appearances(event_id, tmp_path):
    media.add_photos(event_id, [camera_jpeg(tmp_path / "a.jpg")])
    photo = media.photos(event_id)[0]
    people = media.appearances(event_id)
    assert [line for _id, line in people] == [
        "Bà Trịnh Thị Thủy – Thứ trưởng Bộ VHTTDL",
        "Bà Kiều Thúy Nga – Giám đốc TVQG",
    ]
    media.update_photo(photo.id, caption="Toàn cảnh", people=[people[1][0], people[0][0], 999_999])
    assert sorted(media.people_shown([photo.id])[photo.id]) == sorted(i for i, _line in people)
    assert PhotoPerson.select().count() == 2  # an id from elsewhere is not linked
    EventPerson.delete().where(EventPerson.id == people[0][0]).execute()
    assert media.people_shown([photo.id])[photo.id] == [people[1][0]]


def test_news_photos_are_the_chosen_in_order_else_the_first_eight_by_time(event_id, tmp_path):
    files = [
        camera_jpeg(tmp_path / f"{n:02d}.jpg", taken=T(2022, 12, 26, 8, n), colour=(n * 9, 50, 50)) for n in range(10)
    ]
    media.add_photos(event_id, files)
    listed = media.photos(event_id)
    assert [p.original_name for p in media.news_photos(event_id)] == [f"{n:02d}.jpg" for n in range(8)]
    media.choose_in_order(event_id, [listed[5].id, listed[2].id])
    assert [p.original_name for p in media.news_photos(event_id)] == ["05.jpg", "02.jpg"]


def test_missing_files_are_found_in_the_moved_folder(event_id, db_path, tmp_path):
    media.add_photos(event_id, [camera_jpeg(tmp_path / "a.jpg"), camera_jpeg(tmp_path / "b.jpg", colour=(1, 2, 3))])
    root = photo_files.media_root()
    moved = tmp_path / "USB" / "anh-cu"
    moved.parent.mkdir()
    root.rename(moved)
    assert {p.original_name for p in media.missing(event_id)} == {"a.jpg", "b.jpg"}
    (next(moved.rglob("b.jpg"))).unlink()
    recovered, still = media.recover_missing(tmp_path / "USB", event_id)
    assert recovered == 1 and [p.original_name for p in still] == ["b.jpg"]
    assert [p.original_name for p in media.missing(event_id)] == ["b.jpg"]


def test_a_shared_database_needs_the_photos_folder_setting(event_id, monkeypatch):
    monkeypatch.setattr(media.database_proxy, "obj", object())
    with pytest.raises(UserError, match=r"Settings|Cài đặt"):
        photo_files.media_root("")
    assert photo_files.media_root("/srv/anh") == Path("/srv/anh")


def test_removing_a_photo_deletes_the_copy_not_the_original(event_id, tmp_path):
    original = camera_jpeg(tmp_path / "a.jpg")
    photo = media.add_photos(event_id, [original]).added[0]
    copy = photo_files.file_of(photo)
    media.remove_photo(photo.id)
    assert not copy.exists() and original.exists() and Photo.select().count() == 0


@pytest.mark.both_databases
def test_a_shared_database_keeps_its_photos_in_the_folder_of_the_settings(db, tmp_path, monkeypatch):
    from nlv_events.core import settings
    from nlv_events.services.media import news

    event_id = store.save_event(
        EventRecord(kind="training", title="Tập huấn số hóa tài liệu", start=dt.date(2022, 9, 12))
    ).id
    assert news.build(event_id, author="").photos == []  # no photos: no folder needed for the draft
    shared = tmp_path / "o-chung" / "anh"
    monkeypatch.setitem(settings.DEFAULTS, "media.folder", str(shared))
    result = media.add_photos(
        event_id, [camera_jpeg(tmp_path / "a.jpg", taken=T(2022, 9, 12, 8, 0))], caption="Lớp học"
    )
    assert result.problems == [] and photo_files.media_root() == shared
    photo = media.photos(event_id)[0]
    assert (shared / photo.path).is_file() and photo.taken_at == T(2022, 9, 12, 8, 0)
    page = news.export_folder(news.build(event_id, author="A"), tmp_path / "web")
    assert 'alt="Lớp học"' in page.read_text(encoding="utf-8")
