"""How a guest's position and organisation read together, what makes a guest a unit, where a position may break."""

from __future__ import annotations

import unicodedata

# Words that begin the name of a body (capitalised as in a name: "Vụ Thư viện", "Tỉnh ủy Điện Biên"). The
# comparison is exact, accents and case included: "Vụ" begins a unit, the surname "Vũ" does not.
ORGANISATION_WORDS = (
    "Bộ", "Vụ", "Cục", "Tổng cục", "Sở", "Ban", "Thư viện", "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Đảng ủy", "Ủy ban",
    "Văn phòng", "Trung tâm", "Viện", "Học viện", "Hội", "Hội đồng", "Liên hiệp", "Phòng", "Trường", "Đại học",
    "Bảo tàng", "Báo", "Đài", "Tạp chí", "Nhà xuất bản", "Công ty", "Tổng công ty", "Câu lạc bộ", "Quốc hội",
    "Thông tấn xã", "Đoàn", "Sứ quán", "Đại sứ quán", "Tập đoàn", "Quỹ",
)
# Words before which a long position reads well on a new line ("… Quân sự, / Bộ Quốc phòng", "… / kiêm …").
_CONJUNCTIONS = ("kiêm", "thuộc")
_JOINING = ("và", "của", "–", "-")
_LONGEST = max(len(word.split()) for word in ORGANISATION_WORDS)
_WORDS = frozenset(ORGANISATION_WORDS)


def organisation_word_at(words: list[str], index: int, any_case: bool = False) -> int:
    """How many words of `words` from `index` are an organisation word (0: none). A title that begins like one
    ("Vụ trưởng", "Phó Giám đốc") is not: what follows an organisation word starts with a capital. With
    `any_case` the word may start in lower case, as inside a title ("Trưởng phòng Thông tin")."""
    for length in range(min(_LONGEST, len(words) - index), 0, -1):
        candidate = " ".join(words[index:index + length])
        if any_case:
            candidate = candidate[:1].upper() + candidate[1:]
        if candidate in _WORDS:
            following = words[index + length] if index + length < len(words) else ""
            if not following or following[0].isupper() or following[0].isdigit():
                return length
    return 0


def is_unit(name: str, honorific: str | None = None) -> bool:
    """A guest that is a body, not a person: no form of address, a name that begins with an organisation word
    ("Vụ Thư viện", "Báo Nhân Dân")."""
    words = name.split()
    return not (honorific or "").strip() and bool(words) and organisation_word_at(words, 0) > 0


def names_a_body(position: str) -> bool:
    """Whether the position already names a body ("Vụ trưởng Vụ Thư viện", "Trưởng phòng Thông tin – Truyền
    thông", "Vụ trưởng Vụ Kế hoạch, Tài chính" — a body's name may hold commas; not "Thứ trưởng", "Phó Giám
    đốc")."""
    words = position.split()
    return any(organisation_word_at(words, index, any_case=True) for index in range(1, len(words)))


def same_words(text: str | None) -> str:
    """Text as compared for a repeat: case ignored, accents kept — "trưởng" (head) is not "Trường" (school)."""
    return " ".join(unicodedata.normalize("NFC", text or "").casefold().split())


def _overlap(position: list[str], organisation: list[str]) -> int:
    """How many words the position ends with that the organisation begins with (compared ignoring case)."""
    folded_position = [same_words(word) for word in position]
    folded_organisation = [same_words(word) for word in organisation]
    for length in range(min(len(position), len(organisation)), 0, -1):
        if folded_position[-length:] == folded_organisation[:length]:
            return length
    return 0


def title_line(position: str | None, organisation: str | None) -> str:
    """Position and organisation as one line, the organisation's words once: "Thứ trưởng Bộ Văn hóa, Thể thao và
    Du lịch"; "Bí thư Tỉnh ủy" + "Tỉnh ủy Điện Biên" → "Bí thư Tỉnh ủy Điện Biên"; a position that names its own
    body takes the organisation after a comma: "Vụ trưởng Vụ Thư viện, Bộ Văn hóa, Thể thao và Du lịch"."""
    position, organisation = (position or "").strip(), (organisation or "").strip()
    if not organisation or same_words(organisation) in same_words(position):
        return position
    if not position:
        return organisation
    position_words, organisation_words = position.split(), organisation.split()
    shared = _overlap(position_words, organisation_words)
    if shared:
        return " ".join([*position_words, *organisation_words[shared:]])
    separator = ", " if names_a_body(position) else " "
    return f"{position}{separator}{organisation}"


def unit_line(name: str, organisation: str | None) -> str:
    """A unit and the body it belongs to, after a comma: "Vụ Thư viện, Bộ Văn hóa, Thể thao và Du lịch"."""
    organisation = (organisation or "").strip()
    if not organisation or same_words(organisation) in same_words(name):
        return name
    return f"{name}, {organisation}"


def break_cost(words: list[str], cut: int) -> float:
    """How badly a line break before `words[cut]` reads, as a factor on the longer line's width: before an
    organisation word or after a comma costs nothing; before a capitalised word a little (a name's next
    syllable-pair); before a lower-case word most, as it may split a word pair ("Quân / sự", "Giám / đốc")."""
    if words[cut - 1].endswith((",", ";")) or organisation_word_at(words, cut) or words[cut] in _CONJUNCTIONS:
        return 1.0
    if words[cut - 1] in _JOINING:  # a line never ends on "và" or a dash
        return 1.6
    if words[cut][0].isupper():
        return 1.25
    return 1.6
