"""Files attached to events: copied into the media folder, listed, opened, removed, carried in a full export."""
