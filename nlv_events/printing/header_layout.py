"""The decree header's measures, declared once for the PDF and the Word version: sizes, column shares, rules and
where a long name breaks. Widths are measured with Liberation Serif, which has Times New Roman's metrics, so a
line that fits here fits in Word too."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from nlv_events.printing.fonts import SERIF, register_family

# Nghị định 30/2020, Phụ lục I: the issuing body and the national name in capitals, 12–13 pt; the motto bold,
# 13–14 pt; the place and date italic, 13–14 pt.
HEADER_SIZE = 12  # the issuing body and the national name
MOTTO_SIZE = 14
DATE_SIZE = 14
NUMBER_SIZE = 13
LEFT_SHARE = 0.45  # of the header's width: the issuing body's column
LEFT_SLACK = 12  # points kept free in the left column, so a name that only just fits is broken before it touches
ORGANISATION_RULE_SHARE = 0.35  # the rule under the issuing body: a third to a half of its column, centred


def text_width(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """`text`'s width in points, set in the decree's face."""
    register_family(SERIF)
    suffix = {(False, False): "", (True, False): "-Bold", (False, True): "-Italic", (True, True): "-BoldItalic"}
    return stringWidth(text, SERIF + suffix[bold, italic], size)


def balanced_lines(line: str, size: float, width: float, bold: bool = False) -> list[str]:
    """`line` as one line when it fits `width`; else two, broken after a comma where that fits, else where the two
    are most even ("BỘ VĂN HÓA," / "THỂ THAO VÀ DU LỊCH", never a lone last word)."""

    def measure(words: list[str]) -> float:
        return text_width(" ".join(words), size, bold)

    if measure([line]) <= width:
        return [line]
    words = line.split()
    cuts = range(1, len(words))
    fitting = [cut for cut in cuts if measure(words[:cut]) <= width and measure(words[cut:]) <= width]
    after_comma = [cut for cut in fitting if words[cut - 1].endswith(",")]
    candidates = after_comma or fitting or list(cuts)
    if not candidates:
        return [line]
    best = min(candidates, key=lambda cut: abs(measure(words[:cut]) - measure(words[cut:])))
    return [" ".join(words[:best]), " ".join(words[best:])]
