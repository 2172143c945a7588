"""Allow `python -m nlv_events`."""

from nlv_events.cli import run

raise SystemExit(run())
