"""Exhibitions: sections, items and loans, the catalogue import, the checklist, labels, the handover record."""
