"""The settings dialog: language, the organisation lines printed on documents, database and backups."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nlv_events.core import settings as settings_module
from nlv_events.core import who
from nlv_events.core.settings import Settings
from nlv_events.i18n import _
from nlv_events.services.workspace import connection
from nlv_events.ui.shell.dialogs import dress_dialog
from nlv_events.ui.shell.widgets import scrolling, wide_row

ORGANISATION_KEYS = (
    ("organisation.parent", "Parent body, printed top left"),
    ("organisation.name", "Library, printed under the parent body"),
    ("organisation.city", "City of the place-and-date line"),
    ("organisation.parent_en", "Parent body in English"),
    ("organisation.name_en", "Library in English"),
    ("organisation.city_en", "City in English"),
    ("documents.programme_symbol", "Symbol after a programme's number"),
    ("documents.report_symbol", "Symbol of the report the year-end list is attached to"),
    ("documents.authority", "Signing authority (lines separated by /)"),
    ("documents.signer", "Name of the signer"),
    ("documents.recipients", "Recipients (Nơi nhận), separated by ;"),
    ("documents.preparer", "Name under Người lập biểu on the year-end list"),
)


def organisation_form(settings: Settings, parent: QWidget) -> tuple[QGroupBox, dict[str, QLineEdit]]:
    """The organisation lines as a form (also shown at first start)."""
    box = QGroupBox(_("Printed on documents"), parent)
    form = QFormLayout(box)
    edits: dict[str, QLineEdit] = {}
    for key, label in ORGANISATION_KEYS:
        edit = QLineEdit(settings.get(key), box)
        edit.setObjectName(key)
        form.addRow(_(label), edit)
        edits[key] = edit
    return box, edits


def _whole_megabytes(text: str) -> int:
    try:
        return max(1, round(float(text)))
    except ValueError:
        return int(settings_module.DEFAULTS["attachments.max_mb"])


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        dress_dialog(self, "SettingsDialog", _("Settings"), (620, 480))
        self.settings = settings
        self.language_box = QComboBox(self)
        self.language_box.addItem("Tiếng Việt", "vi")
        self.language_box.addItem("English", "en")
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(settings.get("language"))))
        organisation, self.organisation_edits = organisation_form(settings, self)
        self.database_edit = QLineEdit(settings.get("database"), self)
        self.database_edit.setPlaceholderText(str(connection.default_database_file()))
        self.backups_edit = QLineEdit(settings.get("backups.folder"), self)
        self.backups_edit.setPlaceholderText(_("beside the database"))
        self.media_edit = QLineEdit(settings.get("media.folder"), self)
        self.media_edit.setPlaceholderText(_("beside the database file (a shared database needs a shared folder)"))
        self.author_edit = QLineEdit(settings.get("news.author"), self)
        # Issue #30: the name the history records on a file; TLS to a shared server.
        self.user_edit = QLineEdit(settings.get("user.name"), self)
        self.user_edit.setObjectName("userName")
        self.user_edit.setPlaceholderText(who.system_user())
        self.user_edit.setToolTip(_("On a PostgreSQL server your login names you, and the server enforces roles; "
                                    "on a database file roles are not enforced."))
        self.sslmode_box = QComboBox(self)
        self.sslmode_box.setObjectName("sslmode")
        self.sslmode_box.addItem(_("the server's default"), "")
        for mode in connection.SSL_MODES:
            self.sslmode_box.addItem(mode, mode)
        self.sslmode_box.setCurrentIndex(max(0, self.sslmode_box.findData(settings.get("database.sslmode"))))
        self.ca_file_edit = QLineEdit(settings.get("database.ca_file"), self)
        self.ca_file_edit.setObjectName("caFile")
        general = QGroupBox(_("General"), self)
        form = QFormLayout(general)
        form.addRow(_("Language"), self.language_box)
        form.addRow(_("Database (file or PostgreSQL URL)"), self._with_browse(self.database_edit, self._browse_db))
        # SQLite's locking over SMB is not to be trusted: two people saving at once can damage the file.
        self.shared_database_note = QLabel(
            _(
                "A database file on a network share is safe for one person at a time. When two or more people "
                "enter events at once, use a PostgreSQL database (see the user guide)."
            ),
            self,
        )
        self.shared_database_note.setWordWrap(True)
        form.addRow("", self.shared_database_note)
        form.addRow(_("TLS to the server"), self.sslmode_box)
        form.addRow(_("CA certificate file"), self._with_browse(self.ca_file_edit, self._browse_ca_file))
        form.addRow(_("Your name in the history"), self.user_edit)
        form.addRow(_("Backups folder"), self._with_browse(self.backups_edit, self._browse_backups))
        form.addRow(_("Photos folder"), self._with_browse(self.media_edit, self._browse_media))
        form.addRow(_("Author of the news items"), self.author_edit)
        self.shared_series_box = QCheckBox(_("One numbering for every kind of document"), self)
        self.shared_series_box.setChecked(settings.get("register.shared_series") == "1")
        self.attachment_limit_box = QSpinBox(self)
        self.attachment_limit_box.setRange(1, 2000)
        self.attachment_limit_box.setSuffix(" MB")
        self.attachment_limit_box.setValue(_whole_megabytes(settings.get("attachments.max_mb")))
        form.addRow(_("Register of outgoing documents"), self.shared_series_box)
        form.addRow(_("Largest attachment"), self.attachment_limit_box)
        buttons = QDialogButtonBox(self)
        buttons.addButton(_("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        # The two groups scroll above Save and Cancel: together they are taller than a 1280×680 laptop's room.
        page = QWidget(self)
        fields = QVBoxLayout(page)
        fields.setContentsMargins(0, 0, 0, 0)
        fields.addWidget(general)
        fields.addWidget(organisation)
        fields.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(page), 1)
        layout.addWidget(buttons)

    def _with_browse(self, edit: QLineEdit, browse) -> QWidget:
        row = QWidget(self)
        button = QPushButton(_("Browse…"), row)
        button.clicked.connect(browse)
        layout = wide_row(edit, button)
        layout.setContentsMargins(0, 0, 0, 0)
        row.setLayout(layout)
        return row

    def _browse_db(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Database file"),
            self.database_edit.text(),
            _("SQLite databases (*.sqlite3 *.db)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.database_edit.setText(path)

    def _browse_ca_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("CA certificate file"), self.ca_file_edit.text(), _("Certificates (*.crt *.pem *.cer)")
        )
        if path:
            self.ca_file_edit.setText(path)

    def _browse_backups(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Backups folder"), self.backups_edit.text())
        if folder:
            self.backups_edit.setText(folder)

    def _browse_media(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Photos folder"), self.media_edit.text())
        if folder:
            self.media_edit.setText(folder)

    def accept(self) -> None:
        self.settings.set("language", self.language_box.currentData())
        for key, edit in self.organisation_edits.items():
            self.settings.set(key, edit.text().strip() or settings_module.DEFAULTS[key])
        self.settings.set("database", self.database_edit.text().strip())
        self.settings.set("backups.folder", self.backups_edit.text().strip())
        self.settings.set("media.folder", self.media_edit.text().strip())
        self.settings.set("news.author", self.author_edit.text().strip())
        self.settings.set("user.name", self.user_edit.text().strip())
        self.settings.set("database.sslmode", self.sslmode_box.currentData())
        self.settings.set("database.ca_file", self.ca_file_edit.text().strip())
        self.settings.set("register.shared_series", "1" if self.shared_series_box.isChecked() else "0")
        self.settings.set("attachments.max_mb", str(self.attachment_limit_box.value()))
        self.settings.save()
        super().accept()
