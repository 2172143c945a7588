"""The Qt window: widgets, item models and dialogs; thin, they call the services."""
