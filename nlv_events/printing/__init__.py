"""Printed documents: the neutral description, the decree's blocks, the PDF and DOCX renderers."""
