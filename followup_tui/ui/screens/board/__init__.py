"""The board screens and dialogs."""
