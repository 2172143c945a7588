"""Printed documents: a neutral description (model), the decree's blocks (decree), and the PDF and Word renderers.

`write(document, path)` is the one way a feature writes a printout to a file.
"""

from nlv_events.printing import paragraph_import

paragraph_import.install()  # before any of the package's modules imports ReportLab's platypus

from nlv_events.printing.output import write  # noqa: E402

__all__ = ["write"]
