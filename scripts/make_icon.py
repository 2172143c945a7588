"""Draw the app's icon (an open book on the library's red) into resources/icons/ as PNG and ICO.

Run by hand when the icon changes: `python scripts/make_icon.py` (needs PySide6 and Pillow).
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath, QPen

OUT = Path(__file__).parents[1] / "resources" / "icons"


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scale = size / 256
    painter.scale(scale, scale)
    painter.setBrush(QColor("#B71C1C"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRectF(8, 8, 240, 240), 44, 44)
    painter.setBrush(QBrush(QColor("#FFF8E1")))
    painter.setPen(QPen(QColor("#FFD54F"), 6))
    for direction in (-1, 1):
        page = QPainterPath(QPointF(128, 92))
        page.cubicTo(
            QPointF(128 + direction * 40, 70), QPointF(128 + direction * 80, 72), QPointF(128 + direction * 96, 84)
        )
        page.lineTo(QPointF(128 + direction * 96, 188))
        page.cubicTo(QPointF(128 + direction * 80, 176), QPointF(128 + direction * 40, 174), QPointF(128, 196))
        page.closeSubpath()
        painter.drawPath(page)
    painter.setPen(QPen(QColor("#FFD54F"), 10, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(QPointF(128, 94), QPointF(128, 194))
    font = QFont("DejaVu Sans", 30)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#FFD54F"))
    painter.drawText(QRectF(8, 196, 240, 48), Qt.AlignmentFlag.AlignCenter, "NLV")
    painter.end()
    return image


def main() -> None:
    QGuiApplication([])
    OUT.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(OUT / "nlv-events.png"))
    from PIL import Image

    Image.open(OUT / "nlv-events.png").save(
        OUT / "nlv-events.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
    )


if __name__ == "__main__":
    main()
