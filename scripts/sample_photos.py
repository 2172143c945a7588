"""Sample photos (drawn, marked as samples) with captions on the demo year-end review, for `make screenshots`."""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw

from nlv_events.core.database import open_database
from nlv_events.core.models import Event
from nlv_events.services.media import event_photos

CAPTIONS = [
    "Toàn cảnh Hội nghị (ảnh mẫu)",
    "Báo cáo Tổng kết công tác năm 2022 (ảnh mẫu)",
    "Các tham luận trình bày tại Hội nghị (ảnh mẫu)",
    "Phát biểu chỉ đạo (ảnh mẫu)",
    "Trao Bằng khen (ảnh mẫu)",
    "Trao Chứng nhận Chiến sĩ thi đua cấp cơ sở (ảnh mẫu)",
]


def draw(path: Path, number: int, portrait: bool) -> None:
    size = (1800, 2400) if portrait else (2400, 1600)
    picture = Image.new("RGB", size, (40 + 25 * number, 70, 120 - 12 * number))
    canvas = ImageDraw.Draw(picture)
    width, height = size
    canvas.rectangle((0, int(height * 0.72), width, height), fill=(110, 70, 45))
    for seat in range(7):
        x = 120 + seat * (width - 240) // 7
        canvas.ellipse((x, int(height * 0.45), x + 220, int(height * 0.45) + 220), fill=(235, 200 - 15 * seat, 90))
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = dt.datetime(2022, 12, 26, 8, 10 + 7 * number).strftime("%Y:%m:%d %H:%M:%S")
    picture.save(path, "JPEG", quality=85, exif=exif.tobytes())


def main(database: str) -> int:
    open_database(database)
    event = Event.get(Event.ref == "demo-2022-review")
    folder = Path(tempfile.mkdtemp(prefix="nlv-sample-photos-"))
    files = []
    for number in range(len(CAPTIONS)):
        files.append(folder / f"DSC_{number + 1:04d}.jpg")
        draw(files[-1], number, portrait=number == 1)
    result = event_photos.add_photos(event.id, files, photographer="Trần Kim Thơ")
    people = event_photos.appearances(event.id)
    for number, (photo, caption) in enumerate(zip(result.added, CAPTIONS, strict=True)):
        shown = [people[0][0]] if number == 3 and people else []
        event_photos.update_photo(photo.id, caption=caption, people=shown)
    event_photos.choose_in_order(event.id, [photo.id for photo in result.added[:4]])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
