"""Folded names: Ð pasted for Đ, kĩ/kỹ spellings, venues typed twice, partners and people by name."""

import datetime as dt

from nlv_events.core import matching, queries, store
from nlv_events.core.models import Organisation, Venue
from nlv_events.core.records import EventRecord
from nlv_events.core.text import fold, matches


def test_eth_folds_like_d_and_i_y_spellings_are_one_word():
    assert fold("ÐẢNG") == fold("Đảng") == "dang"
    assert matches("kĩ thuật", fold("Kỹ thuật số")) and matches("ky thuat", fold("Kĩ thuật số"))
    assert matches("lí luận", fold("Lý luận chính trị")) and matches("quí", fold("Sách quý"))
    assert not matches("kinh", fold("Kỹ thuật"))


def test_the_store_search_finds_both_spellings(db):
    store.save_event(EventRecord(kind="talk", title="Tọa đàm kĩ năng đọc", start=dt.date(2023, 1, 5)))
    assert [e.title for e in queries.events(search="kỹ năng")] == ["Tọa đàm kĩ năng đọc"]


def test_a_venue_typed_again_in_lower_case_is_the_same_venue(db):
    store.save_event(
        EventRecord(kind="talk", title="A", start=dt.date(2023, 1, 5), venue="Hội trường tầng 2, Thư viện")
    )
    store.save_event(
        EventRecord(kind="talk", title="B", start=dt.date(2023, 1, 6), venue="hội trường tầng 2, thư viện")
    )
    store.save_event(EventRecord(kind="talk", title="C", start=dt.date(2023, 1, 7), partners=["vụ thư viện"]))
    store.save_event(EventRecord(kind="talk", title="D", start=dt.date(2023, 1, 8), partners=["Vụ Thư viện"]))
    assert [v.name for v in Venue.select()] == ["Hội trường tầng 2, Thư viện"]
    assert Organisation.select().count() == 1


def test_same_venue_and_suggestions():
    hall = "Hội trường tầng 2, Thư viện Quốc gia Việt Nam"
    assert matching.same_venue("Hội trường tầng 2", hall)
    assert matching.same_venue("hội trường tầng 2, thư viện quốc gia việt nam", hall)
    assert not matching.same_venue("Hội trường tầng 3", hall)
    assert matching.suggestions("Hoi truong tang 2", [hall, "Sảnh tầng 1"]) == [hall]
    assert matching.suggestions(hall, [hall]) == []
