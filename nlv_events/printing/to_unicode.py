"""The text layer of our PDFs: what readers copy and search. ReportLab 5 writes each character's ToUnicode entry as
its code point in hex, five digits beyond the Basic Multilingual Plane, so a reader copied and searched "𡨸"
(U+21A38, a Nôm character of Extension B) as "↣" and an emoji as "ὠ", though both printed right. The PDF reference
wants UTF-16BE there: a surrogate pair beyond the BMP. `mend_reportlab` puts that writer in ReportLab's place."""

from __future__ import annotations


def _utf16_hex(code: int) -> str:
    return character_hex(chr(code))


def character_hex(character: str) -> str:
    """A character as a ToUnicode CMap writes it: UTF-16BE in hex, a surrogate pair beyond the BMP."""
    return character.encode("utf-16-be", "surrogatepass").hex().upper()


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, each character in UTF-16BE."""
    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange", f"{len(subset)} beginbfchar",
        *(f"<{index:02X}> <{_utf16_hex(code)}>" for index, code in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ]  # fmt: skip
    return "\n".join(lines)


def mend_reportlab() -> None:
    from reportlab.pdfbase import ttfonts

    ttfonts.makeToUnicodeCMap = _to_unicode_cmap

