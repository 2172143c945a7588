"""Preparing each event in the window: the editor's Tasks tab, the board of what is due, the templates and staff
dialogs, and the start-up reminder of overdue tasks."""
