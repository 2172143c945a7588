"""Print menu entries for the guests: invitations (with their options), name cards, the reception list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from nlv_events.core.errors import UserError
from nlv_events.i18n import N_, _
from nlv_events.services.events import event_store
from nlv_events.ui.shell import actions, ask
from nlv_events.ui.shell.dialogs import add_rows, ask_document_day, save_file_name, signature_fields
from nlv_events.ui.shell.widgets import ok_cancel
from nlv_events.ui.shell.workers import BackgroundTask

if TYPE_CHECKING:
    from nlv_events.ui.shell.main_window import MainWindow

Show = Callable[[bytes, str, str], None]
# The services (ReportLab, Jinja) load when first used, not when the window starts.
ALL_BUT_DECLINED = ("to_invite", "invited", "accepted", "deputy", "attended")


def leader_wording(leaders: list[str] | None = None) -> str:
    """Which letters say "tới dự và chỉ đạo" (the superiors' groups) and which "tới dự"."""
    if leaders is None:
        from nlv_events.services.guests import guest_groups

        leaders = guest_groups.leader_groups()
    if not leaders:
        return _("Every letter says “tới dự”; none says “và chỉ đạo”.")
    return _("Letters to the guests of {groups} say “tới dự và chỉ đạo” (to attend and direct); all other letters "
             "say “tới dự”.").format(groups=", ".join(leaders))


class InvitationDialog(QDialog):
    """What the office sets before printing the letters: number, date, signer, contact line, QR, whom to."""

    def __init__(self, parent: QWidget | None = None, action: str | None = None) -> None:
        """`action`: what its OK does (Print by default; Send for invitations by e-mail, with no Word choice)."""
        super().__init__(parent)
        self.setWindowTitle(_("Invitations"))
        signature = signature_fields(self, 52)
        self.number, self.day, self.signer_title, self.signer_name = signature
        self.contact = QLineEdit(self)
        self.qr = QCheckBox(_("QR code with the event, time and place"), self)
        self.states = QComboBox(self)
        self.states.addItem(_("Every guest who has not declined"), ALL_BUT_DECLINED)
        self.states.addItem(_("Only guests still to invite"), ("to_invite",))
        self.states.addItem(_("Only guests already invited"), ("invited",))
        self.states.addItem(_("Only guests who accepted"), ("accepted",))
        self.docx = QCheckBox(_("As a Word document (DOCX) to edit"), self)
        self.wording = QLabel(leader_wording(), self)  # which letters say "và chỉ đạo" (Guests tab → Groups…)
        self.wording.setWordWrap(True)
        form = add_rows(
            QFormLayout(self),
            *signature.rows(_("Signer:")),
            (_("Contact line:"), self.contact),
            (_("Guests:"), self.states),
            ("", self.wording),
            ("", self.qr),
            ("", self.docx),
        )
        form.addRow(ok_cancel(self, action or _("Print")))
        self.docx.setVisible(action is None)

    def options(self):
        from nlv_events.services.guests.invitations import InvitationOptions

        day = self.day.date()
        return InvitationOptions(
            number=self.number.text(),
            day=dt.date(day.year(), day.month(), day.day()),
            signer_title=self.signer_title.toPlainText().strip(),
            signer_name=self.signer_name.text(),
            contact=self.contact.text(),
            qr=self.qr.isChecked(),
            states=self.states.currentData(),
        )


@actions.register("invitations", N_("&Invitations…"), menu="file", before="tallies", needs_event=True)
def print_invitations(window: MainWindow) -> None:
    window.guest_printing.print_invitations()


@actions.register("name_cards", N_("&Name cards…"), menu="file", before="tallies", needs_event=True)
def print_name_cards(window: MainWindow) -> None:
    window.guest_printing.print_name_cards()


@actions.register("reception_list", N_("&List of guests…"), menu="file", before="tallies", needs_event=True)
def print_reception_list(window: MainWindow) -> None:
    window.guest_printing.print_reception_list()


class GuestPrintActions:
    """What the three printouts do (their actions are registered above, off while no event is selected);
    `event_id()` says which event is selected, `show` previews a PDF."""

    def __init__(self, window: MainWindow, event_id: Callable[[], int | None], show: Show) -> None:
        self.parent, self.event_id, self.show = window, event_id, show
        self.invitations: QAction = window.actions["invitations"]
        self.name_cards: QAction = window.actions["name_cards"]
        self.reception_list: QAction = window.actions["reception_list"]
        self.task: BackgroundTask | None = None

    def print_name_cards(self) -> None:
        self._print("name_cards_bytes", "the-ten", _("Name cards"))

    def print_reception_list(self) -> None:
        event_id = self.event_id()
        if event_id is None:
            return
        day = ask_document_day(self.parent, _("List of guests"), event_id)
        if day is None:
            return
        from nlv_events.services.guests import documents as guest_documents

        self._print(lambda event: guest_documents.reception_list_bytes(event, day=day), "danh-sach-dai-bieu",
                    _("List of guests"))  # fmt: skip

    def _print(self, build: str | Callable[[int], bytes], stem: str, title: str) -> None:
        """Build the PDF off the GUI thread (`build`: a function of guest_documents, or its name) and preview it."""
        event_id = self.event_id()
        if event_id is None:
            return
        from nlv_events.services.guests import documents as guest_documents
        from nlv_events.ui.shell import printing

        maker = getattr(guest_documents, build) if isinstance(build, str) else build
        name = printing.event_file_name(stem, event_store.load(event_id))
        busy = _("Preparing {title}…").format(title=title.lower())
        self.task = printing.preview_in_background(self.parent, busy, lambda: maker(event_id), name, title, self.show)

    def print_invitations(self) -> None:
        event_id = self.event_id()
        if event_id is None:
            return
        dialog = InvitationDialog(self.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        options = dialog.options()
        from nlv_events.services.guests import documents as guest_documents

        if not dialog.docx.isChecked():
            self._print(lambda event: guest_documents.invitations_printout(event, options), "giay-moi",
                        _("Invitations"))  # fmt: skip
            return
        from nlv_events.ui.shell import printing

        name = printing.event_file_name("giay-moi", event_store.load(event_id), ".docx")
        path = save_file_name(self.parent, _("Invitations"), name, _("Word documents (*.docx)"))
        if not path:
            return
        try:
            guest_documents.write_invitations(event_id, path, options)
        except UserError as error:
            ask.warn(self.parent, _("Invitations"), str(error))
            return
        ask.inform(self.parent, _("Invitations"), _("Saved to {file}.").format(file=path))
