"""The annual plan as PDF, in the decree's layout (A4 portrait), drawn from services.annual_plan's description."""

from __future__ import annotations

import io
import os

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from nlv_events import __version__
from nlv_events.i18n import _
from nlv_events.i18n.formats import format_number
from nlv_events.services.annual_plan import PlanDocument
from nlv_events.services.files import atomic_output
from nlv_events.services.pdf.fonts import SERIF
from nlv_events.services.pdf.official import header_table, numbered_canvas, official_document, text
from nlv_events.services.pdf.styles import styles, table_style

# Shares of the width: No. | time | content | place | unit in charge | partners
MONTH_SHARES = (0.07, 0.15, 0.33, 0.15, 0.15, 0.15)
TARGET_SHARES = (0.5, 0.25, 0.25)


def _extra_styles() -> dict[str, ParagraphStyle]:
    base = styles()
    return {
        "subheading": ParagraphStyle("plan_subheading", parent=base["body"], fontName=f"{SERIF}-Bold"),
        "item": ParagraphStyle(
            "plan_item", parent=base["body"], firstLineIndent=0, leftIndent=14, spaceAfter=2, alignment=TA_LEFT
        ),
        "cell": ParagraphStyle("plan_cell", parent=base["cell"], fontSize=11, leading=13.5),
        "cell_center": ParagraphStyle(
            "plan_cell_c", parent=base["cell"], fontSize=11, leading=13.5, alignment=TA_CENTER
        ),
        "head": ParagraphStyle("plan_head", parent=base["cell_head"], fontSize=11, leading=13.5),
        "recipients_head": ParagraphStyle(
            "plan_recipients_head", fontName=f"{SERIF}-BoldItalic", fontSize=12, leading=14, alignment=TA_LEFT
        ),
        "recipients": ParagraphStyle("plan_recipients", fontName=SERIF, fontSize=11, leading=13, alignment=TA_LEFT),
        "signer": ParagraphStyle("plan_signer", fontName=f"{SERIF}-Bold", fontSize=13, leading=16, alignment=TA_CENTER),
    }


def _grid(rows: list[list], widths: list[float], span_rows: list[int]) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1)
    commands: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    for index in span_rows:
        commands += [
            ("SPAN", (0, index), (-1, index)),
            ("BACKGROUND", (0, index), (-1, index), colors.HexColor("#EEEEEE")),
        ]
    table.setStyle(table_style(*commands))
    return table


def _months_table(plan: PlanDocument, width: float, extra: dict) -> Table:
    rows: list[list] = [[Paragraph(text(header), extra["head"]) for header in plan.month_headers()]]
    spans = []
    number = 0
    for label, month_rows in plan.months:
        spans.append(len(rows))
        rows.append([Paragraph(f"<b>{text(label)}</b>", extra["cell"]), "", "", "", "", ""])
        for row in month_rows:
            number += 1
            rows.append(
                [
                    Paragraph(str(number), extra["cell_center"]),
                    Paragraph(text(row.time), extra["cell"]),
                    Paragraph(text(row.content), extra["cell"]),
                    Paragraph(text(row.place), extra["cell"]),
                    Paragraph(text(row.unit), extra["cell"]),
                    Paragraph(text(row.partners), extra["cell"]),
                ]
            )
    if not plan.months:
        spans.append(len(rows))
        rows.append([Paragraph(text(_("No event is planned for this year yet.")), extra["cell"]), "", "", "", "", ""])
    return _grid(rows, [width * share for share in MONTH_SHARES], spans)


def _targets_table(plan: PlanDocument, width: float, extra: dict) -> Table:
    rows: list[list] = [[Paragraph(text(header), extra["head"]) for header in plan.target_headers()]]
    for row in plan.targets:
        target = format_number(row.target) if row.target is not None else "–"
        rows.append(
            [
                Paragraph(text(row.kind), extra["cell"]),
                Paragraph(target, extra["cell_center"]),
                Paragraph(format_number(row.planned), extra["cell_center"]),
            ]
        )
    return _grid(rows, [width * share for share in TARGET_SHARES], [])


def _signature(plan: PlanDocument, width: float, extra: dict) -> Table:
    recipients = [Paragraph(text(_("Recipients:")), extra["recipients_head"])]
    last = len(plan.recipients) - 1
    for index, recipient in enumerate(plan.recipients):
        recipients.append(Paragraph(text(f"- {recipient}{'.' if index == last else ';'}"), extra["recipients"]))
    title_lines = "<br/>".join(text(line) for line in plan.signer_title.splitlines())
    signer = [
        Paragraph(title_lines, extra["signer"]),
        Spacer(1, 60),
        Paragraph(text(plan.signer_name), extra["signer"]),
    ]
    table = Table([[recipients, signer]], colWidths=[width * 0.5, width * 0.5])
    table.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)))
    return table


def render(plan: PlanDocument) -> bytes:
    style = styles()
    extra = _extra_styles()
    buffer = io.BytesIO()
    document = official_document(
        buffer, title=f"{plan.doc_type} {plan.subject}", author="NLV Events", creator=f"NLV Events {__version__}"
    )
    width = document.width
    story: list = [
        header_table(plan.letterhead, width, number=plan.number or None),
        Paragraph(text(plan.doc_type), style["doc_type"]),
        Paragraph(text(plan.subject), style["subject"]),
        Spacer(1, 8),
    ]
    for section in plan.sections:
        if section.heading:
            story.append(Paragraph(text(section.heading), style["section"]))
        for block in section.blocks:
            story.append(Paragraph(text(block.text), extra[block.kind] if block.kind in extra else style["body"]))
        if section.table == "months":
            story.append(_months_table(plan, width, extra))
        elif section.table == "targets":
            story.append(_targets_table(plan, width, extra))
    story += [Spacer(1, 12), KeepTogether([_signature(plan, width, extra)])]
    document.build(story, canvasmaker=numbered_canvas(lambda page, pages: str(page)))
    return buffer.getvalue()


def write(plan: PlanDocument, path: str | os.PathLike[str]) -> None:
    pdf = render(plan)
    with atomic_output(path, "wb") as stream:
        stream.write(pdf)
