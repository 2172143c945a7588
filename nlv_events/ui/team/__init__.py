"""The team on one database in the window: the editor's history tab, who is working, live updates, roles."""
