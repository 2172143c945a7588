"""Anchors for `make bench`: what the app's printouts are compared with, measured in the same run.

- the 40-row programme drawn by bare ReportLab (one process: Python, ReportLab, one embedded TrueType font);
- the office's route before the app: the programme as DOCX converted to PDF by LibreOffice headless
  (`libreoffice-writer-nogui`, installed with apt-get when missing; reported plainly when that cannot be done);
- the year-end list beside a plain ReportLab LongTable of Paragraph cells holding the same rows.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.processes import launched

ROOT = Path(__file__).resolve().parents[1]
FONTS = ROOT / "resources" / "fonts"
LIBREOFFICE_PACKAGE = "libreoffice-writer-nogui"

# The floor for `nlv-events programme`: a new Python process that imports ReportLab, embeds ONE TrueType face (the
# regular serif, for the title too), lays out the same rows in a table of Paragraph cells and writes the file.
# Nothing of the app is imported. (Until the third round it embedded the bold face as well, a slower floor that
# flattered the ratio: issue #35.)
BARE_PROGRAMME = r"""
import json, sys
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table
from html import escape

data = json.load(open(sys.argv[1], encoding="utf-8"))
pdfmetrics.registerFont(TTFont("Serif", sys.argv[3] + "/LiberationSerif-Regular.ttf"))
cell = ParagraphStyle("cell", fontName="Serif", fontSize=12, leading=15)
title = ParagraphStyle("title", fontName="Serif", fontSize=14, leading=18, alignment=1)
document = SimpleDocTemplate(sys.argv[2], pagesize=A4, leftMargin=30 * mm, rightMargin=15 * mm,
                             topMargin=20 * mm, bottomMargin=20 * mm, initialFontName="Serif")
rows = [[Paragraph(escape(c, False), cell) for c in row] for row in data["rows"]]
table = Table(rows, colWidths=[30 * mm, None, 50 * mm], repeatRows=0)
document.build([Paragraph(escape(data["title"], False), title), table])
"""


def _wait(arguments: list[str]) -> float:
    """Seconds of one run of `arguments` as a new process (bench/processes.py: not forked from the bench itself)."""
    return launched(arguments)[0]


def interleaved(actions: dict[str, Callable[[], float]], runs: int) -> dict[str, float]:
    """The median of each action's times, the actions taking turns (one warm-up each), so a machine that gets
    busier during the run slows them alike."""
    samples: dict[str, list[float]] = {name: [] for name in actions}
    for action in actions.values():
        action()
    for _ in range(runs):
        for name, action in actions.items():
            samples[name].append(action())
    return {name: statistics.median(values) for name, values in samples.items()}


def programme_rows(event_id: int) -> dict:
    """The programme's rows as printed text (time, content, people), read through the store (bound already)."""
    from nlv_events.core import event_reading, when
    from nlv_events.core.records import person_line
    from nlv_events.i18n.formats import format_time

    record = event_reading.load_record(event_id)
    rows = []
    for row in record.programme:
        start = format_time(row.start) if when.is_timed(row.start) else ""
        rows.append([start, row.title, "; ".join(person_line(person) for person in row.people)])
    return {"title": record.title, "rows": rows}


def programme_docx(data: dict, path: Path) -> None:
    """The same programme as the office's DOCX (the title and a three-column table in Liberation Serif)."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Liberation Serif"
    style.font.size = Pt(12)
    heading = document.add_paragraph()
    heading.add_run(data["title"]).bold = True
    table = document.add_table(rows=0, cols=3)
    table.style = "Table Grid"
    for row in data["rows"]:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = value
    document.save(str(path))


def soffice() -> tuple[str | None, str]:
    """The LibreOffice program, installing `libreoffice-writer-nogui` with apt-get when it is missing; or None and
    why it could not be had."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found, ""
    apt = shutil.which("apt-get")
    if apt is None:
        return None, "LibreOffice is not installed and there is no apt-get to install it"
    if os.geteuid() != 0:
        return None, f"LibreOffice is not installed; run: sudo apt-get install {LIBREOFFICE_PACKAGE}"
    print(f"bench: installing {LIBREOFFICE_PACKAGE} with apt-get (once)…", flush=True)
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for arguments in (
        [apt, "install", "-y", "--no-install-recommends", LIBREOFFICE_PACKAGE],
        [apt, "update"],
        [apt, "install", "-y", "--no-install-recommends", LIBREOFFICE_PACKAGE],
    ):
        result = subprocess.run(arguments, env=environment, capture_output=True, text=True)
        found = shutil.which("soffice") or shutil.which("libreoffice")
        if found:
            return found, ""
    reason = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no message"]
    return None, f"apt-get install {LIBREOFFICE_PACKAGE} failed: {reason[0]}"


