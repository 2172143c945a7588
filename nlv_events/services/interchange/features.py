"""The one list of the features that have a part in the interchange file: importing each module registers its part.

A new feature adds its line here; the reading, importing and exporting code does not change. These are plain
imports, not a scan of a folder, so a frozen bundle (PyInstaller), which has no folder to scan, finds them too.
"""

from nlv_events.services.attachments import attachment_interchange  # noqa: F401
from nlv_events.services.exhibits import exhibit_interchange  # noqa: F401
from nlv_events.services.guests import guest_interchange  # noqa: F401
from nlv_events.services.interchange.parts import InterchangePart
from nlv_events.services.interchange.parts import registered as _registered
from nlv_events.services.media import media_interchange  # noqa: F401
from nlv_events.services.planning import planning_interchange  # noqa: F401
from nlv_events.services.press import press_interchange  # noqa: F401
from nlv_events.services.tasks import task_interchange  # noqa: F401


def registered() -> list[InterchangePart]:
    """Every feature's part (and any registered since, as a test's), in a stable order."""
    return _registered()


def document_keys() -> set[str]:
    return {key for part in registered() for key in part.document_keys}


def event_keys() -> set[str]:
    return {key for part in registered() for key in part.event_keys}
