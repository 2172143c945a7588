"""MARCXML read with pymarc's SAX handler, one damaged record at a time.

pymarc's handler reads attributes without checking them: a <datafield> without its tag ended the whole import in
"KeyError: (None, 'tag')". This handler numbers the records, turns such a damage into a reason naming the element
and what it lacks, drops that record and goes on with the next one.
"""

from __future__ import annotations

from pathlib import Path

from pymarc.exceptions import PymarcException
from pymarc.marcxml import XmlHandler, parse_xml

from nlv_events.i18n import _

_REQUIRED = {"controlfield": "tag", "datafield": "tag", "subfield": "code"}


class CheckedHandler(XmlHandler):
    def __init__(self) -> None:
        super().__init__(strict=False, normalize_form="NFC")
        self.number = 0  # the record being read, counted from 1
        self.numbered: list[tuple[int, object]] = []
        self.damaged: dict[int, str] = {}

    def startElementNS(self, name, qname, attrs) -> None:
        element = name[1]
        if element == "record":
            self.number += 1
        elif self._record is None and self.number in self.damaged:
            return  # the rest of a damaged record
        attribute = _REQUIRED.get(element)
        if attribute is not None and not (attrs.get((None, attribute)) or "").strip():
            self._damage(
                _("the record has a <{element}> without its “{attribute}” attribute.").format(
                    element=element, attribute=attribute
                )
            )
            return
        try:
            super().startElementNS(name, qname, attrs)
        except (PymarcException, KeyError, ValueError, TypeError) as error:
            self._damage(_reason(element, error))

    def endElementNS(self, name, qname) -> None:
        element = name[1]
        if element == "leader" and self._record is not None:
            leader = "".join(self._text)
            if len(leader) != 24:
                self._damage(_("the record's leader is not 24 characters long."))
                return
            if not (leader.isascii() and leader.isprintable()):  # a leader is codes: letters, digits, spaces
                self._damage(_("the record's leader is damaged."))
                return
        try:
            super().endElementNS(name, qname)
        except (PymarcException, KeyError, ValueError, TypeError, IndexError) as error:
            self._damage(_reason(element, error))

    def process_record(self, record) -> None:
        self.numbered.append((self.number, record))

    def _damage(self, reason: str) -> None:
        number = max(self.number, 1)
        self.damaged.setdefault(number, reason)
        self._record = None
        self._field = None
        self._subfield_code = None
        self._text = []


def _reason(element: str, error: Exception) -> str:
    return _("the record's <{element}> cannot be read ({error}).").format(element=element, error=type(error).__name__)


def parse(path: Path, handler: CheckedHandler) -> None:
    with path.open("rb") as stream:
        parse_xml(stream, handler)
