"""The news item: draft from the record, HTML checked with a parser, web JPEGs measured, the DOCX read back."""

import datetime as dt
import io
from html.parser import HTMLParser

import pytest
from PIL import Image, ImageCms

from nlv_events.core import event_reading, store
from nlv_events.core.errors import UserError
from nlv_events.core.models import Event
from nlv_events.core.records import EventRecord, PersonEntry, ProgrammeEntry
from nlv_events.services.media import event_photos as media
from nlv_events.services.media import news, photo_files
from nlv_events.services.reports import tallies
from tests.photo_files import GPS_IFD, camera_jpeg

T = dt.datetime
TITLE = "Hội nghị Tổng kết công tác năm 2022 và triển khai nhiệm vụ năm 2023"


@pytest.fixture
def event_id(db):
    record = EventRecord(
        kind="conference",
        title=TITLE,
        start=T(2022, 12, 26, 8, 0),
        status="held",
        people=[
            PersonEntry(
                "Trịnh Thị Thuỷ",
                role="guest",
                honorific="Bà",
                position="Uỷ viên Ban Cán sự Đảng, Thứ trưởng",
                organisation="Bộ VHTTDL",
            ),
            PersonEntry("Kiều Thúy Nga", role="chair", honorific="Bà", position="Giám đốc", organisation="TVQG"),
        ],
        programme=[
            ProgrammeEntry(
                start=T(2022, 12, 26, 8, 30),
                title="Báo cáo Tổng kết công tác năm 2022",
                people=[PersonEntry("Nguyễn Ngọc Anh", honorific="Bà", position="Phó Giám đốc TVQG")],
            )
        ],
    )
    return store.save_event(record).id


CAPTIONS = [
    "Toàn cảnh Hội nghị",
    "Bà Trịnh Thị Thuỷ - Uỷ viên Ban Cán sự Đảng, Thứ trưởng Bộ VHTTDL phát biểu",
    'Trao "Bằng khen" <của Bộ trưởng> & chứng nhận',
]


@pytest.fixture
def with_photos(event_id, tmp_path):
    files = [
        camera_jpeg(tmp_path / "in" / "DSC_1.JPG", size=(4000, 3000), taken=T(2022, 12, 26, 8, 5), orientation=6),
        camera_jpeg(tmp_path / "in" / "DSC_2.JPG", size=(1200, 900), taken=T(2022, 12, 26, 9, 0)),
        camera_jpeg(tmp_path / "in" / "DSC_3.JPG", size=(3000, 2000), taken=T(2022, 12, 26, 10, 0)),
    ]
    result = media.add_photos(event_id, files)
    assert result.problems == []
    for photo, caption, who in zip(
        result.added, CAPTIONS, ["Trần Kim Thơ", "Nguyễn Thuỳ Dung", "Trần Kim Thơ"], strict=True
    ):
        media.update_photo(photo.id, caption=caption, photographer=who)
    return event_id


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.images, self.captions, self.paragraphs, self.styles = [], [], [], [], []
        self._in = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attributes = dict(attrs)
        if "style" in attributes or tag == "style":
            self.styles.append(tag)
        if tag == "img":
            self.images.append(attributes)
        self._in = tag

    def handle_data(self, data):
        if self._in == "figcaption":
            self.captions.append(data)
        elif self._in == "p":
            self.paragraphs.append(data)

    def handle_endtag(self, tag):
        self._in = None


def test_the_draft_follows_the_record(with_photos):
    draft = news.build(with_photos, author="Nguyễn Phương Nhung")
    assert draft.title == TITLE
    assert draft.lead == f"Ngày 26/12/2022, Thư viện Quốc gia Việt Nam tổ chức {TITLE}."
    assert draft.body[0] == (
        "Tham dự Hội nghị, về phía Bộ VHTTDL có bà Trịnh Thị Thuỷ – Uỷ viên Ban Cán sự Đảng, Thứ trưởng. "
        "Về phía TVQG có bà Kiều Thúy Nga – Giám đốc."
    )
    assert "Báo cáo Tổng kết công tác năm 2022 (Bà Nguyễn Ngọc Anh – Phó Giám đốc TVQG)" in draft.body[1]
    assert draft.credit == "Tin: Nguyễn Phương Nhung; Ảnh: Trần Kim Thơ, Nguyễn Thuỳ Dung"
    assert draft.base_name == "2022-12-26-hoi-nghi-tong-ket"


def test_the_lead_names_the_partners_and_the_days():
    record = EventRecord(
        kind="book_day",
        title="Ngày Sách và Văn hóa đọc Việt Nam năm 2023",
        start=dt.date(2023, 4, 18),
        end=dt.date(2023, 4, 25),
        partners=["Vụ Thư viện"],
    )
    assert news.lead_sentence(record) == (
        "Từ ngày 18/04 đến ngày 25/04/2023, Thư viện Quốc gia Việt Nam phối hợp với Vụ Thư viện tổ chức "
        "Ngày Sách và Văn hóa đọc Việt Nam năm 2023."
    )


