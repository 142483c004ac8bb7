"""The debrief screens and dialogs."""
