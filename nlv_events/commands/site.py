"""`nlv-events site`: the public events calendar written as a static website (services/site)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from nlv_events.i18n import _


def register(commands, common: argparse.ArgumentParser) -> dict:
    from nlv_events.commands.common import day

    site = commands.add_parser(
        "site", parents=[common], help="write the public events calendar as a website (pages, .ics and Atom feeds)"
    )
    site.add_argument("-o", "--output", type=Path, metavar="FOLDER", required=True)
    site.add_argument("--from", dest="first", type=day, metavar="YYYY-MM-DD", help="first day shown (default: today)")
    site.add_argument("--months", type=int, default=12, metavar="N", help="how many months, from that day's (12)")
    return {"site": _command_site}


def _command_site(arguments: argparse.Namespace) -> int:
    from nlv_events.commands.common import open_named_database
    from nlv_events.services.site import export

    open_named_database(arguments)
    result = export.write_site(arguments.output, arguments.first or dt.date.today(), arguments.months)
    print(
        _("Wrote the calendar of {events} events to {folder}: {written} files written, {unchanged} unchanged.").format(
            events=result.events, folder=arguments.output, written=result.written, unchanged=result.unchanged
        )
    )
    return 0
