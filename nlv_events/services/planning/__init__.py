"""Planning the year: commemorations and the lunar calendar, the annual plan, recurring series."""
