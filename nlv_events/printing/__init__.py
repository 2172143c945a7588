"""Printed documents: a neutral description (model), the decree's blocks (decree), and the PDF and Word renderers.

`write(document, path)` is the one way a feature writes a printout to a file.
"""

from nlv_events.printing.output import write

__all__ = ["write"]
