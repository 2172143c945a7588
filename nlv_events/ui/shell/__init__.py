"""The window's frame: the main window, the action registry, translation, workers and shared widgets."""
