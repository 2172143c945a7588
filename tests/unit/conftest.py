"""Helpers to read PDFs back as a reader (and a printer) would."""

import io
import re

import pytest
from pypdf import PdfReader

BASE_14 = {"Courier", "Helvetica", "Times-Roman", "Symbol", "ZapfDingbats", "Times", "Arial"}


def pdf_text(pdf: bytes) -> str:
    """All text of the document with white space folded, so text wrapped in a cell reads as one line."""
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def fonts_of(pdf: bytes) -> list[dict]:
    reader = PdfReader(io.BytesIO(pdf))
    found = {}
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        fonts = resources.get("/Font") or {}
        for font in fonts.values():
            font = font.get_object()
            found[str(font.get("/BaseFont"))] = font
        for xobject in (resources.get("/XObject") or {}).values():
            inner = (xobject.get_object().get("/Resources") or {}).get("/Font") or {}
            for font in inner.values():
                font = font.get_object()
                found[str(font.get("/BaseFont"))] = font
    return list(found.values())


@pytest.fixture
def assert_embedded_truetype():
    def check(pdf: bytes) -> None:
        fonts = fonts_of(pdf)
        assert fonts, "no fonts found"
        for font in fonts:
            name = str(font["/BaseFont"]).lstrip("/").split("+")[-1]
            assert name not in BASE_14 and not name.startswith(tuple(BASE_14)), name
            assert font["/Subtype"] == "/TrueType", name
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), f"{name} is not embedded"

    return check


def top_margin_text(page, margin: float = 60) -> str:
    """The text printed in the top `margin` points of `page` (where the page number stands)."""
    height = float(page.mediabox.height)
    found = []

    def visit(text, matrix, text_matrix, font, size):
        y = matrix[5] + text_matrix[5] * matrix[3]
        if y > height - margin and text.strip():
            found.append(text)

    page.extract_text(visitor_text=visit)
    return "".join(found).strip()
