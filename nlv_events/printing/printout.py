"""A rendered PDF that also knows its Word version and the characters no font could print."""

from __future__ import annotations

from collections.abc import Callable

from nlv_events.printing.decree import DecreeOptions
from nlv_events.printing.model import Document


def of_document(document: Document) -> Printout:
    """`document` drawn as PDF for the preview, which offers its Word version and warns of what no font had."""
    from nlv_events.printing import docx_renderer, pdf_renderer

    pdf = pdf_renderer.render(document)  # notes the characters it left out on the document
    return Printout(pdf, lambda: docx_renderer.render(document), document.dropped)


class Printout(bytes):
    """PDF bytes (usable wherever bytes are) carrying what the preview needs: how to make the DOCX of the
    same document, and which characters were left out for want of a glyph (to warn about)."""

    make_docx: Callable[[], bytes] | None
    dropped: frozenset[str]
    remake: Callable[[DecreeOptions], Printout] | None
    write_signed: Callable[[DecreeOptions, str], object] | None

    def __new__(
        cls,
        pdf: bytes,
        make_docx: Callable[[], bytes] | None = None,
        dropped: set[str] | None = None,
        remake: Callable[[DecreeOptions], Printout] | None = None,
        write_signed: Callable[[DecreeOptions, str], object] | None = None,
    ):
        printout = super().__new__(cls, pdf)
        printout.make_docx = make_docx
        printout.dropped = frozenset(dropped or ())
        printout.remake = remake  # the same document with other number, date, signer
        # The document written to a file (PDF or Word by its ending) with these options, its number taken from or
        # checked against the register of outgoing documents, as the command line writes it.
        printout.write_signed = write_signed
        return printout
