"""The register's numbers: the next one per kind and year (or one shared series), a typed one checked, a re-print
counted on its entry rather than entered again."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from nlv_events.core import store
from nlv_events.core.errors import UserError
from nlv_events.core.records import EventRecord, ProgrammeEntry
from nlv_events.core.register_models import RegisterEntry
from nlv_events.core.settings import current_settings
from nlv_events.printing.decree import DecreeOptions
from nlv_events.printing.model import Document, Signature, Text
from nlv_events.services.register import entries, numbering, registered_print

# Each test on SQLite and on the suite's PostgreSQL: the numbers, the versioned writes and the counts are SQL.
pytestmark = pytest.mark.both_databases
DAY = dt.date(2026, 3, 2)


def _maker(title: str, signer: str):
    """A document that prints its number in its text, as the decree's header does."""

    def make(number: str | None) -> Document:
        return Document(title=title, blocks=[Text(f"Số: {number}")],
                        signature=Signature(name=signer, recipients=["Như trên", "Lưu: VT"]))

    return make


def _print(tmp_path, title: str, number: str, symbol_key: str = "documents.programme_symbol", signer: str = "",
           reprint: bool = False):  # fmt: skip
    target = tmp_path / f"{len(list(tmp_path.glob('*.pdf')))}.pdf"
    options = DecreeOptions(number=number, date=DAY, reprint=reprint)
    entry = registered_print.write(
        _maker(title, signer), target, registered_print.asked(options, current_settings().get(symbol_key))
    )
    return entry, target


def test_next_numbers_follow_each_other_per_kind_and_year(db, tmp_path):
    first, path = _print(tmp_path, "Chương trình A", "next", signer="Nguyễn Văn A")
    second, _ = _print(tmp_path, "Chương trình B", "next")
    report, _ = _print(tmp_path, "Báo cáo", "next", "documents.report_symbol")
    assert (first.number, second.number, report.number) == (1, 2, 1)
    listed = entries.entries(2026)
    assert [line.number_text for line in listed] == ["01/CTr-TVQG", "02/CTr-TVQG", "01/BC-TVQG"]
    assert listed[0].title == "Chương trình A" and listed[0].signer == "Nguyễn Văn A"
    assert listed[0].recipients == "Như trên; Lưu: VT"
    assert listed[0].digest == hashlib.sha256(path.read_bytes()).hexdigest()
    assert [line.number_text for line in entries.entries(2026, "BC")] == ["01/BC-TVQG"]


