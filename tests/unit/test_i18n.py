"""Translations: every message has Vietnamese, the compiled catalogs match their sources."""

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from nlv_events import i18n

ROOT = Path(__file__).parents[2]


def _catalog(language: str):
    with (ROOT / "resources/translations" / language / "LC_MESSAGES/nlv_events.po").open("rb") as stream:
        return read_po(stream, locale=language)


def _source_messages() -> set[str]:
    found = set()
    for _filename, _lineno, message, _comments, _context in extract_from_dir(str(ROOT / "nlv_events")):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_every_message_in_the_code_has_a_vietnamese_translation():
    catalog = _catalog("vi")
    missing = []
    for message_id in _source_messages():
        entry = catalog.get(message_id) or next(
            (m for m in catalog if isinstance(m.id, tuple) and m.id[0] == message_id), None
        )
        strings = [] if entry is None else ([entry.string] if isinstance(entry.string, str) else entry.string)
        if entry is None or not all(strings) or entry.fuzzy:
            missing.append(message_id)
    assert missing == [], "run `make i18n` and translate: " + repr(missing)


def test_compiled_vietnamese_catalog_matches_its_source():
    def key(message):
        return message.id if isinstance(message.id, str) else tuple(message.id)

    def value(message):
        return message.string if isinstance(message.string, str) else tuple(message.string)

    source = {key(m): value(m) for m in _catalog("vi") if m.id}
    with (ROOT / "nlv_events/i18n/locale/vi/LC_MESSAGES/nlv_events.mo").open("rb") as stream:
        compiled = {key(m): value(m) for m in read_mo(stream) if m.id}
    assert compiled == source, "the .mo is stale: run `make i18n`"


def test_placeholders_survive_translation():
    import string

    def names(text: str) -> set[str]:
        return {field for _, field, _, _ in string.Formatter().parse(text) if field}

    for message in _catalog("vi"):
        if not message.id:
            continue
        source = message.id if isinstance(message.id, str) else message.id[-1]
        translated = message.string if isinstance(message.string, str) else message.string[0]
        assert names(translated) == names(source), message.id


def test_switching_language_switches_messages():
    i18n.setup_i18n("vi")
    assert i18n.gettext("Exhibition") == "Triển lãm"
    i18n.setup_i18n("en")
    assert i18n.gettext("Exhibition") == "Exhibition"
    assert i18n.ngettext("{count} event", "{count} events", 2) == "{count} events"
