"""The press coverage of events: articles, broadcasts and posts, counted in the tallies and listed in the year-end
list."""
