"""A printed page, rendered by QtPdf as the preview shows it, is not blank."""

from PySide6.QtCore import QSize
from PySide6.QtPdf import QPdfDocument

from nlv_events.core.event_reading import load_record
from nlv_events.core.models import Event
from nlv_events.services.reports import programme


def test_first_page_renders_with_ink(qapp, demo_db, tmp_path):
    path = tmp_path / "review.pdf"
    path.write_bytes(programme.render(load_record(Event.get(Event.ref == "demo-2022-review"))))
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    assert document.pageCount() >= 2
    image = document.render(0, QSize(595, 842))
    dark = sum(
        1
        for y in range(0, image.height(), 4)
        for x in range(0, image.width(), 4)
        if image.pixelColor(x, y).value() < 128
    )
    assert dark > 200  # text and table rules, not an empty sheet
