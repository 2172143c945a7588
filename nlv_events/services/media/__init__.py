"""After the event: its photos and its news item."""
