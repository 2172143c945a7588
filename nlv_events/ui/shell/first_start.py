"""The welcome shown once on an empty record: where the data lives, demo or empty, the organisation lines."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from nlv_events.core import who
from nlv_events.core.settings import Settings
from nlv_events.i18n import _
from nlv_events.ui.shell.dialogs import dress_dialog
from nlv_events.ui.shell.settings_dialog import organisation_form


class FirstStartDialog(QDialog):
    """`choice` is "demo" or "empty" once the user has chosen."""

    def __init__(self, settings: Settings, database_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        dress_dialog(self, "FirstStartDialog", _("Welcome to NLV Events"), (640, 460))
        self.settings = settings
        self.choice = "empty"
        intro = QLabel(
            _(
                "<p>NLV Events keeps the record of the library's public events: exhibitions, Book Day, talks, "
                "conferences and training courses. From it you print programmes and the year-end list, and export "
                "the yearly tallies.</p><p>Your record is kept on this computer in <b>{path}</b> and works "
                "without the Internet.</p><p>Start with the sample year 2022 to look around, or with an empty "
                "record.</p>"
            ).format(path=database_label),
            self,
        )
        intro.setWordWrap(True)
        organisation, self.organisation_edits = organisation_form(settings, self)
        # Issue #30: the change history names who saved; on a file that is this name (asked once, here).
        self.user_edit = QLineEdit(settings.get("user.name") or who.system_user(), self)
        self.user_edit.setObjectName("userName")
        name_row = QFormLayout()
        name_row.addRow(_("Your name in the history"), self.user_edit)
        buttons = QDialogButtonBox(self)
        # Action role, not Accept: a button box makes its first Accept button the default when shown.
        self.demo_button = buttons.addButton(
            _("Start with the sample year 2022"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.empty_button = buttons.addButton(_("Start with an empty record"), QDialogButtonBox.ButtonRole.ActionRole)
        for button in (self.demo_button, self.empty_button):
            # Enter in a field of the form must not choose for the user (it loaded the sample year into the
            # record of someone who was typing the signer's name): only a click or Space on a button does.
            button.setAutoDefault(False)
            button.setDefault(False)
        self.demo_button.clicked.connect(lambda: self._choose("demo"))
        self.empty_button.clicked.connect(lambda: self._choose("empty"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(name_row)
        layout.addWidget(organisation)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def reject(self) -> None:
        """Esc or the window's close button: an empty record, keeping what was typed (it was thrown away)."""
        self._choose("empty")

    def _choose(self, choice: str) -> None:
        self.choice = choice
        for key, edit in self.organisation_edits.items():
            if edit.text().strip():
                self.settings.set(key, edit.text().strip())
        self.settings.set("user.name", self.user_edit.text().strip())
        self.settings.save()
        self.accept()
