"""The Plan menu: commemorations, the annual plan and its progress, recurring series."""
