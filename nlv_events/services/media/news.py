"""The news item after an event: a draft from the record, edited and kept, exported for the website and as DOCX.

The news item is written in Vietnamese whatever the interface language: it is content for the library's
Vietnamese website (as in resources' seed), not part of the interface, so its sentences are not translated.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageCms

from nlv_events.core import event_reading
from nlv_events.core.errors import UserError
from nlv_events.core.files import atomic_output, make_folder
from nlv_events.core.media_models import NewsItem, Photo
from nlv_events.core.models import Event
from nlv_events.core.records import EventRecord
from nlv_events.core.settings import current_settings
from nlv_events.core.text import clean
from nlv_events.i18n import _
from nlv_events.printing.model import Block, Document, Picture, Text, line
from nlv_events.services.exhibits import structure
from nlv_events.services.media import event_photos as media
from nlv_events.services.media import photo_files
from nlv_events.services.media.news_programme import in_sentence, programme_sentence

GALLERY_HEADING = "Hình ảnh cùng sự kiện"
WEB_LONG_SIDE = 1600
WEB_QUALITY = 85
ORGANISER = "Thư viện Quốc gia Việt Nam"
# What the event is called in running text, per kind ("Tham dự Hội nghị …", "Tại buổi tọa đàm …").
EVENT_NOUNS = {
    "exhibition": "Lễ khai mạc triển lãm",
    "book_day": "chương trình",
    "talk": "buổi tọa đàm",
    "conference": "Hội nghị",
    "training": "lớp tập huấn",
    "other": "chương trình",
}
ROLES_ATTENDING = ("guest", "chair", "speaker", "presenter", "moderator", "curator", "author", "performer")


@dataclass
class NewsPhoto:
    photo_id: int
    file: Path  # the media folder's copy
    caption: str
    photographer: str


@dataclass
class NewsDraft:
    event_id: int
    day: dt.date
    title: str
    lead: str
    body: list[str]  # paragraphs
    credit: str
    photos: list[NewsPhoto] = field(default_factory=list)
    saved: bool = False  # True when the text comes from an edited, kept news item

    @property
    def base_name(self) -> str:
        """ "2022-12-26-hoi-nghi-tong-ket": the date and the first words of the title, folded."""
        return f"{self.day:%Y-%m-%d}-{photo_files.slug(self.title, words=4) or 'tin'}"

    def photo_names(self) -> list[str]:
        return [f"{self.base_name}-{number:02d}.jpg" for number in range(1, len(self.photos) + 1)]


def _day(moment: dt.date) -> dt.date:
    return moment.date() if isinstance(moment, dt.datetime) else moment


def date_phrase(start: dt.date, end: dt.date | None) -> str:
    """ "Ngày 26/12/2022" or "Từ ngày 18/4 đến ngày 25/4/2023", as the website writes dates."""
    first, last = _day(start), _day(end) if end is not None else None
    if last is None or last == first:
        return f"Ngày {first:%d/%m/%Y}"
    opening = f"{first:%d/%m}" if first.year == last.year else f"{first:%d/%m/%Y}"
    return f"Từ ngày {opening} đến ngày {last:%d/%m/%Y}"


def lead_sentence(record: EventRecord, organiser: str = ORGANISER) -> str:
    """ "Ngày 26/12/2022, Thư viện Quốc gia Việt Nam tổ chức Hội nghị …" from the date, partners and title."""
    if record.partners:
        doing = f"phối hợp với {', '.join(record.partners)} tổ chức"
    elif record.role == "co_organiser":
        doing = "phối hợp tổ chức"
    else:
        doing = "tổ chức"
    where = f" tại {record.venue}" if record.venue else ""
    return f"{date_phrase(record.start, record.end)}, {organiser} {doing} {record.title}{where}."


def _attending(record: EventRecord, noun: str) -> str | None:
    """ "Tham dự Hội nghị, về phía Bộ VHTTDL có bà …; ông …. Về phía TVQG có …", grouped by organisation."""
    people = [p for p in record.people if p.role in ROLES_ATTENDING] or list(record.people)
    if not people:
        return None
    groups: dict[str | None, list[str]] = {}
    for person in people:
        groups.setdefault(person.organisation, []).append(in_sentence(person))
    if list(groups) == [None]:
        return f"Tham dự {noun} có {'; '.join(groups[None])}."
    sentences = [
        f"về phía {organisation} có {'; '.join(names)}" if organisation else f"có {'; '.join(names)}"
        for organisation, names in groups.items()
    ]
    first, *rest = sentences
    return " ".join([f"Tham dự {noun}, {first}.", *(f"{s[0].upper()}{s[1:]}." for s in rest)])


def body_paragraphs(record: EventRecord) -> list[str]:
    """The body from the template of the event's kind: who attended, what was presented, the description."""
    kind = record.kind if record.kind in EVENT_NOUNS else "other"
    noun = EVENT_NOUNS[kind]
    paragraphs = [_attending(record, noun), programme_sentence(record, kind, noun)]
    if record.theme:
        paragraphs.append(f"Chủ đề: “{record.theme}”.")
    items = structure.count_summary(record.id).counted if record.id else record.items_displayed
    if kind == "exhibition" and items:  # as the tallies count it: the checklist's sum unless overridden
        paragraphs.append(f"Triển lãm trưng bày {items} tài liệu.")
    if record.description:
        paragraphs.extend(part.strip() for part in record.description.split("\n\n"))
    return [paragraph for paragraph in paragraphs if paragraph]


