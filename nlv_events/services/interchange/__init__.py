"""The JSON interchange file: reading, checking, importing and exporting the record."""
