"""The press coverage of an event, in the event editor."""
