"""What the window and the command line do with the store: import, export, reports, tallies (no Qt)."""