def test_the_website_folder_holds_clean_html_and_web_jpegs(with_photos, tmp_path):
    originals = {p.id: photo_files.file_of(p).read_bytes() for p in media.photos(with_photos)}
    page = news.export_folder(news.build(with_photos, author="Nguyễn Phương Nhung"), tmp_path / "web")

    text = page.read_text(encoding="utf-8")
    parser = Tags()
    parser.feed(text)
    assert set(parser.tags) <= {"meta", "h1", "h2", "p", "figure", "img", "figcaption"}  # meta: the charset only
    assert parser.styles == []
    names = [image["src"] for image in parser.images]
    assert names == [f"2022-12-26-hoi-nghi-tong-ket-{n:02d}.jpg" for n in (1, 2, 3)]  # each photo once
    assert [image["alt"] for image in parser.images] == CAPTIONS
    assert parser.captions == CAPTIONS
    assert "Tin: Nguyễn Phương Nhung; Ảnh: Trần Kim Thơ, Nguyễn Thuỳ Dung" in parser.paragraphs
    assert "<của" not in text and "&lt;của Bộ trưởng&gt; &amp;" in text  # escaped, not markup

    sizes = []
    for name in names:
        with Image.open(tmp_path / "web" / name) as web:
            assert web.format == "JPEG" and web.mode == "RGB"
            assert max(web.size) <= 1600
            exif = web.getexif()
            assert not exif.get_ifd(GPS_IFD) and GPS_IFD not in exif
            assert set(exif) == {0x0132}  # the date only: no location, no turn (already upright), no camera data
            profile = ImageCms.ImageCmsProfile(io.BytesIO(web.info["icc_profile"]))
            assert "sRGB" in ImageCms.getProfileDescription(profile)
            sizes.append(web.size)
    assert sizes == [(1200, 1600), (1200, 900), (1600, 1067)]
    # the media folder's copies are untouched
    assert {p.id: photo_files.file_of(p).read_bytes() for p in media.photos(with_photos)} == originals


def test_the_docx_holds_the_text_and_the_photos(with_photos, tmp_path):
    from docx import Document

    target = tmp_path / "tin.docx"
    news.export_docx(news.build(with_photos, author="Nguyễn Phương Nhung"), target)
    document = Document(str(target))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert texts[0] == TITLE
    assert texts[1].startswith("Ngày 26/12/2022")
    assert news.GALLERY_HEADING in texts
    for caption in CAPTIONS:
        assert caption in texts
    assert texts[-1] == "Tin: Nguyễn Phương Nhung; Ảnh: Trần Kim Thơ, Nguyễn Thuỳ Dung"
    assert len(document.inline_shapes) == 3
    pictures = [part for part in document.part.related_parts.values() if part.content_type == "image/jpeg"]
    assert len(pictures) == 3
    for picture in pictures:
        with Image.open(io.BytesIO(picture.blob)) as image:
            assert max(image.size) <= 1600 and not image.getexif().get_ifd(GPS_IFD)


def test_only_the_chosen_photos_in_their_order(with_photos, tmp_path):
    listed = media.photos(with_photos)
    media.choose_in_order(with_photos, [listed[2].id, listed[0].id])
    parser = Tags()
    parser.feed(news.html_fragment(news.build(with_photos, author="")))
    assert [image["alt"] for image in parser.images] == [CAPTIONS[2], CAPTIONS[0]]
    assert "Ảnh: Trần Kim Thơ" in parser.paragraphs


def test_the_edited_text_is_kept_and_the_photos_follow_the_record(with_photos):
    news.save(with_photos, "Tin đã sửa", "Mở đầu.", "Đoạn một.\n\nĐoạn hai.", "Tin: A; Ảnh: B")
    kept = news.draft(with_photos)
    assert (kept.title, kept.lead, kept.body, kept.credit, kept.saved) == (
        "Tin đã sửa",
        "Mở đầu.",
        ["Đoạn một.", "Đoạn hai."],
        "Tin: A; Ảnh: B",
        True,
    )
    assert len(kept.photos) == 3
    with pytest.raises(UserError):
        news.save(with_photos, "  ", "", "", "")


def test_a_missing_photo_stops_the_export_with_its_name(with_photos, tmp_path):
    photo = media.photos(with_photos)[1]
    photo_files.file_of(photo).unlink()
    with pytest.raises(UserError, match=photo.path.rsplit("/", 1)[1]):
        news.export_folder(news.build(with_photos), tmp_path / "web")
    assert not (tmp_path / "web").exists() or not any((tmp_path / "web").iterdir())


def test_the_news_link_is_recorded_and_counted_in_the_tallies(with_photos):
    version = Event.get_by_id(with_photos).version
    with pytest.raises(UserError):
        news.record_link(with_photos, "nlv.gov.vn/tin")
    news.record_link(with_photos, "https://nlv.gov.vn/tin-tuc/hoi-nghi-tong-ket.html")
    event = Event.get_by_id(with_photos)
    assert event.news_url.endswith("hoi-nghi-tong-ket.html") and event.version == version + 1
    year = tallies.compute(2022)
    assert (year.kinds["conference"].news_items, year.kinds["conference"].photos) == (1, 3)
    assert (year.total.news_items, year.total.photos) == (1, 3)
    assert year.kinds["talk"].photos == 0


