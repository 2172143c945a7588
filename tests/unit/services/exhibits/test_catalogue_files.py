"""Catalogue files as they come from outside: MARC under any name, damaged MARCXML, text in an undeclared encoding,
a repeated 245. Every file is made with pymarc (tests/marc_files.py)."""

import datetime as dt

import pytest
from pymarc import Field, Indicators, Subfield

from nlv_events.core.errors import UserError
from nlv_events.services.exhibits import catalogue_import
from nlv_events.services.exhibits.catalogue_marc import garbled
from tests.marc_files import book, cp1251_book, damaged_marcxml, marc_bytes, marcxml_bytes


@pytest.mark.parametrize("name", ["export.dat", "EXPORT.DAT", "catalogue.export", "ban-ghi"])
def test_marc_is_recognised_by_its_content_whatever_the_name(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(marc_bytes([book("Đường Kách mệnh", "Hồ Chí Minh"), book("Nhật ký trong tù", marc8=True)]))
    preview = catalogue_import.read(path)
    assert preview.file_format == "marc"
    assert [entry.item.title for entry in preview.entries] == ["Đường Kách mệnh", "Nhật ký trong tù"]
    assert preview.complete and preview.notes == []


def test_marcxml_under_another_name_and_a_dat_file_that_is_not_marc(tmp_path):
    path = tmp_path / "export.dat"
    path.write_bytes(marcxml_bytes([book("Văn hóa đọc")]))
    assert [entry.item.title for entry in catalogue_import.read(path).entries] == ["Văn hóa đọc"]
    path.write_text("Tên tài liệu;Tác giả\nVăn hóa đọc;Nguyễn Văn A\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"\.mrc"):
        catalogue_import.read(path)


def test_each_damaged_marcxml_record_is_named_with_what_is_wrong_and_the_others_are_read(tmp_path):
    path = tmp_path / "damaged.xml"
    path.write_bytes(damaged_marcxml())
    preview = catalogue_import.read(path)
    assert [(entry.number, entry.item.title) for entry in preview.entries] == [
        (1, "Bản ghi tốt một"),
        (6, "Bản ghi tốt hai"),
    ]
    reasons = {problem.number: problem.reason for problem in preview.problems}
    assert sorted(reasons) == [2, 3, 4, 5]
    assert "<datafield>" in reasons[2] and "tag" in reasons[2]
    assert "<subfield>" in reasons[3] and "code" in reasons[3]
    assert "24" in reasons[4]
    assert "<controlfield>" in reasons[5] and "tag" in reasons[5]
    assert not any("KeyError" in reason or "None" in reason for reason in reasons.values())


def test_broken_xml_names_the_record_and_the_line(tmp_path):
    path = tmp_path / "cut.xml"
    path.write_bytes(marcxml_bytes([book("Một"), book("Hai")])[:-60])
    with pytest.raises(UserError, match=r"MARCXML hợp lệ \(bản ghi 2, dòng 1"):
        catalogue_import.read(path)


def test_text_in_an_undeclared_encoding_is_refused_and_summed_up_without_noise(tmp_path, capfd):
    path = tmp_path / "export.mrc"
    records = [book("Đường Kách mệnh", "Hồ Chí Minh", marc8=True)]
    records += [cp1251_book(f"Война и мир, том {n}", "Толстой, Лев Николаевич") for n in range(1, 7)]
    path.write_bytes(marc_bytes(records))
    preview = catalogue_import.read(path)
    assert [entry.item.title for entry in preview.entries] == ["Đường Kách mệnh"]
    assert [problem.number for problem in preview.problems] == [2, 3, 4, 5, 6, 7]
    assert all("UTF-8" in problem.reason for problem in preview.problems)
    assert len(preview.notes) == 1 and preview.notes[0].startswith("6 ") and "2, 3, 4, 5, 6, 7" in preview.notes[0]
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""  # pymarc's decoding complaints stay in the summary


def test_garbled_text_is_told_from_real_accents():
    assert not garbled("Nhật ký trong tù")
    assert not garbled("Nha\u0323\u0302t ky\u0301")  # decomposed Vietnamese composes under NFC
    assert not garbled("Ṭabarī")
    assert garbled("\u0301\u0300 tu")  # marks at the start, on nothing
    assert garbled("℗ \u030b\u030c\u0309")  # marks after a space
    assert garbled("a\u0301\u0331\u0332\u0333")  # three marks left stacked on á


def test_the_first_245_is_the_title_when_a_record_repeats_it(tmp_path):
    record = book("Truyện Kiều", "Nguyễn Du", subtitle="bản Kinh")
    for extra in ("Đoạn trường tân thanh", "Kim Vân Kiều"):
        record.add_field(Field(tag="245", indicators=Indicators("1", "0"), subfields=[Subfield("a", extra)]))
    path = tmp_path / "kieu.mrc"
    path.write_bytes(marc_bytes([record]))
    (entry,) = catalogue_import.read(path).entries
    assert entry.item.title == "Truyện Kiều : bản Kinh"  # as pymarc's `title` reads the record: its first 245
    assert record.title.startswith("Truyện Kiều")


def test_the_checklist_prints_place_and_publisher_with_their_isbd_punctuation(db, tmp_path):
    """ "H.: Văn học" and a publisher the cataloguer supplied, "[k.n.]", print as the catalogue describes them."""
    import io

    import pdfplumber

    from nlv_events.core import store
    from nlv_events.core.exhibit_records import ExhibitData, SectionEntry
    from nlv_events.core.records import EventRecord
    from nlv_events.services.exhibits import checklist, checklist_pdf, structure

    path = tmp_path / "export.mrc"
    path.write_bytes(marc_bytes([book("Truyện Kiều", place="H.", publisher="Văn học"),
                                 book("Thơ", place="Huế", publisher="[k.n.]", year="[1930]")]))
    items = [entry.item for entry in catalogue_import.read(path).entries]
    event = store.save_event(EventRecord(kind="exhibition", title="Triển lãm", start=dt.date(2022, 12, 18))).id
    structure.save(event, ExhibitData(sections=[SectionEntry("Sách", items)]))
    with pdfplumber.open(io.BytesIO(checklist_pdf.render(checklist.build(event)))) as pdf:
        text = " ".join(page.extract_text() for page in pdf.pages)
    assert "H.: Văn học" in text
    assert "Huế: [k.n.]" in text
    assert items[1].year == "1930"
