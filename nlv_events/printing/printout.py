"""A rendered PDF that also knows its Word version and the characters no font could print."""

from __future__ import annotations

from collections.abc import Callable

from nlv_events.printing.decree import DecreeOptions


class Printout(bytes):
    """PDF bytes (usable wherever bytes are) carrying what the preview needs: how to make the DOCX of the
    same document, and which characters were left out for want of a glyph (to warn about)."""

    make_docx: Callable[[], bytes] | None
    dropped: frozenset[str]
    remake: Callable[[DecreeOptions], Printout] | None

    def __new__(
        cls,
        pdf: bytes,
        make_docx: Callable[[], bytes] | None = None,
        dropped: set[str] | None = None,
        remake: Callable[[DecreeOptions], Printout] | None = None,
    ):
        printout = super().__new__(cls, pdf)
        printout.make_docx = make_docx
        printout.dropped = frozenset(dropped or ())
        printout.remake = remake  # the same document with other number, date, signer
        return printout
