"""The editor's Guests tab, its dialogs and the guests' print menu."""
