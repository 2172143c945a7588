"""`nlv-events photos` (add and list an event's photos) and `nlv-events news` (export the news item)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from nlv_events.core.errors import UserError
from nlv_events.i18n import _, ngettext


def register(commands, common: argparse.ArgumentParser) -> dict:
    photos = commands.add_parser(
        "photos", parents=[common], help="list an event's photos, or add pictures (files or folders) to it"
    )
    photos.add_argument("event_id", type=int, metavar="EVENT_ID")
    photos.add_argument("action", nargs="?", choices=("add",), help="add the FILEs (a folder: the pictures in it)")
    photos.add_argument("files", nargs="*", type=Path, metavar="FILE")
    photos.add_argument("--caption", default="", help="caption of the added photos")
    photos.add_argument("--credit", default="", metavar="NAME", help="photographer of the added photos")
    photos.add_argument("--format", dest="output_format", choices=("table", "json"), default="table")
    news = commands.add_parser(
        "news", parents=[common], help="export an event's news item: a folder for the website, or a DOCX file"
    )
    news.add_argument("event_id", type=int, metavar="EVENT_ID")
    news.add_argument("-o", "--output", type=Path, metavar="FOLDER|FILE.docx")
    news.add_argument("--author", help="author for the credit line (default: the setting)")
    news.add_argument("--url", help="record the address where the news item was published")
    return {"photos": _command_photos, "news": _command_news}


def _command_photos(arguments: argparse.Namespace) -> int:
    from nlv_events.core.database import open_database
    from nlv_events.services.media import event_photos

    open_database(arguments.db)
    if arguments.action == "add":
        if not arguments.files:
            raise UserError(_("Give the photos to add: nlv-events photos {id} add FILE…").format(id=arguments.event_id))
        result = event_photos.add_photos(
            arguments.event_id,
            event_photos.image_files(arguments.files),
            caption=arguments.caption,
            photographer=arguments.credit,
        )
        for problem in result.problems:
            sys.stderr.write(f"nlv-events: {problem}\n")
        count = len(result.added)
        print(ngettext("Added {count} photo.", "Added {count} photos.", count).format(count=count))
        if result.already:
            # Not a failure: the same folder added again after an adding was stopped halfway adds the rest.
            print(
                ngettext(
                    "{count} file was already among the event's photos and was left out.",
                    "{count} files were already among the event's photos and were left out.",
                    len(result.already),
                ).format(count=len(result.already))
            )
        return 1 if result.problems else 0
    if arguments.files:
        raise UserError(_("Files are given only after “add”."))
    photos = event_photos.photos(arguments.event_id) if _exists(arguments.event_id) else []
    missing = {photo.id for photo in event_photos.missing(arguments.event_id)} if photos else set()
    if arguments.output_format == "json":
        rows = [
            {
                "id": photo.id,
                "path": photo.path,
                "original_name": photo.original_name,
                "taken_at": photo.taken_at.isoformat() if photo.taken_at else None,
                "width": photo.width,
                "height": photo.height,
                "caption": photo.caption,
                "photographer": photo.photographer,
                "chosen": photo.chosen,
                "order": photo.sort_order,
                "missing": photo.id in missing,
            }
            for photo in photos
        ]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    for photo in photos:
        taken = f"{photo.taken_at:%d/%m/%Y %H:%M}" if photo.taken_at else "–"
        marks = ("★" if photo.chosen else " ") + ("!" if photo.id in missing else " ")
        print(f"{photo.id:>5} {marks} {taken:<16} {photo.original_name:<24} {photo.photographer:<20} {photo.caption}")
    if missing:
        sys.stderr.write(
            "nlv-events: "
            + ngettext(
                "{count} photo is missing from the photos folder (marked !).",
                "{count} photos are missing from the photos folder (marked !).",
                len(missing),
            ).format(count=len(missing))
            + "\n"
        )
    return 0


def _exists(event_id: int) -> bool:
    from nlv_events.core.models import Event

    if Event.get_or_none(Event.id == event_id) is None:
        raise UserError(_("There is no event number {id}.").format(id=event_id))
    return True


def _command_news(arguments: argparse.Namespace) -> int:
    from nlv_events.core.database import open_database
    from nlv_events.services.media import news

    open_database(arguments.db)
    _exists(arguments.event_id)
    if arguments.output is None and arguments.url is None:
        raise UserError(_("Give where to write the news item: -o FOLDER or -o FILE.docx."))
    if arguments.output is not None:
        draft = news.draft(arguments.event_id, arguments.author)
        if arguments.output.suffix.lower() == ".docx":
            news.export_docx(draft, arguments.output)
            print(_("Wrote the news item to {file}.").format(file=arguments.output))
        else:
            page = news.export_folder(draft, arguments.output)
            print(
                ngettext(
                    "Wrote the news item to {file} with {count} photo.",
                    "Wrote the news item to {file} with {count} photos.",
                    len(draft.photos),
                ).format(file=page, count=len(draft.photos))
            )
    if arguments.url is not None:
        news.record_link(arguments.event_id, arguments.url)
        print(_("Recorded the news link on the event."))
    return 0
