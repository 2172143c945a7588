"""Events in the window: the table, calendar, detail pane, the editor and its undoable changes."""
