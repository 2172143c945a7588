"""Vietnamese text: NFC on the way in, accent-insensitive folding, Vietnamese order."""

import unicodedata

from nlv_events.core.text import clean, fold, sort_key


def test_clean_stores_decomposed_text_in_nfc_and_trims():
    decomposed = unicodedata.normalize("NFD", "  Văn hóa đọc  ")
    assert decomposed != "Văn hóa đọc"
    cleaned = clean(decomposed)
    assert cleaned == "Văn hóa đọc"
    assert unicodedata.is_normalized("NFC", cleaned)


def test_fold_drops_accents_case_and_maps_d_with_stroke():
    assert fold("Văn hóa ĐỌC") == "van hoa doc"
    assert fold("Đảng") == "dang"
    assert fold("đường  Trường   Sa") == "duong truong sa"


def test_fold_treats_precomposed_and_decomposed_alike():
    assert fold(unicodedata.normalize("NFD", "Thủy")) == fold("Thủy") == "thuy"


def test_sort_key_follows_vietnamese_alphabet_and_tones():
    words = ["Đặng", "Do", "Ảnh", "Âu", "Anh", "Dương", "Ăn", "Ánh", "Đào", "Zô", "ba"]
    assert sorted(words, key=sort_key) == ["Anh", "Ảnh", "Ánh", "Ăn", "Âu", "ba", "Do", "Dương", "Đào", "Đặng", "Zô"]


def test_plain_sorting_would_put_d_with_stroke_after_z():
    # The reason sort_key exists: Python's default order is wrong for Vietnamese readers.
    assert sorted(["Đào", "Zô", "Do"]) == ["Do", "Zô", "Đào"]
    assert sorted(["Đào", "Zô", "Do"], key=sort_key) == ["Do", "Đào", "Zô"]


def test_clean_drops_what_pasting_brings_and_keeps_line_breaks():
    pasted = "\ufeffHội trường\u00a0tầng 2,\u200b Thư viện  Quốc gia\u202fViệt Nam "
    assert clean(pasted) == "Hội trường tầng 2, Thư viện Quốc gia Việt Nam"
    assert clean("Dòng đầu\n\nDòng  thứ hai") == "Dòng đầu\n\nDòng thứ hai"


def test_a_venue_pasted_with_a_no_break_space_is_the_known_venue(db):
    import datetime as dt

    from nlv_events.core import store
    from nlv_events.core.models import Venue
    from nlv_events.core.records import EventRecord

    for title, venue in (("A", "Hội trường tầng 2"), ("B", "Hội trường\u00a0tầng 2\u200b")):
        store.save_event(EventRecord(kind="talk", title=title, start=dt.date(2024, 5, 2), venue=venue))
    assert [venue.name for venue in Venue.select()] == ["Hội trường tầng 2"]


def test_the_look_alike_eth_sorts_as_d_with_stroke_not_before_a():
    # "Ð" (U+00D0) arrives pasted from other software; a reader sees Đ and looks for it among the Đ titles.
    titles = ["\u00d0ặng Thái Sơn", "Anh", "Dương", "Đào", "Zô"]
    assert sorted(titles, key=sort_key) == ["Anh", "Dương", "Đào", "\u00d0ặng Thái Sơn", "Zô"]


def _fold_in_three_passes(value: str) -> str:
    """What `fold` means: đ→d, decomposed, without combining marks, case-folded, one space between words."""
    decomposed = unicodedata.normalize("NFD", value.translate(str.maketrans({"đ": "d", "Đ": "D", "Ð": "D", "ð": "d"})))
    bare = "".join(character for character in decomposed if not unicodedata.combining(character))
    return " ".join(bare.casefold().split())


def test_fold_spells_each_character_as_the_three_passes_do():
    # Latin with every diacritic, combining marks, Greek, Cyrillic, Vietnamese (U+1E00–1EFF); then a sample of all.
    code_points = [*range(0x3000), *range(0x3000, 0x110000, 89)]
    for code_point in code_points:
        character = chr(code_point)
        assert fold(character) == _fold_in_three_passes(character), hex(code_point)


def test_fold_of_a_text_is_the_three_passes_over_the_whole_text():
    texts = [
        "Triển lãm “Hồ Chí Minh – Hành trình vĩ đại”",
        unicodedata.normalize("NFD", "Ngày Sách và Văn hóa đọc Việt Nam"),
        "A\u0323\u0302 ĐẠI HỌC  Quốc\tgia\nHà Nội İstanbul Straße ǰ ŉ ﬁ",
        "Thủy\u0301\u0300 x\u0301\u0323y",  # marks piled up in any order
    ]
    for text in texts:
        assert fold(text) == _fold_in_three_passes(text), text