def credit_line(author: str, photographers: list[str]) -> str:
    """ "Tin: Nguyễn Phương Nhung; Ảnh: Trần Kim Thơ, Nguyễn Thuỳ Dung" (a part without a name is left out)."""
    parts = []
    if author.strip():
        parts.append(f"Tin: {author.strip()}")
    names = list(dict.fromkeys(name for name in photographers if name))
    if names:
        parts.append(f"Ảnh: {', '.join(names)}")
    return "; ".join(parts)


def _news_photos(event_id: int) -> list[NewsPhoto]:
    photos = media.news_photos(event_id)
    if not photos:
        return []  # no photos: no need of the photos folder (a shared database may not have chosen one yet)
    root = photo_files.media_root()
    return [
        NewsPhoto(photo.id, photo_files.file_of(photo, root), photo.caption, photo.photographer) for photo in photos
    ]


def build(event_id: int, author: str | None = None) -> NewsDraft:
    """A fresh draft from the record and the photos, ignoring any kept text."""
    record = event_reading.load_record(event_id)
    photos = _news_photos(event_id)
    author = current_settings().get("news.author") if author is None else author
    return NewsDraft(
        event_id=event_id,
        day=_day(record.start),
        title=record.title,
        lead=lead_sentence(record),
        body=body_paragraphs(record),
        credit=credit_line(author, [photo.photographer for photo in photos]),
        photos=photos,
    )


def draft(event_id: int, author: str | None = None) -> NewsDraft:
    """The news item as kept (its text) with the photos as they are now; a fresh draft when none was kept."""
    built = build(event_id, author)
    kept = NewsItem.get_or_none(NewsItem.event == event_id)
    if kept is None:
        return built
    built.title, built.lead, built.credit = kept.title, kept.lead, kept.credit
    built.body = [part.strip() for part in kept.body.split("\n\n") if part.strip()]
    built.saved = True
    return built


def save(event_id: int, title: str, lead: str, body: str, credit: str) -> NewsItem:
    """Keep the edited text of the event's news item."""
    if Event.get_or_none(Event.id == event_id) is None:
        raise UserError(_("There is no event number {id}.").format(id=event_id))
    title = clean(title)
    if not title:
        raise UserError(_("The news item needs a title."))
    item = NewsItem.get_or_none(NewsItem.event == event_id) or NewsItem(event=event_id)
    item.title, item.lead, item.body, item.credit = title, clean(lead), clean(body), clean(credit)
    item.updated_at = dt.datetime.now().replace(microsecond=0)
    item.save()
    return item


def record_link(event_id: int, url: str) -> None:
    """Record where the news item was published on the event (its news link), as a change of the event."""
    url = clean(url)
    if url and not url.lower().startswith(("http://", "https://")):
        raise UserError(_("The news link must be a web address starting with http:// or https://."))
    event = Event.get_or_none(Event.id == event_id)
    if event is None:
        raise UserError(_("There is no event number {id}.").format(id=event_id))
    Event.update(
        news_url=url or None, version=Event.version + 1, updated_at=dt.datetime.now().replace(microsecond=0)
    ).where(Event.id == event_id).execute()


# --- the web-sized photos ------------------------------------------------------------------------------------------

_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _to_srgb(image: Image.Image) -> Image.Image:
    profile = image.info.get("icc_profile")
    if profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            mode = "RGB" if image.mode not in ("CMYK",) else image.mode
            converted = ImageCms.profileToProfile(image.convert(mode), source, _SRGB, outputMode="RGB")
            if converted is not None:
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: the pixels as they are are the best guess
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")


