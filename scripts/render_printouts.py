"""Page 1 of each printout, made from the demo data, as PNG pictures for the README and docs/printouts.md (run by
`make screenshots`): the PDF, and the Word version beside it as LibreOffice lays it out (as Word users see it)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdf import QPdfDocument

from nlv_events import i18n
from nlv_events.core import database, event_reading
from nlv_events.core.models import Event
from nlv_events.printing.decree import DecreeOptions
from nlv_events.services.planning import annual_plan, annual_plan_document
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


def word_as_pdf(docx: bytes) -> bytes | None:
    """The Word version laid out by LibreOffice headless, as PDF; None where LibreOffice is not installed."""
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        print("LibreOffice is not installed: the Word versions' pictures are left as they were", file=sys.stderr)
        return None
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "document.docx"
        source.write_bytes(docx)
        profile = (Path(folder) / "profile").as_uri()
        subprocess.run([program, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", folder, str(source)], check=True, capture_output=True, timeout=300)  # fmt: skip
        return (Path(folder) / "document.pdf").read_bytes()


def pdf_and_word(printout: bytes, docx: bytes, out: Path, name: str) -> None:
    """printout-NAME.png and, beside it, printout-NAME.docx.png."""
    first_page_png(printout, out / f"printout-{name}.png")
    laid_out = word_as_pdf(docx)
    if laid_out is not None:
        first_page_png(laid_out, out / f"printout-{name}.docx.png")


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
    pdf_and_word(programme.render(review, "a4", options), programme.render_docx(review, options), out, "programme")
    first_page_png(programme.render_pages(book_day), out / "printout-booklet.png")  # the A5 cover, as read
    year_options = DecreeOptions(number="15", date=dt.date(2023, 1, 5))
    pdf_and_word(year_report.render(2022, year_options), year_report.render_docx(2022, year_options), out,
                 "year-list")  # fmt: skip
    plan = annual_plan.build(2022, annual_plan.PlanOptions(number="12", signer_name="Nguyễn Văn A"))
    pdf_and_word(annual_plan_document.render(plan), annual_plan_document.render_docx(plan), out, "plan")


if __name__ == "__main__":
    main()
