"""Importing a guest list from XLSX or CSV: header row mapped to fields, a preview, all of it or nothing."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter

from nlv_events.core import sheets
from nlv_events.core.errors import UserError, ValidationError
from nlv_events.core.guest_models import Guest
from nlv_events.core.models import Person
from nlv_events.core.text import clean, clean_or_none, fold
from nlv_events.i18n import N_, _
from nlv_events.services.guests import guest_batches, guest_groups
from nlv_events.services.guests import guest_list as guests
from nlv_events.services.guests.guest_list import GuestEntry

FIELDS: dict[str, str] = {
    "name": N_("Name"),
    "honorific": N_("Form of address"),
    "position": N_("Position"),
    "organisation": N_("Organisation"),
    "group": N_("Group"),
    "email": N_("E-mail"),
    "phone": N_("Phone"),
    "seat": N_("Seat"),
    "notes": N_("Notes"),
}
# Header texts as offices write them, folded (no accents, lower case).
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("name", "full name", "ho va ten", "ho ten", "ten", "dai bieu", "khach moi"),
    "honorific": ("honorific", "form of address", "title", "danh xung", "xung ho", "hoc ham hoc vi"),
    "position": ("position", "job title", "chuc vu", "chuc danh"),
    "organisation": ("organisation", "organization", "co quan", "don vi", "co quan don vi", "noi cong tac"),
    "group": ("group", "nhom", "nhom khach", "thanh phan"),
    "email": ("email", "e-mail", "thu dien tu"),
    "phone": ("phone", "telephone", "dien thoai", "so dien thoai", "sdt", "dt"),
    "seat": ("seat", "cho ngoi", "vi tri ngoi"),
    "notes": ("notes", "note", "ghi chu"),
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[\d\s().\-]{8,20}$")


@dataclass
class Problem:
    row: int
    column: str
    header: str
    message: str

    def __str__(self) -> str:
        return _("Row {row}, column {column} ({header}): {problem}").format(
            row=self.row, column=self.column, header=self.header, problem=self.message
        )


@dataclass
class ImportRow(guest_batches.GuestRow):
    """One guest of the file and what the import will do with them: `person_id` is the address-book person found
    for it, whom `apply` keeps for a row that is the same person."""

    match: str = "new"  # new, same (an address-book person for sure), unsure (ask)
    candidate: str | None = None  # the address-book person an unsure row may be


@dataclass
class Preview:
    headers: list[str]
    mapping: dict[int, str]
    rows: list[ImportRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def unsure(self) -> list[ImportRow]:
        return [row for row in self.rows if row.match == "unsure"]


@dataclass
class ImportSummary:
    added: int = 0
    updated: int = 0


def read_table(path: str | os.PathLike[str], encoding: str | None = None) -> list[list[str]]:
    """The rows of the first sheet (XLSX) or of the CSV file (in `encoding` when the user names one), every cell as
    clean text; within the caps of core/sheets.py (file size, cell size), or refused in one line."""
    path = sheets.file_of(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return [[_cell(value) for value in row] for row in sheets.read_xlsx(path)]
    if suffix == ".csv":
        return [[clean(cell) for cell in row] for row in sheets.read_csv(path, encoding)]
    raise UserError(_("Import a guest list from an .xlsx or .csv file, not “{name}”.").format(name=path.name))


def _cell(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a phone number typed as a number
    return clean(value)


def guess_field(header: str) -> str | None:
    """The field a header text names as offices write it ("Họ và tên", "Cơ quan", "SĐT"…), or None."""
    return sheets.header_meaning(header, HEADER_ALIASES)


def map_headers(headers: list[str], mapping: dict[str, str] | None = None) -> dict[int, str]:
    """Column index → field, from the header texts (or from `mapping`: header text → field or "" for none)."""
    chosen = {fold(header): value for header, value in (mapping or {}).items()}
    result: dict[int, str] = {}
    for index, header in enumerate(headers):
        folded = fold(header)
        if folded in chosen:  # chosen by the user; an empty choice leaves the column out
            target = chosen[folded] or None
        else:
            target = guess_field(header)
        if target and target in FIELDS and target not in result.values():
            result[index] = target
    if "name" not in result.values():
        raise UserError(
            _("No column of the header row holds the names: call one “Họ và tên” or “Name” (found: {headers}).").format(
                headers=", ".join(header for header in headers if header) or "—"
            )
        )
    return result


def _known_people() -> tuple[dict[str, list[tuple[int, str]]], dict[int, str | None]]:
    by_folded: dict[str, list[tuple[int, str]]] = {}
    for person_id, name in Person.select(Person.id, Person.name).tuples():
        by_folded.setdefault(fold(name), []).append((person_id, name))
    organisations: dict[int, str | None] = {}
    for person_id, organisation in Guest.select(Guest.person, Guest.organisation).order_by(Guest.id).tuples():
        organisations[person_id] = organisation
    return by_folded, organisations


def _match(row: ImportRow, people: dict[str, list[tuple[int, str]]], organisations: dict[int, str | None]) -> None:
    """Same person for sure when the name is spelt the same and the organisation agrees (or one is unknown);
    unsure when only the folded name agrees or the organisation differs."""
    candidates = people.get(fold(row.entry.name), [])
    if not candidates:
        return
    organisation = fold(row.entry.organisation)
    for person_id, name in candidates:
        known = fold(organisations.get(person_id))
        if name == row.entry.name and (not organisation or not known or organisation == known):
            row.match, row.person_id = "same", person_id
            return
    person_id, name = candidates[0]
    row.match, row.person_id = "unsure", person_id
    known = organisations.get(person_id)
    row.candidate = f"{name} ({known})" if known else name


def preview(
    path: str | os.PathLike[str], mapping: dict[str, str] | None = None, encoding: str | None = None
) -> Preview:
    """Read and check the file: the guests it holds, every problem (row and column), who may be known already."""
    table = read_table(path, encoding)
    if not table or not any(table[0]):
        raise UserError(_("{path} is empty: the first row must name the columns.").format(path=Path(path).name))
    headers = table[0]
    columns = map_headers(headers, mapping)
    result = Preview(headers=headers, mapping=columns)
    people, organisations = _known_people()
    group_names = {fold(group.name) for group in guest_groups.groups()}
    seen: dict[str, int] = {}
    for number, cells in enumerate(table[1:], start=2):
        if not any(cells):
            continue
        values = {name: "" for name in FIELDS}
        where: dict[str, tuple[str, str]] = {}
        for index, name in columns.items():
            values[name] = cells[index] if index < len(cells) else ""
            where[name] = (get_column_letter(index + 1), headers[index])

        def problem(name: str, message: str, number: int = number, where: dict = where) -> None:
            column, header = where[name]
            result.problems.append(Problem(number, column, header, message))

        if not values["name"]:
            problem("name", _("the name is missing."))
            continue
        if not _texts_follow_the_rules(values, problem):
            continue
        if fold(values["name"]) in seen:
            problem("name", _("this guest is already on row {row}.").format(row=seen[fold(values["name"])]))
            continue
        seen[fold(values["name"])] = number
        if values["group"] and fold(values["group"]) not in group_names:
            problem("group", _("there is no guest group “{name}”; the groups are: {groups}.").format(
                name=values["group"], groups=", ".join(group.name for group in guest_groups.groups())))
        if values["email"] and not _EMAIL.match(values["email"]):
            problem("email", _("“{value}” is not an e-mail address.").format(value=values["email"]))
        if values["phone"] and not _PHONE.match(values["phone"]):
            problem("phone", _("“{value}” is not a phone number.").format(value=values["phone"]))
        row = ImportRow(
            row=number,
            entry=GuestEntry(
                name=values["name"],
                honorific=clean_or_none(values["honorific"]),
                position=clean_or_none(values["position"]),
                organisation=clean_or_none(values["organisation"]),
                group=clean_or_none(values["group"]),
                seat=clean_or_none(values["seat"]),
                notes=clean_or_none(values["notes"]),
            ),
            email=clean_or_none(values["email"]),
            phone=clean_or_none(values["phone"]),
        )
        _match(row, people, organisations)
        result.rows.append(row)
    return result


def _texts_follow_the_rules(values: dict[str, str], problem) -> bool:
    """The store's text rules on every cell of the row (control characters, line breaks in a one-line field,
    lengths): the preview names what the import would refuse, so nothing is refused half-way."""
    fine = True
    for name, value in values.items():
        try:
            guests.check_texts({name: value or None})
        except ValidationError as error:
            problem(name, error.message)
            fine = False
    return fine


def apply(event_id: int, plan: Preview, same_person: dict[int, bool] | None = None,
          progress: Callable[[int, int], None] | None = None,
          is_cancelled: Callable[[], bool] | None = None) -> ImportSummary:  # fmt: skip
    """Store the previewed guests on the event, all or none, in batches that let colleagues save in between
    (guest_batches.py). `same_person` answers each unsure row (by row number): True links the guest to the
    address-book person, False makes a new person. `progress` and `is_cancelled`: see `guest_batches.write`."""
    if plan.problems:
        shown = "; ".join(str(problem) for problem in plan.problems[:10])
        raise UserError(_("The guest list was not imported; correct the file and try again: {problems}").format(
            problems=shown))
    answers = same_person or {}
    undecided = [row.row for row in plan.unsure if row.row not in answers]
    if undecided:
        raise UserError(
            _("Rows {rows} may be people already in the address book: answer for each whether it is the same "
              "person.").format(rows=", ".join(map(str, undecided)))
        )
    rows = [
        guest_batches.GuestRow(row.row, row.entry, _person_id(row, answers.get(row.row, True)), row.email, row.phone)
        for row in plan.rows
    ]
    written = guest_batches.write(event_id, rows, progress=progress, is_cancelled=is_cancelled)
    return ImportSummary(added=written.added, updated=written.updated)


def _person_id(row: ImportRow, same: bool) -> int | None:
    """The address-book person the row is, or None for a new person."""
    return row.person_id if row.match == "same" or (row.match == "unsure" and same) else None
