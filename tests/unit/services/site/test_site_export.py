"""The public calendar of the demo year: valid pages, readable feeds, nothing internal, nothing rewritten twice."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import feedparser
import html5lib
import icalendar
import markupsafe
import pytest
from PIL import Image

from nlv_events.core import event_reading, settings
from nlv_events.core.models import Event
from nlv_events.services.site import export

from .site_helpers import PUBLIC_TEXT, SECRETS, demo_with_secrets

FIRST = dt.date(2022, 1, 1)


@pytest.fixture
def site(demo_db, tmp_path, monkeypatch) -> tuple[Path, dict[str, str], export.SiteResult]:
    # The photos' folder, which a shared (PostgreSQL) database needs named; a SQLite file would keep them beside it.
    monkeypatch.setitem(settings.DEFAULTS, "media.folder", str(tmp_path / "o-chung" / "anh"))
    refs = demo_with_secrets(tmp_path)
    folder = tmp_path / "trang-web"
    result = export.write_site(folder, FIRST, 12)
    return folder, refs, result


def _pages(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))


def _page_of(folder: Path, ref: str, language: str = "vi") -> str:
    record = event_reading.load_record(Event.get(Event.ref == ref))
    title = record.title if language == "vi" else record.title_en
    for page in _pages(folder / ("su-kien" if language == "vi" else "en/events")):
        text = page.read_text(encoding="utf-8")
        if f"<h1>{markupsafe.escape(title)}</h1>" in text:
            return text
    raise AssertionError(f"no page for {title}")


def test_every_page_is_valid_html5_with_its_language_and_charset(site):
    folder, _refs, result = site
    pages = _pages(folder)
    assert result.events == 29  # the demo's 32: less two training courses and the one marked internal
    assert len(pages) > 40
    parser = html5lib.HTMLParser(strict=True)
    for page in pages:
        data = page.read_bytes()
        parser.parse(data)  # raises on the first parse error
        language = "en" if page.relative_to(folder).parts[0] == "en" else "vi"
        assert f'<html lang="{language}">'.encode() in data, page
        assert b'<meta charset="utf-8">' in data and b"<main" in data and b"<h1>" in data, page
        assert b"<script" not in data, page


def test_the_feeds_are_read_by_feed_and_calendar_readers(site):
    folder, refs, result = site
    feed = feedparser.parse((folder / "atom.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert len(feed.entries) == result.events
    titles = [entry.title for entry in feed.entries]
    cancelled = event_reading.load_record(Event.get(Event.ref == refs["cancelled"]))
    assert f"Đã hủy: {cancelled.title}" in titles
    calendar = icalendar.Calendar.from_ical((folder / "lich-su-kien.ics").read_bytes())
    entries = calendar.walk("VEVENT")
    assert len(entries) == result.events
    talk = next(entry for entry in entries if str(entry["uid"]).startswith(refs["talk"]))
    assert str(talk["description"]) == PUBLIC_TEXT  # the public text, never the internal description


@pytest.mark.both_databases
def test_nothing_internal_appears_in_any_file(site):
    folder, refs, _result = site
    everything = b"".join(path.read_bytes() for path in folder.rglob("*") if path.is_file())
    for secret in SECRETS:
        assert secret.encode("utf-8") not in everything, secret
    internal = event_reading.load_record(Event.get(Event.ref == refs["internal"]))
    assert internal.ref.encode() not in everything


def test_an_event_page_says_what_the_public_needs_in_both_languages(site):
    folder, refs, _result = site
    talk = _page_of(folder, refs["talk"])
    assert "14:00–16:30, thứ Sáu, ngày 25/03/2022" in talk  # as Vietnamese write it
    assert PUBLIC_TEXT in talk and "Hội trường tầng 2" in talk
    assert 'alt="Bạn đọc trẻ tại buổi tọa đàm"' in talk and 'hreflang="en"' in talk
    english = _page_of(folder, refs["talk"], "en")
    assert '<html lang="en">' in english and "25 Mar 2022" in english
    cancelled = _page_of(folder, refs["cancelled"])
    assert '<p class="status">Đã hủy</p>' in cancelled
    month = (folder / "2022-03.html").read_text(encoding="utf-8")
    assert "Tọa đàm" in month


def test_the_pictures_are_web_sized_without_the_cameras_location(site):
    folder, _refs, _result = site
    pictures = sorted((folder / "anh").glob("*.jpg"))
    assert [picture.name.rsplit("-", 1)[1] for picture in pictures] == ["480.jpg", "960.jpg"]
    for picture, width in zip(pictures, (480, 960), strict=True):
        with Image.open(io.BytesIO(picture.read_bytes())) as image:
            assert image.width == width
            assert not image.getexif()  # no GPS, no camera


@pytest.mark.both_databases
def test_a_second_export_rewrites_nothing_and_an_event_made_internal_leaves(site):
    folder, refs, first = site
    stamps = {path: path.stat().st_mtime_ns for path in folder.rglob("*") if path.is_file()}
    again = export.write_site(folder, FIRST, 12)
    assert (again.written, again.unchanged, again.removed) == (0, first.written, 0)
    assert {path: path.stat().st_mtime_ns for path in folder.rglob("*") if path.is_file()} == stamps

    talk_page = next(path for path in _pages(folder / "su-kien") if "2022-03-25" in path.name)
    from .site_helpers import _change

    _change(refs["talk"], publication="internal")
    later = export.write_site(folder, FIRST, 12)
    assert not talk_page.exists() and later.removed >= 3  # its pages in both languages and its pictures
    assert later.events == first.events - 1
