"""The neutral document (see docs/printouts.md) and its two renderers: ReportLab PDF and python-docx."""
