"""Text typed in the old 8-bit Vietnamese encodings (TCVN3/ABC and VNI), told apart, and converted on request.

Old Word files keep Vietnamese in TCVN3 (fonts .VnTime, .VnArial) or VNI (fonts VNI-Times…); pasted as Unicode they
read "Th­ viÖn Quèc gia" (TCVN3) or "Thö vieän Quoác gia" (VNI). Text is called legacy only when every word that
carries a non-ASCII letter turns into a real Vietnamese syllable under that encoding, so French, German or Spanish
("Institut français de Hanoï", "Müller & Söhne") and Unicode Vietnamese are never taken for it. Nothing here
converts on its own: the caller asks the user first.
"""

from __future__ import annotations

import functools
import re
import unicodedata

TCVN3 = "TCVN3"
VNI = "VNI"
ENCODING_NAMES = {TCVN3: "TCVN3 (ABC)", VNI: "VNI"}

_TCVN3 = {
    "µ": "à", "¸": "á", "¶": "ả", "·": "ã", "¹": "ạ",
    "¨": "ă", "»": "ằ", "¾": "ắ", "¼": "ẳ", "½": "ẵ", "Æ": "ặ",
    "©": "â", "Ç": "ầ", "Ê": "ấ", "È": "ẩ", "É": "ẫ", "Ë": "ậ",
    "®": "đ",
    "Ì": "è", "Ð": "é", "Î": "ẻ", "Ï": "ẽ", "Ñ": "ẹ",
    "ª": "ê", "Ò": "ề", "Õ": "ế", "Ó": "ể", "Ô": "ễ", "Ö": "ệ",
    "×": "ì", "Ý": "í", "Ø": "ỉ", "Ü": "ĩ", "Þ": "ị",
    "ß": "ò", "ã": "ó", "á": "ỏ", "â": "õ", "ä": "ọ",
    "«": "ô", "å": "ồ", "è": "ố", "æ": "ổ", "ç": "ỗ", "é": "ộ",
    "¬": "ơ", "ê": "ờ", "í": "ớ", "ë": "ở", "ì": "ỡ", "î": "ợ",
    "ï": "ù", "ó": "ú", "ñ": "ủ", "ò": "ũ", "ô": "ụ",
    "\u00ad": "ư", "õ": "ừ", "ø": "ứ", "ö": "ử", "÷": "ữ", "ù": "ự",
    "ú": "ỳ", "ý": "ý", "û": "ỷ", "ü": "ỹ", "þ": "ỵ",
    "¡": "Ă", "¢": "Â", "§": "Đ", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư",
}  # fmt: skip
_TCVN3_TABLE = str.maketrans(_TCVN3)
# TCVN3 bytes that are signs, not letters, in Latin-1: inside a word they only ever mean TCVN3.
_TCVN3_TELLS = frozenset({char for char in _TCVN3 if not unicodedata.category(char).startswith("L")} | {"µ"})
# A character beyond Latin-1, found by the regex engine: a generator over the characters took a twentieth of
# reading a large file (half a million texts an import of 100 000 events).
_BEYOND_LATIN1 = re.compile("[^\x00-\xff]")

# VNI writes a toned vowel as the base letter followed by a mark byte; ơ, ư, đ and the toned i and ỵ are one byte.
_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_HAT_TONES = {"á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}  # after â / ê / ô
_BREVE_TONES = {"é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}  # after ă


def _vni_pairs() -> dict[str, str]:
    pairs: dict[str, str] = {}

    def add(source: str, target: str) -> None:
        pairs[source] = unicodedata.normalize("NFC", target)
        pairs[source.upper()] = unicodedata.normalize("NFC", target.upper())

    for base, letter in (("a", "a"), ("e", "e"), ("o", "o"), ("u", "u"), ("y", "y"), ("ô", "ơ"), ("ö", "ư")):
        for mark, tone in _TONES.items():
            add(base + mark, letter + tone)
    for base in "aeo":
        add(base + "â", base + "\u0302")
        for mark, tone in _HAT_TONES.items():
            add(base + mark, base + "\u0302" + tone)
    add("aê", "ă")
    for mark, tone in _BREVE_TONES.items():
        add("a" + mark, "ă" + tone)
    return pairs


_VNI_PAIRS = _vni_pairs()
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}
_VNI_SINGLE.update({key.upper(): value.upper() for key, value in list(_VNI_SINGLE.items())})
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, [*_VNI_PAIRS, *_VNI_SINGLE]), key=len, reverse=True)))

# A Vietnamese syllable: an onset, a vowel group, a coda. Checked on the text with its tones taken off.
_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    r"(uyê|uya|uyu|iêu|yêu|oai|oay|oeo|uây|uôi|ươi|ươu|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ"
    r"|uê|ui|uô|uơ|ưa|ưi|ươ|ưu|uy|yê|[aăâeêioôơuưy])"
    r"(ng|nh|ch|[cmnpt])?$"
)
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _toneless(word: str) -> tuple[str, int]:
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for char in decomposed if char in _TONE_MARKS)
    bare = "".join(char for char in decomposed if char not in _TONE_MARKS)
    return unicodedata.normalize("NFC", bare), tones


def is_vietnamese_syllable(word: str) -> bool:
    bare, tones = _toneless(word)
    return tones <= 1 and _SYLLABLE.match(bare) is not None


def tcvn3_to_unicode(text: str) -> str:
    return unicodedata.normalize("NFC", text.translate(_TCVN3_TABLE))


def vni_to_unicode(text: str) -> str:
    return unicodedata.normalize(
        "NFC", _VNI_PATTERN.sub(lambda match: _VNI_PAIRS.get(match[0]) or _VNI_SINGLE[match[0]], text)
    )


_CONVERTERS = {TCVN3: tcvn3_to_unicode, VNI: vni_to_unicode}


# The texts this is asked about are the few with letters of Latin-1 only, and they repeat: "Ông" and "Bà" were
# 133 000 of the 173 000 asked about in a file of 100 000 events (261 different texts).
@functools.lru_cache(maxsize=4096)
def _reads_as(text: str, encoding: str) -> bool:
    """Every word with a non-ASCII character that is not Vietnamese already changes into a Vietnamese syllable under
    `encoding`; one at least."""
    convert = _CONVERTERS[encoding]
    legacy_words = 0
    for word in text.split():
        letters = word.strip(".,;:!?()[]{}\"'“”‘’–-/«»")
        if letters.isascii() or is_vietnamese_syllable(letters):
            continue  # "Ông", "Cà": already Vietnamese in Unicode, whatever it would also read as
        converted = convert(letters)
        if converted == letters or not converted.isalpha() or not is_vietnamese_syllable(converted):
            return False
        legacy_words += 1
    return legacy_words > 0


def detect(text: str | None) -> str | None:
    """TCVN3 or VNI when `text` is Vietnamese typed in that old encoding and read as Unicode; None otherwise."""
    if not text or text.isascii():
        return None
    if _BEYOND_LATIN1.search(text):
        return None  # characters beyond Latin-1: real Unicode (Vietnamese, Greek, Chinese …), never legacy
    if not _TCVN3_TELLS.isdisjoint(text) and _reads_as(text, TCVN3):
        return TCVN3
    if _reads_as(text, VNI):
        return VNI
    return None


def looks_like_tcvn3(text: str | None) -> bool:
    return detect(text) == TCVN3


def to_unicode(text: str, encoding: str) -> str:
    """`text` converted from `encoding` (TCVN3 or VNI, as `detect` names it) to Unicode NFC."""
    return _CONVERTERS[encoding](text)
