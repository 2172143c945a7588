"""The annual plan (Kế hoạch … năm 2025) as a neutral document, printed by the shared PDF and DOCX renderers."""

from __future__ import annotations

import dataclasses
import os

from nlv_events import printing
from nlv_events.core.register_models import RegisterEntry
from nlv_events.i18n import _
from nlv_events.i18n.formats import format_number
from nlv_events.printing import decree, docx_renderer, pdf_renderer
from nlv_events.printing.model import Block, Cell, Column, Document, HeaderBlock, Row, Signature, Table, Text, line
from nlv_events.printing.printout import Printout
from nlv_events.services.planning.annual_plan import PLAN_SYMBOL, PlanDocument, PlanRow, Section
from nlv_events.services.register import registered_print


def _time_cell(time: str) -> Cell:
    """ "20/01/2022 –" over "28/02/2022", or the hours over the day, so the column stays narrow and the content
    gets the room."""
    first, separator, last = time.partition(" – ")
    if separator:
        return Cell([line(first + " –"), line(last)])
    hours, space, day = time.rpartition(" ")  # "08:00–11:30 26/12/2022"
    if space and ":" in hours:
        return Cell([line(hours), line(day)])
    return Cell.of(time)


def months_table(plan: PlanDocument) -> Table:
    """STT | Thời gian | Nội dung | Địa điểm | Đơn vị chủ trì | Đơn vị phối hợp, under a heading per month."""
    number_header, time_header, content, place, unit, partners = plan.month_headers()
    columns = [
        Column(number_header, fit=True, align="center"),
        Column(time_header, fit=True),
        Column(content, weight=1.35),
        Column(place, weight=1.0),
        Column(unit, weight=1.2),  # one name, but often a long one ("Sở Văn hóa, Thể thao và Du lịch tỉnh …")
        Column(partners, weight=1.2),
    ]
    rows: list[Row] = []
    number = 0
    for label, month_rows in plan.months:
        rows.append(Row([Cell.of(label)], "heading", span=len(columns), keep_with_next=True))
        for item in month_rows:
            number += 1
            rows.append(_month_row(number, item))
    return Table(columns, rows, continued=_("(continued)"))


def _month_row(number: int, item: PlanRow) -> Row:
    return Row(
        [
            Cell.of(str(number), "center"),
            _time_cell(item.time),
            Cell.of(item.content),
            Cell.of(item.place),
            Cell.of(item.unit),
            Cell.of(item.partners),
        ]
    )


def targets_table(plan: PlanDocument) -> Table:
    kind, target, planned = plan.target_headers()
    columns = [Column(kind, weight=2.0), Column(target, weight=1.0, align="center"),
               Column(planned, weight=1.0, align="center")]  # fmt: skip
    rows = [
        Row(
            [
                Cell.of(row.kind),
                Cell.of(format_number(row.target) if row.target is not None else "–", "center"),
                Cell.of(format_number(row.planned), "center"),
            ]
        )
        for row in plan.targets
    ]
    return Table(columns, rows, continued=_("(continued)"))


def _section_blocks(plan: PlanDocument, section: Section) -> list[Block]:
    blocks: list[Block] = []
    if section.heading:
        blocks.append(Text(section.heading, "section"))
    for block in section.blocks:
        style = {"subheading": "section", "item": "body"}.get(block.kind, "paragraph")
        blocks.append(Text(block.text, style))  # type: ignore[arg-type]
    if section.table == "months":
        if plan.months:
            blocks.append(months_table(plan))
        else:
            blocks.append(Text(_("No event is planned for this year yet."), "paragraph"))
    elif section.table == "targets":
        if plan.targets:
            blocks.append(targets_table(plan))
        else:  # a table of nothing but its header says less than a sentence
            blocks.append(Text(_("No target is set for this year and no event is planned yet."), "paragraph"))
    return blocks


def document(plan: PlanDocument) -> Document:
    """The plan in the decree's layout: header with number and date, "KẾ HOẠCH" and its subject, the sections
    with the months' table and the targets, then the recipients and the signature."""
    letterhead = plan.letterhead
    blocks: list[Block] = [Text(plan.doc_type, "doc_type"), Text(plan.subject, "subject")]
    for section in plan.sections:
        blocks += _section_blocks(plan, section)
    return Document(
        title=f"{plan.doc_type} {plan.subject}",
        blocks=blocks,
        page="a4",
        header=HeaderBlock(
            letterhead.parent, letterhead.organisation, letterhead.city, letterhead.day, plan.number or None
        ),
        signature=Signature(
            authority=decree.authority_lines(plan.signer_title) or [_("DIRECTOR")],
            name=plan.signer_name,
            recipients=list(plan.recipients),
            recipients_label=_("Recipients:"),
        ),
    )


def render(plan: PlanDocument) -> Printout:
    """The plan as PDF bytes that also know their Word version: tables break between rows only, under their
    header row, a month's heading goes with its first event, and the signature with the last rows."""
    described = document(plan)
    pdf = pdf_renderer.render(described)
    return Printout(pdf, lambda: docx_renderer.render(described), described.dropped)


def render_docx(plan: PlanDocument) -> bytes:
    """Column widths fitted to their content, the header row repeated on every page, rows never split, page
    numbers from page 2: what printing.docx_renderer gives every document."""
    return docx_renderer.render(document(plan))


def write(plan: PlanDocument, path: str | os.PathLike[str],
          asked: registered_print.Asked | None = None) -> RegisterEntry | None:  # fmt: skip
    """The plan to `path`: PDF, or Word for a .docx name, written atomically; with `asked` (the number as typed, or
    "next"), entered in the register of outgoing documents (its entry returned)."""
    if asked is None:
        printing.write(document(plan), path)
        return None

    def make(number: str | None) -> Document:
        return document(dataclasses.replace(plan, number=decree.document_number(number, PLAN_SYMBOL)))

    return registered_print.write(make, path, asked)
