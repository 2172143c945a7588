"""The PDF's pages: sizes, margins, the page template, page numbers from page 2, and blocks drawn once."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.pagesizes import A4, A5, A6, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from nlv_events.printing import model
from nlv_events.printing.fonts import SERIF

PAGE_SIZES = {"a4": A4, "a4-landscape": landscape(A4), "a5": A5, "a6": A6}


def numbered_canvas(label: Callable[[int], str]) -> type[Canvas]:
    """A canvas that writes `label(page)` centred in the top margin of every page but the first (the decree puts
    no number on page 1), as each page ends.

    Not once every page is laid out, as a "page 2 of 9" canvas must: no printout names its count of pages, and
    keeping each page's drawing until the last held a year-end list's 900 pages of operators (17 MB for 10 000
    events) in memory, which made every row of a long list slower than a short list's (issue #35)."""

    class NumberedCanvas(Canvas):
        def showPage(self) -> None:
            number = self._pageNumber
            if number > 1:
                width, height = self._pagesize
                self.setFont(SERIF, 13)
                self.drawCentredString(width / 2, height - 12 * mm, label(number))
            super().showPage()

    return NumberedCanvas


def let_go(template: BaseDocTemplate) -> None:
    """Let go of the PDF document `template` built, once its file is written.

    ReportLab's template names itself in its own namespace (`_nameSpace["doc"]`, for `docEval`), a cycle only the
    cycle collector finds; through its canvas it held the whole PDF document: every page's objects and the lines
    each cell's text was formatted into (`pdf_lines.Remembered`). For a 10 000-event year-end list that was 95 000
    objects left for the next young collection to find (35-40 ms, most of it freeing them, which must be done
    anyway; the walk itself about 8 ms), and a window's printouts kept their documents until then. With both links
    dropped, reference counting frees the document at once. Called after `build`, not inside it: ReportLab's
    `multiBuild` saves the canvas after each of its builds."""
    getattr(template, "_nameSpace", {}).pop("doc", None)  # ReportLab's own attribute: a version without it prints
    template.canv = None


def page_template(target, document: model.Document, **info) -> BaseDocTemplate:
    """The document's pages: its size and margins, one frame filling what the margins leave."""
    margins = document.page_margins()
    template = BaseDocTemplate(
        target,
        pagesize=PAGE_SIZES[document.page],
        leftMargin=margins.left * mm,
        rightMargin=margins.right * mm,
        topMargin=margins.top * mm,
        bottomMargin=margins.bottom * mm,
        # Without this ReportLab starts every page in Helvetica, a base-14 font the PDF would then reference.
        initialFontName=SERIF,
        **info,
    )
    frame = Frame(template.leftMargin, template.bottomMargin, template.width, template.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)  # fmt: skip
    template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    return template


class Stamp(Flowable):
    """A block that is the same on every page (a letter's header and signature): laid out and drawn once into a
    PDF form, which each page then references — 120 letters cost one header, not 120."""

    def __init__(self, inner: Flowable, name: str) -> None:
        super().__init__()
        self.inner, self.name = inner, name
        self._sizes: dict[tuple[float, float], tuple[float, float]] = {}

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        key = (available_width, available_height)
        if key not in self._sizes:
            self._sizes[key] = self.inner.wrap(available_width, available_height)
        self.width, self.height = self._sizes[key]
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        if not canvas.hasForm(self.name):
            canvas.beginForm(self.name)
            self.inner.drawOn(canvas, 0, 0)
            canvas.endForm()
        canvas.doForm(self.name)
