"""Real pictures for the tests, made with Pillow: camera-like JPEGs with EXIF date, orientation and location."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PIL import Image

GPS_IFD = 0x8825


def camera_jpeg(
    path: Path,
    size: tuple[int, int] = (1200, 800),
    taken: dt.datetime | None = None,
    orientation: int | None = None,
    gps: bool = True,
    colour: tuple[int, int, int] = (200, 40, 40),
) -> Path:
    """A JPEG as a camera writes it: the sensor's width × height, the turn in EXIF, the place in GPS tags.

    The left third is a different colour, so a test can tell which way the picture was turned.
    """
    image = Image.new("RGB", size, colour)
    image.paste((20, 20, 220), (0, 0, size[0] // 3, size[1]))
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    if taken is not None:
        exif.get_ifd(0x8769)[0x9003] = taken.strftime("%Y:%m:%d %H:%M:%S")
    if gps:
        location = exif.get_ifd(GPS_IFD)
        location.update({1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 50.0, 0.0)})
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=90, exif=exif.tobytes())
    return path


def truncated_jpeg(path: Path) -> Path:
    whole = camera_jpeg(path.with_name("whole-" + path.name))
    data = whole.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path
