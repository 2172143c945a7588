"""The preview of an event list's import told in lines, as the command line prints it (the window shows the same
in its dialog): the columns as read, what would happen, every row that cannot be read."""

from __future__ import annotations

import re

from nlv_events.core import rules
from nlv_events.i18n import _
from nlv_events.services.interchange import importing
from nlv_events.services.interchange.list_import.columns import MEANINGS, NONE
from nlv_events.services.interchange.list_import.plan import BY_HAND, NEW, SAME, UPDATE, Preview


def column_name(index: int) -> str:
    """The spreadsheet's name of a column: A, B, … Z, AA."""
    name = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        name = chr(ord("A") + remainder) + name
    return name


def column_index(text: str) -> int:
    """A column named by its number (1 = the first) or its letters (A); raises ValueError."""
    text = text.strip()
    if text.isdigit() and int(text) >= 1:
        return int(text) - 1
    if re.fullmatch(r"[A-Za-z]{1,3}", text):
        index = 0
        for letter in text.upper():
            index = index * 26 + ord(letter) - ord("A") + 1
        return index - 1
    raise ValueError(text)


def column_choice(text: str) -> tuple[int, str]:
    """--column N=MEANING: the column (number or letters) and its meaning (a key of MEANINGS, or "none")."""
    column, _sign, chosen = text.partition("=")
    chosen = chosen.strip().lower()
    if chosen in ("none", "-"):
        chosen = NONE
    elif chosen not in MEANINGS:
        raise ValueError(chosen)
    return column_index(column), chosen


def lines(preview: Preview) -> list[str]:
    """What the dry run prints."""
    result: list[str] = []
    for table in preview.tables:
        read = ", ".join(
            f"{column_name(index)} “{table.headers[index]}” → {_(MEANINGS[name])}"
            for index, name in table.columns.items()
        )
        result.append(_("{table}: {columns}").format(table=table.name, columns=read))
        if table.year is not None:
            result.append(_("Dates without a year are in {year}.").format(year=table.year))
    result.append(
        _("{events} events: {new} new, {updated} updated, {same} unchanged, {by_hand} entered by hand and changed by "
          "the list.").format(events=len(preview.planned), new=preview.count(NEW), updated=preview.count(UPDATE),
                              same=preview.count(SAME), by_hand=preview.count(BY_HAND))
    )
    for item in preview.planned:
        if item.action == BY_HAND:
            result.append(hand_entered(item.row.number, item.row.table, item.row.record.title, item.changes))
    result += preview.notices
    if preview.unreadable:
        result.append(_("Rows that cannot be read (nothing is imported until they are corrected):"))
        result += [str(item) for item in preview.unreadable]
    return result


def hand_entered(number: int, table: str, title: str, changes: list[str]) -> str:
    return _("{table}, row {row}: changes the event entered by hand “{title}” ({fields}).").format(
        table=table, row=number, title=title, fields=", ".join(rules.field_label(name) for name in changes)
    )


def done_message(path: str, summary: importing.ImportSummary) -> str:
    return _("Imported {file}: {created} events added, {updated} updated, {unchanged} unchanged.").format(
        file=path, created=summary.created, updated=summary.updated, unchanged=summary.unchanged
    )
