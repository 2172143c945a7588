"""`nlv-events photos` and `nlv-events news` as a user types them."""

import datetime as dt
import json
from html.parser import HTMLParser

from PIL import Image

from tests.integration.cli_runner import run
from tests.photo_files import camera_jpeg


def test_photos_add_list_and_news_export(capsys, tmp_path):
    db = str(tmp_path / "events.sqlite3")
    assert run(capsys, "demo", "--db", db)[0] == 0
    code, out, _err = run(capsys, "events", "--db", db, "--search", "tong ket", "--format", "json")
    event_id = json.loads(out)[0]["id"]
    folder = tmp_path / "the"
    for minute in (5, 0):
        camera_jpeg(folder / f"IMG_{minute}.jpg", taken=dt.datetime(2022, 12, 26, 9, minute), colour=(minute, 9, 9))
    (folder / "ghi-chu.jpg").write_text("không phải ảnh", encoding="utf-8")

    code, out, err = run(
        capsys,
        "photos",
        str(event_id),
        "add",
        str(folder),
        "--credit",
        "Trần Kim Thơ",
        "--caption",
        "Toàn cảnh",
        "--db",
        db,
        "--lang",
        "en",
    )
    assert code == 1  # one file was refused, the others added
    assert "Added 2 photos." in out
    assert err.count("\n") == 1 and "ghi-chu.jpg" in err and "Traceback" not in err

    code, out, _err = run(capsys, "photos", str(event_id), "--format", "json", "--db", db)
    rows = json.loads(out)
    assert code == 0 and [row["original_name"] for row in rows] == ["IMG_0.jpg", "IMG_5.jpg"]
    assert {row["photographer"] for row in rows} == {"Trần Kim Thơ"} and not any(row["missing"] for row in rows)

    code, out, _err = run(
        capsys, "news", str(event_id), "-o", str(tmp_path / "web"), "--author", "Nguyễn Phương Nhung", "--db", db
    )
    assert code == 0
    page = next((tmp_path / "web").glob("*.html"))
    images = []

    class Images(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "img":
                images.append(dict(attrs))

    Images().feed(page.read_text(encoding="utf-8"))
    assert [image["alt"] for image in images] == ["Toàn cảnh", "Toàn cảnh"]
    assert "Tin: Nguyễn Phương Nhung; Ảnh: Trần Kim Thơ" in page.read_text(encoding="utf-8")
    with Image.open(tmp_path / "web" / images[0]["src"]) as web:
        assert max(web.size) <= 1600

    assert run(capsys, "news", str(event_id), "-o", str(tmp_path / "tin.docx"), "--db", db)[0] == 0
    assert (tmp_path / "tin.docx").stat().st_size > 10_000
    code, _out, err = run(capsys, "news", str(event_id), "--url", "nlv.gov.vn", "--db", db, "--lang", "en")
    assert code == 1 and "http" in err
    assert run(capsys, "news", str(event_id), "--url", "https://nlv.gov.vn/tin.html", "--db", db)[0] == 0
    code, out, _err = run(capsys, "events", "--db", db, "--search", "tong ket", "--format", "json")
    assert json.loads(out)[0]["news_url"] == "https://nlv.gov.vn/tin.html"


def test_an_unknown_event_is_one_line(capsys, tmp_path):
    code, out, err = run(capsys, "photos", "999", "--db", str(tmp_path / "e.sqlite3"), "--lang", "en")
    assert code == 1 and out == "" and err == "nlv-events: There is no event number 999.\n"
