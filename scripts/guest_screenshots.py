"""Pictures of the guests' work for the user guide (docs/images/guests*.png, invitation, name card), made by the
app itself on the demo year with the sample guest list (resources/demo/khach-moi-mau.csv).

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/guest_screenshots.py [--lang vi|en]
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from scripts.demo_window import IMAGES, ROOT, start


def main() -> int:
    shots = start("nlv-guest-shots-")
    home, suffix, application = shots.home, shots.suffix, shots.application
    from nlv_events.core import database, event_reading
    from nlv_events.core.models import Event
    from nlv_events.services.guests import documents, guest_replies, spreadsheet_import
    from nlv_events.services.guests import guest_list as guests
    from nlv_events.ui.events.event_editor import EventEditor
    from nlv_events.ui.guests.guests_tab import GuestsTab
    from nlv_events.ui.guests.printing_menu import InvitationDialog

    event_id = Event.get(Event.ref == "demo-2022-review").id
    spreadsheet_import.apply(event_id, spreadsheet_import.preview(ROOT / "resources" / "demo" / "khach-moi-mau.csv"))
    ids = [entry.id for entry in guests.guest_list(event_id)]
    guest_replies.set_state(ids[:9], "invited")
    guest_replies.set_state(ids[:7], "accepted")
    guest_replies.set_state(ids[7:8], "declined")
    guest_replies.set_state(
        ids[2:3], "deputy", deputy_name="Ông Phạm Văn Thành", deputy_position="Phó Vụ trưởng Vụ Thư viện"
    )

    editor = EventEditor(event_reading.load_record(event_id))
    editor.resize(1100, 560)
    pages = [editor.tabs.widget(index) for index in range(editor.tabs.count())]
    tab = next(page for page in pages if isinstance(page, GuestsTab))
    editor.tabs.setCurrentWidget(tab)  # not the last tab: Photos follows it
    editor.show()
    tab.view.selectRow(8)
    application.processEvents()
    editor.grab().save(str(IMAGES / f"guests{suffix}.png"))
    dialog = InvitationDialog()
    dialog.number.setText("25")
    dialog.signer_name.setText("Nguyễn Xuân Dũng")
    dialog.contact.setText("Phòng Thông tin – Truyền thông, điện thoại 024 3936 2343")
    dialog.qr.setChecked(True)
    dialog.show()
    application.processEvents()
    dialog.grab().save(str(IMAGES / f"invitation-dialog{suffix}.png"))
    if suffix == "":
        for name, data in (
            ("invitation", documents.invitations_bytes(event_id, dialog.options())),
            ("name-card", documents.name_cards_bytes(event_id)),
        ):
            pdf = home / f"{name}.pdf"
            pdf.write_bytes(data)
            subprocess.run(["pdftoppm", "-png", "-r", "45", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                            str(IMAGES / name)], check=True)
    database.close_database()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
