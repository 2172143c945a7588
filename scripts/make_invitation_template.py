"""Build resources/invitations/giay-moi.docx, the default invitation template (docxtpl / Jinja placeholders).

Run once after changing the layout; the office edits the result in Word (docs/printouts.md lists the placeholders).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm, Mm, Pt

TARGET = Path(__file__).parents[1] / "resources" / "invitations" / "giay-moi.docx"
CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY


def paragraph(container, text: str = "", size: float = 13, bold=False, italic=False, align=None, indent=None):
    para = container.add_paragraph()
    if text:
        run = para.add_run(text)
        run.bold, run.italic, run.font.size = bold, italic, Pt(size)
    if align is not None:
        para.alignment = align
    if indent is not None:
        para.paragraph_format.first_line_indent = indent
    para.paragraph_format.space_after = Pt(0)
    return para


def tag(container, text: str):
    """A paragraph holding only a docxtpl {%p … %} tag: it disappears from the result."""
    return paragraph(container, text)


def two_columns(document):
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    left, right = table.rows[0].cells
    left.width, right.width = Cm(7.2), Cm(9.3)
    for cell in (left, right):
        cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
    return left, right


def main() -> None:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(13)

    tag(document, "{%p for letter in letters %}")
    left, right = two_columns(document)
    paragraph(left, "{{ parent }}", 12, align=CENTER)
    paragraph(left, "{{ organisation }}", 12, bold=True, align=CENTER)
    paragraph(left, "────────", 12, align=CENTER)
    paragraph(left, "Số: {{ number }}/{{ symbol }}", 13, align=CENTER)
    paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True, align=CENTER)
    paragraph(right, "Độc lập - Tự do - Hạnh phúc", 13, bold=True, align=CENTER)
    paragraph(right, "───────────────────", 12, align=CENTER)
    paragraph(right, "{{ date_line }}", 13, italic=True, align=CENTER)

    title = paragraph(document, "GIẤY MỜI", 14, bold=True, align=CENTER)
    title.paragraph_format.space_before = Pt(18)
    title.paragraph_format.space_after = Pt(12)
    to = paragraph(document, "Kính gửi: {{ letter.addressee }}", 14, indent=Cm(1))
    to.paragraph_format.space_after = Pt(10)
    tag(document, "{%p for line in letter.body %}")
    body = paragraph(document, "{{ line }}", 14, align=JUSTIFY, indent=Cm(1))
    body.paragraph_format.space_after = Pt(6)
    tag(document, "{%p endfor %}")

    left, right = two_columns(document)
    paragraph(left, "Nơi nhận:", 12, bold=True, italic=True)
    tag(left, "{%p for line in recipients %}")
    paragraph(left, "{{ line }}", 11)
    tag(left, "{%p endfor %}")
    paragraph(left, "{{ qr }}", 11)
    tag(right, "{%p for line in signer_title %}")
    paragraph(right, "{{ line }}", 13, bold=True, align=CENTER)
    tag(right, "{%p endfor %}")
    for _ in range(4):
        paragraph(right, "", 13)
    paragraph(right, "{{ signer_name }}", 13, bold=True, align=CENTER)

    tag(document, "{%p if not loop.last %}")
    paragraph(document).add_run().add_break(WD_BREAK.PAGE)
    tag(document, "{%p endif %}")
    tag(document, "{%p endfor %}")
    # python-docx starts a document with one empty paragraph: drop it so the letter starts at the top.
    first = document.paragraphs[0]
    if not first.text:
        first._element.getparent().remove(first._element)
    document.save(TARGET)


if __name__ == "__main__":
    main()
