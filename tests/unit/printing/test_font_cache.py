"""Parsed fonts kept between runs: the same font as parsing the file, never a stale or broken one."""

import shutil

import pytest

from nlv_events.core.resources import resource
from nlv_events.printing import font_cache

TEXT = "Ngày Sách và Văn hóa đọc Việt Nam – Thư viện Quốc gia Việt Nam ★"


@pytest.fixture
def font_file(tmp_path, monkeypatch):
    monkeypatch.setattr(font_cache, "cache_dir", lambda: tmp_path / "cache")
    copy = tmp_path / "LiberationSerif-Regular.ttf"
    shutil.copy(resource("fonts", "LiberationSerif-Regular.ttf"), copy)
    return copy


def test_a_kept_face_measures_and_subsets_as_the_parsed_one(font_file, tmp_path):
    parsed = font_cache.ttfont("Parsed", font_file)  # parses, and keeps the face
    (entry,) = (tmp_path / "cache").iterdir()
    kept = font_cache.ttfont("Kept", font_file)
    assert kept.fontName == "Kept" and kept.face is not parsed.face
    assert kept.stringWidth(TEXT, 12) == parsed.stringWidth(TEXT, 12)
    glyphs = sorted({ord(character) for character in TEXT})
    assert kept.face.makeSubset(glyphs) == parsed.face.makeSubset(glyphs)  # the bytes embedded in the PDF
    assert kept.face._pdfScale(2048) == parsed.face._pdfScale(2048) == 1000
    assert entry.exists()


def test_a_changed_font_file_is_parsed_again(font_file, tmp_path):
    font_cache.ttfont("A", font_file)
    shutil.copy(resource("fonts", "LiberationSerif-Bold.ttf"), font_file)  # another face under the same name
    bold = font_cache.ttfont("B", font_file)
    assert bold.face.name == b"LiberationSerif-Bold"
    assert len(list((tmp_path / "cache").iterdir())) == 2


def test_a_broken_entry_is_parsed_again_and_written_anew(font_file, tmp_path):
    font_cache.ttfont("A", font_file)
    (entry,) = (tmp_path / "cache").iterdir()
    entry.write_bytes(b"not a pickle")
    font = font_cache.ttfont("B", font_file)
    assert font.stringWidth(TEXT, 12) > 0
    assert font_cache.ttfont("C", font_file).stringWidth(TEXT, 12) == font.stringWidth(TEXT, 12)
    assert entry.read_bytes() != b"not a pickle"