def test_one_shared_series_numbers_every_kind_in_turn(db, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # this test's own settings file
    settings = current_settings()
    settings.set("register.shared_series", "1")
    settings.save()
    numbers = [_print(tmp_path, title, "next", key)[0].number for title, key in
               (("A", "documents.programme_symbol"), ("B", "documents.report_symbol"),
                ("C", "documents.programme_symbol"))]  # fmt: skip
    assert numbers == [1, 2, 3]


def test_a_typed_number_already_issued_to_another_document_is_refused(db, tmp_path):
    _print(tmp_path, "Chương trình A", "15")
    with pytest.raises(UserError, match="15/CTr-TVQG"):
        _print(tmp_path, "Chương trình B", "15/CTr-TVQG")
    assert len(list(tmp_path.glob("*.pdf"))) == 1  # the refused one was not written
    assert RegisterEntry.select().count() == 1


def test_the_same_document_printed_again_under_its_number_is_a_reprint(db, tmp_path):
    first, _ = _print(tmp_path, "Chương trình A", "next")
    again, path = _print(tmp_path, "Chương trình A", "01")
    assert again.id == first.id and again.reprints == 1
    assert again.digest == hashlib.sha256(path.read_bytes()).hexdigest()
    forced, _ = _print(tmp_path, "Chương trình sửa", "1", reprint=True)
    assert forced.id == first.id and forced.reprints == 2
    assert RegisterEntry.select().count() == 1


def test_the_next_number_comes_after_one_typed_by_hand(db, tmp_path):
    _print(tmp_path, "A", "40")
    assert _print(tmp_path, "B", "next")[0].number == 41


def test_a_failed_printout_gives_its_number_back(db, tmp_path):
    def broken(number: str | None) -> Document:
        raise UserError("no programme")

    with pytest.raises(UserError):
        registered_print.write(broken, tmp_path / "x.pdf", registered_print.Asked("next", DAY, "CTr-TVQG"))
    assert _print(tmp_path, "A", "next")[0].number == 1


def test_what_is_not_a_register_number_prints_unregistered(db, tmp_path):
    for typed in ("", "15a", "15/XYZ-TVQG"):
        entry, path = _print(tmp_path, "A", typed)
        assert entry is None and path.exists()
    assert RegisterEntry.select().count() == 0


def test_the_programme_of_an_event_is_registered_with_its_event(db, tmp_path):
    from nlv_events.services.reports import programme

    record = EventRecord(kind="talk", title="Tọa đàm sách", start=dt.date(2026, 4, 21), venue="Hội trường")
    record.programme = [ProgrammeEntry(dt.datetime(2026, 4, 21, 8), "Khai mạc")]
    event = store.save_event(record)
    programme.write(event.id, tmp_path / "p.pdf", options=DecreeOptions(number="next", date=DAY))
    assert entries.entries(2026)[0].event_id == event.id


def test_kinds_are_listed_added_and_renamed(db):
    assert [kind.symbol for kind in entries.kinds()] == ["CTr", "GM", "KH", "BC", "BB", "TTr", "LCT"]
    added = entries.add_kind("QĐ", "Quyết định")
    entries.rename_kind(added, "Quyết định của Giám đốc")
    assert entries.kinds()[-1].name == "Quyết định của Giám đốc"
    with pytest.raises(UserError):
        entries.add_kind("QĐ", "again")
    with pytest.raises(UserError):
        entries.rename_kind(added, "stale")  # read at the version before the rename
    assert numbering.wanted("3/QĐ-TVQG", "CTr-TVQG") == numbering.Wanted("QĐ", "QĐ-TVQG", 3)


def test_a_symbol_the_register_does_not_list_is_told_before_any_file_is_written(db, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    settings = current_settings()
    settings.set("documents.programme_symbol", "XYZ-TVQG")
    settings.save()
    with pytest.raises(UserError, match="XYZ"):
        _print(tmp_path, "Chương trình", "next")
    assert not list(tmp_path.glob("*.pdf")) and RegisterEntry.select().count() == 0


def test_a_database_that_refuses_the_entry_says_why_and_no_file_is_written(db, tmp_path):
    """A viewer's login on the shared server, a read-only file: the register's refusal came out as the database's
    own error, which the print preview took for a bug ("Sorry, something went wrong"); now it is the user's
    message, as every other refused write, and nothing is written."""
    import os
    import re

    import peewee

    from nlv_events.i18n import _

    if isinstance(db, peewee.SqliteDatabase):
        refusal = _("The database is read-only: ask for write access to the file, or open a copy.")
        refuse, allow = ["PRAGMA query_only = 1"], ["PRAGMA query_only = 0"]
    else:  # a role that reads every table and writes none, as a viewer's
        refusal = _("Your role on the database server does not allow this; nothing was changed. Ask the team's admin.")
        role = f"t_reader_{os.getpid()}"
        refuse = [f'CREATE ROLE "{role}" NOLOGIN', f'GRANT USAGE ON SCHEMA public TO "{role}"',
                  f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"', f'SET ROLE "{role}"']
        allow = ["RESET ROLE", f'DROP OWNED BY "{role}"', f'DROP ROLE "{role}"']
    for statement in refuse:
        db.execute_sql(statement)
    try:
        for typed in ("next", "15"):
            with pytest.raises(UserError, match=re.escape(refusal)):
                _print(tmp_path, "Chương trình A", typed)
    finally:
        for statement in allow:
            db.execute_sql(statement)
    assert not list(tmp_path.glob("*.pdf"))
    assert RegisterEntry.select().count() == 0


def test_in_one_shared_series_a_typed_number_is_checked_against_every_kind(db, tmp_path, monkeypatch):
    """With one series for all documents, number 1 of the year is one document's, whatever its kind: a report typed
    as "1" after the programme took 01/CTr-TVQG was entered as 01/BC-TVQG, the year's number 1 given twice."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # this test's own settings file
    settings = current_settings()
    settings.set("register.shared_series", "1")
    settings.save()
    first, _path = _print(tmp_path, "Chương trình A", "next")
    assert first.number == 1
    with pytest.raises(registered_print.DuplicateNumber, match="01/CTr-TVQG"):
        _print(tmp_path, "Báo cáo B", "1", "documents.report_symbol")
    assert [line.number_text for line in entries.entries(2026)] == ["01/CTr-TVQG"]
    assert _print(tmp_path, "Báo cáo B", "next", "documents.report_symbol")[0].number == 2