@pytest.mark.parametrize(
    ("mode", "name"), [("CMYK", "in.jpg"), ("RGBA", "in.png"), ("I;16", "scan.png"), ("P", "in.gif")]
)
def test_any_colour_mode_becomes_an_rgb_web_jpeg(event_id, tmp_path, mode, name):
    source = tmp_path / name
    Image.new(mode, (2000, 500)).save(source)
    photo = media.add_photos(event_id, [source]).added[0]
    assert photo_files.file_of(photo).suffix == source.suffix
    with Image.open(io.BytesIO(news.web_jpeg(photo_files.file_of(photo)))) as web:
        assert (web.format, web.mode, web.size) == ("JPEG", "RGB", (1600, 400))


def test_an_exhibition_s_item_count_is_its_checklist_sum_as_tallied(db):
    from nlv_events.core.exhibit_records import ExhibitData, ItemEntry, SectionEntry
    from nlv_events.services.exhibits import structure

    saved = store.save_event(
        EventRecord(kind="exhibition", title="Sách quý", start=dt.date(2023, 5, 2), items_displayed=300)
    )
    assert "Triển lãm trưng bày 300 tài liệu." in news.body_paragraphs(event_reading.load_record(saved.id))
    items = [ItemEntry(title=f"Tài liệu {number}", quantity=2) for number in range(40)]
    structure.save(saved.id, ExhibitData(sections=[SectionEntry(title="Phần I", items=items)]))
    assert "Triển lãm trưng bày 80 tài liệu." in news.body_paragraphs(event_reading.load_record(saved.id))
    assert tallies.compute(2023).kinds["exhibition"].items_displayed == 80


# One test a length of text: the four in one test took twice the five seconds a test may take.
@pytest.mark.parametrize("paragraphs", [2, 5, 8, 11])
def test_the_gallery_heading_stands_on_the_page_of_the_first_photo_in_word(with_photos, tmp_path, office, paragraphs):
    """Laid out by LibreOffice, the heading "Hình ảnh cùng sự kiện" is never the last line of a page: the photo
    under it (a phone's tall portrait here) is on its page, whatever length the text above it runs to."""
    import pdfplumber

    tall = camera_jpeg(tmp_path / "in" / "PHONE.JPG", size=(900, 1600), taken=T(2022, 12, 26, 8, 1))
    added = media.add_photos(with_photos, [tall]).added
    listed = media.photos(with_photos)
    media.choose_in_order(with_photos, [added[0].id, *(photo.id for photo in listed if photo.id != added[0].id)])
    news.save(with_photos, TITLE, "Mở đầu.", "\n\n".join(["Đoạn văn của tin. " * 12] * paragraphs), "Tin: A")
    target = tmp_path / f"tin-{paragraphs}.docx"
    news.export_docx(news.draft(with_photos), target)
    with pdfplumber.open(office.to_pdf(target)) as rendered:
        for page in rendered.pages:
            words = page.extract_words()
            tops = [word["top"] for word in words if word["text"] == "Hình"
                    and news.GALLERY_HEADING in page.extract_text()]  # fmt: skip
            if tops:
                assert any(image["top"] > tops[-1] for image in page.images), (
                    f"{paragraphs} paragraphs: the heading ends page {page.page_number}")


def test_the_html_declares_its_encoding(with_photos):
    fragment = news.html_fragment(news.build(with_photos, author=""))
    assert fragment.startswith('<meta charset="utf-8">\n')


def test_a_long_programme_is_summed_up_in_a_sentence(db):
    speakers = [PersonEntry(name, "speaker", honorific, position) for name, honorific, position in (
        ("Nguyễn Ngọc Anh", "Bà", "Phó Giám đốc TVQG"), ("Vũ Dương Thúy Ngà", "Bà", "Giám đốc TVQG"),
        ("Lê Văn C", "Ông", "Giám đốc Thư viện tỉnh Quảng Ninh"), ("Trần Văn D", "Ông", None))]  # fmt: skip
    rows = [ProgrammeEntry(T(2022, 12, 26, 8 + number // 2, 30 * (number % 2)), f"Tham luận số {number + 1} về công "
                           f"tác thư viện", people=[speakers[number % 4]]) for number in range(6)]  # fmt: skip
    record = EventRecord(kind="conference", title=TITLE, start=T(2022, 12, 26, 8, 0), status="held", programme=rows)
    body = news.build(store.save_event(record).id, author="").body
    (sentence,) = [paragraph for paragraph in body if "Hội nghị đã nghe" in paragraph]
    assert sentence == ("Hội nghị đã nghe 6 báo cáo, tham luận, trình bày bởi bà Nguyễn Ngọc Anh – Phó Giám đốc "
                        "TVQG, bà Vũ Dương Thúy Ngà – Giám đốc TVQG và 2 người khác.")
    assert not any("Tham luận số" in paragraph for paragraph in body)
