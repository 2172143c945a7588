"""Translation catalogs kept between runs: the same translations as gettext reading the .mo file, never a stale or
broken catalog (issue #35)."""

import gettext
import shutil

import pytest

from nlv_events import i18n
from nlv_events.i18n import kept_catalogs


@pytest.fixture
def locale_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(kept_catalogs, "cache_dir", lambda: tmp_path / "cache")
    copy = tmp_path / "locale"
    shutil.copytree(i18n.LOCALE_DIR, copy)
    gettext._translations.clear()  # gettext keeps what it read by path: each reading here is a fresh one
    yield copy
    gettext._translations.clear()


def _read(locale_dir, language, class_):
    gettext._translations.clear()
    return gettext.translation(i18n.DOMAIN, locale_dir, languages=[language], class_=class_)


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_a_kept_catalog_translates_as_the_mo_file(locale_dir, tmp_path, language):
    as_read = _read(locale_dir, language, gettext.GNUTranslations)
    first = _read(locale_dir, language, kept_catalogs.KeptTranslations)  # reads the file and keeps the catalog
    (entry,) = (tmp_path / "cache").iterdir()
    kept = _read(locale_dir, language, kept_catalogs.KeptTranslations)
    for catalog in (first, kept):
        assert catalog._catalog == as_read._catalog and catalog.info() == as_read.info()
        assert catalog.charset() == as_read.charset()
        assert [catalog.plural(n) for n in range(30)] == [as_read.plural(n) for n in range(30)]
        assert catalog.ngettext("{count} event", "{count} events", 3) == as_read.ngettext(
            "{count} event", "{count} events", 3
        )
    assert entry.exists()


def test_a_changed_catalog_is_read_again(locale_dir, tmp_path):
    _read(locale_dir, "vi", kept_catalogs.KeptTranslations)
    mo = locale_dir / "vi" / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo"
    shutil.copy(locale_dir / "en" / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo", mo)  # another catalog under the same name
    again = _read(locale_dir, "vi", kept_catalogs.KeptTranslations)
    assert again._catalog == _read(locale_dir, "vi", gettext.GNUTranslations)._catalog
    assert len(list((tmp_path / "cache").iterdir())) == 2


def test_a_broken_entry_is_read_from_the_file_and_written_again(locale_dir, tmp_path):
    _read(locale_dir, "vi", kept_catalogs.KeptTranslations)
    (entry,) = (tmp_path / "cache").iterdir()
    entry.write_bytes(b"not a catalog")
    catalog = _read(locale_dir, "vi", kept_catalogs.KeptTranslations)
    assert catalog.gettext("Wrote the programme to {file}.") == "Đã in chương trình ra {file}."
    assert entry.read_bytes() != b"not a catalog"


def test_an_unwritable_cache_only_reads_the_file(locale_dir, tmp_path, monkeypatch):
    blocker = tmp_path / "not a folder"
    blocker.write_text("")
    monkeypatch.setattr(kept_catalogs, "cache_dir", lambda: blocker / "cache")
    catalog = _read(locale_dir, "vi", kept_catalogs.KeptTranslations)
    assert catalog.gettext("Wrote the programme to {file}.") == "Đã in chương trình ra {file}."
