"""The year's event list and the narrative as a Word document, ready to paste into the annual report."""

from __future__ import annotations

import os

from nlv_events.core import store, vocab
from nlv_events.i18n import _
from nlv_events.i18n.formats import format_number, format_span
from nlv_events.services import counting, narrative
from nlv_events.services.files import atomic_output
from nlv_events.services.tallies import YearTallies

FONT = "Times New Roman"  # the decree's font; Word substitutes a metric twin where it is missing


def write_year_document(tallies: YearTallies, path: str | os.PathLike[str]) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(13)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)

    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin, section.right_margin = Cm(2.0), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)

    heading = document.add_heading(_("EVENTS OF THE YEAR {year}").format(year=tallies.year), level=1)
    for run in heading.runs:
        run.font.name = FONT
    document.add_paragraph(narrative.write(tallies))

    headers = [_("No."), _("Title"), _("Dates"), _("Venue"), _("Role of the library"), _("Partners"), _("Attendance")]
    events = store.listing_records(counting.counted(tallies.year))
    for kind_number, kind in enumerate(vocab.KINDS, start=1):
        of_kind = [event for event in events if event.kind == kind]
        if not of_kind:
            continue
        document.add_heading(f"{_roman(kind_number)}. {vocab.label('kind', kind)}", level=2)
        table = document.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        for cell, header in zip(table.rows[0].cells, headers, strict=True):
            cell.text = header
            for run in cell.paragraphs[0].runs:
                run.font.bold = True
        for number, record in enumerate(of_kind, start=1):
            cells = table.add_row().cells
            values = [
                str(number),
                record.title,
                format_span(record.start, record.end),
                record.venue or "",
                vocab.label("role", record.role),
                ", ".join(record.partners),
                format_number(record.attendance),
            ]
            for cell, value in zip(cells, values, strict=True):
                cell.text = value
    with atomic_output(path, "wb") as stream:
        document.save(stream)


def _roman(number: int) -> str:
    return ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"][number - 1]
