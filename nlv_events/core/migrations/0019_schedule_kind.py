"""The register starts with the week's work schedule's kind, LCT (lịch công tác), beside those of migration 0015.

The weekly work schedule is a document the office signs and numbers ("05/LCT-TVQG", the setting
documents.schedule_symbol), yet the register did not list its kind: `nlv-events week --number next` was refused
("the register has no kind LCT") until someone added it by hand. A database that has a kind LCT already (added or
renamed by the office) keeps it as it is.
"""

SYMBOL = "LCT"
NAME = "Lịch công tác"
RANK = 7  # after the six kinds of migration 0015


def up(migrator, db):
    param = db.param
    db.execute_sql(
        "INSERT INTO document_kind (symbol, name, rank, version) "
        f"SELECT {param}, {param}, {param}, 1 WHERE NOT EXISTS (SELECT 1 FROM document_kind WHERE symbol = {param})",
        (SYMBOL, NAME, RANK, SYMBOL),
    )


def down(migrator, db):
    # Only the kind this migration added, and only while no document of it is in the register.
    param = db.param
    db.execute_sql(
        f"DELETE FROM document_kind WHERE symbol = {param} AND name = {param} AND NOT EXISTS "
        f"(SELECT 1 FROM register_entry WHERE register_entry.kind_id = document_kind.id)",
        (SYMBOL, NAME),
    )
