"""Text typed in the old TCVN3 (ABC) encoding (fonts .VnTime, .VnArial), detected and converted to Unicode.

Old Word files keep Vietnamese in 8-bit TCVN3; pasted as Unicode it reads "Th­ viÖn Quèc gia". The table maps each
TCVN3 byte (read as Latin-1) to its letter; fonts of the "H" family (.VnTimeH) show capitals with the same bytes,
so converted text is lower-case where the original relied on such a font.
"""

from __future__ import annotations

import unicodedata

_TCVN3 = {
    "µ": "à",
    "¸": "á",
    "¶": "ả",
    "·": "ã",
    "¹": "ạ",
    "¨": "ă",
    "»": "ằ",
    "¾": "ắ",
    "¼": "ẳ",
    "½": "ẵ",
    "Æ": "ặ",
    "©": "â",
    "Ç": "ầ",
    "Ê": "ấ",
    "È": "ẩ",
    "É": "ẫ",
    "Ë": "ậ",
    "®": "đ",
    "Ì": "è",
    "Ð": "é",
    "Î": "ẻ",
    "Ï": "ẽ",
    "Ñ": "ẹ",
    "ª": "ê",
    "Ò": "ề",
    "Õ": "ế",
    "Ó": "ể",
    "Ô": "ễ",
    "Ö": "ệ",
    "×": "ì",
    "Ý": "í",
    "Ø": "ỉ",
    "Ü": "ĩ",
    "Þ": "ị",
    "ß": "ò",
    "ã": "ó",
    "á": "ỏ",
    "â": "õ",
    "ä": "ọ",
    "«": "ô",
    "å": "ồ",
    "è": "ố",
    "æ": "ổ",
    "ç": "ỗ",
    "é": "ộ",
    "¬": "ơ",
    "ê": "ờ",
    "í": "ớ",
    "ë": "ở",
    "ì": "ỡ",
    "î": "ợ",
    "ï": "ù",
    "ó": "ú",
    "ñ": "ủ",
    "ò": "ũ",
    "ô": "ụ",
    "\u00ad": "ư",
    "õ": "ừ",
    "ø": "ứ",
    "ö": "ử",
    "÷": "ữ",
    "ù": "ự",
    "ú": "ỳ",
    "ý": "ý",
    "û": "ỷ",
    "ü": "ỹ",
    "þ": "ỵ",
    "¡": "Ă",
    "¢": "Â",
    "§": "Đ",
    "£": "Ê",
    "¤": "Ô",
    "¥": "Ơ",
    "¦": "Ư",
}
_TABLE = str.maketrans(_TCVN3)
# Bytes that TCVN3 uses and Vietnamese written in Unicode never does: their presence is the tell.
_SIGNATURE = set(_TCVN3) - set("áâãèéêìíòóôõùúý")


def looks_like_tcvn3(text: str | None) -> bool:
    """True for text that is TCVN3 read as Unicode: TCVN3's own marks, and no Vietnamese Unicode letter."""
    if not text:
        return False
    if any("\u0100" <= char <= "\u1eff" for char in text):
        return False  # real Unicode Vietnamese (ă, đ, ơ, ư, ạ …) is present
    marks = sum(1 for char in text if char in _SIGNATURE)
    return marks >= 2 or (marks == 1 and len(text.split()) <= 3)


def tcvn3_to_unicode(text: str) -> str:
    return unicodedata.normalize("NFC", text.translate(_TABLE))
