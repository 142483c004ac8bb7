"""The Textual app: screens, widgets and the one gate for user text."""
