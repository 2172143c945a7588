"""The bundle's entry point: the same `nlv-events` command (the window by default)."""

from nlv_events.cli import run

raise SystemExit(run())
