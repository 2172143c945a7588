"""The team on one database: the change history and its restores, the roles a server enforces, live updates."""
