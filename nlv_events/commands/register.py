"""`nlv-events register`: the register of outgoing documents of a year, as a table, JSON, XLSX or a printout."""

from __future__ import annotations

import argparse
import sys

from nlv_events.commands.common import open_named_database, year
from nlv_events.core.errors import UserError
from nlv_events.i18n import _, ngettext


def register(commands, common: argparse.ArgumentParser) -> dict:
    listing = commands.add_parser(
        "register", parents=[common], help="the register of outgoing documents of a year (sổ đăng ký văn bản đi)"
    )
    listing.add_argument("year", type=year, metavar="YEAR")
    listing.add_argument("--kind", metavar="SYMBOL", help="only documents of this kind, e.g. CTr, GM, KH")
    listing.add_argument("--format", dest="output_format", choices=("table", "json", "xlsx", "pdf", "docx"),
                         help="default: by the extension of -o, else a table")  # fmt: skip
    listing.add_argument("-o", "--output", metavar="FILE")
    kinds = commands.add_parser("document-kinds", parents=[common],
                                help="the register's kinds of document: list, add or rename one")  # fmt: skip
    kinds.add_argument("action", nargs="?", choices=("list", "add", "rename"), default="list")
    kinds.add_argument("symbol", nargs="?", metavar="SYMBOL", help="the kind's symbol, e.g. QĐ")
    kinds.add_argument("name", nargs="?", metavar="NAME", help="its name, e.g. Quyết định")
    return {"register": _command_register, "document-kinds": _command_kinds}


def _command_kinds(arguments: argparse.Namespace) -> int:
    from nlv_events.services.register import entries

    open_named_database(arguments)
    if arguments.action == "add":
        added = entries.add_kind(arguments.symbol or "", arguments.name or "")
        print(_("Added the kind of document {symbol} ({name}).").format(symbol=added.symbol, name=added.name))
    elif arguments.action == "rename":
        line = next((kind for kind in entries.kinds() if kind.symbol == arguments.symbol), None)
        if line is None:
            raise UserError(_("The register has no kind of document “{symbol}”.").format(symbol=arguments.symbol))
        entries.rename_kind(line, arguments.name or "")
        print(_("Renamed the kind of document {symbol}.").format(symbol=line.symbol))
    else:
        for kind in entries.kinds():
            print(f"{kind.symbol:<6}  {kind.name}")
    return 0


def _command_register(arguments: argparse.Namespace) -> int:
    from nlv_events.services.register import entries, register_outputs

    output_format = register_outputs.format_for(arguments.output, arguments.output_format)
    if arguments.output is None and output_format in ("xlsx", "pdf", "docx"):
        raise UserError(
            _("An {format} file cannot be printed on the screen: give a file with -o.").format(
                format=output_format.upper()
            )
        )
    open_named_database(arguments)
    lines = entries.entries(arguments.year, arguments.kind)
    if arguments.output is None:
        text = register_outputs.to_json_text(arguments.year, lines) if output_format == "json" else (
            register_outputs.to_table_text(lines))  # fmt: skip
        sys.stdout.write(text)
        return 0
    register_outputs.write(arguments.year, lines, arguments.output, output_format)
    print(
        ngettext(
            "Wrote {count} entry of the register to {file}.", "Wrote {count} entries of the register to {file}.",
            len(lines),
        ).format(count=len(lines), file=arguments.output)
    )
    return 0
