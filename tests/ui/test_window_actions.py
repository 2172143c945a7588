"""The window's menus and toolbar come from the action registry: each entry once, in place, ticked, translated."""

from PySide6.QtWidgets import QMenu

from nlv_events import i18n
from nlv_events.ui.shell import actions


def _entries(menu: QMenu) -> list:
    found = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            found += _entries(action.menu())
        else:
            found.append(action)
    return found


def _language_menu(window) -> QMenu:
    return next(action.menu() for action in window.view_menu.actions() if action.menu() is not None)


def test_every_menu_and_toolbar_entry_is_a_registered_action(window):
    registered = set(window.actions.values())
    shown = [entry for menu in window.menus.values() for entry in _entries(menu)]
    shown += [entry for entry in window.toolbar.actions() if not entry.isSeparator()]
    assert shown and all(entry in registered for entry in shown)
    assert set(shown) == registered  # and every registered action is somewhere to be clicked
    assert set(actions.REGISTRY) == set(window.actions)


def test_the_guests_printouts_sit_just_before_tallies_in_the_file_menu(window):
    names = [entry.objectName() for entry in _entries(window.file_menu)]
    at = names.index("talliesAction")
    assert names[at - 3 : at] == ["invitationsAction", "name_cardsAction", "reception_listAction"]
    assert names[:3] == ["printAction", "bookletAction", "year_listAction"]


def test_the_language_menu_switches_every_text_and_ticks_the_language_in_force(window, app_settings):
    language_menu = _language_menu(window)
    vietnamese, english = _entries(language_menu)
    assert (vietnamese.text(), english.text()) == ("Tiếng Việt", "English")
    assert vietnamese.isChecked() and not english.isChecked()
    english.trigger()
    assert i18n.current_language() == "en" and app_settings.get("language") == "en"
    assert english.isChecked() and not vietnamese.isChecked()
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "P&lan", "&Help"]
    assert language_menu.title() == "&Language"
    assert window.guest_printing.invitations.text() == "&Invitations…"
    assert window.plan_menu.plan_action.text() == "Annual &plan…"
    assert (vietnamese.text(), english.text()) == ("Tiếng Việt", "English")  # each language by its own name
    vietnamese.trigger()
    assert i18n.current_language() == "vi" and vietnamese.isChecked() and not english.isChecked()
    assert window.file_menu.title() == "&Tệp"
