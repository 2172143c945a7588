"""The files attached to an event, in the event editor."""
