"""The Vietnamese catalog speaks the office's words: every translation follows docs/glossary.md."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).parents[2]
GLOSSARY = ROOT / "docs/glossary.md"
VIETNAMESE_CATALOG = ROOT / "resources/translations/vi/LC_MESSAGES/nlv_events.po"


@dataclass(frozen=True)
class Concept:
    name: str
    english: tuple[str, ...]
    vietnamese: str
    avoid: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    concept: Concept
    start: int
    end: int


NOT_WORDS = re.compile(r"\{[^{}]*\}|\S*/\S*")  # placeholders ("{guest}") and paths ("events/…/anh.jpg")
FILE_NAME = re.compile(r"\.[a-z]{3,4}$")  # "Plan {year}.pdf": file names are written without accents
APP_NAME = "NLV Events"  # the program's name is never translated nor read as a term


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("&", "")).casefold()


def _without_accents(text: str) -> str:
    marks = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return marks.replace("đ", "d")


def _terms(cell: str) -> tuple[str, ...]:
    return tuple(term.strip() for term in cell.split(";") if term.strip() and term.strip() != "—")


def read_glossary(path: Path = GLOSSARY) -> list[Concept]:
    """The rows of the glossary's table (Concept | English | Vietnamese | Avoid | Note)."""
    concepts = []
    header = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if header is None:
            header = [cell.casefold() for cell in cells]
            continue
        if set(line) <= set("|-: "):
            continue
        row = dict(zip(header, cells, strict=False))
        concepts.append(Concept(row["concept"].casefold(), _terms(row["english"]), _fold(row["vietnamese"]),
                                tuple(_fold(word) for word in _terms(row["avoid"]))))
    return concepts


def _english_pattern(term: str) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(word) for word in term.split())
    return re.compile(rf"(?<![\w-]){words}(?:s|es)?(?![\w-])", re.IGNORECASE)


def concepts_named(english: str, concepts: list[Concept]) -> list[Concept]:
    """The concepts an English message names; the longest term wins where two overlap ("list of guests")."""
    text = NOT_WORDS.sub(" ", english.replace("&", "").replace(APP_NAME, " "))
    matches = [Match(concept, found.start(), found.end()) for concept in concepts for term in concept.english
               for found in _english_pattern(term).finditer(text)]
    kept = [match for match in matches
            if not any(other.concept != match.concept and other.start <= match.start and match.end <= other.end
                       and other.end - other.start > match.end - match.start for other in matches)]
    return list(dict.fromkeys(match.concept for match in kept))


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


def problems_in(english: str, vietnamese: str, context: str | None, concepts: list[Concept]) -> list[str]:
    """What is wrong with one translation, in words a translator acts on; nothing when it follows the glossary."""
    by_name = {concept.name: concept for concept in concepts}
    named = [by_name[context.casefold()]] if context and context.casefold() in by_name else \
        concepts_named(english, concepts)
    translated = _fold(vietnamese)
    owned = {concept.vietnamese for concept in named}
    if FILE_NAME.search(english):
        translated, owned = _without_accents(translated), {_without_accents(word) for word in owned}
        named = [Concept(c.name, c.english, _without_accents(c.vietnamese), c.avoid) for c in named]
    problems = []
    for concept in named:
        if not _has_word(translated, concept.vietnamese):
            problems.append(f"{english!r} → {vietnamese!r}: {concept.name} is “{concept.vietnamese}”")
        for word in concept.avoid:
            if _has_word(translated, word) and not any(_has_word(own, word) for own in owned):
                problems.append(f"{english!r} → {vietnamese!r}: {concept.name} is not “{word}”")
    return problems


def _translations():
    with VIETNAMESE_CATALOG.open("rb") as stream:
        catalog = read_po(stream, locale="vi")
    for message in catalog:
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        for english in ids:
            for vietnamese in strings:
                yield english, vietnamese, message.context


def test_the_glossary_names_each_concept_once_with_one_vietnamese_word():
    concepts = read_glossary()
    names = [concept.name for concept in concepts]
    assert len(concepts) >= 30 and len(names) == len(set(names))
    for concept in concepts:
        assert concept.english and concept.vietnamese and ";" not in concept.vietnamese, concept
    required = {"speaker", "mc", "guest", "deputy", "lender", "booklet", "confirmed", "approved", "exhibition",
                "display", "programme", "talk", "exchange", "conference", "workshop", "training", "event", "series",
                "commemoration", "tallies", "year-end list", "delete", "remove", "venue", "partner", "attendance"}
    assert required <= set(names)


def test_every_vietnamese_translation_uses_the_glossary_words():
    concepts = read_glossary()
    problems = [problem for english, vietnamese, context in _translations()
                for problem in problems_in(english, vietnamese, context, concepts)]
    assert problems == [], "fix the .po (docs/glossary.md):\n" + "\n".join(problems)


def test_the_check_catches_a_stray_word_and_honours_the_longest_term_and_the_context():
    concepts = read_glossary()
    assert problems_in("Remove row", "Xóa dòng", None, concepts)  # remove is bỏ, never xóa
    assert problems_in("Remove row", "Bỏ dòng", None, concepts) == []
    assert problems_in("Remove", "Xóa", "delete", concepts) == []  # the context names the concept
    assert problems_in("&List of guests…", "&Danh sách đại biểu…", None, concepts) == []
    assert problems_in("Add guest", "Thêm đại biểu", None, concepts)
    assert problems_in("Remove the photo? Its copy is deleted.", "Gỡ bỏ ảnh? Bản sao bị xóa.", None, concepts) == []
    assert problems_in("Talk", "Toạ đàm", None, concepts)  # the old accent style
