"""PDF printouts with ReportLab: fonts, styles, the official layout, programmes and the year-end list."""
