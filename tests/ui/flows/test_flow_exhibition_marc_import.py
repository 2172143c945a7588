"""An exhibition's items imported from the catalogue: the file chosen in the Exhibition tab, the preview read and
confirmed, the items in the tree and in the store."""

from nlv_events.i18n import _
from nlv_events.services.exhibits import structure
from nlv_events.ui.events.event_editor import EventEditor
from nlv_events.ui.exhibits.catalogue_import_dialog import CatalogueImportDialog
from tests.marc_files import book, marc_bytes
from tests.ui.flows.acting import answer_file_dialog, click, click_row, shown_texts, tab_named, trigger, while_open

EXHIBITION = "Chủ tịch Hồ Chí Minh – Tư tưởng sáng ngời, sự nghiệp vĩ đại"


def test_a_marc_file_becomes_the_exhibitions_items(window, qtbot, monkeypatch, tmp_path):
    catalogue = tmp_path / "muc-luc.mrc"
    catalogue.write_bytes(
        marc_bytes([book("Hà Nội băm sáu phố phường", "Thạch Lam", marc8=True, call_number="VV 123")])
        + marc_bytes([book("Nhật ký trong tù", "Hồ Chí Minh", call_number="VV 456")])
    )
    asked = answer_file_dialog(monkeypatch, catalogue, "getOpenFileName")
    seen: dict = {}

    def confirm(dialog):
        seen["preview"] = [dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())]
        seen["button"] = dialog.add_button.text()
        click(qtbot, dialog.add_button)

    def import_items(editor):
        editor.tabs.setCurrentIndex(tab_named(editor.tabs, _("Exhibition")))
        tab = editor.exhibit_tab
        preview = while_open(confirm, CatalogueImportDialog)
        click(qtbot, tab.import_button)  # the file is read, then the items added, on a worker thread
        qtbot.waitUntil(lambda: any("Nhật ký trong tù" in text for text in shown_texts(tab.tree.model())),
                        timeout=10_000)  # fmt: skip
        preview.done()
        seen["tree"] = shown_texts(tab.tree.model())
        click(qtbot, editor.cancel_button)

    click_row(qtbot, window.table, EXHIBITION)
    event_id = window.current_event_id()
    opened = while_open(import_items, EventEditor)
    trigger(window, _("&Edit"), _("&Open event"))
    opened.done()
    assert asked, "the file chooser was not opened"
    assert seen["preview"] == ["Hà Nội băm sáu phố phường", "Nhật ký trong tù"]  # MARC-8 read as Vietnamese
    assert seen["button"] == "Thêm 2 tài liệu"
    assert any("Hà Nội băm sáu phố phường" in text for text in seen["tree"])
    stored = [item.title for section in structure.load(event_id).sections for item in section.items]
    assert stored == ["Hà Nội băm sáu phố phường", "Nhật ký trong tù"]
