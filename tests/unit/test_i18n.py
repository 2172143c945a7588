"""Translations: the template is what the code says, every message has Vietnamese, the compiled catalogs match."""

import string
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from nlv_events import i18n

ROOT = Path(__file__).parents[2]
TRANSLATIONS = ROOT / "resources/translations"
# The Makefile's extraction: Babel's default keywords (_, N_, ngettext, pgettext, npgettext…) and babel.cfg.
KEYWORDS = DEFAULT_KEYWORDS


def _catalog(language: str):
    with (TRANSLATIONS / language / "LC_MESSAGES/nlv_events.po").open("rb") as stream:
        return read_po(stream, locale=language)


def _template():
    with (TRANSLATIONS / "nlv_events.pot").open("rb") as stream:
        return read_po(stream)


def _key(message) -> tuple:
    return message.context, message.id if isinstance(message.id, str) else tuple(message.id)


def _strings(message) -> list[str]:
    return [message.string] if isinstance(message.string, str) else list(message.string)


def _messages_in_the_code() -> set[tuple]:
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        str(ROOT / "nlv_events"), method_map, options_map, keywords=KEYWORDS
    ):
        found.add((context, message if isinstance(message, str) else tuple(message)))
    return found


def test_the_template_holds_exactly_the_messages_of_the_code():
    in_template = {_key(message) for message in _template() if message.id}
    in_code = _messages_in_the_code()
    assert sorted(in_code - in_template, key=str) == [], "new messages: run `make i18n` and translate them"
    assert sorted(in_template - in_code, key=str) == [], "messages gone from the code: run `make i18n`"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_each_catalog_holds_the_template_and_nothing_obsolete_or_fuzzy(language):
    catalog = _catalog(language)
    assert list(catalog.obsolete) == [], f"obsolete (#~) entries in the {language} catalog: run `make i18n`"
    assert [message.id for message in catalog if message.id and message.fuzzy] == []
    assert {_key(m) for m in catalog if m.id} == {_key(m) for m in _template() if m.id}, "run `make i18n`"


def test_every_message_of_the_template_has_its_vietnamese():
    catalog = _catalog("vi")
    untranslated = [_key(message) for message in catalog if message.id and not all(_strings(message))]
    assert untranslated == [], "translate in resources/translations/vi/LC_MESSAGES/nlv_events.po: " + repr(untranslated)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_compiled_catalog_matches_its_source(language):
    def value(message):
        return message.string if isinstance(message.string, str) else tuple(message.string)

    source = {_key(m): value(m) for m in _catalog(language) if m.id and any(_strings(m))}
    # Babel compiles an untranslated plural entry as its English forms (the English catalog is all of that).
    source |= {_key(m): tuple(m.id) for m in _catalog(language) if m.pluralizable and not any(_strings(m))}
    with (ROOT / f"nlv_events/i18n/locale/{language}/LC_MESSAGES/nlv_events.mo").open("rb") as stream:
        compiled = {_key(m): value(m) for m in read_mo(stream) if m.id}
    assert compiled == source, "the .mo is stale: run `make i18n`"


def test_placeholders_survive_translation():
    def names(text: str) -> set[str]:
        return {field for _, field, _, _ in string.Formatter().parse(text) if field}

    for message in _catalog("vi"):
        if not message.id:
            continue
        source = message.id if isinstance(message.id, str) else message.id[-1]
        assert names(_strings(message)[0]) == names(source), message.id


def test_switching_language_switches_messages():
    i18n.setup_i18n("vi")
    assert i18n.gettext("Exhibition") == "Triển lãm"
    i18n.setup_i18n("en")
    assert i18n.gettext("Exhibition") == "Exhibition"
    assert i18n.ngettext("{count} event", "{count} events", 2) == "{count} events"
    i18n.setup_i18n("vi")


def test_a_context_picks_the_meaning_of_a_short_word():
    i18n.setup_i18n("vi")
    assert i18n.gettext("Remove") != i18n.pgettext("delete", "Remove")  # off a list vs a record deleted
    assert i18n.pgettext("exhibit item", "New item") != i18n.pgettext("programme row", "New item")
    assert i18n.pgettext("no such context", "Remove") == "Remove"  # an unknown context is not translated
    i18n.setup_i18n("en")
    assert i18n.pgettext("delete", "Remove") == "Remove"
    assert i18n.npgettext("delete", "{count} row", "{count} rows", 2) == "{count} rows"
    i18n.setup_i18n("vi")
