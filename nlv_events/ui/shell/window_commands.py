"""The main window's other commands: printing, tallies, files, the demo year and the venues."""

from __future__ import annotations

from nlv_events import APP_NAME
from nlv_events.core.errors import UserError
from nlv_events.i18n import _, ngettext
from nlv_events.services.events import event_store
from nlv_events.services.workspace import record, sample_data
from nlv_events.ui.events.undo_commands import RemoveSampleCommand
from nlv_events.ui.shell import ask


class WindowCommands:
    """Mixed into MainWindow (ui/shell/main_window.py): what the File and Edit menus run besides editing."""

    def load_demo(self) -> None:
        count = event_store.count()
        if count and not sample_data.sample_event_ids():
            question = ngettext(
                "This record already holds {count} event. Add the 32 sample events of the demo year 2022 to it? "
                "They are marked as sample data; File → Remove sample data takes them out again.",
                "This record already holds {count} events. Add the 32 sample events of the demo year 2022 to it? "
                "They are marked as sample data; File → Remove sample data takes them out again.",
                count,
            ).format(count=count)
            if not ask.confirm(self, _("Load demo data"), question):
                return
        try:
            summary = record.load_demo()
        except UserError as error:
            ask.warn(self, APP_NAME, str(error))
            return
        self.reload_years()
        self.statusBar().showMessage(record.demo_message(summary), 8000)

    def remove_sample_data(self) -> None:
        ids = sample_data.sample_event_ids()
        if not ids:
            ask.inform(self, _("Remove sample data"), _("There is no sample data in this record."))
            return
        question = ngettext(
            "Remove the {count} sample event, with the demo's plan targets and the people, organisations and venues "
            "only the sample names? What you added stays. Undo (Ctrl+Z) brings it all back.",
            "Remove the {count} sample events, with the demo's plan targets and the people, organisations and venues "
            "only the sample names? What you added stays. Undo (Ctrl+Z) brings it all back.",
            len(ids),
        ).format(count=len(ids))
        if ask.confirm(self, _("Remove sample data"), question):
            self._push(RemoveSampleCommand(ids, self._after_change))

    def show_venues(self) -> None:
        from nlv_events.ui.events.venues_dialog import VenuesDialog

        self.venues_dialog = VenuesDialog(self.undo_stack, self._after_change, self)
        self.venues_dialog.exec()

    def show_pdf(self, pdf: bytes, name: str, title: str) -> None:
        from nlv_events.ui.shell import pdf_preview

        self.preview = pdf_preview.show(self, pdf, name, title)

    def print_programme(self, layout: str = "a4") -> None:
        event_id = self.current_event_id()
        if event_id is not None:
            from nlv_events.ui.shell import printing

            self.task = printing.print_programme(self, event_id, self.show_pdf, layout)

    def print_year_list(self) -> None:
        year = self.selected_year() or (event_store.years_with_events() or [None])[0]
        if year is None:
            ask.inform(self, _("Year-end list"), _("There are no events yet."))
            return
        from nlv_events.ui.shell import printing

        self.task = printing.print_year_list(self, year, self.show_pdf)

    def show_tallies(self) -> None:
        from nlv_events.ui.reports.tallies_view import TalliesDialog

        self.tallies_dialog = TalliesDialog(self.selected_year(), self)
        self.tallies_dialog.open()

    def import_from(self, path: str) -> None:
        from nlv_events.ui.shell import file_actions

        file_actions.import_from(self, path)

    def export_to(self, path: str, year: int | None) -> None:
        from nlv_events.ui.shell import file_actions

        file_actions.export_to(self, path, year)
