"""The task templates of each kind of event: read whole, saved whole (the steps by id, through the versioned save)."""

from __future__ import annotations

from dataclasses import dataclass, field

from nlv_events.core import guard, versioned, vocab
from nlv_events.core.errors import UserError
from nlv_events.core.models import database_proxy
from nlv_events.core.task_models import ANCHORS, TaskTemplate, TemplateStep
from nlv_events.i18n import _


@dataclass
class StepRecord:
    title: str
    offset_days: int = 0
    anchor: str = "start"
    owner_role: str = ""
    id: int | None = None

    def label(self) -> str:
        """"T−30", "T+3", "T" (from the start) or "K+1" (from the end, kết thúc)."""
        letter = "T" if self.anchor == "start" else "K"
        if self.offset_days == 0:
            return letter
        return f"{letter}{'+' if self.offset_days > 0 else '−'}{abs(self.offset_days)}"


@dataclass
class TemplateRecord:
    kind: str
    name: str
    steps: list[StepRecord] = field(default_factory=list)
    id: int | None = None
    version: int | None = None
    # The step ids loaded, for the save's check; None replaces whatever steps are stored (an import).
    seen: list[int] | None = None


def _record(template: TaskTemplate) -> TemplateRecord:
    steps = [StepRecord(step.title, step.offset_days, step.anchor, step.owner_role or "", step.id)
             for step in template.steps.order_by(TemplateStep.sort_order, TemplateStep.id)]
    return TemplateRecord(template.kind, template.name, steps, template.id, template.version,
                          [step.id for step in steps if step.id is not None])


def templates() -> list[TemplateRecord]:
    """Every kind's template, in the order of the kinds."""
    order = list(vocab.KINDS)
    found = [_record(template) for template in TaskTemplate.select()]
    return sorted(found, key=lambda t: (order.index(t.kind) if t.kind in order else len(order), t.kind))


def for_kind(kind: str) -> TemplateRecord:
    """The template of `kind`, or an empty one to fill."""
    template = TaskTemplate.get_or_none(TaskTemplate.kind == kind)
    return _record(template) if template else TemplateRecord(kind, vocab.label("kind", kind))


# The most days a step is due before or after its event's day (the window's form offers as many): beyond, an event's
# task would fall on no date at all.
MOST_OFFSET_DAYS = 365


def _check(record: TemplateRecord) -> None:
    for number, step in enumerate(record.steps, 1):
        if abs(step.offset_days) > MOST_OFFSET_DAYS:
            message = _("Step {number} of the template is due {days} days from the event: at most {most}.")
            raise UserError(message.format(number=number, days=step.offset_days, most=MOST_OFFSET_DAYS))
        if not step.title.strip():
            raise UserError(_("Step {number} of the template needs a title.").format(number=number))
        if step.anchor not in ANCHORS:
            raise UserError(_("Step {number}: count the days from the start or the end.").format(number=number))


def save(record: TemplateRecord) -> TemplateRecord:
    """Store the template and its steps as listed; ConflictError when a colleague saved it since it was read."""
    _check(record)
    what = _("the template of “{kind}”").format(kind=vocab.label("kind", record.kind))

    def conflict() -> UserError:
        return versioned.conflict_error(what, [])

    with guard.database_errors(), database_proxy.atomic():
        if record.id is None:
            template_id = TaskTemplate.insert(kind=record.kind, name=record.name or record.kind).execute()
        else:
            template_id = record.id
            versioned.write_or_conflict(TaskTemplate, template_id, record.version, {"name": record.name}, conflict)
        rows = [{"id": step.id, "template": template_id, "sort_order": order, "title": step.title.strip(),
                 "offset_days": step.offset_days, "anchor": step.anchor, "owner_role": step.owner_role.strip() or None}
                for order, step in enumerate(record.steps)]
        versioned.sync_rows(TemplateStep, TemplateStep.template == template_id, rows,
                            record.seen, conflict)
    return _record(TaskTemplate.get_by_id(template_id))
