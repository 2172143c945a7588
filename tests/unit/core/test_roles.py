"""People's parts in a programme: the host and the other usual roles, and any role typed by hand."""

import json

from pypdf import PdfReader

from nlv_events.core import event_reading, store, vocab
from nlv_events.i18n import gettext
from nlv_events.services.interchange import decoding, importing
from nlv_events.services.reports import programme

DOCUMENT = {
    "format": "nlv-events/1",
    "events": [
        {
            "ref": "talk-roles",
            "kind": "talk",
            "title": "Tọa đàm “Sách và người trẻ”",
            "start": "2023-04-21T14:00",
            "programme": [
                {
                    "start": "2023-04-21T14:00",
                    "title": "Khai mạc",
                    "people": [
                        {"name": "Nguyễn Minh Anh", "role": "host"},
                        {"name": "Lê Văn Hùng", "role": "Cố vấn chuyên môn"},
                    ],
                }
            ],
        }
    ],
}


def test_the_host_and_a_typed_role_import_and_print_as_given(db, tmp_path):
    source = tmp_path / "roles.json"
    source.write_text(json.dumps(DOCUMENT, ensure_ascii=False), encoding="utf-8")
    summary = importing.import_document(decoding.read_document(source))
    assert summary.created == 1

    (row,) = event_reading.load_record(store.find_existing(decoding.read_document(source).events[0])).programme
    assert [(p.name, p.role) for p in row.people] == [
        ("Nguyễn Minh Anh", "host"),
        ("Lê Văn Hùng", "Cố vấn chuyên môn"),
    ]
    event_id = store.find_existing(decoding.read_document(source).events[0]).id
    pdf = tmp_path / "programme.pdf"
    programme.write(event_id, pdf)
    printed = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "Dẫn chương trình: Nguyễn Minh Anh" in printed
    assert "Lê Văn Hùng" in printed


def test_a_typed_role_is_shown_as_typed_and_counted_as_other():
    assert vocab.label("person_role", "Cố vấn chuyên môn") == "Cố vấn chuyên môn"
    assert vocab.person_role_group("Cố vấn chuyên môn") == vocab.OTHER_PERSON_ROLE
    assert vocab.person_role_group("host") == "host"


def test_roles_are_nouns_and_the_speaker_is_bao_cao_vien():
    labels = {code: gettext(source) for code, source in vocab.PERSON_ROLES.items()}
    assert labels["speaker"] == "Báo cáo viên"
    assert labels["presenter"] == "Người trình bày tham luận"
    assert labels["performer"] == "Người biểu diễn"
    assert labels["host"] == "Dẫn chương trình"
    assert {labels["secretary"], labels["interpreter"], labels["panelist"]} == {
        "Thư ký",
        "Phiên dịch",
        "Diễn giả tọa đàm",
    }
