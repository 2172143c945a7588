"""Translation set-up: gettext catalogs and the Babel locale that formats dates and numbers."""

from __future__ import annotations

import functools
import gettext as _gettext
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

DOMAIN = "nlv_events"
LANGUAGES: tuple[str, ...] = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
LOCALE_DIR = Path(__file__).parent / "locale"

_translation: _gettext.NullTranslations = _gettext.NullTranslations()
_language = "en"


def setup_i18n(language: str | None = None) -> str:
    """Switch the process to `language` ("vi" or "en"); returns the language in force."""
    global _translation, _language
    language = (language or DEFAULT_LANGUAGE).lower().split("_")[0].split("-")[0]
    if language not in LANGUAGES:
        raise ValueError(language)
    _translation = _catalog(language)
    _language = language
    return language


def _catalog(language: str) -> _gettext.NullTranslations:
    # Read from the .mo file once, then from the user's cache folder (kept_catalogs): a few milliseconds a start.
    from nlv_events.i18n.kept_catalogs import KeptTranslations

    return _gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True, class_=KeptTranslations)


def current_language() -> str:
    return _language


def current_locale() -> Locale:
    """The Babel locale for the language in force (vi → vi_VN conventions, en → en_GB day-first dates)."""
    return _locale("vi" if _language == "vi" else "en_GB")


@functools.cache
def _locale(identifier: str) -> Locale:
    # Parsed once per language: the table formats a date for each row it paints, at each keystroke of a search.
    # Babel is imported here, when a format first needs it: a printed programme or a listing never does.
    from babel import Locale

    return Locale.parse(identifier)


def gettext(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` as meant in `context`, for an English word that needs two Vietnamese words ("Remove" from a list is
    "Bỏ", "Remove" that deletes a record is "Xóa"). A context that names a concept of docs/glossary.md holds the
    translation to that concept's word."""
    return _translation.pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _translation.npgettext(context, singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet (it is translated where it is shown)."""
    return message


_ = gettext

# Until told otherwise, speak the default language, so that library code used without the CLI or the
# window (tests, scripts) still produces Vietnamese messages.
setup_i18n(DEFAULT_LANGUAGE)


@functools.cache
def in_every_language(message: str) -> tuple[str, ...]:
    """`message` (a msgid) as each language of the app says it, the msgid first: what a file the app wrote in any
    language, or an office typed, may hold where the app writes that message."""
    said = [message]
    for language in LANGUAGES:
        said.append(_catalog(language).gettext(message))
    return tuple(dict.fromkeys(said))
