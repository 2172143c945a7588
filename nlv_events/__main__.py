"""Allow `python -m nlv_events`."""

from nlv_events.cli import main

raise SystemExit(main())
