"""The Tallies view."""
