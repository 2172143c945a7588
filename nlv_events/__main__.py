"""Allow `python -m nlv_events`."""

from nlv_events import one_shot

one_shot.fewer_collections()  # from the first import on (see one_shot.ONE_SHOT_THRESHOLDS); run() sets it too
from nlv_events.cli import run  # noqa: E402

raise SystemExit(run())