def web_jpeg(source: Path, taken: dt.datetime | None = None) -> bytes:
    """The photo for the website: upright, long side at most 1600 px, sRGB, quality 85, and of its EXIF only the
    date (the location and the camera's other data stay out)."""
    with photo_files.open_image(source) as image:
        try:
            image.draft("RGB", (WEB_LONG_SIDE, WEB_LONG_SIDE))
            picture = photo_files.upright(image)
            picture = _to_srgb(picture)
            picture.thumbnail((WEB_LONG_SIDE, WEB_LONG_SIDE), Image.Resampling.LANCZOS)
        except (OSError, SyntaxError, ValueError) as error:
            raise photo_files.damaged(source, error) from error
    exif = Image.Exif()
    if taken is not None:
        exif[photo_files.EXIF_DATETIME] = taken.strftime("%Y:%m:%d %H:%M:%S")
    # Only the date is kept: EXIF text fields are ASCII, so a Vietnamese caption or name would arrive as "Tr?n";
    # the caption travels in the HTML (alt and figcaption) and the credit line instead.
    output = io.BytesIO()
    picture.save(
        output,
        "JPEG",
        quality=WEB_QUALITY,
        optimize=True,
        progressive=True,
        exif=exif.tobytes(),
        icc_profile=_SRGB.tobytes(),
    )
    return output.getvalue()


def _check_files(news: NewsDraft) -> None:
    gone = [photo.file.name for photo in news.photos if not photo.file.is_file()]
    if gone:
        raise UserError(
            _(
                "Photos missing from the photos folder: {names}. Find the moved folder from the event's Photos tab, "
                "or take them off the news item."
            ).format(names=", ".join(gone))
        )


def _photo_taken(news: NewsDraft) -> dict[int, dt.datetime | None]:
    ids = [photo.photo_id for photo in news.photos]
    return {photo.id: photo.taken_at for photo in Photo.select(Photo.id, Photo.taken_at).where(Photo.id.in_(ids))}


# --- HTML for the website ------------------------------------------------------------------------------------------


def html_fragment(news: NewsDraft, photo_names: list[str] | None = None) -> str:
    """One clean fragment for the website's editor: headings, paragraphs and figures, no styles, all text escaped."""
    names = photo_names if photo_names is not None else news.photo_names()
    text = html.escape
    # The charset first: a browser or editor that opens the file alone reads the Vietnamese as UTF-8, not Latin-1.
    lines = ['<meta charset="utf-8">', f"<h1>{text(news.title)}</h1>", f"<p>{text(news.lead)}</p>"]
    lines += [f"<p>{text(paragraph)}</p>" for paragraph in news.body]
    if news.photos:
        lines.append(f"<h2>{text(GALLERY_HEADING)}</h2>")
        for photo, name in zip(news.photos, names, strict=True):
            lines.append("<figure>")
            lines.append(f'<img src="{text(name)}" alt="{text(photo.caption)}">')
            if photo.caption:
                lines.append(f"<figcaption>{text(photo.caption)}</figcaption>")
            lines.append("</figure>")
    if news.credit:
        lines.append(f"<p>{text(news.credit)}</p>")
    return "\n".join(lines) + "\n"


def export_folder(news: NewsDraft, folder: str | os.PathLike[str]) -> Path:
    """Write the HTML fragment and the web-sized photos into `folder`; returns the HTML file."""
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise UserError(_("{path} is a file; give a folder for the website export.").format(path=target))
    _check_files(news)
    make_folder(target, _("Cannot write {path}: {reason}"))
    taken = _photo_taken(news)
    for photo, name in zip(news.photos, news.photo_names(), strict=True):
        data = web_jpeg(photo.file, taken.get(photo.photo_id))
        with atomic_output(target / name) as stream:
            stream.write(data)
        _readable(target / name)
    page = target / f"{news.base_name}.html"
    with atomic_output(page, "w", encoding="utf-8") as stream:
        stream.write(html_fragment(news))
    _readable(page)
    return page


def _readable(path: Path) -> None:
    """Files for the web server are readable by all (a temporary file is created private)."""
    try:
        path.chmod(0o644)
    except OSError:
        pass  # a file system without modes (a USB stick) needs none


# --- DOCX ----------------------------------------------------------------------------------------------------------


def document(news: NewsDraft) -> Document:
    """The news item as a neutral document: title, lead, body, the photos (web-sized) with their captions, and
    the credit line at the right."""
    taken = _photo_taken(news)
    blocks: list[Block] = [Text(news.title, "doc_type"), Text(line(news.lead, bold=True), "body")]
    blocks += [Text(paragraph, "paragraph") for paragraph in news.body]
    if news.photos:
        blocks.append(Text(GALLERY_HEADING, "section"))
    for photo in news.photos:
        blocks.append(Picture(web_jpeg(photo.file, taken.get(photo.photo_id))))
        if photo.caption:
            blocks.append(Text(photo.caption, "note"))
    if news.credit:
        blocks.append(Text(line(news.credit, bold=True), "body", align="right"))
    return Document(title=news.title, blocks=blocks, page_numbers=False)


def export_docx(news: NewsDraft, path: str | os.PathLike[str]) -> None:
    """The news item as a Word document with its photos and captions, for whoever edits it in Word."""
    from nlv_events import printing

    _check_files(news)
    printing.write(document(news), path)
