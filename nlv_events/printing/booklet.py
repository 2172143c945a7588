"""Imposing A5 pages two-up on A4 landscape sheets so that the printed, folded stack reads in order."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4, landscape


def padded_page_count(pages: int) -> int:
    """A folded booklet has a multiple of four pages; blank pages fill the end."""
    return max(4, -(-pages // 4) * 4)


def imposition(pages: int) -> list[tuple[int, int]]:
    """For each printed side, in print order, the (left, right) page indexes (0-based) of a saddle-stitched
    booklet of `pages` pages; an index past the last page is a blank."""
    total = padded_page_count(pages)
    sides = []
    for sheet in range(total // 4):
        sides.append((total - 1 - 2 * sheet, 2 * sheet))  # front
        sides.append((2 * sheet + 1, total - 2 - 2 * sheet))  # back
    return sides


def impose(pdf: bytes) -> bytes:
    """The A5 pages of `pdf` laid out two-up on A4 landscape sheets, in booklet order (print double-sided,
    flip on the short edge, fold in half)."""
    from pypdf import PageObject, PdfReader, PdfWriter, Transformation

    reader = PdfReader(io.BytesIO(pdf))
    pages = list(reader.pages)
    width = float(pages[0].mediabox.width)
    height = float(pages[0].mediabox.height)
    # A4 landscape is a hair wider than two A5 pages: the pages meet at the fold, in the middle of the sheet.
    sheet_width, sheet_height = landscape(A4)
    fold = sheet_width / 2
    writer = PdfWriter()
    for left, right in imposition(len(pages)):
        sheet = PageObject.create_blank_page(width=sheet_width, height=sheet_height)
        for index, offset in ((left, fold - width), (right, fold)):
            if index < len(pages):
                sheet.merge_transformed_page(
                    pages[index], Transformation().translate(tx=offset, ty=(sheet_height - height) / 2)
                )
        writer.add_page(sheet)
    writer.add_metadata({key: value for key, value in (reader.metadata or {}).items() if isinstance(value, str)})
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()
