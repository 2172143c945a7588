"""Page 1 of each printout, made from the demo data, as PNG pictures for the README (run by `make screenshots`)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdf import QPdfDocument

from nlv_events import i18n
from nlv_events.core import database, event_reading
from nlv_events.core.models import Event
from nlv_events.printing.decree import DecreeOptions
from nlv_events.services.reports import programme, year_report

WIDTH = 900  # pixels across a page: legible in the README, small in the repository


def first_page_png(pdf: bytes, target: Path) -> None:
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    size = document.pagePointSize(0)
    image = document.render(0, QSize(WIDTH, round(WIDTH * size.height() / size.width())))
    if not image.save(str(target)):
        sys.exit(f"cannot write {target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", default="docs/images")
    arguments = parser.parse_args()
    QGuiApplication(sys.argv)
    i18n.setup_i18n("vi")
    database.open_database(arguments.db)
    out = Path(arguments.out)
    options = DecreeOptions(number="125", date=dt.date(2022, 12, 20), signer="Nguyễn Văn A")
    review = event_reading.load_record(Event.get(Event.ref == "demo-2022-review"))
    book_day = event_reading.load_record(Event.get(Event.ref == "demo-2022-bookday"))
    first_page_png(programme.render(review, "a4", options), out / "printout-programme.png")
    first_page_png(programme.render_pages(book_day), out / "printout-booklet.png")  # the A5 cover, as read
    first_page_png(year_report.render(2022, DecreeOptions(number="15", date=dt.date(2023, 1, 5))),
                   out / "printout-year-list.png")  # fmt: skip


if __name__ == "__main__":
    main()