def programme_figures(database_path: Path, figure: Callable[..., dict], runs: int = 15) -> list[dict]:
    """`nlv-events programme ID -o x.pdf` as a whole process, beside bare ReportLab and beside LibreOffice, in
    fifteen turns, as issue #35 measured it (the median of 15 pairs; the bench took seven until the fifth session):
    a process of 0.2 s is at the mercy of the machine's other work, and more turns steady the median."""
    from bench import synthetic
    from nlv_events.core import database

    work = Path(tempfile.mkdtemp(prefix="nlv-bench-anchors-"))
    event_id = synthetic.forty_row_event_id(database_path)
    database.open_database(str(database_path))
    try:
        data = programme_rows(event_id)
    finally:
        database.close_database()
    rows = len(data["rows"])
    rows_file = work / "rows.json"
    rows_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    def ours() -> float:
        return _wait(
            [
                sys.executable,
                "-m",
                "nlv_events",
                "programme",
                str(event_id),
                "--db",
                str(database_path),
                "-o",
                str(work / "ours.pdf"),
            ]
        )

    def bare() -> float:
        return _wait([sys.executable, "-c", BARE_PROGRAMME, str(rows_file), str(work / "bare.pdf"), str(FONTS)])

    actions: dict[str, Callable[[], float]] = {"ours": ours, "bare": bare}
    program, why_not = soffice()
    if program is not None:
        document = work / "programme.docx"
        programme_docx(data, document)
        # A profile of its own, made by the warm-up run, so the timed runs are LibreOffice as the office starts it.
        profile = f"-env:UserInstallation={(work / 'lo-profile').as_uri()}"

        def libreoffice() -> float:
            return _wait(
                [program, profile, "--headless", "--convert-to", "pdf", "--outdir", str(work / "lo"), str(document)]
            )

        actions["libreoffice"] = libreoffice
    times = interleaved(actions, runs)
    results = [
        figure(
            f"programme PDF, {rows} rows, whole process (nlv-events programme)",
            times["ours"],
            "s",
            None,
            times["bare"],
            ratio_target=1.3,  # issue #35, third round
            note="baseline: bare ReportLab drawing the same rows with one embedded TTF face, in a new process",
        )
    ]
    if "libreoffice" in times:
        results.append(
            figure(
                f"programme PDF, {rows} rows, whole process, vs LibreOffice converting the DOCX (≥ 4.5× faster)",
                times["ours"],
                "s",
                None,
                times["libreoffice"],
                ratio_target=0.222,  # issue #35, third round
                note="baseline: soffice --headless --convert-to pdf of the same programme as DOCX; "
                "≤ 0.222× is ≥ 4.5× faster",
            )
        )
    else:
        print(f"bench: LibreOffice anchor not measured: {why_not}", flush=True)
        missing = figure(f"programme PDF, {rows} rows, vs LibreOffice (not measured: {why_not})", 0, "s", None)
        missing["met"] = False
        results.append(missing)
    return results


def _page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def plain_year_list(year: int) -> bytes:
    """The year's listed events (the same records, the same eleven columns) as a plain LongTable of Paragraph cells
    in the bundled serif on A4 landscape with the official margins: what ReportLab does with no care taken. Its
    column widths are the declared shares, a fitted or narrow column counting half a share."""
    from html import escape

    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate

    from nlv_events.core import event_reading, vocab
    from nlv_events.i18n.formats import format_number, format_span
    from nlv_events.printing.fonts import SERIF, register_fonts
    from nlv_events.printing.model import DECREE_MARGINS as MARGINS
    from nlv_events.printing.pdf_page import PAGE_SIZES
    from nlv_events.services.reports import counting
    from nlv_events.services.reports.year_list_document import columns

    register_fonts()
    cell = ParagraphStyle("cell", fontName=SERIF, fontSize=12, leading=15)
    records = [
        *event_reading.listing_records(counting.counted(year)),
        *event_reading.listing_records(counting.continuing(year)),
        *event_reading.listing_records(counting.cancelled(year)),
    ]
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=PAGE_SIZES["a4-landscape"],
        leftMargin=MARGINS.left * mm,
        rightMargin=MARGINS.right * mm,
        topMargin=MARGINS.top * mm,
        bottomMargin=MARGINS.bottom * mm,
        initialFontName=SERIF,
    )
    rows = [
        [
            Paragraph(escape(value or ""), cell)
            for value in (
                str(number),
                record.title,
                format_span(record.start, record.end),
                record.venue,
                vocab.label("role", record.role),
                ", ".join(record.partners),
                vocab.label("format", record.format),
                format_number(record.attendance),
                format_number(record.online_views),
                format_number(record.items_displayed),
                record.notes,
            )
        ]
        for number, record in enumerate(records, 1)
    ]
    weights = [0.5 if column.fit or column.narrow else column.weight for column in columns()]
    table = LongTable(rows, colWidths=[document.width * weight / sum(weights) for weight in weights], repeatRows=0)
    document.build([table])
    return buffer.getvalue()


def year_list_figures(database_path: Path, year: int, figure: Callable[..., dict], runs: int = 3) -> list[dict]:
    """The year-end list of `year` (1 000 events in the 10 000-event database) beside the plain LongTable."""
    from nlv_events.core import database
    from nlv_events.printing.decree import DecreeOptions
    from nlv_events.services.reports import year_report

    letterhead = DecreeOptions(date=dt.date.today())  # the decree's blocks as printed: today, the settings' signer
    made: dict[str, bytes] = {}

    def timed(name: str, action: Callable[[], bytes]) -> Callable[[], float]:
        def run() -> float:
            started = time.perf_counter()
            made[name] = action()
            return time.perf_counter() - started

        return run

    database.open_database(str(database_path))
    try:
        times = interleaved(
            {
                "ours": timed("ours", lambda: year_report.render(year, letterhead)),
                "plain": timed("plain", lambda: plain_year_list(year)),
            },
            runs,
        )
    finally:
        database.close_database()
    pages = {name: _page_count(pdf) for name, pdf in made.items()}
    return [
        figure(
            "year-end list PDF, 1,000 events, vs a plain LongTable",
            times["ours"],
            "s",
            None,
            times["plain"],
            ratio_target=1,
            note="baseline: a plain ReportLab LongTable of Paragraph cells holding the same rows",
        ),
        figure(
            "year-end list PDF, 1,000 events: pages vs the plain LongTable",
            pages["ours"],
            "pages",
            None,
            pages["plain"],
            ratio_target=1,
        ),
    ]
