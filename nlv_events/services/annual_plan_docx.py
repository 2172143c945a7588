"""The annual plan as DOCX (python-docx), in the decree's layout, drawn from services.annual_plan's description."""

from __future__ import annotations

import os

from nlv_events.i18n import _
from nlv_events.i18n.formats import format_number
from nlv_events.services.annual_plan import PlanDocument
from nlv_events.services.files import atomic_output


def _run(paragraph, value: str, size: float = 13, bold: bool = False, italic: bool = False) -> None:
    from docx.shared import Pt

    run = paragraph.add_run(value)
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic


def _line(cell_or_document, value: str, size: float = 13, bold: bool = False, italic: bool = False, center=True):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = cell_or_document.add_paragraph()
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(paragraph, value, size, bold, italic)
    return paragraph


def _borderless(table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _header(document, plan: PlanDocument) -> None:
    from nlv_events.services.documents import docx_renderer, model

    letterhead = plan.letterhead
    block = model.HeaderBlock(letterhead.parent, letterhead.organisation, letterhead.city, letterhead.day, plan.number)
    docx_renderer.header_block(document, block)


def _grid(document, headers: list[str], rows: list[list[str]], span_rows: list[int]) -> None:
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        cell.text = ""
        _run(cell.paragraphs[0], header, 11, bold=True)
    for index, values in enumerate(rows, start=1):
        cells = table.add_row().cells
        if index in span_rows:
            merged = cells[0].merge(cells[-1])
            merged.text = ""
            _run(merged.paragraphs[0], values[0], 11, bold=True)
            continue
        for cell, value in zip(cells, values, strict=True):
            cell.text = ""
            _run(cell.paragraphs[0], value, 11)


def write(plan: PlanDocument, path: str | os.PathLike[str]) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    from nlv_events.services.documents.docx_renderer import new_word_document

    document = new_word_document("a4")

    _header(document, plan)
    _line(document, plan.doc_type, 14, bold=True).paragraph_format.space_before = Pt(12)
    _line(document, plan.subject, 14, bold=True)
    for part in plan.sections:
        if part.heading:
            _line(document, part.heading, 13, bold=True, center=False).paragraph_format.space_before = Pt(6)
        for block in part.blocks:
            paragraph = _line(document, block.text, 13, bold=block.kind == "subheading", center=False)
            if block.kind == "paragraph":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
                paragraph.paragraph_format.first_line_indent = Cm(1.0)
            paragraph.paragraph_format.space_after = Pt(6)
        if part.table == "months":
            rows, spans, number = [], [], 0
            for label, month_rows in plan.months:
                rows.append([label])
                spans.append(len(rows))
                for row in month_rows:
                    number += 1
                    rows.append([str(number), row.time, row.content, row.place, row.unit, row.partners])
            if not rows:
                rows.append([_("No event is planned for this year yet.")])
                spans.append(1)
            _grid(document, plan.month_headers(), rows, spans)
        elif part.table == "targets":
            rows = [
                [row.kind, format_number(row.target) if row.target is not None else "–", format_number(row.planned)]
                for row in plan.targets
            ]
            _grid(document, plan.target_headers(), rows, [])

    document.add_paragraph()
    signature = document.add_table(rows=1, cols=2)
    _borderless(signature)
    recipients, signer = signature.rows[0].cells
    _run(recipients.paragraphs[0], _("Recipients:"), 12, bold=True, italic=True)
    last = len(plan.recipients) - 1
    for index, recipient in enumerate(plan.recipients):
        _line(recipients, f"- {recipient}{'.' if index == last else ';'}", 11, center=False)
    signer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(signer.paragraphs[0], plan.signer_title, 13, bold=True)
    for _blank in range(3):
        signer.add_paragraph()
    _line(signer, plan.signer_name, 13, bold=True)
    with atomic_output(path, "wb") as stream:
        document.save(stream)
