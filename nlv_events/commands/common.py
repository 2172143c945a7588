"""What the sub-commands share: the --db and --lang options, the argument types, a signed document's options and
opening the database a command names."""

from __future__ import annotations

import argparse
import codecs
import datetime as dt
import os
import sys

from nlv_events import i18n, one_shot
from nlv_events.core import when
from nlv_events.i18n import _

# --date of a document about one event (reception list, checklist, introduction).
EVENT_DOCUMENT_DATE = "date printed under the header (default: today, or the event's first day once it has passed)"


def common_options(default: object = None) -> argparse.ArgumentParser:
    """--db and --lang. A command's own sub-commands (`series add`) take them with `default=argparse.SUPPRESS`:
    argparse lets a sub-command's default overwrite what was given before it (`series --db X add`)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH_OR_URL", default=default, help="database file or postgresql:// URL")
    common.add_argument("--lang", choices=i18n.LANGUAGES, default=default, help="language of messages and printouts")
    return common


def year(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("“{value}” is not a year").format(value=text)) from None
    if not 1900 <= number <= 2200:
        raise argparse.ArgumentTypeError(_("“{value}” is not a year").format(value=text))
    return number


def day(text: str) -> dt.date:
    try:
        return when.parse_day(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("“{value}” is not a date such as 2023-01-05").format(value=text)) from None


def number_options(parser: argparse.ArgumentParser, example: str = "15/CTr-TVQG", default: str | None = None) -> None:
    """--number and --reprint of every numbered document: a number typed (checked against the register of outgoing
    documents) or "next", the register's next number of the document's kind."""
    parser.add_argument("--number", metavar="TEXT", default=default,
                        help=f"document number, e.g. {example.split('/')[0]} or {example}, or 'next': the register's "
                             "next number")  # fmt: skip
    parser.add_argument("--reprint", action="store_true",
                        help="the number is already in the register: print the document again under it")


def decree_options(parser: argparse.ArgumentParser, preparer: bool = False) -> None:
    """The decree's blocks of a signed document; each defaults to the settings (the date to today)."""
    number_options(parser, "15/BC-TVQG" if preparer else "15/CTr-TVQG")
    parser.add_argument("--date", type=day, metavar="YYYY-MM-DD", help="date of the document (default: today)")
    parser.add_argument("--signer", metavar="TEXT", help="name of the signer")
    parser.add_argument("--authority", metavar="TEXT",
                        help="signing authority, lines separated by ' / ', '|' or newlines")
    if preparer:
        parser.add_argument("--preparer", metavar="TEXT", help="name under Người lập biểu")
        parser.add_argument("--news-links", action="store_true", help="print each event's news link under its notes")
        parser.add_argument("--press", action="store_true", help="list each event's press coverage in its notes")
    else:
        parser.add_argument("--recipients", metavar="TEXT", help="recipients (Nơi nhận), separated by ';'")


def decree_options_from(arguments: argparse.Namespace):
    from nlv_events.printing.decree import DecreeOptions

    return DecreeOptions(
        number=arguments.number,
        date=arguments.date,
        signer=arguments.signer,
        authority=arguments.authority,
        recipients=getattr(arguments, "recipients", None),
        preparer=getattr(arguments, "preparer", None),
        news_links=getattr(arguments, "news_links", False),
        press=getattr(arguments, "press", False),
        reprint=getattr(arguments, "reprint", False),
    )


def open_named_database(arguments: argparse.Namespace) -> None:
    """The database of --db, $NLV_EVENTS_DB, the settings or the default file; read-only for a command that only
    reads (see one_shot) unless it prints a numbered document, which the register records."""
    from nlv_events.core import database
    from nlv_events.services.workspace import record

    # A printout with a number writes it in the register (sổ đăng ký văn bản đi): not read-only then.
    numbered = bool((getattr(arguments, "number", None) or "").strip())
    read_only = getattr(arguments, "command", None) in one_shot.READ_ONLY_COMMANDS and not numbered
    database.open_database(record.database_target(arguments.db), read_only=read_only)


def print_utf8(text: bytes) -> None:
    """Print `text`, UTF-8 already, as the standard output would print it decoded: its bytes handed on as they are
    when the stream is UTF-8 and writes line ends as they are (a listing of megabytes is not decoded only to be
    encoded again); otherwise (Windows writes "\r\n", a stream without bytes) through the text stream."""
    stream = sys.stdout
    raw, encoding = getattr(stream, "buffer", None), getattr(stream, "encoding", None)
    if raw is None or not encoding or os.linesep != "\n" or codecs.lookup(encoding).name != "utf-8":
        stream.write(text.decode("utf-8"))
        return
    stream.flush()  # what the text stream holds first
    raw.write(text)
