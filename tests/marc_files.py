"""Real MARC 21 files for the tests, built with pymarc: UTF-8 and MARC-8 records, MARCXML, damaged records, text
in an undeclared encoding."""

from __future__ import annotations

import unicodedata

from pymarc import Field, Indicators, Leader, Record, Subfield, record_to_xml

# MARC-8 (ANSEL) for the Vietnamese letters: the spacing letters with their own codes, and the combining marks,
# which MARC-8 writes BEFORE the letter they sit on.
_ANSEL_LETTERS = {"Đ": 0xA3, "đ": 0xB3, "Ơ": 0xAC, "ơ": 0xBC, "Ư": 0xAD, "ư": 0xBD}
_ANSEL_MARKS = {
    "\u0309": 0xE0,
    "\u0300": 0xE1,
    "\u0301": 0xE2,
    "\u0302": 0xE3,
    "\u0303": 0xE4,
    "\u0306": 0xE6,
    "\u0323": 0xF2,
}


def to_marc8(value: str) -> str:
    """`value` encoded in MARC-8, returned as the Latin-1 string pymarc writes byte for byte."""
    out = bytearray()
    decomposed = unicodedata.normalize("NFD", value)
    index = 0
    while index < len(decomposed):
        base = decomposed[index]
        marks = []
        index += 1
        while index < len(decomposed) and unicodedata.combining(decomposed[index]):
            marks.append(decomposed[index])
            index += 1
        if base in "OoUu" and "\u031b" in marks:  # the horn makes its own letter in MARC-8
            base = {"O": "Ơ", "o": "ơ", "U": "Ư", "u": "ư"}[base]
            marks.remove("\u031b")
        out += bytes(_ANSEL_MARKS[mark] for mark in marks)
        out += bytes([_ANSEL_LETTERS[base]]) if base in _ANSEL_LETTERS else base.encode("ascii")
    return out.decode("latin-1")


def book(
    title: str,
    creator: str | None = None,
    subtitle: str | None = None,
    place: str = "Hà Nội",
    publisher: str = "Chính trị quốc gia",
    year: str = "2020",
    call_number: str | None = None,
    pages: str = "245 tr.",
    added: tuple[str, ...] = (),
    marc8: bool = False,
    record_type: str = "am",
    imprint: str = "260",
) -> Record:
    """A bibliographic record as the catalogue exports it (UTF-8, or MARC-8 when `marc8`)."""
    encode = to_marc8 if marc8 else (lambda value: value)
    record = Record(force_utf8=not marc8, to_unicode=not marc8)  # to_unicode would relabel MARC-8 as UTF-8
    record.leader = Leader(
        f"00000n{record_type} a22000007a 4500" if not marc8 else f"00000n{record_type}  22000007a 4500"
    )
    record.add_field(Field(tag="008", data="200101s2020    vm a          000 0 vie d"))
    if call_number:
        classification, _, cutter = call_number.partition(" ")
        record.add_field(
            Field(
                tag="090",
                indicators=Indicators(" ", " "),
                subfields=[Subfield("a", classification), Subfield("b", cutter)],
            )
        )
    if creator:
        record.add_field(
            Field(tag="100", indicators=Indicators("1", " "), subfields=[Subfield("a", encode(creator) + ",")])
        )
    title_subfields = [Subfield("a", encode(title) + (" :" if subtitle else " /"))]
    if subtitle:
        title_subfields.append(Subfield("b", encode(subtitle) + " /"))
    record.add_field(Field(tag="245", indicators=Indicators("1", "0"), subfields=title_subfields))
    record.add_field(
        Field(
            tag=imprint,
            indicators=Indicators(" ", "1" if imprint == "264" else " "),
            subfields=[
                Subfield("a", encode(place) + " :"),
                Subfield("b", encode(publisher) + ","),
                Subfield("c", year + "."),
            ],
        )
    )
    record.add_field(
        Field(
            tag="300",
            indicators=Indicators(" ", " "),
            subfields=[Subfield("a", encode(pages) + " ;"), Subfield("c", "21 cm")],
        )
    )
    for name in added:
        record.add_field(Field(tag="700", indicators=Indicators("1", " "), subfields=[Subfield("a", encode(name))]))
    return record


def marc_bytes(records: list[Record]) -> bytes:
    return b"".join(record.as_marc() for record in records)


def marcxml_bytes(records: list[Record]) -> bytes:
    body = b"".join(record_to_xml(record, namespace=False) for record in records)
    return (
        b'<?xml version="1.0" encoding="UTF-8"?><collection xmlns="http://www.loc.gov/MARC21/slim">'
        + body
        + b"</collection>"
    )


def cp1251_book(title: str, creator: str):
    """A record whose text is Windows-1251 while its leader declares MARC-8, as some Russian catalogues export."""

    def cp1251(value: str) -> str:
        return value.encode("cp1251").decode("latin-1")  # pymarc writes a MARC-8 record's strings byte for byte

    record = book("placeholder", marc8=True)
    record.remove_fields("245", "100")
    record.add_field(Field(tag="100", indicators=Indicators("1", " "), subfields=[Subfield("a", cp1251(creator))]))
    record.add_field(Field(tag="245", indicators=Indicators("1", "0"), subfields=[Subfield("a", cp1251(title))]))
    return record


def damaged_marcxml() -> bytes:
    """MARCXML of six records: the 1st and 6th sound, the 2nd to 5th each damaged in one way."""
    good = marcxml_bytes([book("Bản ghi tốt một"), book("Bản ghi tốt hai")]).decode("utf-8")
    head, _, tail = good.partition("<record>")
    first, _, second = tail.partition("<record>")
    broken = [
        '<record><leader>00000nam a2200000 a 4500</leader><datafield ind1="1" ind2="0"><subfield code="a">Không tag'
        "</subfield></datafield></record>",
        '<record><leader>00000nam a2200000 a 4500</leader><datafield tag="245" ind1="1" ind2="0"><subfield>Không mã'
        "</subfield></datafield></record>",
        '<record><leader>00000nam</leader><datafield tag="245" ind1="1" ind2="0"><subfield code="a">Đầu biểu ngắn'
        "</subfield></datafield></record>",
        "<record><leader>00000nam a2200000 a 4500</leader><controlfield>200101</controlfield>"
        '<datafield tag="245" ind1="1" ind2="0"><subfield code="a">Trường điều khiển</subfield></datafield></record>',
    ]
    return (head + "<record>" + first + "".join(broken) + "<record>" + second).encode("utf-8")
