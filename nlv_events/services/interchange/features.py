"""The one list of the features that have a part in the interchange file: importing each module registers its part.

A new feature adds its line here; the reading, importing and exporting code does not change. These are plain
imports, not a scan of a folder, so a frozen bundle (PyInstaller), which has no folder to scan, finds them too.
"""

from nlv_events.services.exhibits import exhibit_interchange  # noqa: F401
from nlv_events.services.guests import guest_interchange  # noqa: F401
from nlv_events.services.media import media_interchange  # noqa: F401
from nlv_events.services.planning import planning_interchange  # noqa: F401
