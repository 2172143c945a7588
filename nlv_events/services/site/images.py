"""The page's picture in web sizes: upright JPEGs at the widths the pages offer, without the camera's metadata
(a photo's EXIF may hold where it was taken)."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from nlv_events.core.errors import UserError
from nlv_events.services.media import photo_files


def web_sizes(source: Path, widths: tuple[int, ...]) -> dict[int, bytes]:
    """`source` as JPEGs `widths` wide (never enlarged), keyed by the width asked for; nothing if it is unreadable."""
    try:
        with photo_files.open_image(source) as image:
            upright = photo_files.upright(image)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, UserError):
        return {}  # a damaged or missing file: the page goes without a picture rather than the export failing
    sized = {}
    for width in widths:
        copy = upright.convert("RGB")
        if copy.width > width:
            copy = copy.resize((width, round(copy.height * width / copy.width)), Image.Resampling.LANCZOS)
        output = io.BytesIO()
        copy.save(output, "JPEG", quality=82, optimize=True, progressive=True)  # no exif= given: none is written
        sized[width] = output.getvalue()
    return sized
