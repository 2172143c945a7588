"""Sub-commands for planning the year: the year's anniversaries, the annual plan document and its progress."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from nlv_events.commands.common import number_options, year
from nlv_events.core import when
from nlv_events.core.errors import UserError
from nlv_events.i18n import _


def _day(text: str) -> dt.date:
    try:
        return when.parse_day(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("“{value}” is not a date such as 2025-01-15").format(value=text)) from None


def register(commands, common: argparse.ArgumentParser) -> dict:
    anniversaries = commands.add_parser(
        "anniversaries", parents=[common], help="the commemorations of a year, with ordinals and round years"
    )
    anniversaries.add_argument("year", type=year, metavar="YEAR")
    anniversaries.add_argument("--round-only", action="store_true", help="only multiples of 5 and 10")
    anniversaries.add_argument("--format", dest="output_format", choices=("table", "json"), default="table")

    plan = commands.add_parser("plan", parents=[common], help="the annual plan as PDF or DOCX, or its progress")
    plan.add_argument("year", type=year, metavar="YEAR")
    plan.add_argument("-o", "--output", metavar="FILE.pdf|FILE.docx")
    plan.add_argument("--progress", action="store_true", help="planned against held so far, per kind and month")
    plan.add_argument("--as-of", type=_day, metavar="DATE", help="the day progress is measured at (default today)")
    plan.add_argument("--format", dest="output_format", choices=("table", "json"), default="table")
    number_options(plan, "15/KH-TVQG", default="")
    plan.add_argument("--date", type=_day, metavar="DATE", help="the date on the plan (default today)")
    plan.add_argument("--signer-title", default="",
                      help="the signing authority (default GIÁM ĐỐC); two lines as “KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC”, "
                           "“KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC” or with a newline")
    plan.add_argument("--signer-name", default="")
    plan.add_argument("--template", metavar="FILE.txt", help="the purposes, requirements and implementation text")
    return {"anniversaries": _command_anniversaries, "plan": _command_plan}


def _open(arguments: argparse.Namespace) -> None:
    from nlv_events.core import database

    database.open_database(arguments.db)


def _command_anniversaries(arguments: argparse.Namespace) -> int:
    from nlv_events.core.text import text_table
    from nlv_events.services.planning import commemorations

    _open(arguments)
    items = commemorations.anniversaries(arguments.year, round_only=arguments.round_only)
    if arguments.output_format == "json":
        sys.stdout.write(json.dumps([item.to_json() for item in items], ensure_ascii=False, indent=2) + "\n")
        return 0
    rows = [[_("Date"), _("Round"), _("Commemoration"), _("Events")]]
    for item in items:
        rows.append(
            [
                item.day.strftime("%d/%m/%Y"),
                "●" if item.round else "",
                item.heading,
                ", ".join(str(event_id) for event_id in item.event_ids),
            ]
        )
    sys.stdout.write(text_table(rows))
    return 0


def _command_plan(arguments: argparse.Namespace) -> int:
    from nlv_events.core import vocab
    from nlv_events.core.text import text_table
    from nlv_events.services.planning import annual_plan

    if arguments.progress:
        _open(arguments)
        progress = annual_plan.progress(arguments.year, arguments.as_of)
        if arguments.output_format == "json":
            sys.stdout.write(json.dumps(progress.to_json(), ensure_ascii=False, indent=2) + "\n")
            return 0
        sys.stdout.write(
            _("Progress of the plan {year} as of {day}").format(
                year=arguments.year, day=progress.today.strftime("%d/%m/%Y")
            )
            + "\n\n"
        )
        rows = [[_("Kind"), _("Target"), _("Planned"), _("Due so far"), _("Held")]]
        for kind, line in [*progress.kinds.items(), ("", progress.total)]:
            label = vocab.label("kind", kind) if kind else _("Total")
            target = str(line.target) if line.target is not None else "–"
            rows.append([label, target, str(line.planned), str(line.due), str(line.held)])
        sys.stdout.write(text_table(rows) + "\n")
        rows = [[_("Month"), _("Planned"), _("Due so far"), _("Held")]]
        for month, line in progress.months.items():
            rows.append([str(month), str(line.planned), str(line.due), str(line.held)])
        sys.stdout.write(text_table(rows))
        return 0
    if not arguments.output:
        raise UserError(_("Give the file to write with -o FILE.pdf or -o FILE.docx, or ask for --progress."))
    output = Path(arguments.output)
    suffix = output.suffix.lower()
    if suffix not in (".pdf", ".docx"):
        raise UserError(_("The plan is written as .pdf or .docx, not “{suffix}”.").format(suffix=suffix or output.name))
    template = None
    if arguments.template:
        try:
            template = Path(arguments.template).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise UserError(
                _("Cannot read the template {path}: {reason}").format(path=arguments.template, reason=error)
            ) from None
    _open(arguments)
    options = annual_plan.PlanOptions(
        number=arguments.number,
        day=arguments.date,
        signer_title=arguments.signer_title,
        signer_name=arguments.signer_name,
        template=template,
    )
    document = annual_plan.build(arguments.year, options)
    from nlv_events.services.planning import annual_plan_document
    from nlv_events.services.register import registered_print

    asked = registered_print.Asked(arguments.number, arguments.date, annual_plan.PLAN_SYMBOL, None, arguments.reprint)
    annual_plan_document.write(document, output, asked)
    print(_("Wrote the plan of {year} to {file}.").format(year=arguments.year, file=output))
    return 0
