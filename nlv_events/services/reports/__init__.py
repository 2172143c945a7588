"""The year's reports: the counting rule, tallies and their exports, the programme, the year-end list, the .ics."""
