"""Preparing each event: task templates, each event's tasks, the board of what is due, the staff who own tasks, and
the weekly work schedule (lịch công tác tuần)."""
