"""The record as a whole: which database, the demo year, backups, checks, writing files safely."""
